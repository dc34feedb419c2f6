"""Running a query: on the embedded store or on a SPARQL 1.1 endpoint, rows as Python values.

Every query is checked by natokg.sparql.safety first, so running one never writes and
never makes an outbound request of its own. Queries run on the embedded store by
default (natokg.store.layout) or on any SPARQL 1.1 endpoint (natokg.remote.endpoint).
Results come back as named tuples with Python values (natokg.sparql.values): IRIs as
:class:`IRI` (a ``str``), numbers as int/Decimal, dates as ``datetime.date``, booleans
as bool, language-tagged text as its text.

Every query has a deadline (DEFAULT_TIMEOUT, 30 s) and a row cap (DEFAULT_MAX_ROWS,
100,000); past either it stops with a QueryLimitError. Queries on the store at a path
run in a worker process (natokg.sparql.worker) that is killed at the deadline.
"""

from __future__ import annotations

import time
from collections import namedtuple
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from natokg.errors import EndpointError, MissingDependencyError, QueryError
from natokg.memory import collector_paused
from natokg.remote.endpoint import send_query
from natokg.sparql.engine import execute, too_many_rows
from natokg.sparql.safety import MAX_NESTING, MAX_QUERY_BYTES, check_safe
from natokg.sparql.saved import SavedQuery, load_query, render
from natokg.sparql.values import json_binding_term, json_binding_value, rdflib_term, rdflib_value
from natokg.sparql.worker import run_in_worker


@dataclass
class QueryResult:
    """Rows of a query: ``columns`` and ``rows`` (named tuples with Python values)."""

    columns: list[str]
    rows: list[tuple]
    title: str = ""
    query: str = field(default="", repr=False)
    kind: str = "solutions"  # 'solutions', 'boolean' or 'triples' (subject, predicate, object rows)

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        return self.rows[index]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]

    def to_dataframe(self):
        """The rows as a pandas DataFrame (needs pandas: ``pip install pandas``)."""
        try:
            import pandas
        except ImportError:
            raise MissingDependencyError(
                "to_dataframe() needs pandas, which is not installed; run `pip install pandas`"
            ) from None
        return pandas.DataFrame([tuple(row) for row in self.rows], columns=self.columns)


def _row_type(columns: list[str]):
    return namedtuple("Row", columns, rename=True)


def _make_result(
    columns: list[str], values: Iterable[list[Any]], title: str, sparql: str, kind: str = "solutions"
) -> QueryResult:
    make_row = _row_type(columns)._make
    return QueryResult(columns, [make_row(row) for row in values], title, sparql, kind)


DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 100_000


def run_sparql(
    sparql: str,
    *,
    store=None,
    store_path: str | Path | None = None,
    endpoint: str | None = None,
    title: str = "",
    timeout: float | None = DEFAULT_TIMEOUT,
    max_rows: int | None = DEFAULT_MAX_ROWS,
    max_bytes: int = MAX_QUERY_BYTES,
    max_nesting: int = MAX_NESTING,
    terms: bool = False,
    graph: str | None = None,
) -> QueryResult:
    """Run SPARQL text (checked by :func:`check_safe`) on a store or an endpoint.

    A query past ``timeout`` seconds or with more than ``max_rows`` rows stops with a
    QueryLimitError (None: no limit). On the embedded store at ``store_path`` (the
    default) the query runs in a worker process that is killed at the deadline
    (natokg.sparql.worker); on a ``store`` object passed in, which lives in this process,
    the deadline is checked between rows only. ``max_bytes`` and ``max_nesting`` bound
    the query text (natokg.sparql.safety). With ``terms`` the rows
    hold RDF terms (natokg.sparql.values.Term), for a caller that writes them out as RDF.

    On the store at ``store_path`` the default graph is the union of the named graphs,
    each triple once (natokg.store.union), so ``SELECT * { ?s ?p ?o }`` reads the whole
    dataset; ``graph`` (an IRI) makes that one named graph the default graph instead.
    A ``store`` object passed in is queried with its own default graph, or ``graph``.
    """
    form = check_safe(sparql, max_bytes=max_bytes, max_nesting=max_nesting)
    if endpoint:
        if graph:
            raise QueryError(
                "a default graph is chosen on the embedded store only; on an endpoint write "
                f"GRAPH <{graph}> {{ ... }} in the query"
            )
        with collector_paused():
            return _run_on_endpoint(sparql, form, endpoint, title, timeout, max_rows, terms)
    if store is None:
        from natokg.store.union import union_generation_dir

        directory = union_generation_dir(store_path)
        kind, columns, rows = run_in_worker(
            directory, sparql, max_rows=max_rows, timeout=timeout, terms=terms, default_graph=graph
        )
    else:
        deadline = None if timeout is None else time.monotonic() + timeout
        with collector_paused():
            kind, columns, rows = execute(
                store, sparql, max_rows=max_rows, deadline=deadline, terms=terms, default_graph=graph
            )
    with collector_paused():
        return _make_result(columns, rows, title, sparql, kind)


def _run_on_endpoint(
    sparql: str, form: str, endpoint: str, title: str, timeout: float | None, max_rows: int | None, terms: bool = False
) -> QueryResult:
    graph_result = form in ("CONSTRUCT", "DESCRIBE")
    answer = send_query(sparql, endpoint, graph_result=graph_result, timeout=timeout)
    if graph_result:
        from rdflib import Graph

        graph = Graph()
        try:
            graph.parse(data=answer.text, format=answer.rdf_format)
        except Exception as error:  # rdflib raises many unrelated types on bad input
            raise EndpointError(
                f"{answer.where} answered the query with RDF that does not parse as {answer.rdf_format} "
                f"({' '.join(str(error).split())[:160]}); check the endpoint URL"
            ) from None
        if max_rows is not None and len(graph) > max_rows:
            raise too_many_rows(max_rows)
        convert = rdflib_term if terms else rdflib_value
        rows = [[convert(s), convert(p), convert(o)] for s, p, o in graph]
        return _make_result(["subject", "predicate", "object"], rows, title, sparql, "triples")
    data = answer.json
    if "boolean" in data:
        return _make_result(["result"], [[bool(data["boolean"])]], title, sparql, "boolean")
    columns = list(data.get("head", {}).get("vars", []))
    bindings = data.get("results", {}).get("bindings", [])
    if max_rows is not None and len(bindings) > max_rows:
        raise too_many_rows(max_rows)
    value = json_binding_term if terms else json_binding_value
    rows = [[value(b.get(c)) for c in columns] for b in bindings]
    return _make_result(columns, rows, title, sparql)


def run_query(
    name_or_file: str | Path | SavedQuery,
    params: dict[str, Any] | None = None,
    *,
    store=None,
    store_path: str | Path | None = None,
    endpoint: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_rows: int | None = DEFAULT_MAX_ROWS,
    graph: str | None = None,
    terms: bool = False,
) -> QueryResult:
    """Run a saved query (name, .rq path or SavedQuery) with parameters.

    On ``store`` (a pyoxigraph Store), else on ``endpoint`` (a SPARQL 1.1 query URL),
    else on the embedded store at ``store_path`` (default: natokg.store.layout.default_store_path());
    ``graph`` and ``terms`` as in :func:`run_sparql`.
    """
    saved = name_or_file if isinstance(name_or_file, SavedQuery) else load_query(name_or_file)
    sparql = render(saved, params)
    try:
        return run_sparql(
            sparql, store=store, store_path=store_path, endpoint=endpoint, title=saved.title,
            timeout=timeout, max_rows=max_rows, graph=graph, terms=terms,
        )
    except QueryError as error:
        if error.path is None and saved.path is not None:
            raise type(error)(error.message, path=saved.path) from None
        raise


__all__ = ["DEFAULT_MAX_ROWS", "DEFAULT_TIMEOUT", "QueryResult", "run_query", "run_sparql"]
