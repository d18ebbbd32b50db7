"""ImageMagick's convolution filters (engine/filters.py), checked against transcriptions of its
C routines on small pictures."""

import math

import numpy as np
import pytest
import pyvips

from pixmill.engine import filters
from pixmill.engine.codec import from_array, to_array


def _im_optimal_width_1d(sigma: float) -> int:
    """GetOptimalKernelWidth1D (IM 6 gem.c), line by line, for radius 0."""
    alpha, beta = 1 / (2 * sigma * sigma), 1 / (math.sqrt(2 * math.pi) * sigma)
    width = 5
    while True:
        j = (width - 1) // 2
        normalize = sum(math.exp(-(i * i) * alpha) * beta for i in range(-j, j + 1))
        value = math.exp(-(j * j) * alpha) * beta / normalize
        if value < 1 / 65535 or value < 1e-12:
            return width - 2
        width += 2


@pytest.mark.parametrize("sigma", [0.5, 1, 2.5, 7, 30])
def test_kernel_width_matches_imagemagick(sigma):
    assert filters.kernel_width(0, sigma) == _im_optimal_width_1d(sigma)


def test_kernel_width_from_a_radius_and_from_nothing():
    assert filters.kernel_width(2.2, 9) == 7
    assert filters.kernel_width(0, 0) == 3
    assert filters.kernel_width(0, 0.5, dims=2) == 5


def test_blur_kernel_is_imagemagicks_sub_sampled_gaussian():
    kernel = filters.blur_kernel(2, 1.5)
    assert kernel.size == 5 and kernel.sum() == pytest.approx(1)
    # KernelRank 3: each tap integrates three sub-samples of a Gaussian of 3 x sigma.
    u = np.arange(-7, 8)
    expected = np.exp(-(u**2) / (2 * 4.5**2)).reshape(5, 3).sum(axis=1)
    assert kernel == pytest.approx(expected / expected.sum())
    assert filters.blur_kernel(2.9, 1).size == 5  # a radius of 1 or more is truncated


def test_gaussian_kernel_is_a_plain_sampled_gaussian():
    kernel = filters.gaussian_kernel(3, 1.2)
    u = np.arange(-3, 4)
    expected = np.exp(-(u**2) / (2 * 1.44))
    assert kernel == pytest.approx(expected / expected.sum())


def test_motion_kernel_points_along_the_angle():
    right = filters.motion_kernel(3, 2, 0)
    assert right.shape == (13, 13) and right.sum() == pytest.approx(1)
    assert np.count_nonzero(right[6, 6:]) == 7 and np.count_nonzero(right) == 7
    down = filters.motion_kernel(3, 2, 90)
    assert np.count_nonzero(down[6:, 6]) == 7 and np.count_nonzero(down) == 7
    assert (np.diff(right[6, 6:]) < 0).all()  # weights fall off away from the pixel


def test_convolve_rounds_bytes_but_keeps_floats():
    image = pyvips.Image.black(8, 4) + 0.3
    smooth = filters.convolve(image.cast("float"), np.array([[0.5, 0.5]]))
    assert smooth.format == "float" and smooth.avg() == pytest.approx(0.3)
    assert filters.convolve(image.cast("uchar"), np.array([[0.5, 0.5]])).format == "uchar"


def test_edge_and_emboss_kernels():
    edge = filters.edge_kernel(1)
    assert edge.shape == (3, 3) and edge.sum() == 0 and edge[1, 1] == 8
    emboss = filters.emboss_kernel(0, 1)
    rows, cols = np.nonzero(emboss)
    assert (rows + cols == emboss.shape[0] - 1).all()  # only the anti-diagonal
    assert emboss.sum() == pytest.approx(1)
    centre = emboss.shape[0] // 2
    assert emboss[centre, centre] > 0 and emboss[0, -1] < 0 and emboss[-1, 0] < 0


def test_radial_blur_keeps_rings_and_smears_spokes():
    y, x = np.indices((101, 101)) - 50
    rings = (127.5 + 127.5 * np.cos(np.hypot(x, y) * np.pi / 8)).astype(np.uint8)
    spokes = (127.5 + 127.5 * np.cos(np.arctan2(y, x) * 8)).astype(np.uint8)
    ring_out = to_array(filters.radial_blur(from_array(rings), 40))[..., 0].astype(int)
    spoke_out = to_array(filters.radial_blur(from_array(spokes), 40))[..., 0].astype(int)
    far = (np.hypot(x, y) > 20) & (np.hypot(x, y) < 48)  # arcs that stay inside the picture
    assert np.abs(ring_out - rings)[far].mean() < 4
    assert np.abs(spoke_out - spokes)[far].mean() > 50
    assert np.array_equal(to_array(filters.radial_blur(from_array(spokes), 0))[..., 0], spokes)


def _im_despeckle(plane: np.ndarray) -> np.ndarray:
    """DespeckleImage and Hull (IM 6 effect.c) for one channel, as plain loops."""
    rows, cols = plane.shape
    width = cols + 2
    f = [0] * ((rows + 2) * width)
    for y in range(rows):
        for x in range(cols):
            f[(y + 1) * width + x + 1] = int(plane[y, x])
    g = [0] * len(f)

    def hull(dx, dy, polarity):
        offset = dy * width + dx
        for y in range(rows):
            for x in range(cols):
                i = (y + 1) * width + x + 1
                v, r = f[i], f[i + offset]
                if polarity > 0 and r >= v + 2:
                    v += 1
                elif polarity < 0 and r <= v - 2:
                    v -= 1
                g[i] = v
        for y in range(rows):
            for x in range(cols):
                i = (y + 1) * width + x + 1
                v, r, s = g[i], g[i + offset], g[i - offset]
                if polarity > 0 and s >= v + 2 and r > v:
                    v += 1
                elif polarity < 0 and s <= v - 2 and r < v:
                    v -= 1
                f[i] = v

    for dx, dy in ((0, 1), (1, 0), (1, 1), (-1, 1)):
        hull(dx, dy, 1)
        hull(-dx, -dy, 1)
        hull(-dx, -dy, -1)
        hull(dx, dy, -1)
    return np.array(f).reshape(rows + 2, width)[1:-1, 1:-1]


def test_despeckle_matches_imagemagicks_hulls():
    rng = np.random.default_rng(5)
    picture = rng.integers(0, 256, (11, 13, 3), dtype=np.uint8)
    picture[4:8, 4:9] = 120  # a flat patch with a speck
    picture[6, 6] = 250
    out = to_array(filters.despeckle(from_array(picture)))
    for band in range(3):
        assert np.array_equal(out[..., band], _im_despeckle(picture[..., band]))


def test_enhance_averages_only_similar_neighbours():
    flat = np.full((9, 9, 3), 100, np.uint8)
    assert np.array_equal(to_array(filters.enhance(from_array(flat))), flat)
    grain = flat.copy()
    grain[4, 4] = (104, 104, 104)  # close: averaged away
    grain[2, 2] = (250, 0, 0)  # far: left alone, and ignored by its neighbours
    out = to_array(filters.enhance(from_array(grain))).astype(int)
    assert abs(out[4, 4, 0] - 100) <= 1 and tuple(out[2, 2]) == (250, 0, 0)
    assert tuple(out[2, 3]) == (100, 100, 100)


def test_median_window_side_is_the_radius():
    line = np.zeros((15, 15), np.uint8)
    line[:, 7:9] = 255
    assert to_array(filters.median(from_array(line), 3))[7, 7:9, 0].min() == 255
    assert to_array(filters.median(from_array(line), 0)).max() == 0  # 5 x 5
