from __future__ import annotations

from typing import Any

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import codec
from pixmill.engine.codec import Input, Limits


@command("header", summary="Read an image's dimensions, format and depth.", tags=("info",))
def header(params: ImageParams, input: Input, limits: Limits) -> dict[str, Any]:
    """Reads only the header: width and height (after EXIF orientation), format, byte size,
    MIME type, channel count, bits per channel, and ready-made HTML and CSS size strings."""
    info = codec.probe(input, limits)
    width, height = info["width"], info["height"]
    return {
        **info,
        "type": input.format.upper(),
        "size": len(input.data),
        "mime": codec.MIME[input.format],
        "html_attr": f'height="{height}" width="{width}"',
        "css_prop": f"height:{height}px;width:{width}px;",
    }
