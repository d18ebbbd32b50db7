"""Apps with non-default settings, each a real server with its own worker pool."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from pixmill.app import create_app, open_keys
from tests.conftest import Api, make_settings

AppFactory = Callable[..., AbstractContextManager[tuple[Api, Path]]]


@pytest.fixture
def make_api(tmp_path: Path) -> AppFactory:
    """Build an app with overridden settings; yields an Api with a fresh key and the data dir."""

    @contextmanager
    def build(**overrides: Any) -> Iterator[tuple[Api, Path]]:
        settings = make_settings(tmp_path, workers=1, **overrides)
        key = open_keys(settings).create("test")[0]
        app = create_app(settings)
        with TestClient(app, raise_server_exceptions=False) as client:
            yield Api(client, key), tmp_path

    return build
