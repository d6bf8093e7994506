from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from linkwork.core import enrolment, two_factor
from linkwork.core.models import ApiToken, AuditEntry, Membership, Organisation, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [MembershipInline]
    actions = ["reset_two_factor", "send_set_up_link"]

    @admin.action(
        description=gettext_lazy(
            "Reset two-factor sign-in and email a set-up link (lost or new phone)"
        )
    )
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        by = request.user if isinstance(request.user, User) else None
        for user in queryset:
            two_factor.reset_two_factor(user=user, by=by)
        self.message_user(
            request, _("Two-factor sign-in reset for %(n)d users.") % {"n": queryset.count()}
        )
        self._send_links(request, queryset, by)

    @admin.action(description=gettext_lazy("Email a two-factor set-up link"))
    def send_set_up_link(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        by = request.user if isinstance(request.user, User) else None
        self._send_links(request, queryset, by)

    def _send_links(self, request: HttpRequest, queryset: QuerySet[User], by: User | None) -> None:
        unsent = [u.get_username() for u in queryset if not enrolment.send_link(user=u, by=by)]
        sent = queryset.count() - len(unsent)
        if sent:
            self.message_user(request, _("Set-up link emailed to %(n)d users.") % {"n": sent})
        if unsent:
            self.message_user(
                request,
                _(
                    "No set-up link could be emailed to: %(names)s (no email address, or sending "
                    "failed). Add an address, or print a link on the server with "
                    "`linkwork two-factor-link USERNAME`."
                )
                % {"names": ", ".join(unsent)},
                level=messages.WARNING,
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
