"""The ``pixmill`` command line: serve, keys, commands, doctor, openapi."""

from __future__ import annotations

import json
import logging
from typing import Annotated, Any

import typer

from pixmill.models.cli import models_app
from pixmill.settings import Settings

app = typer.Typer(help="pixmill: a self-hosted server for the PixLab API.", no_args_is_help=True)
keys_app = typer.Typer(help="Manage API keys.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")
app.add_typer(models_app, name="models")


def _settings(**overrides: Any) -> Settings:
    return Settings(**{name: value for name, value in overrides.items() if value is not None})


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address.")] = None,
    port: Annotated[int | None, typer.Option(help="Port.")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes for pixels.")] = None,
) -> None:
    """Start the HTTP server; on first start, create and print an API key."""
    from pixmill.app import create_app, open_keys
    from pixmill.http import server

    settings = _settings(host=host, port=port, workers=workers)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # source URLs are the users' business
    keys = open_keys(settings)
    if not keys.list():
        key, _ = keys.create("default")
        typer.echo(f"Created the first API key (shown once): {key}")
    typer.echo(f"pixmill listening on http://{settings.host}:{settings.port}")
    server.run(create_app(settings, keys=keys), settings)


@keys_app.command("create")
def keys_create(name: Annotated[str, typer.Option(help="A label for the key.")]) -> None:
    """Create a key; the key itself is the last line printed, and is shown only once."""
    from pixmill.app import open_keys

    key, record = open_keys(_settings()).create(name)
    typer.echo(f"Created key {record.prefix}... named {name!r}")
    typer.echo(key)


@keys_app.command("list")
def keys_list() -> None:
    """List keys by public prefix."""
    from pixmill.app import open_keys

    store = open_keys(_settings())
    for record in store.list():
        state = "revoked" if record.revoked else "active"
        usage = sum(store.usage(record.prefix).values())
        typer.echo(f"{record.prefix}  {state:8} {usage:8} calls  {record.created}  {record.name}")


@keys_app.command("revoke")
def keys_revoke(key_or_prefix: str) -> None:
    """Revoke a key by the key itself or its public prefix."""
    from pixmill.app import open_keys

    if not open_keys(_settings()).revoke(key_or_prefix):
        typer.echo("No active key matches", err=True)
        raise typer.Exit(1)
    typer.echo("Revoked")


@app.command()
def commands() -> None:
    """List every endpoint, one line each."""
    from pixmill.commands import discover

    for cmd in discover().commands():
        aliases = f" (alias: {', '.join(cmd.aliases)})" if cmd.aliases else ""
        typer.echo(f"{cmd.name:24} {cmd.summary}{aliases}")


@app.command()
def doctor() -> None:
    """Say which endpoints are available and why others are not."""
    from pixmill.doctor import report
    from pixmill.models.runtime import ModelStore

    ok = True
    for name, problem in report(ModelStore(_settings().models_dir)):
        ok = ok and problem is None
        typer.echo(f"{name:24} {'ok' if problem is None else 'unavailable: ' + problem}")
    raise typer.Exit(0 if ok else 1)


@app.command()
def openapi() -> None:
    """Print the OpenAPI document."""
    from pixmill.commands import discover
    from pixmill.http.openapi import document

    typer.echo(json.dumps(document(discover()), indent=2))
