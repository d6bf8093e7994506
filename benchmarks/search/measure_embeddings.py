"""Measure the shipped embedding models: agreement of int8 with fp32, speed, and semantic-only
ranking on the relevance set (docs/decisions/0008-transformer-embeddings.md).

    python benchmarks/search/measure_embeddings.py [--fp32 /tmp/fp32.onnx]

`--fp32` is the unquantised graph that `scripts/build_onnx_embeddings.py --keep-fp32` writes.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from linkwork.search.embedding.runtime import (  # noqa: E402
    DEFAULT_MODEL_DIR,
    STATIC_MODEL_DIR,
    Embedder,
    OnnxEmbedder,
    StaticEmbedder,
)
from linkwork.search.evaluation import evaluate, load_relevance_set  # noqa: E402

RELEVANCE = ROOT / "tests/search/relevance"


def service_text(s: dict) -> str:
    return f"{s['name']}. {s.get('summary', '')} {s.get('description', '')}"


def semantic_ndcg(embedder: Embedder) -> tuple[float, float]:
    rel = load_relevance_set(RELEVANCE)
    keys = [s["id"] for s in rel.services]
    matrix = embedder.encode([service_text(s) for s in rel.services])

    def rank(text: str) -> list[str]:
        sims = matrix @ embedder.encode_one(text)
        return [keys[i] for i in np.argsort(-sims)[:50]]

    scores = evaluate(rank, rel.queries)
    return scores.ndcg10, scores.recall20


def speed(embedder: Embedder, texts: list[str]) -> dict[str, float]:
    queries = [
        "lonely since my wife died",
        "cant pay my heating bill",
        "walking group for older people near me",
        "help with debt and money worries",
    ] * 25
    embedder.encode_one("warm up")
    times = []
    for q in queries:
        t = time.perf_counter()
        embedder.encode_one(q)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    t = time.perf_counter()
    embedder.encode(texts)
    per_s = len(texts) / (time.perf_counter() - t)
    return {
        "query_p50_ms": round(statistics.median(times), 2),
        "query_p95_ms": round(times[int(len(times) * 0.95)], 2),
        "services_per_s": round(per_s, 1),
    }


def cold_start() -> float:
    code = (
        "import time;t=time.perf_counter();"
        "from linkwork.search.embedding import get_embedder;"
        "get_embedder().encode(['hello']);print(time.perf_counter()-t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin"},
    )
    return round(float(out.stdout.strip()), 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fp32", type=Path)
    args = parser.parse_args()
    rel = load_relevance_set(RELEVANCE)
    texts = [service_text(s) for s in rel.services]
    int8 = OnnxEmbedder(DEFAULT_MODEL_DIR, DEFAULT_MODEL_DIR / "model.int8.onnx")
    models: dict[str, Embedder] = {"onnx int8 per channel": int8}
    if args.fp32:
        models["onnx fp32"] = OnnxEmbedder(DEFAULT_MODEL_DIR, args.fp32)
    models["static (fallback)"] = StaticEmbedder(STATIC_MODEL_DIR)
    if args.fp32:
        a, b = models["onnx int8 per channel"].encode(texts), models["onnx fp32"].encode(texts)
        cos = (a * b).sum(axis=1)
        print(
            f"int8 vs fp32 cosine over {len(texts)} services: "
            f"mean {cos.mean():.4f}, min {cos.min():.4f}"
        )
    for name, model in models.items():
        ndcg, recall = semantic_ndcg(model)
        print(
            name,
            {
                "semantic_ndcg10": round(ndcg, 3),
                "recall20": round(recall, 3),
                **speed(model, texts),
            },
        )
    print("cold start (fresh process, import + load + one sentence) s:", cold_start())
    size = (DEFAULT_MODEL_DIR / "model.int8.onnx").stat().st_size / 1e6
    print(f"model file {size:.1f} MB")


if __name__ == "__main__":
    main()
