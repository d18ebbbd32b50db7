import numpy as np
import pytest

from tests.commands._effects import luma, original, served
from tests.support import encode, pixels


def test_normalize_stretches_the_intensity_keeping_the_hues(api, origin):
    dull = (original("coffee") * 0.5 + 60).astype(np.uint8)  # tones in 60-187
    url = origin.add("/effects/dull-coffee.png", encode(dull, "PNG"), Content_Type="image/png")
    out = pixels(api.image(api.get("normalize", img=url)))
    tones = luma(out)
    # 0.15% of the pixels clip to black and 0.05% to white; the rest spans the range.
    assert np.percentile(tones, 1) < 25 and np.percentile(tones, 99.9) > 230
    # One line for every channel: a channel's value orders exactly as before.
    for band in range(3):
        order = np.argsort(dull[..., band].ravel(), kind="stable")
        assert (np.diff(out[..., band].ravel()[order].astype(int)) >= 0).all()


def test_normalize_channel_stretches_only_that_channel(api, origin):
    dull = (original("astronaut") * 0.5 + 60).astype(np.uint8)
    url = origin.add("/effects/dull-astro.png", encode(dull, "PNG"), Content_Type="image/png")
    out = pixels(api.post_json("normalize", {"img": url, "channel": 4, "blob": True}).content)
    assert np.array_equal(out[..., :2], dull[..., :2])
    assert out[..., 2].min() == 0 and out[..., 2].max() == 255


def test_normalize_leaves_a_full_range_photo_alone(api, origin):
    out = pixels(api.get("normalize", img=served(origin), blob="1").content)
    assert np.array_equal(out, original())  # astronaut already spans 0-255


@pytest.mark.parametrize("channel", ["0", "134217728", "red"])
def test_normalize_rejects_a_bad_channel(api, astronaut_url, channel):
    assert "channel" in api.error(api.get("normalize", img=astronaut_url, channel=channel), 400)
