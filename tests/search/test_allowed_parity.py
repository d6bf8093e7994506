"""The engine's in-memory filters and place keys select exactly what the directory's own SQL
search selects, for random directories, places, distances and filters.

`simple_search` (directory app) is the reference: plain SQL filters, a bounding box and exact
distance, remote and area services. The search engine answers the same questions from numpy
facet columns (`search.facets`) and narrows full-text queries with place keys
(`search.place_keys`); any difference is a bug.
"""

from __future__ import annotations

import random
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkwork.directory.models import Organization, Service, ServiceArea
from linkwork.directory.search_backend import SearchParams
from linkwork.directory.simple_search import simple_search
from linkwork.search import engine, vectors
from linkwork.search.allowed import allowed_rows
from linkwork.search.indexing import rebuild_index
from tests.directory.factories import category, open_on, speak

pytestmark = pytest.mark.django_db

CATEGORIES = ("befriending", "money-advice", "bereavement", "physical-activity")
AREAS = ("S12000048", "S12000030", "S37000033")  # Perth & Kinross, Stirling, an HSCP
SCOTLAND_BOX = ((54.7, 60.8), (-7.5, -0.8))


def _directory(seed: int, n: int = 60) -> list[Service]:
    """Services scattered over Scotland (and clustered near cell edges), with every facet."""
    rng = random.Random(seed)
    orgs = [Organization.objects.create(name=f"Org {i}") for i in range(4)]
    terms = [category(c) for c in CATEGORIES]
    services = []
    for i in range(n):
        remote = rng.random() < 0.15
        located = not remote or rng.random() < 0.3
        # Half the points sit within ~1 km of Perth, across grid-cell boundaries.
        near = rng.random() < 0.5
        lat = 56.4 + rng.uniform(-0.02, 0.02) if near else rng.uniform(*SCOTLAND_BOX[0])
        lon = -3.4 + rng.uniform(-0.02, 0.02) if near else rng.uniform(*SCOTLAND_BOX[1])
        low = rng.choice([None, 5, 16, 18, 65])
        service = Service.objects.create(
            name=f"Community group {i}",
            summary="A group for everyone.",
            organization=rng.choice(orgs),
            status=Service.Status.ACTIVE if rng.random() < 0.85 else Service.Status.INACTIVE,
            is_free=rng.choice([True, False, None]),
            minimum_age=low,
            maximum_age=rng.choice([None, 25, 64, 99]) if low is None or low < 25 else None,
            delivery_in_person=not remote,
            delivery_phone=remote and rng.random() < 0.7,
            delivery_online=remote and rng.random() < 0.5,
            delivery_home_visit=rng.random() < 0.1,
            latitude=lat if located else None,
            longitude=lon if located else None,
        )
        service.categories.set(rng.sample(terms, rng.randint(0, 2)))
        if rng.random() < 0.15:
            code = rng.choice([*AREAS, ServiceArea.SCOTLAND_CODE])
            kind = "scotland" if code == ServiceArea.SCOTLAND_CODE else "council_area"
            ServiceArea.objects.create(service=service, gss_code=code, kind=kind, name=code)
        if rng.random() < 0.2:
            speak(service, "gd")
        if rng.random() < 0.3:
            open_on(service, "MO")
        services.append(service)
    rebuild_index()
    vectors.reset()
    return services


params_strategy = st.builds(
    SearchParams,
    latitude=st.one_of(st.none(), st.floats(55.0, 60.0)),
    longitude=st.floats(-6.0, -1.0),
    distance_km=st.sampled_from([None, 0.5, 1, 3, 10, 25, 60, 200]),
    categories=st.lists(st.sampled_from(CATEGORIES), max_size=2).map(tuple),
    delivery_modes=st.lists(
        st.sampled_from(["in_person", "phone", "online", "home_visit", "carrier pigeon"]),
        max_size=2,
    ).map(tuple),
    free_only=st.booleans(),
    # Every bound of the directory's ages, either side, as well as any age.
    age=st.one_of(
        st.none(), st.sampled_from([4, 5, 6, 15, 16, 17, 18, 19, 24, 25, 26, 63, 64, 65, 99, 100])
    ),
    languages=st.sampled_from([(), ("gd",)]),
    open_on=st.sampled_from([None, 1, 2]),
    include_inactive=st.booleans(),
)


def _reference(params: SearchParams) -> set[uuid.UUID]:
    page = simple_search(dataclass_replace(params, per_page=100_000))
    return {h.service_id for h in page.hits}


def dataclass_replace(params: SearchParams, **changes: object) -> SearchParams:
    import dataclasses

    return dataclasses.replace(params, **changes)  # type: ignore[arg-type]


def _near(params: SearchParams) -> SearchParams:
    """Perth for half the places, so that most places have services around them."""
    if params.latitude is not None and params.latitude < 57.5:
        return dataclass_replace(params, latitude=56.4, longitude=-3.4)
    return params


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(params=params_strategy, organisation=st.integers(-1, 3), area=st.booleans())
def test_the_allowed_set_is_what_the_directory_selects(
    params: SearchParams, organisation: int, area: bool
) -> None:
    services = _SERVICES.get("rows") or _SERVICES.setdefault("rows", _directory(seed=3))
    orgs = sorted({s.organization_id for s in services})
    params = _near(params)
    if organisation >= 0:
        params = dataclass_replace(params, organisation_id=orgs[organisation % len(orgs)])
    if area:
        params = dataclass_replace(params, area_codes=(AREAS[0],))
    if params.latitude is None:
        params = dataclass_replace(params, longitude=None, distance_km=None)
    state = vectors.index()
    place = engine.resolve_place(params)
    km = params.distance_km or engine.DEFAULT_DISTANCE_KM
    allowed = allowed_rows(state, params, place, km)
    got = {state.service_uuid(r) for r in allowed.mask.nonzero()[0]}
    assert got == _reference(params)


_SERVICES: dict[str, list[Service]] = {}


@pytest.fixture(autouse=True)
def _fresh_directory_per_test() -> None:
    _SERVICES.clear()


@pytest.mark.parametrize("dense_from", [0.0, 2.0], ids=["rank-then-filter", "filter-then-rank"])
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(params=params_strategy)
def test_a_text_search_finds_every_allowed_match_and_nothing_else(
    params: SearchParams, dense_from: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every service is a "community group": text search with a place or filters must return
    exactly the allowed set, whichever way the engine restricts it (place keys in the
    database; ranking first when most services pass the filters, else filtering first)."""
    _SERVICES.get("rows") or _SERVICES.setdefault("rows", _directory(seed=5))
    monkeypatch.setattr(engine, "DENSE_FILTERS", dense_from)
    params = _near(params)
    if params.latitude is None:
        params = dataclass_replace(params, longitude=None, distance_km=None)
    wanted = _reference(params)
    page = engine.search(
        dataclass_replace(params, q="community group", mode="lexical", per_page=100)
    )
    assert {h.service_id for h in page.hits} == wanted
    assert page.total == len(wanted)
