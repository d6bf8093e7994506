"""Attack test (2026-11-29): data-sharing agreements, subject access and the audit log, as a
DPO of the wrong organisation, a DPO of the recipient, and other roles."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from linkwork.core.models import Membership
from linkwork.core.roles import Role
from linkwork.governance.agreements import may_share_with
from linkwork.governance.models import DataSharingAgreement
from tests.casework.factories import CommunityOrgFactory, PersonFactory, PracticeFactory
from tests.core.factories import make_user
from tests.governance.factories import AgreementFactory, dpo_of, give_consent

pytestmark = pytest.mark.django_db


def _agreement_post(partner_pk: int, parties: list[int], **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Self-granted DSA",
        "partner": partner_pk,
        "parties": parties,
        "purposes": ["referral", "follow_up"],
        "data_categories": ["identity", "contact", "health"],
        "starts_on": "2026-01-01",
        "ends_on": "2030-12-31",
        "status": "active",
    }
    data.update(extra)
    return data


def test_a_recipients_dpo_cannot_grant_itself_an_agreement_covering_every_practice(
    client: Client,
) -> None:
    charity = CommunityOrgFactory()
    practice = PracticeFactory()  # never signed anything with the charity
    person = PersonFactory(gp_practice=practice)
    give_consent(person, charity)  # consent alone is not a legal basis to share
    assert not may_share_with(charity, person, "referral")
    client.force_login(dpo_of(charity))
    client.post(reverse("governance:agreement_create"), _agreement_post(charity.pk, []))
    assert not DataSharingAgreement.objects.exists()
    assert not may_share_with(charity, person, "referral")


def test_a_recipients_dpo_cannot_widen_an_agreement_by_removing_its_parties(
    client: Client,
) -> None:
    charity = CommunityOrgFactory()
    signed, elsewhere = PracticeFactory(), PracticeFactory()
    agreement = AgreementFactory(partner=charity, parties=[signed], title="Signed DSA")
    person = PersonFactory(gp_practice=elsewhere)
    give_consent(person, charity)
    assert not may_share_with(charity, person, "referral")
    client.force_login(dpo_of(charity))
    client.post(
        reverse("governance:agreement_edit", args=[agreement.pk]),
        _agreement_post(charity.pk, [], title="Signed DSA"),
    )
    agreement.refresh_from_db()
    assert set(agreement.parties.values_list("pk", flat=True)) == {signed.pk}
    assert not may_share_with(charity, person, "referral")


def test_editing_a_shared_agreement_keeps_the_parties_the_editor_cannot_see(
    client: Client,
) -> None:
    mine, theirs = PracticeFactory(), PracticeFactory()
    partner = CommunityOrgFactory()
    agreement = AgreementFactory(partner=partner, parties=[mine, theirs], title="Joint DSA")
    client.force_login(dpo_of(mine))
    client.post(
        reverse("governance:agreement_edit", args=[agreement.pk]),
        _agreement_post(partner.pk, [mine.pk], title="Joint DSA"),
    )
    agreement.refresh_from_db()
    assert set(agreement.parties.values_list("pk", flat=True)) == {mine.pk, theirs.pk}


def test_a_dpo_cannot_open_subject_access_or_access_log_for_another_practices_person(
    client: Client,
) -> None:
    mine, theirs = PracticeFactory(), PracticeFactory()
    person = PersonFactory(gp_practice=theirs)
    client.force_login(dpo_of(mine))
    for name in ("governance:subject_access", "governance:person_access"):
        url = reverse(name, args=[person.pk])
        assert client.get(url).status_code == 403
    response = client.post(
        reverse("governance:subject_access", args=[person.pk]), {"produce": "json"}
    )
    assert response.status_code == 403
    assert person.family_name.encode() not in response.content


def test_a_dpo_removed_from_the_practice_loses_subject_access_at_once(client: Client) -> None:
    practice = PracticeFactory()
    person = PersonFactory(gp_practice=practice)
    dpo = dpo_of(practice)
    client.force_login(dpo)
    url = reverse("governance:subject_access", args=[person.pk])
    assert client.get(url).status_code == 200
    Membership.objects.filter(user=dpo).delete()
    assert client.get(url).status_code == 403
    assert client.post(url, {"produce": "pdf"}).status_code == 403


@pytest.mark.parametrize(
    "role", [Role.LINK_WORKER, Role.PRACTICE_STAFF, Role.PROGRAMME_MANAGER, Role.ANALYST]
)
def test_no_other_role_reaches_the_governance_pages(client: Client, role: Role) -> None:
    practice = PracticeFactory()
    person = PersonFactory(gp_practice=practice)
    client.force_login(make_user(role, organisations=(practice,)))
    for url in (
        reverse("governance:dashboard"),
        reverse("governance:audit_search"),
        reverse("governance:audit_export"),
        reverse("governance:agreement_list"),
        reverse("governance:subject_access", args=[person.pk]),
    ):
        assert client.get(url).status_code == 403, url


def test_the_audit_extract_defuses_spreadsheet_formulas(client: Client) -> None:
    practice = PracticeFactory()
    make_user(Role.LINK_WORKER, organisations=(practice,), username="=HYPERLINK(1)")
    from linkwork.core import audit
    from linkwork.core.models import User

    attacker = User.objects.get(username="=HYPERLINK(1)")
    person = PersonFactory(gp_practice=practice)
    audit.record(audit.Action.VIEW, person, actor=attacker)
    client.force_login(dpo_of(practice))
    body = client.get(reverse("governance:audit_export")).content.decode()
    assert "=HYPERLINK" in body
    assert ",=HYPERLINK" not in body and "\n=HYPERLINK" not in body
