"""Factories for engagement tests: a programme's consultation with one question of each kind."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
import numpy as np
from django.utils import timezone

from linkwork.core.models import Organisation
from linkwork.engagement.models import Answer, Consultation, Question, RespondentProfile, Response
from tests.core.factories import OrganisationFactory


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    organisation = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.PROGRAMME)
    title = factory.Sequence(lambda n: f"Consultation {n}")
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    consent_text = "We will use your answers to plan link working."
    privacy_notice = "Your answers are kept for two years."
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))


def with_questions(consultation: Consultation) -> dict[str, Question]:
    return {
        "open": Question.objects.create(
            consultation=consultation, position=1, kind="open", text="What got in the way?",
            required=True,
        ),
        "single": Question.objects.create(
            consultation=consultation, position=2, kind="single", text="Did you get support?",
            choices=["Yes", "No"],
        ),
        "multiple": Question.objects.create(
            consultation=consultation, position=3, kind="multiple", text="What helped?",
            choices=["Link worker", "GP", "Family"],
        ),
        "scale": Question.objects.create(
            consultation=consultation, position=4, kind="scale", text="How satisfied?",
            scale_min=1, scale_max=5,
        ),
    }  # fmt: skip


def submitted(
    consultation: Consultation,
    answers: dict[Question, dict[str, Any]],
    *,
    council_area: str = "",
    name: str = "",
) -> Response:
    response = Response.objects.create(
        consultation=consultation, status="submitted", submitted_at=timezone.now(),
        respondent_name=name,
    )  # fmt: skip
    for question, values in answers.items():
        Answer.objects.create(response=response, question=question, **values)
    if council_area:
        RespondentProfile.objects.create(response=response, council_area=council_area)
    return response


def word_embed(texts: list[str]) -> np.ndarray:
    """A tiny deterministic embedder for tests: a bag of words under a fixed random projection."""
    out = np.zeros((len(texts), 64), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in text.split():
            seed = sum(ord(c) * 31**i for i, c in enumerate(word)) % (2**32)
            out[row] += np.random.default_rng(seed).standard_normal(64).astype(np.float32)
    return out
