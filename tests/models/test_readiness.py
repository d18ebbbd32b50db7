"""Readiness: /status and doctor report the model files; a missing model is a clear 503."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from pixmill.app import create_app, open_keys
from pixmill.cli import app as cli
from pixmill.doctor import report
from pixmill.errors import Unavailable
from pixmill.models import runtime
from pixmill.models.manifest import MODELS
from pixmill.models.runtime import ModelStore
from tests.conftest import make_settings
from tests.support import photo

FACE_COMMANDS = {"facedetect", "facelandmarks", "facecompare", "facelookup", "facemotion"}


def test_status_is_plain_when_every_model_is_ready(client, models_dir):
    body = client.get("/status").json()
    assert body == {"status": 200, "payload": "All Services are up & running"}


def test_an_empty_directory_is_not_ready_and_names_the_model(tmp_path):
    store = ModelStore(tmp_path)
    assert store.readiness() == {spec.name: False for spec in MODELS}
    (tmp_path / "gear.onnx").write_bytes(b"truncated")  # wrong size: not ready either
    assert not store.ready("face-gear")
    with pytest.raises(Unavailable) as raised:
        store.require("face-gear")
    assert raised.value.status == 503 and "'face-gear'" in raised.value.message


def test_doctor_reports_the_face_endpoints_by_model(tmp_path, models_dir):
    broken = dict(report(ModelStore(tmp_path)))
    for name in FACE_COMMANDS:
        assert broken[name] is not None and "'face-detector'" in broken[name]
    working = dict(report(ModelStore(models_dir)))
    assert all(working[name] is None for name in FACE_COMMANDS)


def test_models_status_command(models_dir, tmp_path):
    runner = CliRunner()
    ready = runner.invoke(cli, ["models", "status", "--models-dir", str(models_dir)])
    assert ready.exit_code == 0 and ready.output.count(" ready ") == len(MODELS)
    empty = runner.invoke(cli, ["models", "status", "--models-dir", str(tmp_path)])
    assert empty.exit_code == 1 and empty.output.count(" missing ") == len(MODELS)


def test_sessions_load_once_per_process(models_dir):
    runtime.configure(models_dir)
    first = runtime.tflite("face-detector")
    assert runtime.tflite("face-detector") is first
    assert runtime.onnx_session("face-gear") is runtime.onnx_session("face-gear")


@pytest.fixture(scope="module")
def bare_server(tmp_path_factory) -> Iterator[tuple[TestClient, str, Path]]:
    """A server whose models directory does not exist."""
    root = tmp_path_factory.mktemp("bare")
    settings = make_settings(root / "data", models_dir=root / "no-models", workers=1)
    key = open_keys(settings).create("tests")[0]
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client, key, settings.models_dir


def test_a_missing_model_is_a_503_naming_it_and_nothing_is_downloaded(bare_server, origin):
    client, key, directory = bare_server
    url = origin.add("/bare/astronaut.jpg", photo("astronaut"), Content_Type="image/jpeg")
    calls = {
        "facedetect": {"img": url},
        "facelandmarks": {"img": url},
        "facemotion": {"img": url},
        "facecompare": {"src": url, "target": url},
        "facelookup": {"face": url, "crowd": url},
    }
    fetched = len(origin.requests)
    for name, params in calls.items():
        reply = client.get(f"/{name}", params={"key": key, **params})
        body = reply.json()
        assert reply.status_code == 503 and body["status"] == 503, (name, body)
        assert "'face-detector'" in body["error"] and "pixmill models install" in body["error"]
    assert len(origin.requests) == fetched  # refused before any input was fetched
    status = client.get("/status").json()
    assert status["status"] == 200 and status["payload"] == "All Services are up & running"
    assert status["models"] == {spec.name: False for spec in MODELS}
    assert not directory.exists()
