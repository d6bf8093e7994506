import datetime as dt

import pytest
from django.utils import timezone

from linkwork.casework import services
from linkwork.casework.reminders import send_appointment_reminders
from linkwork.core.roles import Role
from tests.casework.factories import CaseFactory, EncounterFactory, PersonFactory
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


class Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str, str]] = []

    def send(self, *, channel: str, to: str, text: str) -> None:
        self.sent.append((channel, to, text))


def _booked(person, hours: int = 3):
    case = CaseFactory(referral__person=person, status="active")
    return EncounterFactory(
        case=case, attendance="booked", occurred_at=timezone.now() + dt.timedelta(hours=hours)
    )


def test_reminder_sent_once_by_the_chosen_way() -> None:
    person = PersonFactory(
        mobile="07700900123", contact_methods=["sms"], safe_to_leave_message="yes"
    )
    _booked(person)
    backend = Recorder()
    assert send_appointment_reminders(backend=backend) == 1
    assert backend.sent[0][:2] == ("sms", "07700900123")
    assert send_appointment_reminders(backend=backend) == 0


def test_no_reminder_without_a_chosen_way_or_after_contact_consent_withdrawn() -> None:
    safe = {"safe_to_leave_message": "yes"}
    _booked(PersonFactory(mobile="07700900123", contact_methods=["letter"], **safe))
    withdrawn = PersonFactory(email="a@example.org", contact_methods=["email"], **safe)
    _booked(withdrawn)
    worker = make_user(Role.LINK_WORKER, organisations=(withdrawn.gp_practice,))
    services.record_consent(person=withdrawn, purpose="contact", decision="withdrawn", actor=worker)
    _booked(PersonFactory(email="b@example.org", contact_methods=["email"], **safe), hours=48)
    assert send_appointment_reminders(backend=Recorder()) == 0
