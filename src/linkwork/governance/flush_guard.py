"""When may `flush` empty the append-only audit log? Only in Django's test environment."""

from __future__ import annotations

from django.core import mail


def in_test_environment() -> bool:
    """django.test.utils.setup_test_environment() installs mail.outbox; nothing else does."""
    return hasattr(mail, "outbox")
