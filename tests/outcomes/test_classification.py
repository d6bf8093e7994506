from django.apps import apps

from linkwork.casework.classification import Level
from linkwork.outcomes.classification import CLASSIFICATION


def test_every_outcomes_field_is_classified_and_nothing_stale() -> None:
    models = {m._meta.model_name: m for m in apps.get_app_config("outcomes").get_models()}
    missing, stale = [], []
    for name, model in models.items():
        names = {f.name for f in model._meta.concrete_fields}
        classified = set(CLASSIFICATION.get(name, {}))
        missing += [f"{name}.{f}" for f in sorted(names - classified)]
        stale += [f"{name}.{f}" for f in sorted(classified - names)]
    stale += [f"{m}.*" for m in CLASSIFICATION if m not in models]
    assert not missing, f"classify these fields in outcomes/classification.py: {missing}"
    assert not stale, f"these classified fields no longer exist: {stale}"
    for fields in CLASSIFICATION.values():
        assert set(fields.values()) <= set(Level)


def test_answers_and_scores_are_special_category() -> None:
    for field in ("answers", "result", "instrument"):
        assert CLASSIFICATION["administration"][field] is Level.SPECIAL
