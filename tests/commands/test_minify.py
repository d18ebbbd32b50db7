import numpy as np
from PIL import Image

from tests.support import decode, photo, photo_array, pixels


def test_minify_halves_the_size_smoothly(api, astronaut_url):
    out = pixels(api.image(api.get("minify", img=astronaut_url)))
    assert out.shape == (256, 256, 3)
    box = np.asarray(Image.fromarray(photo_array("astronaut")).reduce(2)).astype(np.int16)
    assert np.abs(out - box).mean() < 6
    assert np.abs(out.mean(axis=(0, 1)) - box.mean(axis=(0, 1))).max() < 2


def test_minify_rounds_odd_sides_down_as_a_png_blob(api):
    reply = api.upload("minify", photo("chelsea", "PNG"), blob="true")  # 451x300
    assert reply.headers["content-type"] == "image/png"
    assert decode(reply.content).size == (225, 150)


def test_minify_rejects_an_img_that_is_not_a_url(api):
    assert "URL" in api.error(api.get("minify", img="astronaut.jpg"), 400)
