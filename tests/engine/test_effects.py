"""Effects (engine/effects.py): ImageMagick's routines on small made-up pictures."""

import math

import numpy as np
import pytest

from pixmill.engine import effects
from pixmill.engine.codec import from_array, to_array
from pixmill.errors import BadRequest


def _im_oil_paint(picture: np.ndarray, width: int) -> np.ndarray:
    """OilPaintImage (IM 6 effect.c) as loops: the pixel whose level first reaches the top
    count while the window is scanned row by row."""
    levels = np.floor(picture[..., :3].astype(float) @ [0.212656, 0.715158, 0.072186] + 0.5).astype(
        int
    )
    rows, cols = levels.shape
    half = width // 2
    out = np.empty_like(picture)
    for y in range(rows):
        for x in range(cols):
            histogram, count, chosen = {}, 0, (y, x)
            for v in range(-half, half + 1):
                for u in range(-half, half + 1):
                    sy, sx = min(max(y + v, 0), rows - 1), min(max(x + u, 0), cols - 1)
                    level = levels[sy, sx]
                    histogram[level] = histogram.get(level, 0) + 1
                    if histogram[level] > count:
                        count, chosen = histogram[level], (sy, sx)
            out[y, x] = picture[chosen]
    return out


def test_oil_paint_matches_imagemagicks_scan():
    rng = np.random.default_rng(4)
    picture = rng.integers(0, 6, (14, 17, 3), dtype=np.uint8) * 40  # few levels: many ties
    out = to_array(effects.oil_paint(from_array(picture), 2))
    assert np.array_equal(out, _im_oil_paint(picture, 5))


def test_implode_by_zero_changes_nothing():
    picture = np.random.default_rng(1).integers(0, 256, (20, 30, 3), dtype=np.uint8)
    assert np.array_equal(to_array(effects.implode(from_array(picture), 0)), picture)


def test_shade_of_a_flat_picture_is_the_sine_of_the_elevation():
    flat = from_array(np.full((10, 10, 3), 90, np.uint8))
    out = to_array(effects.shade(flat, True, 45, 20))
    assert out.shape == (10, 10, 1)
    assert (out == round(255 * math.sin(math.radians(20)))).all()


def test_shadow_canvas_and_opacity():
    photo = from_array(np.full((20, 30, 3), 200, np.uint8))
    out = to_array(effects.shadow(photo, 50, 0, 5, -3))
    assert out.shape == (23, 35, 4)  # the photo at (0, 3), its hard shadow at (5, 0)
    assert out[3, 0].tolist() == [200, 200, 200, 255]
    assert out[0, 34].tolist() == [0, 0, 0, 128]  # 50% black where only the shadow is
    assert out[22, 34, 3] == 0


def test_frame_rejects_bevels_wider_than_the_frame():
    with pytest.raises(BadRequest):
        effects.frame(from_array(np.zeros((5, 5, 3), np.uint8)), 4, 4, 3, 2, (189, 189, 189))


def test_frame_shades_the_matte_colour():
    out = to_array(
        effects.frame(from_array(np.zeros((4, 4, 3), np.uint8)), 6, 6, 2, 2, (100, 100, 100))
    )
    assert out.shape == (16, 16, 3)
    light, accent = round(100 * 130 / 255 + 125), round(100 * 175 / 255 + 80)
    shadow, trough = round(100 * 135 / 255), round(100 * 110 / 255)
    assert out[8, 0, 0] == light and out[0, 8, 0] == accent
    assert out[8, 15, 0] == shadow and out[15, 8, 0] == trough
    assert out[0, 0, 0] == accent and out[1, 0, 0] == light  # the bevel's mitred corner


@pytest.mark.parametrize(("kind", "spread"), [(1, (0.3, 1.5)), (2, (17, 22)), (5, (12, 15))])
def test_noise_spreads(kind, spread):
    grey = np.full((200, 200, 3), 128, np.uint8)
    out = to_array(effects.add_noise(from_array(grey), kind, None, seed=3)).astype(int)
    assert spread[0] < (out - 128).std() < spread[1]


def test_impulse_and_poisson_noise():
    grey = np.full((200, 200, 3), 128, np.uint8)
    impulse = to_array(effects.add_noise(from_array(grey), 4, None, seed=3))
    assert (impulse != 128).mean() == pytest.approx(0.1, abs=0.01)
    poisson = to_array(effects.add_noise(from_array(grey), 6, None, seed=3)).astype(int)
    # Poisson with 12.5 * 128/255 = 6.3 events: mean kept, sd sqrt(6.3) steps of 20.4 = 51.
    assert abs(poisson.mean() - 128) < 2 and 46 < poisson.std() < 56


def test_sketch_and_charcoal_shapes():
    picture = from_array(np.random.default_rng(2).integers(0, 256, (30, 40, 3), dtype=np.uint8))
    first = to_array(effects.sketch(picture, 2, 3, 30, seed=9))
    assert np.array_equal(first, to_array(effects.sketch(picture, 2, 3, 30, seed=9)))
    assert first.shape == (30, 40, 3)
    assert to_array(effects.charcoal(picture, 1, 0.5)).shape == (30, 40, 1)


def test_remap_uses_only_the_palette():
    palette = from_array(np.array([[[0, 0, 0], [255, 255, 255], [255, 0, 0]]], np.uint8))
    picture = np.random.default_rng(3).integers(0, 256, (20, 20, 3), dtype=np.uint8)
    for dither in (False, True):
        out = to_array(effects.remap(from_array(picture), palette, dither))
        assert {tuple(c) for c in out.reshape(-1, 3).tolist()} <= {
            (0, 0, 0),
            (255, 255, 255),
            (255, 0, 0),
        }


def test_hald_clut_identity_and_shape_check():
    order = 4
    levels = order * order
    b, g, r = np.meshgrid(*[np.arange(levels)] * 3, indexing="ij")
    identity = (np.stack([r, g, b], -1) * 255 / (levels - 1)).round().astype(np.uint8)
    clut = from_array(identity.reshape(order**3, order**3, 3))
    picture = np.random.default_rng(6).integers(0, 256, (16, 16, 3), dtype=np.uint8)
    out = to_array(effects.hald_clut(from_array(picture), clut)).astype(int)
    assert np.abs(out - picture).max() <= 1
    with pytest.raises(BadRequest):
        effects.hald_clut(from_array(picture), from_array(np.zeros((60, 60, 3), np.uint8)))
