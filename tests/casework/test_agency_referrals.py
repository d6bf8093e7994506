"""Referrals from other agencies (Citizens Advice, housing, social work): the form, who may use
it, where the referral lands, and who may follow it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from linkwork.casework.models import Referral
from linkwork.core.models import Organisation
from linkwork.core.roles import Role
from tests.casework.factories import PracticeFactory
from tests.core.factories import OrganisationFactory, make_user

pytestmark = pytest.mark.django_db

NEW = "casework:agency_referral_new"
SENT = "casework:practice_referrals"
TRIAGE = "casework:triage"


@pytest.fixture
def world():
    target = PracticeFactory(name="Target practice")
    other_practice = PracticeFactory(name="Other practice")
    agency = OrganisationFactory(kind=Organisation.Kind.AGENCY, name="Citizens Advice Leith")
    other_agency = OrganisationFactory(kind=Organisation.Kind.AGENCY, name="Housing Trust")
    return {
        "target": target,
        "other_practice": other_practice,
        "agency": agency,
        "owner": make_user(Role.PRACTICE_STAFF, organisations=(agency,)),
        "colleague": make_user(Role.PRACTICE_STAFF, organisations=(agency,)),
        "outsider_agency": make_user(Role.PRACTICE_STAFF, organisations=(other_agency,)),
        "outsider_practice": make_user(Role.PRACTICE_STAFF, organisations=(other_practice,)),
        "member_without_role": make_user(organisations=(agency,)),
        "target_worker": make_user(Role.LINK_WORKER, organisations=(target,)),
        "other_worker": make_user(Role.LINK_WORKER, organisations=(other_practice,)),
    }


def _refer(client, world, **extra):
    data = {
        "agency": world["agency"].pk,
        "practice": world["target"].pk,
        "given_name": "Morag",
        "family_name": "Reid",
        "reasons": ["debt", "housing"],
        "consent_to_share": "on",
        "person_agreed": "on",
        **extra,
    }
    return client.post(reverse(NEW), data)


def test_url_is_where_the_issue_says() -> None:
    assert reverse(NEW) == "/casework/referrals/agency/new/"


def test_owner_refers_to_any_practice_and_it_lands_in_its_triage_queue(client, world) -> None:
    client.force_login(world["owner"])
    page = client.get(reverse(NEW))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Other practice" in body and "Target practice" in body  # any practice
    assert "Housing Trust" not in body  # only their own agency as referrer
    response = _refer(client, world)
    assert response.status_code == 302 and response["Location"] == reverse(SENT)
    referral = Referral.objects.select_related("case").get(person__given_name="Morag")
    assert referral.source == Referral.Source.AGENCY
    assert referral.referring_organisation == world["agency"]
    assert referral.referred_by == world["owner"]
    assert referral.case.practice == world["target"] and referral.case.status == "received"
    assert referral.person.gp_practice == world["target"]
    # The referrer's "they agree to share" covers this referral only (issue 10, finding 2).
    assert referral.consent_to_share
    assert not referral.person.consents.exists()

    client.force_login(world["target_worker"])
    assert "Morag Reid" in client.get(reverse(TRIAGE)).content.decode()
    client.force_login(world["other_worker"])
    assert "Morag Reid" not in client.get(reverse(TRIAGE)).content.decode()


def test_owner_and_colleague_follow_the_agencys_referrals_outsiders_do_not(client, world) -> None:
    client.force_login(world["owner"])
    _refer(client, world)
    for who in ("owner", "colleague"):
        client.force_login(world[who])
        page = client.get(reverse(SENT)).content.decode()
        assert "Morag Reid" in page and "Received" in page, who
        assert reverse(NEW) in page, who
    for who in ("outsider_agency", "outsider_practice"):
        client.force_login(world[who])
        page = client.get(reverse(SENT))
        assert page.status_code == 200 and "Morag Reid" not in page.content.decode(), who


def test_referrer_cannot_pick_another_agency(client, world) -> None:
    client.force_login(world["outsider_agency"])
    response = _refer(client, world)
    assert response.status_code == 422
    assert not Referral.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [("outsider_practice", 403), ("member_without_role", 403), ("target_worker", 403)],
)
def test_who_may_not_use_the_agency_form(client, world, who, status) -> None:
    client.force_login(world[who])
    assert client.get(reverse(NEW)).status_code == status
    assert _refer(client, world).status_code == status
    assert not Referral.objects.exists()


def test_anonymous_goes_to_login(client, world) -> None:
    response = client.get(reverse(NEW))
    assert response.status_code == 302 and "login" in response["Location"]
    assert _refer(client, world).status_code == 302
    assert not Referral.objects.exists()


def test_consent_and_agreement_are_checked(client, world) -> None:
    client.force_login(world["owner"])
    response = _refer(client, world, person_agreed="", consent_to_share="")
    assert response.status_code == 422
    assert "Only refer someone who has agreed" in response.content.decode()
    assert not Referral.objects.exists()
    response = _refer(client, world, person_agreed="on", consent_to_share="")
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert not referral.person.consents.exists()


def test_sent_list_query_count_is_constant(client, world, django_assert_max_num_queries) -> None:
    client.force_login(world["owner"])
    for n in range(5):
        _refer(client, world, given_name=f"P{n}")
    # fixed: session, second factor, scope, one page of referrals with their letters, audit
    with django_assert_max_num_queries(16):
        assert client.get(reverse(SENT)).status_code == 200
