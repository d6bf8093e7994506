from __future__ import annotations

import pytest
from django.urls import reverse

from linkwork.governance import classification as cls
from linkwork.governance.processing import DESCRIPTIONS, record_of_processing
from tests.casework.factories import PracticeFactory
from tests.governance.factories import AgreementFactory, dpo_of

pytestmark = pytest.mark.django_db


def test_every_classified_model_has_a_purpose_and_lawful_basis():
    assert set(cls.classification()) == set(DESCRIPTIONS)


def test_the_record_lists_every_personal_field_of_every_model():
    rows = {r.label: r for r in record_of_processing()}
    for fc in cls.classified_fields():
        row = rows[fc.model._meta.label_lower]
        if fc.level == cls.SPECIAL:
            assert fc.field in row.special
        elif fc.level == cls.PERSONAL:
            assert fc.field in row.personal
        else:
            assert fc.field not in row.personal + row.special


def test_the_record_names_partners_with_a_current_agreement_covering_the_data(client):
    practice = PracticeFactory()
    agreement = AgreementFactory(parties=[practice], data_categories=["identity"])
    rows = {r.label: r for r in record_of_processing()}
    assert agreement.partner.name in rows["casework.person"].shared_with
    assert agreement.partner.name not in rows["casework.encounter"].shared_with
    client.force_login(dpo_of(practice))
    body = client.get(reverse("governance:processing_record")).content.decode()
    assert "date_of_birth" in body and "Art. 9(2)(h)" in body


def test_the_adapter_prefers_a_core_registry_when_there_is_one(monkeypatch):
    import sys
    import types

    registry = types.ModuleType("linkwork.core.classification")
    registry.all_classifications = lambda: {"casework.Person": {"chi": "personal"}}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "linkwork.core.classification", registry)
    assert cls.classification() == {"casework.person": {"chi": "personal"}}
