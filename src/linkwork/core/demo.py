"""Demo organisations and accounts: a programme, GP practices and community organisations on
real postcodes, and one fixed account per role (printed by `linkwork demo`)."""

from __future__ import annotations

import random
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db.models import QuerySet

from linkwork.core.models import Membership, Organisation, User
from linkwork.core.roles import DEMO_USERNAMES, Role, ensure_role_groups
from linkwork.core.two_factor import give_demo_device

#: A public, documented password for local demo accounts only (never created in production).
DEMO_PASSWORD = "linkwork-demo"  # noqa: S105

PRACTICE_NAMES = [
    "Riverside Medical Practice",
    "Links Health Centre",
    "Castle Street Surgery",
    "Abbey Medical Group",
    "Harbour View Practice",
    "Mill Lane Health Centre",
    "Station Road Surgery",
    "Kirkgate Medical Practice",
    "Westfield Surgery",
    "Glen Medical Centre",
    "Bridge End Practice",
    "Market Street Health Centre",
]
SCALE_PRACTICES = {"small": 6, "national": 900}


def demo_accounts() -> QuerySet[User]:
    return User.objects.filter(username__in=DEMO_USERNAMES.values()).order_by("username")


def _postcodes(rng: random.Random, n: int) -> list[str]:
    from linkwork.places.models import Postcode

    pcs = list(
        Postcode.objects.filter(terminated="", data_zone__isnull=False)
        .order_by("postcode")
        .values_list("postcode", flat=True)[:20000]
    )
    return [rng.choice(pcs) for _ in range(n)] if pcs else [""] * n


def generate(*, scale: str, rng: random.Random, stdout: Any) -> dict[str, int]:
    from django.conf import settings

    ensure_role_groups()
    programme, _ = Organisation.objects.get_or_create(
        name="Community Links Programme", kind=Organisation.Kind.PROGRAMME
    )
    n = SCALE_PRACTICES[scale]
    postcodes = _postcodes(rng, n + 1)
    practices = []
    for i in range(n):
        base = PRACTICE_NAMES[i % len(PRACTICE_NAMES)]
        name = base if i < len(PRACTICE_NAMES) else f"{base} {i // len(PRACTICE_NAMES) + 1}"
        practices.append(
            Organisation(
                name=name,
                kind=Organisation.Kind.GP_PRACTICE,
                code=f"{10000 + i * 7}",
                postcode=postcodes[i],
                programme=programme,
            )
        )
    Organisation.objects.bulk_create(practices, batch_size=1000)
    community, _ = Organisation.objects.get_or_create(
        name="Befriend Together",
        kind=Organisation.Kind.COMMUNITY,
        defaults={"postcode": postcodes[-1], "programme": programme},
    )
    practices = list(Organisation.objects.filter(kind="gp_practice").order_by("id")[:2])
    homes: dict[Role, list[Organisation]] = {
        Role.LINK_WORKER: practices,
        Role.PRACTICE_STAFF: practices[:1],
        Role.COMMUNITY_EDITOR: [community],
        Role.PROGRAMME_MANAGER: [programme],
        Role.ANALYST: [programme],
        Role.DPO: [programme],
        Role.ADMIN: [],
    }
    made = 0
    password_hash = make_password(DEMO_PASSWORD)  # hashing is slow by design: do it once
    if not settings.IS_PRODUCTION:
        for role, username in DEMO_USERNAMES.items():
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"email": f"{username}@example.org", "first_name": "Demo"},
            )
            if created:
                made += 1
                user.password = password_hash
                user.is_staff = role == Role.ADMIN
                user.is_superuser = role == Role.ADMIN
                user.save()
            user.groups.add(Group.objects.get(name=role.value))
            give_demo_device(user)  # the published demo TOTP secret (local demo only)
            for org in homes[role]:
                Membership.objects.get_or_create(user=user, organisation=org)
    return {"practices": n, "organisations": 2, "accounts": made}
