"""Every path that sends a person's data to a community organisation goes through
governance's gate (linkwork.governance.agreements), and a new one cannot appear unnoticed.

- Each entry point in ``SHARING_ENTRY_POINTS`` is driven twice over the same world: once with
  sharing allowed (so the test can fail), once with no agreement in force (the rule every gate
  reads, ``_in_force_for``, answers nothing) and once with ``may_share_with`` itself refusing.
- The registry is compared with the permission policy (every casework page or API operation a
  community organisation's account may use, and every one that creates a link), with the
  FHIR interactions (none serves a community organisation) and with the casework modules that
  send anything out of Linkwork.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

import linkwork
from linkwork.casework import services
from linkwork.casework.models import ServiceLink, ServiceLinkChange
from linkwork.core import policy
from linkwork.core.models import AuditEntry
from linkwork.core.roles import Role
from linkwork.core.tokens import create_token
from linkwork.governance import agreements
from linkwork.governance.agreements import SHARING_ENTRY_POINTS, SharingRefused
from linkwork.governance.models import DataSharingAgreement, SharingPurpose
from tests.casework.factories import CaseFactory, CommunityOrgFactory, PracticeFactory, make_service
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db
SRC = Path(linkwork.__file__).parent


def _bearer(user: Any) -> dict[str, str]:
    _row, token = create_token(user=user)
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def world() -> dict[str, Any]:
    """A link worker, a person who agreed to share, a community organisation with an
    agreement in force, one referral already sent to it and a second service to refer to."""
    practice = PracticeFactory()
    community = CommunityOrgFactory(name="Befriend Together")
    worker = make_user(Role.LINK_WORKER, organisations=(practice,))
    editor = make_user(Role.COMMUNITY_EDITOR, organisations=(community,))
    case = CaseFactory(referral__person__gp_practice=practice, status="active")
    services.record_consent(person=case.person, purpose="sharing", decision="given", actor=worker)
    sent = services.create_link(
        case=case, service_obj=make_service(owner=community), kind="supported", actor=worker
    )
    another = make_service(owner=community, name="Lunch club", agreement=False)
    return {"case": case, "worker": worker, "editor": editor, "link": sent, "service": another}


def _writes() -> tuple[int, int, int]:
    created = AuditEntry.objects.filter(object_type="casework.servicelink", action="create")
    return ServiceLink.objects.count(), ServiceLinkChange.objects.count(), created.count()


def _drive(w: dict[str, Any]) -> dict[str, tuple[bool, str]]:
    """Use every entry point once; for each: (did the organisation get the data, what the
    user was told)."""
    out: dict[str, tuple[bool, str]] = {}
    case, link, person = w["case"], w["link"], w["case"].person
    lw, ce = Client(), Client()
    lw.force_login(w["worker"])
    ce.force_login(w["editor"])

    before = _writes()
    page = lw.post(
        reverse("casework:find_services", args=[case.pk]),
        {"service_id": str(w["service"].pk), "kind": "supported"},
    )
    out["casework:find_services"] = (page.status_code == 302, page.content.decode())
    assert page.status_code == 302 or _writes() == before, "refused, yet something was written"

    before = _writes()
    api = lw.post(
        f"/api/v1/cases/{case.pk}/links",
        data=json.dumps({"service_id": str(w["service"].pk), "kind": "supported"}),
        content_type="application/json",
        **_bearer(w["worker"]),
    )
    message = " ".join(e["message"] for e in api.json().get("errors", []))
    out["POST /api/v1/cases/{case_id}/links"] = (api.status_code == 201, message)
    assert api.status_code in (201, 422), api.content
    assert api.status_code == 201 or _writes() == before, "refused, yet something was written"

    listing = ce.get(reverse("casework:portal"))
    href = reverse("casework:portal_link", args=[link.pk])
    out["casework:portal"] = (href in listing.content.decode(), "")

    rows = ce.get("/api/v1/portal/links", **_bearer(w["editor"])).json()["items"]
    out["GET /api/v1/portal/links"] = (link.pk in [r["id"] for r in rows], "")

    detail = ce.get(href)
    body = detail.content.decode() if detail.status_code == 200 else ""
    out["casework:portal_link"] = (person.family_name in body, body)

    answer = ce.post(
        f"/api/v1/portal/links/{link.pk}/status",
        data=json.dumps({"to_status": "accepted"}),
        content_type="application/json",
        **_bearer(w["editor"]),
    )
    out["POST /api/v1/portal/links/{link_id}/status"] = (answer.status_code == 200, "")
    return out


def test_every_entry_point_shares_while_an_agreement_is_in_force(world) -> None:
    # The same agreement also covers the second service's organisation (one partner).
    DataSharingAgreement.objects.update(purposes=[SharingPurpose.REFERRAL.value])
    results = _drive(world)
    assert set(results) == set(SHARING_ENTRY_POINTS)
    assert {name: ok for name, (ok, _m) in results.items()} == dict.fromkeys(results, True)


def test_every_entry_point_refuses_when_no_agreement_is_in_force(world) -> None:
    with mock.patch.object(agreements, "_in_force_for", return_value=[]) as rule:
        results = _drive(world)
    assert rule.called
    assert set(results) == set(SHARING_ENTRY_POINTS)
    leaked = [name for name, (ok, _m) in results.items() if ok]
    assert leaked == []
    for name in ("casework:find_services", "POST /api/v1/cases/{case_id}/links"):
        text = results[name][1]
        assert "no data-sharing agreement in force with Befriend Together" in text, name


def test_each_person_level_path_asks_may_share_with_itself(world) -> None:
    """With ``may_share_with`` refusing (the agreement register untouched), nothing that
    sends one person's details gets through: it is the function they call."""
    refuse = mock.Mock(return_value=False)
    with mock.patch.object(agreements, "may_share_with", refuse):
        results = _drive(world)
    for name, (_purpose, gate) in SHARING_ENTRY_POINTS.items():
        if "may_share_with" in gate or "require_sharing" in gate:
            assert not results[name][0], name
    asked = {(c.args[0], c.args[2]) for c in refuse.call_args_list}
    community_id = world["link"].receiving_organisation_id
    assert asked == {(community_id, SharingPurpose.REFERRAL)}


def test_a_refused_service_call_writes_nothing(world) -> None:
    before = _writes()
    with (
        pytest.raises(SharingRefused, match="no data-sharing agreement"),
        mock.patch.object(agreements, "_in_force_for", return_value=[]),
    ):
        services.create_link(
            case=world["case"], service_obj=world["service"], kind="supported",
            actor=world["worker"],
        )  # fmt: skip
    assert _writes() == before


def test_without_consent_the_refusal_names_the_missing_consent(world) -> None:
    services.record_consent(
        person=world["case"].person, purpose="sharing", decision="withdrawn", actor=world["worker"]
    )
    with pytest.raises(SharingRefused, match=r"has not agreed to share .* Befriend Together"):
        services.create_link(
            case=world["case"], service_obj=world["service"], kind="supported",
            actor=world["worker"],
        )  # fmt: skip


# --- The registry cannot fall behind -------------------------------------------------------

#: Casework entry points a community organisation's account may use that carry no personal
#: data about anyone (the Organization resource is about organisations).
NOT_PERSONAL = {"fhir:organization"}
#: Actions whose entry points create a link to a community service (a link worker's).
CREATES_A_LINK = {"casework.link", "casework.find_services"}


def _load_url_declarations() -> None:
    """Some apps declare their URLs' actions beside their patterns: load every URLconf."""
    from django.urls import get_resolver

    assert get_resolver().url_patterns


def _reaches_community(action: str) -> bool:
    return any(rule.role == Role.COMMUNITY_EDITOR for rule in policy.rules_for(action))


def test_every_entry_point_a_community_organisation_reaches_is_in_the_registry() -> None:
    _load_url_declarations()
    reaching = {
        url
        for url, action in policy.url_actions().items()
        if (action.startswith("casework.") or url.startswith(("fhir:", "casework:", "/api/")))
        and (_reaches_community(action) or action in CREATES_A_LINK)
    }
    assert reaching - NOT_PERSONAL == set(SHARING_ENTRY_POINTS)


def test_no_fhir_interaction_with_personal_data_serves_a_community_organisation() -> None:
    _load_url_declarations()
    fhir = {u: a for u, a in policy.url_actions().items() if u.startswith("fhir:")}
    assert fhir, "the FHIR interactions are declared"
    serving = {u for u, a in fhir.items() if _reaches_community(a)}
    assert serving == NOT_PERSONAL


def test_no_fhir_read_gives_a_community_account_a_referral(client, world) -> None:
    headers = _bearer(world["editor"])
    referral = world["case"].referral
    for path in (f"/fhir/Task/{referral.pk}", f"/fhir/Patient/{referral.person_id}", "/fhir/Task"):
        response = client.get(path, HTTP_ACCEPT="application/fhir+json", **headers)
        assert response.status_code in (403, 404), path
        assert world["case"].person.family_name not in response.content.decode()


#: Casework modules that send anything out of Linkwork, and why none sends a person's data to
#: a community organisation. A new sender must be reviewed and listed here (or gated).
OUTBOUND = {
    "casework/reminders.py": "to the person themselves, by a way they chose",
    "casework/notifications.py": "to the referrer's staff, and holds no personal data",
}
_SENDS = re.compile(r"\bsend_mail\(|EmailMessage\(|\bbackend\.send\(|\burlopen\(|\brequests\.")


def test_every_casework_module_that_sends_data_out_is_reviewed() -> None:
    senders = {
        str(path.relative_to(SRC))
        for path in (SRC / "casework").rglob("*.py")
        if _SENDS.search(path.read_text(encoding="utf-8"))
    }
    assert senders == set(OUTBOUND)


def test_the_referrer_notice_goes_to_referrer_staff_only(world) -> None:
    from linkwork.casework.models import Discharge
    from linkwork.casework.notifications import referrer_recipients

    referral = world["case"].referral
    make_user(
        Role.COMMUNITY_EDITOR,
        organisations=(referral.referring_organisation,),
        email="editor@example.org",
    )
    discharge = Discharge(case=world["case"], reason="goals_met")
    assert "editor@example.org" not in referrer_recipients(discharge)
