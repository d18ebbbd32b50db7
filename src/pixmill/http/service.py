"""Routes that are not PixLab commands: /status, stored media, /metrics."""

from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.requests import Request
from starlette.responses import Response

from pixmill.errors import NotFound
from pixmill.http.replies import bytes_reply, json_reply
from pixmill.observability import AccessLog
from pixmill.storage import Storage


async def status(request: Request) -> Response:
    """PixLab's health check; no key needed. When a model file is missing (checked on disk,
    nothing is loaded) the reply adds ``models``, each model's readiness: the server is still up,
    only the endpoints using that model answer 503."""
    reply: dict[str, object] = {"payload": "All Services are up & running"}
    models = getattr(request.app.state, "models", None)
    readiness = models.readiness() if models is not None else {}
    if not all(readiness.values()):
        reply["models"] = readiness
    return json_reply(reply)


def media_route(storage: Storage):
    async def media(request: Request) -> Response:
        """Serve a stored output with its own type; never sniffable, never rendered as HTML."""
        name: str = request.path_params["name"]
        media_id, _, ext = name.partition(".")
        stored = await storage.get(media_id)
        if stored is None or stored[0].ext != ext:
            raise NotFound("No stored media has that name")
        return bytes_reply(stored[1], stored[0].mime, immutable=True)

    return media


def metrics_route(access_log: AccessLog):
    async def metrics(request: Request) -> Response:
        return Response(generate_latest(access_log.registry), media_type=CONTENT_TYPE_LATEST)

    return metrics
