"""Core endpoints of the application API (/api/v1/)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from linkwork.core.api_auth import staff_auth

router = Router(tags=["account"])


class MeOut(Schema):
    username: str
    roles: list[str]
    organisations: list[int]


@router.get("/me", response=MeOut, auth=staff_auth, summary="The signed-in user and roles")
def me(request: HttpRequest) -> MeOut:
    user = request.user
    return MeOut(
        username=user.get_username(),
        roles=sorted(user.role_names()),  # type: ignore[union-attr]
        organisations=sorted(user.organisation_ids()),  # type: ignore[union-attr]
    )
