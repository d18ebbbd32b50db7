"""Artistic effects after ImageMagick 6: charcoal, sketch, oil paint, emboss, implode, shade,
shadow, 3-D frame, noise, and colour lookups from a second image (remap, Hald CLUT).

Each follows the ImageMagick routine of the same name (its kernel sizes, constants and order
of steps) on 8-bit pixels. Random effects take a ``seed`` so tests can repeat them.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
import pyvips
from PIL import Image as PILImage

from pixmill.engine import filters, tone
from pixmill.engine.codec import from_array, to_array
from pixmill.errors import BadRequest

QUANTUM = tone.QUANTUM


def emboss(image: pyvips.Image, radius: float, sigma: float) -> pyvips.Image:
    """ImageMagick's -emboss radius x sigma: the relief kernel, then -equalize."""
    colour, alpha = tone.split_alpha(image)
    raised = filters.convolve(colour, filters.emboss_kernel(radius, sigma))
    return tone.equalize(tone.join_alpha(raised, alpha), per_band=True)


def charcoal(image: pyvips.Image, radius: float, sigma: float) -> pyvips.Image:
    """ImageMagick's -charcoal: edges (-edge radius), blurred (-blur radius x sigma),
    normalised, negated and turned grey; kept in floating point until the end, as ImageMagick
    keeps 16-bit quanta between the steps."""
    colour, alpha = tone.split_alpha(image)
    edges = filters.convolve(colour.cast("float"), filters.edge_kernel(radius))
    drawn = filters.blur(edges.maxpair(0).minpair(255), radius, sigma).copy_memory()
    drawn = 255 - tone.normalize_float(drawn)
    grey = drawn if drawn.bands == 1 else drawn.recomb([list(tone.LUMA)])
    return tone.join_alpha(tone.quantize(grey), alpha)


def sketch(
    image: pyvips.Image, radius: float, sigma: float, angle: float, seed: int | None = None
) -> pyvips.Image:
    """ImageMagick's -sketch: random grey noise at twice the size, motion-blurred along
    ``angle``, edge-detected, normalised, negated and halved; the photo is colour-dodged with
    it, then the photo is blended back. SketchImage asks for a 20%/80% blend but sets the
    arguments on the image the compositor does not read them from, so ImageMagick 6 adds the
    photo at full strength; this reproduces what it outputs. The strokes stay in floating
    point, as ImageMagick's 16-bit quanta keep faint blurred noise that 8 bits would flatten."""
    colour, alpha = tone.split_alpha(image)
    height, width = colour.height * 2, colour.width * 2
    noise = np.random.default_rng(seed).random((height, width), dtype=np.float32) * 255
    strokes = pyvips.Image.new_from_memory(noise.tobytes(), width, height, 1, "float")
    strokes = filters.motion_blur(strokes, radius, sigma, angle)
    strokes = filters.convolve(strokes, filters.edge_kernel(radius)).maxpair(0).minpair(255)
    strokes = tone.normalize_float(strokes.copy_memory())
    dodge = (255 - strokes).resize(0.5, kernel="lanczos3").crop(0, 0, colour.width, colour.height)
    base = colour.cast("float")
    # Colour dodge of opaque pixels: D / (1 - S), saturating at white.
    dodged = (base * 255 / (255 - dodge).maxpair(1e-3)).minpair(255)
    blended = tone.quantize((base + dodged).minpair(255))
    return tone.join_alpha(blended, alpha)


def oil_paint(image: pyvips.Image, radius: float) -> pyvips.Image:
    """ImageMagick's -paint radius: every pixel takes the colour of a pixel from the most
    common intensity (256 levels) of its square neighbourhood. Ties go as in ImageMagick's
    scan: to the level whose last pixel comes first in the window, row by row."""
    colour, alpha = tone.split_alpha(image)
    pixels = to_array(colour)
    width = filters.kernel_width(radius, 0.5, dims=2)
    half = width // 2
    levels = np.clip(np.floor(tone.luma(pixels) + 0.5), 0, 255).astype(np.uint8)
    # Edge pixels repeat beyond the border, and count, as ImageMagick's virtual pixels do.
    padded = cv2.copyMakeBorder(levels, half, half, half, half, cv2.BORDER_REPLICATE)
    kernel = np.ones((width, width), np.uint8)

    def chosen_offsets(chunk: np.ndarray) -> np.ndarray:
        rows, cols = chunk.shape
        # Scan order inside any window is the order of row * width + column.
        order = np.add.outer(np.arange(rows) * width, np.arange(cols)).astype(np.float32)
        best = np.zeros(chunk.shape, np.uint16)
        first = np.zeros(chunk.shape, np.float32)  # where the winning level's last pixel lies
        for level in np.unique(chunk):
            mask = (chunk == level).astype(np.uint8)
            count = cv2.boxFilter(mask, cv2.CV_16U, (width, width), normalize=False)
            last = cv2.dilate(np.where(mask, order, -1.0).astype(np.float32), kernel)
            wins = (count > best) | ((count == best) & (last < first))
            best[wins], first[wins] = count[wins], last[wins]
        inside = np.s_[half : rows - half, half : cols - half]
        return (first[inside] - order[inside]).astype(np.int64)  # relative to the pixel

    offset = filters.by_strips(padded, half, chosen_offsets) + half * width + half
    y = np.arange(levels.shape[0])[:, None] + offset // width
    x = np.arange(levels.shape[1])[None, :] + offset % width
    source = cv2.copyMakeBorder(pixels, half, half, half, half, cv2.BORDER_REPLICATE)
    painted = source.reshape(*padded.shape, -1)[y, x]
    return tone.join_alpha(from_array(painted), alpha)


def implode(image: pyvips.Image, amount: float) -> pyvips.Image:
    """ImageMagick's -implode amount: pixels inside the inscribed ellipse are pulled towards
    the centre (a negative amount pushes them out), sampled bilinearly."""
    pixels = to_array(image)
    rows, cols = pixels.shape[:2]
    centre_x, centre_y = 0.5 * cols, 0.5 * rows
    radius = centre_x if cols >= rows else centre_y
    scale_x = rows / cols if rows > cols else 1.0
    scale_y = cols / rows if cols > rows else 1.0
    y, x = np.indices((rows, cols), dtype=np.float32)
    dx, dy = scale_x * (x - centre_x), scale_y * (y - centre_y)
    distance = np.sqrt(dx * dx + dy * dy)
    inside = (distance < radius) & (distance > 0)
    factor = np.ones_like(distance)
    factor[inside] = np.sin(np.pi * distance[inside] / radius / 2) ** -amount
    map_x = np.where(inside, factor * dx / scale_x + centre_x, x).astype(np.float32)
    map_y = np.where(inside, factor * dy / scale_y + centre_y, y).astype(np.float32)
    warped = cv2.remap(
        pixels.astype(np.float32), map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    out = tone.to_8bit(np.floor(warped.reshape(pixels.shape) * 257 + 0.5))
    return from_array(out).copy(interpretation=image.interpretation)


def shade(image: pyvips.Image, gray: bool, azimuth: float, elevation: float) -> pyvips.Image:
    """ImageMagick's -shade azimuth x elevation: the intensity seen as a height field, lit by
    a distant light. ``gray`` returns the shading itself; otherwise it scales the colours."""
    colour, alpha = tone.split_alpha(image)
    pixels = to_array(colour)
    height = cv2.copyMakeBorder(tone.luma(pixels) * 257, 1, 1, 1, 1, cv2.BORDER_REPLICATE).astype(
        np.float64
    )
    left = height[:-2, :-2] + height[1:-1, :-2] + height[2:, :-2]
    right = height[:-2, 2:] + height[1:-1, 2:] + height[2:, 2:]
    above = height[:-2, :-2] + height[:-2, 1:-1] + height[:-2, 2:]
    below = height[2:, :-2] + height[2:, 1:-1] + height[2:, 2:]
    nx, ny, nz = left - right, below - above, 2.0 * QUANTUM
    a, e = math.radians(azimuth), math.radians(elevation)
    lx, ly = QUANTUM * math.cos(a) * math.cos(e), QUANTUM * math.sin(a) * math.cos(e)
    lz = QUANTUM * math.sin(e)
    dot = nx * lx + ny * ly + nz * lz
    lit = np.where(dot > 0, dot / np.sqrt(nx * nx + ny * ny + nz * nz), 0.0)
    lit = np.where((nx == 0) & (ny == 0), lz, lit)
    if gray:
        out = tone.to_8bit(lit)
    else:
        out = tone.to_8bit(lit[..., None] / QUANTUM * pixels.astype(np.float64) * 257)
    return tone.join_alpha(from_array(out.astype(np.uint8)), alpha)


def shadow(image: pyvips.Image, opacity: float, sigma: float, x: int, y: int) -> pyvips.Image:
    """The image over its drop shadow, ImageMagick's usual recipe ``( +clone -background black
    -shadow opacity x sigma + x + y ) +swap -layers merge``: the silhouette at ``opacity``
    percent, widened by 2 sigma on each side, blurred, offset by (x, y), on a transparent
    canvas that holds both."""
    image = image if image.hasalpha() else image.bandjoin(255)
    border = math.floor(2 * sigma + 0.5)
    silhouette = (image[image.bands - 1].cast("float") * (opacity / 100)).rint().cast("uchar")
    silhouette = silhouette.embed(
        border, border, image.width + 2 * border, image.height + 2 * border
    )
    if sigma > 0:
        silhouette = filters.blur(silhouette, 0, sigma)
    left, top = min(0, x - border), min(0, y - border)
    right = max(image.width, x - border + silhouette.width)
    bottom = max(image.height, y - border + silhouette.height)
    canvas_w, canvas_h = right - left, bottom - top
    dark = pyvips.Image.black(silhouette.width, silhouette.height, bands=image.bands - 1)
    drop = dark.bandjoin(silhouette).cast("uchar")
    drop = drop.embed(x - border - left, y - border - top, canvas_w, canvas_h)
    photo = image.embed(-left, -top, canvas_w, canvas_h)
    interpretation = "b-w" if image.bands == 2 else "srgb"
    merged = drop.copy(interpretation=interpretation).composite2(
        photo.copy(interpretation=interpretation), "over"
    )
    return merged.cast("uchar").copy(interpretation=interpretation)


def add_noise(
    image: pyvips.Image, kind: int, channel: int | None, seed: int | None = None
) -> pyvips.Image:
    """ImageMagick's +noise (GenerateDifferentialNoise with attenuate 1): 1 uniform,
    2 Gaussian, 3 multiplicative Gaussian, 4 impulse, 5 Laplacian, 6 Poisson, 7 random; every
    sample of each channel drawn independently. ImageMagick's Box-Muller pairs are drawn here
    as independent standard normals, which is the same distribution, in float32 for speed."""
    rng = np.random.default_rng(seed)
    pixels = to_array(image).astype(np.float32) * 257
    shape = pixels.shape
    if kind == 1:  # uniform, +-0.78% of the range
        noisy = pixels + QUANTUM * 0.015625 * (rng.random(shape, np.float32) - 0.5)
    elif kind == 2:  # Gaussian: a little signal-dependent plus sigma = 7.8% of the range
        noisy = pixels + np.sqrt(pixels) * 0.015625 * rng.standard_normal(shape, np.float32)
        noisy += QUANTUM * 0.078125 * rng.standard_normal(shape, np.float32)
    elif kind == 3:  # multiplicative Gaussian, sigma = 25% of the value
        noisy = pixels * (1 + 0.25 * rng.standard_normal(shape, np.float32))
    elif kind == 4:  # impulse: 5% of the samples to black, 5% to white
        alpha = rng.random(shape, np.float32)
        noisy = np.where(alpha < 0.05, 0, np.where(alpha >= 0.95, QUANTUM, pixels))
    elif kind == 5:  # Laplacian with scale 3.9% of the range
        alpha = np.maximum(rng.random(shape, np.float32), 1e-12)
        low = np.log(2 * alpha)
        high = -np.log(np.maximum(2 * (1 - alpha), 1e-12))
        noisy = pixels + QUANTUM * 0.0390625 * np.where(alpha <= 0.5, low, high) + 0.5
    elif kind == 6:  # Poisson: 12.5 events at full scale
        noisy = QUANTUM * rng.poisson(12.5 * pixels / QUANTUM).astype(np.float32) / 12.5
    else:  # random: every sample anywhere in the range
        noisy = QUANTUM * rng.random(shape, np.float32)
    out = from_array(tone.to_8bit(np.clip(noisy, 0, QUANTUM)))
    return tone.select_channels(image, out, channel)


def frame(
    image: pyvips.Image, width: int, height: int, outer: int, inner: int, matte: tuple[int, ...]
) -> pyvips.Image:
    """ImageMagick's -frame width x height + outer + inner: a border of ``matte`` with an
    outer bevel lit from the top-left and an inner bevel sunk into it."""
    bevel = outer + inner
    if width < bevel or height < bevel:
        raise BadRequest("The frame must be at least as wide as its two bevels together")
    image = image.flatten(background=list(matte[:3])) if image.hasalpha() else image
    image = tone.as_colour(image)
    m = np.array(matte[:3], dtype=np.float64)
    shades = {  # ImageMagick's accentuate/highlight/shadow/trough modulations of the matte
        "matte": m,
        "accent": m * (255 - 80) / 255 + 80,
        "light": m * (255 - 125) / 255 + 125,
        "shadow": m * 135 / 255,
        "trough": m * 110 / 255,
    }
    cols, rows = image.width + 2 * width, image.height + 2 * height
    inside = image.width + 2 * inner  # the inner bevel's span, image included
    paint = np.empty((rows, cols, 3))
    paint[:] = shades["matte"]
    # FrameImage's rows, top to bottom: outer bevel, matte, inner bevel, sides, and back.
    paint[:, :outer], paint[:, cols - outer :] = shades["light"], shades["shadow"]
    for r in range(outer):
        paint[r, :r], paint[r, r : cols - r], paint[r, cols - r :] = (
            shades[k] for k in ("light", "accent", "shadow")
        )
        bottom = rows - 1 - r
        paint[bottom, :r], paint[bottom, r : cols - r], paint[bottom, cols - r :] = (
            shades[k] for k in ("light", "trough", "shadow")
        )
    left = width - inner
    for r in range(inner):
        top, bottom = height - inner + r, height + image.height + inner - 1 - r
        span = paint[top, left : left + inside]
        span[:r], span[r : inside - r], span[inside - r :] = (
            shades[k] for k in ("shadow", "trough", "light")
        )
        span = paint[bottom, left : left + inside]
        span[:r], span[r : inside - r], span[inside - r :] = (
            shades[k] for k in ("shadow", "accent", "light")
        )
    sides = paint[height : height + image.height]
    sides[:, left:width], sides[:, width + image.width : left + inside] = (
        shades["shadow"],
        shades["light"],
    )
    border = from_array(np.floor(paint + 0.5).astype(np.uint8))
    return border.insert(image, width, height).copy(interpretation="srgb")


def remap(image: pyvips.Image, palette: pyvips.Image, dither: bool) -> pyvips.Image:
    """ImageMagick's -remap: every pixel becomes a colour of ``palette`` (its colours, or the
    256 that best represent it when it has more), with Floyd-Steinberg error diffusion when
    ``dither``."""
    colours = np.unique(to_array(tone.as_colour(palette))[..., :3].reshape(-1, 3), axis=0)
    if len(colours) > 256:
        reference = PILImage.fromarray(to_array(tone.as_colour(palette))[..., :3])
        reduced = reference.quantize(256, method=PILImage.Quantize.MEDIANCUT)
        colours = np.array(reduced.getpalette()[: 3 * 256], dtype=np.uint8).reshape(-1, 3)
    table = np.concatenate([colours, np.repeat(colours[:1], 256 - len(colours), axis=0)])
    holder = PILImage.new("P", (1, 1))
    holder.putpalette(table.astype(np.uint8).tobytes())
    colour, alpha = tone.split_alpha(tone.as_colour(image))
    source = PILImage.fromarray(to_array(colour))
    method = PILImage.Dither.FLOYDSTEINBERG if dither else PILImage.Dither.NONE
    mapped = np.asarray(source.quantize(palette=holder, dither=method).convert("RGB"))
    return tone.join_alpha(from_array(mapped), alpha)


def hald_clut(image: pyvips.Image, clut: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -hald-clut: look every colour up in a Hald colour table (a square image
    of side n^3 holding an n^2-level cube, red fastest), interpolating trilinearly."""
    side = clut.width
    order = round(side ** (1 / 3))
    if clut.height != side or order**3 != side or not 2 <= order <= 16:
        raise BadRequest(
            "The CLUT must be a Hald image: square, with a side of n^3 pixels (8, 27, 64 ... 4096)"
        )
    levels = order * order
    cube = to_array(tone.as_colour(clut))[..., :3].reshape(levels, levels, levels, 3)
    cube = cube.astype(np.float32)  # indexed [blue][green][red]

    def look_up(rgb: np.ndarray) -> np.ndarray:
        point = rgb / QUANTUM * (levels - 1)
        base = np.minimum(np.floor(point).astype(np.int32), levels - 2)
        frac = (point - base)[..., None]
        r, g, b = base[..., 0], base[..., 1], base[..., 2]
        fr, fg, fb = frac[..., 0, :], frac[..., 1, :], frac[..., 2, :]

        def plane(db: int) -> np.ndarray:
            near = cube[b + db, g, r] * (1 - fr) + cube[b + db, g, r + 1] * fr
            far = cube[b + db, g + 1, r] * (1 - fr) + cube[b + db, g + 1, r + 1] * fr
            return near * (1 - fg) + far * fg

        return (plane(0) * (1 - fb) + plane(1) * fb) * 257

    return tone.in_strips(image, look_up)
