"""Load the embedding model once and turn texts into unit vectors.

The default model is a static (model2vec) distillation of all-MiniLM-L6-v2 shipped inside the
package (`search/data/minilm-static/`, built by `scripts/build_static_embeddings.py`). Nothing
is ever downloaded. `LINKWORK_EMBEDDING_MODEL` may point at another directory holding the same
files (`embeddings.npy`, `vocab.txt`, `config.json`).
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import numpy as np

from linkwork.search.embedding.wordpiece import WordPieceTokenizer

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "minilm-static"
ENV_VAR = "LINKWORK_EMBEDDING_MODEL"


class EmbeddingModelMissing(RuntimeError):
    """The configured model directory does not hold a usable model."""


def model_path() -> Path:
    configured = os.environ.get(ENV_VAR, "").strip()
    return Path(configured).expanduser().resolve() if configured else DEFAULT_MODEL_DIR


class Embedder:
    """Static sentence embeddings: the mean of per-token vectors, normalised to length 1."""

    def __init__(self, directory: Path) -> None:
        try:
            config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
            vocab = (directory / "vocab.txt").read_text(encoding="utf-8").split("\n")
            matrix = np.load(directory / "embeddings.npy")
        except (OSError, ValueError) as exc:
            raise EmbeddingModelMissing(
                f"No static embedding model in {directory} ({exc}). Set {ENV_VAR} to a "
                "directory made by scripts/build_static_embeddings.py, or unset it."
            ) from exc
        if vocab and vocab[-1] == "":
            vocab.pop()
        if len(vocab) != matrix.shape[0]:
            raise EmbeddingModelMissing(f"{directory}: vocabulary and matrix sizes differ")
        self.directory = directory
        self.name = str(config.get("name", directory.name))
        self.dimensions = int(matrix.shape[1])
        self.tokenizer = WordPieceTokenizer(vocab)
        self._matrix = matrix.astype(np.float32)

    def encode(self, texts: list[str]) -> np.ndarray:
        """One float32 row of length 1 (or all zeros for text with no known token) per text."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            ids = self.tokenizer.encode(text)
            if self.tokenizer.unk_id is not None:
                ids = [i for i in ids if i != self.tokenizer.unk_id]
            if not ids:
                continue
            vector = self._matrix[ids].mean(axis=0)
            norm = float(np.linalg.norm(vector))
            if norm > 0:
                out[row] = vector / norm
        return out

    def encode_one(self, text: str) -> np.ndarray:
        return self.encode([text])[0]


_lock = threading.Lock()
_embedder: Embedder | None = None


def get_embedder() -> Embedder:
    """The process-wide model, loaded on first use (about 0.1 s)."""
    global _embedder
    if _embedder is None:
        with _lock:
            if _embedder is None:
                _embedder = Embedder(model_path())
    return _embedder


def reset_embedder() -> None:
    """Forget the loaded model (tests that change LINKWORK_EMBEDDING_MODEL)."""
    global _embedder
    with _lock:
        _embedder = None
