import numpy as np
import pyvips

from pixmill.engine.codec import from_array, to_array
from pixmill.engine.compose import blur_regions, canvas, clip, difference, fit, noise, paste


def _photo():
    rng = np.random.default_rng(1)
    return from_array(rng.integers(0, 256, (60, 80, 3), dtype=np.uint8))


def test_paste_respects_alpha_and_clips():
    base = canvas(10, 10, (0, 0, 0, 255))
    top = from_array(np.array([[[255, 255, 255, 128]] * 20] * 20, dtype=np.uint8))
    out = to_array(paste(base, top, -5, 7))
    assert out.shape == (10, 10, 3)
    assert out[8, 2].tolist() == [128, 128, 128] and out[5, 5].tolist() == [0, 0, 0]


def test_blur_changes_only_the_region():
    image = _photo()
    out = to_array(blur_regions(image, [(10, 10, 30, 20), (70, 50, 40, 40)], 10, 3))
    before = to_array(image)
    mask = np.zeros(before.shape[:2], bool)
    mask[10:30, 10:40] = True
    mask[50:60, 70:80] = True
    assert (out[~mask] == before[~mask]).all()
    assert (out[mask] != before[mask]).mean() > 0.8


def test_difference_and_clip():
    a = _photo()
    b = from_array(to_array(a) // 2)
    mse, picture = difference(a, a)
    assert mse == 0 and to_array(picture).max() == 0
    mse, _ = difference(a, b)
    expected = ((to_array(a).astype(float) - to_array(b)) ** 2).mean()
    assert abs(mse - expected) < 1e-6
    assert clip((-5, -5, 10, 10), 4, 4) == (0, 0, 4, 4)
    assert clip((5, 5, 2, 2), 4, 4) is None


def test_fit_keeps_the_aspect_ratio_on_transparency():
    out = to_array(fit(_photo(), 40, 40))  # 80x60 -> 40x30, centred
    assert out.shape == (40, 40, 4)
    assert out[2, 20, 3] == 0 and out[20, 20, 3] == 255


def test_noise_is_seedable_and_uniform():
    first, second = noise(64, 64, None, seed=3), noise(64, 64, None, seed=3)
    assert (first == second).min() == 255
    values = to_array(first)
    assert abs(values.mean() - 127.5) < 5
    assert isinstance(canvas(3, 2, (1, 2, 3, 0)), pyvips.Image)
    assert canvas(3, 2, (1, 2, 3, 0)).bands == 4 and canvas(3, 2, (1, 2, 3, 255)).bands == 3
