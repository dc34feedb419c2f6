"""Hostile queries (tests/support/hostile.py): SERVICE, LOAD and updates hidden from one
parser or another, and queries too large or too deep for a parser. Each is refused
before it runs, and a real loopback listener counts the connections that arrive: zero."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest

from natokg.errors import QueryError, UnsafeQueryError
from natokg.sparql import check_safe, list_queries, render, run_sparql
from natokg.sparql.safety import MAX_NESTING, MAX_QUERY_BYTES
from support.hostile_queries import nested_parentheses, oversized, service_variants
from support.listener import Listener
from support.seed_dataset import seed_store_dir


@pytest.fixture(scope="module")
def listener():
    witness = Listener()
    yield witness
    witness.close()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    return seed_store_dir(tmp_path_factory.mktemp("store") / "store")


def test_the_listener_sees_a_service_call_that_is_not_checked(listener):
    """The witness works: pyoxigraph itself, asked directly, does connect."""
    before = listener.connections
    with pytest.raises(OSError):
        list(ox.Store().query(f"SELECT * {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"))
    assert listener.settle() > before


def test_there_are_enough_variants(listener):
    assert len(service_variants(listener.url)) >= 30


def test_no_variant_reaches_the_listener(listener, seed_store, store_dir):
    before = listener.connections
    let_through = []
    for name, sparql in service_variants(listener.url):
        for where in ({"store": seed_store}, {"store_path": store_dir}):
            try:
                run_sparql(sparql, **where)
            except UnsafeQueryError:
                continue
            except QueryError as error:  # refused otherwise is fine, as long as nothing connected
                let_through.append((name, list(where), f"QueryError: {error}"))
                continue
            let_through.append((name, list(where), "ran"))
    assert listener.settle() == before
    assert let_through == []


def test_saved_queries_and_plain_words_pass():
    for saved in list_queries():
        assert check_safe(render(saved)) == "SELECT"
    assert check_safe('SELECT * WHERE { ?s ?p "a service to load" }') == "SELECT"
    assert check_safe("ASK { ?service ?load ?insert . ?s <http://example.org/service> ex:load }") == "ASK"
    assert check_safe('SELECT * { ?s ?p "caf\\u00e9" } # copy this') == "SELECT"
    assert check_safe("PREFIX select: <urn:x#> CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }") == "CONSTRUCT"


def test_escapes_or_cr_beside_the_word_service_are_refused_as_ambiguous():
    with pytest.raises(UnsafeQueryError, match="parsers read differently"):
        check_safe('SELECT * { ?s ?p "service \\u0041" }')
    with pytest.raises(UnsafeQueryError, match="parsers read differently"):
        check_safe('SELECT * { ?s ?p "service" }\r')


def test_deep_nesting_is_refused_before_parsing(seed_store):
    """5,000 nested parentheses crashed the process (rc 139) in pyoxigraph's parser."""
    sparql = nested_parentheses(5000)
    assert len(sparql) < 11_000
    with pytest.raises(QueryError, match=rf"nest 5002 deep, over the limit of {MAX_NESTING}") as caught:
        run_sparql(sparql, store=seed_store)
    assert "\n" not in str(caught.value)
    assert run_sparql(nested_parentheses(MAX_NESTING - 2), store=seed_store).columns == []
    with pytest.raises(QueryError, match="nest"):
        check_safe("SELECT * {" + "{" * 100 + "}" * 100 + "}")
    # escapes count too: \u0028 is a parenthesis to a parser that expands escapes first
    with pytest.raises(QueryError, match="nest"):
        check_safe('SELECT * { ?s ?p "' + "\\u0028" * 100 + '" }')


def test_deep_nesting_would_have_crashed_the_process():
    """Why the limit is there (run in a child: the crash kills the interpreter)."""
    code = f"import pyoxigraph as ox\nox.Store().query({nested_parentheses(5000)!r})"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120).returncode != 0


def test_oversized_query_is_refused():
    sparql = oversized(MAX_QUERY_BYTES + 10)
    with pytest.raises(QueryError, match=r"bytes, over the limit of 1,000,000"):
        check_safe(sparql)
    assert check_safe(sparql, max_bytes=2 * MAX_QUERY_BYTES) == "SELECT"


def test_text_without_a_query_form_is_an_error():
    with pytest.raises(QueryError, match="no SELECT, ASK, CONSTRUCT or DESCRIBE"):
        check_safe('# SELECT\n"ASK"')


def test_what_the_cli_sends_to_an_endpoint_never_calls_out(listener, tmp_path):
    """`natokg query FILE --endpoint URL` for every variant, written to a .rq file. Reading
    the file turns CR into LF, which can leave a variant harmless (its SERVICE inside a
    string for every parser); such a query is sent. So the endpoint is a stub that records
    what arrives, and each query that arrived is then run by pyoxigraph itself: the
    listener must see no connection from any of them."""
    import threading
    import urllib.parse
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from typer.testing import CliRunner

    from natokg.cli.app import app

    received = []

    class Endpoint(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
            received.append(urllib.parse.parse_qs(body)["query"][0])
            self.send_response(400)
            self.end_headers()
            self.wfile.write(b"not here")

    endpoint = HTTPServer(("127.0.0.1", 0), Endpoint)
    threading.Thread(target=endpoint.serve_forever, daemon=True).start()
    runner = CliRunner()
    before = listener.connections
    try:
        for index, (name, sparql) in enumerate(service_variants(listener.url)):
            query_file = tmp_path / f"v{index}.rq"
            query_file.write_bytes(f"# title: {name}\n{sparql}\n".encode("utf-8"))
            url = f"http://127.0.0.1:{endpoint.server_address[1]}/sparql"
            result = runner.invoke(app, ["query", str(query_file), "--endpoint", url, "--timeout", "5"])
            assert result.exit_code == 2, (name, result.output)
    finally:
        endpoint.shutdown()
        endpoint.server_close()
    assert len(received) <= 2  # nearly every variant is refused before sending
    for sparql in received:
        try:
            answer = ox.Store().query(sparql)
            list(answer) if not isinstance(answer, ox.QueryBoolean) else bool(answer)
        except (SyntaxError, OSError, RuntimeError):
            pass
    assert listener.settle() == before
