"""What an endpoint answers, said plainly; credentials only for the origin they were
given for, never across a redirect; a warning when they would cross plain http."""

from __future__ import annotations

import base64
import threading
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import natokg.remote.endpoint as endpoint_module
from natokg.errors import EndpointError
from natokg.remote.endpoint import CredentialsWarning, HttpClient
from natokg.remote.push import push
from natokg.sparql import run_sparql

SECRET = "Basic " + base64.b64encode(b"loader:s3cret").decode()
RESULTS = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}]}}'


class _Server:
    """A loopback HTTP server on its own port (its own origin) that records every request
    and answers from ``reply(handler) -> (status, headers, body)``."""

    def __init__(self, reply) -> None:
        self.seen: list[tuple[str, str, str | None]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                server.seen.append((self.command, self.path, self.headers.get("Authorization")))
                status, headers, body = reply(self)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = _answer

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def servers():
    made = []

    def make(reply):
        made.append(_Server(reply))
        return made[-1]

    yield make
    for server in made:
        server.close()


def _needs_auth(handler):
    if handler.headers.get("Authorization") != SECRET:
        return 401, {"WWW-Authenticate": 'Basic realm="natokg"'}, b"who are you?"
    return None


@pytest.fixture
def credentials(monkeypatch):
    monkeypatch.setenv("NATOKG_ENDPOINT_USER", "loader")
    monkeypatch.setenv("NATOKG_ENDPOINT_PASSWORD", "s3cret")


def test_a_non_json_answer_names_status_and_body(servers):
    html = servers(lambda h: (200, {"Content-Type": "text/html"}, b"\n<html><title>Login</title>\n<body>x</body>"))
    with pytest.raises(EndpointError, match=r"answered HTTP 200 \(text/html\) that is not SPARQL JSON results; "
                       r"it begins '<html><title>Login</title>'") as caught:
        run_sparql("SELECT * { ?s ?p ?o }", endpoint=html.url + "/sparql")
    assert "Expecting value" not in str(caught.value) and "\n" not in str(caught.value)
    failing = servers(lambda h: (500, {"Content-Type": "text/plain"}, b"Query evaluation failed: out of memory\nat ..."))
    with pytest.raises(EndpointError, match=r"answered HTTP 500: 'Query evaluation failed: out of memory'"):
        run_sparql("SELECT * { ?s ?p ?o }", endpoint=failing.url + "/sparql")
    wrong = servers(lambda h: (200, {"Content-Type": "application/json"}, b'{"error": "no"}'))
    with pytest.raises(EndpointError, match=r"JSON that is not SPARQL results; it begins '{\"error\": \"no\"}'"):
        run_sparql("SELECT * { ?s ?p ?o }", endpoint=wrong.url + "/sparql")


def test_credentials_never_follow_a_redirect_to_another_origin(servers, credentials, seed_store):
    elsewhere = servers(lambda h: (200, {"Content-Type": "application/sparql-results+json"}, RESULTS))

    def redirecting(handler):
        return _needs_auth(handler) or (303, {"Location": elsewhere.url + "/sparql"}, b"")

    origin = servers(redirecting)
    result = run_sparql("SELECT ?x { }", endpoint=origin.url + "/sparql")
    assert [tuple(r) for r in result] == [("1",)]
    assert SECRET in [auth for _, _, auth in origin.seen]  # given to the origin that asked
    assert [auth for _, _, auth in elsewhere.seen] == [None]  # never to the other one

    # the same for push: a 307 from the graph store to another origin
    catcher = servers(lambda h: (204, {}, b""))

    def store_redirect(handler):
        if handler.command == "POST":
            return _needs_auth(handler) or (200, {"Content-Type": "application/sparql-results+json"},
                                            b'{"head": {"vars": ["g", "n"]}, "results": {"bindings": []}}')
        return _needs_auth(handler) or (307, {"Location": catcher.url + handler.path}, b"")

    pushing = servers(store_redirect)
    push(seed_store, pushing.url + "/query")
    assert catcher.seen and all(auth is None for _, _, auth in catcher.seen)
    assert SECRET in [auth for _, _, auth in pushing.seen]


def test_plain_http_credentials_are_sent_only_when_asked(servers, credentials):
    open_server = servers(lambda h: (200, {"Content-Type": "application/sparql-results+json"}, RESULTS))
    run_sparql("SELECT ?x { }", endpoint=open_server.url + "/sparql")
    assert [auth for _, _, auth in open_server.seen] == [None]


def test_plain_http_credentials_warn_once(credentials, monkeypatch):
    monkeypatch.setattr(endpoint_module, "_warned", set())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        HttpClient(["http://sparql.example.org/query"], 5)
        HttpClient(["http://sparql.example.org/query"], 5)
        HttpClient(["https://sparql.example.org/query", "http://127.0.0.1:7878/query"], 5)
    assert [w.category for w in caught] == [CredentialsWarning]
    assert "http://sparql.example.org:80 travel unencrypted" in str(caught[0].message)


def test_the_cli_shows_the_warning_as_one_line(credentials, monkeypatch):
    from typer.testing import CliRunner

    from natokg.cli.app import app

    monkeypatch.setattr(endpoint_module, "_warned", set())
    # nothing listens on port 9 of a TEST-NET address: the warning comes before the request
    result = CliRunner().invoke(app, ["query", "kamerstukken", "--endpoint", "http://192.0.2.1:9/query", "--timeout", "0.5"])
    assert "natokg: warning: credentials for http://192.0.2.1:9 travel unencrypted" in result.output
    assert result.exit_code == 2


def _digest_server(servers):
    """A server that takes only digest credentials (loader, s3cret) for realm "SPARQL"."""
    import hashlib

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    challenge = 'Digest realm="SPARQL", nonce="n0nce", opaque="0paque", qop="auth", algorithm="MD5"'

    def digest_only(handler):
        header = handler.headers.get("Authorization") or ""
        fields = dict(part.strip().split("=", 1) for part in header[len("Digest "):].split(",") if "=" in part)
        fields = {key: value.strip('"') for key, value in fields.items()}
        if not header.startswith("Digest ") or fields.get("realm") != "SPARQL":
            return 401, {"WWW-Authenticate": challenge}, b""
        expected = md5(":".join([
            md5("loader:SPARQL:s3cret"), "n0nce", fields["nc"], fields["cnonce"], "auth",
            md5(f"{handler.command}:{fields['uri']}"),
        ]))
        if fields.get("response") != expected:
            return 401, {"WWW-Authenticate": challenge}, b""
        return 200, {"Content-Type": "application/sparql-results+json"}, RESULTS

    return servers(digest_only)


def test_regression_digest_credentials_answer_a_challenge_that_names_its_realm(servers, credentials):
    # Virtuoso's graph store asks with realm="SPARQL": credentials registered for no
    # realm in particular must answer it (they did not: every push got HTTP 401)
    server = _digest_server(servers)
    result = run_sparql("SELECT ?x { }", endpoint=server.url + "/sparql")
    assert [tuple(r) for r in result] == [("1",)]
    sent = [auth for _, _, auth in server.seen]
    assert sent[0] is None and sent[-1].startswith("Digest ") and "s3cret" not in sent[-1]


def test_regression_an_upload_after_a_digest_challenge_is_sent_once(servers, credentials):
    # Virtuoso answers an upload without credentials with 401 and closes the connection
    # while the body is still being sent (a broken pipe): after the first challenge of
    # an origin, the next requests answer it at once, and push asks it with a HEAD first
    server = _digest_server(servers)
    client = HttpClient([server.url + "/sparql"], 5)
    assert client.authenticate(server.url + "/store?graph=x")
    before = len(server.seen)
    for _ in range(3):
        assert client.request("PUT", server.url + "/store?graph=x", b"<urn:a> <urn:b> <urn:c> .", {}).status == 200
    assert [(method, auth is not None) for method, _, auth in server.seen[before:]] == [("PUT", True)] * 3
