"""PixLab's calling convention: methods, parameter sources, precedence, keys, replies."""

import numpy as np

from tests.support import decode, encode, photo, photo_array, pixels


def _is_rotated_180(data: bytes) -> bool:
    expected = photo_array("astronaut")[::-1, ::-1].astype(np.int16)
    return bool(np.abs(pixels(data) - expected).mean() < 4)


def test_get_with_query_parameters(api, astronaut_url):
    assert _is_rotated_180(api.image(api.get("rotate", img=astronaut_url, degree=180)))


def test_post_urlencoded_form(api, astronaut_url):
    reply = api.client.post("/rotate", data={"img": astronaut_url, "degree": "180", "key": api.key})
    assert _is_rotated_180(api.image(reply))


def test_post_json_body(api, astronaut_url):
    assert _is_rotated_180(
        api.image(api.post_json("rotate", {"img": astronaut_url, "degree": 180}))
    )


def test_post_multipart_upload_with_file_part(api):
    assert _is_rotated_180(api.image(api.upload("rotate", photo("astronaut"), degree="180")))


def test_any_single_file_part_name_is_the_upload(api):
    files = {"image": ("x.jpg", photo("astronaut"), "image/jpeg")}
    reply = api.client.post("/rotate", data={"key": api.key, "degree": "180"}, files=files)
    assert _is_rotated_180(api.image(reply))


def test_body_overrides_the_query_string(api, astronaut_url):
    reply = api.client.post(
        "/rotate",
        params={"degree": "90", "key": api.key},
        json={"img": astronaut_url, "degree": 180},
    )
    assert _is_rotated_180(api.image(reply))


def test_a_parameter_repeated_in_the_query_is_refused(api, astronaut_url):
    reply = api.client.get(
        "/rotate",
        params=[("img", astronaut_url), ("degree", "90"), ("degree", "180"), ("key", api.key)],
    )
    assert "degree" in api.error(reply, 400)


def test_lenient_values_real_clients_send(api, astronaut_url):
    # Python's requests sends True as 'True'; the Snapchat samples send widths like 72.5.
    reply = api.get("crop", img=astronaut_url, width="72.5", height="20.0", blob="True")
    assert decode(reply.content).size == (72, 20)


def test_key_in_the_www_authenticate_header(api, astronaut_url):
    reply = api.client.get(
        "/flip", params={"img": astronaut_url}, headers={"WWW-Authenticate": api.key}
    )
    api.image(reply)


def test_key_as_a_bearer_token(api, astronaut_url):
    reply = api.client.get(
        "/flip", params={"img": astronaut_url}, headers={"Authorization": f"Bearer {api.key}"}
    )
    api.image(reply)


def test_the_key_parameter_wins_over_the_header(api, astronaut_url):
    reply = api.client.get(
        "/flip",
        params={"img": astronaut_url, "key": "wrong" * 5},
        headers={"WWW-Authenticate": api.key},
    )
    api.error(reply, 401)


def test_blob_true_answers_the_image_bytes(api, astronaut_url):
    reply = api.get("flop", img=astronaut_url, blob="true")
    assert reply.status_code == 200
    assert reply.headers["content-type"] == "image/jpeg"
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert "etag" in reply.headers
    assert decode(reply.content).size == (512, 512)


def test_media_reply_has_link_ssl_link_and_id_on_the_public_url(api, astronaut_url):
    body = api.ok(
        api.client.get(
            "/flip", params={"img": astronaut_url, "key": api.key}, headers={"Host": "evil.example"}
        )
    )
    assert set(body) == {"status", "link", "ssl_link", "id"}
    assert body["link"].startswith("http://testserver/media/") and body["id"] in body["link"]
    assert body["ssl_link"] == body["link"]  # no TLS URL configured: the same working link
    assert api.key not in body["link"]
    stored = api.client.get(body["link"])
    assert stored.headers["content-type"] == "image/jpeg"
    assert stored.headers["x-content-type-options"] == "nosniff"
    assert decode(stored.content).size == (512, 512)


def test_ssl_link_uses_the_tls_url_when_set(make_api, astronaut_url):
    with make_api(tls_url="https://images.example.com") as (api, _):
        body = api.ok(api.get("flip", img=astronaut_url))
        assert body["ssl_link"] == f"https://images.example.com/media/{body['id']}.jpg"
        assert body["link"].startswith("http://testserver/media/")


def test_output_format_follows_the_input(api):
    for fmt, mime in (("PNG", "image/png"), ("WEBP", "image/webp"), ("GIF", "image/gif")):
        reply = api.upload("flip", encode(photo_array("coffee")[:64, :64], fmt), blob="1")
        assert reply.headers["content-type"] == mime


def test_status_needs_no_key(client):
    reply = client.get("/status")
    assert reply.headers["content-type"] == "application/json"
    assert reply.json() == {"status": 200, "payload": "All Services are up & running"}


def test_usage_is_counted_per_key_and_endpoint(api, settings, astronaut_url):
    from pixmill.app import open_keys

    store = open_keys(settings)
    prefix = store.lookup(api.key).prefix
    before = store.usage(prefix).get("flip", 0)
    api.ok(api.get("flip", img=astronaut_url))
    assert store.usage(prefix)["flip"] == before + 1


def test_the_key_never_reaches_the_logs(api, astronaut_url, caplog):
    caplog.set_level("DEBUG")
    api.ok(api.get("flip", img=astronaut_url))
    api.error(api.get("flip", img="http://127.0.0.1:1/x.jpg"), 400)
    server_side = [r for r in caplog.records if not r.name.startswith("httpx2")]  # the test client
    assert any(r.name == "pixmill.access" for r in server_side)
    assert all(api.key not in record.getMessage() for record in server_side)
