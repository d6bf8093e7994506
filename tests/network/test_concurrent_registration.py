"""Members asking for the last places at the same moment, from separate processes (as from
separate web workers): never more confirmed than places, everyone else queued in order, and a
freed place goes to exactly one person."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from linkwork.network.models import Registration
from tests.governance.test_audit_concurrency import _environment
from tests.network.factories import EventFactory, member

_WORKER = """
import sys, django
django.setup()
from linkwork.core.models import User
from linkwork.network.models import Event, Registration
from linkwork.network.services import events
action, event_id, user_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
user = User.objects.get(pk=user_id)
event = Event.objects.get(pk=event_id)
print("ready", flush=True)
sys.stdin.readline()
if action == "register":
    events.register(actor=user, event=event)
else:
    events.cancel(actor=user, registration=Registration.objects.get(event=event, user=user))
print("done", flush=True)
"""


def _all_at_once(env: dict[str, str], action: str, event_id: int, user_ids: list[int]) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, action, str(event_id), str(user_id)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for user_id in user_ids
    ]
    for proc in procs:  # every worker is ready before any of them acts
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outcomes = [proc.communicate(timeout=180) for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * len(procs), outcomes


def _statuses(event_id: int, env: dict[str, str]) -> dict[str, list[int]]:
    """Read the outcome the way the workers wrote it (SQLite: from the file they shared)."""
    script = (
        "import django, json; django.setup();"
        "from linkwork.network.models import Registration as R;"
        f"rows = R.objects.filter(event_id={event_id}).order_by('queued_at', 'id');"
        "print(json.dumps([[r.user_id, r.status] for r in rows]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    grouped: dict[str, list[int]] = {}
    for user_id, status in json.loads(out.stdout):
        grouped.setdefault(status, []).append(user_id)
    return grouped


@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_never_overfill_and_a_freed_place_goes_to_one_person(
    tmp_path: Path,
) -> None:
    event = EventFactory(capacity=2)
    people = [member().pk for _ in range(6)]
    env = _environment(tmp_path)

    _all_at_once(env, "register", event.pk, people)
    first = _statuses(event.pk, env)
    assert len(first[Registration.Status.CONFIRMED]) == 2
    assert len(first[Registration.Status.WAITING]) == 4
    assert sorted(first[Registration.Status.CONFIRMED] + first[Registration.Status.WAITING]) == (
        sorted(people)
    )

    _all_at_once(env, "cancel", event.pk, first[Registration.Status.CONFIRMED])
    second = _statuses(event.pk, env)
    assert len(second[Registration.Status.CONFIRMED]) == 2
    # the two who queued first get the freed places
    assert sorted(second[Registration.Status.CONFIRMED]) == sorted(
        first[Registration.Status.WAITING][:2]
    )
    assert len(second[Registration.Status.WAITING]) == 2
    assert len(second[Registration.Status.CANCELLED]) == 2
