import numpy as np
import pytest

from tests.commands._effects import luma, original, served
from tests.support import decode, photo, pixels


def test_threshold_splits_at_the_intensity(api, origin):
    data = api.image(api.get("threshold", img=served(origin), th=128))
    out = pixels(data, "L")
    assert decode(data).mode in ("L", "1")
    assert set(np.unique(out).tolist()) == {0, 255}
    # ImageMagick compares the intensity rounded to 16 bits (v * 257) with th * 257.
    assert np.array_equal(out == 255, np.floor(luma(original()) * 257 + 0.5) > 128 * 257)


def test_threshold_level_moves_the_split(api):
    source = photo("coffee", "PNG")
    low = pixels(api.upload("threshold", source, th=50, blob="1").content, "L")
    high = pixels(api.upload("threshold", source, th=200, blob="1").content, "L")
    assert (low == 255).mean() > (high == 255).mean() + 0.3


def test_threshold_by_json(api, astronaut_url):
    assert api.image(api.post_json("threshold", {"img": astronaut_url, "th": 100}))


@pytest.mark.parametrize("th", ["256", "-1", "half"])
def test_threshold_rejects_a_bad_level(api, astronaut_url, th):
    assert "th" in api.error(api.get("threshold", img=astronaut_url, th=th), 400)
