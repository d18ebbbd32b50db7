from __future__ import annotations

from collections.abc import Callable

import pyvips
from pydantic import AliasChoices, Field

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import effects
from pixmill.params import Bool, Source


class Params(ImageParams):
    palette: Source = Field(
        validation_alias=AliasChoices("palette", "map", "remap"),
        description="Image whose colours make the palette (URL or media id; also 'map').",
    )
    dither: Bool = Field(True, description="Diffuse the colour error (Floyd-Steinberg).")


@command(
    "remap",
    summary="Reduce an image to the colours of another image.",
    example={"palette": "https://example.com/palette.png", "dither": False},
)
def remap(params: Params, image: pyvips.Image, load: Callable[[str], pyvips.Image]) -> pyvips.Image:
    """PixLab's page for remap could not be read, so this follows ImageMagick's -remap: every
    pixel is replaced by the nearest colour of the ``palette`` image (all its colours, or the
    256 that best represent it when it has more), with error diffusion unless ``dither`` is
    false. ImageMagick dithers with a Riemersma curve by default; pixmill uses
    Floyd-Steinberg, which ImageMagick offers too."""
    return effects.remap(image, load(params.palette), params.dither)
