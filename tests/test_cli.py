"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pixmill.commands import discover


def pixmill(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PIXMILL_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "pixmill", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_keys_create_list_revoke(tmp_path: Path) -> None:
    created = pixmill(tmp_path, "keys", "create", "--name", "ci")
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip().splitlines()[-1]
    assert len(key) >= 20 and key.startswith("pxm")
    listed = pixmill(tmp_path, "keys", "list").stdout
    assert key[:11] in listed and "active" in listed and key not in listed
    assert pixmill(tmp_path, "keys", "revoke", key[:11]).returncode == 0
    assert "revoked" in pixmill(tmp_path, "keys", "list").stdout
    assert pixmill(tmp_path, "keys", "revoke", key[:11]).returncode == 1


def test_commands_lists_every_endpoint(tmp_path: Path) -> None:
    lines = pixmill(tmp_path, "commands").stdout.splitlines()
    names = {line.split()[0] for line in lines}
    assert names == {cmd.name for cmd in discover().commands()}


def test_openapi_prints_the_document(tmp_path: Path) -> None:
    spec = json.loads(pixmill(tmp_path, "openapi").stdout)
    assert spec["openapi"].startswith("3.") and "/rotate" in spec["paths"]


def test_doctor_reports_each_endpoint(tmp_path: Path) -> None:
    result = pixmill(tmp_path, "doctor")
    reported = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    assert {"rotate", "crop", "store"} <= reported


@pytest.mark.parametrize("value", ["-1", "abc"])
def test_bad_settings_fail_fast(tmp_path: Path, value: str) -> None:
    env = {**os.environ, "PIXMILL_DATA_DIR": str(tmp_path), "PIXMILL_RATE_LIMIT_PER_MINUTE": value}
    result = subprocess.run(
        [sys.executable, "-m", "pixmill", "keys", "list"], env=env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "rate_limit_per_minute" in result.stderr
