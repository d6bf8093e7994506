from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import linkwork
from linkwork.config import env_bool, production_problems


def _check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}
    }
    # The linkwork under test (this checkout's src/), not whichever one is installed.
    src = str(Path(linkwork.__file__).resolve().parents[1])
    return subprocess.run(
        [sys.executable, "-m", "linkwork", "check"],
        env={**clean, "PYTHONPATH": src, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_and_says_why(tmp_path):
    result = _check({"LINKWORK_ENV": "production", "LINKWORK_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "ALLOWED_HOSTS" in result.stderr
    assert "DATABASE_URL" in result.stderr


def test_production_refuses_debug_and_sqlite():
    problems = production_problems(
        secret_key="x" * 50,
        debug=True,
        allowed_hosts=["linkwork.scot"],
        database_url="sqlite:///db.sqlite3",
    )
    assert any("DEBUG" in p for p in problems)
    assert any("SQLite" in p for p in problems)


def test_secure_production_configuration_has_no_problems():
    assert (
        production_problems(
            secret_key="k" * 60,
            debug=False,
            allowed_hosts=["linkwork.scot"],
            database_url="postgres://u@db/linkwork",
            email_url="smtp+tls://mailer:pw@smtp.example.org:587",
        )
        == []
    )


@pytest.mark.parametrize("email_url", [None, "", "console://"])
def test_production_refuses_the_console_email_backend_and_says_how_to_fix(email_url):
    problems = production_problems(
        secret_key="k" * 60,
        debug=False,
        allowed_hosts=["linkwork.scot"],
        database_url="postgres://u@db/linkwork",
        email_url=email_url,
    )
    assert any("EMAIL_URL" in p and "smtp+tls://" in p for p in problems)


def test_production_start_fails_loudly_without_email_url(tmp_path):
    result = _check(
        {
            "LINKWORK_ENV": "production",
            "LINKWORK_VAR_DIR": str(tmp_path),
            "SECRET_KEY": "k" * 60,
            "ALLOWED_HOSTS": "linkwork.scot",
            "DATABASE_URL": "postgres://u@db/linkwork",
            "EMAIL_URL": "",
        }
    )
    assert result.returncode != 0
    assert "EMAIL_URL is not set" in result.stderr


def test_local_generates_a_secret_key_once_into_the_var_dir(tmp_path):
    result = _check({"LINKWORK_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    _check({"LINKWORK_VAR_DIR": str(tmp_path)})
    assert (tmp_path / "secret_key").read_text() == key


def test_unknown_environment_name_is_refused(tmp_path):
    result = _check({"LINKWORK_ENV": "staging", "LINKWORK_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "LINKWORK_ENV" in result.stderr


@pytest.mark.parametrize("raw,expected", [("1", True), ("true", True), ("no", False), ("", False)])
def test_env_bool_reads_yes_no_words(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG") is expected


def test_env_bool_rejects_nonsense(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG")
