"""Selectors other apps call: network lists the consultations a user may attach to an event's
feedback, and links its practice learning to published stories."""

from __future__ import annotations

import pytest

from linkwork.core.models import Membership, Organisation
from linkwork.core.roles import Role
from linkwork.engagement.selectors import attachable_consultations
from tests.core.factories import OrganisationFactory, make_user
from tests.engagement.factories import ConsultationFactory

pytestmark = pytest.mark.django_db


def test_attachable_consultations_are_the_users_programmes_and_follow_membership() -> None:
    programme = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    other = OrganisationFactory(kind=Organisation.Kind.PROGRAMME)
    mine = ConsultationFactory(organisation=programme)
    draft = ConsultationFactory(organisation=programme, is_draft=True)
    ConsultationFactory(organisation=other)
    manager = make_user(Role.PROGRAMME_MANAGER, organisations=(programme,))
    analyst = make_user(Role.ANALYST, organisations=(programme,))
    worker = make_user(Role.LINK_WORKER, organisations=(OrganisationFactory(programme=programme),))
    assert set(attachable_consultations(manager)) == {mine, draft}
    assert set(attachable_consultations(analyst)) == {mine, draft}
    assert not attachable_consultations(worker).exists()
    assert not attachable_consultations(None).exists()
    Membership.objects.filter(user=manager).delete()
    assert not attachable_consultations(manager).exists()
