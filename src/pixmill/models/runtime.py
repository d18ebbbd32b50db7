"""Model files and sessions: readiness without loading, lazy per-process sessions.

Model inference runs inside the worker processes (the one bounded pool every pixel command
shares, see workers.py): each worker loads a session the first time a command needs it and
keeps it. A missing file is a 503 naming the model; nothing is ever downloaded here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from pixmill.errors import Unavailable
from pixmill.models.manifest import MODELS, model

__all__ = ["ModelStore", "configure", "load", "needs", "onnx_session", "require", "store", "tflite"]

T = TypeVar("T")
Infer = Callable[[np.ndarray], tuple[np.ndarray, ...]]


class ModelStore:
    """The models directory: which manifest files are present, checked without loading them."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory.expanduser().absolute()

    def path(self, name: str) -> Path:
        return self.directory / model(name).filename

    def ready(self, name: str) -> bool:
        """Present with the pinned size (the install step has checked its sha256)."""
        path = self.path(name)
        return path.is_file() and path.stat().st_size == model(name).size

    def readiness(self) -> dict[str, bool]:
        return {spec.name: self.ready(spec.name) for spec in MODELS}

    def require(self, name: str) -> Path:
        """The file of a model, or a 503 that names it."""
        if not self.ready(name):
            raise Unavailable(
                f"This endpoint needs the model '{name}', which is not installed on this "
                "server; an administrator can add it with `pixmill models install`"
            )
        return self.path(name)


@dataclass
class _Process:
    """This process's models directory, thread budget and loaded sessions."""

    store: ModelStore
    threads: int = 1
    loaded: dict[str, Any] = field(default_factory=dict)


_process = _Process(ModelStore(Path("models")))


def configure(directory: Path, threads: int = 1) -> None:
    """Point this process at a models directory (the worker initializer calls this)."""
    global _process
    _process = _Process(ModelStore(directory), threads)


def store() -> ModelStore:
    return _process.store


def needs(*names: str) -> tuple[str, ...]:
    """The ``needs=`` entries of a command using these models (``model:<name>``)."""
    return tuple(f"model:{name}" for name in names)


def require(*names: str) -> None:
    """A 503 naming the first of these models that is not installed, before any work."""
    for name in names:
        store().require(name)


def load(name: str, loader: Callable[[Path], T]) -> T:
    """Load a model once per process with ``loader`` and keep it."""
    loaded = _process.loaded
    if name not in loaded:
        loaded[name] = loader(store().require(name))
    return loaded[name]  # type: ignore[no-any-return]


def tflite(name: str) -> Infer:
    """A LiteRT interpreter for a ``.tflite`` model, as a function from input to outputs."""

    def open_interpreter(path: Path) -> Infer:
        from ai_edge_litert.interpreter import Interpreter

        interpreter = Interpreter(model_path=str(path), num_threads=_process.threads)
        interpreter.allocate_tensors()
        source = interpreter.get_input_details()[0]["index"]
        targets = [detail["index"] for detail in interpreter.get_output_details()]

        def infer(tensor: np.ndarray) -> tuple[np.ndarray, ...]:
            interpreter.set_tensor(source, np.ascontiguousarray(tensor, np.float32))
            interpreter.invoke()
            return tuple(interpreter.get_tensor(index) for index in targets)

        return infer

    return load(name, open_interpreter)


def onnx_session(name: str) -> Any:
    """An onnxruntime session on the CPU with this worker's thread budget."""

    def open_session(path: Path) -> Any:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = _process.threads
        options.inter_op_num_threads = 1
        return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    return load(name, open_session)
