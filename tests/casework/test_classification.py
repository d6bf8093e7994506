from django.apps import apps

from linkwork.casework.classification import CLASSIFICATION, Level


def test_every_casework_field_is_classified_and_nothing_stale() -> None:
    missing, stale = [], []
    models = {m._meta.model_name: m for m in apps.get_app_config("casework").get_models()}
    for name, model in models.items():
        names = {f.name for f in model._meta.concrete_fields}
        classified = set(CLASSIFICATION.get(name, {}))
        missing += [f"{name}.{f}" for f in sorted(names - classified)]
        stale += [f"{name}.{f}" for f in sorted(classified - names)]
    stale += [f"{m}.*" for m in CLASSIFICATION if m not in models]
    assert not missing, f"classify these fields in casework/classification.py: {missing}"
    assert not stale, f"these classified fields no longer exist: {stale}"


def test_levels_are_known() -> None:
    for fields in CLASSIFICATION.values():
        assert set(fields.values()) <= set(Level)
