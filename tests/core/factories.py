from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth.models import Group

from linkwork.core.models import Membership, Organisation, User


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.GP_PRACTICE


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def roles(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        for name in extracted or ():
            self.groups.add(Group.objects.get_or_create(name=str(name))[0])

    @factory.post_generation
    def organisations(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        for org in extracted or ():
            Membership.objects.create(user=self, organisation=org)


def make_user(*roles: str, organisations: tuple[Organisation, ...] = (), **kwargs: Any) -> User:
    """A user holding the given roles and working for the given organisations."""
    return UserFactory(roles=roles, organisations=organisations, **kwargs)
