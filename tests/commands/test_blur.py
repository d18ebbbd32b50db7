import numpy as np
import pytest

from tests.support import photo, pixels


def _detail(array: np.ndarray) -> float:
    return float(np.abs(np.diff(array.astype(float), axis=1)).mean())


def test_blur_lowers_the_detail_and_keeps_the_size(api, astronaut_url):
    original = pixels(api.get("flip", img=astronaut_url, blob="1").content)
    out = pixels(api.image(api.get("blur", img=astronaut_url, radius=50, sigma=30)))
    assert out.shape == original.shape
    assert _detail(out) < _detail(original) / 5


def test_blur_accepts_the_samples_short_names(api, astronaut_url):
    strong = pixels(api.get("blur", img=astronaut_url, rad=50, sig=30, blob="1").content)
    weak = pixels(api.get("blur", img=astronaut_url, rad=2, sig=1, blob="1").content)
    assert _detail(strong) < _detail(weak)


def test_blur_channel_blurs_only_the_red_band(api):
    source = photo("astronaut", "PNG")  # lossless, so untouched bands stay exact
    plain = pixels(source)
    out = pixels(api.upload("blur", source, sigma=8, channel=1, blob="1").content)
    assert _detail(out[..., 0]) < _detail(plain[..., 0]) / 2
    assert np.array_equal(out[..., 1:], plain[..., 1:])


@pytest.mark.parametrize("sigma", ["nan", "inf", "-1", "201", "1e309", "１０"])
def test_blur_rejects_bad_sigma(api, astronaut_url, sigma):
    assert "sigma" in api.error(api.get("blur", img=astronaut_url, sigma=sigma), 400)
