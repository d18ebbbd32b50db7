import numpy as np
import pytest

from tests.commands._effects import luma, original, served
from tests.support import photo, pixels


def test_sepia_tones_warm_and_keeps_the_picture(api, astronaut_url):
    out = pixels(api.image(api.get("sepia", img=astronaut_url, sepia=204)))
    source = original()
    assert out.shape == source.shape
    red, green, blue = (out[..., i].astype(int) for i in range(3))
    assert (red >= green - 2).mean() > 0.97 and (green >= blue - 2).mean() > 0.97
    assert (red - blue).mean() > 25
    assert np.corrcoef(luma(out).ravel(), luma(source).ravel())[0, 1] > 0.9


def test_sepia_of_a_grey_photo_is_coloured(api):
    blob = api.upload("sepia", photo("camera", "PNG"), sepia=200, blob="true")
    out = pixels(blob.content)
    assert out.shape == (512, 512, 3) and (out[..., 0] - out[..., 2]).mean() > 20


def test_sepia_threshold_darkens_and_mutes_the_tone(api, origin):
    url = served(origin, "coffee")
    low = pixels(api.get("sepia", img=url, sepia=60, blob="1").content)
    high = pixels(api.post_json("sepia", {"img": url, "sepia": 230, "blob": True}).content)

    def warmth(a):
        return (a[..., 0].astype(int) - a[..., 2]).mean()

    # The threshold is subtracted from every tone: a high one gives a darker, browner print,
    # a low one a bright, yellow-red one.
    assert luma(high).mean() < luma(low).mean() - 40 and warmth(high) < warmth(low) / 2


@pytest.mark.parametrize("value", ["256", "-1", "brown"])
def test_sepia_rejects_a_bad_threshold(api, astronaut_url, value):
    assert "sepia" in api.error(api.get("sepia", img=astronaut_url, sepia=value), 400)
