from __future__ import annotations

from typing import Any

from pixmill.commands import command
from pixmill.commands._params import ImageParams
from pixmill.engine import codec
from pixmill.engine.codec import Input


@command("extension", summary="Name an image's file format and extension.", tags=("info",))
def extension(params: ImageParams, input: Input) -> dict[str, Any]:
    """Reads the format from the file's leading bytes (never from its name or the server's
    Content-Type) and replies with the usual file ``extension`` (``jpg``, ``png``, ``gif``,
    ``webp``, ``tif``, ``bmp``, ``heif``, ``avif``) and the ``mime`` type."""
    return {"extension": codec.extension(input.format), "mime": codec.MIME[input.format]}
