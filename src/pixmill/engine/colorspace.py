"""Colour-space conversions with ImageMagick's formulas (MagickCore's colorspace.c).

ImageMagick converts from the sRGB-encoded values as they are, except for RGB, which is linear
light. The results are 8-bit channels stored as they are: formats that cannot say "this is HSL"
get the H, S and L channels in their R, G and B slots, as ImageMagick's ``-set colorspace sRGB``
idiom does. Everything is done with libvips arithmetic, so large images stream.
"""

from __future__ import annotations

import pyvips

from pixmill.engine.codec import Output
from pixmill.engine.color import background
from pixmill.params import Rgba

__all__ = ["ALPHA_FORMATS", "SPACES", "flatten", "luma_of", "transform"]

_REC709_LUMA = [0.212656, 0.715158, 0.072186]  # ImageMagick's default intensity (Rec709Luma)
_YCBCR = [  # Rec.601 YCbCr (ImageMagick's ConvertRGBToYPbPr), Cb and Cr offset by one half
    [0.298839, 0.586811, 0.114350],
    [-0.1687367, -0.331264, 0.5],
    [0.5, -0.418688, -0.081312],
]
WHITE: Rgba = (255, 255, 255, 255)
# Formats that write an alpha band even when it is all opaque (WebP and GIF encoders drop it).
ALPHA_FORMATS = frozenset({"png", "tiff"})


def _split(image: pyvips.Image) -> tuple[pyvips.Image, pyvips.Image | None]:
    """The three sRGB colour bands (grey promoted) and the alpha band, if any."""
    alpha = image[image.bands - 1] if image.hasalpha() else None
    colour = image.extract_band(0, n=image.bands - 1) if alpha is not None else image
    if colour.bands == 1:
        colour = colour.bandjoin([colour, colour])
    return colour, alpha


def _join(colour: pyvips.Image, alpha: pyvips.Image | None, interpretation: str) -> pyvips.Image:
    """Round float channels to 8 bits and put the alpha band back."""
    image = colour.rint().cast("uchar")
    if alpha is not None:
        image = image.bandjoin(alpha)
    return image.copy(interpretation=interpretation)


def luma_of(image: pyvips.Image) -> pyvips.Image:
    """One float band, 0..255: ImageMagick's Rec.709 luma of the sRGB-encoded values."""
    colour, _ = _split(image)
    return colour.recomb([_REC709_LUMA])


def to_gray(image: pyvips.Image) -> pyvips.Image:
    """-colorspace Gray: Rec.709 luma of the encoded values (no linearisation), alpha kept."""
    if image.interpretation == "b-w":
        return image
    return _join(luma_of(image), _split(image)[1], "b-w")


def to_srgb(image: pyvips.Image) -> pyvips.Image:
    """-colorspace sRGB: decoded images already are; grey becomes three equal bands."""
    return _join(*_split(image), "srgb")


def to_linear_rgb(image: pyvips.Image) -> pyvips.Image:
    """-colorspace RGB: ImageMagick's RGB is linear light, so the sRGB curve is undone and the
    linear values are stored in 8 bits (the picture looks darker in sRGB viewers)."""
    colour, alpha = _split(image)
    linear = colour.copy(interpretation="srgb").colourspace("scrgb")
    return _join(linear * 255, alpha, "srgb")


def to_cmyk(image: pyvips.Image) -> pyvips.Image:
    """-colorspace CMYK: ImageMagick's profile-free formula (K = 1 - max(R, G, B), the rest
    scaled by 1 / (1 - K)). Transparency is flattened onto white first: CMYK with alpha is a
    format few viewers can open."""
    colour, _ = _split(flatten(image, WHITE))
    inverse = 1 - colour / 255
    c, m, y = inverse[0], inverse[1], inverse[2]
    k = _minimum(_minimum(c, m), y)
    scale = 1 - k  # where K is 1 libvips' division gives 0, as ImageMagick special-cases
    ink = (c.bandjoin([m, y]) - k) / scale
    return _join(ink.bandjoin(k) * 255, None, "cmyk")


def to_hsl(image: pyvips.Image) -> pyvips.Image:
    """-colorspace HSL: hue, saturation and lightness, each scaled to 0..255."""
    colour, alpha = _split(image)
    rgb = colour / 255
    r, g, b = rgb[0], rgb[1], rgb[2]
    high, low = _maximum(_maximum(r, g), b), _minimum(_minimum(r, g), b)
    chroma = high - low
    lightness = (high + low) / 2
    saturation = (lightness <= 0.5).ifthenelse(
        chroma / (lightness * 2), chroma / (2 - lightness * 2)
    )
    # Where chroma is 0 every division gives 0, so hue and saturation are 0, as in ImageMagick.
    hue = (high == r).ifthenelse(
        (g - b) / chroma + (g < b).ifthenelse(6, 0),
        (high == g).ifthenelse(2 + (b - r) / chroma, 4 + (r - g) / chroma),
    )
    return _join((hue / 6).bandjoin([saturation, lightness]) * 255, alpha, "srgb")


def to_ycbcr(image: pyvips.Image) -> pyvips.Image:
    """-colorspace YCbCr: full-range Rec.601 Y, Cb and Cr, the chroma centred on 128."""
    colour, alpha = _split(image)
    return _join(colour.recomb(_YCBCR).linear(1, [0, 127.5, 127.5]), alpha, "srgb")


def with_alpha(image: pyvips.Image) -> pyvips.Image:
    """-colorspace Transparent: sRGB with an alpha channel (opaque where there was none)."""
    return image if image.hasalpha() else image.bandjoin(255)


def flatten(image: pyvips.Image, color: Rgba) -> pyvips.Image:
    """Composite the image over ``color`` and drop the alpha channel (ImageMagick's -flatten)."""
    if not image.hasalpha():
        return image
    opaque = (*color[:3], 255)
    image, fill = background(image, opaque)
    return image.flatten(background=fill[:-1]).cast("uchar")


def _minimum(a: pyvips.Image, b: pyvips.Image) -> pyvips.Image:
    return (a < b).ifthenelse(a, b)


def _maximum(a: pyvips.Image, b: pyvips.Image) -> pyvips.Image:
    return (a > b).ifthenelse(a, b)


# Each space: its conversion and the output format ("" keeps the input's format).
_SPACES = {
    "cmyk": (to_cmyk, "tiff"),
    "gray": (to_gray, ""),
    "hsl": (to_hsl, "png"),
    "rgb": (to_linear_rgb, ""),
    "srgb": (to_srgb, ""),
    "transparent": (with_alpha, ""),
    "ycbcr": (to_ycbcr, "png"),
}
SPACES = tuple(_SPACES)


def transform(image: pyvips.Image, space: str, input_format: str) -> Output:
    """Convert to ``space`` and choose an output format that holds the result: CMYK as TIFF,
    HSL and YCbCr as lossless PNG, transparency in a format with alpha; otherwise the input's."""
    convert, fmt = _SPACES[space]
    if space == "transparent" and input_format not in ALPHA_FORMATS:
        fmt = "png"
    return Output(convert(image), format=fmt or None)
