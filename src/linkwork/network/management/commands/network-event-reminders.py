from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from linkwork.network.services.events import send_reminders


class Command(BaseCommand):
    help = "Email members with a place at a network event starting within a day (schedule hourly)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_reminders()
        self.stdout.write(f"network: {sent} event reminders sent")
