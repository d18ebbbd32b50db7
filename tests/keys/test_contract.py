"""The contract every key store passes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pixmill.keys import KeyStore, MemoryKeyStore, SqlKeyStore


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KeyStore]:
    if request.param == "memory":
        yield MemoryKeyStore()
    else:
        yield SqlKeyStore(f"sqlite:///{tmp_path / 'keys.sqlite3'}")


def test_a_created_key_is_long_random_and_found(store: KeyStore) -> None:
    key, record = store.create("alice")
    other, _ = store.create("bob")
    assert len(key) >= 20 and key != other
    assert key.startswith(record.prefix) and len(record.prefix) < 16
    found = store.lookup(key)
    assert found is not None and found.name == "alice" and not found.revoked


def test_unknown_and_near_miss_keys_are_not_found(store: KeyStore) -> None:
    key, _ = store.create("alice")
    for near in (
        "",
        key.upper(),
        key[:-1],
        key + "a",
        f" {key}",
        key[:11],
        key[:11] + "_" + "A" * 32,
    ):
        assert store.lookup(near) is None


def test_revoke_by_prefix_or_full_key(store: KeyStore) -> None:
    first, record = store.create("one")
    second, _ = store.create("two")
    assert store.revoke(record.prefix)
    assert store.lookup(first) is None
    assert not store.revoke(record.prefix)  # already revoked
    assert not store.revoke(second[:11] + "_wrongsecret")  # right prefix, wrong key
    assert store.revoke(second) and store.lookup(second) is None
    assert [r.revoked for r in store.list()] == [True, True]


def test_usage_is_counted_per_endpoint(store: KeyStore) -> None:
    _, record = store.create("counter")
    for endpoint in ("rotate", "rotate", "crop"):
        store.record_usage(record.prefix, endpoint)
    assert store.usage(record.prefix) == {"rotate": 2, "crop": 1}


def test_sqlite_keeps_only_digests(tmp_path: Path) -> None:
    path = tmp_path / "keys.sqlite3"
    key, _ = SqlKeyStore(f"sqlite:///{path}").create("secret")
    secret = key.split("_", 1)[1].encode()
    assert all(secret not in file.read_bytes() for file in tmp_path.iterdir())
    assert SqlKeyStore(f"sqlite:///{path}").lookup(key) is not None  # survives a restart
