import numpy as np

from tests.support import decode, photo, photo_array, pixels


def test_colorspace_rgb_stores_linear_light_values(api):
    out = pixels(api.image(api.upload("colorspace_rgb", photo("coffee", "PNG"))))
    srgb = photo_array("coffee").astype(float) / 255
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    assert np.abs(out - np.rint(linear * 255)).max() <= 1
    assert out.mean() < photo_array("coffee").mean() - 30  # looks darker in an sRGB viewer


def test_colorspace_rgb_keeps_the_input_format_as_a_blob(api, astronaut_url):
    reply = api.get("colorspace_rgb", img=astronaut_url, blob="true")
    assert reply.headers["content-type"] == "image/jpeg"
    assert decode(reply.content).size == (512, 512)


def test_colorspace_rgb_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("colorspace_rgb", img="coffee"), 400)
