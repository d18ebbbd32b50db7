"""The key-store contract every backend passes (tests/keys/test_contract.py).

A key is ``pxm`` + an 8-character public prefix + ``_`` + 32 random characters (44 in all,
above the PHP client's 15-character floor). Only the SHA-256 digest is kept; the prefix names
the key in listings and logs.
"""

from __future__ import annotations

import hashlib
import secrets
import string
from dataclasses import dataclass
from typing import Protocol

_ALPHABET = string.ascii_lowercase + string.digits
PREFIX_LENGTH = 11
MAX_KEY_LENGTH = 200


@dataclass(frozen=True)
class KeyRecord:
    prefix: str
    name: str
    created: str
    revoked: bool


def new_key() -> str:
    """A fresh random key."""
    public = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"pxm{public}_{secrets.token_urlsafe(24)}"


def digest(key: str) -> str:
    """The stored form of a key."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class KeyStore(Protocol):
    def create(self, name: str) -> tuple[str, KeyRecord]:
        """Issue a key: the full key (shown once) and its record."""
        ...

    def lookup(self, key: str) -> KeyRecord | None:
        """The record of a valid, unrevoked key; None for anything else."""
        ...

    def list(self) -> list[KeyRecord]: ...

    def revoke(self, key_or_prefix: str) -> bool:
        """Revoke by full key or public prefix; False when nothing matched."""
        ...

    def record_usage(self, prefix: str, endpoint: str) -> None:
        """Count one call of an endpoint by a key."""
        ...

    def usage(self, prefix: str) -> dict[str, int]:
        """Calls per endpoint made with a key."""
        ...
