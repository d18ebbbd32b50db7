"""What a service command (one that needs no pixels) is handed by the dispatcher."""

from __future__ import annotations

from dataclasses import dataclass

from pixmill.storage import Storage
from pixmill.storage.links import Links


@dataclass(frozen=True)
class Services:
    storage: Storage
    links: Links
    owner: str  # public prefix of the calling key
