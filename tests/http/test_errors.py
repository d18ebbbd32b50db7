"""Every failure is PixLab JSON with the right status, the framework's own included."""

from pathlib import Path

import pytest

from tests.support import clear_of_a_minute_boundary, photo


def test_unknown_endpoint_is_404(api):
    assert api.error(api.client.get("/nonexistent"), 404)


def test_wrong_method_is_405_with_allow(api):
    reply = api.client.put("/rotate")
    api.error(reply, 405)
    assert "GET" in reply.headers["allow"] and "POST" in reply.headers["allow"]


def test_missing_parameter_is_400_naming_it(api):
    assert "Missing required parameter 'degree'" in api.error(api.upload("rotate", photo()), 400)


@pytest.mark.parametrize("candidate", [None, "", "nope", "x" * 500])
def test_missing_or_unknown_key_is_401(client, astronaut_url, candidate, api):
    params = {"img": astronaut_url} | ({"key": candidate} if candidate is not None else {})
    api.error(client.get("/flip", params=params), 401)


def test_near_miss_keys_are_401(api, astronaut_url):
    for near in (api.key.upper(), f" {api.key}", api.key[:-1], api.key + "x"):
        api.error(api.client.get("/flip", params={"img": astronaut_url, "key": near}), 401)


def test_a_key_that_is_not_a_string_is_401(api, astronaut_url):
    reply = api.client.post("/flip", json={"img": astronaut_url, "key": {"$ne": ""}})
    api.error(reply, 401)


def test_revoked_key_is_401(make_api, astronaut_url):
    with make_api() as (api, data_dir):
        api.ok(api.get("flip", img=astronaut_url))
        from pixmill.keys import SqlKeyStore

        SqlKeyStore(f"sqlite:///{data_dir / 'pixmill.sqlite3'}").revoke(api.key[:11])
        api.error(api.get("flip", img=astronaut_url), 401)


def test_unsupported_upload_is_415(api):
    assert "Unsupported media" in api.error(api.upload("flip", b"GIF90a not really"), 415)


def test_unsupported_body_type_is_415(api):
    reply = api.client.post("/flip", content=photo(), headers={"Content-Type": "image/jpeg"})
    api.error(reply, 415)


def test_malformed_json_is_400(api):
    reply = api.client.post(
        "/flip", content=b'{"img": "x", ', headers={"Content-Type": "application/json"}
    )
    assert "JSON" in api.error(reply, 400)


def test_oversized_body_is_413(make_api):
    with make_api(max_body_bytes=100_000) as (api, _):
        api.error(api.upload("flip", photo("astronaut") * 2), 413)
        api.ok(api.upload("flip", _small()))


def _small() -> bytes:
    from tests.support import encode, photo_array

    return encode(photo_array("camera")[:100, :100])


def test_overlong_url_is_414(api):
    api.error(api.client.get("/flip", params={"img": "a" * 20000}), 414)


def test_rate_limit_is_429_with_retry_after(make_api, astronaut_url, origin):
    with make_api(rate_limit_per_minute=3) as (api, _):
        clear_of_a_minute_boundary()
        for _ in range(3):
            api.ok(api.get("flip", img=astronaut_url))
        fetches = len(origin.requests)
        reply = api.get("flip", img=astronaut_url)
        assert "Rate limit" in api.error(reply, 429)
        assert int(reply.headers["retry-after"]) >= 1
        assert len(origin.requests) == fetches  # a limited request costs no fetch


def test_spoofed_forwarded_for_does_not_reset_the_limit(make_api, astronaut_url):
    with make_api(rate_limit_per_minute=2) as (api, _):
        clear_of_a_minute_boundary()
        for n in range(3):
            reply = api.client.get(
                "/flip",
                params={"img": astronaut_url, "key": api.key},
                headers={"X-Forwarded-For": f"10.0.0.{n}"},
            )
        api.error(reply, 429)


def test_unexpected_failure_is_a_bare_500(make_api, astronaut_url):
    with make_api() as (api, data_dir):
        media = Path(data_dir) / "media"
        for child in media.iterdir():
            child.rmdir()
        media.rmdir()
        media.write_text("a file where the media folder was")  # the disk refuses every write
        reply = api.get("flip", img=astronaut_url)
        message = api.error(reply, 500)
        assert message == "Internal server error"
        assert "Traceback" not in reply.text and str(data_dir) not in reply.text
        api.ok(api.client.get("/status"))


def test_source_url_answering_404_is_404(api, origin):
    assert "not found" in api.error(api.get("flip", img=origin.url("/missing.jpg")), 404)


def test_loopback_sources_are_refused_unless_allowed(make_api, origin):
    url = origin.add("/private.jpg", photo("camera"))
    seen = len(origin.requests)
    with make_api(allow_private_sources=False) as (api, _):
        message = api.error(api.get("flip", img=url), 400)
        assert "private" in message
        assert len(origin.requests) == seen  # no connection reached the origin


def test_non_http_schemes_are_refused(api):
    for url in ("file:///etc/passwd", "ftp://example.com/a.jpg", "gopher://x/"):
        assert "http" in api.error(api.get("flip", img=url), 400)
