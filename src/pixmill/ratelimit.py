"""Per-client, per-minute limits over the `limits` library (memory:// or redis://)."""

from __future__ import annotations

import ipaddress
import math
import time

from limits import parse
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from limits.storage import storage_from_string

from pixmill.errors import TooManyRequests


def client_bucket(address: str) -> str:
    """The identity a client is limited by: its IPv4 address, or its IPv6 /64."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class RateLimiter:
    """A sliding-window counter: N requests per client in any minute, answered 429 past it."""

    def __init__(self, per_minute: int, storage_uri: str = "memory://") -> None:
        self._item = parse(f"{per_minute}/minute")
        # limits defaults to the coredis client for Redis; redis-py is the better-kept one.
        options = {"implementation": "redispy"} if storage_uri.startswith("redis") else {}
        storage = storage_from_string(f"async+{storage_uri}", **options)
        self._limiter = SlidingWindowCounterRateLimiter(storage)

    async def hit(self, address: str) -> None:
        bucket = client_bucket(address)
        if await self._limiter.hit(self._item, bucket):
            return
        stats = await self._limiter.get_window_stats(self._item, bucket)
        retry = max(1, math.ceil(stats.reset_time - time.time()))
        raise TooManyRequests("Rate limit exceeded: too many requests from this address", retry)
