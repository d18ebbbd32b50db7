import numpy as np

from tests.support import decode, photo, photo_array


def test_colorspace_transparent_turns_a_jpeg_into_an_opaque_rgba_png(api, astronaut_url):
    reply = api.get("colorspace_transparent", img=astronaut_url)
    assert api.ok(reply)["link"].endswith(".png")
    image = decode(api.image(reply))
    assert image.mode == "RGBA"
    rgba = np.asarray(image).astype(np.int16)
    assert rgba[..., 3].min() == 255
    assert np.abs(rgba[..., :3] - photo_array("astronaut")).mean() < 4


def test_colorspace_transparent_writes_webp_as_png_and_keeps_tiff_as_blobs(api):
    reply = api.upload("colorspace_transparent", photo("coffee", "WEBP"), blob="true")
    assert reply.headers["content-type"] == "image/png"
    assert decode(reply.content).mode == "RGBA"
    reply = api.upload("colorspace_transparent", photo("coffee", "TIFF"), blob="true")
    assert reply.headers["content-type"] == "image/tiff"
    assert np.asarray(decode(reply.content)).shape == (400, 600, 4)


def test_colorspace_transparent_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("colorspace_transparent", img="coffee"), 400)
