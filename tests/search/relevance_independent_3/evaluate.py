"""Scorer for the third independent set: the second set's harness pointed at this folder.

    PYTHONPATH=src /work/main/.venv/bin/python tests/search/relevance_independent_3/evaluate.py \
        [--mode hybrid|lexical|semantic|all] [--baseline keyword|minilm|all] [--per-query]

is the same as running tests/search/relevance_independent_2/evaluate.py with
`--set-dir tests/search/relevance_independent_3`. This is not a copy: it loads that module
and exposes its names with HERE set to this folder, so that tools which load a set's scorer
from the set's folder (benchmarks/search/minilm_radius_baseline.py does) find one here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location(
    "relevance_independent_2_evaluate", _HERE.parent / "relevance_independent_2" / "evaluate.py"
)
assert _spec and _spec.loader
_harness = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_harness)
globals().update({k: v for k, v in vars(_harness).items() if not k.startswith("__")})
HERE = _HERE


def main(argv: list[str] | None = None) -> None:  # type: ignore[no-redef]
    args = list(sys.argv[1:] if argv is None else argv)
    if "--set-dir" not in args:
        args += ["--set-dir", str(_HERE)]
    _harness.main(args)


if __name__ == "__main__":
    main()
