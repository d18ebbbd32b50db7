"""The single path every endpoint call takes (architecture.md §4.5)."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import Response

from pixmill import doctor
from pixmill.commands import Command
from pixmill.engine.codec import MIME, Limits, extension
from pixmill.errors import BadRequest, NotFound, Unauthorized, Unavailable
from pixmill.http import errors
from pixmill.http.inputs import Caps, RawInputs, read_inputs
from pixmill.http.replies import bytes_reply, json_reply
from pixmill.jobs import Job, JobResult
from pixmill.keys import KeyRecord, KeyStore
from pixmill.keys.base import MAX_KEY_LENGTH
from pixmill.models.runtime import ModelStore
from pixmill.observability import AccessLog
from pixmill.params import Params, sources_in, validate
from pixmill.ratelimit import RateLimiter
from pixmill.services import Services
from pixmill.signing import Signer
from pixmill.sources import Fetcher
from pixmill.storage import Storage
from pixmill.storage.links import Links
from pixmill.workers import WorkerPool

UPLOAD = "upload:file"  # the primary input's value when it came as the multipart file


@dataclass
class Dispatcher:
    """Holds the rooms a call goes through; one instance serves every command."""

    keys: KeyStore
    storage: Storage
    limiter: RateLimiter
    pool: WorkerPool
    fetcher: Fetcher
    links: Links
    caps: Caps
    limits: Limits
    max_sources: int
    trusted_proxies: frozenset[str]
    access_log: AccessLog
    models: ModelStore
    signer: Signer | None = None  # set: every call must be signed (docs/security.md, check 38)

    async def __call__(self, request: Request, cmd: Command) -> Response:
        started = time.perf_counter()
        try:
            response = await self._handle(request, cmd)
        except Exception as error:  # every failure leaves as PixLab JSON
            response = errors.render(error, request.url.path)
        self.access_log.record(cmd.name, response.status_code, time.perf_counter() - started)
        return response

    async def _handle(self, request: Request, cmd: Command) -> Response:
        await self.limiter.hit(self.client_address(request))
        raw = await read_inputs(request, self.caps)
        key = await self._authenticate(raw.params, request)
        if self.signer is not None:
            self.signer.verify(request.url.path, raw.params, raw.upload)
        if cmd.needs and (problem := doctor.problem(cmd, self.models)):
            raise Unavailable(f"{cmd.name} is unavailable on this server: {problem}")
        if cmd.runs_in_worker:
            params = validate(cmd.params, self._with_upload(cmd, raw))
            with self.pool.admit():  # a request with bad parameters never takes a place
                result = await self._run(cmd, params, raw.upload)
            response = await self._reply(params, result, key)
        else:
            params = validate(cmd.params, raw.params)
            services = Services(self.storage, self.links, key.prefix)
            fields = await cmd.func(**_pick(cmd, params=params, services=services))
            response = json_reply(fields)
        await anyio.to_thread.run_sync(self.keys.record_usage, key.prefix, cmd.name)
        return response

    def client_address(self, request: Request) -> str:
        """The peer, or the first X-Forwarded-For hop when the peer is a trusted proxy."""
        peer = request.client.host if request.client else "unknown"
        forwarded = request.headers.get("x-forwarded-for")
        if forwarded and peer in self.trusted_proxies:
            return forwarded.split(",")[0].strip()
        return peer

    async def _authenticate(self, params: dict[str, Any], request: Request) -> KeyRecord:
        if "key" in params:
            key = params.pop("key")
        else:
            key = request.headers.get("www-authenticate") or _bearer(request)
        if not isinstance(key, str) or not key or len(key) > MAX_KEY_LENGTH:
            raise Unauthorized("Missing or invalid API key")
        record = await anyio.to_thread.run_sync(self.keys.lookup, key)
        if record is None:
            raise Unauthorized("Missing or invalid API key")
        return record

    @staticmethod
    def _with_upload(cmd: Command, raw: RawInputs) -> dict[str, Any]:
        primary = cmd.primary_source
        if raw.upload is not None and primary and not raw.params.get(primary):
            return {**raw.params, primary: UPLOAD}
        return raw.params

    async def _run(self, cmd: Command, params: Params, upload: bytes | None) -> JobResult:
        wanted = sources_in(params)
        if len(wanted) > self.max_sources:
            raise BadRequest(f"A request may name at most {self.max_sources} input images")
        blobs = await asyncio.gather(*(self._source(name, upload) for name in wanted))
        job = Job(cmd.name, params, dict(zip(wanted, blobs, strict=True)), self.limits)
        return await self.pool.run(job)

    async def _source(self, name: str, upload: bytes | None) -> bytes:
        if name == UPLOAD:
            if upload is None:
                raise BadRequest("No file was uploaded")
            return upload
        media_id = self.links.media_id(name)
        if media_id is not None:
            stored = await self.storage.get(media_id)
            if stored is None:
                raise NotFound("No stored media has that id")
            return stored[1]
        if name.startswith(("http://", "https://")) or "://" in name:
            return await self.fetcher.fetch(name)
        raise BadRequest("An input image must be a URL, a media id, or an uploaded file")

    async def _reply(self, params: Params, result: JobResult, key: KeyRecord) -> Response:
        if result.data is None:
            return json_reply(result.fields)
        assert result.format is not None
        mime = MIME[result.format]
        if getattr(params, "blob", False):
            return bytes_reply(result.data, mime)
        media = await self.storage.put(
            result.data, ext=extension(result.format), mime=mime, owner=key.prefix
        )
        return json_reply({**self.links.reply(media), **result.fields})


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token else None


def _pick(cmd: Command, **available: Any) -> dict[str, Any]:
    return {name: value for name, value in available.items() if name in cmd.arguments}
