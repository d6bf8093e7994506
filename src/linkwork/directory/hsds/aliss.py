"""ALISS API v4 service JSON -> HSDS 3.0 documents, so Scotland's directory data can move in.

The v4 format (aliss.org/api/v4/services/, documented in aliss/Docs): a page
{"meta", "count", "next", "previous", "data": [service, ...]}, where a service has id, name,
description, url, phone, email, organisation {id, name, aliss_url, is_claimed},
categories [{name, slug}], locations [{id, formatted_address, name, description,
street_address, locality, region, state, postal_code, country, latitude, longitude}],
service_areas [{code, type, name}], aliss_url and last_updated.

What goes where:
- service id/name/description/url/email -> the same HSDS service properties; phone -> a phone;
  last_updated -> last_modified; aliss_url kept (extra property `aliss_url`).
- organisation -> organization (id, name; aliss_url -> uri; is_claimed kept as
  `aliss_is_claimed`); its description is empty (ALISS v4 does not give it).
- categories -> attributes carrying terms of the "ALISS" taxonomy (term id derived from the
  slug), mapped to our categories through data/aliss_category_map.json.
- locations -> service_at_locations with a physical location and one address
  (street_address -> address_1, locality -> city, state or region -> state_province).
- service_areas -> service areas with our GSS code (pre-2019 council and health board codes
  updated; XS = Scotland; XB = United Kingdom, kept as Scotland-wide for us).
- delivery: worked out on import like any HSDS (`hsds.interpret`): in person at a location open
  to the public, otherwise by phone (a number) or online (a website), and from plain words.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from linkwork.directory.hsds.reader import MAX_FILE_BYTES, Document, ReadError
from linkwork.directory.taxonomy import ALISS_TAXONOMY_ID, term_id

NEW_CODES = {  # codes that changed in 2018/2019
    "S12000015": "S12000047",
    "S12000024": "S12000048",
    "S12000046": "S12000049",
    "S12000044": "S12000050",
    "S08000018": "S08000029",
    "S08000027": "S08000030",
    "S08000021": "S08000031",
    "S08000023": "S08000032",
}
AREA_KINDS = {
    "local authority": "council_area",
    "council area": "council_area",
    "health board": "health_board",
    "health and social care partnership": "hscp",
    "hscp": "hscp",
    "integration authority": "hscp",
    "country": "scotland",
}
NUMERIC_AREA_TYPES = {"0": "country", "2": "local authority", "3": "health board", "4": "hscp"}
TAXONOMY = {
    "id": str(ALISS_TAXONOMY_ID),
    "name": "ALISS",
    "description": "Categories of ALISS, Scotland's national directory of community services.",
}


def _sub(parent: str, what: str) -> str:
    return str(uuid.uuid5(uuid.UUID(parent), what))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _area(service_id: str, area: dict[str, Any]) -> dict[str, Any]:
    code = _text(area.get("code"))
    kind_name = _text(area.get("type")).lower()
    kind_name = NUMERIC_AREA_TYPES.get(kind_name, kind_name)
    kind = AREA_KINDS.get(kind_name, "other")
    if code in ("XS", "XB"):
        gss, kind = "S92000003", "scotland"
    else:
        gss = NEW_CODES.get(code, code)[:9]
    return {
        "id": _sub(service_id, f"area:{code}"),
        "name": _text(area.get("name")),
        "description": _text(area.get("type")),
        "linkwork": {"gss_code": gss, "kind": kind},
    }


def _location(service_id: str, org_id: str | None, loc: dict[str, Any]) -> dict[str, Any]:
    loc_id = _text(loc.get("id")) or _sub(service_id, f"location:{loc.get('formatted_address')}")
    location: dict[str, Any] = {
        "id": loc_id,
        "location_type": "physical",
        "name": _text(loc.get("name")),
        "description": _text(loc.get("description")),
    }
    if org_id:
        location["organization_id"] = org_id
    for key in ("latitude", "longitude"):
        if isinstance(loc.get(key), (int, float)) and not isinstance(loc.get(key), bool):
            location[key] = loc[key]
    if loc.get("street_address") or loc.get("postal_code"):
        location["addresses"] = [
            {
                "id": _sub(loc_id, "address"),
                "address_1": _text(loc.get("street_address"))
                or _text(loc.get("formatted_address")),
                "city": _text(loc.get("locality")),
                "region": _text(loc.get("region")),
                "state_province": _text(loc.get("state")) or _text(loc.get("region")),
                "postal_code": _text(loc.get("postal_code")),
                "country": _text(loc.get("country")) or "GB",
                "address_type": "physical",
            }
        ]
    return {"id": _sub(service_id, f"at:{loc_id}"), "location": location}


def to_hsds(service: dict[str, Any]) -> dict[str, Any]:
    """One ALISS v4 service as a fully nested HSDS 3.0 service (validated on import)."""
    sid = _text(service.get("id"))
    doc: dict[str, Any] = {
        "id": sid,
        "name": service.get("name"),
        "description": _text(service.get("description")),
        "status": "active",
    }
    for key in ("url", "email"):
        if service.get(key):
            doc[key] = service[key]
    if service.get("last_updated"):
        doc["last_modified"] = service["last_updated"]
    if service.get("aliss_url"):
        doc["aliss_url"] = service["aliss_url"]
    org = service.get("organisation") if isinstance(service.get("organisation"), dict) else None
    org_id = _text(org.get("id")) if org else None
    if org:
        doc["organization"] = {
            "id": org_id,
            "name": org.get("name"),
            "description": _text(org.get("description")),
        }
        if org.get("aliss_url"):
            doc["organization"]["uri"] = org["aliss_url"]
        if "is_claimed" in org:
            doc["organization"]["aliss_is_claimed"] = org["is_claimed"]
    if service.get("phone"):
        doc["phones"] = [{"id": _sub(sid, "phone"), "number": _text(service["phone"])}]
    categories = service.get("categories") or []
    if categories:
        doc["attributes"] = [
            {
                "id": _sub(sid, f"category:{c.get('slug')}"),
                "link_entity": "service",
                "taxonomy_term_id": str(term_id(ALISS_TAXONOMY_ID, _text(c.get("slug")))),
                "taxonomy_term": {
                    "id": str(term_id(ALISS_TAXONOMY_ID, _text(c.get("slug")))),
                    "code": _text(c.get("slug")),
                    "name": _text(c.get("name")) or _text(c.get("slug")),
                    "description": _text(c.get("name")),
                    "taxonomy": "ALISS",
                    "taxonomy_detail": TAXONOMY,
                },
            }
            for c in categories
            if isinstance(c, dict) and c.get("slug")
        ]
    locations = [x for x in service.get("locations") or [] if isinstance(x, dict)]
    if locations:
        doc["service_at_locations"] = [_location(sid, org_id, loc) for loc in locations]
    areas = [x for x in service.get("service_areas") or [] if isinstance(x, dict)]
    if areas:
        doc["service_areas"] = [_area(sid, a) for a in areas]
    # Delivery is worked out on import from the locations, phone, website and words
    # (hsds.interpret), as for any standard HSDS.
    return doc


def read_aliss(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> list[Document]:
    """ALISS v4 JSON files (a page with `data`, a list, or one service) as HSDS documents."""
    files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
    docs: list[Document] = []
    for file in files:
        if file.stat().st_size > max_bytes:
            raise ReadError(str(file), f"The file is larger than {max_bytes // 2**20} MB.")
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ReadError(str(file), f"The file is not valid JSON: {exc}") from None
        if isinstance(data, dict) and isinstance(data.get("data"), list):
            items = data["data"]
        elif isinstance(data, dict) and isinstance(data.get("results"), list):
            items = data["results"]  # v3 search pages look the same inside
        elif isinstance(data, list):
            items = data
        else:
            items = [data]
        for i, item in enumerate(items):
            body = to_hsds(item) if isinstance(item, dict) else item
            docs.append(Document(str(file), "service", i, body))
    return docs
