import numpy as np
import pytest

from tests.commands._effects import original, served
from tests.support import encode, pixels


def test_modulate_saturation_zero_gives_grey(api, origin):
    out = pixels(api.image(api.get("modulate", img=served(origin), brightness=100, saturation=0)))
    assert out.shape == (512, 512, 3)
    assert (
        np.abs(out[..., 0] - out[..., 1]).max() <= 1
        and np.abs(out[..., 1] - out[..., 2]).max() <= 1
    )
    # HSL lightness is kept: (max + min) / 2 of the source.
    source = original()
    lightness = (source.max(axis=-1) + source.min(axis=-1)) / 2
    assert np.abs(out[..., 0] - lightness).max() <= 1


def test_modulate_hue_200_turns_colours_half_way_round(api, origin):
    patches = np.zeros((10, 30, 3), np.uint8)
    patches[:, :10], patches[:, 10:20], patches[:, 20:] = (255, 0, 0), (0, 255, 0), (0, 0, 255)
    url = origin.add("/effects/rgb.png", encode(patches, "PNG"), Content_Type="image/png")
    out = pixels(api.get("modulate", img=url, brightness=100, hue=200, blob="1").content)
    assert tuple(out[5, 5]) == (0, 255, 255)  # red -> cyan
    assert tuple(out[5, 15]) == (255, 0, 255)  # green -> magenta
    assert tuple(out[5, 25]) == (255, 255, 0)  # blue -> yellow


def test_modulate_brightness_scales_the_lightness(api, origin):
    reply = api.post_json(
        "modulate", {"img": served(origin, "coffee"), "brightness": 50, "blob": True}
    )
    out, source = pixels(reply.content), original("coffee")
    lightness = (out.max(axis=-1) + out.min(axis=-1)) / 2
    before = (source.max(axis=-1) + source.min(axis=-1)) / 2
    assert np.abs(lightness - before / 2).mean() < 1.5


@pytest.mark.parametrize("value", ["600", "-1", "dim"])
def test_modulate_rejects_a_bad_brightness(api, astronaut_url, value):
    assert "brightness" in api.error(api.get("modulate", img=astronaut_url, brightness=value), 400)
