"""Which endpoints can serve, and why the others cannot."""

from __future__ import annotations

import importlib.util

from pixmill.commands import Command, discover
from pixmill.models import runtime
from pixmill.models.runtime import ModelStore


def _available(need: str, models: ModelStore) -> bool:
    if need.startswith("model:"):
        return models.ready(need.removeprefix("model:"))
    return importlib.util.find_spec(need) is not None


def problem(cmd: Command, models: ModelStore | None = None) -> str | None:
    """Why a command cannot serve here, or None. ``needs`` names importable modules, and
    ``model:<name>`` a model file that must be installed in the models directory."""
    models = models or runtime.store()
    missing = [need for need in cmd.needs if not _available(need, models)]
    return f"missing {', '.join(missing)}" if missing else None


def report(models: ModelStore | None = None) -> list[tuple[str, str | None]]:
    return [(cmd.name, problem(cmd, models)) for cmd in discover().commands()]
