"""FHIR as real clients use it: create returns the ServiceRequest with its version, every
reference the server emits resolves, searches check resource types and page with links,
codes are bound, formats negotiated, every answer under /fhir/ is an OperationOutcome,
resubmissions do not duplicate, and a GP system's client (fhirpy) does the whole round trip."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.communication import Communication
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.organization import Organization
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.servicerequest import ServiceRequest
from fhir.resources.R4B.task import Task

from linkwork.casework import services
from linkwork.casework.models import Referral
from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from tests.casework.factories import PracticeFactory
from tests.casework.test_fhir import post, service_request
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> tuple[Any, Any, dict[str, str]]:
    practice = PracticeFactory(code="55555")
    user = make_user(Role.PRACTICE_STAFF, organisations=(practice,))
    _row, token = create_token(user=user)
    return practice, user, {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def created(client: Client, headers: dict[str, str], **over: Any) -> dict[str, Any]:
    response = post(client, service_request(**over), headers)
    assert response.status_code == 201, response.content
    return response.json()


def discharge(referral: Referral, practice: Any) -> Any:
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    case = services.triage(case=referral.case, actor=worker, decision="triaged")
    case = services.allocate(case=case, link_worker=worker, actor=worker)
    case = services.transition(case=case, to_status="active", actor=worker)
    return services.discharge(
        case=case, actor=worker, reason="goals_met", summary="Joined the walking group."
    )


def outcome_of(response: Any, status: int) -> OperationOutcome:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/fhir+json"
    return OperationOutcome.model_validate(response.json())


def test_prefer_return_minimal_gives_no_body(client: Client, staff: Any) -> None:
    _p, _u, headers = staff
    response = client.post(
        "/fhir/ServiceRequest",
        data=json.dumps(service_request()),
        content_type="application/fhir+json",
        HTTP_PREFER="return=minimal",
        **headers,
    )
    assert response.status_code == 201 and response.content == b""
    assert "/fhir/ServiceRequest/" in response["Location"]


def test_every_reference_the_server_emits_resolves(client: Client, staff: Any) -> None:
    practice, _u, headers = staff
    sr = created(client, headers)
    referral = Referral.objects.get(pk=int(sr["id"]))
    read = ServiceRequest.model_validate(
        client.get(f"/fhir/ServiceRequest/{sr['id']}", **headers).json()
    )
    assert read.id == sr["id"]
    vread = client.get(
        f"/fhir/ServiceRequest/{sr['id']}/_history/{sr['meta']['versionId']}", **headers
    )
    assert vread.status_code == 200
    outcome_of(client.get(f"/fhir/ServiceRequest/{sr['id']}/_history/1", **headers), 404)
    patient = Patient.model_validate(
        client.get(f"/fhir/{sr['subject']['reference']}", **headers).json()
    )
    assert patient.name[0].given == ["Isla"]
    org = Organization.model_validate(
        client.get(f"/fhir/{sr['requester']['reference']}", **headers).json()
    )
    assert org.name == practice.name

    message = discharge(referral, practice)
    task = Task.model_validate(client.get(f"/fhir/Task/{sr['id']}", **headers).json())
    assert task.status == "completed"
    reference = task.output[0].valueReference.reference
    assert reference == f"Communication/discharge-{message.pk}"
    communication = Communication.model_validate(client.get(f"/fhir/{reference}", **headers).json())
    for concept in communication.reasonCode:  # codings in one concept mean the same thing
        assert len({c.display for c in concept.coding}) == 1
    found = Bundle.model_validate(
        client.get(f"/fhir/Communication?based-on=ServiceRequest/{sr['id']}", **headers).json()
    )
    assert found.total == 1 and found.entry[0].resource.id == f"discharge-{message.pk}"
    owner = client.get(f"/fhir/{task.owner.reference}", **headers)
    assert owner.status_code == 200


def test_search_checks_the_resource_type(client: Client, staff: Any) -> None:
    _p, _u, headers = staff
    sr = created(client, headers)
    outcome_of(client.get(f"/fhir/Task?based-on=Patient/{sr['id']}", **headers), 400)
    good = client.get(f"/fhir/Task?based-on=ServiceRequest/{sr['id']}", **headers).json()
    assert good["total"] == 1
    outcome_of(client.get("/fhir/Task?patient=Patient/1", **headers), 400)


def test_bundles_page_with_self_and_next_links(client: Client, staff: Any) -> None:
    _p, _u, headers = staff
    for n in range(3):
        created(client, headers, identifier=[{"system": "https://gp.example/r", "value": f"R{n}"}])
    first = Bundle.model_validate(client.get("/fhir/ServiceRequest?_count=2", **headers).json())
    assert first.total == 3 and len(first.entry) == 2
    assert all(e.search.mode == "match" for e in first.entry)
    links = {link.relation: link.url for link in first.link}
    assert "self" in links and "next" in links
    following = client.get(links["next"].replace("http://testserver", ""), **headers).json()
    assert len(following["entry"]) == 1 and "next" not in {x["relation"] for x in following["link"]}


def test_search_service_requests_by_identifier_subject_and_requester(
    client: Client, staff: Any
) -> None:
    practice, _u, headers = staff
    sr = created(client, headers)
    created(
        client, headers, identifier=[{"system": "https://gp.example/referrals", "value": "R-2"}]
    )

    def ids(query: str) -> set[str]:
        body = client.get(f"/fhir/ServiceRequest?{query}", **headers).json()
        return {e["resource"]["id"] for e in body.get("entry", [])}

    assert ids("identifier=https://gp.example/referrals|R-1") == {sr["id"]}
    assert ids("identifier=R-1") == {sr["id"]}
    assert len(ids(f"subject={sr['subject']['reference']}")) == 2
    assert len(ids(f"requester=Organization/{practice.pk}")) == 2
    assert ids(f"requester=Organization/{PracticeFactory().pk}") == set()


@pytest.mark.parametrize(
    ("over", "status"),
    [({"status": "bogus"}, 400), ({"intent": "wish"}, 400), ({"status": "draft"}, 422)],
)
def test_codes_are_bound_to_their_value_sets(
    client: Client, staff: Any, over: dict, status: int
) -> None:
    _p, _u, headers = staff
    outcome_of(post(client, service_request(**over), headers), status)
    assert not Referral.objects.exists()


def test_formats_are_negotiated(client: Client, staff: Any) -> None:
    _p, _u, headers = staff
    xml = client.post(
        "/fhir/ServiceRequest", data="<ServiceRequest/>", content_type="application/xml", **headers
    )
    outcome_of(xml, 415)
    outcome_of(client.get("/fhir/metadata?_format=xml"), 406)
    outcome_of(client.get("/fhir/metadata", HTTP_ACCEPT="application/fhir+xml"), 406)
    assert client.get("/fhir/metadata?_format=json").status_code == 200
    assert client.get("/fhir/metadata", HTTP_ACCEPT="application/fhir+json").status_code == 200


def test_every_answer_under_fhir_is_an_operation_outcome(client: Client, staff: Any) -> None:
    _p, _u, headers = staff
    outcome_of(client.get("/fhir/Patient", **headers), 404)
    outcome_of(client.get("/fhir/Task/abc", **headers), 404)
    outcome_of(client.get("/fhir/Task/²", **headers), 404)
    outcome_of(client.post("/fhir/", data="{}", content_type="application/fhir+json"), 404)
    outcome_of(client.put("/fhir/Task/1", data="{}", content_type="application/fhir+json"), 405)
    outcome_of(client.delete("/fhir/ServiceRequest", **headers), 405)
    outcome_of(client.patch("/fhir/metadata"), 405)
    unauthorised = client.get("/fhir/ServiceRequest")
    outcome_of(unauthorised, 401)
    assert unauthorised["WWW-Authenticate"].startswith("Bearer")


def test_the_browser_session_is_not_a_fhir_credential(client: Client, staff: Any) -> None:
    """A cross-site form post carries only the cookie: it must not create a referral."""
    _p, user, _headers = staff
    client.force_login(user)
    outcome_of(post(client, service_request(), {}), 401)
    assert not Referral.objects.exists()


def test_resubmission_and_conditional_create_do_not_duplicate(client: Client, staff: Any) -> None:
    _p, _u, headers = staff
    first = created(client, headers)
    again = post(client, service_request(), headers)
    assert again.status_code == 200 and again.json()["id"] == first["id"]
    conditional = client.post(
        "/fhir/ServiceRequest",
        data=json.dumps(service_request(identifier=[{"system": "x", "value": "other"}])),
        content_type="application/fhir+json",
        HTTP_IF_NONE_EXIST="identifier=https://gp.example/referrals|R-1",
        **headers,
    )
    assert conditional.status_code == 200 and conditional.json()["id"] == first["id"]
    assert Referral.objects.count() == 1


def test_hostile_bodies_are_4xx_outcomes(client: Client, staff: Any) -> None:
    _p, _u, headers = staff
    deep = "[" * 100_000 + "]" * 100_000
    response = client.post(
        "/fhir/ServiceRequest", data=deep, content_type="application/fhir+json", **headers
    )
    outcome_of(response, 400)
    body = service_request()
    body["contained"].append({"resourceType": "Banana", "id": "b"})
    outcome_of(post(client, body, headers), 400)
    body = service_request()
    body["requester"] = {"reference": "Organization/\uff11\uff12"}
    body["contained"] = body["contained"][:1]
    assert post(client, body, headers).status_code in (403, 422)


def test_chi_check_digit_error_names_its_expression(client: Client, staff: Any) -> None:
    _p, _u, headers = staff
    body = service_request()
    chi = body["contained"][0]["identifier"][0]["value"]
    body["contained"][0]["identifier"][0]["value"] = chi[:9] + str((int(chi[9]) + 1) % 10)
    outcome = outcome_of(post(client, body, headers), 422)
    assert any(i.expression == ["Patient.identifier"] for i in outcome.issue)


def test_capability_statement_lists_what_works(client: Client) -> None:
    statement = client.get("/fhir/metadata").json()
    resources = {r["type"]: r for r in statement["rest"][0]["resource"]}
    assert set(resources) == {"ServiceRequest", "Task", "Communication", "Patient", "Organization"}
    sr_params = {p["name"] for p in resources["ServiceRequest"]["searchParam"]}
    assert {"identifier", "subject", "requester"} <= sr_params
    assert "application/fhir+json" in statement["format"]


@pytest.mark.django_db(transaction=True)
def test_a_gp_systems_client_does_the_whole_round_trip(live_server: Any) -> None:
    """fhirpy, as a GP system would use it: create, follow the Task, read the message back."""
    from fhirpy import SyncFHIRClient

    practice = PracticeFactory(code="55555")
    user = make_user(Role.PRACTICE_STAFF, organisations=(practice,))
    _row, token = create_token(user=user)
    fhir = SyncFHIRClient(f"{live_server.url}/fhir", authorization=f"Bearer {token}")

    sr = fhir.resource("ServiceRequest", **service_request())
    sr.save()
    assert sr["resourceType"] == "ServiceRequest" and sr.id
    referral = Referral.objects.get(pk=int(sr.id))
    task = fhir.resources("Task").search(based_on=f"ServiceRequest/{sr.id}").first()
    assert task["status"] == "received"

    discharge(referral, practice)
    task = fhir.reference("Task", task.id).to_resource()
    message = task["output"][0]["valueReference"].to_resource()
    assert message["resourceType"] == "Communication" and message["status"] == "completed"
    same = fhir.resources("Communication").search(based_on=f"ServiceRequest/{sr.id}").fetch()
    assert [m.id for m in same] == [message.id]
    found = fhir.resources("ServiceRequest").search(identifier="https://gp.example/referrals|R-1")
    assert [r.id for r in found.fetch()] == [sr.id]
