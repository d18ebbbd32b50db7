"""Hostile parameters and keys: number tricks, encodings, repeats, authentication, leaks,
ownership and host headers (security.md checks 24, 25, 29, 30, 33, 34)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx2 as httpx
import pytest

from tests.hostile.conftest import Server, expect, tiny_png

IMG = "http://example.invalid/x.png"  # never fetched: every case fails validation first

NUMBERS = [
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "1e309",
    "1e999",
    "9223372036854775808",
    "1" * 5000,
    "１８０",  # full-width digits
    "٣",  # Arabic-Indic three
    "१८०",  # Devanagari
    "1_80",
    "180deg",
    "0x5A",
    "+-90",
    "−90",  # U+2212 minus sign
    "9 0",
    "",
    "true",
]


@pytest.mark.parametrize("value", NUMBERS)
def test_number_tricks_are_400_naming_the_parameter(server: Server, value: str) -> None:
    reply = expect(server, lambda: server.get("/rotate", img=IMG, degree=value), 400, seconds=2)
    assert "'degree'" in reply.json()["error"]


@pytest.mark.parametrize("value", ["-1", "0", "16385", "2147483648", "99999999999"])
def test_sizes_outside_their_range_are_400(server: Server, value: str) -> None:
    reply = expect(server, lambda: server.get("/resize", img=IMG, width=value), 400, seconds=2)
    assert "'width'" in reply.json()["error"]


def test_a_huge_output_canvas_is_refused_before_any_work(server: Server) -> None:
    """16384 x 16384 passes each side's bound but not the pixel cap on the output."""
    reply = expect(
        server,
        lambda: server.upload("/resize", tiny_png(), width=16384, height=16384),
        400,
        seconds=2,
        megabytes=200,
    )
    assert "limit" in reply.json()["error"]


@pytest.mark.parametrize(
    "query",
    [
        "img=http://x/%0d%0aSet-Cookie:%20a=b&degree=90",
        "img=http://x/%00.png&degree=90",
        "img=http://x/%ff.png&degree=90",  # invalid UTF-8
        "img=http://x/%c0%af.png&degree=90",  # overlong '/'
        "img=http://x/%ed%a0%80.png&degree=90",  # an encoded surrogate
        "img=http://x/%e2%82.png&degree=90",  # a cut sequence
        "img=" + IMG + "&degree=90&degree=180",  # repeated
        "img=" + IMG + "&degree=9%0a0",
        "img=" + IMG + "&degree=%1b[31m90",
    ],
)
def test_bad_encodings_control_characters_and_repeats_are_400(server: Server, query: str):
    url = f"{server.base}/rotate?key={server.key}&{query}"
    reply = expect(server, lambda: httpx.get(url), 400, seconds=2)
    assert "Set-Cookie" not in reply.headers


def test_text_parameters_are_length_capped(server: Server) -> None:
    reply = expect(
        server, lambda: server.upload("/store", tiny_png(), comment="c" * 5000), 400, seconds=2
    )
    assert "'comment'" in reply.json()["error"]


@pytest.mark.parametrize(
    "key",
    [
        None,
        "",
        " ",
        "wrong",
        "pxm00000000_" + "A" * 32,
        "k" * 10_000,
        "\x00",
    ],
)
def test_missing_wrong_and_overlong_keys_are_401(server: Server, key: str | None) -> None:
    params = {"img": IMG, "degree": 90} | ({} if key is None else {"key": key})
    expect(server, lambda: httpx.get(server.url("/rotate"), params=params), 401, seconds=2)


def test_near_miss_keys_are_401(server: Server) -> None:
    for near in (
        f" {server.key}",
        f"{server.key} ",
        server.key.upper(),
        server.key[:-1],
        server.key + "x",
        server.key.replace("_", "-"),
    ):
        params = {"key": near, "img": IMG, "degree": 90}
        expect(server, lambda p=params: httpx.get(server.url("/rotate"), params=p), 401, seconds=2)


@pytest.mark.parametrize("value", ["{}", "[]", "123", "true", "null", '{"$ne": ""}', '["x"]'])
def test_keys_that_are_not_strings_are_401(server: Server, value: str) -> None:
    body = f'{{"key": {value}, "img": "{IMG}", "degree": 90}}'.encode()

    def send() -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        return httpx.post(server.url("/rotate"), content=body, headers=headers)

    expect(server, send, 401, seconds=2)


def test_the_key_parameter_wins_over_the_header_deterministically(server: Server) -> None:
    def call(query_key: str, header_key: str) -> int:
        return httpx.post(
            server.url("/header"),
            params={"key": query_key},
            headers={"WWW-Authenticate": header_key},
            files={"file": ("a.png", tiny_png(), "image/png")},
        ).status_code

    assert call(server.key, "wrong") == 200
    assert call("wrong", server.key) == 401


def test_keys_are_stored_only_as_digests(server: Server) -> None:
    database = Path(server.log_path).parent / "pixmill.sqlite3"
    assert database.exists()
    assert server.key.encode() not in database.read_bytes()
    with sqlite3.connect(database) as connection:
        dump = "\n".join(connection.iterdump())
    assert server.key not in dump


def test_the_key_never_reaches_logs_errors_or_links(server: Server) -> None:
    """Provoke errors that carry the key in the query; the log names the key only once, on the
    start-up line that shows a new operator their key."""
    for params in (
        {"img": "http://127.0.0.1:1/x.png"},
        {"img": IMG, "degree": "x"},
        {"img": f"http://x/?key={server.key}"},
    ):
        reply = server.get("/rotate", **params)
        assert reply.status_code == 400 and server.key not in reply.text
    reply = server.upload("/flip", tiny_png()).json()
    assert server.key not in reply["link"] and server.key not in reply["ssl_link"]
    log = server.log_path.read_text(errors="replace")
    assert log.count(server.key) == 1
    assert "Created the first API key" in next(
        line for line in log.splitlines() if server.key in line
    )


def test_links_ignore_the_host_and_forwarded_host_headers(server: Server) -> None:
    reply = httpx.post(
        server.url("/flip"),
        params={"key": server.key},
        files={"file": ("a.png", tiny_png(), "image/png")},
        headers={"Host": "evil.example", "X-Forwarded-Host": "evil2.example"},
    ).json()
    assert reply["status"] == 200
    assert reply["link"].startswith(server.base + "/media/")
    assert reply["ssl_link"].startswith(server.base + "/media/")


def test_one_key_cannot_delete_another_keys_media(server: Server) -> None:
    stored = server.upload("/store", tiny_png()).json()
    assert len(stored["id"]) >= 20  # unguessable names
    other = _second_key(server)
    reply = httpx.get(server.url("/delete"), params={"key": other, "link": stored["link"]})
    assert reply.status_code == 404 and reply.json()["status"] == 404
    assert httpx.get(stored["link"]).status_code == 200
    mine = httpx.get(server.url("/delete"), params={"key": server.key, "link": stored["id"]})
    assert mine.json()["deleted"] is True


def _second_key(server: Server) -> str:
    from pixmill.app import open_keys
    from pixmill.settings import Settings

    data_dir = Path(server.log_path).parent
    return open_keys(Settings(data_dir=data_dir)).create("other tenant")[0]
