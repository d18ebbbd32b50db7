"""The contract every storage backend passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from pixmill.storage import LocalStorage, MemoryStorage, Storage, valid_media_id
from pixmill.storage.links import Links


@pytest.fixture(params=["memory", "local"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Storage:
    return MemoryStorage() if request.param == "memory" else LocalStorage(tmp_path / "media")


async def _roundtrip(storage: Storage) -> None:
    media = await storage.put(b"\x89PNG data", ext="png", mime="image/png", owner="pxmowner01")
    assert valid_media_id(media.id) and media.name == f"{media.id}.png" and media.size == 9
    stored = await storage.get(media.id)
    assert stored is not None and stored[1] == b"\x89PNG data" and stored[0] == media
    assert await storage.info(media.id) == media
    other = await storage.put(b"x", ext="jpg", mime="image/jpeg", owner="pxmowner01")
    assert other.id != media.id
    assert await storage.delete(media.id)
    assert await storage.get(media.id) is None and await storage.info(media.id) is None
    assert not await storage.delete(media.id)
    assert await storage.get(other.id) is not None


def test_put_get_delete(storage: Storage) -> None:
    import anyio

    anyio.run(_roundtrip, storage)


def test_malformed_ids_never_reach_the_disk(tmp_path: Path) -> None:
    import anyio

    storage = LocalStorage(tmp_path / "media")
    (tmp_path / "secret.json").write_text('{"id": "x"}')
    for bad in ("../secret", "..%2fsecret", "a/b", "", "x" * 100):
        assert anyio.run(storage.info, bad) is None


def test_links_round_trip_to_ids() -> None:
    links = Links("http://img.local", "https://img.example")
    media_id = "A" * 24
    assert links.media_id(f"http://img.local/media/{media_id}.png") == media_id
    assert links.media_id(f"https://img.example/media/{media_id}.jpg") == media_id
    assert links.media_id(media_id) == media_id
    assert links.media_id("https://elsewhere.example/media/AAAAAAAAAAAAAAAAAAAAAAAA.png") is None
    assert links.media_id("http://img.local/media/../../etc/passwd") is None
