"""What standard HSDS means for Linkwork, worked out at import (no Linkwork extensions needed).

- Service areas: a name ("Scotland", "Falkirk council area", "Perth and Kinross", "NHS Fife",
  "Shetland"), a GSS code anywhere in the name, description or URI, or an ALISS code (XS, XB,
  pre-2019 codes) is matched against the places data (council areas, HSCPs, health boards).
- Delivery: in person only where a physical location is open to the public; by phone or online
  when the service has no such location but has phones or a website, a virtual location, an
  attribute naming the mode, or plain words ("by phone", "online", "home visits").
- A location "not open to the public" (or a postal or virtual one) is never where the service
  happens: it gives the service no point on the map.

Explicit `linkwork` extension values always win. Every inference is reported (`Inference`), so
an editor can check what the import decided.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

SCOTLAND_CODE = "S92000003"
_GSS = re.compile(r"\b(S(?:12|37|08|92)\d{6})\b")
_OLD_CODES = {  # codes that changed in 2018/2019
    "S12000015": "S12000047",
    "S12000024": "S12000048",
    "S12000046": "S12000049",
    "S12000044": "S12000050",
    "S08000018": "S08000029",
    "S08000027": "S08000030",
    "S08000021": "S08000031",
    "S08000023": "S08000032",
    "S37000014": "S37000032",
    "S37000015": "S37000034",
    "S37000021": "S37000035",
    "S37000023": "S37000033",
}
_KIND_BY_PREFIX = {"S12": "council_area", "S37": "hscp", "S08": "health_board", "S92": "scotland"}
_SCOTLAND_NAMES = {"scotland", "all scotland", "whole of scotland", "scotland wide", "national"}
_NOISE = (
    "health and social care partnership",
    "integration joint board",
    "council area",
    "local authority",
    "health board",
    "city council",
    "islands council",
    "council",
    "hscp",
    "nhs",
    "area",
    "residents of",
    "people in",
    "people living in",
    "the",
)
NOT_PUBLIC = re.compile(
    r"not open to (?:the )?public|no public access|closed to (?:the )?public|"
    r"not a public|postal address only|correspondence address|registered office",
    re.IGNORECASE,
)
_PHONE_WORDS = re.compile(
    r"\bby (?:tele)?phone\b|\bover the (?:tele)?phone\b|\bhelpline\b|\bphone ?line\b|"
    r"\btelephone (?:support|service|befriending|advice|counselling)\b|\bfreephone\b",
    re.IGNORECASE,
)
_ONLINE_WORDS = re.compile(
    r"\bonline\b|\bweb ?chat\b|\bvideo call|\bby video\b|\bzoom\b|\bvirtual\b|"
    r"\bon the internet\b",
    re.IGNORECASE,
)
_HOME_WORDS = re.compile(
    r"\bhome visits?\b|\bvisits? (?:you |people )?(?:at|in) (?:your|their) (?:own )?home|"
    r"\bin your (?:own )?home\b|\bat home\b",
    re.IGNORECASE,
)
_MODE_TERMS = {
    "in_person": ("in person", "in-person", "face to face", "face-to-face", "inperson"),
    "phone": ("telephone", "phone", "by phone", "helpline"),
    "online": ("online", "virtual", "internet", "web", "video", "digital"),
    "home_visit": ("home visit", "home visits", "home-visit", "outreach"),
}


@dataclass(frozen=True)
class Inference:
    """One thing the import worked out, for the report."""

    record: str
    field: str
    value: str
    because: str

    def __str__(self) -> str:
        return f"{self.record} {self.field} = {self.value} ({self.because})"


def normalise_area_name(name: str) -> str:
    text = name.lower().replace("&", " and ").replace("-", " ")
    text = re.sub(r"[^a-z ]", " ", text)
    text = f" {' '.join(text.split())} "
    for noise in _NOISE:
        text = text.replace(f" {noise} ", " ")
    text = " ".join(text.split())
    if text.startswith("city of "):
        text = text[len("city of ") :]
    if text.endswith(" city"):
        text = text[: -len(" city")]
    if text.endswith(" islands"):
        text = text[: -len(" islands")]
    return text


@cache
def _pack_names() -> tuple[tuple[str, str, str], ...]:
    """(name, code, kind) from the shipped places pack (the boundaries' properties)."""
    pack = Path(__file__).resolve().parents[2] / "places" / "pack"
    out = []
    for file, kind in (
        ("council_areas.geojson", "council_area"),
        ("hscps.geojson", "hscp"),
        ("health_boards.geojson", "health_board"),
    ):
        path = pack / file
        if not path.exists():
            continue
        for feature in json.loads(path.read_text(encoding="utf-8")).get("features", []):
            props = feature.get("properties") or {}
            code = next((v for k, v in props.items() if k.lower().endswith(("code", "cd"))), "")
            name = next((v for k, v in props.items() if k.lower().endswith(("name", "nm"))), "")
            if code and name:
                out.append((name, code, kind))
    return tuple(out)


@cache
def _aliss_names() -> tuple[tuple[str, str, str], ...]:
    """(name, code, kind) from the ALISS service area list shipped with the places data."""
    path = Path(__file__).resolve().parents[1] / "data" / "aliss_service_areas.json"
    if not path.exists():
        return ()
    kinds = {0: "scotland", 2: "council_area", 3: "health_board", 4: "hscp"}
    out = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        fields = item.get("fields", item)
        code = _OLD_CODES.get(fields.get("code", ""), fields.get("code", ""))
        if code in ("XS", "XB"):
            code = SCOTLAND_CODE
        kind = kinds.get(fields.get("type"), "other")
        for name in (fields.get("name", ""), fields.get("alternative_name", "")):
            if name:
                out.append((name, code, kind))
    return tuple(out)


_ALIASES = {  # common names that the official ones do not contain
    "western isles": "S12000013",
    "eilean siar": "S12000013",
    "outer hebrides": "S12000013",
    "comhairle nan eilean siar": "S12000013",
    "edinburgh": "S12000036",
    "glasgow": "S12000049",
    "aberdeen": "S12000033",
    "dundee": "S12000042",
    "perth": "S12000048",
    "perthshire": "S12000048",
    "borders": "S12000026",
    "the borders": "S12000026",
    "lewis": "S12000013",
    "orkney": "S12000023",
    "shetland": "S12000027",
}


AreaNames = dict[str, dict[str, str]]  # normalised name -> kind -> GSS code


def area_names() -> AreaNames:
    """Normalised area names and the areas of each kind called so, from the places data,
    ALISS's list of service areas and common variants."""
    from linkwork.places.models import HSCP, CouncilArea, HealthBoard

    found: AreaNames = defaultdict(dict)
    for name in _SCOTLAND_NAMES:
        found[name]["scotland"] = SCOTLAND_CODE
    sources: list[tuple[str, str, str]] = [*_aliss_names(), *_pack_names()]
    for model, kind in (
        (CouncilArea, "council_area"),
        (HSCP, "hscp"),
        (HealthBoard, "health_board"),
    ):
        sources.extend((n, c, kind) for c, n in model.objects.values_list("code", "name"))
    for name, code, kind in sources:
        key = normalise_area_name(name)
        if key and code and kind != "other":
            found[key][kind] = code  # the places data (read last) wins
    for key, code in _ALIASES.items():
        found[key].setdefault("council_area", code)
    return dict(found)


_PREFERENCE = ("scotland", "council_area", "hscp", "health_board")


def _pick(kinds: dict[str, str], hint: str | None) -> tuple[str, str]:
    if hint and hint in kinds:
        return kinds[hint], hint
    for kind in _PREFERENCE:
        if kind in kinds:
            return kinds[kind], kind
    kind, code = next(iter(kinds.items()))
    return code, kind


def _kind_hint(text: str) -> str | None:
    low = f" {text.lower()} "
    if "health board" in low or " nhs " in low:
        return "health_board"
    if "partnership" in low or "hscp" in low:
        return "hscp"
    if "council" in low or "local authority" in low:
        return "council_area"
    return None


def interpret_area(values: dict[str, Any], names: AreaNames) -> tuple[str, str, str] | None:
    """(GSS code, kind, why) for an HSDS service area, or None when nothing says which."""
    texts = [str(values.get(k) or "") for k in ("name", "description", "uri", "extent")]
    for text in texts:
        if text.strip().upper() in ("XS", "XB"):
            return SCOTLAND_CODE, "scotland", "ALISS code"
        match = _GSS.search(text)
        if match:
            code = _OLD_CODES.get(match.group(1), match.group(1))
            return code, _KIND_BY_PREFIX[code[:3]], "code in the record"
    for text in texts[:2]:
        if not text.strip():
            continue
        hint = _kind_hint(text)
        key = normalise_area_name(text)
        if key in names:
            code, kind = _pick(names[key], hint)
            return code, kind, f'name "{text[:60]}"'
        # A sentence: the longest area name it holds as whole words
        padded = f" {key} "
        best = max((k for k in names if len(k) >= 4 and f" {k} " in padded), key=len, default=None)
        if best is not None:
            code, kind = _pick(names[best], hint)
            return code, kind, f'"{best}" in the text'
    return None


def location_is_public(values: dict[str, Any], extra: dict[str, Any]) -> bool:
    """A physical location people can go to (not postal, virtual or 'not open to the public')."""
    if (values.get("location_type") or "physical") != "physical":
        return False
    text = " ".join(
        str(values.get(k) or extra.get(k) or "")
        for k in ("name", "description", "transportation", "alternate_name")
    )
    return not NOT_PUBLIC.search(text)


def _attribute_modes(rows: dict[str, dict[uuid.UUID, Any]], sid: uuid.UUID) -> set[str]:
    modes: set[str] = set()
    terms = rows["taxonomy_term"]
    for attr in rows["attribute"].values():
        if attr.values.get("link_id") != sid:
            continue
        texts = [str(attr.values.get("value") or ""), str(attr.values.get("link_type") or "")]
        term = terms.get(attr.values.get("taxonomy_term_id"))
        if term is not None:
            texts += [str(term.values.get("name") or ""), str(term.values.get("code") or "")]
        joined = " ".join(texts).lower()
        if not any(w in joined for w in ("deliver", "mode", "method", "access", "channel")) and (
            term is None or not any(w in joined for ws in _MODE_TERMS.values() for w in ws)
        ):
            continue
        for mode, words in _MODE_TERMS.items():
            if any(re.search(rf"\b{re.escape(w)}\b", joined) for w in words):
                modes.add(mode)
    return modes


def interpret_rows(
    collector: Any, ours_by_row: dict[tuple[str, uuid.UUID], dict[str, Any]]
) -> list[Inference]:
    """Fill delivery modes of services and codes of service areas that the import does not
    give explicitly (in `ours_by_row`, the values written beside the HSDS columns)."""
    rows = collector.rows
    inferences: list[Inference] = []
    # Service areas
    names: AreaNames | None = None
    unresolved: list[tuple[Any, dict[str, Any]]] = []
    for area in rows["service_area"].values():
        ours = ours_by_row.setdefault(("service_area", area.id), {})
        if ours.get("gss_code"):
            continue
        if names is None:
            names = area_names()
        found = interpret_area(area.values, names)
        if found is None:
            unresolved.append((area, ours))
            continue
        code, kind, why = found
        ours["gss_code"], ours["kind"] = code, kind
        inferences.append(Inference(f"service_area {area.id}", "area", f"{code} ({kind})", why))
    homes: dict[uuid.UUID, set[str]] = {}
    if unresolved:
        from linkwork.directory.hsds.area_fallback import home_council_areas

        homes = home_council_areas(rows, {a.values.get("service_id") for a, _ in unresolved})
    for area, ours in unresolved:
        home = sorted(homes.get(area.values.get("service_id"), set()))
        if len(home) != 1:
            inferences.append(
                Inference(
                    f"service_area {area.id}", "area", "unknown", "no known area name or code"
                )
            )
            continue
        code, kind, why = home[0], "council_area", "name not known: the service's own address"
        ours["gss_code"], ours["kind"] = code, kind
        inferences.append(Inference(f"service_area {area.id}", "area", f"{code} ({kind})", why))
    # Delivery
    public_locations = {
        lid for lid, loc in rows["location"].items() if location_is_public(loc.values, loc.extra)
    }
    virtual = {
        lid for lid, loc in rows["location"].items() if loc.values.get("location_type") == "virtual"
    }
    located: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for sat in rows["service_at_location"].values():
        sid, lid = sat.values.get("service_id"), sat.values.get("location_id")
        if sid is not None and lid is not None:
            located[sid].add(lid)
    phoned = {p.values.get("service_id") for p in rows["phone"].values()}
    phoned_locations = {p.values.get("location_id") for p in rows["phone"].values()}
    contact_of = {cid: c.values.get("service_id") for cid, c in rows["contact"].items()}
    sat_of = {sid: s.values.get("service_id") for sid, s in rows["service_at_location"].items()}
    for phone in rows["phone"].values():
        phoned.add(contact_of.get(phone.values.get("contact_id")))
        phoned.add(sat_of.get(phone.values.get("service_at_location_id")))
    for sid, lids in located.items():
        if lids & phoned_locations:
            phoned.add(sid)
    for sid, service in rows["service"].items():
        ours = ours_by_row.setdefault(("service", sid), {})
        if any(k.startswith("delivery_") for k in ours):
            continue
        text = (
            " ".join(
                str(service.values.get(k) or "")
                for k in ("name", "description", "application_process", "alternate_name")
            )
            + " "
            + str(service.ours.get("summary") or "")
        )
        lids = located.get(sid, set())
        modes: dict[str, str] = {}
        if lids & public_locations:
            modes["in_person"] = "a location open to the public"
        if lids & virtual:
            modes["online"] = "a virtual location"
        for mode in _attribute_modes(rows, sid):
            modes.setdefault(mode, "an attribute")
        if _PHONE_WORDS.search(text):
            modes.setdefault("phone", "the description")
        if _ONLINE_WORDS.search(text) and (service.values.get("url") or lids & virtual):
            modes.setdefault("online", "the description")
        if _HOME_WORDS.search(text):
            modes.setdefault("home_visit", "the description")
        if "in_person" not in modes:
            if sid in phoned:
                modes.setdefault("phone", "phones and no location open to the public")
            if service.values.get("url"):
                modes.setdefault("online", "a website and no location open to the public")
            if not modes:
                modes["in_person"] = "nothing else said (default)"
        for mode in ("in_person", "phone", "online", "home_visit"):
            ours[f"delivery_{mode}"] = mode in modes
        inferences.append(
            Inference(
                f"service {sid}",
                "delivery",
                ", ".join(modes),
                "; ".join(f"{m}: {why}" for m, why in modes.items()),
            )
        )
    return inferences


WEB_FIELDS = ("url", "website")


def is_web_address(value: str) -> bool:
    """An absolute http or https address with a host (what we ever render as a link)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def web_address_problems(collector: Any) -> list[tuple[str, str, str, str]]:
    """(file, record, field, message) for url/website values that are not http(s) addresses."""
    out = []
    for rows in collector.rows.values():
        for row in rows.values():
            for fld in WEB_FIELDS:
                value = row.values.get(fld)
                if isinstance(value, str) and value.strip() and not is_web_address(value):
                    out.append(
                        (
                            row.file,
                            f"{row.kind} {row.id}",
                            fld,
                            "must be a web address starting http:// or https:// "
                            f"(got {value[:40]!r})",
                        )
                    )
    return out
