"""Time the paged case lists, find a person and the managers' oversight pages (server time,
in process, through Django's test client) on whatever data is loaded (run after generate-demo).
"""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from linkwork.core.roles import DEMO_USERNAMES, Role


class Command(BaseCommand):
    help = "Benchmark case lists, find a person and oversight (run after generate-demo)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--runs", type=int, default=20)
        parser.add_argument(
            "--add-people",
            type=int,
            default=0,
            help="first add this many people with cases (1%% at the demo worker's practices)",
        )

    def _time(
        self, client: Client, name: str, url: str, data: dict[str, str] | None, runs: int
    ) -> None:
        send = (lambda: client.post(url, data)) if data is not None else (lambda: client.get(url))
        send()  # warm
        times = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = send()
                times.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise CommandError(f"{name}: HTTP {response.status_code}")
        times.sort()
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        self.stdout.write(
            f"{name:28} median {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  "
            f"queries {len(ctx.captured_queries)}"
        )

    @staticmethod
    def _sign_in(client: Client, user: Any) -> None:
        """A finished sign-in, second factor included (the pages refuse a session without
        one): the session names the user's confirmed authenticator, as after a real code."""
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from linkwork.core.two_factor import TOTP_DEVICE_NAME

        client.force_login(user)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    def _grow(self, n_people: int) -> None:
        """Grow the demo to a chosen size (between the small and national scales) with the
        national demo's mix: 8 encounters per engaged case, 1% at the demo worker's practices."""
        from linkwork.casework import demo

        started = time.perf_counter()
        with transaction.atomic():
            demo.add_people(
                n_people,
                per_case=demo.SCALES["national"][1],
                home_share=0.01,
                rng=random.Random(f"bench-{n_people}"),
                stdout=self.stdout,
            )
        self.stdout.write(f"added {n_people:,} people in {time.perf_counter() - started:.0f} s")

    def handle(self, *args: Any, **options: Any) -> None:
        from linkwork.casework.models import Case, Person
        from linkwork.core.models import User

        if options["add_people"]:
            self._grow(options["add_people"])
        worker = User.objects.filter(username=DEMO_USERNAMES[Role.LINK_WORKER]).first()
        manager = User.objects.filter(username=DEMO_USERNAMES[Role.PROGRAMME_MANAGER]).first()
        if worker is None or manager is None:
            raise CommandError("No demo accounts: run `linkwork generate-demo` first.")
        case = Case.objects.filter(link_worker=worker).select_related("person").first()
        if case is None:
            raise CommandError("The demo link worker holds no case.")
        person = case.person
        runs = options["runs"]
        self.stdout.write(
            f"{Person.objects.count():,} people, {Case.objects.count():,} cases, "
            f"{Case.objects.filter(link_worker=worker).count():,} held by the demo link worker, "
            f"{connection.vendor}"
        )
        client = Client()
        self._sign_in(client, worker)
        for name, url in [
            ("my cases, page 1", "/casework/my-cases/"),
            ("my cases, by name, page 3", "/casework/my-cases/?sort=name&page=3"),
            ("my cases, overdue", "/casework/my-cases/?follow_up=overdue"),
            ("caseload", "/casework/"),
            ("triage and waiting list", "/casework/triage/"),
            ("triage, later pages", "/casework/triage/?queue_page=3&waiting_page=3&sort=name"),
        ]:
            self._time(client, name, url, None, runs)
        for name, text in [
            ("find by family name", person.family_name),
            ("find by CHI", person.chi or "0101010000"),
            (
                "find by date of birth",
                f"{person.date_of_birth:%d/%m/%Y}" if person.date_of_birth else "1/1/1950",
            ),
        ]:
            self._time(client, name, "/casework/find/", {"query": text}, runs)
        editor = User.objects.filter(username=DEMO_USERNAMES[Role.COMMUNITY_EDITOR]).first()
        if editor is not None:
            self._sign_in(client, editor)
            for name, url in [
                ("portal, waiting", "/portal/"),
                ("portal, finished, page 2", "/portal/?show=finished&page=2"),
            ]:
                self._time(client, name, url, None, runs)
        self._sign_in(client, manager)
        self._time(client, "triage, manager", "/casework/triage/", None, runs)
        self._time(client, "oversight", "/casework/oversight/", None, runs)
        self._time(
            client, "oversight, one worker", f"/casework/oversight/workers/{worker.pk}/", None, runs
        )
        self._time(
            client,
            "manager find by family name",
            "/casework/find/",
            {"query": person.family_name},
            runs,
        )
