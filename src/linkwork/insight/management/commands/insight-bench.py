"""`linkwork insight-bench`: server time of each insight page for the demo programme manager,
rendered through Django's test client: median and 95th percentile over --runs, and the median
CPU time of this process (which, on SQLite, includes the database's work), and the machine's
one-minute load average when the page's runs ended, with the median time spent waiting for
the database and the number of queries of the last run (on a shared machine, wall time is mostly
waiting for a CPU when the load is above the number of cores). Used by
benchmarks/insight/bench_insight.py; figures in docs/performance-insight.md."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

PAGES = [
    ("activity", "insight:activity", {}),
    ("reach", "insight:reach", {}),
    ("outcomes", "insight:outcomes", {}),
    ("gaps (council areas)", "insight:gaps", {"level": "council_area"}),
    ("gaps (intermediate zones)", "insight:gaps", {"level": "intermediate_zone"}),
    ("report page", "insight:report", {}),
    ("report PDF", "insight:report_pdf", {}),
    ("CSV of every aggregate", "insight:export_csv", {}),
]


class QueryTimer:
    """Wall time spent waiting for the database (each query's round trip, PostgreSQL's work
    included) and the number of queries, during one request."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.queries = 0

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.queries += 1


class Command(BaseCommand):
    help = "Time each insight page for the demo programme manager."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--runs", type=int, default=5)
        parser.add_argument("--user", default="demo-manager")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"no user {options['user']!r}: run generate-demo first")
        client = Client(SERVER_NAME="localhost")
        client.force_login(user)
        # A finished sign-in proves a second factor too: the demo account's authenticator.
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            raise CommandError(f"{options['user']!r} has no authenticator: run generate-demo")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        self.stdout.write(
            f"{'page':<28} {'median s':>9} {'p95 s':>9} {'cpu s':>7} {'db s':>7} "
            f"{'queries':>7} {'status':>7} {'load':>6}"
        )
        for label, name, params in PAGES:
            runs = options["runs"] if "PDF" not in label else max(1, options["runs"] // 2)
            times = []
            cpu = []
            database: list[float] = []
            status = 0
            for _ in range(runs):
                timer = QueryTimer()
                started, cpu_started = time.perf_counter(), time.process_time()
                with connection.execute_wrapper(timer):
                    response = client.get(reverse(name), params)
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - cpu_started)
                database.append(timer.seconds)
                status = response.status_code
                if status != 200:
                    raise CommandError(f"{label}: HTTP {status}, not a page to time")
            times.sort()
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            self.stdout.write(
                f"{label:<28} {statistics.median(times):>9.3f} {p95:>9.3f} "
                f"{statistics.median(cpu):>7.3f} {statistics.median(database):>7.3f} "
                f"{timer.queries:>7} {status:>7} {os.getloadavg()[0]:>6.1f}"
            )
