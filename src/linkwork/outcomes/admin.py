from django.contrib import admin

from linkwork.outcomes.models import InstrumentText


@admin.register(InstrumentText)
class InstrumentTextAdmin(admin.ModelAdmin):
    """Read-only: wording is loaded from the licensed file with `linkwork load-instrument-text`."""

    list_display = ("instrument", "language", "licence_reference", "loaded_at")
    readonly_fields = ("instrument", "language", "licence_reference", "instructions", "items")

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False
