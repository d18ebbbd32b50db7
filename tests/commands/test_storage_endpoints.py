from tests.support import decode, photo


def test_store_answers_a_link_to_a_reencoded_copy(api):
    polyglot = photo("astronaut") + b"PK\x03\x04<html><script>alert(1)</script>"
    body = api.ok(api.upload("store", polyglot, comment="holiday"))
    assert set(body) >= {"link", "ssl_link", "id"}
    stored = api.client.get(body["link"])
    assert stored.headers["content-type"] == "image/jpeg"
    assert b"<script>" not in stored.content and b"PK\x03\x04" not in stored.content
    assert decode(stored.content).size == (512, 512)


def test_stored_media_is_an_input_by_link_or_id(api):
    body = api.ok(api.upload("store", photo("chelsea", "PNG")))
    by_link = decode(api.get("flip", img=body["link"], blob="1").content)
    by_id = decode(api.post_json("flop", {"img": body["id"], "blob": True}).content)
    assert by_link.size == by_id.size == (451, 300)


def test_delete_by_the_owner_removes_the_media(api):
    body = api.ok(api.upload("store", photo("coffee")))
    deleted = api.ok(api.get("delete", link=body["link"]))
    assert deleted == {"status": 200, "id": body["id"], "deleted": True}
    api.error(api.client.get(body["link"]), 404)
    api.error(api.get("delete", link=body["id"]), 404)


def test_delete_by_another_key_is_refused_and_keeps_the_media(api, client, other_key):
    body = api.ok(api.upload("store", photo("coffee")))
    refused = client.get("/delete", params={"link": body["link"], "key": other_key})
    api.error(refused, 404)
    assert client.get(body["link"]).status_code == 200


def test_delete_rejects_a_foreign_link(api):
    assert "link" in api.error(api.get("delete", link="https://example.com/a.png"), 400)


def test_copy_makes_a_new_media_owned_by_the_caller(api, client, other_key):
    body = api.ok(api.upload("store", photo("rocket")))
    copied = client.get("/copy", params={"img": body["link"], "key": other_key}).json()
    assert copied["status"] == 200 and copied["id"] != body["id"]
    assert client.get(copied["link"]).content == client.get(body["link"]).content
    api.error(api.get("delete", link=copied["id"]), 404)  # not ours to delete
    api.error(api.get("copy", link="A" * 24), 404)


def test_store_keeps_every_frame_of_an_animation(api):
    import io

    from PIL import Image

    frames = [Image.new("RGB", (40, 30), colour) for colour in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    stored = decode(api.image(api.upload("store", buffer.getvalue())))
    assert stored.format == "GIF" and stored.n_frames == 3 and stored.size == (40, 30)
