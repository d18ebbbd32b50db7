"""SSRF and hostile origins (security.md checks 6, 7, 14-17, 30).

The server under test forbids private sources, so every URL form below that reaches loopback,
private or reserved space must be refused, and the canary on 127.0.0.1 must see no connection.
Redirect chains, compressed bombs and slow origins need an origin the guard lets through: those
run a real :class:`Fetcher` whose address check admits only 127.0.0.2, where the hostile origin
listens, so 127.0.0.1 (the canary) stays forbidden as a private address would be.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psutil
import pytest

from pixmill.errors import BadRequest
from pixmill.sources import Fetcher, check_url, is_public_address
from tests.hostile.conftest import MB, Canary, Server, expect
from tests.hostile.generate import gzip_zeros, small_png, zlib_zeros

FORMS = [
    "http://127.0.0.1:{port}/x.png",
    "http://127.1:{port}/x.png",
    "http://127.0.0.1.:{port}/x.png",
    "http://2130706433:{port}/x.png",  # decimal
    "http://0x7f000001:{port}/x.png",  # hex
    "http://0x7f.0.0.1:{port}/x.png",
    "http://0177.0.0.1:{port}/x.png",  # octal
    "http://017700000001:{port}/x.png",
    "http://0:{port}/x.png",
    "http://0.0.0.0:{port}/x.png",
    "http://[::1]:{port}/x.png",
    "http://[::]:{port}/x.png",
    "http://[::ffff:127.0.0.1]:{port}/x.png",  # IPv4-mapped
    "http://[::ffff:7f00:1]:{port}/x.png",
    "http://[::127.0.0.1]:{port}/x.png",  # IPv4-compatible
    "http://[64:ff9b::7f00:1]:{port}/x.png",  # NAT64
    "http://[2002:7f00:1::]:{port}/x.png",  # 6to4
    "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:{port}/x.png",  # Teredo, client 127.0.0.1
    "http://localhost:{port}/x.png",
    "http://localhost.:{port}/x.png",
    "http://LocalHost:{port}/x.png",
    "http://vm:{port}/x.png",  # /etc/hosts names
    "http://runsc:{port}/x.png",
    "http://①②⑦.0.0.1:{port}/x.png",  # IDNA folds these digits to 127.0.0.1
    "http://127.0.0.1:{port}#@example.com/x.png",
    "http://127.0.0.1:{port}\\@example.com/x.png",
    "http://example.com@127.0.0.1:{port}/x.png",
    "https://127.0.0.1:{port}/x.png",
]
PRIVATE = [
    "http://10.0.0.1/x.png",
    "http://172.16.0.1/x.png",
    "http://192.168.1.1/x.png",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/x.png",  # CGNAT: is_private is False
    "http://224.0.0.1/x.png",  # multicast: is_global is True
    "http://255.255.255.255/x.png",
    "http://240.0.0.1/x.png",
    "http://[fe80::1]/x.png",
    "http://[fc00::1]/x.png",
    "http://[ff02::1]/x.png",
]
SCHEMES = [
    "file:///etc/passwd",
    "gopher://127.0.0.1:70/_x",
    "dict://127.0.0.1:11211/stat",
    "ftp://127.0.0.1/x.png",
    "jar:http://127.0.0.1/x.jar!/",
    "php://filter/resource=/etc/passwd",
    "javascript:alert(1)",
    "data:image/png;base64,iVBORw0KGgo=",
    "//127.0.0.1/x.png",
    "/etc/passwd",
    "../../etc/passwd",
    "http:///x.png",
    "http://user:secret@example.com/x.png",
]


@pytest.mark.parametrize("form", FORMS)
def test_every_spelling_of_loopback_is_refused(server: Server, canary: Canary, form: str):
    url = form.format(port=canary.port)
    expect(server, lambda: server.get("/flip", img=url), 400, seconds=3)
    assert canary.connections == 0


def test_nested_image_urls_get_the_same_checks(server: Server, canary: Canary) -> None:
    """merge's ``cord[].img`` and ``src``, in a JSON body, as PixLab's composite sample sends."""
    loopback = f"http://127.0.0.1:{canary.port}/x.png"
    body = {"src": "http://10.0.0.1/a.png", "cord": [{"img": loopback, "x": 0, "y": 0}]}
    for nested in (body, {**body, "src": loopback, "cord": [{"img": "http://[::1]/", "x": 1}]}):
        data = json.dumps(nested).encode()
        expect(server, lambda d=data: server.post("/merge", d, "application/json"), 400)
    assert canary.connections == 0


@pytest.mark.parametrize("url", PRIVATE)
def test_private_reserved_and_metadata_addresses_are_refused(server: Server, url: str) -> None:
    reply = expect(server, lambda: server.get("/flip", img=url), 400, seconds=3)
    assert "private or reserved" in reply.json()["error"]


@pytest.mark.parametrize("url", SCHEMES)
def test_only_http_and_https_urls_are_sources(server: Server, canary: Canary, url: str) -> None:
    expect(server, lambda: server.get("/flip", img=url), 400, seconds=2)
    assert canary.connections == 0


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("::ffff:93.184.216.34", True),
        ("100.64.0.1", False),
        ("224.0.0.1", False),
        ("64:ff9b::7f00:1", False),
        ("64:ff9b:1::a00:1", False),
        ("2002:7f00:1::", False),
        ("::127.0.0.1", False),
        ("::ffff:127.0.0.1", False),
        ("fe80::1%eth0", False),
    ],
)
def test_the_address_check_unwraps_embedded_ipv4(address: str, public: bool) -> None:
    assert is_public_address(address) is public


@pytest.mark.parametrize(
    "url",
    [
        "http://images.example.com.evil.com/x.png",
        "http://evil.com/images.example.com/x.png",
        "http://evil.com#@images.example.com/x.png",
        "http://evil.com?@images.example.com/x.png",
        "http://evil.com\\@images.example.com/x.png",
        "http://images.example.com@evil.com/x.png",
        "http://images.example.com:secret@evil.com/x.png",
        "http://evilimages.example.com/x.png",
        "http://cdn.example.com.evil.com/x.png",
    ],
)
def test_the_source_allow_list_cannot_be_widened_by_url_tricks(url: str) -> None:
    allowed = ("images.example.com", "*.cdn.example.com")
    with pytest.raises(BadRequest):
        check_url(url, allowed)


@pytest.mark.parametrize(
    "url",
    [
        "http://images.example.com/x.png",
        "https://IMAGES.example.com./x.png",
        "http://a.cdn.example.com/x.png",
        "http://a.b.cdn.example.com:8080/x.png?v=1#top",
    ],
)
def test_the_source_allow_list_admits_its_hosts(url: str) -> None:
    check_url(url, ("images.example.com", "*.cdn.example.com"))


# --- hostile origins, through a real Fetcher -------------------------------------------------

HOSTILE_HOST = "127.0.0.2"


class HostileOrigin:
    """An HTTP server on 127.0.0.2 whose paths misbehave in the ways origins do."""

    def __init__(self, canary_port: int) -> None:
        self.requests: list[dict[str, str]] = []
        routes = self._routes(canary_port)
        origin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                origin.requests.append(dict(self.headers))
                routes.get(self.path, lambda h: h.send_error(404))(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((HOSTILE_HOST, 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://{HOSTILE_HOST}:{self.port}{path}"

    def _routes(self, canary_port: int) -> dict[str, Callable[[BaseHTTPRequestHandler], None]]:
        canary = f"http://127.0.0.1:{canary_port}/x.png"
        return {
            "/ok.png": lambda h: _send(h, small_png()),
            "/to-canary": lambda h: _redirect(h, canary),
            "/hop1": lambda h: _redirect(h, "/hop2"),
            "/hop2": lambda h: _redirect(h, self.url("/to-canary")),
            "/to-localhost": lambda h: _redirect(h, f"http://localhost:{canary_port}/"),
            "/to-file": lambda h: _redirect(h, "file:///etc/passwd"),
            "/loop": lambda h: _redirect(h, "/loop"),
            "/gzip-bomb": lambda h: _send(h, _GZIP_BOMB, **{"Content-Encoding": "gzip"}),
            "/deflate-bomb": lambda h: _send(h, _DEFLATE_BOMB, **{"Content-Encoding": "deflate"}),
            "/brotli": lambda h: _send(h, b"\x0b\x00\x80", **{"Content-Encoding": "br"}),
            "/gzip-ok": lambda h: _send(
                h, gzip.compress(small_png()), **{"Content-Encoding": "gzip"}
            ),
            "/huge-length": lambda h: _send(h, b"x" * 10, **{"Content-Length": str(10**12)}),
            "/endless": _endless,
            "/drip": _drip,
        }


def _send(handler: BaseHTTPRequestHandler, body: bytes, **headers: str) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "image/png")
    headers.setdefault("Content-Length", str(len(body)))
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.end_headers()
    with contextlib.suppress(OSError):  # the fetcher hung up, as it should
        handler.wfile.write(body)


def _redirect(handler: BaseHTTPRequestHandler, location: str) -> None:
    handler.send_response(302)
    handler.send_header("Location", location)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def _endless(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    chunk = b"%x\r\n%s\r\n" % (65536, b"\x00" * 65536)
    try:
        while True:
            handler.wfile.write(chunk)
    except OSError:
        pass


def _drip(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    try:
        for _ in range(100000):  # one byte every 0.2 s: each read is quick, the whole is not
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.2)
    except OSError:
        pass


_GZIP_BOMB = gzip_zeros(200 * MB)  # about 200 KB each
_DEFLATE_BOMB = zlib_zeros(200 * MB)


@pytest.fixture(scope="module")
def hostile_origin(canary: Canary) -> Iterator[HostileOrigin]:
    origin = HostileOrigin(canary.port)
    yield origin
    origin.server.shutdown()


def _fetch(url: str, **overrides: object) -> bytes:
    options: dict[str, object] = {
        "allow_private": False,
        "timeout": 2.0,
        "max_bytes": 5 * MB,
        "max_redirects": 3,
        "address_check": lambda address: address == HOSTILE_HOST,
    }
    fetcher = Fetcher(**(options | overrides))  # type: ignore[arg-type]

    async def run() -> bytes:
        try:
            return await fetcher.fetch(url)
        finally:
            await fetcher.aclose()

    return asyncio.run(run())


def test_the_stand_in_origin_is_reachable(hostile_origin: HostileOrigin) -> None:
    assert _fetch(hostile_origin.url("/ok.png")) == small_png()
    assert _fetch(hostile_origin.url("/gzip-ok")) == small_png()


@pytest.mark.parametrize("path", ["/to-canary", "/hop1", "/to-localhost", "/to-file", "/loop"])
def test_every_redirect_hop_is_checked_and_counted(
    hostile_origin: HostileOrigin, canary: Canary, path: str
) -> None:
    started = time.monotonic()
    with pytest.raises(BadRequest) as refused:
        _fetch(hostile_origin.url(path))
    assert time.monotonic() - started < 2
    assert canary.connections == 0
    if path == "/loop":
        assert "redirected more than 3 times" in refused.value.message


@pytest.mark.parametrize("path", ["/gzip-bomb", "/deflate-bomb", "/endless", "/huge-length"])
def test_download_caps_count_decoded_bytes_and_cut_the_stream(
    hostile_origin: HostileOrigin, path: str
) -> None:
    me = psutil.Process()
    before = me.memory_info().rss
    started = time.monotonic()
    with pytest.raises(BadRequest) as refused:
        _fetch(hostile_origin.url(path))
    assert time.monotonic() - started < 2
    assert "larger than" in refused.value.message
    assert (me.memory_info().rss - before) / MB < 60  # the cap is 5 MB; 200 MB never exist


def test_an_unsupported_content_encoding_is_refused(hostile_origin: HostileOrigin) -> None:
    with pytest.raises(BadRequest, match="Content-Encoding"):
        _fetch(hostile_origin.url("/brotli"))


def test_a_slow_drip_origin_meets_the_total_deadline(hostile_origin: HostileOrigin) -> None:
    started = time.monotonic()
    with pytest.raises(BadRequest, match="longer than 2 s"):
        _fetch(hostile_origin.url("/drip"))
    assert time.monotonic() - started < 3


def test_no_key_or_credentials_reach_the_origin(api, origin) -> None:
    """Through the ordinary test app (private sources allowed): the key goes in the query and
    in an Authorization header, and neither reaches the origin."""
    url = origin.add("/leak-check.png", small_png())
    reply = api.client.get(
        "/flip",
        params={"key": api.key, "img": url},
        headers={"Authorization": f"Bearer {api.key}", "Cookie": "session=abc"},
    )
    assert api.ok(reply)
    assert api.key not in reply.text
    headers = [h for path, h in origin.requests if path == "/leak-check.png"]
    assert headers, "the origin was not asked"
    for sent in headers:
        lowered = {k.lower(): v for k, v in sent.items()}
        assert "authorization" not in lowered and "cookie" not in lowered
        assert "www-authenticate" not in lowered
        assert api.key not in " ".join(sent.values())
