"""One route per registered command name, plus the service routes."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from pixmill.commands import Command, Registry
from pixmill.http import service
from pixmill.http.dispatch import Dispatcher
from pixmill.http.openapi import docs_page, document
from pixmill.http.replies import json_reply
from pixmill.observability import AccessLog
from pixmill.storage import Storage

METHODS = ["GET", "POST"]


def _endpoint(dispatcher: Dispatcher, cmd: Command):
    async def endpoint(request: Request) -> Response:
        return await dispatcher(request, cmd)

    return endpoint


def build_routes(
    registry: Registry, dispatcher: Dispatcher, storage: Storage, access_log: AccessLog
) -> list[BaseRoute]:
    openapi = document(registry)

    async def openapi_json(request: Request) -> Response:
        return json_reply({key: value for key, value in openapi.items()})

    async def docs(request: Request) -> Response:
        return HTMLResponse(docs_page("/docs/static"))

    routes: list[BaseRoute] = [
        Route("/status", service.status, methods=METHODS),
        Route("/media/{name:str}", service.media_route(storage), methods=["GET"]),
        Route("/metrics", service.metrics_route(access_log), methods=["GET"]),
        Route("/openapi.json", openapi_json, methods=["GET"]),
        Route("/docs", docs, methods=["GET"]),
        Mount("/docs/static", StaticFiles(directory=str(swagger_ui_path)), name="docs-static"),
    ]
    for name in registry.names():
        cmd = registry.get(name)
        assert cmd is not None
        routes.append(Route(f"/{name}", _endpoint(dispatcher, cmd), methods=METHODS))
    return routes
