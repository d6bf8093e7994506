"""Admin for the directory: a fallback for administrators; editors use the editorial pages."""

from __future__ import annotations

from django.contrib import admin

from linkwork.directory import models as m


@admin.register(m.Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "organization", "status", "postcode", "last_reviewed_at")
    list_filter = ("status", "access")
    search_fields = ("name", "summary", "postcode")
    raw_id_fields = ("organization", "program", "owner", "last_reviewed_by")
    filter_horizontal = ("categories",)


@admin.register(m.Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "last_modified")
    search_fields = ("name",)
    raw_id_fields = ("parent_organization", "owner", "last_reviewed_by")


@admin.register(m.TaxonomyTerm)
class TaxonomyTermAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "taxonomy", "maps_to")
    list_filter = ("taxonomy_ref",)
    search_fields = ("name", "code")
    raw_id_fields = ("parent", "maps_to", "taxonomy_ref")


@admin.register(m.ChangeRecord)
class ChangeRecordAdmin(admin.ModelAdmin):
    list_display = ("at", "object_type", "object_id", "kind", "actor_name")
    list_filter = ("kind", "object_type")
    readonly_fields = [f.name for f in m.ChangeRecord._meta.fields]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # history is never edited


for model in (
    m.Location,
    m.Taxonomy,
    m.ProblemReport,
    m.OrganizationClaim,
    m.ChangeRequest,
    m.DuplicateFlag,
):
    admin.site.register(model)
