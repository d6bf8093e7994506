"""Reading configuration from the environment, failing loudly with a way to fix it."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a yes/no value: use 1/0, true/false.")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def local_secret_key(var_dir: Path) -> str:
    """A secret generated once into the var dir, so local sessions survive restarts."""
    path = var_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


def env_int(name: str, default: int, *, minimum: int = 1) -> int:
    """A whole number from the environment, at least `minimum`, or a clear error."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        value = minimum - 1
    if value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} must be a whole number of at least {minimum}.")
    return value


def production_problems(
    *,
    secret_key: str | None,
    debug: bool,
    allowed_hosts: list[str],
    database_url: str | None,
    email_url: str | None = None,
) -> list[str]:
    """Everything that makes a production configuration insecure, each with its fix."""
    problems = []
    if not secret_key:
        problems.append("SECRET_KEY is not set: set it to a long random value.")
    elif len(secret_key) < 40 or secret_key.startswith("django-insecure"):
        problems.append("SECRET_KEY is too weak: use at least 40 random characters.")
    if debug:
        problems.append("DEBUG is on: unset DEBUG (it must be off in production).")
    if not allowed_hosts or "*" in allowed_hosts:
        problems.append("ALLOWED_HOSTS must list the site's host names (no '*').")
    if not database_url:
        problems.append("DATABASE_URL is not set: production needs PostgreSQL.")
    elif database_url.startswith("sqlite"):
        problems.append("DATABASE_URL points to SQLite: production needs PostgreSQL.")
    if not email_url or email_url.strip().lower().startswith("console"):
        # Password-reset links would be printed to the server log instead of being sent.
        problems.append(
            "EMAIL_URL is not set (mail would go to the console): set it to "
            "smtp+tls://USER:PASSWORD@HOST:587 (or smtp://HOST:25) for your mail relay."
        )
    return problems
