"""Fetching ``img=`` URLs: scheme allow-list, connect-time address check, byte cap, deadline.

The address check lives in the network backend, so the address that was checked is the one
connected to, on every redirect hop and every DNS answer (no rebinding window). Embedded IPv4
forms (mapped, compatible, 6to4, NAT64, Teredo) are unwrapped before judging.
"""

from __future__ import annotations

import ipaddress
import socket
import zlib
from collections.abc import Callable, Sequence
from typing import Any

import anyio
import httpcore
import httpx

from pixmill.errors import BadRequest, NotFound

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_COMPATIBLE = ipaddress.ip_network("::/96")
_REDIRECTS = {301, 302, 303, 307, 308}


class BlockedAddress(BadRequest):
    """The source resolves only to addresses the server may not reach."""


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if ip in _NAT64 or ip in _COMPATIBLE:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public_address(address: str) -> bool:
    """True only for globally routable unicast addresses, judged after unwrapping IPv4."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _NAT64_LOCAL:
            return False
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return is_public_address(str(embedded))
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves the host itself and connects only to addresses that pass the check."""

    def __init__(self, allowed: Callable[[str], bool] | None) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._allowed = allowed

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            answers = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError:
            raise BadRequest(f"Cannot resolve the source host '{host[:100]}'") from None
        addresses = list(dict.fromkeys(str(answer[4][0]) for answer in answers))
        if self._allowed is not None:
            addresses = [a for a in addresses if self._allowed(a)]
        if not addresses:
            raise BlockedAddress("The source URL points to a private or reserved address")
        error: Exception = BadRequest("Cannot connect to the source")
        for address in addresses:
            try:
                return await self._inner.connect_tcp(address, port, timeout=timeout)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as failure:
                error = failure
        raise error

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress("Unix sockets are not sources")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class Fetcher:
    """Downloads source images under the server's limits."""

    def __init__(
        self,
        *,
        allow_private: bool,
        timeout: float,
        max_bytes: int,
        max_redirects: int,
        allowed_hosts: Sequence[str] = (),
        address_check: Callable[[str], bool] = is_public_address,
    ) -> None:
        """``address_check`` judges every resolved address before connecting (unless
        ``allow_private``); tests swap it to stand a loopback origin in for a public one."""
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.allowed_hosts = tuple(host.lower().rstrip(".") for host in allowed_hosts)
        transport = httpx.AsyncHTTPTransport()
        # httpx takes no network backend argument; its pool is rebuilt around the guarded one.
        transport._pool = httpcore.AsyncConnectionPool(
            network_backend=_GuardedBackend(None if allow_private else address_check),
            ssl_context=httpx.create_ssl_context(),
            max_connections=64,
        )
        self._client = httpx.AsyncClient(
            transport=transport,
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": "pixmill", "Accept": "image/*", "Accept-Encoding": "identity"},
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(self, url: str) -> bytes:
        """The bytes at ``url``; 404 when the origin says not found, 400 for any other failure."""
        try:
            with anyio.fail_after(self.timeout):
                return await self._follow(url)
        except TimeoutError:
            raise BadRequest(f"Fetching the source took longer than {self.timeout:g} s") from None
        except httpx.InvalidURL:
            raise BadRequest("The source URL is not valid") from None
        except httpx.HTTPError:
            raise BadRequest("The source could not be fetched") from None

    async def _follow(self, url: str) -> bytes:
        target = check_url(url, self.allowed_hosts)
        for _ in range(self.max_redirects + 1):
            async with self._client.stream("GET", target) as response:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    location = str(target.join(response.headers["location"]))
                    target = check_url(location, self.allowed_hosts)
                    continue
                if response.status_code in (404, 410):
                    raise NotFound("The source image was not found (the origin answered 404)")
                if response.status_code != 200:
                    raise BadRequest(f"The source answered HTTP {response.status_code}")
                return await self._read(response)
        raise BadRequest(f"The source redirected more than {self.max_redirects} times")

    async def _read(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise BadRequest(f"The source is larger than {self.max_bytes} bytes")
        decode = _decoder(response.headers.get("content-encoding", "identity"))
        body = bytearray()
        # Raw bytes, decoded here: httpx would inflate a whole network chunk at once, and a
        # 64 KB gzip chunk of zeros is 64 MB. Each step inflates at most what the cap leaves.
        async for chunk in response.aiter_raw():
            body += decode(chunk, self.max_bytes + 1 - len(body))
            if len(body) > self.max_bytes:
                raise BadRequest(f"The source is larger than {self.max_bytes} bytes")
        return bytes(body)


def _decoder(encoding: str) -> Callable[[bytes, int], bytes]:
    """A function inflating the next raw chunk into at most ``limit`` bytes."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return lambda chunk, limit: chunk
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise BadRequest(f"The source used an unsupported Content-Encoding '{encoding[:40]}'")
    inflater = zlib.decompressobj(zlib.MAX_WBITS | (16 if "gzip" in encoding else 0))

    def inflate(chunk: bytes, limit: int) -> bytes:
        try:
            return inflater.decompress(chunk, limit)
        except zlib.error:
            raise BadRequest("The source's compressed body is corrupt") from None

    return inflate


def check_url(url: str, allowed_hosts: Sequence[str] = ()) -> httpx.URL:
    """Parse a source URL, allowing only http(s) with a host and no credentials, and only the
    allowed hosts when a list is given (``*.example.com`` matches its subdomains)."""
    try:
        parsed = httpx.URL(url)
        host = parsed.host.rstrip(".")  # decoding an IDNA host may fail too
    except (httpx.InvalidURL, TypeError, ValueError):  # IDNAError is a ValueError
        raise BadRequest("The source URL is not valid") from None
    if parsed.scheme not in ("http", "https"):
        raise BadRequest("Only http and https source URLs are allowed")
    if not host:
        raise BadRequest("The source URL has no host")
    if parsed.userinfo:
        raise BadRequest("Source URLs may not carry credentials")
    if allowed_hosts and not any(_host_matches(host, allowed) for allowed in allowed_hosts):
        raise BadRequest("The source host is not in the server's list of allowed sources")
    return parsed


def _host_matches(host: str, allowed: str) -> bool:
    if allowed.startswith("*."):
        return host.endswith(allowed[1:])
    return host == allowed
