"""Polite HTTP for the Tweede Kamer API: one request at a time, a pause between two, a
User-Agent naming natokg, retries with backoff on 429, 5xx and connection errors.

The API is a public service shared with everyone who reads parliament's data, so a
client that hammers it or gives up at the first hiccup is a bad citizen either way.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from datetime import datetime, timezone

import requests

from natokg.errors import FetchError
from natokg.version import __version__

USER_AGENT = f"natokg/{__version__} (+https://w3id.org/natokg; knowledge graph of NATO letters to parliament)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 300.0  # seconds: a longer wait is a reason to stop, not to sleep


class HttpStatusError(FetchError):
    """The API answered with an error status after every retry."""

    def __init__(self, status: int, url: str) -> None:
        super().__init__(f"HTTP {status} from {url}")
        self.status = status


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class PoliteSession:
    """GET with a pause between requests and retries; counts its requests.

    Every attempt, retries included, waits for this session's pause and is counted; a
    retry backs off from the first one, and a Retry-After longer than
    ``retry_after_max`` stops the fetch instead of being waited out."""

    def __init__(
        self,
        *,
        delay: float,
        retries: int,
        backoff: float,
        timeout: float,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.delay, self.retries, self.backoff, self.timeout = delay, retries, backoff, timeout
        self.sleep = sleep
        self.requests = 0
        self._last: float | None = None
        self._session = requests.Session()
        self._session.headers["User-Agent"] = USER_AGENT

    def close(self) -> None:
        self._session.close()

    def _pause(self) -> None:
        if self._last is not None:
            wait = self.delay - (time.monotonic() - self._last)
            if wait > 0:
                self.sleep(wait)

    def get(self, url: str, params: dict | None = None, *, stream: bool = False) -> requests.Response:
        """The answer with status 200 (or 204/404, which the caller judges); raise
        FetchError when the API cannot be reached, HttpStatusError when it keeps failing."""
        for attempt in range(self.retries + 1):
            self._pause()
            self._last = time.monotonic()
            self.requests += 1
            try:
                response = self._session.get(url, params=params, stream=stream, timeout=self.timeout)
            except requests.RequestException as error:
                if attempt == self.retries:
                    raise FetchError(
                        f"cannot reach the Tweede Kamer API at {url} ({type(error).__name__}); "
                        "check the network connection or pass another --api-root"
                    ) from None
                self.sleep(self.backoff * 2**attempt)
                continue
            if response.status_code not in RETRY_STATUSES:
                return response
            wait = retry_after(response.headers.get("Retry-After"))
            response.close()
            if attempt == self.retries or (wait is not None and wait > MAX_RETRY_AFTER):
                raise HttpStatusError(response.status_code, response.url)
            self.sleep(wait if wait is not None else self.backoff * 2**attempt)
        raise AssertionError("unreachable: the loop returns or raises")


__all__ = ["HttpStatusError", "PoliteSession", "RETRY_STATUSES", "USER_AGENT", "retry_after"]
