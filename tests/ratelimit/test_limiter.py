import anyio
import pytest

from pixmill.errors import TooManyRequests
from pixmill.ratelimit import RateLimiter, client_bucket


async def _hits(limiter: RateLimiter, address: str, count: int) -> None:
    for _ in range(count):
        await limiter.hit(address)


def test_the_n_plus_first_request_in_a_minute_is_refused() -> None:
    limiter = RateLimiter(3)
    anyio.run(_hits, limiter, "192.0.2.1", 3)
    with pytest.raises(TooManyRequests) as refused:
        anyio.run(limiter.hit, "192.0.2.1")
    assert 1 <= refused.value.retry_after <= 60
    anyio.run(_hits, limiter, "192.0.2.2", 3)  # another client has its own budget


def test_ipv6_clients_are_limited_by_their_64() -> None:
    assert client_bucket("2001:db8:1:2:aaaa::1") == client_bucket("2001:db8:1:2:bbbb::9")
    assert client_bucket("2001:db8:1:3::1") != client_bucket("2001:db8:1:2::1")
    assert client_bucket("::ffff:192.0.2.7") == "192.0.2.7"
    limiter = RateLimiter(2)
    anyio.run(_hits, limiter, "2001:db8:1:2::1", 2)
    with pytest.raises(TooManyRequests):
        anyio.run(limiter.hit, "2001:db8:1:2::ffff")
