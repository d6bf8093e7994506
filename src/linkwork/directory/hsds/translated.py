"""HSDS documents in the client's language: when a client asks for a language (the `lang`
parameter, or its Accept-Language header as the site reads it), services' and organisations'
`name` and `description` are their organisation's translation into it where one exists
(`ContentTranslation`), in the standard shape; otherwise, and by default, the original.
The response then says `Content-Language`. See docs/hsds.md."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.http import HttpResponseBase
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from linkwork.directory.languages import TRANSLATION_LANGUAGES, django_tag
from linkwork.directory.models import ContentTranslation

Document = dict[str, Any]
Response = TypeVar("Response", bound=HttpResponseBase)


def requested_language(lang: str | None) -> str | None:
    """The language to translate into, or None for the originals (English, or none asked)."""
    if lang:
        code = django_tag(lang)
        if code in ("en", "en-gb"):
            return None
        if code not in TRANSLATION_LANGUAGES:
            raise HttpError(
                400,
                _("lang must be one of: %(codes)s.") % {"codes": ", ".join(TRANSLATION_LANGUAGES)},
            )
        return code
    active = (get_language() or "").lower()  # LocaleMiddleware read Accept-Language
    return active if active in TRANSLATION_LANGUAGES else None


def _nested(docs: Iterable[Document], kind: str) -> tuple[list[Document], list[Document]]:
    """(service documents, organisation documents) at the top level and one level down."""
    services: list[Document] = []
    organizations: list[Document] = []
    for doc in docs:
        if kind == "service":
            services.append(doc)
            if isinstance(doc.get("organization"), dict):
                organizations.append(doc["organization"])
        else:
            organizations.append(doc)
            services.extend(s for s in doc.get("services") or [] if isinstance(s, dict))
    return services, organizations


def translate(docs: list[Document], kind: str, language: str | None) -> list[Document]:
    """Put the translated name and description into `docs` (in place; one query)."""
    if not language or not docs:
        return docs
    services, organizations = _nested(docs, kind)
    found = ContentTranslation.objects.filter(language=language).filter(
        service_id__in=[d["id"] for d in services if "id" in d]
    ) | ContentTranslation.objects.filter(
        language=language, organization_id__in=[d["id"] for d in organizations if "id" in d]
    )
    by_record = {str(t.service_id or t.organization_id): t for t in found}
    for doc in [*services, *organizations]:
        translation = by_record.get(str(doc.get("id")))
        if translation is None:
            continue
        if translation.name and "name" in doc:
            doc["name"] = translation.name
        if translation.description and "description" in doc:
            doc["description"] = translation.description
    return docs


def translating(
    render: Callable[[Any], list[Document]], kind: str, language: str | None
) -> Callable[[Any], list[Document]]:
    """`render` (records -> documents) followed by `translate`."""
    if not language:
        return render
    return lambda records: translate(render(records), kind, language)


def mark(response: Response, language: str | None) -> Response:
    """Say which language the answer is in, and that it depends on Accept-Language."""
    response["Vary"] = "Accept-Language"
    if language:
        response["Content-Language"] = language
    return response
