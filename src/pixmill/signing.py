"""Signed requests (security.md check 38, as imgproxy's signatures and imgix's ``s=``).

With a signing key configured, every endpoint call must carry ``sig``: the hex HMAC-SHA256,
under that key, of the message ::

    <path as called>\\n<the parameters as canonical JSON>[\\n<SHA-256 hex of the uploaded file>]

where the parameters are every one sent (query, form or JSON body) but ``key`` and ``sig``, as
one JSON object with sorted keys, no spaces and ASCII escapes
(``json.dumps(params, sort_keys=True, separators=(",", ":"))``): values are signed as sent,
strings from a query string or form, JSON types from a JSON body. A deployment's own backend
signs the calls it hands out (links in its pages, say), and nobody else can make the server
compute anything else: no size enumeration, no parameter tampering.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

from pixmill.errors import Forbidden

UNSIGNED = frozenset({"key", "sig"})


def message(path: str, params: Mapping[str, Any], upload: bytes | None = None) -> bytes:
    """The bytes a signature covers."""
    signed = {name: value for name, value in params.items() if name not in UNSIGNED}
    parts = [path, json.dumps(signed, sort_keys=True, separators=(",", ":"))]
    if upload is not None:
        parts.append(hashlib.sha256(upload).hexdigest())
    return "\n".join(parts).encode("utf-8", "surrogatepass")


def sign(secret: str, path: str, params: Mapping[str, Any], upload: bytes | None = None) -> str:
    """The ``sig`` value for a call."""
    return hmac.new(secret.encode(), message(path, params, upload), hashlib.sha256).hexdigest()


class Signer:
    """Checks the ``sig`` of every call when the deployment set a signing key."""

    def __init__(self, secret: str) -> None:
        self._secret = secret

    def verify(self, path: str, params: Mapping[str, Any], upload: bytes | None) -> None:
        given = params.get("sig")
        expected = sign(self._secret, path, params, upload)
        if not isinstance(given, str) or not hmac.compare_digest(given.lower(), expected):
            raise Forbidden("Missing or invalid request signature")
