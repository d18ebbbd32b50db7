import numpy as np
import pytest

from tests.commands._effects import original, served
from tests.support import pixels


def test_gamma_follows_the_power_curve(api, origin):
    out = pixels(api.image(api.get("gamma", img=served(origin), gamma=2.0)))
    source = original()
    expected = np.floor(255 * (source / 255) ** 0.5 + 0.5)
    assert np.abs(out - expected).max() <= 1
    assert out.mean() > source.mean() + 20


def test_gamma_channel_and_darkening(api, origin):
    reply = api.post_json(
        "gamma", {"img": served(origin), "gamma": 0.5, "channel": 4, "blob": True}
    )
    out, source = pixels(reply.content), original()
    assert np.array_equal(out[..., :2], source[..., :2])
    assert np.abs(out[..., 2] - np.floor(255 * (source[..., 2] / 255) ** 2 + 0.5)).max() <= 1


def test_gamma_upload_of_a_jpeg(api, astronaut_url):
    blob = api.get("gamma", img=astronaut_url, gamma=1.5, blob="true")
    assert blob.headers["content-type"] == "image/jpeg"


@pytest.mark.parametrize("value", ["0", "11", "-1", "bright"])
def test_gamma_rejects_a_bad_gamma(api, astronaut_url, value):
    assert "gamma" in api.error(api.get("gamma", img=astronaut_url, gamma=value), 400)
