"""Background work of governance (django-tasks). Schedule `verify_audit_chain_task` nightly
(cron or a systemd timer running `linkwork audit-verify --alert` does the same)."""

from __future__ import annotations

from django_tasks import task

from linkwork.governance import integrity


@task()
def verify_audit_chain_task() -> bool:
    """Verify the audit chain; email the DPOs if it is broken. True when intact."""
    return integrity.verify_and_alert().ok
