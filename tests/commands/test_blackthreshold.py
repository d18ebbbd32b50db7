import numpy as np
import pytest

from tests.commands._effects import original, served
from tests.support import photo, pixels


def test_blackthreshold_zeroes_each_channel_below_the_colour(api, origin):
    out = pixels(api.image(api.get("blackthreshold", img=served(origin), color="#806040")))
    source = original()
    limit = np.array([0x80, 0x60, 0x40])
    expected = np.where(source < limit, 0, source)
    assert np.array_equal(out, expected)


def test_bth_is_the_same_command(api):
    source = photo("coffee", "PNG")
    full = api.upload("blackthreshold", source, color="gray", blob="1").content
    short = api.upload("bth", source, color="gray", blob="1").content
    assert full == short
    out = pixels(short)
    assert ((out == 0) | (out >= 128)).all()


def test_blackthreshold_by_json(api, astronaut_url):
    assert api.image(api.post_json("bth", {"img": astronaut_url, "color": "black"}))


@pytest.mark.parametrize("color", ["notacolour", "#12345"])
def test_blackthreshold_rejects_a_bad_colour(api, astronaut_url, color):
    assert "color" in api.error(api.get("blackthreshold", img=astronaut_url, color=color), 400)
