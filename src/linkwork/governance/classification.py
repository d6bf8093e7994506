"""Read the personal-data classification of every model field, wherever it lives.

Today each app keeps its own (`casework/classification.py`, `outcomes/classification.py`);
security-core is unifying them into one registry in core. This adapter reads the core registry
when it exists and the per-app modules otherwise, so governance works with either. It is the
only place governance touches the classification.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.apps import apps
from django.db import models

if TYPE_CHECKING:
    from linkwork.core.classification import Level

PERSONAL = "personal"
SPECIAL = "special category"
NOT_PERSONAL = "not personal"

#: Apps whose models carry a classification module (the per-app layout); governance's own
#: record about a person (the rectification history) is read with them.
_APP_MODULES = ("casework", "outcomes", "governance")


@dataclass(frozen=True)
class FieldClass:
    model: type[models.Model]
    field: str
    level: str

    @property
    def personal(self) -> bool:
        return self.level in (PERSONAL, SPECIAL)


def _from_core_registry() -> dict[str, dict[str, str]] | None:
    try:
        registry = importlib.import_module("linkwork.core.classification")
    except ImportError:
        return None
    for name in ("all_classifications", "classifications"):
        getter = getattr(registry, name, None)
        if callable(getter):
            raw = getter()
            return {str(k).lower(): {f: str(v) for f, v in d.items()} for k, d in raw.items()}
    table = getattr(registry, "CLASSIFICATION", None)
    if isinstance(table, dict):
        return {str(k).lower(): {f: str(v) for f, v in d.items()} for k, d in table.items()}
    return None


def _from_app_modules() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for app_label in _APP_MODULES:
        module = importlib.import_module(f"linkwork.{app_label}.classification")
        for model_name, fields in module.CLASSIFICATION.items():
            out[f"{app_label}.{model_name}"] = {f: str(v) for f, v in fields.items()}
    return out


def classification() -> dict[str, dict[str, str]]:
    """``{"app_label.modelname": {field_name: level}}`` for every classified model."""
    return _from_core_registry() or _from_app_modules()


def classified_fields() -> list[FieldClass]:
    rows: list[FieldClass] = []
    for label, fields in sorted(classification().items()):
        model = apps.get_model(label)
        rows.extend(FieldClass(model, name, level) for name, level in fields.items())
    return rows


def personal_fields(model: type[models.Model]) -> list[str]:
    """Names of the model's fields classified personal or special category."""
    fields = classification().get(model._meta.label_lower, {})
    return [name for name, level in fields.items() if level in (PERSONAL, SPECIAL)]


def _classify_governance_models() -> None:
    """Governance's own models in the one registry (core.classification)."""
    from linkwork.core.classification import classify, levels

    classify(
        "governance",
        {
            "datasharingagreement": levels(
                not_personal="id title partner purposes data_categories starts_on ends_on "
                "status document created_at updated_at"
            ),
            "subjectaccessrequest": levels(
                personal="person received_on due_on fulfilled_on logged_by fulfilled_by created_at",
                not_personal="id",
            ),
            **CLASSIFICATION,
        },
    )


def _person_records() -> dict[str, dict[str, Level]]:
    from linkwork.core.classification import levels

    return {
        # Old and new values may be any detail, equality monitoring included.
        "rectification": levels(
            personal="person reason changed_at",
            special="old_value new_value",
            not_personal="id field changed_by",
        )
    }


#: Governance's records about a person (read by this adapter as the per-app modules are).
CLASSIFICATION = _person_records()
_classify_governance_models()
