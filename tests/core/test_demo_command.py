from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from linkwork.core import two_factor
from linkwork.core.models import Organisation, User
from linkwork.core.roles import DEMO_USERNAMES
from linkwork.core.two_factor import DEMO_TOTP_SECRET

pytestmark = pytest.mark.django_db


def test_generate_demo_needs_places_first():
    with pytest.raises(CommandError, match="load-places"):
        call_command("generate-demo", scale="small", stdout=io.StringIO())


def test_demo_sets_up_once_and_prints_one_account_per_role():
    out = io.StringIO()
    call_command("demo", no_serve=True, stdout=out)
    text = out.getvalue()
    assert "Loading places" in text and "Generating demo data" in text
    assert DEMO_TOTP_SECRET in text and "linkwork demo-code" in text
    for role, username in DEMO_USERNAMES.items():
        assert username in text
        user = User.objects.get(username=username)
        assert user.has_role(role)
        # Every demo account's authenticator holds the published secret.
        assert two_factor.verify(user, two_factor.current_code()) is not None
    practices = Organisation.objects.filter(kind="gp_practice")
    assert practices.exists()
    # Practices sit on real postcodes from the places pack, not invented geography.
    from linkwork.places.models import Postcode

    assert all(Postcode.objects.filter(postcode=p.postcode).exists() for p in practices)

    users_before = User.objects.count()
    again = io.StringIO()
    call_command("demo", no_serve=True, stdout=again)
    assert "Generating demo data" not in again.getvalue()
    assert "Loading places" not in again.getvalue()
    assert User.objects.count() == users_before
