"""The self-referral form names each missing answer in plain words and offers only practices
where a link worker will see the request."""

from __future__ import annotations

import pytest
from django.test import Client

from linkwork.core.roles import Role
from tests.casework.factories import PracticeFactory
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


def test_errors_name_each_field(client: Client) -> None:
    page = client.post("/ask-for-a-link-worker/", {"reason_detail": ""}).content.decode()
    assert "This field is required." not in page
    for message in (
        "Enter your first name.",
        "Enter your last name.",
        "Enter your postcode, for example PH1 5PH.",
        "Choose your GP practice.",
        "Choose at least one thing you would like help with.",
        "Tick the box so a link worker can contact you.",
    ):
        assert message in page, message


def test_only_practices_with_a_link_worker_are_offered(client: Client) -> None:
    staffed = PracticeFactory(name="Riverside Medical Practice")
    PracticeFactory(name="Empty Surgery")
    make_user(Role.LINK_WORKER, organisations=(staffed,))
    gone = PracticeFactory(name="Former Practice")
    make_user(Role.LINK_WORKER, organisations=(gone,), is_active=False)
    page = client.get("/ask-for-a-link-worker/").content.decode()
    assert "Riverside Medical Practice" in page
    assert "Empty Surgery" not in page and "Former Practice" not in page
