from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_store(settings: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """Each test keeps its uploaded files in its own private store."""
    root = tmp_path / "private-network"
    settings.NETWORK_PRIVATE_ROOT = str(root)
    return root
