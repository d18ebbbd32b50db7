"""ASGI guard in front of routing: oversized URLs get a JSON 414 before anything else runs."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from pixmill.http.replies import error_reply


class GuardMiddleware:
    def __init__(self, app: ASGIApp, max_query_bytes: int) -> None:
        self.app = app
        self.max_query_bytes = max_query_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        too_long = len(scope.get("query_string", b"")) > self.max_query_bytes
        if scope["type"] == "http" and too_long:
            await error_reply(414, "The URL is too long")(scope, receive, send)
            return
        await self.app(scope, receive, send)
