"""Signing in with a second factor, recovery codes, and the user's own API tokens."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from linkwork.core import enrolment, two_factor
from linkwork.core.forms import ApiTokenForm, TwoFactorCodeForm
from linkwork.core.models import User
from linkwork.core.tokens import create_token, revoke_token, tokens_of

RECOVERY_CODES_SESSION_KEY = "linkwork_new_recovery_codes"


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # login_required ran first
    return user


@never_cache
@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """Second step of signing in: a code from the app, or a recovery code."""
    user = _user(request)
    if two_factor.is_verified(user):
        return HttpResponseRedirect(_next_url(request))
    if two_factor.confirmed_totp(user) is None:
        return redirect(f"{reverse('core:two_factor_setup')}?{request.GET.urlencode()}")
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.verify(user, form.cleaned_data["code"])
        if device is not None:
            two_factor.complete_sign_in(request, device)
            return HttpResponseRedirect(_next_url(request))
        form.add_error("code", _("That code is not right, or has been used. Try the newest code."))
    return render(
        request, "registration/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )


@never_cache
@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """First sign-in (or after an administrator's reset): add an authenticator app."""
    user = _user(request)
    if two_factor.confirmed_totp(user) is not None:
        return redirect("core:two_factor_verify")
    if not enrolment.may_set_up(request, user):
        # Only a session that opened the set-up link sent to the account's email may see a
        # secret: a password alone must not be enough to add an authenticator.
        return render(request, "registration/two_factor_need_link.html", status=403)
    device = two_factor.pending_totp(user)
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_totp(user=user, device=device, code=form.cleaned_data["code"])
        if codes is not None:
            two_factor.complete_sign_in(request, device)
            request.session[RECOVERY_CODES_SESSION_KEY] = codes
            return redirect(
                f"{reverse('core:recovery_codes')}?{urlencode({'next': _next_url(request)})}"
            )
        form.add_error("code", _("That code is not right. Enter the code your app shows now."))
    context = {
        "form": form,
        "secret": two_factor.base32_secret(device),
        "qr_svg": two_factor.qr_code_svg(device.config_url),
        "next": _next_url(request),
    }
    return render(request, "registration/two_factor_setup.html", context)


@never_cache
def two_factor_enrol(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The set-up link from the email: remember it in this session, then go on to set up
    (signing in with the password first if needed). The token leaves the address bar at once."""
    user = enrolment.user_for_link(uidb64, token)
    if user is None:
        return render(request, "registration/two_factor_link_invalid.html", status=404)
    signed_in_as = request.user.pk if request.user.is_authenticated else None
    if signed_in_as not in (None, user.pk):
        return render(request, "registration/two_factor_link_invalid.html", status=404)
    enrolment.allow_set_up(request, user)
    return redirect("core:two_factor_setup")


@never_cache
@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Show new recovery codes once; a POST replaces them with a new set."""
    user = _user(request)
    if request.method == "POST":
        request.session[RECOVERY_CODES_SESSION_KEY] = two_factor.new_recovery_codes(user=user)
        return redirect("core:recovery_codes")
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    remaining = two_factor.recovery_codes_left(user)
    return render(
        request,
        "registration/recovery_codes.html",
        {"codes": codes, "remaining": remaining, "next": _next_url(request)},
    )


@never_cache
@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    """The user's own API tokens: list, create (shown once), revoke."""
    user = _user(request)
    form = ApiTokenForm(request.POST or None)
    new_token = ""
    if request.method == "POST" and form.is_valid():
        # The middleware already sent unverified sessions away; this is the second lock.
        if not two_factor.is_verified(user):
            return redirect("core:two_factor_verify")
        _, new_token = create_token(
            user=user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
        )
        form = ApiTokenForm()
    return render(
        request,
        "core/api_tokens.html",
        {"form": form, "tokens": tokens_of(user), "new_token": new_token},
    )


@require_POST
@login_required
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    token = get_object_or_404(tokens_of(user), pk=pk)
    revoke_token(token=token, by=user)
    messages.success(
        request, _("The token %(prefix)s… no longer works.") % {"prefix": token.prefix}
    )
    return redirect("core:api_tokens")


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: object = None
) -> HttpResponse:
    """django-axes' answer to a locked-out sign-in: 429 with a page saying when to try again."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"cooloff_minutes": minutes}, status=429)
