from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from linkwork.casework.models import Person
from linkwork.governance import subject_access


class Command(BaseCommand):
    help = (
        "Write everything held about a person (subject access, UK GDPR art. 15) to "
        "OUTDIR/subject-access.json and OUTDIR/subject-access.pdf; logs the request as fulfilled."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("person_id", type=int, help="The person's record number")
        parser.add_argument("outdir", type=Path, help="Directory to write the two files to")

    def handle(self, *args: Any, **options: Any) -> None:
        person = Person.objects.filter(pk=options["person_id"]).first()
        if person is None:
            raise CommandError(f"No person with record number {options['person_id']}.")
        outdir: Path = options["outdir"]
        outdir.mkdir(parents=True, exist_ok=True)
        request, data = subject_access.fulfil_from_command_line(person=person)
        (outdir / "subject-access.json").write_bytes(subject_access.to_json(data))
        (outdir / "subject-access.pdf").write_bytes(subject_access.to_pdf(data))
        self.stdout.write(
            f"Wrote subject-access.json and subject-access.pdf to {outdir} "
            f"(request received {request.received_on}, due {request.due_on})."
        )
