import numpy as np
import pytest

from tests.commands._pictures import bbox, changed
from tests.support import decode, photo, photo_array, pixels

SOURCE = photo_array("astronaut")  # 512x512
PNG = photo("astronaut", "PNG")


@pytest.mark.parametrize("place, third", [("top", 0), ("center", 1), ("bottom", 2)])
def test_each_text_lies_centred_in_its_third(api, place, third):
    out = pixels(api.image(api.upload("drawtext", PNG, **{place: "Hello pixmill"})))
    left, top, right, bottom = bbox(changed(SOURCE, out))
    height, width = SOURCE.shape[:2]
    assert third * height / 3 <= top < bottom <= (third + 1) * height / 3
    assert 0 < left < right < width
    assert abs((left + right) / 2 - width / 2) < width * 0.05
    assert right - left > width * 0.5  # auto-size fills the width


def test_meme_alias_with_cap_and_outline_as_make_meme_sends_it(api, astronaut_url):
    reply = api.get(
        "meme",
        img=astronaut_url,
        top="one does not simply",
        bottom="walk into mordor",
        cap="True",
        strokecolor="black",
    )
    out = pixels(api.image(reply))
    assert out.shape == SOURCE.shape
    top_band, bottom_band = out[:100], out[-100:]
    for band in (top_band, bottom_band):  # white fill inside a black outline
        assert (band.min(axis=2) > 235).sum() > 2000
        assert (band.max(axis=2) < 30).sum() > 1000


def test_fixed_size_sets_the_text_height(api):
    small = pixels(api.upload("drawtext", PNG, center="HHHH", size=20, blob="true").content)
    large = pixels(api.upload("drawtext", PNG, center="HHHH", size=60, blob="true").content)
    _, top_s, _, bottom_s = bbox(changed(SOURCE, small))
    _, top_l, _, bottom_l = bbox(changed(SOURCE, large))
    assert 2.5 < (bottom_l - top_l) / (bottom_s - top_s) < 3.5


def test_colour_and_json_post(api, origin):
    url = origin.add("/astronaut-drawtext.png", PNG, Content_Type="image/png")
    reply = api.post_json("drawtext", {"img": url, "bottom": "RED", "color": "#ff0000"})
    out = pixels(api.image(reply))
    ink = changed(SOURCE, out, 80)
    red = out[ink]
    assert (np.abs(red - [255, 0, 0]).max(axis=1) < 40).mean() > 0.6


def test_blob_reply_is_the_image_in_the_input_format(api, astronaut_url):
    reply = api.get("drawtext", img=astronaut_url, top="blob", blob="true")
    assert reply.headers["content-type"] == "image/jpeg"
    assert decode(reply.content).size == (512, 512)


def test_needs_some_text_and_a_known_font(api, astronaut_url):
    assert "top" in api.error(api.get("drawtext", img=astronaut_url), 400)
    message = api.error(api.get("drawtext", img=astronaut_url, top="x", font="/etc/passwd"), 400)
    assert "font" in message
    message = api.error(api.get("drawtext", img=astronaut_url, top="x", font="comicsans"), 400)
    assert "unknown font" in message
    assert "size" in api.error(api.get("drawtext", img=astronaut_url, top="x", size="-3"), 400)


@pytest.mark.parametrize("font", ["impact", "arial", "vera", "serif", "mono", "wolf"])
def test_any_script_in_any_named_font_lands_in_the_middle(api, font):
    reply = api.upload("drawtext", PNG, center="Ça va? Привет 你好 مرحبا", font=font, blob="true")
    left, top, right, bottom = bbox(changed(SOURCE, pixels(reply.content)))
    assert 512 / 3 <= top < bottom <= 2 * 512 / 3 and right - left > 300
