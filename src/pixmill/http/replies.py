"""Reply builders: PixLab's JSON envelope and raw image bytes."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from starlette.responses import Response

JSON_TYPE = "application/json"  # exactly: the PHP client compares it with ==
NOSNIFF = {"X-Content-Type-Options": "nosniff"}


def json_reply(
    body: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    """``{"status": N, ...}`` with the HTTP status equal to N."""
    payload = json.dumps({"status": status, **body}, ensure_ascii=False, allow_nan=False)
    return Response(
        payload.encode(),
        status_code=status,
        media_type=JSON_TYPE,
        headers={**NOSNIFF, **(headers or {})},
    )


def error_reply(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return json_reply({"error": message}, status, headers)


def bytes_reply(data: bytes, mime: str, *, immutable: bool = False) -> Response:
    """Image bytes with their type, an ETag, and nosniff."""
    headers = {**NOSNIFF, "ETag": f'"{hashlib.sha256(data).hexdigest()[:32]}"'}
    if immutable:
        headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return Response(data, media_type=mime, headers=headers)
