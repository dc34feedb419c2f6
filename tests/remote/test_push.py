"""Push to a real Oxigraph server; every saved query gives the same rows there as on the
embedded store; a second push replaces, never doubles; a down server fails at once.

The server is the `oxigraph` binary from the PyPI package of the same name (test extra),
started on loopback on a free port and stopped at the end.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from natokg.errors import EndpointError
from natokg.remote.push import graph_store_url, push
from natokg.sparql import list_queries, run_query, run_sparql
from support.sparql_servers import free_port, start_oxigraph

TOTAL_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    try:
        running = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    except RuntimeError as error:
        pytest.fail(str(error))
    if running is None:
        pytest.skip("the oxigraph server binary is not installed (pip install 'natokg[test]')")
    yield running.endpoint.rsplit("/", 1)[0]
    running.stop()


@pytest.fixture(scope="module")
def store(seed_store):
    return seed_store


@pytest.fixture(scope="module")
def pushed(server, store):
    return push(store, f"{server}/query")


@pytest.mark.slow
def test_push_uploads_every_graph_and_counts_match(pushed, store):
    assert pushed.ok, pushed.mismatches
    assert pushed.graph_store.endswith("/store")
    assert pushed.graphs == 12  # 5 letters, entities, reference, ontology, topics, stances, vocabularies, cues
    assert pushed.triples == len(store)
    assert {c.graph.rsplit("/", 1)[1] for c in pushed.counts} >= {"reference", "entities", "ontology", "bz2628703"}
    assert pushed.remote_only == []


@pytest.mark.slow
@pytest.mark.parametrize("saved", list_queries(), ids=lambda q: q.name)
def test_every_saved_query_gives_the_same_rows_on_the_server(saved, pushed, server, store):
    embedded = run_query(saved, store=store)
    remote = run_query(saved, endpoint=f"{server}/query")
    assert remote.columns == embedded.columns
    assert len(embedded) > 0  # the default parameters find something in the seed corpus
    assert [tuple(r) for r in remote] == [tuple(r) for r in embedded]


@pytest.mark.slow
def test_second_push_replaces_and_never_doubles(pushed, server, store):
    again = push(store, f"{server}/query")
    assert again.ok
    assert [(c.graph, c.remote) for c in again.counts] == [(c.graph, c.remote) for c in pushed.counts]
    total = run_sparql(TOTAL_QUERY, endpoint=f"{server}/query")
    assert total.rows[0][0] == len(store)


def test_down_server_fails_at_once_without_retrying(monkeypatch, store):
    import natokg.remote.push

    def no_sleep(seconds):
        raise AssertionError("a server that was never reached must not be retried")

    monkeypatch.setattr(natokg.remote.push.time, "sleep", no_sleep)
    port = free_port()  # nothing listens there
    with pytest.raises(EndpointError, match=rf"cannot reach http://127.0.0.1:{port}/store.*is the server running\?"):
        push(store, f"http://127.0.0.1:{port}/query")
    with pytest.raises(EndpointError, match="is the server running"):
        run_query("kamerstukken", endpoint=f"http://127.0.0.1:{port}/query")


def test_graph_store_urls_of_common_servers():
    assert graph_store_url("http://localhost:7878/query") == "http://localhost:7878/store"
    assert graph_store_url("http://localhost:3030/natokg/sparql") == "http://localhost:3030/natokg/data"
    assert graph_store_url("http://localhost:3030/natokg/query") == "http://localhost:3030/natokg/data"
    with pytest.raises(EndpointError, match="--graph-store"):
        graph_store_url("http://localhost:8890/sparql")  # Virtuoso: say which one


# ---------------------------------------------------------------- a flaky stub server


class _Stub(BaseHTTPRequestHandler):
    """Answers 503 to the first ``failures`` requests, then accepts; counts as it goes."""

    failures = 0
    seen: list = []
    graphs: dict = {}
    need_auth = None

    def log_message(self, *args):  # keep pytest output clean
        pass

    def _refuse(self):
        if self.need_auth and self.headers.get("Authorization") != self.need_auth:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="natokg"')
            self.end_headers()
            return True
        if type(self).failures > 0:
            type(self).failures -= 1
            self.send_response(503)
            self.end_headers()
            self.wfile.write(b"busy")
            return True
        return False

    def do_PUT(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.seen.append((self.command, self.path, self.headers.get("Content-Type")))
        if self._refuse():
            return
        graph = urllib.parse.unquote(self.path.split("graph=", 1)[1])
        self.graphs[graph] = sum(1 for line in body.splitlines() if line.strip())
        self.send_response(204)
        self.end_headers()

    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.seen.append((self.command, self.path, None))
        if self._refuse():
            return
        bindings = [
            {"g": {"type": "uri", "value": g}, "n": {"type": "literal", "value": str(n)}}
            for g, n in self.graphs.items()
        ]
        payload = json.dumps({"head": {"vars": ["g", "n"]}, "results": {"bindings": bindings}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture
def stub():
    import urllib.parse  # noqa: F401  (used by the handler)

    _Stub.failures, _Stub.seen, _Stub.graphs, _Stub.need_auth = 0, [], {}, None
    httpd = HTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Stub
    httpd.shutdown()
    httpd.server_close()


def test_push_retries_on_5xx_with_backoff(stub, store):
    url, handler = stub
    handler.failures = 3
    summary = push(store, f"{url}/query", backoff=0.001)
    assert summary.retries == 3
    assert summary.ok
    puts = [s for s in handler.seen if s[0] == "PUT"]
    assert len(puts) == 12 + 3  # twelve graphs, three of the attempts answered 503
    assert {s[2] for s in puts} == {"text/turtle; charset=utf-8"}


def test_push_gives_up_after_the_retries(stub, store):
    url, handler = stub
    handler.failures = 100
    with pytest.raises(EndpointError, match=r"refused graph <.*>: HTTP 503"):
        push(store, f"{url}/query", retries=2, backoff=0.001)
    assert len(handler.seen) == 3


def test_credentials_come_from_the_environment(stub, store, monkeypatch):
    import base64

    url, handler = stub
    handler.need_auth = "Basic " + base64.b64encode(b"loader:s3cret").decode()
    monkeypatch.delenv("NATOKG_ENDPOINT_USER", raising=False)
    with pytest.raises(EndpointError, match="HTTP 401.*NATOKG_ENDPOINT_USER and NATOKG_ENDPOINT_PASSWORD"):
        push(store, f"{url}/query")
    monkeypatch.setenv("NATOKG_ENDPOINT_USER", "loader")
    monkeypatch.setenv("NATOKG_ENDPOINT_PASSWORD", "s3cret")
    assert push(store, f"{url}/query").ok


def test_a_count_mismatch_is_reported(stub, store, monkeypatch):
    import natokg.remote.push

    url, handler = stub
    real = natokg.remote.push._remote_counts

    def one_short(client, endpoint):
        counts = real(client, endpoint)
        first = sorted(counts)[0]
        counts[first] -= 1
        return counts

    monkeypatch.setattr(natokg.remote.push, "_remote_counts", one_short)
    summary = push(store, f"{url}/query")
    assert not summary.ok
    assert len(summary.mismatches) == 1
    assert summary.mismatches[0].remote == summary.mismatches[0].local - 1


@pytest.mark.slow
def test_ask_and_construct_on_the_server(pushed, server, store):
    kamerstuk = "https://w3id.org/natokg/id/kamerstuk/31125-134"
    construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o FILTER(?s = <{kamerstuk}>) }} }}"
    remote = run_sparql(construct, endpoint=f"{server}/query")
    embedded = run_sparql(construct, store=store)
    # type, label, dossier, number and official publication; the citation and its evidence in the letter
    assert sorted(map(tuple, remote)) == sorted(map(tuple, embedded)) and len(remote) == 7
    assert run_sparql("ASK { GRAPH ?g { ?s ?p ?o } }", endpoint=f"{server}/query").rows == [(True,)]


def test_regression_empty_local_graph_absent_on_server_is_no_mismatch():
    from natokg.remote.push import GraphCount, PushSummary

    summary = PushSummary(endpoint="http://127.0.0.1:1/query", graph_store="http://127.0.0.1:1/store")
    summary.counts = [
        GraphCount("https://w3id.org/natokg/id/graph/pairing", local=0, remote=None),
        GraphCount("https://w3id.org/natokg/id/graph/bz2628703", local=10, remote=10),
    ]
    assert summary.ok
    summary.counts.append(GraphCount("https://w3id.org/natokg/id/graph/x", local=3, remote=None))
    assert [c.graph for c in summary.mismatches] == ["https://w3id.org/natokg/id/graph/x"]


# ---------------------------------------------------------------- pruning and hostile queries


def _store_without(store, graphs: set[str]):
    import pyoxigraph as ox

    smaller = ox.Store()
    smaller.extend(q for q in store if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in graphs))
    return smaller


@pytest.mark.slow
def test_push_removes_the_graphs_of_deleted_letters(pushed, server, store):
    from natokg.identifiers import graph_iri

    shared = {"reference", "entities", "ontology", "topics", "stances", "vocabularies", "cues", "pairing", "dataset"}
    letters = sorted(c.graph for c in pushed.counts if c.graph.rsplit("/", 1)[1] not in shared)[:2]
    assert len(letters) == 2
    foreign = "urn:other:graph"  # not natokg's: never touched
    run_sparql("ASK {}", endpoint=f"{server}/query")
    urllib.request.urlopen(urllib.request.Request(
        f"{server}/store?graph={urllib.parse.quote(foreign)}", data=b"<urn:a> <urn:b> <urn:c> .",
        method="PUT", headers={"Content-Type": "text/turtle"}), timeout=10).close()
    smaller = _store_without(store, set(letters))
    kept = push(smaller, f"{server}/query", prune=False)
    assert kept.pruned == [] and set(letters) <= set(kept.remote_only)
    summary = push(smaller, f"{server}/query")
    assert summary.pruned == letters
    assert summary.remote_only == [foreign]
    remote = {r.g for r in run_sparql("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", endpoint=f"{server}/query")}
    assert remote == {c.graph for c in summary.counts if c.local} | {foreign}
    assert all(g.startswith(str(graph_iri(""))) for g in summary.pruned)
    push(store, f"{server}/query")  # the other tests expect the whole seed dataset


def test_an_interrupted_push_says_the_server_is_partial(stub, store):
    url, handler = stub
    original = handler.do_PUT
    calls = {"n": 0}

    def failing_after_three(self):
        calls["n"] += 1
        if calls["n"] > 3:
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(400)
            self.end_headers()
            self.wfile.write(b"disk full\n")
            return
        original(self)

    handler.do_PUT = failing_after_three
    try:
        with pytest.raises(EndpointError, match=r"HTTP 400: 'disk full'; the push stopped after 3 of 12 graphs, so the "
                           r"server holds a partial dataset: run `natokg push` again to repair it"):
            push(store, f"{url}/query")
    finally:
        handler.do_PUT = original


@pytest.mark.slow
def test_no_service_variant_leaves_through_the_endpoint(server):
    from natokg.errors import QueryError, UnsafeQueryError
    from support.hostile_queries import service_variants
    from support.listener import Listener

    listener = Listener()
    try:
        let_through = []
        for name, sparql in service_variants(listener.url):
            try:
                run_sparql(sparql, endpoint=f"{server}/query")
                let_through.append(name)
            except UnsafeQueryError:
                pass
            except (QueryError, EndpointError) as error:
                let_through.append(f"{name}: {error}")
        assert listener.settle() == 0
        assert let_through == []
    finally:
        listener.close()
