"""FHIR R4 for referrals in and status out (the ServiceRequest + Task closed-loop pattern),
and the discharge message back to the GP as a Communication. Validated with
fhir.resources (R4B models, which serialise R4-compatible JSON for these resources)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from fhir.resources.R4B.communication import Communication
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.servicerequest import ServiceRequest
from fhir.resources.R4B.task import Task
from pydantic import ValidationError as PydanticValidationError

from linkwork.casework import reasons
from linkwork.casework.models import Case, Discharge, Referral
from linkwork.casework.states import FHIR_TASK_STATUS, CaseStatus

#: Scotland's CHI number as a FHIR identifier system: the CHI OID used by UK FHIR guides
#: (e.g. the UK national identifiers value sets list urn:oid:2.16.840.1.113883.2.1.3.2.4.16.53).
CHI_SYSTEM = "urn:oid:2.16.840.1.113883.2.1.3.2.4.16.53"
CHI_SYSTEMS = {CHI_SYSTEM}
PRACTICE_CODE_SYSTEM = "https://linkwork.scot/fhir/Id/gp-practice-code"
REASON_SYSTEM = "https://linkwork.scot/fhir/CodeSystem/referral-reason"
REFERRAL_ID_SYSTEM = "https://linkwork.scot/fhir/Id/referral"


class FhirInvalid(Exception):
    """The resource is not acceptable; `issues` are (severity, code, diagnostics, expression)."""

    def __init__(self, issues: list[tuple[str, str, str, str]], status: int = 422) -> None:
        self.issues = issues
        self.status = status
        super().__init__("; ".join(i[2] for i in issues))


def operation_outcome(issues: list[tuple[str, str, str, str]]) -> dict[str, Any]:
    body = {
        "resourceType": "OperationOutcome",
        "issue": [
            {
                "severity": sev,
                "code": code,
                "diagnostics": diag,
                **({"expression": [expr]} if expr else {}),
            }
            for sev, code, diag, expr in issues
        ],
    }
    return OperationOutcome.model_validate(body).model_dump(mode="json", exclude_none=True)


def parse_service_request(body: Any) -> ServiceRequest:
    if not isinstance(body, dict) or body.get("resourceType") != "ServiceRequest":
        raise FhirInvalid([("error", "structure", "Expected a ServiceRequest resource.", "")], 400)
    try:
        return ServiceRequest.model_validate(body)
    except PydanticValidationError as exc:
        issues = [
            ("error", "structure", e["msg"], "ServiceRequest." + ".".join(str(p) for p in e["loc"]))
            for e in exc.errors()
        ]
        raise FhirInvalid(issues, 400) from exc


def _contained(sr: ServiceRequest, ref: str | None, kind: str) -> Any:
    if not ref or not ref.startswith("#"):
        return None
    for res in sr.contained or []:
        if res.get_resource_type() == kind and res.id == ref[1:]:
            return res
    return None


def referral_input(sr: ServiceRequest) -> dict[str, Any]:
    """What the ServiceRequest says, in our terms (raises FhirInvalid naming what is wrong)."""
    issues: list[tuple[str, str, str, str]] = []
    patient = _contained(sr, sr.subject.reference if sr.subject else None, "Patient")
    if patient is None:
        raise FhirInvalid(
            [
                (
                    "error",
                    "required",
                    "subject must reference a contained Patient (#id).",
                    "ServiceRequest.subject",
                )
            ]
        )
    chi = ""
    for ident in patient.identifier or []:
        if ident.system in CHI_SYSTEMS:
            chi = ident.value or ""
    if not chi:
        issues.append(
            (
                "error",
                "required",
                f"Patient needs an identifier with system {CHI_SYSTEM}.",
                "Patient.identifier",
            )
        )
    name = (patient.name or [None])[0]
    given = " ".join(name.given or []) if name else ""
    family = (name.family or "") if name else ""
    if not given:
        issues.append(("error", "required", "Patient.name.given is required.", "Patient.name"))
    codes: list[str] = []
    unknown_text: list[str] = []
    by_snomed, by_code = reasons.by_snomed(), reasons.by_code()
    for concept in sr.reasonCode or []:
        matched = False
        for coding in concept.coding or []:
            if coding.system == reasons.SNOMED and coding.code in by_snomed:
                codes.append(by_snomed[coding.code].code)
                matched = True
            elif coding.system == REASON_SYSTEM and coding.code in by_code:
                codes.append(coding.code)
                matched = True
        if not matched:
            unknown_text.append(
                concept.text or ", ".join(c.display or c.code or "" for c in concept.coding or [])
            )
    if unknown_text:
        codes.append("other")
    if not codes:
        issues.append(
            (
                "error",
                "required",
                "At least one reasonCode is required.",
                "ServiceRequest.reasonCode",
            )
        )
    practice_code = ""
    practice_id = None
    ref = sr.requester.reference if sr.requester else None
    org = _contained(sr, ref, "Organization")
    if org is not None:
        for ident in org.identifier or []:
            if ident.system == PRACTICE_CODE_SYSTEM:
                practice_code = ident.value or ""
    elif ref and ref.startswith("Organization/"):
        practice_id = ref.split("/", 1)[1]
    elif (
        sr.requester
        and sr.requester.identifier
        and sr.requester.identifier.system == PRACTICE_CODE_SYSTEM
    ):
        practice_code = sr.requester.identifier.value or ""
    if not practice_code and not practice_id:
        issues.append(
            (
                "error",
                "required",
                "requester must identify the referring GP practice.",
                "ServiceRequest.requester",
            )
        )
    if issues:
        raise FhirInvalid(issues)
    telecom = {t.system: t.value for t in patient.telecom or []}
    postcode = ""
    for addr in patient.address or []:
        postcode = addr.postalCode or postcode
    notes = [n.text for n in sr.note or [] if n.text]
    return {
        "chi": chi,
        "given_name": given,
        "family_name": family,
        "date_of_birth": patient.birthDate,
        "phone": telecom.get("phone", ""),
        "email": telecom.get("email", ""),
        "postcode": postcode,
        "reasons": sorted(set(codes)),
        "reason_detail": "\n".join(unknown_text + notes),
        "practice_code": practice_code,
        "practice_id": practice_id,
        "external_id": next((i.value for i in sr.identifier or [] if i.value), "")[:100],
    }


def _dt(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def task_for(referral: Referral, case: Case) -> dict[str, Any]:
    """The Task that tells the referrer where the referral is (status follows the case)."""
    body: dict[str, Any] = {
        "resourceType": "Task",
        "id": str(referral.pk),
        "identifier": [{"system": REFERRAL_ID_SYSTEM, "value": str(referral.pk)}],
        "basedOn": [{"reference": f"ServiceRequest/{referral.pk}"}],
        "status": FHIR_TASK_STATUS[case.status],
        "businessStatus": {"text": str(CaseStatus(case.status).label)},
        "intent": "order",
        "code": {
            "coding": [
                {
                    "system": reasons.SNOMED,
                    "code": reasons.SNOMED_REFERRAL_TO_SOCIAL_PRESCRIBING,
                    "display": "Referral to social prescribing service",
                }
            ]
        },
        "authoredOn": _dt(referral.received_at),
        "lastModified": _dt(case.status_changed_at),
        "owner": {"display": case.practice.name},
    }
    if referral.person.chi:
        body["for"] = {"identifier": {"system": CHI_SYSTEM, "value": referral.person.chi}}
    if case.status == CaseStatus.DECLINED:
        body["statusReason"] = {
            "coding": [
                {
                    "system": reasons.SNOMED,
                    "code": reasons.SNOMED_SOCIAL_PRESCRIBING_DECLINED,
                    "display": "Social prescribing declined",
                }
            ]
        }
    return Task.model_validate(body).model_dump(mode="json", exclude_none=True)


def discharge_communication(discharge: Discharge) -> dict[str, Any]:
    """PRSB "Message back to GP and referrer" as a FHIR Communication."""
    case = discharge.case
    referral = case.referral
    person = case.person
    declined = case.status == CaseStatus.DECLINED
    event = (
        (reasons.SNOMED_SOCIAL_PRESCRIBING_DECLINED, "Social prescribing declined")
        if declined
        else (
            reasons.SNOMED_REFERRAL_TO_SOCIAL_PRESCRIBING,
            "Referral to social prescribing service",
        )
    )
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "id": "patient",
        "name": [{"given": [person.given_name], "family": person.family_name or None}],
    }
    if person.chi:
        patient["identifier"] = [{"system": CHI_SYSTEM, "value": person.chi}]
    if person.date_of_birth:
        patient["birthDate"] = person.date_of_birth.isoformat()
    goals = "; ".join(f"{g.what} ({g.get_status_display()})" for g in case.goals.all())
    links = "; ".join(
        f"{link.service.name} ({link.get_kind_display()}, {link.get_status_display()})"
        for link in case.links.select_related("service")
    )
    text = "\n".join(
        part
        for part in (
            f"Outcome: {discharge.get_reason_display()}",
            f"Summary: {discharge.summary}",
            f"Goals: {goals}" if goals else "",
            f"Services: {links}" if links else "",
        )
        if part
    )
    body = {
        "resourceType": "Communication",
        "id": f"discharge-{discharge.pk}",
        "contained": [patient],
        "status": "completed",
        "category": [{"text": "Message back to GP and referrer (PRSB social prescribing)"}],
        "subject": {"reference": "#patient"},
        "basedOn": [{"reference": f"ServiceRequest/{referral.pk}"}],
        "about": [{"reference": f"Task/{referral.pk}"}],
        "sent": _dt(timezone.now()),
        "recipient": [{"display": case.practice.name}],
        "reasonCode": [
            {
                "coding": [
                    {"system": reasons.SNOMED, "code": event[0], "display": event[1]},
                    {
                        "system": reasons.READ_V2_SYSTEM,
                        "code": reasons.READ_V2_SOCIAL_PRESCRIBING,
                        "display": "Social prescribing",
                    },
                ]
            }
        ],
        "payload": [{"contentString": text}],
    }
    return Communication.model_validate(body).model_dump(mode="json", exclude_none=True)


def capability_statement(base_url: str) -> dict[str, Any]:
    from fhir.resources.R4B.capabilitystatement import CapabilityStatement

    body = {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": "2025-01-01",
        "kind": "instance",
        "fhirVersion": "4.0.1",
        "format": ["application/fhir+json"],
        "implementation": {"description": "Linkwork social prescribing", "url": base_url},
        "rest": [
            {
                "mode": "server",
                "security": {
                    "description": (
                        "Send Authorization: Bearer <API token> of a GP practice staff account."
                    )
                },
                "resource": [
                    {
                        "type": "ServiceRequest",
                        "interaction": [{"code": "create"}],
                        "documentation": (
                            "A referral to social prescribing. subject: a contained Patient with "
                            f"a CHI identifier ({CHI_SYSTEM}); reasonCode: SNOMED CT or "
                            f"{REASON_SYSTEM}; requester: the practice (identifier system "
                            f"{PRACTICE_CODE_SYSTEM}). Answers 201 with the Task."
                        ),
                    },
                    {
                        "type": "Task",
                        "interaction": [{"code": "read"}, {"code": "search-type"}],
                        "searchParam": [{"name": "based-on", "type": "reference"}],
                    },
                    {"type": "Communication", "interaction": [{"code": "read"}]},
                ],
            }
        ],
    }
    return CapabilityStatement.model_validate(body).model_dump(mode="json", exclude_none=True)


def as_validation_issues(exc: ValidationError) -> list[tuple[str, str, str, str]]:
    if hasattr(exc, "error_dict"):
        return [
            ("error", "invalid", " ".join(str(m) for e in errs for m in e.messages), f)
            for f, errs in exc.error_dict.items()
        ]
    return [("error", "invalid", m, "") for m in exc.messages]
