"""One registry classifying every field of every model as personal, special category or not
personal data. Each app contributes its models from its own ``classification.py`` (found by
``autodiscover``, like admin modules), and one test (tests/core/test_classification.py) fails
when any concrete field of any Linkwork model is not classified, or a classification names a
field that no longer exists.

- PERSONAL: identifies or is about a living person (UK GDPR art. 4), including staff.
- SPECIAL: special category data (art. 9: health, ethnicity, sex life...) or data that needs
  the same care here (safeguarding, free text of health conversations, messages that may
  carry either).
- NOT_PERSONAL: ids, codes, timestamps of system events, public directory data, counters.
"""

from __future__ import annotations

from enum import StrEnum

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules


class Level(StrEnum):
    PERSONAL = "personal"
    SPECIAL = "special category"
    NOT_PERSONAL = "not personal"


P, S, N = Level.PERSONAL, Level.SPECIAL, Level.NOT_PERSONAL

_REGISTRY: dict[str, dict[str, Level]] = {}


def levels(*, personal: str = "", special: str = "", not_personal: str = "") -> dict[str, Level]:
    """Fields by level, written as space-separated names (every field listed explicitly)."""
    out: dict[str, Level] = {}
    for names, level in ((personal, P), (special, S), (not_personal, N)):
        for name in names.split():
            if name in out:
                raise ImproperlyConfigured(f"field {name!r} is classified twice")
            out[name] = level
    return out


def classify(app_label: str, models: dict[str, dict[str, Level]]) -> None:
    """An app's contribution: model name (lower case) -> field name -> level."""
    for model, fields in models.items():
        _REGISTRY[f"{app_label}.{model}"] = dict(fields)


def registry() -> dict[str, dict[str, Level]]:
    """Every classification, keyed ``"app_label.model_name"`` (loads every app's module)."""
    autodiscover_modules("classification")
    return dict(_REGISTRY)


def level(label: str, field_name: str) -> Level:
    return registry()[label.lower()][field_name]


def fields_at(level_: Level) -> list[str]:
    return sorted(
        f"{m}.{f}" for m, fields in registry().items() for f, lv in fields.items() if lv == level_
    )


def gaps() -> tuple[list[str], list[str]]:
    """(unclassified fields, classified fields that no longer exist) over every Linkwork
    model."""
    known = registry()
    models = {
        m._meta.label_lower: m for m in apps.get_models() if m.__module__.startswith("linkwork.")
    }
    missing, stale = [], []
    for label, model in models.items():
        names = {f.name for f in model._meta.concrete_fields}
        classified = set(known.get(label, {}))
        missing += [f"{label}.{f}" for f in sorted(names - classified)]
        stale += [f"{label}.{f}" for f in sorted(classified - names)]
    stale += [f"{label}.*" for label in known if label not in models]
    return missing, stale


classify(
    "core",
    {
        "user": levels(
            personal="username first_name last_name email last_login date_joined",
            not_personal="id password is_superuser is_staff is_active",
        ),
        "organisation": levels(not_personal="id name kind code postcode programme created_at"),
        "membership": levels(personal="user organisation since", not_personal="id"),
        "apitoken": levels(
            personal="user name created_at last_used_at revoked_at expires_at",
            not_personal="id prefix token_hash",
        ),
        "auditentry": levels(
            personal="at actor actor_username object_id request_id client_request_id",
            not_personal="id action object_type detail seq prev_hash entry_hash",
        ),
        "auditchainhead": levels(not_personal="id seq last_hash"),
    },
)
