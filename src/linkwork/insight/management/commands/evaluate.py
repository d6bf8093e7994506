"""`linkwork evaluate --input FILE.csv --outcome NAME`: the app's evaluation statistics on a
person-level CSV, so analysts can check them outside the app.

Columns: person_id, practice_id, age, sex (F or M; F is the reference), simd_quintile (1-5),
contacts, engaged (0/1), baseline, followup (empty when missing). Prints JSON with n (people
with a follow-up), excluded, paired_change and the multilevel model's coefficients (baseline,
dose_2, dose_3plus against 1 contact, engaged, age, sex_male, simd_quintile). A CSV that cannot
be read exits with status 2 and a message naming the line, row and column.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from linkwork.insight.evaluation_csv import CSVProblem, evaluate, read


class Command(BaseCommand):
    help = "Evaluate an outcome from a person-level CSV: paired change and multilevel model."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, help="person-level CSV file")
        parser.add_argument("--outcome", required=True, help="name of the outcome (a label)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["input"]
        try:
            with open(path, newline="", encoding="utf-8-sig") as handle:
                frame = read(handle)
        except OSError as exc:
            raise CommandError(f"{path}: cannot be read ({exc.strerror})", returncode=2) from None
        except UnicodeDecodeError:
            raise CommandError(f"{path}: is not UTF-8 text", returncode=2) from None
        except CSVProblem as exc:
            raise CommandError(f"{path}: {exc}", returncode=2) from None
        result = evaluate(frame, outcome=options["outcome"])
        self.stdout.write(json.dumps(result, indent=2))
