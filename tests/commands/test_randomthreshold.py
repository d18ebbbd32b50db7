import numpy as np
import pytest

from tests.commands._effects import original, served
from tests.support import photo, pixels


def test_randomthreshold_dithers_and_keeps_the_average_tone(api, origin):
    out = pixels(
        api.image(api.get("randomthreshold", img=served(origin, "camera"), low=40, high=215)), "L"
    )
    grey = original("camera")
    assert set(np.unique(out).tolist()) == {0, 255}
    assert (out[grey < 40] == 0).all() and (out[grey > 215] == 255).all()
    middle = (grey >= 40) & (grey <= 215)

    def blocks(a):
        return np.where(middle, a, 0).reshape(32, 16, 32, 16).sum(axis=(1, 3))

    share = np.maximum(middle.reshape(32, 16, 32, 16).sum(axis=(1, 3)), 1)
    dense = share > 200
    # White with a probability equal to the value: blocks keep their mean tone.
    assert np.abs(blocks(out) / share - blocks(grey) / share)[dense].mean() < 8


def test_randomthreshold_channel_and_randomness(api):
    source = photo("coffee", "PNG")
    first = pixels(
        api.upload("randomthreshold", source, low=0, high=255, channel=1, blob="1").content
    )
    second = pixels(
        api.upload("randomthreshold", source, low=0, high=255, channel=1, blob="1").content
    )
    plain = original("coffee")
    assert np.array_equal(first[..., 1:], plain[..., 1:])
    assert set(np.unique(first[..., 0]).tolist()) <= {0, 255}
    assert not np.array_equal(first, second)


def test_randomthreshold_by_json(api, astronaut_url):
    assert api.image(
        api.post_json("randomthreshold", {"img": astronaut_url, "low": 10, "high": 240})
    )


@pytest.mark.parametrize(("low", "high"), [("200", "100"), ("-1", "100"), ("0", "300")])
def test_randomthreshold_rejects_bad_points(api, astronaut_url, low, high):
    message = api.error(api.get("randomthreshold", img=astronaut_url, low=low, high=high), 400)
    assert "low" in message or "high" in message
