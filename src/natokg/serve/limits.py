"""The server's bounds: a request body over the limit is refused with 413 before it is
read whole; the cache of rendered answers stays within its byte budget."""

from __future__ import annotations

import threading
from collections import OrderedDict

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


class ResponseCache:
    """Rendered answers (body, media type) by key, least recently used dropped first
    once their bodies pass ``budget`` bytes."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.size = 0
        self.entries: OrderedDict[tuple, tuple[bytes, str, int]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple) -> tuple[bytes, str, int] | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: tuple, body: bytes, media_type: str, status: int) -> None:
        if len(body) > self.budget:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old[0])
            self.entries[key] = (body, media_type, status)
            self.size += len(body)
            while self.size > self.budget:
                _, (dropped, _, _) = self.entries.popitem(last=False)
                self.size -= len(dropped)


__all__ = ["BodyLimit", "ResponseCache", "too_large"]
