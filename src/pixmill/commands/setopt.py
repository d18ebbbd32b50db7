from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Self

import pyvips
from pydantic import Field, model_validator

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import colorspace, sizing
from pixmill.engine.codec import Output
from pixmill.params import Text, to_color, to_int

_DPI = r"([0-9]{1,5}(?:\.[0-9]{1,3})?)"
_DENSITY = re.compile(_DPI + r"(?:x" + _DPI + r")?")


def _quality(value: str) -> int:
    quality = to_int(value)
    if not 1 <= quality <= 100:
        raise ValueError("quality must lie in 1..100")
    return quality


def _density(value: str) -> tuple[float, float]:
    match = _DENSITY.fullmatch(value.strip())
    x = float(match.group(1)) if match else 0.0
    y = float(match.group(2) or x) if match else 0.0
    if not (1 <= x <= 10000 and 1 <= y <= 10000):
        raise ValueError("density is 'N' or 'NxM' dots per inch, each 1..10000")
    return x, y


# ImageMagick option -> (parse the value, apply it to the image being written).
_OPTIONS: dict[str, tuple[Callable[[str], Any], Callable[[pyvips.Image, Any], Output]]] = {
    "quality": (_quality, lambda image, quality: Output(image, quality=quality)),
    "density": (_density, lambda image, dpi: Output(sizing.with_dpi(image, *dpi))),
    "background": (
        to_color,
        lambda image, color: Output(colorspace.flatten(image, (*color[:3], 255))),
    ),
}


class Params(ImageParams):
    opt: Text = Field(
        max_length=64, description="Option name: " + ", ".join(sorted(_OPTIONS)) + "."
    )
    val: Text = Field(max_length=64, description="Option value.")

    @model_validator(mode="after")
    def _known_option(self) -> Self:
        name = self.opt.strip().lower()
        if name not in _OPTIONS:
            raise ValueError(
                f"Invalid value for parameter 'opt': unsupported option '{name[:40]}'; "
                f"supported: {', '.join(sorted(_OPTIONS))}"
            )
        try:
            _OPTIONS[name][0](self.val)
        except ValueError as error:
            raise ValueError(f"Invalid value for parameter 'val': {error}") from None
        object.__setattr__(self, "opt", name)  # frozen model, still being validated
        return self


@command(
    "setopt",
    summary="Set an ImageMagick option on an image.",
    example={"opt": "quality", "val": 50},
)
def setopt(params: Params, image: pyvips.Image) -> Output:
    """MagickSetOption for the options that change what is written: ``quality`` (1..100, as
    the compress endpoint), ``density`` (``300`` or ``300x200`` DPI, as setresolution) and
    ``background`` (a colour that transparency is flattened onto, as flatten). Other ImageMagick
    options would have no effect here, so they are refused with a 400 rather than ignored."""
    parse, apply = _OPTIONS[params.opt]
    return apply(image, parse(params.val))
