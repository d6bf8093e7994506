"""Print (or email) a one-time link with which an account sets up its second factor.

For the first administrator of a new installation (made with `createsuperuser`, with no one
else to send a link) and for an operator helping someone whose email is not working. Whoever
can run this on the server already holds the database, so it grants nothing new.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from linkwork.core import audit, enrolment
from linkwork.core.models import User


class Command(BaseCommand):
    help = "Print a one-time two-factor set-up link for USERNAME (or --email it to them)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--email", action="store_true", help="Email the link to the account's address."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active account with the username {options['username']!r}.")
        if options["email"]:
            if not enrolment.send_link(user=user, by=None):
                raise CommandError("The account has no email address, or sending failed.")
            self.stdout.write("Set-up link emailed.")
            return
        audit.record(
            audit.Action.UPDATE, user, actor=None, detail={"status": "enrolment_link_printed"}
        )
        self.stdout.write(enrolment.link_url(user))
