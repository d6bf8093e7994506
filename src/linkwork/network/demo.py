"""Demo data for the network: members across Scotland, the support pack as real small files,
learning events past and future with feedback through an engagement consultation, case
studies from engagement's stories library, and a couple of discussions (texts in
data/demo.json).

Called by `linkwork generate-demo` once "network" is in its DEMO_APPS (after "core", whose
demo accounts it uses, and "engagement", whose stories it links); `generate` follows that
protocol.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from linkwork.core.demo import DEMO_PASSWORD
from linkwork.core.models import Membership, Organisation, User
from linkwork.core.roles import DEMO_USERNAMES, ROLE_LABELS, Role, ensure_role_groups
from linkwork.engagement.models import Consultation
from linkwork.engagement.selectors import published_stories
from linkwork.engagement.services import QuestionSpec, create_consultation
from linkwork.network.models import CaseStudyLink, Event, Registration, Resource
from linkwork.network.samples import make_docx, make_pdf
from linkwork.network.services import discussions, events, members, resources

DATA = Path(__file__).parent / "data" / "demo.json"


def _user(username: str, full_name: str, role: Role, password_hash: str) -> User:
    first, _, last = full_name.partition(" ")
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
    )
    if created:
        user.password = password_hash
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=role.value))
    return user


def _role_for(job: str) -> Role:
    if "lead" in job:
        return Role.PROGRAMME_MANAGER
    if "Practice" in job:
        return Role.PRACTICE_STAFF
    return Role.LINK_WORKER


def _members(data: dict[str, Any], rng: random.Random, password_hash: str) -> list[User]:
    programme = Organisation.objects.filter(kind=Organisation.Kind.PROGRAMME).first()
    people = []
    for i, row in enumerate(data["members"]):
        user = _user(
            f"network-{row['name'].split()[0].lower()}",
            row["name"],
            _role_for(row["job"]),
            password_hash,
        )
        if programme and i % 3 == 0:
            Membership.objects.get_or_create(user=user, organisation=programme)
        members.update_profile(
            actor=user,
            profile=members.profile_for(user),
            data={
                "listed": True,
                "visibility": "programme" if i % 4 == 3 else "network",
                "display_name": row["name"],
                "job_role": row["job"],
                "organisation_name": row["organisation"],
                "area": row["area"],
                "specialisms": row["specialisms"],
                "languages": row["languages"],
                "ask_me_about": row["specialisms"].split(",")[0],
                "digest": rng.choice(["daily", "weekly", "weekly"]),
            },
        )
        people.append(user)
    for role in (Role.LINK_WORKER, Role.PROGRAMME_MANAGER):
        demo_user = User.objects.filter(username=DEMO_USERNAMES[role]).first()
        if demo_user:
            members.update_profile(
                actor=demo_user,
                profile=members.profile_for(demo_user),
                data={
                    "listed": True,
                    "display_name": demo_user.get_full_name() or demo_user.username,
                    "job_role": str(ROLE_LABELS[role]),
                    "area": "lothian",
                    "specialisms": "peer support",
                },
            )
    return people


def _library(data: dict[str, Any], manager: User, people: list[User]) -> list[Resource]:
    study = data["case_study"]
    case_study = resources.add_case_study(
        actor=manager, title=study["title"], url=study["url"], summary=study["summary"]
    )
    _stories_as_case_studies(manager)
    made = []
    for row in data["support_pack"]:
        paragraphs = [
            row["summary"],
            "Part of the national support pack for community link working in Scotland.",
            "Adapt it to your area and review it every year.",
        ]
        maker = make_pdf if row["file_type"] == "pdf" else make_docx
        kind = Resource.Kind.TEMPLATE if "template" in row["title"].lower() else "document"
        made.append(
            resources.add_resource(
                actor=manager,
                kind=kind,
                title=row["title"],
                summary=row["summary"],
                audience=row["audience"],
                section=row["section"],
                tags="support pack",
                review_date=timezone.localdate() + dt.timedelta(days=300),
                upload=io.BytesIO(maker(row["title"], paragraphs)),
                upload_name=f"{row['section']}.{row['file_type']}",
                case_studies=[case_study] if row["section"] == "evaluation" else None,
            )
        )
    link = data["link"]
    made.append(
        resources.add_resource(
            actor=people[1],
            kind=Resource.Kind.LINK,
            title=link["title"],
            summary=link["summary"],
            audience="everyone",
            url=link["url"],
        )
    )
    return made


def _stories_as_case_studies(manager: User) -> list[CaseStudyLink]:
    """Practice learning shared with the stories library: the published stories, linked."""
    return [
        resources.add_case_study(
            actor=manager, title=story.title, story=story, summary=story.summary
        )
        for story in published_stories()[:2]
    ]


def _feedback_consultation(manager: User) -> Consultation | None:
    """The consultation that collects feedback on learning events, run by the manager's
    programme, so feedback themes come from engagement."""
    programme = (
        Organisation.objects.filter(kind=Organisation.Kind.PROGRAMME, memberships__user=manager)
        .order_by("id")
        .first()
    )
    if programme is None:
        return None
    return create_consultation(
        actor=manager,
        organisation=programme,
        title="Learning events: what will you take back to your practice?",
        slug="network-event-feedback",
        summary="Feedback on the network's learning events.",
        consent_text="I agree that my answers are used to improve the network's events.",
        privacy_notice=(
            "Your answers are read by the programme team. We do not ask for your name. "
            "We keep answers for two years."
        ),
        questions=[
            QuestionSpec(
                kind="open",
                text="What will you do differently after this event?",
                required=True,
            ),
            QuestionSpec(kind="scale", text="How useful was the event for your work?"),
        ],
        ask_profile=False,
        opens_at=timezone.now() - dt.timedelta(days=120),
    )


def _events(
    data: dict[str, Any],
    rng: random.Random,
    manager: User,
    people: list[User],
    pack: list[Resource],
) -> list[Event]:
    today = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    feedback = _feedback_consultation(manager)
    made = []
    for row in data["events"]:
        start = today + dt.timedelta(days=row["days"])
        in_person = row["format"] == "in_person"
        event = Event.objects.create(
            title=row["title"],
            description=f"{row['title']}: share what works, meet colleagues, take ideas home.",
            format=row["format"],
            location=data["venue"] if in_person else "",
            online_url="" if in_person else "https://meet.example.org/network",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=3),
            capacity=row["capacity"],
            organiser=manager,
            feedback_consultation=feedback if row["days"] < 0 else None,
        )
        if row["days"] > 0:
            event.resources.set(pack[:1])
        wanted = min(len(people), row["capacity"] + 2)
        for user in rng.sample(people, k=wanted):
            if row["days"] < 0:
                Registration.objects.create(
                    event=event, user=user, status="confirmed", attended=rng.random() > 0.2
                )
            else:
                events.register(actor=user, event=event)
        made.append(event)
    return made


def generate(*, scale: str, rng: random.Random, stdout: Any) -> dict[str, int]:
    if settings.IS_PRODUCTION:
        return {}
    ensure_role_groups()
    data = json.loads(DATA.read_text(encoding="utf-8"))
    password_hash = make_password(DEMO_PASSWORD)
    manager = User.objects.filter(username=DEMO_USERNAMES[Role.PROGRAMME_MANAGER]).first()
    if manager is None:
        manager = _user("demo-manager", "Demo Manager", Role.PROGRAMME_MANAGER, password_hash)
    people = _members(data, rng, password_hash)
    library = _library(data, manager, people)
    made_events = _events(data, rng, manager, people, library)
    for row in data["discussions"]:
        topic = discussions.start_topic(
            actor=people[row["author"]], title=row["title"], body=row["body"]
        )
        for author, body in row["replies"]:
            discussions.reply(actor=people[author], topic=topic, body=body)
    return {
        "network members": len(people),
        "resources": len(library),
        "events": len(made_events),
        "discussions": len(data["discussions"]),
    }
