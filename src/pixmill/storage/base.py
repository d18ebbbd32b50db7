"""The storage contract every backend passes (tests/storage/test_contract.py)."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Protocol

_ID = re.compile(r"[A-Za-z0-9_-]{20,40}")


@dataclass(frozen=True)
class StoredMedia:
    """A stored output: its unguessable id, extension, MIME type and the key that owns it."""

    id: str
    ext: str
    mime: str
    owner: str
    size: int

    @property
    def name(self) -> str:
        return f"{self.id}.{self.ext}"


def new_media_id() -> str:
    """128+ bits of randomness: ids cannot be guessed or enumerated."""
    return secrets.token_urlsafe(18)


def valid_media_id(media_id: str) -> bool:
    """Only well-formed ids ever reach a backend (no path tricks)."""
    return bool(_ID.fullmatch(media_id))


class Storage(Protocol):
    async def put(self, data: bytes, *, ext: str, mime: str, owner: str) -> StoredMedia:
        """Store bytes under a new id."""
        ...

    async def get(self, media_id: str) -> tuple[StoredMedia, bytes] | None:
        """The media and its bytes, or None."""
        ...

    async def info(self, media_id: str) -> StoredMedia | None:
        """The media's record without its bytes, or None."""
        ...

    async def delete(self, media_id: str) -> bool:
        """Remove the media; False when it did not exist."""
        ...
