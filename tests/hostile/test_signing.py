"""Signed requests (security.md check 38): with a signing key set, only calls signed with it
are served, and no parameter of a signed call can be changed."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from PIL import Image
from starlette.testclient import TestClient

from pixmill.app import create_app, open_keys
from pixmill.signing import message, sign
from tests.conftest import make_settings
from tests.hostile.conftest import tiny_png

SECRET = "a-deployment-secret-of-some-length"


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str]]:
    settings = make_settings(tmp_path_factory.mktemp("signed"), signing_key=SECRET, workers=1)
    key = open_keys(settings).create("signed")[0]
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client, key


def _upload(client: TestClient, params: dict[str, str], data: bytes):
    files = {"file": ("a.png", data, "image/png")}
    return client.post("/flip", params=params, files=files)


def test_a_signed_upload_is_served(signed) -> None:
    client, key = signed
    params = {"blob": "true"}
    sig = sign(SECRET, "/flip", params, tiny_png())
    reply = _upload(client, {**params, "key": key, "sig": sig}, tiny_png())
    assert reply.status_code == 200, reply.text
    assert Image.open(io.BytesIO(reply.content)).size == (8, 6)


def test_a_signed_json_call_signs_values_as_sent(signed) -> None:
    client, key = signed
    body = {"img": "http://127.0.0.1:1/never-fetched.png", "degree": 90}
    sig = sign(SECRET, "/rotate", body)
    reply = client.post("/rotate", json={**body, "key": key, "sig": sig})
    assert reply.status_code == 400  # past the signature: the URL cannot be fetched
    assert "source" in reply.json()["error"].lower()
    as_text = sign(SECRET, "/rotate", {**body, "degree": "90"})
    reply = client.post("/rotate", json={**body, "key": key, "sig": as_text})
    assert reply.status_code == 403


@pytest.mark.parametrize(
    "tamper",
    [
        "unsigned",
        "wrong secret",
        "changed parameter",
        "added parameter",
        "other endpoint",
        "other file",
        "garbage",
    ],
)
def test_unsigned_and_tampered_calls_are_403(signed, tamper: str) -> None:
    client, key = signed
    params = {"blob": "true"}
    data, path, secret = tiny_png(), "/flip", SECRET
    sent = dict(params)
    if tamper == "wrong secret":
        secret = SECRET + "x"
    if tamper == "other endpoint":
        path = "/flop"
    sig = sign(secret, path, params, data)
    if tamper == "changed parameter":
        sent["blob"] = "false"
    if tamper == "added parameter":
        sent["width"] = "5000"
    if tamper == "other file":
        data = data + b"\x00"
    if tamper == "garbage":
        sig = "zz" * 32
    query = {**sent, "key": key} | ({} if tamper == "unsigned" else {"sig": sig})
    reply = _upload(client, query, data)
    assert reply.status_code == 403, reply.text
    assert reply.json() == {"status": 403, "error": "Missing or invalid request signature"}


def test_a_bad_key_is_still_401_before_the_signature(signed) -> None:
    client, _ = signed
    reply = client.get("/flip", params={"key": "wrong", "sig": "00"})
    assert reply.status_code == 401


def test_the_signed_message_is_unambiguous() -> None:
    """Quotes, newlines or '=' inside a value cannot stand in for another parameter."""
    split = message("/rotate", {"img": "x", "degree": "90"})
    for forged in ('x","degree":"90', "x\ndegree=90", "x&degree=90"):
        assert message("/rotate", {"img": forged}) != split
    assert message("/rotate", {"a": "1"}, b"") != message("/rotate", {"a": "1"})
