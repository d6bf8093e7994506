"""Who sees which people: the rules every page and endpoint shares (selectors)."""

import pytest

from linkwork.casework.selectors import visible_cases, visible_people, visible_referrals
from linkwork.core.roles import Role
from tests.casework.factories import CaseFactory, PersonFactory, PracticeFactory
from tests.core.factories import OrganisationFactory, make_user

pytestmark = pytest.mark.django_db


def test_link_worker_sees_people_of_their_practices_only() -> None:
    mine, other = PracticeFactory(), PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(mine,))
    colleague = make_user(Role.LINK_WORKER, organisations=(mine,))
    outsider = make_user(Role.LINK_WORKER, organisations=(other,))
    person = PersonFactory(gp_practice=mine)
    assert list(visible_people(worker)) == [person]
    assert list(visible_people(colleague)) == [person]
    assert list(visible_people(outsider)) == []


def test_a_case_at_my_practice_does_not_open_another_practices_record() -> None:
    """Person-level data belongs to the practice holding the record (decision record 0004)."""
    mine, other = PracticeFactory(), PracticeFactory()
    worker = make_user(Role.LINK_WORKER, organisations=(mine,))
    case = CaseFactory(referral__person__gp_practice=other, practice=mine)
    assert list(visible_people(worker)) == []
    assert list(visible_cases(worker)) == [case]


def test_manager_sees_their_programme_only() -> None:
    programme, elsewhere = (
        OrganisationFactory(kind="programme"),
        OrganisationFactory(kind="programme"),
    )
    inside = PracticeFactory(programme=programme)
    outside = PracticeFactory(programme=elsewhere)
    manager = make_user(Role.PROGRAMME_MANAGER, organisations=(programme,))
    seen = PersonFactory(gp_practice=inside)
    PersonFactory(gp_practice=outside)
    assert list(visible_people(manager)) == [seen]


@pytest.mark.parametrize(
    "role", [Role.PRACTICE_STAFF, Role.COMMUNITY_EDITOR, Role.ANALYST, Role.DPO]
)
def test_other_roles_see_no_records(role: Role) -> None:
    practice = PracticeFactory()
    user = make_user(role, organisations=(practice,))
    PersonFactory(gp_practice=practice)
    assert list(visible_people(user)) == []


def test_practice_staff_see_referrals_their_practice_made() -> None:
    mine, other = PracticeFactory(), PracticeFactory()
    staff = make_user(Role.PRACTICE_STAFF, organisations=(mine,))
    made = CaseFactory(referral__person__gp_practice=mine).referral
    CaseFactory(referral__person__gp_practice=other)
    assert list(visible_referrals(staff)) == [made]


def test_admin_sees_everyone() -> None:
    PersonFactory(), PersonFactory()
    assert visible_people(make_user(Role.ADMIN)).count() == 2
