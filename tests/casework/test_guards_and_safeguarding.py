import pytest

from linkwork.casework import services
from linkwork.casework.guards import WriteOutsideServices
from linkwork.casework.models import Person, SafeguardingConcern
from linkwork.core.models import AuditEntry
from linkwork.core.roles import Role
from tests.casework.factories import CaseFactory, PersonFactory
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


def test_creating_a_person_outside_services_is_refused() -> None:
    with pytest.raises(WriteOutsideServices):
        Person.objects.create(given_name="Sam")


def test_saving_or_updating_outside_services_is_refused() -> None:
    person = PersonFactory()
    person.given_name = "Changed"
    with pytest.raises(WriteOutsideServices):
        person.save()
    with pytest.raises(WriteOutsideServices):
        Person.objects.filter(pk=person.pk).update(given_name="Changed")


def test_raise_risk_flag_opens_a_concern_on_the_open_case_and_audits_it() -> None:
    case = CaseFactory(status="active")
    actor = make_user(Role.LINK_WORKER)
    concern = services.raise_risk_flag(
        person=case.person, source="outcomes.phq9", detail_code="phq9_item9", actor=actor
    )
    assert concern.kind == SafeguardingConcern.Kind.RISK_TO_SELF
    assert concern.case == case
    assert concern.status == "open"
    entry = AuditEntry.objects.get(object_type="casework.safeguardingconcern")
    assert entry.actor == actor
    assert entry.object_id == str(concern.pk)
