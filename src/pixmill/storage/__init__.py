"""Output storage behind one interface; the backend is chosen by a URL-like setting."""

from pixmill.storage.base import Storage, StoredMedia, new_media_id, valid_media_id
from pixmill.storage.local import LocalStorage
from pixmill.storage.memory import MemoryStorage

__all__ = [
    "LocalStorage",
    "MemoryStorage",
    "Storage",
    "StoredMedia",
    "new_media_id",
    "open_storage",
    "valid_media_id",
]


def open_storage(uri: str) -> Storage:
    """``file:///path`` (or a bare path) or ``memory://``."""
    if uri == "memory://":
        return MemoryStorage()
    return LocalStorage(uri.removeprefix("file://"))
