from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from linkwork.core import two_factor
from linkwork.core.models import ApiToken, AuditEntry, Membership, Organisation, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [MembershipInline]
    actions = ["reset_two_factor"]

    @admin.action(
        description=gettext_lazy("Reset two-factor sign-in (they set it up again at next sign-in)")
    )
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        by = request.user if isinstance(request.user, User) else None
        for user in queryset:
            two_factor.reset_two_factor(user=user, by=by)
        self.message_user(
            request, _("Two-factor sign-in reset for %(n)d users.") % {"n": queryset.count()}
        )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "code", "programme"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = [
        "prefix",
        "user",
        "name",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    ]
    readonly_fields = ["prefix", "token_hash", "created_at", "last_used_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # tokens are made by their owner (two factors) or `linkwork create-token`


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log cannot be added to, edited or deleted through the admin."""

    list_display = ["at", "actor_username", "action", "object_type", "object_id", "request_id"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_type", "object_id", "request_id", "actor_username"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
