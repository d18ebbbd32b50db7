"""Colour helpers: backgrounds, channel masks, grey conversion."""

from __future__ import annotations

import pyvips

from pixmill.params import Rgba

# ImageMagick's channel constants (catalog §1.4), bitwise-OR combinable.
RED, GREEN, BLUE, ALPHA, BLACK = 1, 2, 4, 8, 32
ALL_CHANNELS = 134217727


def with_alpha(image: pyvips.Image) -> pyvips.Image:
    """The image with an opaque alpha band added when it has none."""
    return image if image.hasalpha() else image.bandjoin(255)


def background(image: pyvips.Image, color: Rgba) -> tuple[pyvips.Image, list[float]]:
    """A fill value matching the image's bands. A grey image becomes sRGB for a coloured fill,
    and gains alpha for a see-through one, as ImageMagick promotes images."""
    if color[3] < 255:
        image = with_alpha(image)
    if image.bands <= 2 and not color[0] == color[1] == color[2]:
        image = image.colourspace("srgb")
    value = [color[0]] if image.bands <= 2 else list(color[:3])
    if image.hasalpha():
        value.append(color[3])
    return image, [float(v) for v in value]


def channel_bands(image: pyvips.Image, channel: int) -> list[bool]:
    """Which bands an ImageMagick channel mask selects (grey is band 0, alpha is last)."""
    colour_bands = image.bands - (1 if image.hasalpha() else 0)
    colour_masks = [RED] if colour_bands == 1 else [RED, GREEN, BLUE][:colour_bands]
    chosen = [bool(channel & mask) for mask in colour_masks]
    if image.hasalpha():
        chosen.append(bool(channel & ALPHA))
    return chosen


def apply_to_channels(
    original: pyvips.Image, processed: pyvips.Image, channel: int | None
) -> pyvips.Image:
    """Keep ``processed`` only in the bands ``channel`` selects; all bands when it is None."""
    if channel is None or channel & ALL_CHANNELS == ALL_CHANNELS:
        return processed
    chosen = channel_bands(original, channel)
    bands = [processed[i] if pick else original[i] for i, pick in enumerate(chosen)]
    return bands[0].bandjoin(bands[1:]).copy(interpretation=original.interpretation)


def grayscale(image: pyvips.Image) -> pyvips.Image:
    """Rec. 709 luma on the gamma-encoded values (ImageMagick's Rec709Luma), alpha kept."""
    if image.bands <= 2:
        return image
    luma = image[:3].recomb([[0.2126, 0.7152, 0.0722]]).cast("uchar")
    if image.hasalpha():
        luma = luma.bandjoin(image[3])
    return luma.copy(interpretation="b-w")
