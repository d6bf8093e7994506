"""The message back to the GP: the referring practice reads the letter of its own referrals
(page and PDF), is told by email, and the letter carries outcome scores, open safeguarding
concerns and the sender's contact details. A case cannot close over an undecided concern."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from linkwork.casework import services
from linkwork.core.models import AuditEntry
from linkwork.core.roles import Role
from tests.casework.factories import CaseFactory, PracticeFactory
from tests.core.factories import make_user
from tests.outcomes.factories import record

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world() -> dict:
    practice = PracticeFactory(name="Riverside Medical Practice")
    other = PracticeFactory(name="Hillside Surgery")
    worker = make_user(
        Role.LINK_WORKER,
        organisations=(practice,),
        first_name="Ailsa",
        last_name="Grant",
        email="ailsa.grant@example.org",
    )
    case = CaseFactory(referral__person__gp_practice=practice, status="active", link_worker=worker)
    return {
        "practice": practice,
        "worker": worker,
        "case": case,
        "gp": make_user(Role.PRACTICE_STAFF, organisations=(practice,), email="gp@example.org"),
        "other_gp": make_user(Role.PRACTICE_STAFF, organisations=(other,), email="x@example.org"),
    }


def _discharge(world: dict) -> None:
    services.discharge(
        case=world["case"], actor=world["worker"], reason="goals_met", summary="Goes to the group."
    )


def test_practice_is_emailed_without_personal_details(world: dict) -> None:
    _discharge(world)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["gp@example.org"]
    person = world["case"].person
    assert person.family_name not in message.body and person.chi not in message.body
    assert f"/refer/sent/{world['case'].pk}/letter/" in message.body


def test_practice_reads_the_letter_of_its_own_referral(client: Client, world: dict) -> None:
    _discharge(world)
    client.force_login(world["gp"])
    listing = client.get("/refer/sent/").content.decode()
    assert "Read the discharge letter" in listing
    page = client.get(f"/refer/sent/{world['case'].pk}/letter/")
    assert page.status_code == 200 and "no-store" in page.headers["Cache-Control"]
    text = page.content.decode()
    assert "Goes to the group." in text
    assert "Ailsa Grant" in text and "ailsa.grant@example.org" in text
    assert "Riverside Medical Practice" in text
    assert AuditEntry.objects.filter(actor=world["gp"], action="view").exists()
    pdf = client.get(f"/refer/sent/{world['case'].pk}/letter.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_other_practices_and_roles_cannot_read_it(client: Client, world: dict) -> None:
    _discharge(world)
    url = f"/refer/sent/{world['case'].pk}/letter/"
    client.force_login(world["other_gp"])
    assert client.get(url).status_code == 404
    assert client.get(url.replace("letter/", "letter.pdf")).status_code == 404
    client.force_login(make_user(Role.COMMUNITY_EDITOR))
    assert client.get(url).status_code == 403


def test_letter_carries_first_and_last_scores_with_change(client: Client, world: dict) -> None:
    case = world["case"]
    before = timezone.now() - dt.timedelta(days=60)
    record(case.person, "phq9", [2] * 8 + [0], case=case, administered_at=before)
    record(case.person, "phq9", [1] * 8 + [0], time_point="discharge", case=case)
    _discharge(world)
    client.force_login(world["gp"])
    text = client.get(f"/refer/sent/{case.pk}/letter/").content.decode()
    assert "PHQ-9" in text and ">16 <" in text and ">8 <" in text and "-8" in text


def test_discharge_needs_a_decision_on_open_concerns(client: Client, world: dict) -> None:
    case, worker = world["case"], world["worker"]
    concern = services.raise_concern(person=case.person, kind="risk_to_self", actor=worker)
    with pytest.raises(ValidationError):
        _discharge(world)
    client.force_login(worker)
    page = client.get(f"/casework/cases/{case.pk}/discharge/").content.decode()
    assert "still open" in page and "Keep it open and say who holds it" in page
    url = f"/casework/people/{case.person_id}/concerns/{concern.pk}/keep-open/?case={case.pk}"
    missing = client.post(url, {"held_open_reason": "", "held_by": ""})
    assert (
        missing.status_code == 422 and "Say why the concern stays open." in missing.content.decode()
    )
    done = client.post(
        url,
        {"held_open_reason": "Adult protection enquiry ongoing", "held_by": "Jo Bell, social work"},
    )
    assert done.status_code == 302 and done.url.endswith(f"/casework/cases/{case.pk}/discharge/")
    _discharge(world)
    client.force_login(world["gp"])
    text = client.get(f"/refer/sent/{case.pk}/letter/").content.decode()
    assert "still open" in text and "Jo Bell, social work" in text


def test_an_agency_that_referred_reads_the_outcome_without_health_details(
    client: Client, world: dict
) -> None:
    from linkwork.core.models import Organisation
    from tests.core.factories import OrganisationFactory

    agency = OrganisationFactory(kind=Organisation.Kind.AGENCY, name="Riverside Housing")
    case = CaseFactory(
        referral__person__gp_practice=world["practice"],
        referral__referring_organisation=agency,
        status="active",
        link_worker=world["worker"],
    )
    before = timezone.now() - dt.timedelta(days=60)
    record(case.person, "phq9", [2] * 8 + [0], case=case, administered_at=before)
    _discharge({**world, "case": case})
    client.force_login(make_user(Role.PRACTICE_STAFF, organisations=(agency,)))
    text = client.get(f"/refer/sent/{case.pk}/letter/").content.decode()
    case.refresh_from_db()
    assert str(case.discharge.get_reason_display()) in text  # how it ended
    assert "Ailsa Grant" in text  # who to contact
    assert case.person.chi not in text and "PHQ-9" not in text
    assert "Goes to the group." not in text and "Safeguarding" not in text
    assert "Details about the person" in text
    pdf = client.get(f"/refer/sent/{case.pk}/letter.pdf")
    assert pdf.status_code == 200
