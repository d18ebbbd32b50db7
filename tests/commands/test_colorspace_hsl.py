import colorsys

import numpy as np

from tests.support import decode, photo, photo_array


def test_colorspace_hsl_stores_hue_saturation_lightness_in_a_png(api, astronaut_url):
    reply = api.get("colorspace_hsl", img=astronaut_url)
    assert api.ok(reply)["link"].endswith(".png")  # lossless, whatever the input
    assert decode(api.image(reply)).size == (512, 512)


def test_colorspace_hsl_values_match_the_textbook_conversion(api):
    reply = api.upload("colorspace_hsl", photo("coffee", "PNG"), blob="true")
    assert reply.headers["content-type"] == "image/png"
    out = np.asarray(decode(reply.content)).astype(float)
    source = photo_array("coffee")[::20, ::20].reshape(-1, 3) / 255
    expected = np.array([colorsys.rgb_to_hls(*p) for p in source])[:, [0, 2, 1]] * 255
    assert np.abs(out[::20, ::20].reshape(-1, 3) - np.rint(expected)).max() <= 1


def test_colorspace_hsl_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("colorspace_hsl", img="coffee"), 400)
