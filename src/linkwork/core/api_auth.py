"""Authentication for the JSON APIs: the browser session, or `Authorization: Bearer <token>`."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from linkwork.core.context import current_user_var
from linkwork.core.tokens import authenticate_token


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = authenticate_token(token)
        if user is not None:
            request.user = user
            current_user_var.set(user)
        return user


#: Use as `auth=staff_auth` on routers/operations that need a signed-in user.
staff_auth = [BearerToken(), django_auth]
