"""Attack test (2026-11-29): what a password alone (no second factor) reaches, tokens, CSRF
on the APIs with a browser session, and redirects after signing in."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from linkwork.core.models import ApiToken, User
from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from tests.casework.factories import PersonFactory, PracticeFactory
from tests.core.factories import make_user
from tests.core.signin import sign_in_with_password_only

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker() -> User:
    practice = PracticeFactory()
    PersonFactory(gp_practice=practice)
    return make_user(Role.LINK_WORKER, organisations=(practice,))


@pytest.mark.parametrize(
    "url",
    [
        "/casework/",
        "/admin/",
        "/account/api-tokens/",
        "/account/recovery-codes/",
        "/network/",
        "/governance/",
        "/insight/",
        "/engagement/",
        "/portal/",
        "/dashboard/",
    ],
)
def test_a_password_alone_is_sent_to_the_second_factor(
    client: Client, worker: User, url: str
) -> None:
    sign_in_with_password_only(client, worker)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/")


@pytest.mark.parametrize("url", ["/api/v1/people", "/api/v1/cases", "/api/v1/me", "/fhir/Task"])
def test_a_password_alone_counts_as_signed_out_for_the_apis(
    client: Client, worker: User, url: str
) -> None:
    sign_in_with_password_only(client, worker)
    assert client.get(url).status_code == 401


def test_a_password_alone_cannot_change_the_password(client: Client, worker: User) -> None:
    sign_in_with_password_only(client, worker)
    page = client.get("/accounts/password_change/")
    client.post(
        "/accounts/password_change/",
        {
            "old_password": "correct-horse-battery",
            "new_password1": "attacker-owns-this-1",
            "new_password2": "attacker-owns-this-1",
        },
    )
    worker.refresh_from_db()
    assert page.status_code == 302
    assert worker.check_password("correct-horse-battery")


def test_api_tokens_cannot_be_made_without_the_second_factor(client: Client, worker: User) -> None:
    sign_in_with_password_only(client, worker)
    client.post("/account/api-tokens/", {"name": "stolen", "days": "90"})
    assert not ApiToken.objects.filter(user=worker).exists()


def test_revoked_expired_and_deactivated_tokens_are_refused(client: Client, worker: User) -> None:
    token, raw = create_token(user=worker, name="t")
    ok = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert ok.status_code == 200
    token.expires_at = timezone.now() - dt.timedelta(seconds=1)
    token.save()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    _token2, raw2 = create_token(user=worker, name="t2")
    worker.is_active = False
    worker.save()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw2}").status_code == 401
    assert client.get("/fhir/Task", HTTP_AUTHORIZATION=f"Bearer {raw2}").status_code == 401


def test_api_writes_with_a_browser_session_need_the_csrf_token(worker: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(worker)
    response = client.post("/api/v1/referrals", {}, content_type="application/json")
    assert response.status_code == 403


def test_fhir_writes_ignore_the_browser_session(worker: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(worker)
    response = client.post(
        "/fhir/ServiceRequest",
        '{"resourceType": "ServiceRequest"}',
        content_type="application/fhir+json",
    )
    assert response.status_code == 401


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"],
)
def test_the_second_factor_page_never_redirects_off_site(
    client: Client, worker: User, target: str
) -> None:
    client.force_login(worker)
    response = client.get("/accounts/two-factor/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"


def test_the_login_page_never_redirects_off_site(client: Client, worker: User) -> None:
    response = client.post(
        "/accounts/login/?next=https://evil.example/",
        {"username": worker.username, "password": "correct-horse-battery"},
    )
    assert "evil.example" not in response.get("Location", "")


def test_staff_pages_are_not_cached_and_carry_a_strict_csp(client: Client, worker: User) -> None:
    client.force_login(worker)
    response = client.get("/casework/")
    assert "no-store" in response["Cache-Control"]
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
