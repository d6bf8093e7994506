"""Issue 10, finding 16: anonymous forms are rate limited per address, with a 429 page."""

from __future__ import annotations

import pytest

from linkwork.core.rate_limits import LIMITED_VIEWS
from linkwork.core.roles import Role
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


def test_my_list_pdf_is_limited_per_address(client, settings):
    settings.RATE_LIMIT_ANONYMOUS_FORMS = 3
    for _ in range(3):
        assert client.get("/my-list/pdf/", REMOTE_ADDR="198.51.100.1").status_code == 200
    blocked = client.get("/my-list/pdf/", REMOTE_ADDR="198.51.100.1")
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == str(settings.RATE_LIMIT_WINDOW_SECONDS)
    assert b"Please wait a few minutes" in blocked.content
    assert b"ds_page-header" in blocked.content
    # Another address is not affected.
    assert client.get("/my-list/pdf/", REMOTE_ADDR="198.51.100.2").status_code == 200


def test_self_referral_posts_are_limited_but_reading_the_form_is_not(client, settings):
    settings.RATE_LIMIT_ANONYMOUS_FORMS = 2
    for _ in range(2):
        assert client.post("/ask-for-a-link-worker/", {}).status_code != 429
    assert client.post("/ask-for-a-link-worker/", {}).status_code == 429
    assert client.get("/ask-for-a-link-worker/").status_code == 200


def test_problem_reports_are_limited(client, settings):
    import uuid

    settings.RATE_LIMIT_ANONYMOUS_FORMS = 1
    url = f"/services/{uuid.uuid4()}/report/"
    assert client.post(url, {}).status_code != 429
    assert client.post(url, {}).status_code == 429


def test_signed_in_staff_are_not_limited(client, settings):
    settings.RATE_LIMIT_ANONYMOUS_FORMS = 1
    client.force_login(make_user(Role.LINK_WORKER))
    for _ in range(3):
        assert client.get("/my-list/pdf/").status_code == 200


def test_every_limited_view_name_exists():
    from django.urls import reverse

    for name in LIMITED_VIEWS:
        assert reverse(
            name,
            kwargs={"service_id": "00000000-0000-0000-0000-000000000000"}
            if "report" in name
            else None,
        )
