"""Which endpoints can serve, and why the others cannot."""

from __future__ import annotations

import importlib.util

from pixmill.commands import Command, discover


def problem(cmd: Command) -> str | None:
    """Why a command cannot serve here, or None. ``needs`` names importable modules."""
    missing = [need for need in cmd.needs if importlib.util.find_spec(need) is None]
    return f"missing {', '.join(missing)}" if missing else None


def report() -> list[tuple[str, str | None]]:
    return [(cmd.name, problem(cmd)) for cmd in discover().commands()]
