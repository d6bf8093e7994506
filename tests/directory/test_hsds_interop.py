"""What Open Referral tools expect of the HSDS API beyond the schemas: plain documents that
strict validators accept, `search` that means full-text search on every list, the UK
profile's filters, `minimal` and `format=ndjson` as the standard names them, and an OpenAPI
document that the reference validator accepts."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from linkwork.directory.hsds.importer import import_hsds
from tests.directory import factories as f
from tests.directory.official import HSDS, require_official, uk_profile_errors

pytestmark = pytest.mark.django_db
COUNSELLING = "ac148810-d857-441c-9679-408f346de14b"


@pytest.fixture
def directory() -> dict[str, Any]:
    require_official()
    import_hsds(HSDS / "examples" / "service_full.json")  # ages 12-100, open TH,FR 10-18
    walk = f.ServiceFactory(name="Perth walking group", minimum_age=60)
    f.place_service(walk, "PH2 8BX")
    f.open_on(walk, "TU", "09:30", "11:00")
    youth = f.ServiceFactory(name="Youth drop-in", minimum_age=11, maximum_age=18)
    f.place_service(youth, "PH2 8BX")
    f.open_on(youth, "FR", "18:00", "21:00")
    return {"walk": walk, "youth": youth}


def ids(client: Client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return {doc["id"] for doc in response.json()["contents"]}


def official_properties(kind: str) -> set[str]:
    schema = json.loads((HSDS / "schema" / "compiled" / f"{kind}.json").read_text())
    return set(schema["properties"])


def test_default_documents_carry_no_property_outside_the_standard(
    client: Client, directory: dict
) -> None:
    """A strict validator (additionalProperties: false) accepts what we serve by default."""
    allowed = official_properties("service")
    for url in (
        "/api/hsds/services",
        "/api/hsds/services?full=true",
        f"/api/hsds/services/{directory['walk'].id}",
    ):
        body = client.get(url).json()
        for doc in body.get("contents", [body]):
            assert set(doc) <= allowed, (url, set(doc) - allowed)
    extended = client.get(f"/api/hsds/services/{directory['walk'].id}?extensions=true").json()
    assert extended["linkwork"]["delivery_modes"]


UK_LISTS = [
    ("/api/hsds/services", "service_list"),
    ("/api/hsds/services?full=true", "service_list"),
    ("/api/hsds/services?search=walking", "service_list"),
    ("/api/hsds/services?minimum_age=10&maximum_age=120", "service_list"),
    ("/api/hsds/services?day=TU&start_time=09:00&end_time=12:00", "service_list"),
    ("/api/hsds/services?postcode=PH2%208BX&proximity=2000", "service_list"),
    ("/api/hsds/service_at_locations", "service_at_location_list"),
    ("/api/hsds/service_at_locations?search=walking&day=TU", "service_at_location_list"),
    (
        "/api/hsds/service_at_locations?postcode=PH2%208BX&proximity=2000",
        "service_at_location_list",
    ),
    ("/api/hsds/organizations", "organization_list"),
]


@pytest.mark.parametrize(("url", "kind"), UK_LISTS)
def test_lists_of_our_own_services_fit_the_uk_profile(client: Client, url: str, kind: str) -> None:
    """Services made in Linkwork validate against the Open Referral UK profile on every list
    and parameter (the official HSDS example itself carries fields the profile drops)."""
    require_official()
    walk = f.ServiceFactory(name="Perth walking group", minimum_age=60, maximum_age=110)
    f.place_service(walk, "PH2 8BX")
    f.open_on(walk, "TU", "09:30", "11:00")
    body = client.get(url).json()
    assert body["contents"], url
    for doc in body["contents"]:
        assert uk_profile_errors(kind, doc) == [], (url, doc.get("id"))


def test_search_is_full_text_on_both_lists(client: Client, directory: dict) -> None:
    for url in ("/api/hsds/services", "/api/hsds/service_at_locations"):
        assert ids(client, f"{url}?search=zzqqxxnothing") == set()
    services = ids(client, "/api/hsds/services?search=walking")
    assert services == {str(directory["walk"].id)}
    sats = client.get("/api/hsds/service_at_locations?search=walking").json()["contents"]
    assert {s["service"]["id"] if "service" in s else s["service_id"] for s in sats} == services


def test_uk_profile_age_filters(client: Client, directory: dict) -> None:
    walk, youth = str(directory["walk"].id), str(directory["youth"].id)
    # minimum_age: services whose minimum age is at least the value
    assert ids(client, "/api/hsds/services?minimum_age=60") == {walk}
    assert ids(client, "/api/hsds/services?minimum_age=12") == {walk, COUNSELLING}
    # maximum_age: services whose maximum age is at or below the value
    assert ids(client, "/api/hsds/services?maximum_age=18") == {youth}
    assert ids(client, "/api/hsds/services?maximum_age=100") == {youth, COUNSELLING}
    assert ids(client, "/api/hsds/services?minimum_age=12&maximum_age=100") == {COUNSELLING}


def test_uk_profile_day_and_time_filters(client: Client, directory: dict) -> None:
    walk, youth = str(directory["walk"].id), str(directory["youth"].id)
    assert ids(client, "/api/hsds/services?day=TU") == {walk}
    assert ids(client, "/api/hsds/services?day=friday") == {youth, COUNSELLING}
    assert ids(client, "/api/hsds/services?start_time=10:00") == {youth, COUNSELLING}
    assert ids(client, "/api/hsds/services?end_time=12:00:00") == {walk}
    assert ids(client, "/api/hsds/services?day=FR&start_time=17:00&end_time=22:00") == {youth}
    sats = ids(client, "/api/hsds/service_at_locations?day=TU")
    assert sats == {str(directory["walk"].service_at_locations.get().id)}


@pytest.mark.parametrize(
    "query", ["day=Someday", "start_time=25:00", "end_time=noon", "minimum_age=-3"]
)
def test_bad_uk_filters_are_problems(client: Client, directory: dict, query: str) -> None:
    response = client.get(f"/api/hsds/services?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_minimal_is_ids_and_modified_dates(client: Client, directory: dict) -> None:
    page = client.get("/api/hsds/services?minimal=true&per_page=5000").json()
    assert page["total_items"] == 3
    for doc in page["contents"]:
        assert set(doc) == {"id", "modified_date"}
        assert doc["modified_date"].endswith("Z")


def test_ndjson_streams_every_result_without_paging(client: Client, directory: dict) -> None:
    for _ in range(3):
        f.ServiceFactory()
    response = client.get("/api/hsds/services?format=ndjson&per_page=2")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).decode().splitlines()
    docs = [json.loads(line) for line in lines]
    assert len(docs) == 6 and len({d["id"] for d in docs}) == 6
    assert all("linkwork" not in d for d in docs)


def validate_openapi(document: dict) -> None:
    """The reference validator (openapi-spec-validator), resolving the standard's schema URLs
    from ../shared, since tests have no network."""
    from jsonschema_path import SchemaPath
    from openapi_spec_validator.shortcuts import get_validator_cls

    base = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

    def local(uri: str) -> Any:
        assert uri.startswith(base), f"unexpected remote reference {uri}"
        return json.loads((HSDS / "schema" / uri.removeprefix(base)).read_text())

    handlers = {"<all_urls>": local, "https": local, "http": local}
    path = SchemaPath.from_dict(document, handlers=handlers)
    get_validator_cls(document)(path).validate()


def test_hsds_openapi_document_is_valid_and_documents_every_answer(client: Client) -> None:
    require_official()
    document = client.get("/api/hsds/openapi.json").json()
    validate_openapi(document)
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert "200" in codes, (method, path)
            assert path.rstrip("/").endswith("hsds") or codes & {"400", "404"}, (method, path)
            ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
            assert "$ref" in json.dumps(ok), (method, path)
    assert {"Page", "Problem"} <= set(document["components"]["schemas"])
