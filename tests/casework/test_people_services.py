"""Creating and editing people: CHI duplicates, fuzzy duplicates, merge, optimistic locking."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from linkwork.casework import services
from linkwork.casework.duplicates import find_duplicates
from linkwork.casework.models import Person
from linkwork.core.roles import Role
from tests.casework.factories import CaseFactory, PersonFactory, PracticeFactory
from tests.core.factories import OrganisationFactory, make_user

pytestmark = pytest.mark.django_db


def _worker_at(practice):  # type: ignore[no-untyped-def]
    return make_user(Role.LINK_WORKER, organisations=(practice,))


def test_invalid_chi_is_refused_with_the_reason() -> None:
    practice = PracticeFactory()
    with pytest.raises(ValidationError) as err:
        services.create_person(
            actor=_worker_at(practice),
            practice=practice,
            data={"given_name": "Sam", "chi": "3102851234"},
        )
    assert "not a real date" in str(err.value)


def test_same_chi_twice_at_a_practice_is_a_duplicate_but_another_practices_is_not_looked_at() -> (
    None
):
    existing = PersonFactory()
    worker = _worker_at(existing.gp_practice)
    with pytest.raises(services.DuplicatePerson) as err:
        services.create_person(
            actor=worker,
            practice=existing.gp_practice,
            data={"given_name": "Sam", "chi": existing.chi},
        )
    assert err.value.existing == existing
    elsewhere = PracticeFactory()
    other = services.create_person(
        actor=_worker_at(elsewhere),
        practice=elsewhere,
        data={"given_name": "Sam", "chi": existing.chi},
    )
    assert other.pk != existing.pk and other.gp_practice == elsewhere


def test_fuzzy_duplicate_by_name_dob_and_postcode_district() -> None:
    p = PersonFactory(given_name="Catherine", family_name="MacDonald", postcode="EH1 1AB")
    found = find_duplicates(
        candidates=Person.objects.all(),
        given_name="Katherine",
        family_name="Macdonald",
        date_of_birth=p.date_of_birth,
        postcode="EH1 2CD",
    )
    assert [d.person for d in found] == [p]
    assert found[0].reason == "name_dob_postcode"
    elsewhere = find_duplicates(
        candidates=Person.objects.all(),
        given_name="Katherine",
        family_name="Macdonald",
        date_of_birth=p.date_of_birth,
        postcode="G1 1AA",
    )
    assert elsewhere == []
    other_dob = find_duplicates(
        candidates=Person.objects.all(),
        given_name="Catherine",
        family_name="MacDonald",
        date_of_birth=dt.date(1999, 1, 1),
    )
    assert other_dob == []


def test_manager_merges_duplicate_and_everything_moves() -> None:
    programme = OrganisationFactory(kind="programme")
    practice = PracticeFactory(programme=programme)
    keep = PersonFactory(gp_practice=practice, phone="", family_name="Reid")
    dup = PersonFactory(gp_practice=practice, phone="0131 000 0000", family_name="Reid", chi="")
    case = CaseFactory(referral__person=dup)
    manager = make_user(Role.PROGRAMME_MANAGER, organisations=(programme,))
    services.merge_people(keep=keep, duplicate=dup, actor=manager)
    case.refresh_from_db()
    dup.refresh_from_db()
    keep.refresh_from_db()
    assert case.person == keep and case.referral.person == keep
    assert dup.merged_into == keep
    assert keep.phone == "0131 000 0000"


def test_link_worker_cannot_merge() -> None:
    keep = PersonFactory(family_name="Reid")
    dup = PersonFactory(gp_practice=keep.gp_practice, family_name="Reid", chi="")
    with pytest.raises(PermissionDenied):
        services.merge_people(keep=keep, duplicate=dup, actor=_worker_at(keep.gp_practice))


def test_records_that_disagree_on_chi_birth_date_or_name_are_not_merged() -> None:
    programme = OrganisationFactory(kind="programme")
    practice = PracticeFactory(programme=programme)
    manager = make_user(Role.PROGRAMME_MANAGER, organisations=(programme,))
    keep = PersonFactory(gp_practice=practice, family_name="Reid")
    for dup in (
        PersonFactory(gp_practice=practice, family_name="Reid"),  # another CHI
        PersonFactory(gp_practice=practice, family_name="Reid", chi="", date_of_birth=None)
        and PersonFactory(
            gp_practice=practice, family_name="Reid", chi="", date_of_birth=dt.date(1990, 1, 1)
        ),
        PersonFactory(gp_practice=practice, family_name="Brown", chi=""),
    ):
        with pytest.raises(ValidationError, match="do not agree"):
            services.merge_people(keep=keep, duplicate=dup, actor=manager)
        dup.refresh_from_db()
        assert dup.merged_into is None


def test_second_editor_gets_a_conflict_and_the_first_edit_stands() -> None:
    person = PersonFactory(phone="1")
    worker = _worker_at(person.gp_practice)
    first = services.update_person(
        person=Person.objects.get(pk=person.pk),
        actor=worker,
        expected_version=1,
        data={"phone": "2"},
    )
    assert first.version == 2
    with pytest.raises(services.EditConflict) as err:
        services.update_person(
            person=Person.objects.get(pk=person.pk),
            actor=worker,
            expected_version=1,
            data={"phone": "3"},
        )
    assert err.value.current.phone == "2"
    person.refresh_from_db()
    assert person.phone == "2"


def test_household_links_are_reciprocal() -> None:
    mum = PersonFactory()
    son = PersonFactory(gp_practice=mum.gp_practice)
    services.link_household(
        person=mum,
        related_person=son,
        relationship="parent",
        lives_with=True,
        actor=_worker_at(mum.gp_practice),
    )
    assert son.household_links.get().relationship == "child"
