"""Sizing primitives against straightforward per-pixel transcriptions of ImageMagick's code."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PIL import Image

from pixmill.engine import sizing
from pixmill.engine.codec import from_array, to_array
from tests.support import photo_array

RNG = np.random.default_rng(7)


def _luma(pixel: np.ndarray) -> float:
    return float(pixel[0]) if len(pixel) < 3 else float(pixel[:3] @ [0.212656, 0.715158, 0.072186])


def _mesh_reference(src: np.ndarray, width: int, height: int) -> np.ndarray:
    """InterpolativeResizeImage + MeshInterpolatePixel, one pixel at a time (no alpha)."""
    rows, columns = src.shape[:2]
    out = np.zeros((height, width, src.shape[2]))
    for oy in range(height):
        for ox in range(width):
            x = (ox + 0.5) * columns / width - 0.5
            y = (oy + 0.5) * rows / height - 0.5
            x0, y0 = math.floor(x), math.floor(y)
            dx, dy = x - x0, y - y0

            def at(i: int, j: int) -> np.ndarray:
                return src[min(max(j, 0), rows - 1), min(max(i, 0), columns - 1)].astype(float)

            p = [at(x0, y0), at(x0 + 1, y0), at(x0, y0 + 1), at(x0 + 1, y0 + 1)]
            if abs(_luma(p[0]) - _luma(p[3])) < abs(_luma(p[1]) - _luma(p[2])):
                if dx <= dy:
                    ex, ey, a, b, c = dx, 1 - dy, p[2], p[3], p[0]
                else:
                    ex, ey, a, b, c = 1 - dx, dy, p[1], p[0], p[3]
            elif dx <= 1 - dy:
                ex, ey, a, b, c = dx, dy, p[0], p[1], p[2]
            else:
                ex, ey, a, b, c = 1 - dx, 1 - dy, p[3], p[2], p[1]
            out[oy, ox] = ex * b + ey * c + (1 - ex - ey) * a
    return np.clip(np.rint(out), 0, 255)


def _bspline(x: float) -> float:
    x = abs(x)
    return 2 / 3 - x**2 + x**3 / 2 if x < 1 else (2 - x) ** 3 / 6 if x < 2 else 0.0


def _spline_reference_1d(line: np.ndarray, new_size: int) -> np.ndarray:
    """ResizeImage's HorizontalFilter with the Spline filter along the first axis."""
    size = len(line)
    factor = new_size / size
    scale = max(1 / factor, 1.0)
    support = 2 * scale
    out = np.zeros((new_size, *line.shape[1:]))
    for x in range(new_size):
        bisect = (x + 0.5) / factor
        start, stop = int(max(bisect - support + 0.5, 0)), int(min(bisect + support + 0.5, size))
        weights = [_bspline((j - bisect + 0.5) / scale) for j in range(start, stop)]
        total = sum(weights)
        out[x] = sum(w / total * line[j] for w, j in zip(weights, range(start, stop), strict=True))
    return out


def _epx_reference(src: np.ndarray) -> np.ndarray:
    rows, columns = src.shape[:2]
    out = np.zeros((rows * 2, columns * 2, src.shape[2]), dtype=np.uint8)
    for y in range(rows):
        for x in range(columns):
            e = tuple(src[y, x])
            b = tuple(src[max(y - 1, 0), x])
            h = tuple(src[min(y + 1, rows - 1), x])
            d = tuple(src[y, max(x - 1, 0)])
            f = tuple(src[y, min(x + 1, columns - 1)])
            corners = [e, e, e, e]
            if b != h and d != f:
                corners = [d if d == b else e, f if b == f else e, d if d == h else e,
                           f if h == f else e]  # fmt: skip
            out[2 * y, 2 * x], out[2 * y, 2 * x + 1] = corners[0], corners[1]
            out[2 * y + 1, 2 * x], out[2 * y + 1, 2 * x + 1] = corners[2], corners[3]
    return out


@pytest.mark.parametrize(("width", "height"), [(23, 17), (7, 31), (12, 9)])
def test_mesh_resize_matches_imagemagicks_mesh_interpolation(width, height):
    src = RNG.integers(0, 256, (12, 9, 3), dtype=np.uint8)
    out = to_array(sizing.mesh_resize(from_array(src), width, height)).astype(int)
    assert out.shape == (height, width, 3)
    assert np.abs(out - _mesh_reference(src, width, height)).max() <= 1


def test_mesh_resize_keeps_a_diagonal_edge_unblended_where_bilinear_would_blend():
    src = np.full((2, 2, 3), 255, np.uint8)
    src[0, 0] = 0  # one dark corner: the NE-SW diagonal joins equal pixels, so it is the split
    out = to_array(sizing.mesh_resize(from_array(src), 4, 4))
    assert tuple(out[1, 1]) == (128, 128, 128)  # bilinear would give 112
    assert tuple(out[2, 2]) == (255, 255, 255)  # outside the dark triangle; bilinear gives 239


def test_mesh_resize_to_the_same_size_is_the_identity():
    src = photo_array("coffee")[:60, :80]
    assert np.array_equal(to_array(sizing.mesh_resize(from_array(src), 80, 60)), src)


def test_mesh_resize_weights_colour_by_alpha():
    src = np.zeros((1, 2, 4), np.uint8)
    src[0, 0] = (255, 0, 0, 255)  # opaque red next to transparent black
    out = to_array(sizing.mesh_resize(from_array(src), 4, 1))
    assert out[0, 1, 3] < 255 and tuple(out[0, 1, :3]) == (255, 0, 0)  # no dark fringe


def test_spline_resize_matches_imagemagicks_spline_filter():
    src = RNG.integers(0, 256, (11, 9, 3), dtype=np.uint8)
    expected = _spline_reference_1d(src.astype(float), 5)
    expected = _spline_reference_1d(expected.swapaxes(0, 1), 4).swapaxes(0, 1)
    out = to_array(sizing.spline_resize(from_array(src), 4, 5)).astype(int)
    assert np.abs(out - np.rint(expected)).max() <= 1


def test_spline_resize_smooths_more_than_it_keeps_detail():
    src = np.indices((64, 64)).sum(axis=0) % 2 * 255  # a one-pixel checkerboard
    out = to_array(sizing.spline_resize(from_array(src.astype(np.uint8)), 32, 32))
    assert np.abs(out[4:-4, 4:-4].astype(int) - 128).max() <= 1  # aliasing filtered out


def test_scale2x_matches_the_epx_rule():
    src = RNG.choice([0, 255], size=(9, 11, 1)).astype(np.uint8).repeat(3, axis=2)
    out = to_array(sizing.scale2x(from_array(src)))
    assert np.array_equal(out, _epx_reference(src))


def test_scale2x_rounds_a_diagonal_staircase():
    src = np.tril(np.full((6, 6), 255, np.uint8))[..., None].repeat(3, axis=2)
    out = to_array(sizing.scale2x(from_array(src)))[..., 0]
    # Along the diagonal the 2x2 steps are cut: the unlit pixel above a step gets a lit
    # bottom-left corner, the lit pixel below loses its top-right one (nearest: the reverse).
    assert out[1, 2] == 255 and out[2, 3] == 0
    assert out[5, 0] == 255 and out[0, 5] == 0


@pytest.mark.parametrize(
    ("size", "box", "expected"),
    [((512, 256), (800, 600), (800, 400)), ((300, 600), (100, 100), (50, 100))],
)
def test_fit_keeps_the_aspect_ratio_inside_the_box(size, box, expected):
    assert sizing.fit(*size, *box) == expected


def test_derive_fills_a_missing_side_from_the_aspect_ratio():
    assert sizing.derive(512, 256, 72, None) == (72, 36)
    assert sizing.derive(512, 256, None, 64) == (128, 64)
    assert sizing.derive(512, 256, 100, 100) == (100, 50)


def test_resample_blur_factor_removes_fine_detail():
    src = from_array(photo_array("camera"))
    plain = to_array(sizing.resample(src, 256, 256, 1)).astype(float)
    blurred = to_array(sizing.resample(src, 256, 256, 4)).astype(float)
    assert plain.shape == blurred.shape == (256, 256, 1)
    assert np.abs(np.diff(blurred, axis=1)).mean() < 0.5 * np.abs(np.diff(plain, axis=1)).mean()
    assert abs(plain.mean() - blurred.mean()) < 2


def test_dpi_treats_the_libvips_placeholder_as_72():
    image = from_array(np.zeros((4, 4, 3), np.uint8))
    assert sizing.dpi(image) == (72.0, 72.0)
    assert sizing.dpi(sizing.with_dpi(image, 300, 150)) == (300.0, 150.0)


@pytest.mark.parametrize(
    ("x", "y", "width", "height"), [(45, 72, 20, 20), (0, 0, 10, 0), (500, 500, 100, 100)]
)
def test_chop_removes_the_columns_and_rows(x, y, width, height):
    src = photo_array("astronaut")
    out = to_array(sizing.chop(from_array(src), x, y, width, height))
    rows = range(y, min(src.shape[0], y + height))
    columns = range(x, min(src.shape[1], x + width))
    assert np.array_equal(out, np.delete(np.delete(src, rows, axis=0), columns, axis=1))


def test_chop_refuses_to_remove_everything():
    with pytest.raises(Exception, match="whole image"):
        sizing.chop(from_array(photo_array("astronaut")), 0, 0, 512, 10)


def test_extent_places_the_image_at_minus_the_offset():
    src = photo_array("astronaut")
    out = to_array(sizing.extent(from_array(src), -10, 20, 600, 400, (255, 0, 0, 255)))
    assert out.shape == (400, 600, 3)
    assert np.array_equal(out[0:380, 10:522], src[20:400])
    assert tuple(out[0, 0]) == tuple(out[399, 599]) == (255, 0, 0)


def test_roll_wraps_around():
    src = photo_array("astronaut")
    out = to_array(sizing.roll(from_array(src), 30, -40))
    assert np.array_equal(out, np.roll(src, (-40, 30), axis=(0, 1)))


def test_transpose_and_transverse_mirror_along_the_diagonals():
    src = photo_array("astronaut")[:300]
    assert np.array_equal(to_array(sizing.transpose(from_array(src))), src.transpose(1, 0, 2))
    expected = src[::-1, ::-1].transpose(1, 0, 2)
    assert np.array_equal(to_array(sizing.transverse(from_array(src))), expected)


def _rotated_page(degrees: float) -> np.ndarray:
    """scikit-image's scanned page turned counter-clockwise, white outside."""
    page = Image.fromarray(photo_array("page"))
    return np.asarray(page.rotate(degrees, expand=True, fillcolor=255, resample=Image.BICUBIC))


def test_skew_angle_measures_the_rotation_of_text_lines():
    base = sizing.skew_angle(from_array(_rotated_page(0)), 40)  # the scan itself is ~0.45 off
    assert abs(base) < 1
    for degrees in (4, -7.5, 20):
        measured = sizing.skew_angle(from_array(_rotated_page(degrees)), 40)
        assert abs(measured - (base - degrees)) < 0.3, (degrees, measured)


def test_skew_angle_of_a_blank_image_is_zero():
    assert sizing.skew_angle(from_array(np.full((50, 50), 255, np.uint8)), 40) == 0


def test_deskew_straightens_and_fills_the_corners_white():
    skewed = from_array(_rotated_page(6))
    straight = sizing.deskew(skewed, 40)
    assert straight.width > skewed.width
    assert abs(sizing.skew_angle(straight, 40)) < 0.8
    assert to_array(straight)[0, 0, 0] == 255


def test_resample_keeps_colour_under_transparency():
    src = np.zeros((8, 8, 4), np.uint8)
    src[:, :4] = (255, 0, 0, 255)  # opaque red beside transparent black
    out = to_array(sizing.resample(from_array(src), 16, 16, 1))
    edge = out[:, 6:10]
    assert out.dtype == np.uint8 and out.shape == (16, 16, 4)
    assert (edge[..., 0][edge[..., 3] > 32] >= 250).all()  # no dark fringe
