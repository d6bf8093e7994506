"""`linkwork score INSTRUMENT --answers a,b,c,...`: score answers with the app's own code.

Prints the result as JSON. Exit status 2 when the answers cannot be scored at all (wrong count,
out of range, not whole numbers) or the instrument is unknown; a missing item (an empty value)
is not an error: the instrument's missing-item rule decides, and the JSON says why.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from linkwork.outcomes import definitions
from linkwork.outcomes.scoring import AnswerError, parse_answers, score
from linkwork.outcomes.value_sets import ValueSetError, configured_value_set, load_value_set


class Command(BaseCommand):
    help = "Score an outcome measure from its item values, printing the result as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("instrument", nargs="?", help="instrument code, e.g. phq9")
        parser.add_argument(
            "--answers",
            help="item values in questionnaire order, comma separated; leave a value empty "
            "for a missing item (e.g. 1,,2)",
        )
        parser.add_argument("--list", action="store_true", help="list the instruments")
        parser.add_argument(
            "--value-set", help="EQ-5D-5L value set CSV (profile,index) for the index value"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            for inst in definitions.all_instruments():
                scores = ", ".join(s.key for s in inst.scores)
                n = len(inst.items)
                items = f"{n} item" if n == 1 else f"{n} items"
                self.stdout.write(f"{inst.code}\t{inst.short_name}\t{items}\tscores: {scores}")
            return
        if not options["instrument"] or options["answers"] is None:
            raise CommandError(
                "give an instrument and --answers (or --list to see the instruments)",
                returncode=2,
            )
        try:
            inst = definitions.get(options["instrument"])
        except definitions.UnknownInstrument as exc:
            raise CommandError(str(exc), returncode=2) from None
        try:
            value_set = None
            if options["value_set"]:
                value_set = load_value_set(options["value_set"])
            elif inst.needs_value_set:
                value_set = configured_value_set()
            answers = parse_answers(inst, options["answers"])
        except (AnswerError, ValueSetError) as exc:
            raise CommandError(str(exc), returncode=2) from None
        result = score(inst, answers, value_set=value_set)
        self.stdout.write(json.dumps(result.as_dict()))
