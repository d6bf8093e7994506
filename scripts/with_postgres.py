"""Run a command against a throwaway PostgreSQL cluster: initdb + pg_ctl on a free local port in
a temporary directory, torn down afterwards. DATABASE_URL points the command at it.

    python scripts/with_postgres.py -- pytest -m "not e2e"

Without PostgreSQL binaries it says so and exits 0 (skipping the run), except when CI=true,
where a missing PostgreSQL is a failure.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path


def find_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres_user() -> tuple[list[str], int | None, int | None]:
    """initdb refuses to run as root: run the server as the `postgres` user when we are root."""
    if os.geteuid() != 0:
        return [], None, None
    try:
        pw = pwd.getpwnam("postgres")
    except KeyError:
        sys.exit("Running as root needs a 'postgres' user to own the test cluster.")
    runuser = shutil.which("runuser") or "runuser"
    return [runuser, "-u", "postgres", "--"], pw.pw_uid, pw.pw_gid


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
    if not (initdb and pg_ctl):
        raise FileNotFoundError("PostgreSQL binaries (initdb, pg_ctl) not found")
    prefix, uid, gid = _as_postgres_user()
    tmp = Path(tempfile.mkdtemp(prefix="linkwork-pg-"))
    data, sock = tmp / "data", tmp / "sock"
    sock.mkdir()
    if uid is not None:
        os.chown(tmp, uid, gid or -1)
        os.chown(sock, uid, gid or -1)
    port = free_port()
    try:
        subprocess.run(
            [
                *prefix,
                initdb,
                "-D",
                str(data),
                "-U",
                "linkwork",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "-N",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        opts = (
            f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        subprocess.run(
            [*prefix, pg_ctl, "-D", str(data), "-o", opts, "-w", "-l", str(tmp / "log"), "start"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        yield f"postgres://linkwork@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str]) -> int:
    if "--" not in argv:
        print(__doc__)
        return 2
    command = argv[argv.index("--") + 1 :]
    try:
        with throwaway_cluster() as url:
            print(f"PostgreSQL test cluster at {url}", flush=True)
            env = {**os.environ, "DATABASE_URL": url, "LINKWORK_TEST_DB": "postgresql"}
            return subprocess.call(command, env=env)
    except FileNotFoundError as exc:
        if os.environ.get("CI") == "true":
            print(f"FAILED: {exc}; CI must run the PostgreSQL suite.", file=sys.stderr)
            return 1
        print(f"SKIPPED the PostgreSQL run: {exc} (install postgresql to run it).")
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
