"""Creating and editing people: CHI duplicates, fuzzy duplicates, merge, optimistic locking."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from linkwork.casework import services
from linkwork.casework.duplicates import find_duplicates
from linkwork.casework.models import Person
from linkwork.core.roles import Role
from tests.casework.factories import CaseFactory, PersonFactory, PracticeFactory
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


def test_invalid_chi_is_refused_with_the_reason() -> None:
    with pytest.raises(ValidationError) as err:
        services.create_person(actor=None, data={"given_name": "Sam", "chi": "3102851234"})
    assert "not a real date" in str(err.value)


def test_same_chi_twice_is_a_duplicate() -> None:
    existing = PersonFactory()
    with pytest.raises(services.DuplicatePerson) as err:
        services.create_person(actor=None, data={"given_name": "Sam", "chi": existing.chi})
    assert err.value.existing == existing


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
    practice = PracticeFactory()
    keep = PersonFactory(gp_practice=practice, phone="")
    dup = PersonFactory(gp_practice=practice, phone="0131 000 0000")
    case = CaseFactory(referral__person=dup)
    manager = make_user(Role.PROGRAMME_MANAGER)
    services.merge_people(keep=keep, duplicate=dup, actor=manager)
    case.refresh_from_db()
    dup.refresh_from_db()
    keep.refresh_from_db()
    assert case.person == keep and case.referral.person == keep
    assert dup.merged_into == keep
    assert keep.phone == "0131 000 0000"


def test_link_worker_cannot_merge() -> None:
    with pytest.raises(PermissionError):
        services.merge_people(
            keep=PersonFactory(), duplicate=PersonFactory(), actor=make_user(Role.LINK_WORKER)
        )


def test_second_editor_gets_a_conflict_and_the_first_edit_stands() -> None:
    person = PersonFactory(phone="1")
    first = services.update_person(
        person=Person.objects.get(pk=person.pk), actor=None, expected_version=1, data={"phone": "2"}
    )
    assert first.version == 2
    with pytest.raises(services.EditConflict) as err:
        services.update_person(
            person=Person.objects.get(pk=person.pk),
            actor=None,
            expected_version=1,
            data={"phone": "3"},
        )
    assert err.value.current.phone == "2"
    person.refresh_from_db()
    assert person.phone == "2"


def test_household_links_are_reciprocal() -> None:
    mum, son = PersonFactory(), PersonFactory()
    services.link_household(
        person=mum, related_person=son, relationship="parent", lives_with=True, actor=None
    )
    assert son.household_links.get().relationship == "child"
