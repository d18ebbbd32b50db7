"""Parameters of the endpoints that make an image from nothing (no ``img`` input)."""

from __future__ import annotations

from typing import Self

from pydantic import Field, field_validator, model_validator

from pixmill.commands._params import Side, pair_sides
from pixmill.commands.convert import FORMATS
from pixmill.params import Bool, Params, Word

__all__ = ["GeneratedParams"]


class GeneratedParams(Params):
    """``width``/``height`` (a missing one takes the other's value), ``export`` and ``blob``."""

    width: Side | None = Field(None, description="Width in pixels (height used if missing).")
    height: Side | None = Field(None, description="Height in pixels (width used if missing).")
    export: Word = Field("png", description="Output format: " + ", ".join(sorted(FORMATS)) + ".")
    blob: Bool = Field(False, description="Reply with the image bytes instead of JSON.")

    @field_validator("export")
    @classmethod
    def _known_format(cls, value: str) -> str:
        if value not in FORMATS:
            raise ValueError(f"unsupported format '{value}'")
        return FORMATS[value]

    @model_validator(mode="after")
    def _fill_missing_side(self) -> Self:
        return pair_sides(self)  # type: ignore[return-value]
