"""Tone maps (engine/tone.py) against ImageMagick 6's formulas, on small made-up pictures."""

import numpy as np
import pytest

from pixmill.engine import tone
from pixmill.engine.codec import from_array, to_array


def _run(func, array, *args):
    return to_array(func(from_array(array.astype(np.uint8)), *args)).astype(int)


def _ramp() -> np.ndarray:
    return np.tile(np.arange(256, dtype=np.uint8), (4, 1))


def test_to_8bit_truncates_as_imagemagicks_8_bit_files_do():
    quanta = np.array([0, 256, 257, 257 * 200 + 256, 65535])
    assert tone.to_8bit(quanta).tolist() == [0, 0, 1, 200, 255]


def test_stretch_bounds_count_from_both_ends():
    counts = np.zeros(65536)
    counts[[100, 200, 30000, 60000]] = [5, 5, 80, 10]
    assert tone.stretch_bounds(counts, 4, 95) == (100, 60000)
    assert tone.stretch_bounds(counts, 5, 90) == (200, 30000)


def test_histogram_always_has_every_bin():
    assert tone.histogram(from_array(np.full((3, 3), 7, np.uint8))).size == 256
    assert tone.histogram(tone.intensity_q16(from_array(_ramp()))).size == 65536


def test_gamma_is_the_power_curve():
    out = _run(tone.gamma, _ramp(), 2.2, None)[0, :, 0]
    assert np.abs(out - np.floor(255 * (np.arange(256) / 255) ** (1 / 2.2) + 0.5)).max() <= 1


def test_normalize_clips_the_tails_and_stretches_linearly():
    values = np.repeat(np.arange(50, 151, dtype=np.uint8), 100).reshape(101, 100)
    out = _run(tone.normalize, values, None)[..., 0]
    assert out.min() == 0 and out.max() == 255
    assert (np.diff(np.unique(out)) > 0).all() and len(np.unique(out)) == 101


def test_linear_stretch_counts_pixels():
    values = np.repeat(np.arange(100, dtype=np.uint8), 10).reshape(100, 10)  # 10 of each
    out = _run(tone.linear_stretch, values, 200, 300)[..., 0]
    assert (out == 0).sum() == 200 and (out == 255).sum() == 300


def test_equalize_maps_each_level_to_its_cumulative_share():
    rng = np.random.default_rng(1)
    skewed = (rng.random((200, 200)) ** 3 * 255).astype(np.uint8)
    out = _run(tone.equalize, skewed)[..., 0]
    cumulative = np.cumsum(np.bincount(skewed.ravel(), minlength=256))
    share = (cumulative - cumulative[0]) / (cumulative[-1] - cumulative[0])
    expected = np.floor(np.floor(65535 * share + 0.5) / 257)  # rounded in Q16, cut to 8 bits
    assert np.array_equal(out, expected[skewed])


def test_posterize_levels_and_ordered_dither():
    out = _run(tone.posterize, _ramp(), 3, False)
    assert sorted(np.unique(out).tolist()) == [0, 127, 255]  # Q16 32767, truncated
    grey = np.full((8, 8), 64, np.uint8)  # a quarter of the way from black to white
    dithered = _run(tone.posterize, grey, 2, True)[..., 0]
    assert set(np.unique(dithered).tolist()) == {0, 255} and (dithered == 255).sum() == 16


def test_threshold_black_and_random():
    assert np.array_equal(_run(tone.threshold, _ramp(), 100)[0, :, 0] == 255, np.arange(256) > 100)
    colour = np.array([[[10, 200, 90], [200, 10, 200]]], np.uint8)
    assert _run(tone.black_threshold, colour, (100, 100, 100)).tolist() == [
        [[0, 200, 0], [200, 0, 200]]
    ]
    grey = np.full((100, 100), 77, np.uint8)
    out = to_array(tone.random_threshold(from_array(grey), 10, 240, None, seed=2))
    assert set(np.unique(out).tolist()) == {0, 255}
    assert (out == 255).mean() == pytest.approx(77 / 255, abs=0.02)


def test_colorize_blends_per_channel():
    grey = np.full((2, 2, 3), 100, np.uint8)
    out = _run(tone.colorize, grey, (255, 0, 0), (50.0, 10.0, 0.0))
    assert out[0, 0].tolist() == [177, 90, 100]  # 177.5 in Q16 is 45618, cut to 177


def test_modulate_identity_and_hue_turn():
    colour = np.array([[[200, 60, 30], [20, 90, 160]]], np.uint8)
    assert np.abs(_run(tone.modulate, colour, 100, 100, 100) - colour).max() <= 1
    turned = _run(tone.modulate, np.array([[[255, 0, 0]]], np.uint8), 100, 100, 166.6667)
    assert turned[0, 0].tolist() == [0, 255, 0]  # +66.7% of a half turn, 120 degrees: green


def test_contrast_is_a_sine_on_brightness():
    grey = np.dstack([np.arange(256, dtype=np.float32) * 257] * 3)
    out = tone.contrast(grey)[0, :, 0] / 257
    assert out[0] == 0 and out[255] == pytest.approx(255) and abs(out[128] - 128) <= 1
    assert out[64] < 60 and out[192] > 196
    assert np.array_equal(
        tone.contrast(grey * [1, 0.5, 0.25])[..., 1] * 2,
        tone.contrast(grey * [1, 0.5, 0.25])[..., 0],
    )


def test_sepia_orders_the_channels_warm():
    out = _run(tone.sepia, np.dstack([_ramp()] * 3), 204)
    assert (out[..., 0] >= out[..., 1]).all() and (out[..., 1] >= out[..., 2]).all()
