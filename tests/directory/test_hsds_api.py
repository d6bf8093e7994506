"""The HSDS API: every endpoint validates against the official schemas, pages, filters,
answers bad parameters with problem JSON, and costs the same number of queries per page."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client

from linkwork.directory.hsds.importer import import_hsds
from linkwork.directory.models import Service
from tests.directory import factories as f
from tests.directory.official import HSDS, official_errors, official_page_errors, require_official

pytestmark = pytest.mark.django_db
COUNSELLING = "ac148810-d857-441c-9679-408f346de14b"


@pytest.fixture
def directory() -> dict[str, Any]:
    require_official()
    import_hsds(HSDS / "examples" / "service_full.json")
    walk = f.ServiceFactory(name="Perth walking group", categories=["physical-activity"])
    f.place_service(walk, "PH2 8BX")
    f.open_on(walk, "TU")
    far = f.ServiceFactory(name="Dumfries walking group", categories=["physical-activity"])
    f.place_service(far, "DG1 2BD")
    f.postcode("PH1 5PH")
    return {"walk": walk, "far": far}


def get(client: Client, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response.json()


LISTS = [
    ("/api/hsds/services", "service_brief"),
    ("/api/hsds/services?full=true", "service_brief"),
    ("/api/hsds/services?search=walking", "service_brief"),
    ("/api/hsds/services?search=walking&extensions=true", "service_brief"),
    ("/api/hsds/services?day=TU", "service_brief"),
    ("/api/hsds/services?minimum_age=10&maximum_age=120", "service_brief"),
    ("/api/hsds/services?start_time=08:00&end_time=20:00", "service_brief"),
    ("/api/hsds/service_at_locations?search=walking", "service_at_location_brief"),
    ("/api/hsds/service_at_locations?day=tuesday", "service_at_location_brief"),
    ("/api/hsds/services?postcode=PH1%205PH&proximity=5000", "service_brief"),
    ("/api/hsds/organizations", "organization_brief"),
    ("/api/hsds/organizations?full=true", "organization_brief"),
    ("/api/hsds/organizations?full_service=true", "organization_brief"),
    ("/api/hsds/taxonomies", "taxonomy"),
    ("/api/hsds/taxonomy_terms", "taxonomy_term"),
    ("/api/hsds/service_at_locations", "service_at_location_brief"),
    ("/api/hsds/service_at_locations?full=true", "service_at_location_brief"),
    (
        "/api/hsds/service_at_locations?postcode=PH1%205PH&proximity=5000",
        "service_at_location_brief",
    ),
]


@pytest.mark.parametrize(("url", "kind"), LISTS)
def test_lists_validate(client: Client, directory: dict, url: str, kind: str) -> None:
    page = get(client, url)
    assert official_page_errors(kind, page) == []
    assert set(page) == {
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    }
    assert page["contents"], url


def test_single_documents_validate(client: Client, directory: dict) -> None:
    from linkwork.directory.models import Organization, ServiceAtLocation, TaxonomyTerm

    assert official_errors("service", get(client, f"/api/hsds/services/{COUNSELLING}")) == []
    for org in Organization.objects.all():
        for suffix in ("", "?full_service=true"):
            doc = get(client, f"/api/hsds/organizations/{org.id}{suffix}")
            assert official_errors("organization", doc) == []
    for sat in ServiceAtLocation.objects.all():
        doc = get(client, f"/api/hsds/service_at_locations/{sat.id}")
        assert official_errors("service_at_location", doc) == []
    term = TaxonomyTerm.objects.filter(taxonomy_ref__is_default=True).first()
    assert (
        official_errors("taxonomy_term", get(client, f"/api/hsds/taxonomy_terms/{term.id}")) == []
    )
    tax = get(client, f"/api/hsds/taxonomies/{term.taxonomy_ref_id}")
    assert official_errors("taxonomy", tax) == []
    info = get(client, "/api/hsds/")
    assert info["version"] == "3.0" and info["openapi_url"].endswith("/api/hsds/openapi.json")


def test_service_document_carries_our_categories_as_attributes(
    client: Client, directory: dict
) -> None:
    doc = get(client, f"/api/hsds/services/{directory['walk'].id}")
    names = [a["taxonomy_term"]["name"] for a in doc["attributes"]]
    assert names == ["Physical activity"]


def test_paging(client: Client, directory: dict) -> None:
    page = get(client, "/api/hsds/services?per_page=2&page=2")
    assert page["total_items"] == 3 and page["total_pages"] == 2
    assert page["page_number"] == 2 and page["size"] == 1
    assert page["last_page"] and not page["first_page"] and not page["empty"]
    empty = get(client, "/api/hsds/services?search=zzzzzz")
    assert empty["empty"] and empty["total_items"] == 0


def test_filters(client: Client, directory: dict) -> None:
    walk = directory["walk"]
    term = f.category("physical-activity")
    ids = lambda url: {s["id"] for s in get(client, url)["contents"]}  # noqa: E731
    both = {str(walk.id), str(directory["far"].id)}
    assert ids(f"/api/hsds/services?taxonomy_term_id={term.id}") == both
    assert ids(f"/api/hsds/services?taxonomy_id={term.taxonomy_ref_id}") == both
    assert ids(f"/api/hsds/services?organization_id={walk.organization_id}") == {str(walk.id)}
    assert ids("/api/hsds/services?modified_after=2999-01-01T00:00:00Z") == set()
    assert ids("/api/hsds/services?postcode=ph15ph&proximity=5000") == {str(walk.id)}
    assert ids("/api/hsds/service_at_locations?postcode=PH1 5PH&proximity=5000") == {
        str(walk.service_at_locations.get().id)
    }


@pytest.mark.parametrize(
    "url",
    [
        "/api/hsds/services?page=0",
        "/api/hsds/services?per_page=100000",
        "/api/hsds/services?modified_after=yesterday",
        "/api/hsds/services?taxonomy_term_id=not-a-uuid",
        "/api/hsds/services?postcode=NOTAPOSTCODE",
        "/api/hsds/services?postcode=ZE9 9ZZ",
        "/api/hsds/services?proximity=100",
        "/api/hsds/services?format=xml",
        "/api/hsds/service_at_locations?postcode=PH1 5PH&proximity=-1",
    ],
)
def test_bad_parameters_are_problem_json(client: Client, directory: dict, url: str) -> None:
    response = client.get(url)
    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"]


def test_unknown_ids_are_404_problems(client: Client) -> None:
    for url in (f"/api/hsds/services/{uuid.uuid4()}", "/api/hsds/services/nope"):
        response = client.get(url)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def _grow(n: int) -> None:
    for _ in range(n):
        s = f.ServiceFactory(categories=["food"])
        f.place_service(s)
        f.open_on(s, "MO")
        f.speak(s, "en")


@pytest.mark.parametrize(
    "url",
    [
        "/api/hsds/services?full=true&per_page=50",
        "/api/hsds/services?per_page=50",
        "/api/hsds/organizations?full_service=true&per_page=50",
        "/api/hsds/service_at_locations?full=true&per_page=50",
    ],
)
def test_query_count_does_not_grow_with_data(
    client: Client, url: str, django_assert_max_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _grow(2)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _grow(8)
    assert Service.objects.count() == 10
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
