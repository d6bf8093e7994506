"""The small demo gives insight enough practices for the multilevel model to be estimated."""

from __future__ import annotations

import random
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from linkwork.casework import demo as casework_demo
from linkwork.casework.models import Case, Person
from linkwork.core import demo as core_demo
from linkwork.core.models import Organisation, User
from linkwork.directory import demo as directory_demo
from linkwork.insight import demo, selectors
from linkwork.insight.effects import effect
from linkwork.insight.models import Programme
from linkwork.outcomes import demo as outcomes_demo

pytestmark = pytest.mark.django_db


def _places() -> None:
    """The shipped places pack: the demos put people on its real postcodes and SIMD."""
    call_command("load-places", no_progress=True, stdout=StringIO())


def _small_demo() -> dict[str, int]:
    out = StringIO()
    for module in (core_demo, directory_demo, casework_demo, outcomes_demo):
        module.generate(scale="small", rng=random.Random(1), stdout=out)
    return demo.generate(scale="small", rng=random.Random(1), stdout=out)


def test_nothing_to_add_before_casework_demo_or_at_national_scale() -> None:
    # nothing but the kept facts, built from what there is (no cases)
    assert demo.generate(scale="small", rng=random.Random(1), stdout=StringIO()) == {
        "case facts": 0
    }
    assert demo.generate(scale="national", rng=random.Random(1), stdout=StringIO()) == {
        "case facts": 0
    }


def test_small_demo_people_come_from_every_demo_practice_and_the_model_is_estimated() -> None:
    _places()
    counts = _small_demo()
    practices = Organisation.objects.filter(kind=Organisation.Kind.GP_PRACTICE)
    assert counts["practices"] == practices.count() - demo.HOME_PRACTICES >= 4
    assert set(Person.objects.values_list("gp_practice", flat=True)) == set(
        practices.values_list("id", flat=True)
    )
    # The demo link worker's caseload stays at their own two practices.
    worker = User.objects.get(username="demo-link-worker")
    assert set(Case.objects.filter(link_worker=worker).values_list("practice", flat=True)) <= set(
        practices.order_by("id").values_list("id", flat=True)[: demo.HOME_PRACTICES]
    )
    assert counts["case facts"] == Case.objects.count()  # the demo builds insight's facts
    programme = Programme.objects.get(name="Community Links Programme")
    result = effect(selectors.cases(programme, selectors.Filters.default()), "swemwbs")
    assert result is not None and result.model is not None
    assert result.model.estimable, result.model.reason
    assert result.model.practices >= 3


def test_generate_demo_refuses_an_unknown_app() -> None:
    _places()
    with pytest.raises(CommandError, match="not a demo app: nope"):
        call_command("generate-demo", apps="insight,nope", stdout=StringIO())


def test_small_demo_outcomes_dashboard_shows_the_model_estimate() -> None:
    _places()
    _small_demo()
    client = Client()
    client.force_login(User.objects.get(username="demo-manager"))
    page = client.get("/insight/outcomes/").content.decode()
    assert "multilevel model coefficients" in page
    assert "Cannot estimate the model" not in page
