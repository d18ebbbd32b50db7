"""Parameter bases shared by many endpoints."""

from __future__ import annotations

from typing import Annotated, Any, Self

from pydantic import Field, model_validator

from pixmill.params import Bool, Int, Params, Source

__all__ = [
    "MAX_SIDE",
    "ImageParams",
    "OptionalSize",
    "Region",
    "Side",
    "channel_field",
    "pair_sides",
    "require_either",
]

MAX_SIDE = 16384
Side = Annotated[Int, Field(ge=1, le=MAX_SIDE)]


class ImageParams(Params):
    """Brings the input image and ``blob``."""

    img: Source = Field(
        description="Input image: a URL, a media id from /store, or the uploaded file."
    )
    blob: Bool = Field(False, description="Reply with the image bytes instead of JSON.")


class OptionalSize(ImageParams):
    """``width``/``height`` where a missing one takes the other's value (catalog §1.4)."""

    width: Side | None = Field(None, description="Width in pixels (height used if missing).")
    height: Side | None = Field(None, description="Height in pixels (width used if missing).")

    @model_validator(mode="after")
    def _fill_missing_side(self) -> Self:
        return pair_sides(self)


class Region(OptionalSize):
    """A rectangle: ``width``/``height`` as OptionalSize, its top-left corner at ``x``/``y``."""

    x: Int = Field(0, ge=0, le=1_000_000, description="Left edge of the region.")
    y: Int = Field(0, ge=0, le=1_000_000, description="Top edge of the region.")


def require_either(model: Params, first: str = "width", second: str = "height") -> Params:
    """One of two parameters is required."""
    if getattr(model, first) is None and getattr(model, second) is None:
        raise ValueError(f"Missing required parameter '{first}' (or '{second}')")
    return model


def pair_sides(model: Params, first: str = "width", second: str = "height") -> Params:
    """Give a missing one of two paired parameters the other's value; one of them is required."""
    require_either(model, first, second)
    a, b = getattr(model, first), getattr(model, second)
    # The models are frozen; this runs inside validation, before anyone holds the object.
    if a is None:
        object.__setattr__(model, first, b)
    elif b is None:
        object.__setattr__(model, second, a)
    return model


def channel_field() -> Any:
    """The optional ``channel`` parameter (catalog §1.4): ImageMagick's channel constants."""
    return Field(
        None,
        ge=1,
        le=134217727,
        description="Channels to change, ImageMagick constants OR-ed together: red/gray 1, "
        "green 2, blue 4, alpha 8, black 32, all 134217727. Omitted: the colour channels.",
    )
