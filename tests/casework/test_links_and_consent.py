"""Closed-loop links and consent: sharing only with consent, and withdrawal takes effect now."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from linkwork.casework import services
from linkwork.casework.consent import may_share_with
from linkwork.casework.models import ServiceLink
from linkwork.core.roles import Role
from tests.casework.factories import CaseFactory, CommunityOrgFactory, make_service
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


def _setup():
    community = CommunityOrgFactory()
    case = CaseFactory(status="active")
    worker = make_user(Role.LINK_WORKER, organisations=(case.practice,))
    return community, case, worker, make_service(owner=community)


def test_supported_referral_needs_consent_to_share() -> None:
    community, case, worker, svc = _setup()
    with pytest.raises(ValidationError):
        services.create_link(case=case, service_obj=svc, kind="supported", actor=worker)
    services.record_consent(person=case.person, purpose="sharing", decision="given", actor=worker)
    link = services.create_link(case=case, service_obj=svc, kind="supported", actor=worker)
    assert link.status == "sent" and link.receiving_organisation == community


def test_consent_withdrawal_stops_new_sharing_and_withdraws_pending() -> None:
    community, case, worker, svc = _setup()
    services.record_consent(person=case.person, purpose="sharing", decision="given", actor=worker)
    link = services.create_link(case=case, service_obj=svc, kind="supported", actor=worker)
    services.record_consent(
        person=case.person, purpose="sharing", decision="withdrawn", actor=worker
    )
    link.refresh_from_db()
    assert link.status == "withdrawn"
    assert not may_share_with(person=case.person, organisation_id=community.pk)
    with pytest.raises(ValidationError):
        services.create_link(
            case=case,
            service_obj=make_service(owner=community, name="Other"),
            kind="supported",
            actor=worker,
        )


def test_withdrawal_for_everyone_overrides_earlier_consent_for_one_partner() -> None:
    community, case, worker, _svc = _setup()
    services.record_consent(
        person=case.person, purpose="sharing", decision="given", partner=community, actor=worker
    )
    assert may_share_with(person=case.person, organisation_id=community.pk)
    services.record_consent(
        person=case.person, purpose="sharing", decision="withdrawn", actor=worker
    )
    assert not may_share_with(person=case.person, organisation_id=community.pk)


def test_organisation_accepts_then_records_attendance_and_stopping() -> None:
    community, case, worker, svc = _setup()
    services.record_consent(person=case.person, purpose="sharing", decision="given", actor=worker)
    link = services.create_link(case=case, service_obj=svc, kind="supported", actor=worker)
    editor = make_user(Role.COMMUNITY_EDITOR, organisations=(community,))
    link = services.update_link_status(
        link=link, to_status="accepted", actor=editor, as_organisation=True
    )
    link = services.update_link_status(
        link=link, to_status="attending", actor=editor, as_organisation=True
    )
    assert link.first_attended_on is not None
    link = services.update_link_status(
        link=link, to_status="stopped", actor=editor, as_organisation=True, reason="Moved away"
    )
    assert [c.to_status for c in link.changes.all()] == ["sent", "accepted", "attending", "stopped"]


def test_other_organisation_cannot_answer_a_referral() -> None:
    _community, case, worker, svc = _setup()
    services.record_consent(person=case.person, purpose="sharing", decision="given", actor=worker)
    link = services.create_link(case=case, service_obj=svc, kind="supported", actor=worker)
    outsider = make_user(Role.COMMUNITY_EDITOR, organisations=(CommunityOrgFactory(),))
    with pytest.raises(PermissionDenied):
        services.update_link_status(
            link=link, to_status="accepted", actor=outsider, as_organisation=True
        )


def test_decline_needs_a_reason() -> None:
    community, case, worker, svc = _setup()
    services.record_consent(person=case.person, purpose="sharing", decision="given", actor=worker)
    link = services.create_link(case=case, service_obj=svc, kind="supported", actor=worker)
    editor = make_user(Role.COMMUNITY_EDITOR, organisations=(community,))
    with pytest.raises(ValidationError):
        services.update_link_status(
            link=link, to_status="declined", actor=editor, as_organisation=True
        )
    link = services.update_link_status(
        link=link, to_status="declined", actor=editor, as_organisation=True, reason="Full"
    )
    assert link.status == "declined" and link.response_reason == "Full"


def test_signposting_needs_no_consent_or_receiver() -> None:
    _community, case, worker, _svc = _setup()
    link = services.create_link(
        case=case, service_obj=make_service(owner=None), kind="signposted", actor=worker
    )
    assert link.status == ServiceLink.Status.SUGGESTED
