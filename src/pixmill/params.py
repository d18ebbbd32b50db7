"""Parameter parsing: PixLab's lenient value conventions, strict about garbage.

Lenient where real clients depend on it (catalog §1.4): booleans as ``True``/``false``/``1``,
integers sent as ``72.5``, colour names. Strict everywhere else: numbers must match an ASCII
pattern (no Unicode digits, underscores, ``nan``, ``inf`` or ``1e309``), text may not carry
control characters, and every failure is a 400 that names the parameter.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

import webcolors
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    ValidationError,
    WithJsonSchema,
)

from pixmill.errors import BadRequest

# Fractions may be long: Python clients send str(1/3) = "0.3333333333333333" (16 digits).
_INT = re.compile(r"[+-]?[0-9]{1,15}(\.[0-9]{0,30})?")
_FLOAT = re.compile(r"[+-]?([0-9]{1,15}(\.[0-9]{0,30})?|\.[0-9]{1,30})([eE][+-]?[0-9]{1,3})?")
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off", ""}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_WORD = re.compile(r"[A-Za-z0-9_-]{1,40}")
_MAX_ABS = 1e12
MAX_TEXT = 100_000  # a backstop; fields set their own, shorter max_length


def _number_text(value: str) -> str:
    text = value.strip(" ")
    if not text:
        raise ValueError("expected a number, got an empty value")
    return text


def to_int(value: Any) -> int:
    """An integer from an int, a finite float or an ASCII decimal string (fraction truncated)."""
    if isinstance(value, bool):
        raise ValueError("expected a number, got a boolean")
    if isinstance(value, int):
        if abs(value) > _MAX_ABS:
            raise ValueError("number out of range")
        return value
    if isinstance(value, float):
        return int(to_float(value))
    if isinstance(value, str):
        text = _number_text(value)
        if not _INT.fullmatch(text):
            raise ValueError(f"expected an integer, got '{_preview(value)}'")
        return to_int(int(float(text)))
    raise ValueError("expected a number")


def to_float(value: Any) -> float:
    """A finite float from a number or an ASCII decimal string."""
    if isinstance(value, bool):
        raise ValueError("expected a number, got a boolean")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = _number_text(value)
        if not _FLOAT.fullmatch(text):
            raise ValueError(f"expected a number, got '{_preview(value)}'")
        number = float(text)
    else:
        raise ValueError("expected a number")
    if not math.isfinite(number) or abs(number) > _MAX_ABS:
        raise ValueError("number out of range")
    return number


def to_bool(value: Any) -> bool:
    """A boolean from true/false, 1/0, yes/no, on/off in any case (Python clients send True)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise ValueError("expected true or false")


def to_text(value: Any) -> str:
    """A string without control characters (newlines and tabs allowed), at most MAX_TEXT long."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("expected a string")
    text = str(value)
    if len(text) > MAX_TEXT:
        raise ValueError(f"longer than {MAX_TEXT} characters")
    if _CONTROL.search(text):
        raise ValueError("control characters are not allowed")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("invalid Unicode text") from None
    return text


def to_word(value: Any) -> str:
    """A short name (a format, a font): letters, digits, dash and underscore only."""
    text = to_text(value).strip()
    if not _WORD.fullmatch(text):
        raise ValueError(f"expected a short name, got '{_preview(text)}'")
    return text.lower()


Rgba = tuple[int, int, int, int]
TRANSPARENT: Rgba = (0, 0, 0, 0)
_HEX = re.compile(r"#?([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


def to_color(value: Any) -> Rgba:
    """RGBA from a CSS colour name, ``#rgb``/``#rrggbb``/``#rrggbbaa``, or tr/transparent/none."""
    if isinstance(value, tuple | list) and len(value) == 4:
        channels = tuple(to_int(v) for v in value)
        if not all(0 <= v <= 255 for v in channels):
            raise ValueError("colour channels must lie in 0..255")
        return channels  # type: ignore[return-value]
    text = to_text(value).strip().lower()
    if text in ("tr", "transparent", "none"):
        return TRANSPARENT
    match = _HEX.fullmatch(text)
    if match and (text.startswith("#") or not text.isalpha()):
        digits = match.group(1)
        if len(digits) in (3, 4):
            digits = "".join(c * 2 for c in digits)
        channels = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
        return (*channels[:3], channels[3] if len(channels) == 4 else 255)  # type: ignore[return-value]
    try:
        rgb = webcolors.name_to_rgb(text)
    except ValueError:
        raise ValueError(f"unknown colour '{_preview(text)}'") from None
    return (rgb.red, rgb.green, rgb.blue, 255)


def _preview(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "..."


class SourceMarker:
    """Marks a field whose value is an input image (a URL, a stored media id or the upload)."""


SOURCE = SourceMarker()

Int = Annotated[int, BeforeValidator(to_int)]
Float = Annotated[float, BeforeValidator(to_float)]
Bool = Annotated[bool, BeforeValidator(to_bool)]
Text = Annotated[str, BeforeValidator(to_text)]
Word = Annotated[str, BeforeValidator(to_word)]


def color_text(color: Rgba) -> str:
    """``#rrggbbaa`` (or ``transparent``) for documentation and JSON."""
    return "transparent" if color == TRANSPARENT else "#{:02x}{:02x}{:02x}{:02x}".format(*color)


Color = Annotated[
    Rgba,
    BeforeValidator(to_color),
    PlainSerializer(color_text, return_type=str),
    WithJsonSchema({"type": "string", "description": "CSS colour name, #hex, or tr"}),
]
Source = Annotated[
    str,
    BeforeValidator(to_text),
    WithJsonSchema({"type": "string", "description": "Image URL or media id"}),
    SOURCE,
]


class Params(BaseModel):
    """Base of every endpoint's parameter model: unknown parameters are ignored."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True, frozen=True)


def validate(model: type[Params], raw: dict[str, Any]) -> Params:
    """Validate raw parameters, turning the first problem into a 400 naming the parameter."""
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise BadRequest(describe_error(error)) from None


def describe_error(error: ValidationError) -> str:
    """One readable sentence for the first validation problem."""
    first = error.errors(include_url=False)[0]
    name = ".".join(str(part) for part in first["loc"])
    if first["type"] == "missing":
        return f"Missing required parameter '{name}'"
    message = first["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if not name:  # a rule across several parameters says it all itself
        return message
    return f"Invalid value for parameter '{name}': {message}"


def source_fields(model: type[BaseModel]) -> list[str]:
    """Top-level fields of a model that name an input image, in declaration order."""
    return [name for name, field in model.model_fields.items() if SOURCE in field.metadata]


def sources_in(params: BaseModel) -> list[str]:
    """Every input image a validated model names, nested models and lists included."""
    found: list[str] = []
    for name, field in type(params).model_fields.items():
        value = getattr(params, name)
        if SOURCE in field.metadata and value is not None:
            found.append(value)
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, BaseModel):
                found.extend(sources_in(item))
    return list(dict.fromkeys(found))
