"""Parameters shared by the drawing, text, composition and generation endpoints."""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import AliasChoices, BeforeValidator, Field, field_validator

from pixmill.commands._params import Side
from pixmill.engine import fonts
from pixmill.engine.compose import Box
from pixmill.engine.text import Style
from pixmill.params import Bool, Color, Float, Int, Params, Rgba, Text, Word

__all__ = ["MAX_ITEMS", "WHITE", "Coord", "JsonList", "Rect", "TextParams", "TextValue"]

MAX_ITEMS = 1000
Coord = Annotated[Int, Field(ge=-100_000, le=100_000)]
TextValue = Annotated[Text, Field(max_length=500)]
WHITE: Rgba = (255, 255, 255, 255)


def json_list(value: Any) -> Any:
    """Lists arrive as JSON arrays in a JSON body, or as a JSON string in a query or form."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except (ValueError, RecursionError):
            raise ValueError("expected a JSON array") from None
    return value


JsonList = BeforeValidator(json_list)


class Rect(Params):
    """A rectangle as PixLab writes it; ``left``/``top`` (facedetect's names) stand for x/y, and
    extra keys (face_id, right, bottom) are ignored, so detected faces pass unchanged."""

    x: Coord = Field(validation_alias=AliasChoices("x", "left"), description="Left edge.")
    y: Coord = Field(validation_alias=AliasChoices("y", "top"), description="Top edge.")
    width: Side = Field(description="Width in pixels.")
    height: Side = Field(description="Height in pixels.")
    color: Color | None = Field(None, description="Colour of this one (default: the global).")

    @property
    def box(self) -> Box:
        return self.x, self.y, self.width, self.height


class TextParams(Params):
    """The text style parameters of drawtext, drawtextat and annotate."""

    font: Word = Field(
        fonts.DEFAULT,
        description="Font name: " + ", ".join(sorted(fonts.FONTS)) + " (impact is Anton).",
    )
    cap: Bool = Field(False, description="Upper-case the text.")
    size: Float | None = Field(
        None, ge=1, le=512, description="Font size in pixels; fitted to the space when absent."
    )
    color: Color = Field(WHITE, description="Text colour (name or #hex).")
    strokecolor: Color | None = Field(None, description="Outline colour; no outline when absent.")
    strokewidth: Float = Field(2, ge=0, le=50, description="Outline width in pixels.")
    strokeopacity: Float = Field(0.9, ge=0, le=1, description="Outline opacity (0-1).")

    @field_validator("font")
    @classmethod
    def _known_font(cls, value: str) -> str:
        if value not in fonts.FONTS:
            raise ValueError(f"unknown font '{value}' (one of {', '.join(sorted(fonts.FONTS))})")
        return value

    def style(self) -> Style:
        stroke = self.strokecolor if self.strokecolor and self.strokecolor[3] > 0 else None
        return Style(
            font=fonts.lookup(self.font),
            color=self.color,
            size=self.size,
            stroke=stroke,
            stroke_width=self.strokewidth,
            stroke_opacity=self.strokeopacity,
        )

    def shown(self, text: str) -> str:
        return text.upper() if self.cap else text
