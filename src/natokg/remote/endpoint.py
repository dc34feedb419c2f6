"""The HTTP side of SPARQL servers: credentials, URLs fit for messages, one query.

Layering: this module imports nothing from natokg but the base layer (natokg.errors), so
it sits below sparql/ although it lives in remote/: natokg.sparql.run sends queries
through :func:`send_query`, and natokg.remote.push (above sparql/) sends its uploads
through the same :class:`HttpClient`. The answer comes back as the server sent it;
turning it into rows is natokg.sparql.run's job.

Credentials come from the environment (NATOKG_ENDPOINT_USER, NATOKG_ENDPOINT_PASSWORD),
never from the command line, and go only to the origins (scheme, host, port) of the
URLs the user gave: a redirect to another origin is followed without them, never with.
Over https Basic credentials go with the first request; over plain http only after the
server asks for them (a 401 challenge), and a plain-http server that is not on this
machine gets a :class:`CredentialsWarning` once, because the password crosses the
network readable. Digest authentication (Virtuoso) never sends the password itself.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from dataclasses import dataclass
from typing import Any

from natokg.errors import EndpointError

ENDPOINT_USER_ENV = "NATOKG_ENDPOINT_USER"
ENDPOINT_PASSWORD_ENV = "NATOKG_ENDPOINT_PASSWORD"
MAX_REDIRECTS = 5
MAX_ANSWER_BYTES = 512 * 1024 * 1024


class CredentialsWarning(UserWarning):
    """Credentials are about to cross the network unencrypted (plain http, another host)."""


def safe_url(url: str) -> str:
    """A URL without user:password@, for messages."""
    return re.sub(r"^([a-z][a-z0-9+.-]*://)[^/@]*@", r"\1", url, flags=re.I)


def endpoint_credentials() -> tuple[str, str] | None:
    """(user, password) from NATOKG_ENDPOINT_USER / NATOKG_ENDPOINT_PASSWORD, if set."""
    user = os.environ.get(ENDPOINT_USER_ENV)
    if not user:
        return None
    return user, os.environ.get(ENDPOINT_PASSWORD_ENV, "")


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a URL: what credentials are bound to."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or {"http": 80, "https": 443}.get(scheme, 0)
    return scheme, (parts.hostname or "").lower(), port


def is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def first_line(body: bytes) -> str:
    """The first non-blank line of a body, shortened, for messages."""
    text = body[:4096].decode("utf-8", "replace")
    for line in text.splitlines():
        if line.strip():
            return repr(line.strip()[:160])
    return "an empty body"


_warned: set[tuple[str, str, int]] = set()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # redirects are followed by HttpClient.request, which decides about credentials
    def redirect_request(self, *args, **kwargs):
        return None


class _Digest(urllib.request.HTTPDigestAuthHandler):
    """Digest authentication that remembers each origin's challenge, so that the next
    requests answer it at once: an upload is sent once, not first without credentials
    (Virtuoso answers 401 and closes the connection mid-upload: a broken pipe)."""

    def __init__(self, passwords) -> None:
        super().__init__(passwords)
        self.challenges: dict[tuple[str, str, int], dict] = {}

    def get_authorization(self, req, chal):
        answer = super().get_authorization(req, chal)
        if answer:
            self.challenges[origin(req.full_url)] = chal
        return answer

    def authorise(self, request: urllib.request.Request) -> None:
        """Answer the origin's last challenge ahead (a stale nonce gets a new 401)."""
        challenge = self.challenges.get(origin(request.full_url))
        answer = self.get_authorization(request, challenge) if challenge else None
        if answer:
            request.add_unredirected_header("Authorization", f"Digest {answer}")


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes
    url: str


class HttpClient:
    """urllib with credentials bound to the origins of ``urls``, redirects followed by
    hand (credentials never cross to another origin) and a total deadline per request."""

    def __init__(self, urls: list[str], timeout: float | None) -> None:
        self.timeout = timeout
        self.credentials = endpoint_credentials()
        self.allowed = {origin(url) for url in urls}
        # origins that get Basic credentials with the first request: https ones, and
        # plain-http ones once they have asked (a 401 challenge)
        self.basic_origins: set[tuple[str, str, int]] = set()
        self.digest: _Digest | None = None
        handlers: list[Any] = [_NoRedirect()]
        if self.credentials:
            import base64

            token = base64.b64encode(f"{self.credentials[0]}:{self.credentials[1]}".encode()).decode("ascii")
            self.basic_header = f"Basic {token}"
            # servers name their own realm ("SPARQL" on Virtuoso): the credentials hold for
            # any realm of an allowed origin, and for no other origin
            digest = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for scheme, host, port in self.allowed:
                digest.add_password(None, f"{scheme}://{host}:{port}/", *self.credentials)
                if scheme == "https":
                    self.basic_origins.add((scheme, host, port))
                elif not is_loopback(host) and (scheme, host, port) not in _warned:
                    _warned.add((scheme, host, port))
                    warnings.warn(
                        f"credentials for http://{host}:{port} travel unencrypted over the network; "
                        "use an https URL for this server",
                        CredentialsWarning,
                        stacklevel=3,
                    )
            # Digest never sends the password; its manager knows only the allowed origins
            self.digest = _Digest(digest)
            handlers.append(self.digest)
        self.opener = urllib.request.build_opener(*handlers)

    def request(self, method: str, url: str, data: bytes | None, headers: dict[str, str]) -> Response:
        """One request, redirects followed; an error status comes back as a Response too.
        Raises URLError/OSError when the server cannot be reached, EndpointError past
        the deadline or on a redirect loop."""
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        hops = 0
        while True:
            where = origin(url)
            request = urllib.request.Request(url, data=data, method=method, headers=headers)
            if where in self.basic_origins:
                # a fresh Request per hop: credentials never ride along to a redirect target
                request.add_unredirected_header("Authorization", self.basic_header)
            elif self.digest is not None and where in self.allowed:
                self.digest.authorise(request)
            try:
                response = self.opener.open(request, timeout=self._remaining(deadline, url))
            except urllib.error.HTTPError as error:
                response = error
            with response:
                status = response.status if hasattr(response, "status") else response.code
                location = response.headers.get("Location")
                challenge = response.headers.get("WWW-Authenticate", "")
                if (
                    status == 401 and self.credentials and where in self.allowed
                    and where not in self.basic_origins and challenge.lower().startswith("basic")
                ):
                    response.read()
                    self.basic_origins.add(where)
                    continue
                if status in (301, 302, 303, 307, 308) and location:
                    hops += 1
                    if hops > MAX_REDIRECTS:
                        raise EndpointError(f"{safe_url(url)}: more than {MAX_REDIRECTS} redirects; check the URL")
                    url = urllib.parse.urljoin(url, location)
                    if origin(url)[0] not in ("http", "https"):
                        raise EndpointError(f"{safe_url(request.full_url)} redirected to {safe_url(url)}, which is not http(s)")
                    if status == 303 or (status in (301, 302) and method == "POST"):
                        method, data = "GET", None
                        headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
                    continue
                body = self._read(response, deadline, url)
                return Response(status, response.headers.get("Content-Type", ""), body, url)

    def authenticate(self, url: str) -> bool:
        """Learn whether ``url``'s origin asks for credentials, with a HEAD request (no
        body), before a large upload would be sent without them first. True when the
        HEAD request was answered (so the server is reached); False, and nothing sent,
        without credentials for that origin. Raises what :meth:`request` raises when
        the server is unreachable."""
        if not self.credentials or origin(url) not in self.allowed:
            return False
        self.request("HEAD", url, None, {})
        return True

    def _remaining(self, deadline: float | None, url: str) -> float | None:
        if deadline is None:
            return None
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise EndpointError(
                f"{safe_url(url)} did not answer within {self.timeout:g} s; try again or allow more time with --timeout"
            )
        return remaining

    def _read(self, response, deadline: float | None, url: str) -> bytes:
        chunks, size = [], 0
        while True:
            self._remaining(deadline, url)
            chunk = response.read(1 << 16)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                raise EndpointError(
                    f"{safe_url(url)} answered more than {MAX_ANSWER_BYTES // (1 << 20)} MB; narrow the query"
                )
            chunks.append(chunk)


@dataclass
class QueryAnswer:
    """A server's answer to a query: SPARQL JSON results or RDF text."""

    where: str
    status: int
    content_type: str
    body: bytes

    @property
    def json(self) -> dict:
        try:
            data = json.loads(self.body)
        except ValueError:
            raise EndpointError(
                f"{self.where} answered HTTP {self.status} ({self.content_type or 'no content type'}) "
                f"that is not SPARQL JSON results; it begins {first_line(self.body)}; check the endpoint URL"
            ) from None
        if not isinstance(data, dict) or not ("boolean" in data or "results" in data):
            raise EndpointError(
                f"{self.where} answered JSON that is not SPARQL results; it begins {first_line(self.body)}; "
                "check the endpoint URL"
            )
        return data

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def rdf_format(self) -> str:
        kind = self.content_type.split(";")[0].strip().lower()
        return "nt" if kind in ("application/n-triples", "text/plain") else "turtle"


def send_query(sparql: str, endpoint: str, *, graph_result: bool, timeout: float | None) -> QueryAnswer:
    """POST a query to ``endpoint`` (SPARQL 1.1 protocol): SPARQL JSON results, or for a
    ``graph_result`` (CONSTRUCT, DESCRIBE) Turtle or N-Triples. Raises EndpointError
    naming the server's status and the first line of its answer."""
    where = safe_url(endpoint)
    accept = "text/turtle, application/n-triples;q=0.9" if graph_result else "application/sparql-results+json"
    client = HttpClient([endpoint], timeout)
    try:
        response = client.request(
            "POST",
            endpoint,
            urllib.parse.urlencode({"query": sparql}).encode("utf-8"),
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )
    except urllib.error.URLError as error:
        raise EndpointError(f"cannot reach {where}: {_reason(error)}; is the server running?") from None
    except (TimeoutError, OSError) as error:
        raise EndpointError(f"cannot reach {where}: {_reason(error)}; is the server running?") from None
    if response.status >= 400:
        hint = "; set NATOKG_ENDPOINT_USER and NATOKG_ENDPOINT_PASSWORD" if response.status in (401, 403) else ""
        raise EndpointError(
            f"{where} answered HTTP {response.status}: {first_line(response.body)}{hint}"
        )
    return QueryAnswer(where, response.status, response.content_type, response.body)


def _reason(error) -> str:
    reason = getattr(error, "reason", error)
    text = str(getattr(reason, "strerror", None) or reason)
    return text.lower() if "refused" in text.lower() else text


__all__ = [
    "ENDPOINT_PASSWORD_ENV",
    "ENDPOINT_USER_ENV",
    "CredentialsWarning",
    "HttpClient",
    "QueryAnswer",
    "Response",
    "endpoint_credentials",
    "first_line",
    "origin",
    "safe_url",
    "send_query",
]
