"""FHIR R4 for referrals in and status out (the ServiceRequest + Task closed-loop pattern),
and the discharge message back to the GP as a Communication. Validated with
fhir.resources (R4B models, which serialise R4-compatible JSON for these resources)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.communication import Communication
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.organization import Organization
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.servicerequest import ServiceRequest
from fhir.resources.R4B.task import Task
from pydantic import ValidationError as PydanticValidationError

from linkwork.casework import reasons
from linkwork.casework.chi import validate_chi
from linkwork.casework.models import Case, Discharge, Person, Referral
from linkwork.casework.states import FHIR_TASK_STATUS, CaseStatus
from linkwork.core.models import Organisation

#: Scotland's CHI number as a FHIR identifier system: the CHI OID used by UK FHIR guides
#: (e.g. the UK national identifiers value sets list urn:oid:2.16.840.1.113883.2.1.3.2.4.16.53).
CHI_SYSTEM = "urn:oid:2.16.840.1.113883.2.1.3.2.4.16.53"
CHI_SYSTEMS = {CHI_SYSTEM}
PRACTICE_CODE_SYSTEM = "https://linkwork.scot/fhir/Id/gp-practice-code"
REASON_SYSTEM = "https://linkwork.scot/fhir/CodeSystem/referral-reason"
REFERRAL_ID_SYSTEM = "https://linkwork.scot/fhir/Id/referral"

#: Required bindings (FHIR R4 value sets request-status, request-intent, request-priority).
REQUEST_STATUS = {
    "draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"
}  # fmt: skip
REQUEST_INTENT = {
    "proposal", "plan", "directive", "order", "original-order", "reflex-order",
    "filler-order", "instance-order", "option",
}  # fmt: skip
REQUEST_PRIORITY = {"routine", "urgent", "asap", "stat"}
#: Of those, what a new referral may say.
REFERRAL_INTENTS = {"proposal", "plan", "order", "original-order"}
#: The ServiceRequest's status as the case moves on.
SERVICE_REQUEST_STATUS = {
    CaseStatus.CLOSED: "completed",
    CaseStatus.DECLINED: "revoked",
    CaseStatus.UNABLE_TO_CONTACT: "revoked",
    CaseStatus.DID_NOT_ENGAGE: "revoked",
}
#: The longest requester identifier we keep (system|value).
MAX_EXTERNAL_ID = 100


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


def _check_bindings(body: dict[str, Any]) -> None:
    """Codes bound to required value sets must come from them (fhir.resources checks only
    the shape); a new referral must be active and an order-like intent."""
    issues = []
    for name, allowed in (
        ("status", REQUEST_STATUS),
        ("intent", REQUEST_INTENT),
        ("priority", REQUEST_PRIORITY),
    ):
        value = body.get(name)
        if value is not None and value not in allowed:
            issues.append(
                ("error", "code-invalid", f"{name} {value!r} is not in the value set.",
                 f"ServiceRequest.{name}")
            )  # fmt: skip
    if issues:
        raise FhirInvalid(issues, 400)
    if body.get("status") != "active":
        issues.append(("error", "business-rule", "A referral must have status active.",
                       "ServiceRequest.status"))  # fmt: skip
    if body.get("intent") not in REFERRAL_INTENTS:
        issues.append(("error", "business-rule",
                       "A referral's intent must be proposal, plan, order or original-order.",
                       "ServiceRequest.intent"))  # fmt: skip
    if issues:
        raise FhirInvalid(issues, 422)


def parse_service_request(body: Any) -> ServiceRequest:
    if not isinstance(body, dict) or body.get("resourceType") != "ServiceRequest":
        raise FhirInvalid([("error", "structure", "Expected a ServiceRequest resource.", "")], 400)
    for resource in body.get("contained") or []:
        kind = resource.get("resourceType") if isinstance(resource, dict) else None
        if kind not in ("Patient", "Organization", "Practitioner", "PractitionerRole"):
            raise FhirInvalid(
                [("error", "not-supported",
                  f"A contained {kind!r} is not understood here: contain the Patient and "
                  "the requesting Organization (or Practitioner/PractitionerRole).",
                  "ServiceRequest.contained")],
                400,
            )  # fmt: skip
    try:
        parsed = ServiceRequest.model_validate(body)
    except (PydanticValidationError, ValueError, TypeError, KeyError) as exc:
        errors = exc.errors() if isinstance(exc, PydanticValidationError) else []
        issues = [
            ("error", "structure", e["msg"], "ServiceRequest." + ".".join(str(p) for p in e["loc"]))
            for e in errors
        ] or [("error", "structure", "The ServiceRequest is not valid FHIR R4.", "")]
        raise FhirInvalid(issues, 400) from exc
    _check_bindings(body)
    return parsed


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
    if chi:
        try:
            chi = validate_chi(chi)
        except ValidationError as exc:
            issues += [("error", "value", str(m), "Patient.identifier") for m in exc.messages]
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
        "external_id": requester_identifier(sr),
    }


def requester_identifier(sr: ServiceRequest) -> str:
    """The sender's own identifier for the referral, as `system|value` (how we find a
    resubmission); refused when longer than we keep."""
    for ident in sr.identifier or []:
        if ident.value:
            key = f"{ident.system}|{ident.value}" if ident.system else ident.value
            if len(key) > MAX_EXTERNAL_ID:
                raise FhirInvalid(
                    [("error", "too-long",
                      f"identifier system|value is longer than {MAX_EXTERNAL_ID} characters.",
                      "ServiceRequest.identifier")]
                )  # fmt: skip
            return key
    return ""


def identifier_from_key(key: str) -> dict[str, str]:
    system, _, value = key.rpartition("|")
    return {"system": system, "value": value} if system else {"value": value}


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
        "meta": {"lastUpdated": _dt(last_updated(referral))},
        "owner": {"reference": f"Organization/{case.practice_id}", "display": case.practice.name},
        "for": {"reference": f"Patient/{referral.person_id}"},
    }
    if referral.person.chi:
        body["for"]["identifier"] = {"system": CHI_SYSTEM, "value": referral.person.chi}
    discharge = getattr(case, "discharge", None)
    if discharge is not None:
        body["output"] = [
            {
                "type": {"text": "Message back to GP and referrer"},
                "valueReference": {"reference": f"Communication/discharge-{discharge.pk}"},
            }
        ]
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
        "meta": {"lastUpdated": _dt(discharge.created_at)}
        if getattr(discharge, "created_at", None)
        else None,
        "basedOn": [{"reference": f"ServiceRequest/{referral.pk}"}],
        "about": [{"reference": f"Task/{referral.pk}"}],
        "sent": _dt(timezone.now()),
        "recipient": [{"display": case.practice.name}],
        "reasonCode": reason_concepts(declined),
        "payload": [{"contentString": text}],
    }
    return Communication.model_validate(body).model_dump(mode="json", exclude_none=True)


def reason_concepts(declined: bool) -> list[dict[str, Any]]:
    """Each CodeableConcept holds codings that mean the same thing: the referral (SNOMED CT
    and its Read v2 equivalent 8T09.), and, apart from it, that it was declined."""
    concepts: list[dict[str, Any]] = [
        {
            "coding": [
                {
                    "system": reasons.SNOMED,
                    "code": reasons.SNOMED_REFERRAL_TO_SOCIAL_PRESCRIBING,
                    "display": "Referral to social prescribing service",
                },
                {
                    "system": reasons.READ_V2_SYSTEM,
                    "code": reasons.READ_V2_SOCIAL_PRESCRIBING,
                    "display": "Referral to social prescribing service",
                },
            ]
        }
    ]
    if declined:
        concepts.append(
            {
                "coding": [
                    {
                        "system": reasons.SNOMED,
                        "code": reasons.SNOMED_SOCIAL_PRESCRIBING_DECLINED,
                        "display": "Social prescribing declined",
                    }
                ]
            }
        )
    return concepts


def last_updated(referral: Referral) -> dt.datetime:
    """When the referral's resources last changed (received, or its case moved on)."""
    case = getattr(referral, "case", None)
    changed = case.status_changed_at if case is not None else None
    return max(referral.received_at, changed) if changed else referral.received_at


def service_request_for(referral: Referral, version: str) -> dict[str, Any]:
    """The referral as the ServiceRequest the sender made, as far as we keep it."""
    case = getattr(referral, "case", None)
    status = SERVICE_REQUEST_STATUS.get(case.status, "active") if case else "active"
    identifiers = [{"system": REFERRAL_ID_SYSTEM, "value": str(referral.pk)}]
    if referral.external_id:
        identifiers.insert(0, identifier_from_key(referral.external_id))
    by_code = reasons.by_code()
    concepts = []
    for code in referral.reasons or []:
        reason = by_code.get(code)
        coding: dict[str, Any] = {"system": REASON_SYSTEM, "code": code}
        if reason is not None:
            coding["display"] = str(reason.label)
        concepts.append({"coding": [coding]})
    organisation = referral.referring_organisation
    body: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "id": str(referral.pk),
        "meta": {"versionId": version, "lastUpdated": _dt(last_updated(referral))},
        "identifier": identifiers,
        "status": status,
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
        "subject": {"reference": f"Patient/{referral.person_id}"},
        "authoredOn": _dt(referral.received_at),
        "reasonCode": concepts or None,
    }
    if organisation is not None:
        body["requester"] = {
            "reference": f"Organization/{organisation.pk}",
            "display": organisation.name,
        }
    if referral.reason_detail:
        body["note"] = [{"text": referral.reason_detail}]
    return ServiceRequest.model_validate(body).model_dump(mode="json", exclude_none=True)


def patient_for(person: Person) -> dict[str, Any]:
    """Who a referral is about, as the referrer sent it: identifier, name, birth date."""
    body: dict[str, Any] = {
        "resourceType": "Patient",
        "id": str(person.pk),
        "name": [{"given": [person.given_name], "family": person.family_name or None}],
    }
    if person.chi:
        body["identifier"] = [{"system": CHI_SYSTEM, "value": person.chi}]
    if person.date_of_birth:
        body["birthDate"] = person.date_of_birth.isoformat()
    return Patient.model_validate(body).model_dump(mode="json", exclude_none=True)


def organization_for(organisation: Organisation) -> dict[str, Any]:
    body: dict[str, Any] = {
        "resourceType": "Organization",
        "id": str(organisation.pk),
        "name": organisation.name,
        "active": True,
    }
    if organisation.code and organisation.kind == Organisation.Kind.GP_PRACTICE:
        body["identifier"] = [{"system": PRACTICE_CODE_SYSTEM, "value": organisation.code}]
    return Organization.model_validate(body).model_dump(mode="json", exclude_none=True)


def bundle(body: dict[str, Any]) -> dict[str, Any]:
    return Bundle.model_validate(body).model_dump(mode="json", exclude_none=True)


def capability_statement(base_url: str) -> dict[str, Any]:
    """Exactly what this server does: interactions, search parameters and formats."""
    from fhir.resources.R4B.capabilitystatement import CapabilityStatement

    def resource(kind: str, interactions: list[str], params: list[tuple[str, str]], doc: str):
        entry: dict[str, Any] = {
            "type": kind,
            "interaction": [{"code": code} for code in interactions],
            "versioning": "versioned",
            "readHistory": False,
            "documentation": doc,
        }
        if params:
            entry["searchParam"] = [{"name": n, "type": t} for n, t in params]
        if kind == "ServiceRequest":
            entry["conditionalCreate"] = True
        return entry

    paging = [("_id", "token"), ("_count", "number")]
    body = {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": "2026-11-29",
        "kind": "instance",
        "fhirVersion": "4.0.1",
        "format": ["json", "application/fhir+json"],
        "implementation": {"description": "Linkwork social prescribing", "url": base_url},
        "rest": [
            {
                "mode": "server",
                "security": {
                    "description": (
                        "Send Authorization: Bearer <API token> of a staff account; the "
                        "browser session is not accepted."
                    )
                },
                "resource": [
                    resource(
                        "ServiceRequest",
                        ["create", "read", "vread", "search-type"],
                        [
                            ("identifier", "token"),
                            ("subject", "reference"),
                            ("requester", "reference"),
                            *paging,
                        ],
                        "A referral to social prescribing. subject: a contained Patient with "
                        f"a CHI identifier ({CHI_SYSTEM}); reasonCode: SNOMED CT or "
                        f"{REASON_SYSTEM}; requester: the practice (identifier system "
                        f"{PRACTICE_CODE_SYSTEM}). Create answers 201 with the ServiceRequest "
                        "(Prefer: return=minimal for none); If-None-Exist and a resubmitted "
                        "identifier answer 200 with the existing one. Its Task is found by "
                        "Task?based-on=ServiceRequest/<id>.",
                    ),
                    resource(
                        "Task",
                        ["read", "search-type"],
                        [("based-on", "reference"), *paging],
                        "Where the referral is; output links the discharge Communication.",
                    ),
                    resource(
                        "Communication",
                        ["read", "search-type"],
                        [("based-on", "reference"), *paging],
                        "The message back to the GP and referrer when the case closes.",
                    ),
                    resource(
                        "Patient", ["read"], [], "The person a referral you can see is about."
                    ),
                    resource("Organization", ["read"], [], "GP practices and organisations."),
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
