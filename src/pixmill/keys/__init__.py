"""API keys: issued once, stored only as digests, looked up by digest."""

from pixmill.keys.base import KeyRecord, KeyStore, digest, new_key
from pixmill.keys.memory import MemoryKeyStore
from pixmill.keys.sql import SqlKeyStore

__all__ = ["KeyRecord", "KeyStore", "MemoryKeyStore", "SqlKeyStore", "digest", "new_key"]
