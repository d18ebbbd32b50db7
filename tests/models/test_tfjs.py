"""The TF.js -> ONNX converter: GEAR converted matches a plain numpy run of the TF.js graph."""

from __future__ import annotations

import base64
import hashlib
import json
import tarfile
from pathlib import Path

import numpy as np
import onnxruntime
import pytest

from pixmill.models import tfjs
from pixmill.models.manifest import HUMAN_MODELS, TFJS_OUTPUTS, model
from tests.models.conftest import cached_carrier


@pytest.fixture(scope="module")
def gear_json(tmp_path_factory) -> Path:
    archive = cached_carrier(HUMAN_MODELS)
    target = tmp_path_factory.mktemp("gear")
    with tarfile.open(archive) as tar:
        for member in model("face-gear").members:
            (target / Path(member).name).write_bytes(tar.extractfile(member).read())
    return target / "gear.json"


def _reference(graph: dict, weights: dict[str, np.ndarray], x: np.ndarray) -> dict:
    """Execute the TF.js graph op by op in NHWC with numpy, independently of the converter."""
    values: dict[str, np.ndarray] = {}
    for node in graph["modelTopology"]["node"]:
        op, name, inputs = node["op"], node["name"], node.get("input", [])
        if op == "Const":
            values[name] = weights[name]
        elif op == "Placeholder":
            values[name] = x
        elif op == "_FusedConv2D":
            data, kernel, bias = (values[i] for i in inputs)
            kh, kw = kernel.shape[:2]
            windows = np.lib.stride_tricks.sliding_window_view(data, (kh, kw), axis=(1, 2))
            values[name] = np.maximum(
                np.tensordot(windows, kernel, ([3, 4, 5], [2, 0, 1])) + bias, 0
            )
        elif op == "_FusedMatMul":
            data, matrix, bias = (values[i] for i in inputs)
            out = data @ matrix + bias
            fused = node["attr"]["fused_ops"]["list"]["s"]
            relu = base64.b64encode(b"Relu").decode() in fused
            values[name] = np.maximum(out, 0) if relu else out
        elif op == "Mul":
            values[name] = values[inputs[0]] * values[inputs[1]]
        elif op == "Add":
            values[name] = values[inputs[0]] + values[inputs[1]]
        elif op == "MaxPool":
            data = values[inputs[0]]
            n, h, w, c = data.shape
            trimmed = data[:, : h // 2 * 2, : w // 2 * 2]
            values[name] = trimmed.reshape(n, h // 2, 2, w // 2, 2, c).max(axis=(2, 4))
        elif op == "Max":
            values[name] = values[inputs[0]].max(axis=(1, 2))
        elif op == "Softmax":
            z = np.exp(values[inputs[0]] - values[inputs[0]].max(axis=-1, keepdims=True))
            values[name] = z / z.sum(axis=-1, keepdims=True)
        elif op == "Identity":
            values[name] = values[inputs[0]]
        else:
            raise AssertionError(op)
    return values


def test_converted_gear_matches_the_graph_run_in_numpy(gear_json, tmp_path):
    data = tfjs.convert(gear_json, TFJS_OUTPUTS["face-gear"])
    (tmp_path / "gear.onnx").write_bytes(data)
    session = onnxruntime.InferenceSession(str(tmp_path / "gear.onnx"))
    x = np.random.default_rng(5).random((1, 198, 198, 3), dtype=np.float32)
    age, gender = session.run(["age", "gender"], {"input_1_nhwc": x})
    graph = json.loads(gear_json.read_text())
    weights = tfjs.read_weights(graph["weightsManifest"], gear_json.parent)
    expected = _reference(graph, weights, x.astype(np.float64))
    assert np.allclose(age, expected["Identity"], atol=1e-4)
    assert np.allclose(gender, expected["Identity_1"], atol=1e-4)


def test_conversion_is_byte_for_byte_repeatable_and_matches_the_pin(gear_json):
    first = tfjs.convert(gear_json, TFJS_OUTPUTS["face-gear"])
    assert first == tfjs.convert(gear_json, TFJS_OUTPUTS["face-gear"])
    assert hashlib.sha256(first).hexdigest() == model("face-gear").sha256


DIMS = [{"size": "1"}, {"size": "4"}, {"size": "4"}, {"size": "3"}]


def test_an_unsupported_op_is_refused_by_name(tmp_path):
    spec = {
        "format": "graph-model",
        "modelTopology": {
            "node": [
                {
                    "name": "x",
                    "op": "Placeholder",
                    "attr": {
                        "shape": {
                            "shape": {
                                "dim": [{"size": "1"}, {"size": "4"}, {"size": "4"}, {"size": "3"}]
                            }
                        }
                    },
                },
                {"name": "y", "op": "Conv3D", "input": ["x"]},
            ]
        },
        "weightsManifest": [],
    }
    (tmp_path / "odd.json").write_text(json.dumps(spec))
    with pytest.raises(ValueError, match="Conv3D"):
        tfjs.convert(tmp_path / "odd.json", {"out": "y"})


def test_a_layers_model_is_refused(tmp_path):
    (tmp_path / "layers.json").write_text(json.dumps({"format": "layers-model"}))
    with pytest.raises(ValueError, match=r"not a TF\.js graph model"):
        tfjs.convert(tmp_path / "layers.json", {})
