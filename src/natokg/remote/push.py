"""Upload the dataset to a SPARQL 1.1 server with the Graph Store Protocol.

Every named graph of the local store (letters, entities, reference, ontology, pairing,
dataset description) is sent with ``PUT {graph store}?graph={graph IRI}``: a PUT
replaces the graph, so pushing twice leaves the server with one copy, never two.
Afterwards the triples of every graph are counted through the query endpoint and
compared with the local store.

Credentials come from the environment (NATOKG_ENDPOINT_USER, NATOKG_ENDPOINT_PASSWORD),
never from the command line. Requests that fail with a 5xx status, a timeout or a
dropped connection are retried with exponential backoff; a server that cannot be
reached at all on the first request fails at once (it is down, waiting would not help).

Graph Store Protocol URLs of common servers (pass ``graph_store`` when the default
guess from the query endpoint is wrong):

- Oxigraph server: query ``http://host:7878/query``, graph store ``http://host:7878/store``
- Apache Jena Fuseki: query ``http://host:3030/DS/query`` (or ``/DS/sparql``),
  graph store ``http://host:3030/DS/data``
- Virtuoso: query ``http://host:8890/sparql``, graph store
  ``http://host:8890/sparql-graph-crud-auth`` (digest authentication)
- QLever: graph store support depends on the version; load with its index builder or
  pass the URL of a Graph Store Protocol endpoint in front of it.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from natokg.errors import EndpointError
from natokg.identifiers import graph_iri
from natokg.remote.endpoint import HttpClient, first_line, safe_url

DEFAULT_TIMEOUT = 120.0
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
COUNT_QUERY = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@dataclass
class GraphCount:
    graph: str
    local: int
    remote: int | None


@dataclass
class PushSummary:
    endpoint: str
    graph_store: str
    graphs: int = 0
    triples: int = 0
    retries: int = 0
    seconds: float = 0.0
    counts: list[GraphCount] = field(default_factory=list)
    remote_only: list[str] = field(default_factory=list)  # graphs on the server the store lacks, kept
    pruned: list[str] = field(default_factory=list)  # natokg graphs the store lacks, removed from the server

    @property
    def mismatches(self) -> list[GraphCount]:
        # a server keeps no empty graph, so an empty local graph (no pairing yet) is absent there
        return [c for c in self.counts if (c.remote or 0) != c.local]

    @property
    def ok(self) -> bool:
        """True when every pushed graph has on the server exactly the local triple count."""
        return not self.mismatches


def graph_store_url(endpoint: str) -> str:
    """Guess the Graph Store Protocol URL from a query endpoint (see the module doc)."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path == "/query":
        new_path = "/store"  # Oxigraph
    elif path.count("/") >= 2 and (path.endswith("/query") or path.endswith("/sparql")):
        new_path = path.rsplit("/", 1)[0] + "/data"  # Fuseki dataset
    else:
        raise EndpointError(
            f"cannot tell the Graph Store Protocol URL of {safe_url(endpoint)}; "
            "pass it with --graph-store URL (Oxigraph: /store, Fuseki: /DATASET/data, "
            "Virtuoso: /sparql-graph-crud-auth)"
        )
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, new_path, "", ""))


def _unreachable(url: str, error: Exception) -> EndpointError:
    reason = getattr(error, "reason", error)
    text = str(getattr(reason, "strerror", None) or reason).lower()
    return EndpointError(f"cannot reach {safe_url(url)}: {text}; is the server running?")


class _Client:
    """natokg.remote.endpoint's HttpClient with retries and messages for uploads."""

    def __init__(self, urls: list[str], timeout: float, retries: int, backoff: float) -> None:
        self.http = HttpClient(urls, timeout)
        self.retries = retries
        self.backoff = backoff
        self.retried = 0
        self.reached = False  # the server has answered at least once

    def authenticate(self, url: str) -> None:
        """Credentials settled with a bodiless request before the first upload, so no
        upload goes out twice (first without them: natokg.remote.endpoint)."""
        try:
            self.reached = self.http.authenticate(url)
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
            raise _unreachable(url, error) from None

    def request(self, method: str, url: str, data: bytes | None, headers: dict[str, str], what: str) -> bytes:
        attempt = 0
        while True:
            try:
                response = self.http.request(method, url, data, headers)
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
                if self.reached and attempt < self.retries:
                    attempt = self._wait(attempt)
                    continue
                raise _unreachable(url, error) from None
            self.reached = True
            if response.status < 400:
                return response.body
            if response.status in RETRY_STATUSES and attempt < self.retries:
                attempt = self._wait(attempt)
                continue
            hint = ""
            if response.status in (401, 403):
                hint = "; set NATOKG_ENDPOINT_USER and NATOKG_ENDPOINT_PASSWORD"
            elif response.status in (404, 405):
                hint = "; check the URL (--graph-store for uploads)"
            detail = f": {first_line(response.body)}" if response.body.strip() else ""
            raise EndpointError(f"{safe_url(url)} refused {what}: HTTP {response.status}{detail}{hint}")

    def _wait(self, attempt: int) -> int:
        self.retried += 1
        time.sleep(self.backoff * (2**attempt))
        return attempt + 1


def _remote_counts(client: _Client, endpoint: str) -> dict[str, int]:
    import json

    data = urllib.parse.urlencode({"query": COUNT_QUERY}).encode("ascii")
    body = client.request(
        "POST",
        endpoint,
        data,
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
        "the count query",
    )
    try:
        answer = json.loads(body)
        return {
            b["g"]["value"]: int(b["n"]["value"]) for b in answer["results"]["bindings"] if "g" in b and "n" in b
        }
    except (ValueError, KeyError) as error:
        raise EndpointError(
            f"{safe_url(endpoint)} answered the count query with no SPARQL JSON results ({type(error).__name__}); "
            f"it begins {first_line(body)}; check the query URL"
        ) from None


def push(
    store,
    endpoint: str,
    *,
    graph_store: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = 5,
    backoff: float = 0.5,
    store_dir: Path | str | None = None,
    prune: bool = True,
) -> PushSummary:
    """PUT every named graph of ``store`` (a snapshot, natokg.store.snapshot, a store
    path, or a pyoxigraph Store) to a server.

    Letter graphs are sent as the build wrote them (natokg.store.export.GraphTexts) so
    that the server gets the mapped datatypes, not the store's canonical ones.

    ``endpoint`` is the SPARQL query URL (for the final count check); ``graph_store`` the
    Graph Store Protocol URL (default: guessed from ``endpoint``). Raises EndpointError
    when the server is down or refuses; count mismatches are in ``summary.mismatches``.

    With ``prune`` (the default) the server's natokg graphs become equal to the store's:
    a graph the server has under natokg's graph namespace (natokg.identifiers) that the
    store does not (a deleted letter's) is removed, and listed in ``summary.pruned``.
    Graphs outside the namespace are never touched (``summary.remote_only``).
    """
    import pyoxigraph as ox

    from natokg.store.export import GraphTexts
    from natokg.store.layout import list_graphs
    from natokg.store.snapshot import open_snapshot

    started = time.perf_counter()
    if isinstance(store, (str, Path)):  # one build's store and graph files together
        store = open_snapshot(store)
    texts = GraphTexts(store, store_dir)
    store = texts.store
    target = graph_store or graph_store_url(endpoint)
    client = _Client([endpoint, target], timeout, retries, backoff)
    summary = PushSummary(endpoint=safe_url(endpoint), graph_store=safe_url(target))
    local_counts: dict[str, int] = {}
    graphs = list_graphs(store)
    try:
        if graphs:
            client.authenticate(_graph_url(target, graphs[0]))
        for graph in graphs:
            payload = texts.ntriples(ox.NamedNode(graph))
            count = sum(1 for line in payload.split(b"\n") if line.strip())
            # N-Triples is Turtle: every Graph Store Protocol server accepts text/turtle.
            client.request("PUT", _graph_url(target, graph), payload, {"Content-Type": "text/turtle; charset=utf-8"},
                           f"graph <{graph}>")
            local_counts[graph] = count
            summary.graphs += 1
            summary.triples += count
        default_triples = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        if default_triples.strip():  # natokg keeps everything in named graphs; push strays anyway
            client.request(
                "PUT", f"{target}?default", default_triples, {"Content-Type": "text/turtle; charset=utf-8"},
                "the default graph",
            )
            summary.triples += sum(1 for line in default_triples.split(b"\n") if line.strip())
        remote = _remote_counts(client, endpoint)
        namespace = str(graph_iri(""))
        stale = sorted(g for g in set(remote) - set(local_counts) if g.startswith(namespace))
        if prune:
            for graph in stale:
                client.request("DELETE", _graph_url(target, graph), None, {}, f"the removal of graph <{graph}>")
                summary.pruned.append(graph)
                del remote[graph]
    except EndpointError as error:
        if summary.graphs == 0 and not summary.pruned:
            raise
        raise EndpointError(
            f"{error.message}; the push stopped after {summary.graphs} of {len(graphs)} graphs"
            f"{f' and {len(summary.pruned)} removals' if summary.pruned else ''}, so the server holds "
            "a partial dataset: run `natokg push` again to repair it"
        ) from None
    summary.counts = [GraphCount(g, n, remote.get(g)) for g, n in sorted(local_counts.items())]
    summary.remote_only = sorted(set(remote) - set(local_counts))
    summary.retries = client.retried
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _graph_url(target: str, graph: str) -> str:
    return f"{target}?{urllib.parse.urlencode({'graph': graph})}"


__all__ = ["GraphCount", "PushSummary", "graph_store_url", "push"]
