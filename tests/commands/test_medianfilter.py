import numpy as np
import pytest

from tests.commands._effects import original, speckled
from tests.support import encode, pixels


def _error(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a.astype(float) - b).mean())


def test_medianfilter_removes_salt_and_pepper(api, origin):
    noisy = speckled("camera", fraction=0.08)
    url = origin.add("/effects/salt.png", encode(noisy, "PNG"), Content_Type="image/png")
    out = pixels(api.image(api.get("medianfilter", img=url, radius=3)), "L")
    clean = original("camera")
    assert out.shape == clean.shape
    assert _error(out, clean) < _error(noisy, clean) / 2.5
    assert out.max() - out.min() > 200  # contrast kept: a median does not average


def test_medianfilter_window_is_the_radius_wide(api, origin):
    stripes = np.zeros((30, 30, 3), np.uint8)
    stripes[:, 14:16] = 255  # a 2 px line survives a 3 x 3 median, not a 5 x 5 one
    url = origin.add("/effects/line.png", encode(stripes, "PNG"), Content_Type="image/png")
    three = pixels(api.get("medianfilter", img=url, radius=3, blob="1").content)
    five = pixels(api.get("medianfilter", img=url, blob="1").content)  # 0: ImageMagick's 5 x 5
    assert three[15, 14:16].min() == 255 and five.max() == 0


def test_mf_is_the_same_command(api):
    source = encode(speckled("camera"), "PNG")
    full = api.upload("medianfilter", source, radius=3, blob="1").content
    short = api.upload("mf", source, radius=3, blob="1").content
    assert full == short


@pytest.mark.parametrize("radius", ["-1", "42", "wide"])
def test_medianfilter_rejects_a_bad_radius(api, astronaut_url, radius):
    assert "radius" in api.error(api.get("mf", img=astronaut_url, radius=radius), 400)
