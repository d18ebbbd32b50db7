"""Storage in a dict: for tests and throwaway runs."""

from __future__ import annotations

from pixmill.storage.base import StoredMedia, new_media_id


class MemoryStorage:
    def __init__(self) -> None:
        self._items: dict[str, tuple[StoredMedia, bytes]] = {}

    async def put(self, data: bytes, *, ext: str, mime: str, owner: str) -> StoredMedia:
        media = StoredMedia(new_media_id(), ext, mime, owner, len(data))
        self._items[media.id] = (media, bytes(data))
        return media

    async def get(self, media_id: str) -> tuple[StoredMedia, bytes] | None:
        return self._items.get(media_id)

    async def info(self, media_id: str) -> StoredMedia | None:
        item = self._items.get(media_id)
        return item[0] if item else None

    async def delete(self, media_id: str) -> bool:
        return self._items.pop(media_id, None) is not None
