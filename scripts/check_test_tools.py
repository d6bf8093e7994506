"""Before the suite runs: say which external tools the tests need and whether they are here.
With CI=true a missing PostgreSQL or Chromium is a failure, never a silent skip."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from with_postgres import find_bin

CHROMIUM = os.environ.get("LINKWORK_CHROMIUM", "/usr/bin/chromium")

missing = []
if not (find_bin("initdb") and find_bin("pg_ctl")):
    missing.append("PostgreSQL (apt-get install postgresql)")
if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
    missing.append("Chromium (apt-get install chromium)")
for item in missing:
    print(f"missing: {item}")
if missing and os.environ.get("CI") == "true":
    print("CI=true: these tools are required; the browser or PostgreSQL tests would not run.")
    sys.exit(1)
if not missing:
    print("test tools: PostgreSQL and Chromium present")
