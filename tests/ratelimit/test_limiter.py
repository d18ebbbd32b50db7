"""The limiter's contract, run against every storage (memory and a real Redis). Each test runs
in one event loop, as the server does: Redis connections belong to the loop that opened them."""

import anyio
import pytest

from pixmill.errors import TooManyRequests
from pixmill.ratelimit import RateLimiter, client_bucket


def test_the_n_plus_first_request_in_a_minute_is_refused(storage_uri: str) -> None:
    async def scenario() -> None:
        limiter = RateLimiter(3, storage_uri)
        for _ in range(3):
            await limiter.hit("192.0.2.1")
        with pytest.raises(TooManyRequests) as refused:
            await limiter.hit("192.0.2.1")
        assert 1 <= refused.value.retry_after <= 60
        for _ in range(3):  # another client has its own budget
            await limiter.hit("192.0.2.2")

    anyio.run(scenario)


def test_ipv6_clients_are_limited_by_their_64(storage_uri: str) -> None:
    async def scenario() -> None:
        limiter = RateLimiter(2, storage_uri)
        await limiter.hit("2001:db8:1:2::1")
        await limiter.hit("2001:db8:1:2:aaaa::1")
        with pytest.raises(TooManyRequests):
            await limiter.hit("2001:db8:1:2::ffff")

    anyio.run(scenario)


def test_replicas_sharing_a_redis_share_the_budget(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).flushall()

    async def scenario() -> None:
        first, second = RateLimiter(2, redis_url), RateLimiter(2, redis_url)
        await first.hit("198.51.100.7")
        await second.hit("198.51.100.7")
        with pytest.raises(TooManyRequests):
            await first.hit("198.51.100.7")

    anyio.run(scenario)


def test_buckets() -> None:
    assert client_bucket("2001:db8:1:2:aaaa::1") == client_bucket("2001:db8:1:2:bbbb::9")
    assert client_bucket("2001:db8:1:3::1") != client_bucket("2001:db8:1:2::1")
    assert client_bucket("::ffff:192.0.2.7") == "192.0.2.7"
