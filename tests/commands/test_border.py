import numpy as np

from tests.support import pixels


def test_border_width_only_uses_it_for_height_in_the_colour(api, astronaut_url):
    out = pixels(api.image(api.get("border", img=astronaut_url, width=20, color="yellow")))
    assert out.shape == (552, 552, 3)
    for y, x in ((0, 0), (10, 276), (551, 551), (276, 5)):
        assert np.abs(out[y, x] - (255, 255, 0)).max() < 8


def test_border_defaults_to_gray_with_two_sides(api, astronaut_url):
    out = pixels(api.get("border", img=astronaut_url, width=5, height=10, blob="1").content)
    assert out.shape == (532, 522, 3)
    assert np.abs(out[2, 2] - 128).max() < 8


def test_border_rejects_more_than_300(api, astronaut_url):
    assert "width" in api.error(api.get("border", img=astronaut_url, width=301), 400)


def test_border_rejects_an_unknown_colour(api, astronaut_url):
    assert "color" in api.error(api.get("border", img=astronaut_url, width=3, color="blurple"), 400)
