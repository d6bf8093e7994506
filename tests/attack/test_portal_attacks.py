"""Attack test (2026-11-29): the community organisation's referral portal and the data-sharing
agreements register that is meant to gate it."""

from __future__ import annotations

import pytest
from django.test import Client

from linkwork.casework import services
from linkwork.core.models import Membership
from linkwork.core.roles import Role
from linkwork.governance.models import DataSharingAgreement
from tests.casework.factories import CaseFactory, CommunityOrgFactory, PersonFactory, make_service
from tests.core.factories import make_user
from tests.governance.factories import AgreementFactory

pytestmark = pytest.mark.django_db

PHONE = "07700 900123"


def _sent_link(*, with_agreement: bool):  # type: ignore[no-untyped-def]
    """A supported link sent under an agreement in force; without `with_agreement`, that
    agreement has since been suspended (the portal must stop showing the person at once)."""
    community = CommunityOrgFactory()
    person = PersonFactory(mobile=PHONE)
    case = CaseFactory(status="active", referral__person=person)
    worker = make_user(Role.LINK_WORKER, organisations=(case.practice,))
    agreement = AgreementFactory(partner=community, parties=[case.practice])
    services.record_consent(person=person, purpose="sharing", decision="given", actor=worker)
    link = services.create_link(
        case=case,
        service_obj=make_service(owner=community, agreement=False),
        kind="supported",
        actor=worker,
    )
    if not with_agreement:
        DataSharingAgreement.objects.filter(pk=agreement.pk).update(
            status=DataSharingAgreement.Status.SUSPENDED
        )
    editor = make_user(Role.COMMUNITY_EDITOR, organisations=(community,))
    return link, editor, community


def test_the_portal_shows_no_personal_data_without_an_agreement_in_force(
    client: Client,
) -> None:
    link, editor, _community = _sent_link(with_agreement=False)
    client.force_login(editor)
    page = client.get(f"/portal/referrals/{link.pk}/").content.decode()
    assert PHONE not in page


def test_the_portal_shows_contact_details_with_agreement_and_consent(client: Client) -> None:
    link, editor, _community = _sent_link(with_agreement=True)
    client.force_login(editor)
    page = client.get(f"/portal/referrals/{link.pk}/").content.decode()
    assert PHONE in page


def test_another_organisation_cannot_open_or_answer_the_referral(client: Client) -> None:
    link, _editor, _community = _sent_link(with_agreement=True)
    outsider = make_user(Role.COMMUNITY_EDITOR, organisations=(CommunityOrgFactory(),))
    client.force_login(outsider)
    assert client.get(f"/portal/referrals/{link.pk}/").status_code == 404
    response = client.post(
        f"/portal/referrals/{link.pk}/", {"to_status": "accepted", "version": link.version}
    )
    assert response.status_code == 404
    link.refresh_from_db()
    assert link.status == "sent"
    assert PHONE.encode() not in client.get("/portal/").content


def test_an_editor_removed_from_the_organisation_loses_the_portal(client: Client) -> None:
    link, editor, _community = _sent_link(with_agreement=True)
    client.force_login(editor)
    assert client.get(f"/portal/referrals/{link.pk}/").status_code == 200
    Membership.objects.filter(user=editor).delete()
    assert client.get(f"/portal/referrals/{link.pk}/").status_code in (403, 404)
    assert PHONE.encode() not in client.get("/portal/").content
