"""Shared fixtures: one real app (worker processes, SQLite keys, disk storage) per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

from pixmill.app import create_app, open_keys
from pixmill.settings import Settings
from tests.support import Origin, photo


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "public_url": "http://testserver",
        "allow_private_sources": True,
        "rate_limit_per_minute": 1_000_000,
        "workers": 2,
    }
    return Settings(**(values | overrides))


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return make_settings(tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="session")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def key(settings: Settings) -> str:
    return open_keys(settings).create("tests")[0]


@pytest.fixture(scope="session")
def other_key(settings: Settings) -> str:
    return open_keys(settings).create("someone else")[0]


@pytest.fixture(scope="session")
def origin() -> Iterator[Origin]:
    server = Origin()
    yield server
    server.close()


@pytest.fixture(scope="session")
def astronaut_url(origin: Origin) -> str:
    return origin.add("/astronaut.jpg", photo("astronaut"), Content_Type="image/jpeg")


class Api:
    """Calls endpoints the way PixLab clients do and checks the envelope of every reply."""

    def __init__(self, client: TestClient, key: str) -> None:
        self.client = client
        self.key = key

    def get(self, endpoint: str, **params: Any) -> httpx.Response:
        return self.client.get(f"/{endpoint}", params={"key": self.key, **params})

    def post_json(self, endpoint: str, body: dict[str, Any]) -> httpx.Response:
        return self.client.post(f"/{endpoint}", json={"key": self.key, **body})

    def upload(self, endpoint: str, data: bytes, **fields: Any) -> httpx.Response:
        files = {"file": ("upload.bin", data, "application/octet-stream")}
        return self.client.post(f"/{endpoint}", data={"key": self.key, **fields}, files=files)

    def ok(self, response: httpx.Response) -> dict[str, Any]:
        """Assert a 200 JSON envelope and return it."""
        assert response.headers["content-type"] == "application/json", response.content[:200]
        body = response.json()
        assert response.status_code == 200 and body["status"] == 200, body
        return body

    def error(self, response: httpx.Response, status: int) -> str:
        """Assert a PixLab error envelope with ``status`` and return its message."""
        assert response.headers["content-type"] == "application/json"
        body = response.json()
        assert response.status_code == status and body["status"] == status, body
        assert set(body) == {"status", "error"} and body["error"], body
        return body["error"]

    def image(self, response: httpx.Response) -> bytes:
        """Follow a media reply's link and return the stored bytes."""
        body = self.ok(response)
        assert {"link", "ssl_link", "id"} <= set(body)
        fetched = self.client.get(body["link"])
        assert fetched.status_code == 200
        assert fetched.headers["x-content-type-options"] == "nosniff"
        assert fetched.headers["content-type"].startswith("image/")
        return fetched.content


@pytest.fixture(scope="session")
def api(client: TestClient, key: str) -> Api:
    return Api(client, key)
