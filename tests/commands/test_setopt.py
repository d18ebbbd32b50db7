import numpy as np

from tests.support import decode, encode, photo, photo_array, pixels


def test_setopt_quality_changes_the_jpeg_size(api, astronaut_url):
    low = api.image(api.get("setopt", img=astronaut_url, opt="quality", val=20))
    high = api.image(api.get("setopt", img=astronaut_url, opt="quality", val=95))
    assert len(low) < len(high) / 2
    assert np.abs(pixels(low) - photo_array("astronaut")).mean() < 8


def test_setopt_density_sets_the_resolution(api):
    reply = api.upload("setopt", photo("coffee", "PNG"), opt="density", val="300x150", blob="true")
    assert reply.headers["content-type"] == "image/png"
    assert [round(v) for v in decode(reply.content).info["dpi"]] == [300, 150]


def test_setopt_background_flattens_transparency(api):
    rgba = np.zeros((20, 20, 4), np.uint8)
    reply = api.upload("setopt", encode(rgba, "PNG"), opt="Background", val="#00ff00")
    image = decode(api.image(reply))
    assert image.mode == "RGB" and image.getpixel((5, 5)) == (0, 255, 0)


def test_setopt_refuses_options_it_cannot_honour(api, astronaut_url):
    assert "opt" in api.error(api.get("setopt", img=astronaut_url, opt="dither", val="1"), 400)
    message = api.error(api.get("setopt", img=astronaut_url, opt="quality", val="200"), 400)
    assert "val" in message
