"""A request body over the server's limit is refused with 413 before it is read whole."""

from __future__ import annotations

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class _TooLarge(Exception):
    pass


def too_large(limit: int) -> PlainTextResponse:
    return PlainTextResponse(
        f"413: the request body is over the limit of {limit:,} bytes; send a shorter query\n", status_code=413
    )


class BodyLimit:
    """ASGI middleware: refuse bodies over ``limit`` bytes, by Content-Length when the
    client sends one and by counting the chunks as they arrive otherwise."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await too_large(self.limit)(scope, receive, send)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _TooLarge:
            if not started:
                await too_large(self.limit)(scope, receive, send)


__all__ = ["BodyLimit", "too_large"]
