"""Two factors for staff: a TOTP app (django-otp) plus one-time recovery codes.

Every role that can see personal data must sign in with a password *and* a code. The password
step is Django's login; `TwoFactorRequiredMiddleware` then keeps the session on the two-factor
pages until `complete_sign_in` records the device in the session (django-otp's `login`).
"""

from __future__ import annotations

import base64
import binascii
import re

from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from linkwork.core import audit
from linkwork.core.models import User
from linkwork.core.roles import Role

#: The one published TOTP secret every *local demo* account shares (base32, as an
#: authenticator app shows it). Demo accounts are never created in production.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 (public by design)
RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
_CODE = re.compile(r"^[0-9]{6}$")
_RECOVERY = re.compile(r"^[a-z0-9]{8,16}$")


def requires_two_factor(user: User) -> bool:
    """True for anyone who can see personal data: every role, and staff/superusers."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return any(role.value in user.role_names() for role in Role)


def is_verified(user: object) -> bool:
    """True if this session's user proved a second factor (set by django-otp's middleware)."""
    check = getattr(user, "is_verified", None)
    return bool(callable(check) and check())


def hex_key_from_base32(secret: str) -> str:
    return binascii.hexlify(base64.b32decode(secret)).decode()


def base32_secret(device: TOTPDevice) -> str:
    """The secret as an authenticator app asks for it (groups of four, for typing)."""
    raw = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def current_code(secret_base32: str = DEMO_TOTP_SECRET) -> str:
    """The code an authenticator app would show now for this base32 secret."""
    totp = TOTP(base64.b32decode(secret_base32))
    return f"{totp.token():06d}"


def confirmed_totp(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_totp(user: User) -> TOTPDevice:
    """The unconfirmed device being set up (made once, so a reload shows the same secret)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def normalise_code(text: str) -> str:
    """Spaces and dashes people type are dropped; only ASCII letters and digits remain."""
    return re.sub(r"[\s-]", "", text or "").lower()


def is_code_shaped(text: str) -> bool:
    code = normalise_code(text)
    return bool(code.isascii() and (_CODE.match(code) or _RECOVERY.match(code)))


def complete_sign_in(request: HttpRequest, device: TOTPDevice | StaticDevice) -> None:
    """Mark this session as signed in with two factors, and audit it."""
    otp_login(request, device)
    request.session.cycle_key()  # a new session id once the second factor is proven
    audit.record(
        audit.Action.LOGIN,
        request.user,  # type: ignore[arg-type]
        actor=request.user,
        detail={"via": "totp" if isinstance(device, TOTPDevice) else "recovery_code"},
    )


def verify(user: User, code: str) -> TOTPDevice | StaticDevice | None:
    """The device a code belongs to (a TOTP code, or an unused recovery code), or None."""
    code = normalise_code(code)
    if not code.isascii():
        return None
    if _CODE.match(code):
        totp = confirmed_totp(user)
        if totp is not None and totp.verify_token(code):
            return totp
        return None
    if _RECOVERY.match(code):
        for device in StaticDevice.objects.filter(user=user, confirmed=True):
            if device.verify_token(code):  # removes the used code
                return device
    return None


@transaction.atomic
def confirm_totp(*, user: User, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm a new authenticator app with a code from it; returns fresh recovery codes."""
    code = normalise_code(code)
    if device.user_id != user.pk or not (code.isascii() and _CODE.match(code)):
        return None
    if not device.verify_token(code):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit.record(audit.Action.CREATE, device, actor=user, detail={"via": "totp"})
    return new_recovery_codes(user=user)


@transaction.atomic
def new_recovery_codes(*, user: User) -> list[str]:
    """Replace the user's recovery codes with a new set (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    audit.record(audit.Action.CREATE, device, actor=user, detail={"count": len(codes)})
    return codes


@transaction.atomic
def reset_two_factor(*, user: User, by: User | None) -> int:
    """An administrator's reset: remove every device, so the user sets up again at next sign-in."""
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    removed += StaticDevice.objects.filter(user=user).delete()[0]
    audit.record(audit.Action.UPDATE, user, actor=by, detail={"status": "two_factor_reset"})
    return removed


@transaction.atomic
def give_demo_device(user: User) -> TOTPDevice:
    """Local demo only: the account's authenticator shares the published demo secret."""
    key = hex_key_from_base32(DEMO_TOTP_SECRET)
    device, _ = TOTPDevice.objects.update_or_create(
        user=user, name=TOTP_DEVICE_NAME, defaults={"key": key, "confirmed": True}
    )
    return device


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def qr_code_svg(text: str) -> str:
    """An SVG QR code of the authenticator set-up link (no inline style, so the CSP holds)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return str(image.to_string(encoding="unicode"))
