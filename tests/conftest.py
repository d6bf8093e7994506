"""Suite-wide test settings. Factories live with each app's tests; nothing here builds data."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings: pytest.FixtureRequest) -> None:
    # Hashing is deliberately slow; tests do not need it to be.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_report_header(config: pytest.Config) -> str:
    return f"linkwork database: {os.environ.get('LINKWORK_TEST_DB', 'sqlite')}"
