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
    missing = [need for need in cmd.needs if not _available(need, models)]
    reasons = [
        "not supported: " + need.removeprefix("unsupported:")
        for need in missing
        if need.startswith("unsupported:")
    ]
    absent = [f"'{need.removeprefix('model:')}'" for need in missing if need.startswith("model:")]
    if absent:
        reasons.append(f"model {', '.join(absent)} not installed (run `pixmill models install`)")
    modules = [need for need in missing if not need.startswith(("unsupported:", "model:"))]
    if modules:
        reasons.append(f"missing {', '.join(modules)}")
    return "; ".join(reasons) or None


def report(models: ModelStore | None = None) -> list[tuple[str, str | None]]:
    return [(cmd.name, problem(cmd, models)) for cmd in discover().commands()]
