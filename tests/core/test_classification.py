"""One registry classifies every field of every Linkwork model (core/classification.py)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from linkwork.core import classification
from linkwork.core.classification import Level


def test_every_field_of_every_model_is_classified_and_nothing_stale() -> None:
    missing, stale = classification.gaps()
    assert not missing, f"classify these fields in your app's classification.py: {missing}"
    assert not stale, f"these classified fields no longer exist: {stale}"


def test_what_members_of_the_public_write_and_named_contacts_are_personal() -> None:
    assert classification.level("directory.problemreport", "message") is Level.SPECIAL
    assert classification.level("directory.contact", "name") is Level.PERSONAL
    assert classification.level("casework.whatmatters", "text") is Level.SPECIAL


def test_a_field_cannot_be_classified_twice() -> None:
    with pytest.raises(ImproperlyConfigured):
        classification.levels(personal="email", not_personal="email")
