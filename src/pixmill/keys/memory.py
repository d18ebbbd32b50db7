"""Keys in memory: for tests and throwaway runs."""

from __future__ import annotations

import hmac
from collections import Counter
from datetime import UTC, datetime

from pixmill.keys.base import PREFIX_LENGTH, KeyRecord, digest, new_key


class MemoryKeyStore:
    def __init__(self) -> None:
        self._records: dict[str, tuple[str, KeyRecord]] = {}  # prefix -> (digest, record)
        self._usage: Counter[tuple[str, str]] = Counter()

    def create(self, name: str) -> tuple[str, KeyRecord]:
        key = new_key()
        record = KeyRecord(key[:PREFIX_LENGTH], name, datetime.now(UTC).isoformat(), False)
        self._records[record.prefix] = (digest(key), record)
        return key, record

    def lookup(self, key: str) -> KeyRecord | None:
        entry = self._records.get(key[:PREFIX_LENGTH])
        if entry is None or not hmac.compare_digest(entry[0], digest(key)):
            return None
        return None if entry[1].revoked else entry[1]

    def list(self) -> list[KeyRecord]:
        return [record for _, record in self._records.values()]

    def revoke(self, key_or_prefix: str) -> bool:
        entry = self._records.get(key_or_prefix[:PREFIX_LENGTH])
        if entry is None or entry[1].revoked:
            return False
        if len(key_or_prefix) > PREFIX_LENGTH and not hmac.compare_digest(
            entry[0], digest(key_or_prefix)
        ):
            return False
        old = entry[1]
        self._records[old.prefix] = (entry[0], KeyRecord(old.prefix, old.name, old.created, True))
        return True

    def record_usage(self, prefix: str, endpoint: str) -> None:
        self._usage[prefix, endpoint] += 1

    def usage(self, prefix: str) -> dict[str, int]:
        return {endpoint: n for (owner, endpoint), n in self._usage.items() if owner == prefix}
