import numpy as np

from tests.support import decode, pixels


def test_a_yellow_square_like_the_dynamic_meme_sample(api):
    image = decode(api.image(api.get("newimage", width=300, height=300, color="yellow")))
    assert image.format == "PNG" and image.size == (300, 300)
    assert (np.asarray(image.convert("RGB")) == [255, 255, 0]).all()


def test_defaults_gray_and_one_side_for_both(api):
    out = pixels(api.image(api.get("create", height=40)))
    assert out.shape == (40, 40, 3) and (out == 128).all()


def test_transparent_and_exported_formats(api):
    image = decode(api.get("newimage", width=20, height=10, color="tr", blob="true").content)
    assert image.mode == "RGBA" and image.getpixel((3, 3))[3] == 0
    reply = api.get("newimage", width=20, height=10, color="#102030", export="jpg", blob="true")
    assert reply.headers["content-type"] == "image/jpeg"
    assert np.abs(pixels(reply.content)[5, 5] - [16, 32, 48]).max() <= 3


def test_bad_sizes_and_colours_are_refused(api):
    assert "width" in api.error(api.get("newimage", width=0), 400)
    assert "width" in api.error(api.get("newimage", width=20000, height=10), 400)
    assert "color" in api.error(api.get("newimage", width=5, color="blurple"), 400)
    assert "export" in api.error(api.get("newimage", width=5, export="exe"), 400)
    assert "width" in api.error(api.get("newimage"), 400)
