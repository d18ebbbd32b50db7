"""Storage on the local disk: ``<root>/<id[:2]>/<id>.<ext>`` plus a JSON record beside it.

Files are written to a temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

import anyio

from pixmill.storage.base import StoredMedia, new_media_id, valid_media_id


class LocalStorage:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def _record_path(self, media_id: str) -> Path:
        return self.root / media_id[:2] / f"{media_id}.json"

    async def put(self, data: bytes, *, ext: str, mime: str, owner: str) -> StoredMedia:
        media = StoredMedia(new_media_id(), ext, mime, owner, len(data))
        await anyio.to_thread.run_sync(self._write, media, data)
        return media

    def _write(self, media: StoredMedia, data: bytes) -> None:
        folder = self.root / media.id[:2]
        folder.mkdir(exist_ok=True)
        for path, content in (
            (folder / media.name, data),
            (self._record_path(media.id), json.dumps(asdict(media)).encode()),
        ):
            temporary = path.with_suffix(path.suffix + ".tmp")
            temporary.write_bytes(content)
            os.replace(temporary, path)

    async def info(self, media_id: str) -> StoredMedia | None:
        if not valid_media_id(media_id):
            return None
        return await anyio.to_thread.run_sync(self._read_record, media_id)

    def _read_record(self, media_id: str) -> StoredMedia | None:
        try:
            return StoredMedia(**json.loads(self._record_path(media_id).read_bytes()))
        except FileNotFoundError:
            return None

    async def get(self, media_id: str) -> tuple[StoredMedia, bytes] | None:
        media = await self.info(media_id)
        if media is None:
            return None
        try:
            data = await anyio.to_thread.run_sync(
                (self.root / media.id[:2] / media.name).read_bytes
            )
        except FileNotFoundError:
            return None
        return media, data

    async def delete(self, media_id: str) -> bool:
        media = await self.info(media_id)
        if media is None:
            return False
        folder = self.root / media.id[:2]
        for path in (folder / media.name, self._record_path(media.id)):
            path.unlink(missing_ok=True)
        return True
