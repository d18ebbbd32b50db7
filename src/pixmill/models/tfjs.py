"""Convert a small TensorFlow.js graph model to ONNX with numpy and onnx only.

Only what the face-attribute nets need is supported (GEAR: fused conv and matmul, batch-norm as
Mul/Add, max-pooling, a global max, softmax); any other op is refused by name, so a new model
cannot be half-converted silently. The graph is rebuilt in NCHW: one transpose after the NHWC
input, then every op in ONNX's native layout.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

__all__ = ["convert", "read_weights"]

OPSET = 13
_DTYPES = {"float32": np.float32, "int32": np.int32}


def read_weights(manifest: list[dict[str, Any]], directory: Path) -> dict[str, np.ndarray]:
    """Every weight of a TF.js manifest, dequantised to its original dtype."""
    weights: dict[str, np.ndarray] = {}
    for group in manifest:
        data = b"".join((directory / path).read_bytes() for path in group["paths"])
        offset = 0
        for spec in group["weights"]:
            shape = [int(side) for side in spec["shape"]]
            count = int(np.prod(shape)) if shape else 1
            quant = spec.get("quantization")
            if quant and quant["dtype"] == "float16":
                raw = np.frombuffer(data, np.float16, count, offset)
                value = raw.astype(np.float32)
                offset += count * 2
            elif quant:
                kind = np.uint8 if quant["dtype"] == "uint8" else np.uint16
                raw = np.frombuffer(data, kind, count, offset)
                value = (raw * quant["scale"] + quant["min"]).astype(np.float32)
                offset += count * raw.itemsize
            else:
                dtype = _DTYPES[spec["dtype"]]
                value = np.frombuffer(data, dtype, count, offset).copy()
                offset += count * np.dtype(dtype).itemsize
            weights[spec["name"]] = value.reshape(shape)
    return weights


def _attr(node: dict[str, Any], name: str) -> Any:
    value = node.get("attr", {}).get(name, {})
    if "list" in value:
        items = value["list"]
        if "i" in items:
            return [int(i) for i in items["i"]]
        return [base64.b64decode(s).decode() for s in items.get("s", [])]
    if "s" in value:
        return base64.b64decode(value["s"]).decode()
    if "b" in value:
        return bool(value["b"])
    if "i" in value:
        return int(value["i"])
    return None


class _Builder:
    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        self.weights = weights
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[TensorProto] = []
        self.ranks: dict[str, int] = {}

    def const(self, name: str, value: np.ndarray) -> str:
        self.initializers.append(numpy_helper.from_array(value, name))
        return name

    def add(self, op: str, inputs: list[str], output: str, **attrs: Any) -> str:
        self.nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output

    def _channel(self, name: str, tensor: str) -> str:
        """A per-channel constant shaped to broadcast over NCHW (or as is for a 2-D tensor)."""
        value = self.weights[name].astype(np.float32)
        if self.ranks[tensor] == 4 and value.ndim == 1:
            value = value.reshape(-1, 1, 1)
        return self.const(name, value)

    def node(self, node: dict[str, Any]) -> None:
        op, name = node["op"], node["name"]
        inputs = [i.split(":")[0] for i in node.get("input", []) if not i.startswith("^")]
        if op == "Const":
            return
        if op == "Placeholder":
            self.ranks[name] = 4
            self.add("Transpose", [name + "_nhwc"], name, perm=[0, 3, 1, 2])
            return
        if op == "_FusedConv2D":
            self._conv(node, inputs)
        elif op == "_FusedMatMul":
            self._matmul(node, inputs)
        elif op in ("Mul", "Add", "AddV2"):
            data, constant = inputs
            kind = "Mul" if op == "Mul" else "Add"
            self.add(kind, [data, self._channel(constant, data)], name)
            self.ranks[name] = self.ranks[data]
        elif op == "MaxPool":
            self._pool(node, inputs[0])
        elif op == "Max":
            axes = self.weights[inputs[1]].tolist()
            if sorted(axes) != [1, 2] or _attr(node, "keep_dims"):
                raise ValueError(f"unsupported reduction in {name}")
            self.add("ReduceMax", [inputs[0]], name, axes=[2, 3], keepdims=0)
            self.ranks[name] = 2
        elif op in ("Softmax", "Identity", "Relu"):
            kind = {"Softmax": "Softmax", "Identity": "Identity", "Relu": "Relu"}[op]
            extra = {"axis": -1} if op == "Softmax" else {}
            self.add(kind, [inputs[0]], name, **extra)
            self.ranks[name] = self.ranks[inputs[0]]
        else:
            raise ValueError(f"TF.js op {op} is not supported by this converter")

    def _activation(self, node: dict[str, Any], fused: str, name: str) -> None:
        ops = _attr(node, "fused_ops") or []
        if ops[0] != "BiasAdd" or len(ops) > 2 or (len(ops) == 2 and ops[1] != "Relu"):
            raise ValueError(f"unsupported fused ops {ops} in {name}")
        if len(ops) == 2:
            self.add("Relu", [fused], name)
        else:
            self.add("Identity", [fused], name)

    def _conv(self, node: dict[str, Any], inputs: list[str]) -> None:
        name = node["name"]
        if _attr(node, "padding") != "VALID" or _attr(node, "data_format") not in (None, "NHWC"):
            raise ValueError(f"unsupported convolution in {name}")
        kernel = self.weights[inputs[1]].transpose(3, 2, 0, 1)  # HWIO -> OIHW
        strides = _attr(node, "strides") or [1, 1, 1, 1]
        dilations = _attr(node, "dilations") or [1, 1, 1, 1]
        fused = self.add(
            "Conv",
            [
                inputs[0],
                self.const(inputs[1], kernel.astype(np.float32)),
                self.const(inputs[2], self.weights[inputs[2]].astype(np.float32)),
            ],
            name + "/conv",
            strides=strides[1:3],
            dilations=dilations[1:3],
        )
        self._activation(node, fused, name)
        self.ranks[name] = 4

    def _matmul(self, node: dict[str, Any], inputs: list[str]) -> None:
        name = node["name"]
        if _attr(node, "transpose_a") or _attr(node, "transpose_b"):
            raise ValueError(f"unsupported transposed matmul in {name}")
        fused = self.add(
            "Gemm",
            [
                inputs[0],
                self.const(inputs[1], self.weights[inputs[1]].astype(np.float32)),
                self.const(inputs[2], self.weights[inputs[2]].astype(np.float32)),
            ],
            name + "/gemm",
        )
        self._activation(node, fused, name)
        self.ranks[name] = 2

    def _pool(self, node: dict[str, Any], source: str) -> None:
        name = node["name"]
        if _attr(node, "padding") != "VALID":
            raise ValueError(f"unsupported pooling in {name}")
        self.add(
            "MaxPool",
            [source],
            name,
            kernel_shape=_attr(node, "ksize")[1:3],
            strides=_attr(node, "strides")[1:3],
        )
        self.ranks[name] = 4


def convert(model_json: Path, outputs: dict[str, str]) -> bytes:
    """The ONNX bytes of a TF.js graph model; ``outputs`` maps ONNX output names to graph nodes.

    The input keeps TF.js's NHWC layout and name. Producer fields are fixed so that the same
    inputs give byte-identical output, which the install step pins by sha256.
    """
    spec = json.loads(model_json.read_text())
    if spec.get("format") != "graph-model":
        raise ValueError(f"{model_json.name} is not a TF.js graph model")
    weights = read_weights(spec["weightsManifest"], model_json.parent)
    builder = _Builder(weights)
    graph_inputs = []
    for node in spec["modelTopology"]["node"]:
        if node["op"] == "Placeholder":
            dims = [int(d["size"]) for d in node["attr"]["shape"]["shape"]["dim"]]
            shape: list[Any] = ["batch" if d < 0 else d for d in dims]
            graph_inputs.append(
                helper.make_tensor_value_info(node["name"] + "_nhwc", TensorProto.FLOAT, shape)
            )
        builder.node(node)
    graph_outputs = []
    for output, source in outputs.items():
        builder.add("Identity", [source], output)
        dims = ["batch"] + [f"{output}_{axis}" for axis in range(1, builder.ranks[source])]
        graph_outputs.append(helper.make_tensor_value_info(output, TensorProto.FLOAT, dims))
    graph = helper.make_graph(
        builder.nodes, model_json.stem, graph_inputs, graph_outputs, builder.initializers
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET)],
        producer_name="pixmill-tfjs",
        producer_version="1",
    )
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model.SerializeToString()
