from django.contrib import admin

from linkwork.insight.models import ExtractApproval, ResearchExtract


@admin.register(ExtractApproval)
class ExtractApprovalAdmin(admin.ModelAdmin):
    list_display = ("approval_reference", "analyst", "programme", "expires_on", "revoked_at")
    raw_id_fields = ("analyst", "programme", "granted_by")


@admin.register(ResearchExtract)
class ResearchExtractAdmin(admin.ModelAdmin):
    list_display = ("taken_at", "analyst", "approval", "rows")
    readonly_fields = [f.name for f in ResearchExtract._meta.fields]

    def has_add_permission(self, request: object) -> bool:  # type: ignore[override]
        return False
