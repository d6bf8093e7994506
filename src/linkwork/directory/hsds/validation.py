"""Validate HSDS documents with our schemas and describe each problem by path and field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from linkwork.directory.hsds import schemas

#: Document kinds: what each endpoint returns and what import reads.
KINDS: dict[str, type[BaseModel]] = {
    "service": schemas.Service,
    "service_brief": schemas.ServiceBrief,
    "organization": schemas.OrganizationWithServices,
    "organization_brief": schemas.OrganizationBrief,
    "service_at_location": schemas.ServiceAtLocationFull,
    "service_at_location_brief": schemas.ServiceAtLocationBrief,
    "taxonomy": schemas.Taxonomy,
    "taxonomy_term": schemas.TaxonomyTerm,
    "location": schemas.Location,
    "page": schemas.Page,
}
_TYPE_BRANCHES = {"int", "float", "str", "bool", "function-after[_check_uuid(), str]"}


@dataclass(frozen=True)
class Problem:
    path: str  # e.g. "service_at_locations[0].location.addresses[1].postal_code"
    message: str

    @property
    def field(self) -> str:
        return self.path.rsplit(".", 1)[-1].split("[", 1)[0]

    def __str__(self) -> str:
        return f"{self.path or '(document)'}: {self.message}"


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and (part in _TYPE_BRANCHES or part.startswith("function-")):
            continue  # pydantic names the union branch it tried; people need the field
        else:
            out += f".{part}" if out else str(part)
    return out


def problems(kind: str, document: Any) -> list[Problem]:
    """Every way the document breaks the HSDS schema for `kind` (empty when it is valid)."""
    model = KINDS[kind]
    try:
        model.model_validate(document)
    except ValidationError as exc:
        seen: dict[str, Problem] = {}
        for err in exc.errors(include_url=False):
            path = _path(tuple(err["loc"]))
            if path not in seen:
                seen[path] = Problem(path, _message(err))
        return list(seen.values())
    return []


def _message(err: ErrorDetails) -> str:
    kind = err["type"]
    if kind == "missing":
        return "is required but missing"
    if kind == "model_type":
        return "must be an object"
    if kind == "list_type":
        return "must be a list"
    if kind in {"string_type"}:
        return "must be text"
    if kind in {"int_type", "float_type"}:
        return "must be a number"
    if kind == "bool_type":
        return "must be true or false"
    if kind == "literal_error":
        return str(err["msg"]).replace("Input should be", "must be")
    msg = str(err.get("msg", "is not valid"))
    return msg.removeprefix("Value error, ")


def is_valid(kind: str, document: Any) -> bool:
    try:
        KINDS[kind].model_validate(document)
    except ValidationError:
        return False
    return True


def page_problems(item_kind: str, page: Any) -> list[Problem]:
    """Problems with a paged envelope and with each of its `contents` as `item_kind`."""
    found = problems("page", page)
    if found or not isinstance(page, dict):
        return found
    contents = page.get("contents")
    for i, item in enumerate(contents if isinstance(contents, list) else []):
        for p in problems(item_kind, item):
            found.append(Problem(f"contents[{i}].{p.path}".rstrip("."), p.message))
    return found
