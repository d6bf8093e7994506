from __future__ import annotations

import pytest
from django.core.management import call_command

from linkwork.core.models import ApiToken, AuditEntry
from linkwork.core.tokens import create_token, revoke_token
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


def test_token_is_stored_hashed_and_authenticates_api_calls(client):
    user = make_user("link_worker", username="lw1")
    row, token = create_token(user=user)
    assert token not in row.token_hash and len(row.token_hash) == 64
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert response.json()["username"] == "lw1"
    assert response.json()["roles"] == ["link_worker"]


def test_every_token_use_is_audited(client):
    user = make_user("analyst")
    row, token = create_token(user=user)
    client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert AuditEntry.objects.filter(action="api_token_use", object_id=str(row.pk)).count() == 2


def test_revoked_token_is_refused_with_a_problem_description(client):
    user = make_user("analyst")
    row, token = create_token(user=user)
    revoke_token(token=row, by=user)
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 401


def test_wrong_token_and_no_token_are_refused(client):
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer lw_nonsense").status_code == 401
    assert client.get("/api/v1/me").status_code == 401


def test_create_token_command_prints_a_working_token(client, capsys):
    make_user("link_worker", username="cli-user")
    call_command("create-token", "cli-user")
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert token.startswith("lw_")
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    assert ApiToken.objects.count() == 1


def test_create_token_for_unknown_user_fails_clearly():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no-such-user"):
        call_command("create-token", "no-such-user")


def test_session_login_works_for_the_api(client):
    client.force_login(make_user("dpo", username="dpo1"))
    assert client.get("/api/v1/me").json()["username"] == "dpo1"
