"""Write answers.csv from the two hand-written source files (shuffled, fixed seed).

Source format: a line `# theme_name` starts a theme; every other non-blank line is one
answer of that theme; an answer ending in `[[other_theme]]` also touches `other_theme`.

    python benchmarks/engagement/independent_3/build_answers.py
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = (
    (
        "growing-older",
        "What would make your neighbourhood a better place to grow older?",
        "G",
        HERE / "source_growing_older.txt",
    ),
    (
        "link-worker-gathering",
        "Breakout tables: what helps link workers do their job well?",
        "W",
        HERE / "source_link_worker_gathering.txt",
    ),
)
SECOND = re.compile(r"\s*\[\[(\w+)\]\]\s*$")


def read_source(path: Path) -> list[tuple[str, str, str]]:
    """(text, theme, second_theme) for every answer in a source file."""
    rows: list[tuple[str, str, str]] = []
    theme = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("# "):
            theme = line[2:].strip()
            continue
        if not theme:
            raise ValueError(f"{path.name} line {number}: answer before any '# theme' line")
        second = ""
        found = SECOND.search(line)
        if found:
            second = found.group(1)
            line = line[: found.start()]
        rows.append((line, theme, second))
    return rows


def main() -> None:
    out: list[list[str]] = []
    for consultation, question, prefix, path in SOURCES:
        rows = read_source(path)
        themes = {t for _, t, _ in rows}
        for text, _, second in rows:
            if second and second not in themes:
                raise ValueError(f"{path.name}: unknown second theme {second!r} for {text!r}")
        texts = [t for t, _, _ in rows]
        if len(set(texts)) != len(texts):
            dupes = sorted({t for t in texts if texts.count(t) > 1})
            raise ValueError(f"{path.name}: duplicate answers {dupes}")
        random.Random(3).shuffle(rows)
        for i, (text, theme, second) in enumerate(rows, start=1):
            out.append([f"{prefix}{i:03d}", consultation, question, text, theme, second])
    with (HERE / "answers.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "consultation", "question", "text", "theme", "second_theme"])
        writer.writerows(out)


if __name__ == "__main__":
    main()
