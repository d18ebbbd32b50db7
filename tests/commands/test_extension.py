from tests.support import photo


def test_extension_names_a_jpeg_by_url(api, astronaut_url):
    body = api.ok(api.get("extension", img=astronaut_url))
    assert body == {"status": 200, "extension": "jpg", "mime": "image/jpeg"}


def test_extension_reads_the_bytes_not_the_name(api):
    for fmt, extension in (("PNG", "png"), ("WEBP", "webp"), ("GIF", "gif"), ("TIFF", "tif")):
        body = api.ok(api.upload("extension", photo("coffee", fmt)))  # sent as upload.bin
        assert body["extension"] == extension


def test_extension_refuses_what_is_not_an_image(api):
    assert api.error(api.upload("extension", b"just some text"), 415)
    assert "URL" in api.error(api.get("extension", img="photo.png"), 400)
