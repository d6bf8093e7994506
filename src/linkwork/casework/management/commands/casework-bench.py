"""Time the caseload and case pages for the demo link worker (server time, in process)."""

from __future__ import annotations

import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


class Command(BaseCommand):
    help = "Benchmark the caseload and case pages (run after generate-demo)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--runs", type=int, default=20)
        parser.add_argument("--username", default="demo-link-worker")

    def handle(self, *args: Any, **options: Any) -> None:
        from linkwork.casework.models import Case, Encounter, Person
        from linkwork.core.models import User

        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError("No demo link worker: run `linkwork generate-demo` first.")
        case = Case.objects.filter(link_worker=user, status="active").order_by("-id").first()
        if case is None:
            raise CommandError("The demo link worker has no active case.")
        self.stdout.write(
            f"{Person.objects.count():,} people, {Encounter.objects.count():,} encounters, "
            f"{connection.vendor}"
        )
        client = Client()
        client.force_login(user)
        for name, url in [
            ("caseload", "/casework/"),
            ("case page", f"/casework/cases/{case.pk}/"),
            ("triage", "/casework/triage/"),
        ]:
            client.get(url)  # warm
            times = []
            for _ in range(options["runs"]):
                with CaptureQueriesContext(connection) as ctx:
                    start = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            times.sort()
            p95 = times[max(0, int(len(times) * 0.95) - 1)]
            self.stdout.write(
                f"{name:10} median {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  "
                f"queries {len(ctx.captured_queries)}"
            )
