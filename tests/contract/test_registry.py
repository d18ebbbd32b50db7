"""Registry invariants: every endpoint is one module, documented, routed and in OpenAPI."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from openapi_spec_validator import validate

import pixmill.commands as package
from pixmill.commands import discover
from pixmill.http.openapi import document
from pixmill.params import Params

REGISTRY = discover()
COMMANDS = REGISTRY.commands()


def test_each_command_module_registers_exactly_one_command() -> None:
    modules = [m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_")]
    owners = {}
    for cmd in COMMANDS:
        owners.setdefault(cmd.func.__module__, []).append(cmd.name)
    assert sorted(owners) == sorted(f"pixmill.commands.{name}" for name in modules)
    assert all(len(names) == 1 for names in owners.values()), owners
    for name in modules:  # importing again registers nothing new
        importlib.import_module(f"pixmill.commands.{name}")
    assert len(discover().commands()) == len(COMMANDS)


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda cmd: cmd.name)
def test_each_command_is_documented(cmd) -> None:
    assert cmd.summary and cmd.summary.endswith(".")
    assert cmd.func.__doc__ and len(cmd.description) > 20
    assert issubclass(cmd.params, Params)
    for name, field in cmd.params.model_fields.items():
        assert field.description, f"{cmd.name}.{name} has no description"
    assert set(cmd.methods) <= {"GET", "POST"}


def test_the_openapi_document_is_valid_and_lists_every_name() -> None:
    spec = document(REGISTRY)
    validate(spec)
    for name in REGISTRY.names():
        assert {"get", "post"} <= set(spec["paths"][f"/{name}"])
    assert "/status" in spec["paths"]


def test_openapi_and_docs_are_served(client) -> None:
    spec = client.get("/openapi.json")
    assert spec.headers["content-type"] == "application/json"
    assert set(spec.json()["paths"]) >= {f"/{name}" for name in REGISTRY.names()}
    page = client.get("/docs")
    assert page.status_code == 200 and "/docs/static/swagger-ui-bundle.js" in page.text
    script = client.get("/docs/static/swagger-ui-bundle.js")
    assert script.status_code == 200 and len(script.content) > 100_000


# decrypt's input must come from encrypt: tests/commands/test_encrypt.py runs the pair.
NEEDS_A_PREPARED_INPUT = {"decrypt"}


def _runnable(cmd) -> bool:
    simple = cmd.output == "image" and cmd.sources == ("img",) and not cmd.needs
    return simple and cmd.name not in NEEDS_A_PREPARED_INPUT


@pytest.mark.parametrize("cmd", [c for c in COMMANDS if _runnable(c)], ids=lambda cmd: cmd.name)
def test_each_image_command_runs_its_example(cmd, api, astronaut_url) -> None:
    reply = api.post_json(cmd.name, {"img": astronaut_url, **cmd.example})
    api.image(reply)


def test_bounds_of_optional_numbers_use_json_schema_names() -> None:
    width = document(REGISTRY)["components"]["schemas"]["border_params"]["properties"]["width"]
    assert {"type": "integer", "minimum": 0, "maximum": 300} in width["anyOf"]
