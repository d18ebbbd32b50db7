"""Hostile requests: malformed JSON and multipart bodies, body and header caps, slow clients,
broken HTTP, framework errors (security.md checks 26-28, 32)."""

from __future__ import annotations

import json
import select
import socket
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx2 as httpx
import psutil
import pytest

from tests.hostile.conftest import (
    BODY_TIMEOUT,
    HEADER_TIMEOUT,
    MAX_CONNECTIONS,
    MB,
    Server,
    expect,
    tiny_png,
)


@dataclass
class RawReply:
    """What a raw socket got back, shaped enough for :func:`expect`."""

    status_code: int
    headers: dict[str, str]
    content: bytes

    def json(self) -> dict:
        return json.loads(self.content)


def raw(server: Server, data: bytes, *, then: Iterable[bytes] = (), wait: float = 10):
    """Send ``data``, then each piece of ``then`` 0.5 s apart until the server answers, on a
    fresh connection, and read the reply."""
    address = urlsplit(server.base)
    with socket.create_connection((address.hostname, address.port), timeout=wait) as sock:
        try:
            sock.sendall(data)
            for piece in then:
                if select.select([sock], [], [], 0.5)[0]:  # an answer came: stop sending
                    break
                sock.sendall(piece)
        except OSError:  # the server answered and closed before we were done: fine
            pass
        received = b""
        while b"\r\n\r\n" not in received or len(received) < _expected_length(received):
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return RawReply(int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body)


def _expected_length(received: bytes) -> int:
    head, _, _ = received.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(head) + 4 + int(line.split(b":")[1])
    return 1 << 62


def request(server: Server, path: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: pixmill", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def post_json(server: Server, body: bytes, content_type: str = "application/json"):
    return server.post("/rotate", body, content_type)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b'{"img": ', 400),
        (b'{"degree": 90} trailing', 400),
        (b"[" * 100_000 + b"]" * 100_000, 400),
        (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, 400),
        (b'{"degree": ' + b"9" * 5000 + b"}", 400),
        (b'{"img": "http://example.com/x.png", "degree": NaN}', 400),
        (b'{"img": "http://example.com/x.png", "degree": Infinity}', 400),
        (b'{"img": "http://example.com/x.png", "degree": -Infinity}', 400),
        (b'{"img": "http://example.com/x.png", "degree": 1e999}', 400),
        (b'{"img": "http://example.com/x.png", "degree": true}', 400),
        (b'{"img": "http://example.com/x.png", "degree": [90]}', 400),
        (b'{"img": "http://example.com/x.png", "degree": {"$gt": 1}}', 400),
        (b'{"img": {"url": "http://example.com/x.png"}, "degree": 90}', 400),
        (b'{"img": "\\ud800", "degree": 90}', 400),
        (b'{"degree": 90, "degree": 180}', 400),
        (b"[1, 2]", 400),
        (b'"just a string"', 400),
        (b"null", 400),
        (b"\xef\xbb\xbf{}", 400),
        (b"\xff\xfe{\x00}\x00", 400),
        (b"", 400),  # no body: img is missing
    ],
)
def test_malformed_json_bodies_are_400(server: Server, body: bytes, status: int) -> None:
    expect(server, lambda: post_json(server, body), status, seconds=2)


def test_a_json_body_sent_as_text_is_415(server: Server) -> None:
    body = b'{"img": "http://example.com/x.png", "degree": 90}'
    expect(server, lambda: post_json(server, body, "text/plain"), 415, seconds=2)


def _multipart(parts: list[bytes], boundary: bytes = b"xyz", close: bool = True) -> bytes:
    body = b"".join(b"--" + boundary + b"\r\n" + part + b"\r\n" for part in parts)
    return body + (b"--" + boundary + b"--\r\n" if close else b"")


def _field(name: str, value: bytes) -> bytes:
    return f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value


def _file(data: bytes, filename: str = "a.png") -> bytes:
    head = f'Content-Disposition: form-data; name="file"; filename="{filename}"\r\n'
    return head.encode() + b"Content-Type: image/png\r\n\r\n" + data


MULTIPART_TYPE = "multipart/form-data; boundary=xyz"


def post_multipart(server: Server, body: bytes, content_type: str = MULTIPART_TYPE):
    return server.post("/flip", body, content_type)


MULTIPART = {
    "missing boundary": (_multipart([_file(tiny_png())]), "multipart/form-data"),
    "mismatched boundary": (_multipart([_file(tiny_png())], b"other"), None),
    "unterminated": (_multipart([_file(tiny_png())], close=False), None),
    "two files": (_multipart([_file(tiny_png()), _file(tiny_png())]), None),
    "1001 fields": (_multipart([_field(f"f{i}", b"1") for i in range(1001)]), None),
    "2 MB field": (_multipart([_field("degree", b"1" * 2 * MB), _file(tiny_png())]), None),
    "huge part header": (
        _multipart([b"X-Junk: " + b"a" * 2 * MB + b"\r\n" + _file(tiny_png())]),
        None,
    ),
    "invalid UTF-8 field": (_multipart([_field("img", b"\xff\xfe\xfd"), _file(tiny_png())]), None),
    "nested multipart": (
        _multipart(
            [
                b'Content-Disposition: form-data; name="inner"\r\n'
                b"Content-Type: multipart/mixed; boundary=in\r\n\r\n"
                + _multipart([_file(tiny_png())], b"in")
            ]
        ),
        None,
    ),
    "megabytes of preamble": (b"p" * 3 * MB + b"\r\n" + _multipart([_file(tiny_png())]), None),
}


@pytest.mark.parametrize("case", sorted(MULTIPART))
def test_malformed_multipart_bodies_are_400(server: Server, case: str) -> None:
    body, content_type = MULTIPART[case]
    send = (
        (lambda: post_multipart(server, body, content_type))
        if content_type
        else (lambda: post_multipart(server, body))
    )
    expect(server, send, 400, seconds=2)


def test_megabytes_of_epilogue_are_ignored(server: Server) -> None:
    body = _multipart([_file(tiny_png())]) + b"e" * 3 * MB
    expect(server, lambda: post_multipart(server, body), 200, seconds=2)


def test_a_redos_bait_content_type_parses_in_linear_time(server: Server) -> None:
    content_type = "multipart/form-data; " + "a=b; " * 5000 + "boundary=xyz"
    body = _multipart([_file(tiny_png())])
    expect(server, lambda: post_multipart(server, body, content_type), 200, seconds=2)


def test_client_file_names_never_name_stored_files(server: Server) -> None:
    body = _multipart([_file(tiny_png(), "../../../etc/evil.html")])
    reply = server.post("/store", body, MULTIPART_TYPE).json()
    assert reply["status"] == 200
    name = reply["link"].rsplit("/", 1)[-1]
    assert name.endswith(".png") and "evil" not in name and ".." not in reply["link"]


def test_spooled_upload_files_are_closed_after_the_request(server: Server) -> None:
    """A 3 MB upload goes to a temporary file (past Starlette's 1 MB spool); none stays open."""
    root = psutil.Process(server.process.pid)

    def temp_files() -> int:
        return sum(1 for f in root.open_files() if "/tmp" in f.path or "(deleted)" in f.path)

    before = temp_files()
    big = b"\x89PNG\r\n\x1a\n" + b"\x00" * 3 * MB  # passes the sniff, fails to decode
    expect(server, lambda: server.upload("/flip", big), 400, seconds=3)
    assert temp_files() == before


def test_a_declared_body_over_the_cap_is_413_before_it_is_sent(server: Server) -> None:
    data = request(server, f"/flip?key={server.key}", {"Content-Length": str(10**12)})
    expect(server, lambda: raw(server, data), 413, seconds=2)


def test_a_streamed_body_over_the_cap_is_cut_at_the_cap(server: Server) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(30):
            yield b"\x00" * MB

    expect(
        server,
        lambda: server.post("/flip", chunks(), "application/json"),
        413,
        seconds=5,
        megabytes=300,
    )


def test_a_content_length_lie_waits_only_for_the_body_deadline(server: Server) -> None:
    data = request(
        server,
        f"/rotate?key={server.key}",
        {"Content-Type": "application/json", "Content-Length": "1000000"},
        b'{"degree": 1',
    )
    reply = expect(server, lambda: raw(server, data), 400, seconds=BODY_TIMEOUT + 2)
    assert "too slowly" in reply.json()["error"]


def test_a_body_that_never_ends_is_cut_by_the_deadline(server: Server) -> None:
    head = request(
        server,
        f"/rotate?key={server.key}",
        {"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
    )
    drip = (b"1\r\n \r\n" for _ in range(100))
    expect(server, lambda: raw(server, head, then=drip), 400, seconds=BODY_TIMEOUT + 2)


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (b"GET /status HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n", 431),
        (b"GET /status HTTP/1.1\r\n" + b"X-H: a\r\n" * 5000 + b"\r\n", 431),
        (b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 431),
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET /status HTTP/1.1\r\nHost: x\r\nX-Bad: a\rb\r\n\r\n", 400),
        (b"GET /status HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", 400),
        (b"GET /status HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400),
        (b"GET /status HTTP/9.9\r\nHost: x\r\n\r\n", 400),
    ],
)
def test_broken_http_gets_a_json_error(server: Server, data: bytes, status: int) -> None:
    expect(server, lambda: raw(server, data), status, seconds=2)


def test_headers_that_never_finish_get_408(server: Server) -> None:
    data = b"GET /status HTTP/1.1\r\nHost: x\r\nX-Slow: "
    drip = (b"a" for _ in range(20))  # a byte every 0.5 s: the header deadline still holds
    expect(server, lambda: raw(server, data, then=drip), 408, seconds=HEADER_TIMEOUT + 2)


def test_a_silent_connection_is_closed_with_408(server: Server) -> None:
    expect(server, lambda: raw(server, b""), 408, seconds=HEADER_TIMEOUT + 2)


def test_connections_past_the_cap_get_503_at_once(server: Server) -> None:
    address = urlsplit(server.base)

    def flood_then_probe() -> RawReply:
        idle = [
            socket.create_connection((address.hostname, address.port))
            for _ in range(MAX_CONNECTIONS)
        ]
        try:
            time.sleep(0.2)  # let the server accept them all
            return raw(server, b"GET /status HTTP/1.1\r\nHost: x\r\n\r\n")
        finally:
            for sock in idle:
                sock.close()

    reply = expect(server, flood_then_probe, 503, seconds=2)
    assert "too many open connections" in reply.json()["error"]


def test_an_overlong_query_string_is_414(server: Server) -> None:
    expect(server, lambda: server.get("/rotate", img="http://x/" + "a" * 20_000), 414, seconds=2)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/no-such-endpoint", 404),
        ("GET", "/media/AAAAAAAAAAAAAAAAAAAAAAAA.png", 404),
        ("GET", "/media/..%2f..%2fetc%2fpasswd", 404),
        ("PUT", "/rotate", 405),
        ("DELETE", "/status", 405),
        ("PATCH", "/media/x.png", 405),
    ],
)
def test_framework_errors_use_the_json_envelope(
    server: Server, method: str, path: str, status: int
) -> None:
    reply = expect(
        server, lambda: httpx.request(method, server.url(path), timeout=10), status, seconds=2
    )
    if status == 405:
        assert "GET" in reply.headers["allow"]
    assert "Traceback" not in reply.text and "/work" not in reply.text
