"""Sizing: target sizes, ImageMagick's resamplers, canvas changes (chop, extent, roll, mirrors).

Where libvips has the operation (lanczos resize, wrap, rotations) it is used directly. The
ImageMagick filters libvips lacks (the mesh interpolation behind -adaptive-resize, Scale2X behind
-magnify, the B-spline behind MinifyImage) are computed on numpy arrays in bands of rows, so
memory stays bounded on large images.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyvips

from pixmill.engine.codec import from_array, to_array
from pixmill.engine.color import background
from pixmill.engine.colorspace import WHITE, luma_of
from pixmill.engine.geometry import rotate
from pixmill.errors import BadRequest
from pixmill.params import Rgba

_ROWS = 256  # output rows computed at a time by the numpy resamplers


def fit(width: int, height: int, box_width: int, box_height: int) -> tuple[int, int]:
    """The largest size with the image's aspect ratio inside the box (ImageMagick's WxH)."""
    factor = min(box_width / width, box_height / height)
    return max(1, round(width * factor)), max(1, round(height * factor))


def derive(
    width: int, height: int, new_width: int | None, new_height: int | None
) -> tuple[int, int]:
    """Fill in a missing side (None) from the aspect ratio; both given fits inside the box."""
    if new_width and new_height:
        return fit(width, height, new_width, new_height)
    if new_width:
        return new_width, max(1, round(height * new_width / width))
    if new_height:
        return max(1, round(width * new_height / height)), new_height
    raise BadRequest("Missing required parameter 'width' (or 'height')")


def dpi(image: pyvips.Image) -> tuple[float, float]:
    """Horizontal and vertical resolution in dots per inch. libvips' placeholder of one pixel per
    millimetre (an image that never had a resolution) counts as ImageMagick's default, 72."""
    if image.xres == 1.0 and image.yres == 1.0:
        return 72.0, 72.0
    return round(image.xres * 25.4, 2), round(image.yres * 25.4, 2)


def with_dpi(image: pyvips.Image, x: float, y: float) -> pyvips.Image:
    """The image carrying a new resolution (written by the PNG, TIFF and JPEG encoders)."""
    return image.copy(xres=x / 25.4, yres=y / 25.4)


def _with_image_traits(source: pyvips.Image, array: np.ndarray) -> pyvips.Image:
    """A libvips image from an array, keeping the source's interpretation and resolution."""
    image = from_array(array)
    return image.copy(interpretation=source.interpretation, xres=source.xres, yres=source.yres)


def _premultiplied(image: pyvips.Image) -> tuple[np.ndarray, bool]:
    """Pixels with colour weighted by alpha, as ImageMagick blends alpha when it resamples
    (8-bit as they are when there is no alpha: the filters promote what they gather)."""
    array = to_array(image)
    if not image.hasalpha():
        return array, False
    array = array.astype(np.float32)
    array[..., :-1] *= array[..., -1:] / 255
    return array, True


def _unpremultiplied(array: np.ndarray, alpha: bool) -> np.ndarray:
    if alpha:
        scale = np.divide(
            255, array[..., -1:], out=np.zeros_like(array[..., -1:]), where=array[..., -1:] > 0
        )
        array[..., :-1] *= scale
    return np.clip(np.rint(array), 0, 255).astype(np.uint8)


def mesh_resize(image: pyvips.Image, width: int, height: int) -> pyvips.Image:
    """ImageMagick's AdaptiveResizeImage: each output pixel is interpolated inside one of the two
    triangles of its 2x2 source neighbourhood, split along the diagonal whose ends differ least in
    luma (data-dependent triangulation), so edges are not smeared across."""
    source, alpha = _premultiplied(image)
    rows, columns = source.shape[:2]
    luma = np.frombuffer(luma_of(image).cast("float").write_to_memory(), np.float32).reshape(
        rows, columns
    )
    sx = (np.arange(width) + 0.5) * columns / width - 0.5
    x0 = np.floor(sx).astype(np.int64)
    dx = (sx - x0).astype(np.float32)[None, :, None]
    xa, xb = np.clip(x0, 0, columns - 1), np.clip(x0 + 1, 0, columns - 1)
    out = np.empty((height, width, source.shape[2]), dtype=np.uint8)
    for top in range(0, height, _ROWS):
        sy = (np.arange(top, min(height, top + _ROWS)) + 0.5) * rows / height - 0.5
        y0 = np.floor(sy).astype(np.int64)
        dy = (sy - y0).astype(np.float32)[:, None, None]
        ya, yb = np.clip(y0, 0, rows - 1)[:, None], np.clip(y0 + 1, 0, rows - 1)[:, None]
        p0, p1, p2, p3 = source[ya, xa], source[ya, xb], source[yb, xa], source[yb, xb]
        nw_se = (np.abs(luma[ya, xa] - luma[yb, xb]) < np.abs(luma[ya, xb] - luma[yb, xa]))[
            ..., None
        ]
        value = np.where(
            nw_se,
            np.where(
                dx <= dy,
                _mesh(dx, 1 - dy, p2, p3, p0),  # bottom-left triangle
                _mesh(1 - dx, dy, p1, p0, p3),  # top-right triangle
            ),
            np.where(
                dx <= 1 - dy,
                _mesh(dx, dy, p0, p1, p2),  # top-left triangle
                _mesh(1 - dx, 1 - dy, p3, p2, p1),  # bottom-right triangle
            ),
        )
        out[top : top + len(sy)] = _unpremultiplied(value, alpha)
    return _with_image_traits(image, out)


def _mesh(
    ex: np.ndarray, ey: np.ndarray, p: np.ndarray, q: np.ndarray, r: np.ndarray
) -> np.ndarray:
    """ImageMagick's MeshInterpolate: the plane through p, q (ex along) and r (ey along)."""
    return ex * q + ey * r + (1 - ex - ey) * p


def scale2x(image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's MagnifyImage (default method scale2x, the AdvanceMAME EPX rule): each pixel
    becomes 2x2, and a corner takes a neighbour's colour where two neighbours meeting there agree
    and the opposite ones differ, so hard diagonal edges stay sharp instead of stair-stepping."""
    src = to_array(image)
    padded = np.pad(src, ((1, 1), (1, 1), (0, 0)), mode="edge")
    up, down = padded[:-2, 1:-1], padded[2:, 1:-1]
    left, right = padded[1:-1, :-2], padded[1:-1, 2:]

    def same(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.all(a == b, axis=2, keepdims=True)

    active = ~same(up, down) & ~same(left, right)
    out = np.empty((src.shape[0] * 2, src.shape[1] * 2, src.shape[2]), dtype=np.uint8)
    out[0::2, 0::2] = np.where(active & same(left, up), left, src)
    out[0::2, 1::2] = np.where(active & same(up, right), right, src)
    out[1::2, 0::2] = np.where(active & same(left, down), left, src)
    out[1::2, 1::2] = np.where(active & same(down, right), right, src)
    return _with_image_traits(image, out)


def _bspline(x: np.ndarray) -> np.ndarray:
    """ImageMagick's Spline filter: the cubic B-spline (B=1, C=0), support 2."""
    x = np.abs(x)
    return np.where(x < 1, 2 / 3 - x**2 + x**3 / 2, np.where(x < 2, (2 - x) ** 3 / 6, 0.0)).astype(
        np.float32
    )


def _contributions(
    size: int, new_size: int, kernel: Callable[[np.ndarray], np.ndarray], support: float
) -> tuple[np.ndarray, np.ndarray]:
    """Source indices and normalised weights per output pixel, as ImageMagick's
    HorizontalFilter computes them: the kernel is stretched by the reduction factor and taps
    falling outside the image are dropped (the others renormalised)."""
    factor = new_size / size
    stretch = max(1 / factor, 1.0)
    reach = stretch * support
    centre = (np.arange(new_size) + 0.5) / factor
    start = np.maximum(np.floor(centre - reach + 0.5), 0).astype(np.int64)
    taps = math.ceil(2 * reach) + 1
    index = start[:, None] + np.arange(taps)[None, :]
    weight = kernel((index - centre[:, None] + 0.5) / stretch)
    weight[index >= size] = 0
    weight /= weight.sum(axis=1, keepdims=True)
    return np.minimum(index, size - 1), weight.astype(np.float32)


def _filter_rows(source: np.ndarray, index: np.ndarray, weight: np.ndarray) -> np.ndarray:
    out = np.empty((index.shape[0], *source.shape[1:]), dtype=np.float32)
    for top in range(0, index.shape[0], _ROWS):
        rows = slice(top, top + _ROWS)
        acc = np.zeros((len(index[rows]), *source.shape[1:]), dtype=np.float32)
        for tap in range(index.shape[1]):
            acc += weight[rows, tap, None, None] * source[index[rows, tap]]
        out[rows] = acc
    return out


def spline_resize(image: pyvips.Image, width: int, height: int) -> pyvips.Image:
    """ImageMagick's ResizeImage with the Spline (cubic B-spline) filter, used by MinifyImage."""
    source, alpha = _premultiplied(image)
    rows = _filter_rows(source, *_contributions(source.shape[0], height, _bspline, 2.0))
    columns = _filter_rows(
        rows.swapaxes(0, 1), *_contributions(source.shape[1], width, _bspline, 2.0)
    )
    return _with_image_traits(image, _unpremultiplied(columns.swapaxes(0, 1), alpha))


def resample(image: pyvips.Image, width: int, height: int, blur: float) -> pyvips.Image:
    """Lanczos resize to width x height with ImageMagick's blur factor: above 1 the filter is
    widened by that factor, which is emulated by a Gaussian whose cut-off matches the widened
    filter's; 1 or less resizes with the plain filter."""
    alpha = image.hasalpha()
    source = image.premultiply() if alpha else image  # no dark fringes along transparent edges
    resized = source.resize(width / image.width, vscale=height / image.height, kernel="lanczos3")
    if blur > 1:
        # A filter widened b times cuts off at 1/b of Nyquist: a Gaussian of 0.375 * b pixels
        # does; the resize itself already cut at Nyquist, so only the difference is added.
        upscale = max(1.0, width / image.width, height / image.height)
        resized = resized.gaussblur(0.375 * math.sqrt(blur**2 - 1) * upscale)
    return (resized.unpremultiply().rint() if alpha else resized).cast(image.format)


def chop(image: pyvips.Image, x: int, y: int, width: int, height: int) -> pyvips.Image:
    """ImageMagick's -chop: remove ``width`` columns from ``x`` and ``height`` rows from ``y``
    (both clipped to the image) and close the gaps."""
    if x >= image.width or y >= image.height:
        raise BadRequest("The chop region lies outside the image")
    width, height = min(width, image.width - x), min(height, image.height - y)
    if width >= image.width or height >= image.height:
        raise BadRequest("The chop region would remove the whole image")
    columns = [(0, x), (x + width, image.width)]
    rows = [(0, y), (y + height, image.height)]
    kept = [
        _join(
            [
                image.crop(left, top, right - left, bottom - top)
                for left, right in columns
                if right > left
            ],
            "horizontal",
        )
        for top, bottom in rows
        if bottom > top
    ]
    return _join(kept, "vertical")


def _join(parts: list[pyvips.Image], direction: str) -> pyvips.Image:
    return parts[0] if len(parts) == 1 else parts[0].join(parts[1], direction)


def extent(
    image: pyvips.Image, x: int, y: int, width: int, height: int, color: Rgba
) -> pyvips.Image:
    """ImageMagick's -extent WxH+X+Y: a width x height canvas in ``color`` whose top-left corner
    is at (x, y) of the image, so the image lands at (-x, -y); parts outside are cut off."""
    image, fill = background(image, color)
    return image.embed(-x, -y, width, height, extend="background", background=fill)


def roll(image: pyvips.Image, x: int, y: int) -> pyvips.Image:
    """ImageMagick's -roll: shift by (x, y), what leaves one edge coming back at the other."""
    return image.wrap(x=x % image.width, y=y % image.height)


def transpose(image: pyvips.Image) -> pyvips.Image:
    """Mirror along the top-left to bottom-right diagonal (flip, then rotate 90 clockwise)."""
    return image.flipver().rot90()


def transverse(image: pyvips.Image) -> pyvips.Image:
    """Mirror along the bottom-left to top-right diagonal (flop, then rotate 90 clockwise)."""
    return image.fliphor().rot90()


_SKEW_SIDE = 1024  # the ink mask is measured at this size: fine enough for 0.05 degree steps
_SKEW_POINTS = 250_000  # at most this many ink pixels are projected per angle


def skew_angle(image: pyvips.Image, threshold: float) -> float:
    """How far, in degrees clockwise, the lines of a scanned page are rotated (within 45).

    As ImageMagick's -deskew: a pixel is ink when any colour channel is darker than
    ``threshold`` percent, and the angle is the one whose projection of the ink rows is the
    most contrasted (the largest sum of squared differences between neighbouring rows).
    """
    colour = image.extract_band(0, n=min(3, image.bands - int(image.hasalpha())))
    ink = (colour < threshold * 255 / 100).bandor()
    scale = min(1.0, _SKEW_SIDE / max(image.width, image.height))
    if scale < 1:
        ink = ink.resize(scale, kernel="linear")
    weights = to_array(ink)[..., 0]
    ys, xs = np.nonzero(weights)
    step = max(1, len(ys) // _SKEW_POINTS)
    ys, xs = ys[::step], xs[::step]
    if len(ys) < 2:
        return 0.0
    mass = weights[ys, xs].astype(np.float32)
    ys, xs = ys.astype(np.float32), xs.astype(np.float32)

    def contrast(degrees: float) -> float:
        theta = math.radians(degrees)
        rows = ys * math.cos(theta) - xs * math.sin(theta)
        rows -= rows.min()
        # Each pixel is shared between its two nearest bins: rounding it to one would make the
        # pixel grid itself look like lines at 45 degrees.
        low = rows.astype(np.int64)
        share = (rows - low) * mass
        profile = np.bincount(
            np.concatenate([low, low + 1]), weights=np.concatenate([mass - share, share])
        )
        return float(np.sum(np.diff(profile) ** 2))

    best = max(np.arange(-45, 45.01, 0.5), key=contrast)
    best = max(best + np.arange(-0.5, 0.51, 0.05), key=contrast)
    return round(float(best), 2)


def deskew(image: pyvips.Image, threshold: float) -> pyvips.Image:
    """Rotate a skewed scan straight; the canvas grows and the corners are white (ImageMagick's
    default background), as -deskew does without its auto-crop option."""
    angle = skew_angle(image, threshold)
    return rotate(image, -angle, WHITE) if angle else image
