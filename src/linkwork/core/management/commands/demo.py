from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from linkwork.core.demo import DEMO_PASSWORD, demo_accounts
from linkwork.core.two_factor import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = (
        "Migrate, load places and demo data if the database is empty, print the demo accounts, "
        "and serve on 127.0.0.1:8000."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="Set up, then stop")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        from linkwork.places.models import Postcode

        call_command("migrate", interactive=False, verbosity=0)
        if not Postcode.objects.exists():
            self.stdout.write("Loading places (the shipped pack of real Scottish geography)...")
            call_command("load-places")
        if not demo_accounts().exists():
            self.stdout.write("Generating demo data...")
            call_command("generate-demo", scale="small", seed=options["seed"])
        self.stdout.write(f"\nDemo accounts (password for all: {DEMO_PASSWORD}):")
        if not settings.IS_PRODUCTION:  # never print a shared secret for a real service
            self.stdout.write(
                "Two-factor set-up key for all (add it to an authenticator app): "
                f"{DEMO_TOTP_SECRET}\n"
                "or run `linkwork demo-code` for the current 6-digit code."
            )
        for user in demo_accounts():
            roles = ", ".join(sorted(user.role_names()))
            self.stdout.write(f"  {user.username:<20} {roles}")
        self.stdout.write("")
        if not options["no_serve"]:
            call_command("runserver", options["addrport"], use_reloader=False)
