"""Which endpoints can serve, and why the others cannot."""

from __future__ import annotations

import importlib.util

from pixmill.commands import Command, discover
from pixmill.models import runtime
from pixmill.models.runtime import ModelStore


def _available(need: str, models: ModelStore) -> bool:
    if need.startswith("unsupported:"):
        return False
    if need.startswith("model:"):
        return models.ready(need.removeprefix("model:"))
    return importlib.util.find_spec(need) is not None


def problem(cmd: Command, models: ModelStore | None = None) -> str | None:
    """Why a command cannot serve here, or None. ``needs`` names importable modules,
    ``model:<name>`` a model file that must be installed in the models directory, and
    ``unsupported:<reason>`` a feature this server cannot offer."""
    models = models or runtime.store()
    reasons = [_reason(need) for need in cmd.needs if not _available(need, models)]
    return "; ".join(reasons) or None


def _reason(need: str) -> str:
    if need.startswith("unsupported:"):
        return "not supported: " + need.removeprefix("unsupported:")
    return f"missing {need}"


def report(models: ModelStore | None = None) -> list[tuple[str, str | None]]:
    return [(cmd.name, problem(cmd, models)) for cmd in discover().commands()]
