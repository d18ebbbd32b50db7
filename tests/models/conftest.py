"""Fixtures for the models room's tests: the installed models and the carrier cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from pixmill.models.install import default_cache_dir
from pixmill.models.manifest import Carrier
from pixmill.models.runtime import ModelStore
from pixmill.settings import Settings


@pytest.fixture(scope="session")
def models_dir() -> Path:
    """The models directory the test server uses (filled by `make test`'s setup step)."""
    directory = Settings().models_dir
    assert ModelStore(directory).readiness() == dict.fromkeys(
        ModelStore(directory).readiness(), True
    ), f"run `pixmill models install` first: {directory} is incomplete"
    return directory


def cached_carrier(carrier: Carrier) -> Path:
    """A carrier archive from the install step's cache; skips when the models directory was
    pre-provisioned without one."""
    path = default_cache_dir() / carrier.archive
    if not path.is_file():
        pytest.skip(f"{carrier.archive} is not in the carrier cache")
    return path
