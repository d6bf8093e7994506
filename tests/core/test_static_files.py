"""Production static files: collected with content hashes in their names and compressed, and
pages link to the hashed names (so browsers may cache them for a year)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "linkwork.core.static_storage.StaticStorage"},
}


@pytest.mark.django_db
def test_collected_static_files_are_hashed_compressed_and_linked(
    tmp_path: Path, client: Client
) -> None:
    with override_settings(STORAGES=PRODUCTION_STORAGES, STATIC_ROOT=tmp_path):
        call_command("collectstatic", interactive=False, verbosity=0)
        hashed = list((tmp_path / "linkwork" / "css").glob("app.*.css"))
        assert hashed, "app.css was not collected under a hashed name"
        assert Path(f"{hashed[0]}.gz").exists()
        page = client.get("/").content.decode()
    assert re.search(r"/static/linkwork/css/app\.[0-9a-f]{12}\.css", page)
    assert re.search(r"/static/vendor/sgds/css/design-system\.min\.[0-9a-f]{12}\.css", page)
