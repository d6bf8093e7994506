"""Send appointment reminders for booked contacts in the next 24 hours."""

from typing import Any

from django.core.management.base import BaseCommand

from linkwork.casework.reminders import send_appointment_reminders


class Command(BaseCommand):
    help = "Send appointment reminders (SMS/email) for contacts booked in the next 24 hours."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_appointment_reminders(within_hours=options["hours"])
        self.stdout.write(f"{sent} reminders sent")
