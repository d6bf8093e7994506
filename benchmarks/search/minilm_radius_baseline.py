"""Plain all-MiniLM-L6-v2 cosine similarity with a 40 km radius, scored on an independent
relevance set that has the `evaluate.py` scorer of tests/search/relevance_independent/.

The comparison the issue asks for: services within 40 km of the query's postcode (services
with no location always qualify), ranked by cosine similarity of the shipped int8 MiniLM
between the query and the service's name and description. Prints the summary only.

    python benchmarks/search/minilm_radius_baseline.py PATH/TO/relevance_independent
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from linkwork.search.embedding.runtime import DEFAULT_MODEL_DIR, OnnxEmbedder  # noqa: E402

RADIUS_KM = 40


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    print(json.dumps(baseline(args.folder), indent=1))


def baseline(folder: Path) -> dict:
    """The summary (nDCG@10 overall and by category) of the baseline on the set in folder."""
    spec = importlib.util.spec_from_file_location("scorer", folder / "evaluate.py")
    scorer = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(scorer)  # type: ignore[union-attr]
    queries = json.loads((folder / "queries.json").read_text())["queries"]
    directory = json.loads((folder / "directory.json").read_text())
    import csv
    import gzip

    with gzip.open(scorer.POSTCODES, "rt") as f:
        where = {
            r["postcode"]: (float(r["latitude"]), float(r["longitude"]))
            for r in csv.DictReader(f)
            if r["latitude"]
        }
    model = OnnxEmbedder(DEFAULT_MODEL_DIR, DEFAULT_MODEL_DIR / "model.int8.onnx")
    services = directory["contents"]
    matrix = model.encode([f"{s['name']}. {s.get('description', '')}" for s in services])
    points = []
    for s in services:
        locs = [sal["location"] for sal in s.get("service_at_locations", [])]
        points.append((locs[0]["latitude"], locs[0]["longitude"]) if locs else None)
    rankings = {}
    for q in queries:
        sims = matrix @ model.encode_one(q["text"])
        origin = where.get(q["postcode"]) if q["postcode"] else None
        order = []
        for i in np.argsort(-sims):
            p = points[i]
            if origin and p and scorer.km(*origin, *p) > RADIUS_KM:
                continue
            order.append(services[i]["id"])
            if len(order) == scorer.K:
                break
        rankings[q["id"]] = order
    report = scorer.summarise(f"baseline:minilm-cosine({RADIUS_KM}km)", queries, rankings, [])
    report.pop("per_query")
    return report


if __name__ == "__main__":
    main()
