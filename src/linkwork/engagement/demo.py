"""Demo consultations: the programme's "What got in the way of support?" (about 400 answers,
themes found and partly reviewed) and "Community groups" (online answers and breakout notes
from a national gathering), and two published stories.

Hook for `linkwork generate-demo`: add "engagement" to DEMO_APPS (after "core"). Answers are
copies of the labelled evaluation sets (data/demo_*.csv.gz) with small variations, spread over
council areas.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import random
from pathlib import Path
from typing import Any

from django.utils import timezone

from linkwork.core.models import Organisation, User
from linkwork.core.roles import DEMO_USERNAMES, Role
from linkwork.engagement.forms import AGE_BANDS, COUNCIL_AREAS
from linkwork.engagement.models import (
    Answer,
    Consultation,
    ConsultationTranslation,
    Event,
    Question,
    QuestionTranslation,
    RespondentProfile,
    Response,
    Story,
)
from linkwork.engagement.services import record_theme_run

DATA = Path(__file__).resolve().parent / "data"
CONSENT = (
    "Your answers help the link working programme plan support. We will publish a summary and "
    "some quotes without names. Taking part is up to you."
)
PRIVACY = (
    "The programme is the data controller. Answers are kept for two years, then deleted. Profile "
    "answers are kept apart from what you tell us and are only reported in groups of 5 or more."
)
#: Answers to the first consultation at each scale.
RESPONSES = {"small": 400, "national": 1200}
AREAS = [
    "Fife",
    "Glasgow City",
    "Highland",
    "Dundee City",
    "Scottish Borders",
    "Na h-Eileanan Siar",
]


def _texts(name: str) -> list[str]:
    with gzip.open(DATA / name, "rt", encoding="utf-8") as f:
        return [row["response"] for row in csv.DictReader(f)]


def _vary(text: str, rng: random.Random) -> str:
    words = text.split()
    if len(words) > 5 and rng.random() < 0.4:
        words.pop(rng.randrange(len(words)))
    return " ".join(words)


def _programme() -> Organisation:
    programme = Organisation.objects.filter(kind=Organisation.Kind.PROGRAMME).order_by("id").first()
    return programme or Organisation.objects.create(
        name="Demo Link Working Programme", kind=Organisation.Kind.PROGRAMME
    )


def _respond(
    consultation: Consultation,
    questions: list[Question],
    text: str,
    rng: random.Random,
    when: dt.datetime,
    **extra: Any,
) -> Response:
    response = Response.objects.create(
        consultation=consultation,
        status="submitted",
        submitted_at=when,
        started_at=when,
        consented=True,
        **extra,
    )
    for q in questions:
        if q.kind == Question.Kind.OPEN:
            Answer.objects.create(response=response, question=q, text=text)
        elif q.kind == Question.Kind.SCALE:
            Answer.objects.create(
                response=response, question=q, scale_value=rng.choice([1, 2, 3, 3, 4, 4, 5])
            )
        elif q.kind == Question.Kind.MULTIPLE:
            Answer.objects.create(
                response=response, question=q, choices=rng.sample(q.choices, rng.randint(1, 2))
            )
        else:
            Answer.objects.create(response=response, question=q, choices=[rng.choice(q.choices)])
    if rng.random() < 0.85:
        RespondentProfile.objects.create(
            response=response,
            council_area=rng.choice(AREAS if rng.random() < 0.8 else COUNCIL_AREAS),
            age_band=rng.choice(AGE_BANDS),
            carer=rng.choice(["yes", "no", "no", ""]),
            disability=rng.choice(["yes", "no", ""]),
        )
    return response


def generate(*, scale: str, rng: random.Random, stdout: Any) -> dict[str, int]:
    if Consultation.objects.filter(slug="getting-support").exists():
        return {}
    programme = _programme()
    analyst = User.objects.filter(username=DEMO_USERNAMES[Role.ANALYST]).first()
    now = timezone.now()
    support = Consultation.objects.create(
        organisation=programme,
        title="What got in the way of getting support?",
        slug="getting-support",
        consent_text=CONSENT,
        privacy_notice=PRIVACY,
        summary="Tell us about trying to get help with your health and wellbeing this year.",
        opens_at=now - dt.timedelta(days=60),
        closes_at=now + dt.timedelta(days=30),
        languages=["ar", "pl", "zh-hans"],
    )
    q_open = Question.objects.create(
        consultation=support,
        position=1,
        kind="open",
        required=True,
        text="What, if anything, got in the way of you getting support?",
    )
    q_helped = Question.objects.create(
        consultation=support,
        position=2,
        kind="multiple",
        text="What helped?",
        choices=["Link worker", "GP practice", "Community group", "Family or friends", "Nothing"],
    )
    q_scale = Question.objects.create(
        consultation=support,
        position=3,
        kind="scale",
        text="How easy was it to get the support you needed?",
        scale_min=1,
        scale_max=5,
        scale_min_label="Very hard",
        scale_max_label="Very easy",
    )
    QuestionTranslation.objects.create(
        question=q_open, language="ar", text="ما الذي منعك، إن وُجد، من الحصول على الدعم؟"
    )
    QuestionTranslation.objects.create(
        question=q_open, language="pl", text="Co, jeśli cokolwiek, utrudniło Ci uzyskanie wsparcia?"
    )
    _translate_support(support, q_helped, q_scale)
    texts = _texts("demo_support_barriers.csv.gz")
    count = 0
    for i in range(RESPONSES[scale]):
        text = texts[i] if i < len(texts) else _vary(rng.choice(texts), rng)
        _respond(
            support,
            [q_open, q_helped, q_scale],
            text,
            rng,
            now - dt.timedelta(hours=rng.randint(1, 1400)),
        )
        count += 1
    run = record_theme_run(question=q_open, actor=analyst, seed=0)
    biggest = run.themes.order_by("id").first()
    if biggest is not None:
        biggest.label = biggest.machine_label + " (reviewed)"
        biggest.save(update_fields=["label"])
        first = run.assignments.filter(theme=biggest, representative=True).first()
        if first:
            first.publish_quote = True
            first.save(update_fields=["publish_quote"])
    groups = Consultation.objects.create(
        organisation=programme,
        title="Community groups: what would help you keep going?",
        slug="community-groups",
        consent_text=CONSENT,
        privacy_notice=PRIVACY,
        anonymous=False,
        opens_at=now - dt.timedelta(days=20),
        closes_at=now + dt.timedelta(days=40),
    )
    g_open = Question.objects.create(
        consultation=groups,
        position=1,
        kind="open",
        required=True,
        text="What would help your group keep going?",
    )
    g_kind = Question.objects.create(
        consultation=groups,
        position=2,
        kind="single",
        text="What kind of group are you?",
        choices=["Charity", "Community group", "Faith group", "Social enterprise"],
    )
    event = Event.objects.create(
        consultation=groups, name="National link working gathering", held_on=now.date()
    )
    for n, text in enumerate(_texts("demo_community_groups.csv.gz")):
        extra = (
            {"source": "event", "event": event, "breakout_group": f"Table {n % 8 + 1}"}
            if n % 3 == 0
            else {}
        )
        _respond(
            groups,
            [g_open, g_kind],
            text,
            rng,
            now - dt.timedelta(hours=rng.randint(1, 400)),
            **extra,
        )
        count += 1
    for slug, title, summary, place, themes in [
        (
            "warm-welcome-leven",
            "A warm welcome in Leven",
            "A church hall became a warm space with soup, blethers and a link worker on Tuesdays.",
            "Leven, Fife",
            ["Isolation", "Cost of living"],
        ),
        (
            "glen-minibus",
            "The glen minibus",
            "Volunteers run a minibus so people up the glen can get to groups and appointments.",
            "Highland",
            ["Transport", "Volunteering"],
        ),
    ]:
        Story.objects.create(
            organisation=programme,
            title=title,
            slug=slug,
            summary=summary,
            place=place,
            body=summary + "\n\nIt started with one conversation about what mattered to people.",
            themes=themes,
            tags=["community resilience"],
            status=Story.Status.PUBLISHED,
            published_at=now,
        )
    return {"consultations": 2, "responses": count, "stories": 2}


def _translate_support(support: Consultation, helped: Question, scale: Question) -> None:
    """Polish and Arabic words for the demo consultation; its consent statement and privacy
    notice stay English, to show the form falling back piece by piece."""
    ConsultationTranslation.objects.create(
        consultation=support, language="pl", title="Co utrudniło Ci uzyskanie wsparcia?",
        summary="Opowiedz nam, jak w tym roku szukałeś pomocy w sprawie zdrowia i samopoczucia.",
    )  # fmt: skip
    ConsultationTranslation.objects.create(
        consultation=support, language="ar", title="ما الذي منعك من الحصول على الدعم؟",
        summary="أخبرنا عن محاولتك هذا العام الحصول على مساعدة لصحتك وعافيتك.",
    )  # fmt: skip
    QuestionTranslation.objects.create(
        question=helped, language="pl", text="Co pomogło?",
        choices=["Doradca społeczny (link worker)", "Przychodnia lekarza rodzinnego",
                 "Grupa w okolicy", "Rodzina lub przyjaciele", "Nic"],
    )  # fmt: skip
    QuestionTranslation.objects.create(
        question=helped, language="ar", text="ما الذي ساعدك؟",
        choices=["مرشد الربط (link worker)", "عيادة الطبيب العام", "مجموعة في منطقتك",
                 "العائلة أو الأصدقاء", "لا شيء"],
    )  # fmt: skip
    QuestionTranslation.objects.create(
        question=scale, language="pl", text="Jak łatwo było uzyskać potrzebne wsparcie?",
        scale_min_label="Bardzo trudno", scale_max_label="Bardzo łatwo",
    )  # fmt: skip
    QuestionTranslation.objects.create(
        question=scale, language="ar", text="ما مدى سهولة حصولك على الدعم الذي احتجت إليه؟",
        scale_min_label="صعب جدًا", scale_max_label="سهل جدًا",
    )  # fmt: skip
