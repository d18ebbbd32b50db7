"""Merge a request's parameters from the query string and the body, under caps.

Precedence: a parameter in the body (JSON, urlencoded form or multipart field) overrides the
same name in the query string; a name repeated within one of them is refused (400), as is
invalid UTF-8. A multipart body's file part (any single one, usually ``file``) is the upload.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import anyio
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

from pixmill.errors import BadRequest, PayloadTooLarge, UnsupportedMedia


@dataclass(frozen=True)
class Caps:
    max_body: int
    max_fields: int
    max_field_bytes: int
    body_timeout: float


@dataclass(frozen=True)
class RawInputs:
    params: dict[str, Any]
    upload: bytes | None


async def read_inputs(request: Request, caps: Caps) -> RawInputs:
    """The merged raw parameters and the uploaded file, if any."""
    params = _parse_pairs(request.scope.get("query_string", b""), caps, "query string")
    if request.method != "POST":
        return RawInputs(params, None)
    body = await _read_body(request, caps)
    if not body:
        return RawInputs(params, None)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json" or kind.endswith("+json"):
        return RawInputs({**params, **_parse_json(body)}, None)
    if kind == "application/x-www-form-urlencoded":
        return RawInputs({**params, **_parse_pairs(body, caps, "form body")}, None)
    if kind == "multipart/form-data":
        fields, upload = await _parse_multipart(request, body, caps)
        return RawInputs({**params, **fields}, upload)
    raise UnsupportedMedia(
        "Unsupported request body: send JSON, an urlencoded form or multipart/form-data"
    )


async def _read_body(request: Request, caps: Caps) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > caps.max_body:
        raise PayloadTooLarge(f"The request body is larger than {caps.max_body} bytes")
    chunks: list[bytes] = []
    size = 0
    try:
        with anyio.fail_after(caps.body_timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > caps.max_body:
                    raise PayloadTooLarge(f"The request body is larger than {caps.max_body} bytes")
                chunks.append(chunk)
    except TimeoutError:
        raise BadRequest("The request body arrived too slowly") from None
    return b"".join(chunks)


def _parse_pairs(raw: bytes, caps: Caps, where: str) -> dict[str, str]:
    try:
        pairs = parse_qsl(
            raw.decode("latin-1"),
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=caps.max_fields,
        )
    except UnicodeDecodeError:
        raise BadRequest(f"The {where} is not valid UTF-8") from None
    except ValueError:
        raise BadRequest(f"The {where} has more than {caps.max_fields} fields") from None
    return _no_repeats(pairs, where)


def _no_repeats(pairs: list[tuple[str, Any]], where: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for name, value in pairs:
        if name in merged:
            shown = name[:40].encode("utf-8", "backslashreplace").decode()  # JSON: lone surrogates
            raise BadRequest(f"Parameter '{shown}' is given more than once in the {where}")
        merged[name] = value
    return merged


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number")


def _parse_json(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(
            body,
            parse_constant=_reject_constant,
            object_pairs_hook=lambda pairs: _no_repeats(pairs, "JSON body"),
        )
    except BadRequest:
        raise
    except (ValueError, RecursionError):
        raise BadRequest("The JSON body is malformed") from None
    if not isinstance(value, dict):
        raise BadRequest("The JSON body must be an object")
    try:  # json.loads keeps lone surrogates ("\\ud800"), which no later step can encode
        if b"\\u" in body or not body.isascii():  # escapes, or bytes read with surrogatepass
            json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise BadRequest("The JSON body holds invalid Unicode (a lone surrogate)") from None
    except RecursionError:
        raise BadRequest("The JSON body is malformed") from None
    return value


class _StrictMultiPartParser(MultiPartParser):
    """Starlette's parser, stricter in two ways: a field that is not valid UTF-8 is refused
    (Starlette silently reads it as Latin-1), and so is a body without its closing boundary
    (python-multipart accepts it and drops the last part)."""

    complete = False

    def on_part_end(self) -> None:
        if self._current_part.file is None:
            try:
                self._current_part.data.decode(self._charset or "utf-8")
            except UnicodeDecodeError:
                raise MultiPartException("a form field is not valid UTF-8") from None
        super().on_part_end()

    def on_end(self) -> None:
        self.complete = True
        super().on_end()


async def _parse_multipart(
    request: Request, body: bytes, caps: Caps
) -> tuple[dict[str, Any], bytes | None]:
    async def replay() -> AsyncIterator[bytes]:
        yield body

    parser = _StrictMultiPartParser(
        request.headers,
        replay(),
        max_files=1,
        max_fields=caps.max_fields,
        max_part_size=caps.max_field_bytes,
    )
    try:
        form = await parser.parse()
    except MultiPartException as error:
        raise BadRequest(f"The multipart body is malformed: {error.message}") from None
    if not parser.complete:
        await form.close()
        raise BadRequest("The multipart body is malformed: it ends before its closing boundary")
    try:
        fields: list[tuple[str, Any]] = []
        upload: bytes | None = None
        for name, value in form.multi_items():
            if isinstance(value, UploadFile):
                upload = await value.read()
            else:
                fields.append((name, value))
        return _no_repeats(fields, "form body"), upload
    finally:
        await form.close()
