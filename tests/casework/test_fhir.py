"""FHIR R4: ServiceRequest in, Task out following the case; errors as OperationOutcome."""

import datetime as dt
import json

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.capabilitystatement import CapabilityStatement
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.servicerequest import ServiceRequest
from fhir.resources.R4B.task import Task

from linkwork.casework import services
from linkwork.casework.chi import make_chi
from linkwork.casework.fhir import CHI_SYSTEM, PRACTICE_CODE_SYSTEM
from linkwork.casework.models import Referral
from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from tests.casework.factories import PracticeFactory
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db
CHI = make_chi(dt.date(1971, 4, 2), 345) or ""


def service_request(practice_code: str = "55555", **over):
    body = {
        "resourceType": "ServiceRequest",
        "identifier": [{"system": "https://gp.example/referrals", "value": "R-1"}],
        "status": "active",
        "intent": "order",
        "contained": [
            {
                "resourceType": "Patient",
                "id": "p",
                "identifier": [{"system": CHI_SYSTEM, "value": CHI}],
                "name": [{"given": ["Isla"], "family": "Fraser"}],
                "birthDate": "1971-04-02",
                "telecom": [{"system": "phone", "value": "0131 496 0000"}],
                "address": [{"postalCode": "EH1 1AB"}],
            },
            {
                "resourceType": "Organization",
                "id": "gp",
                "identifier": [{"system": PRACTICE_CODE_SYSTEM, "value": practice_code}],
            },
        ],
        "subject": {"reference": "#p"},
        "requester": {"reference": "#gp"},
        "reasonCode": [
            {
                "coding": [
                    {
                        "system": "http://snomed.info/sct",
                        "code": "422650009",
                        "display": "Social isolation",
                    }
                ]
            },
            {"text": "Recently widowed"},
        ],
        "note": [{"text": "Prefers afternoons."}],
    }
    body.update(over)
    return body


@pytest.fixture
def staff():
    practice = PracticeFactory(code="55555")
    user = make_user(Role.PRACTICE_STAFF, organisations=(practice,))
    _row, token = create_token(user=user)
    return practice, user, {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def post(client, body, headers):
    return client.post(
        "/fhir/ServiceRequest",
        data=json.dumps(body),
        content_type="application/fhir+json",
        **headers,
    )


def test_round_trip_service_request_to_task_following_the_case(client, staff) -> None:
    practice, _user, headers = staff
    response = post(client, service_request(), headers)
    assert response.status_code == 201, response.content
    assert response["Content-Type"] == "application/fhir+json"
    created = ServiceRequest.model_validate(response.json())
    referral = Referral.objects.get()
    assert created.id == str(referral.pk) and created.status == "active"
    assert referral.person.chi == CHI and referral.source == "fhir"
    assert referral.reasons == ["other", "social_isolation"]
    assert "Recently widowed" in referral.reason_detail
    assert referral.external_id == "https://gp.example/referrals|R-1"
    version = created.meta.versionId
    assert response["Location"] == (
        f"http://testserver/fhir/ServiceRequest/{referral.pk}/_history/{version}"
    )
    assert response["ETag"] == f'W/"{version}"' and response["Last-Modified"]
    task = Task.model_validate(client.get(f"/fhir/Task/{referral.pk}", **headers).json())
    assert task.status == "received"

    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    services.triage(case=referral.case, actor=worker, decision="triaged")
    read = client.get(f"/fhir/Task/{referral.pk}", **headers).json()
    assert read["status"] == "accepted"
    bundle = Bundle.model_validate(
        client.get(f"/fhir/Task?based-on=ServiceRequest/{referral.pk}", **headers).json()
    )
    assert bundle.total == 1 and bundle.entry[0].resource.status == "accepted"


def test_declined_referral_task_is_rejected_with_snomed_reason(client, staff) -> None:
    practice, _user, headers = staff
    post(client, service_request(), headers)
    referral = Referral.objects.get()
    services.triage(
        case=referral.case,
        actor=make_user(Role.LINK_WORKER, organisations=(practice,)),
        decision="declined",
    )
    task = client.get(f"/fhir/Task/{referral.pk}", **headers).json()
    assert task["status"] == "rejected"
    assert task["statusReason"]["coding"][0]["code"] == "871711000000103"


def test_invalid_resource_is_400_operation_outcome(client, staff) -> None:
    _p, _u, headers = staff
    response = post(
        client, {"resourceType": "ServiceRequest", "status": "nonsense", "intent": "order"}, headers
    )
    assert response.status_code == 400
    OperationOutcome.model_validate(response.json())


def test_missing_chi_is_422_naming_the_field(client, staff) -> None:
    _p, _u, headers = staff
    body = service_request()
    body["contained"][0]["identifier"] = []
    response = post(client, body, headers)
    assert response.status_code == 422
    outcome = response.json()
    assert outcome["resourceType"] == "OperationOutcome"
    assert any("Patient.identifier" in i.get("expression", [""])[0] for i in outcome["issue"])


def test_bad_chi_check_digit_is_422(client, staff) -> None:
    _p, _u, headers = staff
    body = service_request()
    body["contained"][0]["identifier"][0]["value"] = CHI[:9] + str((int(CHI[9]) + 1) % 10)
    response = post(client, body, headers)
    assert response.status_code == 422
    assert "check digit" in json.dumps(response.json())


def test_requester_must_be_my_practice(client, staff) -> None:
    _p, _u, headers = staff
    PracticeFactory(code="99999")
    response = post(client, service_request(practice_code="99999"), headers)
    assert response.status_code == 403


def test_no_token_is_401_and_other_roles_403(client) -> None:
    assert post(client, service_request(), {}).status_code == 401
    user = make_user(Role.LINK_WORKER)
    _row, token = create_token(user=user)
    assert (
        post(client, service_request(), {"HTTP_AUTHORIZATION": f"Bearer {token}"}).status_code
        == 403
    )


def test_other_practice_cannot_read_the_task(client, staff) -> None:
    _p, _u, headers = staff
    post(client, service_request(), headers)
    referral = Referral.objects.get()
    other = make_user(Role.PRACTICE_STAFF, organisations=(PracticeFactory(),))
    _row, token = create_token(user=other)
    response = client.get(f"/fhir/Task/{referral.pk}", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 404


def test_metadata_is_a_capability_statement(client) -> None:
    response = client.get("/fhir/metadata")
    statement = CapabilityStatement.model_validate(response.json())
    assert {r.type for r in statement.rest[0].resource} >= {"ServiceRequest", "Task"}
