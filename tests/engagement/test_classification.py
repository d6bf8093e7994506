from django.apps import apps

from linkwork.casework.classification import Level
from linkwork.engagement.classification import CLASSIFICATION


def test_every_engagement_field_is_classified_and_nothing_stale() -> None:
    models = {m._meta.model_name: m for m in apps.get_app_config("engagement").get_models()}
    missing, stale = [], []
    for name, model in models.items():
        names = {f.name for f in model._meta.concrete_fields}
        classified = set(CLASSIFICATION.get(name, {}))
        missing += [f"{name}.{f}" for f in sorted(names - classified)]
        stale += [f"{name}.{f}" for f in sorted(classified - names)]
    stale += [f"{m}.*" for m in CLASSIFICATION if m not in models]
    assert not missing, f"classify these fields in engagement/classification.py: {missing}"
    assert not stale, f"these classified fields no longer exist: {stale}"


def test_identities_and_sensitive_profile_answers_are_classified_personal_or_special() -> None:
    assert CLASSIFICATION["response"]["respondent_name"] is Level.PERSONAL
    assert CLASSIFICATION["respondentprofile"]["ethnicity"] is Level.SPECIAL
    assert CLASSIFICATION["respondentprofile"]["disability"] is Level.SPECIAL
    assert CLASSIFICATION["answer"]["text"] is Level.PERSONAL
