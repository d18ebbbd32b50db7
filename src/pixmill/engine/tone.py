"""Tone and colour mappings with ImageMagick 6's arithmetic.

ImageMagick (Q16) works on 16-bit quanta: an 8-bit value v is the quantum ``v * 257``, its
histograms have 65536 bins and its "intensity" is Rec. 709 luma on the gamma-encoded values.
These functions reproduce that arithmetic, then cut back to 8 bits as ImageMagick does when
it writes an 8-bit file (it truncates). Per-value maps become 256-entry lookup tables that
libvips applies; only the per-pixel formulas (sepia, modulate, Hald lookups) run in numpy, a
strip of rows at a time.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyvips

from pixmill.engine.codec import from_array, to_array
from pixmill.engine.color import ALL_CHANNELS, ALPHA, apply_to_channels, channel_bands

QUANTUM = 65535
LUMA = (0.212656, 0.715158, 0.072186)  # ImageMagick's Rec709Luma
DEFAULT_CHANNELS = ALL_CHANNELS & ~ALPHA  # what ImageMagick touches when no channel is named
_STRIP = 512  # rows per numpy strip: bounds the float copies of a 12 MP image


def split_alpha(image: pyvips.Image) -> tuple[pyvips.Image, pyvips.Image | None]:
    """The colour bands and the alpha band (None without one)."""
    if image.hasalpha():
        return image[: image.bands - 1], image[image.bands - 1]
    return image, None


def join_alpha(colour: pyvips.Image, alpha: pyvips.Image | None) -> pyvips.Image:
    """Put an alpha band back after the colour bands."""
    interpretation = "b-w" if colour.bands == 1 else "srgb"
    joined = colour if alpha is None else colour.bandjoin(alpha)
    return joined.copy(interpretation=interpretation)


def as_colour(image: pyvips.Image) -> pyvips.Image:
    """The image with three colour bands (grey promoted), alpha kept."""
    return image if image.bands >= 3 else image.colourspace("srgb")


def select_channels(
    original: pyvips.Image, processed: pyvips.Image, channel: int | None
) -> pyvips.Image:
    """``processed`` in the bands ``channel`` names, ``original`` elsewhere; with no channel,
    the colour bands (ImageMagick leaves alpha alone unless asked)."""
    processed = processed.copy(interpretation=original.interpretation)
    mask = DEFAULT_CHANNELS if channel is None else channel
    if all(channel_bands(original, mask)):  # nothing to pick apart
        return processed
    return apply_to_channels(original, processed, mask)


def to_8bit(quanta: np.ndarray) -> np.ndarray:
    """8-bit values of Q16 quanta as ImageMagick writes them to an 8-bit file: truncated
    (measured: its PNGs hold floor(q / 257), one level below rounding half the time)."""
    quanta = np.asarray(quanta)
    if quanta.dtype != np.float32:
        quanta = quanta.astype(np.float64)
    return np.clip(np.floor(quanta / 257), 0, 255)


def quantize(image: pyvips.Image) -> pyvips.Image:
    """A float image on the 0-255 scale to 8 bits as ImageMagick gets there: rounded to a Q16
    quantum, then truncated to 8 bits."""
    quanta = (image * 257 + 0.5).floor()
    return (quanta / 257).floor().maxpair(0).minpair(255).cast("uchar")


def luma(colour: np.ndarray) -> np.ndarray:
    """ImageMagick's pixel intensity of an HxWxC array (grey: the value itself), same scale."""
    if colour.shape[2] < 3:
        return colour[..., 0].astype(np.float32)
    return colour[..., :3].astype(np.float32) @ np.array(LUMA, dtype=np.float32)


def intensity_q16(image: pyvips.Image) -> pyvips.Image:
    """Each pixel's intensity (Rec. 709 luma; grey: the value) as a Q16 quantum (ushort),
    rounded as ImageMagick rounds it for its histograms and thresholds."""
    colour, _ = split_alpha(image)
    value = colour.cast("float") if colour.bands == 1 else colour.recomb([list(LUMA)])
    return (value * 257).rint().cast("ushort")


def histogram(image: pyvips.Image) -> np.ndarray:
    """Counts per value of a one-band uchar (256 bins) or ushort (65536 bins) image."""
    bins = 256 if image.format == "uchar" else QUANTUM + 1
    counts = np.frombuffer(image.hist_find().write_to_memory(), dtype=np.uint32)
    return np.pad(counts.astype(np.float64), (0, bins - counts.size))  # libvips stops at the max


def spread(counts: np.ndarray) -> np.ndarray:
    """An 8-bit histogram laid out on the Q16 scale (value v in bin v * 257)."""
    wide = np.zeros(QUANTUM + 1)
    wide[np.arange(256) * 257] = counts
    return wide


def lookup(image: pyvips.Image, maps: list[np.ndarray], channel: int | None) -> pyvips.Image:
    """Apply Q16 maps (one for every colour band, or one for all) to the 8-bit values of the
    bands ``channel`` selects (the colour bands by default)."""
    colour, alpha = split_alpha(image)
    bands = [to_8bit(m[np.arange(256) * 257]) for m in maps]
    table = np.stack(bands * (colour.bands if len(bands) == 1 else 1), axis=-1)
    lut = from_array(table.astype(np.uint8).reshape(1, 256, -1))
    mapped = colour.maplut(lut)
    if alpha is not None:
        mapped = mapped.bandjoin(alpha)
    return select_channels(image, mapped, channel)


def stretch_bounds(counts: np.ndarray, black: float, white: float) -> tuple[int, int]:
    """ContrastStretchImage's levels: past ``black`` pixels from the dark end, and where more
    than ``total - white`` pixels have been counted from the bright end."""
    total = counts.sum()
    low = int(np.argmax(np.cumsum(counts) > black))
    from_top = np.cumsum(counts[::-1])
    above = np.nonzero(from_top > total - white)[0]
    high = QUANTUM - int(above[0]) if above.size else 0
    return low, high


def level_map(black: float, white: float) -> np.ndarray:
    """ImageMagick's -level as a Q16 map: ``black`` to 0, ``white`` to full scale, linearly."""
    index = np.arange(QUANTUM + 1, dtype=np.float64)
    scale = 1 / (white - black) if white != black else 1.0
    return np.clip(np.floor(QUANTUM * (index - black) * scale + 0.5), 0, QUANTUM)


def normalize(image: pyvips.Image, channel: int | None) -> pyvips.Image:
    """ImageMagick's -normalize: a contrast stretch clipping 0.15% of the pixels to black and
    0.05% to white. With no channel the levels come from the intensity histogram and apply to
    every colour band alike (hue kept); with a channel each band named is stretched alone."""
    colour, _ = split_alpha(image)
    total = colour.width * colour.height
    if channel is None:
        counts = [histogram(intensity_q16(image))]
    else:
        counts = [spread(histogram(colour[band])) for band in range(colour.bands)]
    maps = []
    for bins in counts:
        low, high = stretch_bounds(bins, 0.0015 * total, 0.9995 * total)
        unchanged = np.arange(QUANTUM + 1, dtype=np.float64)
        maps.append(level_map(low, high) if low != high else unchanged)
    return lookup(image, maps, channel)


def normalize_float(image: pyvips.Image) -> pyvips.Image:
    """-normalize for a float image on the 0-255 scale (intermediate results that ImageMagick
    keeps at 16 bits): the same levels, applied without rounding."""
    counts = histogram(intensity_q16(image))
    total = image.width * image.height
    low, high = stretch_bounds(counts, 0.0015 * total, 0.9995 * total)
    if high <= low:
        return image
    return ((image * 257 - low) * (255 / (high - low))).maxpair(0).minpair(255)


def linear_stretch(image: pyvips.Image, black: float, white: float) -> pyvips.Image:
    """ImageMagick's -linear-stretch: the darkest ``black`` pixels become black and the
    brightest ``white`` pixels white (counts, by intensity), the rest stretched linearly."""
    counts = histogram(intensity_q16(image))
    low = int(np.argmax(np.cumsum(counts) >= black)) if black > 0 else 0
    from_top = np.nonzero(np.cumsum(counts[::-1]) >= white)[0] if white > 0 else np.array([0])
    high = QUANTUM - int(from_top[0]) if from_top.size else 0
    return lookup(image, [level_map(low, high)], None)


def equalize(image: pyvips.Image, *, per_band: bool = False) -> pyvips.Image:
    """ImageMagick's -equalize: the intensity histogram's cumulative map, applied to every
    colour band alike; ``per_band`` equalises each band on its own histogram (as -emboss
    does)."""
    colour, _ = split_alpha(image)
    if per_band:
        counts = [spread(histogram(colour[band])) for band in range(colour.bands)]
    else:
        counts = [histogram(intensity_q16(image))]
    maps = []
    for bins in counts:
        cumulative = np.cumsum(bins)
        black, white = cumulative[0], cumulative[-1]
        unchanged = np.arange(QUANTUM + 1, dtype=np.float64)
        spread_out = QUANTUM * (cumulative - black) / max(white - black, 1)
        maps.append(np.floor(spread_out + 0.5) if white != black else unchanged)
    return lookup(image, maps, None)


def gamma(image: pyvips.Image, value: float, channel: int | None) -> pyvips.Image:
    """ImageMagick's -gamma: ``value`` above 1 brightens, below 1 darkens."""
    index = np.arange(QUANTUM + 1, dtype=np.float64) / QUANTUM
    return lookup(image, [np.floor(QUANTUM * index ** (1 / value) + 0.5)], channel)


def posterize(image: pyvips.Image, levels: int, dither: bool) -> pyvips.Image:
    """ImageMagick's -posterize: each channel rounded to ``levels`` evenly spaced values. With
    ``dither`` an 8x8 ordered dither (-ordered-dither o8x8,levels) spreads the rounding."""
    steps = max(levels - 1, 1)
    if not dither or levels < 2:
        index = np.arange(QUANTUM + 1, dtype=np.float64) / QUANTUM
        return lookup(
            image, [np.floor(QUANTUM * np.floor(index * (levels - 1) + 0.5) / steps)], None
        )
    colour, alpha = split_alpha(image)
    values = to_array(colour).astype(np.int64) * 257
    rows, cols = np.indices(values.shape[:2])
    threshold = _BAYER8[rows % 8, cols % 8][..., None] + 1
    scaled = values * (steps * 64 + 1) // QUANTUM  # 64 = the o8x8 map's divisor (65) - 1
    level = scaled // 64 + ((scaled % 64) >= threshold)
    out = from_array(to_8bit(level * QUANTUM / steps).astype(np.uint8))
    return join_alpha(out, alpha)


_BAYER8 = np.array(
    [
        [0, 48, 12, 60, 3, 51, 15, 63],
        [32, 16, 44, 28, 35, 19, 47, 31],
        [8, 56, 4, 52, 11, 59, 7, 55],
        [40, 24, 36, 20, 43, 27, 39, 23],
        [2, 50, 14, 62, 1, 49, 13, 61],
        [34, 18, 46, 30, 33, 17, 45, 29],
        [10, 58, 6, 54, 9, 57, 5, 53],
        [42, 26, 38, 22, 41, 25, 37, 21],
    ]
)


def threshold(image: pyvips.Image, level: float) -> pyvips.Image:
    """ImageMagick's -threshold: white where the intensity exceeds ``level`` (0-255), else
    black; a grey result, alpha kept."""
    _, alpha = split_alpha(image)
    # ImageMagick rounds the intensity to a 16-bit quantum before comparing.
    white = (intensity_q16(image) > level * 257).ifthenelse(255, 0).cast("uchar")
    return join_alpha(white, alpha)


def black_threshold(image: pyvips.Image, colour: tuple[int, int, int]) -> pyvips.Image:
    """ImageMagick's -black-threshold: each channel below the colour's value becomes 0."""
    if image.bands <= 2 and len(set(colour)) > 1:
        image = image.colourspace("srgb")
    bands, alpha = split_alpha(image)
    limit = list(colour) if bands.bands == 3 else [colour[0]]
    kept = (bands < limit).ifthenelse(0, bands).cast("uchar")
    return join_alpha(kept, alpha)


def random_threshold(
    image: pyvips.Image, low: float, high: float, channel: int | None, seed: int | None = None
) -> pyvips.Image:
    """ImageMagick's -random-threshold low x high (0-255): per channel, values below ``low``
    go black, above ``high`` white, and between them white with a probability equal to the
    value (a fresh random threshold over the full range for every sample)."""
    values = to_array(image)
    noise = np.random.default_rng(seed).integers(0, QUANTUM + 1, values.shape, dtype=np.int32)
    quanta = values.astype(np.int32) * 257
    noise = np.where(quanta < low * 257, int(low * 257), noise)
    noise = np.where(quanta > high * 257, int(high * 257), noise)
    return select_channels(image, from_array(np.where(quanta <= noise, 0, 255)), channel)


def colorize(
    image: pyvips.Image, colour: tuple[int, int, int], percent: tuple[float, float, float]
) -> pyvips.Image:
    """ImageMagick's -colorize: blend each channel towards ``colour`` by its percentage."""
    image = as_colour(image) if len(set(colour)) > 1 else image
    bands, alpha = split_alpha(image)
    count = bands.bands
    keep = [1 - p / 100 for p in percent[:count]]
    add = [c * p / 100 for c, p in zip(colour[:count], percent[:count], strict=True)]
    blended = quantize(bands.linear(keep, add))
    return join_alpha(blended, alpha)


def in_strips(image: pyvips.Image, work: Callable[[np.ndarray], np.ndarray]) -> pyvips.Image:
    """Run ``work`` (Q16 float RGB in, Q16 float RGB out) over strips of rows, alpha kept."""
    colour, alpha = split_alpha(as_colour(image))
    values = to_array(colour)
    out = np.empty_like(values)
    for top in range(0, values.shape[0], _STRIP):
        strip = values[top : top + _STRIP].astype(np.float32) * 257
        out[top : top + _STRIP] = to_8bit(np.floor(work(strip) + 0.5))  # ClampToQuantum first
    return join_alpha(from_array(out), alpha)


def sepia(image: pyvips.Image, level: float) -> pyvips.Image:
    """ImageMagick's -sepia-tone at ``level`` (0-255 for 0-100%): tones from the intensity,
    then -normalize and a sigmoidal -contrast, as SepiaToneImage does, all on 16-bit quanta
    with one final cut to 8 bits."""
    limit = level * 257
    colour, alpha = split_alpha(as_colour(image))
    values = to_array(colour)
    toned = np.empty(values.shape, np.uint16)
    counts = np.zeros(QUANTUM + 1)
    for top in range(0, values.shape[0], _STRIP):
        part = _sepia_tone(values[top : top + _STRIP].astype(np.float32) * 257, limit)
        toned[top : top + _STRIP] = part
        grey = np.floor(luma(part) + 0.5).astype(np.int64)
        counts += np.bincount(grey.ravel(), minlength=QUANTUM + 1)
    total = values.shape[0] * values.shape[1]
    low, high = stretch_bounds(counts, 0.0015 * total, 0.9995 * total)
    stretch = level_map(low, high) if high != low else np.arange(QUANTUM + 1, dtype=np.float64)
    out = np.empty(values.shape, np.uint8)
    for top in range(0, values.shape[0], _STRIP):
        stretched = stretch[toned[top : top + _STRIP]].astype(np.float32)
        out[top : top + _STRIP] = to_8bit(np.floor(contrast(stretched) + 0.5))
    return join_alpha(from_array(out), alpha)


def _sepia_tone(rgb: np.ndarray, limit: float) -> np.ndarray:
    grey = luma(rgb)
    red = np.where(grey > limit, QUANTUM, grey + QUANTUM - limit)
    green = np.where(grey > 7 * limit / 6, QUANTUM, grey + QUANTUM - 7 * limit / 6)
    blue = np.where(grey < limit / 6, 0, grey - limit / 6)
    toned = np.clip(np.floor(np.stack([red, green, blue], axis=-1) + 0.5), 0, QUANTUM)
    toned[..., 1:] = np.maximum(toned[..., 1:], np.floor(limit / 7 + 0.5))
    return toned


def contrast(rgb: np.ndarray) -> np.ndarray:
    """ImageMagick's -contrast on Q16 RGB: a sine curve on the HSB brightness, hue and
    saturation kept."""
    brightness = rgb.max(axis=-1, keepdims=True) / QUANTUM
    curved = brightness + 0.5 * (0.5 * (np.sin(np.pi * (brightness - 0.5)) + 1) - brightness)
    gain = np.clip(curved, 0, 1) / np.maximum(brightness, 1e-12)
    return np.where(brightness > 0, rgb * gain, rgb)


def modulate(image: pyvips.Image, brightness: float, saturation: float, hue: float) -> pyvips.Image:
    """ImageMagick's -modulate in its default HSL space: lightness and saturation scaled by
    their percentages, hue turned by (hue - 100) / 200 of a full turn."""
    turn = np.fmod(hue - 100, 200) / 200

    def adjust(rgb: np.ndarray) -> np.ndarray:
        h, s, light = _rgb_to_hsl(rgb / QUANTUM)
        return _hsl_to_rgb(h + turn, s * saturation / 100, light * brightness / 100) * QUANTUM

    return in_strips(image, adjust)


def _rgb_to_hsl(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    high, low = rgb.max(axis=-1), rgb.min(axis=-1)
    chroma = high - low
    light = (high + low) / 2
    safe = np.where(chroma > 0, chroma, 1)
    hue = np.where(
        high == r,
        np.fmod((g - b) / safe + 6, 6),
        np.where(high == g, 2 + (b - r) / safe, 4 + (r - g) / safe),
    )
    denominator = np.where(light <= 0.5, 2 * light, 2 - 2 * light)
    saturation = chroma / np.where(denominator > 0, denominator, 1)
    empty = chroma <= 0
    return np.where(empty, 0, hue / 6), np.where(empty, 0, saturation), light


def _hsl_to_rgb(hue: np.ndarray, saturation: np.ndarray, light: np.ndarray) -> np.ndarray:
    chroma = np.where(light <= 0.5, 2 * light * saturation, (2 - 2 * light) * saturation)
    low = light - 0.5 * chroma
    h = (hue - np.floor(hue)) * 6
    x = chroma * (1 - np.abs(h - 2 * np.floor(h / 2) - 1))
    sector = np.floor(h).astype(np.int8) % 6
    zero = np.zeros_like(chroma)
    table = [(chroma, x, zero), (x, chroma, zero), (zero, chroma, x), (zero, x, chroma)]
    table += [(x, zero, chroma), (chroma, zero, x)]
    rgb = np.stack([np.choose(sector, [row[i] for row in table]) for i in range(3)], axis=-1)
    return np.clip(rgb + low[..., None], 0, 1)
