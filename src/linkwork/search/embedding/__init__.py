"""Sentence embeddings for semantic matching (see docs/decisions/0001-embedding-runtime.md)."""

from linkwork.search.embedding.runtime import (
    Embedder,
    OnnxEmbedder,
    StaticEmbedder,
    get_embedder,
    model_path,
)

__all__ = ["Embedder", "OnnxEmbedder", "StaticEmbedder", "get_embedder", "model_path"]
