"""create_app(settings): builds the rooms in the lifespan and returns the ASGI app."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.exceptions import HTTPException

from pixmill.commands import discover
from pixmill.engine.codec import Limits
from pixmill.errors import PixmillError
from pixmill.http import errors
from pixmill.http.dispatch import Dispatcher
from pixmill.http.inputs import Caps
from pixmill.http.middleware import GuardMiddleware
from pixmill.http.routes import build_routes
from pixmill.keys import KeyStore, SqlKeyStore
from pixmill.models.runtime import ModelStore
from pixmill.observability import AccessLog
from pixmill.ratelimit import RateLimiter
from pixmill.settings import Settings
from pixmill.signing import Signer
from pixmill.sources import Fetcher
from pixmill.storage import LocalStorage, Storage
from pixmill.storage.links import Links
from pixmill.workers import WorkerPool


def open_keys(settings: Settings) -> SqlKeyStore:
    """The key store under the data directory."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return SqlKeyStore(f"sqlite:///{settings.data_dir / 'pixmill.sqlite3'}")


def limits_of(settings: Settings) -> Limits:
    return Limits(
        max_pixels=int(settings.max_megapixels * 1e6),
        max_side=settings.max_side,
        max_frames=settings.max_frames,
        max_animation_pixels=int(settings.max_animation_megapixels * 1e6),
        quality=settings.jpeg_quality,
        optimize_jpeg=settings.jpeg_optimize_coding,
        max_jpeg_scans=settings.max_jpeg_scans,
        max_input_side=settings.max_input_side,
    )


def create_app(
    settings: Settings, *, keys: KeyStore | None = None, storage: Storage | None = None
) -> Starlette:
    """The server. ``keys`` and ``storage`` default to SQLite and the local disk."""
    keys = keys or open_keys(settings)
    storage = storage or LocalStorage(settings.data_dir / "media")
    registry = discover()
    access_log = AccessLog()
    pool = WorkerPool(
        workers=settings.workers,
        threads=settings.worker_threads,
        queue_size=settings.queue_size,
        timeout=settings.job_timeout,
        memory_mb=settings.worker_memory_mb,
        max_tasks=settings.worker_max_tasks,
        models_dir=settings.models_dir.absolute(),
    )
    fetcher = Fetcher(
        allow_private=settings.allow_private_sources,
        timeout=settings.fetch_timeout,
        max_bytes=settings.fetch_max_bytes,
        max_redirects=settings.fetch_max_redirects,
        allowed_hosts=settings.allowed_sources,
    )
    models = ModelStore(settings.models_dir)
    dispatcher = Dispatcher(
        keys=keys,
        storage=storage,
        limiter=RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_storage),
        pool=pool,
        fetcher=fetcher,
        links=Links(settings.public_url, settings.ssl_base_url),
        caps=Caps(
            max_body=settings.max_body_bytes,
            max_fields=settings.max_form_fields,
            max_field_bytes=settings.max_field_bytes,
            body_timeout=settings.body_timeout,
        ),
        limits=limits_of(settings),
        max_sources=settings.max_sources_per_request,
        trusted_proxies=frozenset(settings.trusted_proxies),
        access_log=access_log,
        models=models,
        signer=Signer(settings.signing_key.get_secret_value()) if settings.signing_key else None,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await fetcher.aclose()
            pool.close()

    app = Starlette(
        routes=build_routes(registry, dispatcher, storage, access_log),
        exception_handlers={
            HTTPException: errors.handle,
            PixmillError: errors.handle,
            Exception: errors.handle,
        },
        lifespan=lifespan,
    )
    app.add_middleware(GuardMiddleware, max_query_bytes=settings.max_query_bytes)
    app.state.dispatcher = dispatcher
    app.state.models = models
    return app
