"""Filters: blurs and the like."""

from __future__ import annotations

import math
from collections.abc import Callable

import cv2
import numpy as np
import pyvips

from pixmill.engine.codec import from_array, to_array

# ImageMagick's convolution filters, with its kernel sizes and shapes (IM 6.9, Q16). The
# kernels are built here in numpy and applied by libvips, which replicates edge pixels as
# ImageMagick's default "edge" virtual pixels do.

_QUANTUM_SCALE = 1 / 65535  # ImageMagick stops growing a kernel below one Q16 step
_EPSILON = 1e-12
_MASK_SCALE = 4096  # integer masks carry 12 fractional bits: far below one 8-bit level


def kernel_width(radius: float, sigma: float, dims: int = 1) -> int:
    """ImageMagick's GetOptimalKernelWidth1D/2D: ``2 * ceil(radius) + 1`` for a radius, else
    wide enough that the Gaussian of ``sigma`` falls below one Q16 step at the edge."""
    if radius > _EPSILON:
        return 2 * math.ceil(radius) + 1
    sigma = abs(sigma)
    if sigma <= _EPSILON:
        return 3
    half = np.arange(0, math.ceil(12 * sigma) + 4, dtype=np.float64)
    weights = np.exp(-(half**2) / (2 * sigma * sigma))
    totals = (1 + 2 * np.cumsum(weights[1:])) ** dims  # the kernel's sum for half-width j
    edge = weights[1:] / totals  # the outermost weight, normalised, for half-width j >= 1
    below = np.nonzero((edge < _QUANTUM_SCALE) & (np.arange(1, half.size) >= 2))[0]
    return 2 * int(below[0] + 1) - 1 if below.size else 2 * half.size - 1


def _sized_width(radius: float, sigma: float, dims: int) -> int:
    """Width of ImageMagick's named kernels (blur:, gaussian:): a radius of 1 or more is
    truncated to whole pixels, a smaller one falls back to the optimal width."""
    return int(radius) * 2 + 1 if radius >= 1 else kernel_width(radius, sigma, dims)


def blur_kernel(radius: float, sigma: float) -> np.ndarray:
    """ImageMagick's 1-D ``blur:`` kernel (the one -blur and -charcoal use): a Gaussian
    integrated over three sub-samples per tap, normalised."""
    width = _sized_width(radius, sigma, 1)
    kernel = np.zeros(width)
    if sigma <= _EPSILON:
        kernel[width // 2] = 1
        return kernel
    rank = 3
    span = (width * rank - 1) // 2
    u = np.arange(-span, span + 1)
    np.add.at(kernel, (u + span) // rank, np.exp(-(u**2) / (2 * (sigma * rank) ** 2)))
    return kernel / kernel.sum()


def gaussian_kernel(radius: float, sigma: float) -> np.ndarray:
    """One axis of ImageMagick's 2-D ``gaussian:`` kernel (-gaussian-blur), normalised; the 2-D
    kernel is its outer product."""
    width = _sized_width(radius, sigma, 2)
    if sigma <= _EPSILON:
        kernel = np.zeros(width)
        kernel[width // 2] = 1
        return kernel
    u = np.arange(width) - width // 2
    kernel = np.exp(-(u**2) / (2 * sigma * sigma))
    return kernel / kernel.sum()


def convolve(image: pyvips.Image, kernel: np.ndarray, *, separable: bool = False) -> pyvips.Image:
    """Convolve every band with a kernel (1-D and applied along both axes when ``separable``).
    8-bit images take libvips' integer path (15x faster than float at 12 MP, within one level
    of the exact result) and come back rounded and clipped; a float image stays float."""
    if image.format == "float":
        mask = pyvips.Image.new_from_list(np.atleast_2d(kernel).tolist())
        if separable:
            return image.convsep(mask, precision="float")
        return image.conv(mask, precision="float")
    if separable:  # libvips turns a 1-D float mask into integers itself
        mask = pyvips.Image.new_from_list(np.atleast_2d(kernel).tolist())
        out = image.convsep(mask, precision="integer")
    else:  # a 2-D one it would round to zeros: scale it to integers here
        steps = np.rint(kernel * _MASK_SCALE).astype(int).tolist()
        out = image.conv(pyvips.Image.new_from_list(steps, scale=_MASK_SCALE), precision="integer")
    return out.cast(image.format).copy(interpretation=image.interpretation)


def blur(image: pyvips.Image, radius: float, sigma: float) -> pyvips.Image:
    """ImageMagick's -blur radius x sigma (a separable, truncated Gaussian)."""
    return convolve(image, blur_kernel(radius, sigma), separable=True)


def gaussian(image: pyvips.Image, radius: float, sigma: float) -> pyvips.Image:
    """ImageMagick's -gaussian-blur radius x sigma: the 2-D Gaussian truncated to a square of
    ``2 * radius + 1`` (which factors into two passes of its 1-D profile)."""
    return convolve(image, gaussian_kernel(radius, sigma), separable=True)


def motion_kernel(radius: float, sigma: float, angle: float) -> np.ndarray:
    """ImageMagick's -motion-blur: a one-sided Gaussian laid along ``angle`` (degrees, 0 = the
    pixels to the right), as a square mask centred on the output pixel."""
    width = kernel_width(radius, sigma)
    weights = np.exp(-(np.arange(width) ** 2) / (2 * max(sigma, _EPSILON) ** 2))
    weights /= weights.sum()
    theta = math.radians(angle)
    dx = np.ceil(np.arange(width) * math.cos(theta) - 0.5).astype(int)
    dy = np.ceil(np.arange(width) * math.sin(theta) - 0.5).astype(int)
    reach = int(max(np.abs(dx).max(), np.abs(dy).max()))
    mask = np.zeros((2 * reach + 1, 2 * reach + 1))
    np.add.at(mask, (reach + dy, reach + dx), weights)
    return mask


def motion_blur(image: pyvips.Image, radius: float, sigma: float, angle: float) -> pyvips.Image:
    """ImageMagick's -motion-blur radius x sigma + angle."""
    return convolve(image, motion_kernel(radius, sigma, angle))


def radial_blur(image: pyvips.Image, angle: float) -> pyvips.Image:
    """ImageMagick's -radial-blur (rotational blur): each pixel becomes the mean of the pixels
    on the arc of ``angle`` degrees through it, centred on the image centre. Computed as a box
    blur along the angle axis of a polar resampling, so the cost does not grow with ``angle``."""
    if angle <= 0:
        return image
    array = to_array(image)
    height, width = array.shape[:2]
    centre = ((width - 1) / 2, (height - 1) / 2)
    reach = math.hypot(*centre) + 1
    # Arcs through the corners leave the image: repeat the edge pixels out to the full circle,
    # as ImageMagick's edge virtual pixels do.
    pad_x, pad_y = (max(0, math.ceil(reach - side / 2) + 1) for side in (width, height))
    padded = cv2.copyMakeBorder(array, pad_y, pad_y, pad_x, pad_x, cv2.BORDER_REPLICATE)
    turns = max(8, math.ceil(2 * math.pi * reach))  # one polar row per pixel of the outer rim
    size = (math.ceil(reach), turns)
    flags = cv2.WARP_POLAR_LINEAR | cv2.INTER_LINEAR
    polar = cv2.warpPolar(padded, size, (centre[0] + pad_x, centre[1] + pad_y), reach, flags)
    span = max(1, min(turns, round(turns * min(angle, 360) / 360)))
    pad = span // 2 + 1
    wrapped = np.concatenate([polar[-pad:], polar, polar[:pad]])
    smeared = cv2.blur(wrapped, (1, span), borderType=cv2.BORDER_REPLICATE)[pad:-pad]
    back = cv2.warpPolar(smeared, (width, height), centre, reach, flags | cv2.WARP_INVERSE_MAP)
    return from_array(back.reshape(array.shape)).copy(interpretation=image.interpretation)


def edge_kernel(radius: float) -> np.ndarray:
    """ImageMagick's -edge: every weight -1 but the centre, so the kernel sums to zero."""
    width = kernel_width(radius, 0.5)
    kernel = -np.ones((width, width))
    kernel[width // 2, width // 2] = width * width - 1
    return kernel


def edge(image: pyvips.Image, radius: float) -> pyvips.Image:
    """ImageMagick's -edge radius (a radius of 0 picks the width itself: 5 x 5)."""
    return convolve(image, edge_kernel(radius))


def emboss_kernel(radius: float, sigma: float) -> np.ndarray:
    """ImageMagick's -emboss: a Gaussian-weighted anti-diagonal, positive at the centre and
    negative towards the top-right and bottom-left, normalised by its sum."""
    width = kernel_width(radius, sigma)
    half = width // 2
    v, u = np.mgrid[-half : half + 1, -half : half + 1]
    sign = np.where((u < 0) | (v < 0), -8.0, 8.0)
    kernel = sign * np.exp(-(u * u + v * v) / (2 * sigma * sigma)) / (2 * math.pi * sigma * sigma)
    kernel[u != -v] = 0
    total = kernel.sum()
    return kernel / total if abs(total) > _EPSILON else kernel


def median(image: pyvips.Image, radius: float) -> pyvips.Image:
    """ImageMagick's -median / MagickMedianFilterImage: despite the name, ``radius`` is the
    side of the square window (truncated to whole pixels; 0 picks 5 x 5)."""
    width = int(radius) or kernel_width(0, 0.5, dims=2)
    return image.median(width) if width > 1 else image


def despeckle(image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -despeckle: Crimmins' speckle removal, eight hull passes per direction
    pair on each colour band (alpha kept)."""
    pixels = to_array(image)
    colour_bands = image.bands - (1 if image.hasalpha() else 0)
    out = pixels.copy()
    for band in range(colour_bands):
        plane = np.zeros((image.height + 2, image.width + 2), np.int16)  # a ring of zeros
        plane[1:-1, 1:-1] = pixels[..., band]
        for dx, dy in ((0, 1), (1, 0), (1, 1), (-1, 1)):
            for sx, sy, polarity in ((dx, dy, 1), (-dx, -dy, 1), (-dx, -dy, -1), (dx, dy, -1)):
                plane = _hull(plane, sx, sy, polarity)
        out[..., band] = plane[1:-1, 1:-1]
    return from_array(out).copy(interpretation=image.interpretation)


def _hull(f: np.ndarray, dx: int, dy: int, polarity: int) -> np.ndarray:
    """One of Crimmins' hull passes (ImageMagick's Hull): move a pixel one level towards a
    neighbour two or more levels away, then undo it where the opposite neighbour disagrees."""
    rows, cols = f.shape[0] - 2, f.shape[1] - 2

    def shifted(a: np.ndarray, sx: int, sy: int) -> np.ndarray:
        return a[1 + sy : 1 + sy + rows, 1 + sx : 1 + sx + cols]

    g = np.zeros_like(f)
    centre, ahead = f[1:-1, 1:-1], shifted(f, dx, dy)
    step = (ahead >= centre + 2) if polarity > 0 else (ahead <= centre - 2)
    g[1:-1, 1:-1] = centre + polarity * step
    centre, ahead, behind = g[1:-1, 1:-1], shifted(g, dx, dy), shifted(g, -dx, -dy)
    if polarity > 0:
        step = (behind >= centre + 2) & (ahead > centre)
    else:
        step = (behind <= centre - 2) & (ahead < centre)
    out = f.copy()
    out[1:-1, 1:-1] = centre + polarity * step
    return out


# ImageMagick's -enhance weights over a 5 x 5 neighbourhood.
_ENHANCE_WEIGHTS = np.array(
    [
        [5, 8, 10, 8, 5],
        [8, 20, 40, 20, 8],
        [10, 40, 80, 40, 10],
        [8, 20, 40, 20, 8],
        [5, 8, 10, 8, 5],
    ],
    dtype=np.float32,
)


def enhance(image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -enhance: a weighted 5 x 5 mean of only those neighbours whose colour is
    close to the pixel's (a noise filter that keeps edges)."""
    pixels = to_array(image)
    colour_bands = image.bands - (1 if image.hasalpha() else 0)
    # ImageMagick weighs red, green and blue differences; grey counts as all three.
    bands = (0, 1, 2) if colour_bands == 3 else (0, 0, 0)

    def mean_of_similar(chunk: np.ndarray) -> np.ndarray:
        values = chunk[2:-2, 2:-2]
        rows, cols = values.shape[:2]
        total = np.zeros(values.shape, np.float32)
        weight = np.zeros((rows, cols, 1), np.float32)
        for dy in range(5):
            for dx in range(5):
                near = chunk[dy : dy + rows, dx : dx + cols]
                distance = np.zeros((rows, cols), np.float32)
                for band, factor, sign in zip(bands, (4.0, 7.0, 5.0), (1, -1, -1), strict=True):
                    mean = (near[..., band] + values[..., band]) / 510
                    diff = (near[..., band] - values[..., band]) / 255
                    distance += (factor + sign * mean) * diff * diff
                close = (distance < 0.069)[..., None] * _ENHANCE_WEIGHTS[dy, dx]
                total += close * near
                weight += close
        # ImageMagick's integer mean of Q16 values, then truncated to 8 bits.
        quanta = np.floor((total * 257 + weight / 2 - 1) / weight)
        return np.floor(quanta / 257).astype(np.uint8)

    padded = cv2.copyMakeBorder(pixels.astype(np.float32), 2, 2, 2, 2, cv2.BORDER_REPLICATE)
    out = by_strips(
        padded.reshape(pixels.shape[0] + 4, pixels.shape[1] + 4, -1), 2, mean_of_similar
    )
    if image.hasalpha():
        out[..., -1] = pixels[..., -1]
    return from_array(out).copy(interpretation=image.interpretation)


def by_strips(
    padded: np.ndarray, halo: int, work: Callable[[np.ndarray], np.ndarray], rows: int = 64
) -> np.ndarray:
    """Run a neighbourhood ``work`` over strips of rows of an array padded by ``halo`` on every
    side; ``work`` gets a padded strip and returns its unpadded result. Strips small enough to
    stay in cache make numpy neighbourhood loops 2-3x faster on a 12 MP image."""
    height = padded.shape[0] - 2 * halo
    parts = [
        work(padded[top : min(top + rows, height) + 2 * halo]) for top in range(0, height, rows)
    ]
    return np.concatenate(parts)
