"""The SPARQL 1.1 Protocol at /sparql: query by GET or POST, results by Accept or ``format=``.

Every query goes through natokg.sparql.safety (updates, LOAD and SERVICE are refused
with 400) and runs in a query worker process on the served copy of the store
(natokg.sparql.worker), with the server's deadline and row cap; the worker writes the
answer out in the media type asked for (natokg.sparql.result_formats), so a large
result crosses from the worker as one string, not as rows to be written again here.
"""

from __future__ import annotations

import queue
from dataclasses import dataclass
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from natokg.errors import QueryError, QueryLimitError, UnsafeQueryError
from natokg.rdf.formats import unknown_format
from natokg.serve.negotiation import FOR_GRAPHS, FOR_SOLUTIONS, GRAPH_TYPES, HTML, RESULT_TYPES, choose, format_media_type
from natokg.sparql.engine import past_deadline
from natokg.sparql.safety import check_safe
from natokg.sparql.worker import run_in_worker, worker_for

FORM_TYPE = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"


class ProtocolError(QueryError):
    """A request the protocol cannot answer (no query, an update, an unknown format)."""


@dataclass
class Answer:
    kind: str  # 'solutions', 'boolean' or 'triples'
    columns: list[str]
    rows: list


class QueryRunner:
    """Runs checked queries in ``workers`` worker processes on ``directory``, each query
    within ``timeout`` seconds (waiting for a free worker included) and ``max_rows``."""

    def __init__(self, directory, *, timeout: float, max_rows: int, workers: int = 1) -> None:
        self.directory = directory
        self.timeout = timeout
        self.max_rows = max_rows
        self.slots: queue.Queue[int] = queue.Queue()
        for slot in range(max(1, workers)):
            self.slots.put(slot)

    def run(self, sparql: str) -> Answer:
        """The answer as rows of natokg.sparql.values.Term (for the query page's table)."""
        return Answer(*self._in_worker(sparql))

    def serialize(self, sparql: str, media: tuple[str, str]) -> tuple[str, bytes]:
        """(media type, bytes): solutions written in media[0], triples in media[1]."""
        return self._in_worker(sparql, media)

    def _in_worker(self, sparql: str, media: tuple[str, str] | None = None) -> tuple:
        check_safe(sparql)
        try:
            slot = self.slots.get(timeout=self.timeout)
        except queue.Empty:
            raise past_deadline(self.timeout) from None
        try:
            return run_in_worker(
                self.directory, sparql, max_rows=self.max_rows, timeout=self.timeout, terms=True, slot=slot,
                media=media,
            )
        except QueryLimitError:
            # a worker killed at the deadline is replaced now, so that its start-up is
            # not taken from the next query's time
            worker_for(self.directory, slot)
            raise
        finally:
            self.slots.put(slot)


def status_of(error: QueryError) -> int:
    """400 for a query the client must change; 503 for one stopped by the server's limits."""
    return 503 if isinstance(error, QueryLimitError) else 400


def error_response(error: QueryError) -> Response:
    return PlainTextResponse(error.message + "\n", status_code=status_of(error))


async def query_of(request: Request) -> tuple[str, dict[str, list[str]]]:
    """The query text and the other parameters of a protocol request."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = (await request.body()).decode("utf-8", "replace")
        if content_type == UPDATE_TYPE:
            raise UnsafeQueryError("refused: SPARQL updates change data; this endpoint is read-only")
        if content_type == QUERY_TYPE:
            params.setdefault("query", []).append(body)
        elif content_type == FORM_TYPE:
            for name, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(name, []).extend(values)
        else:
            raise ProtocolError(
                f"a POST needs Content-Type {QUERY_TYPE} or {FORM_TYPE} (got {content_type or 'none'})"
            )
    if "update" in params:
        raise UnsafeQueryError("refused: SPARQL updates change data; this endpoint is read-only")
    queries = params.pop("query", [])
    if len(queries) != 1 or not queries[0].strip():
        raise ProtocolError("give exactly one query: GET /sparql?query=..., or POST it (form field query, or the body as application/sparql-query)")
    if params.get("default-graph-uri") or params.get("named-graph-uri"):
        raise ProtocolError(
            "default-graph-uri and named-graph-uri are not supported: the default graph is the union "
            "of the named graphs; use GRAPH <...> in the query instead"
        )
    return queries[0], params


def media_types_for(params: dict[str, list[str]], accept: str | None) -> tuple[tuple[str, str], str | None]:
    """(result type, graph type), ``format=`` first, then Accept, else the default, for
    each kind of answer; and the ``format=`` name given, if any. Which kind a query gives
    is the engine's to say (a form read from the text can be fooled by an IRI such as
    <describe/>): ``fitting`` refuses a format of the other kind once it has."""
    name = _format_name(params)
    if name is not None:
        result, graph = format_media_type(name, FOR_SOLUTIONS), format_media_type(name, FOR_GRAPHS)
        if result is None and graph is None:
            raise ProtocolError(unknown_format(name, FOR_SOLUTIONS + FOR_GRAPHS))
        return (result or _first(RESULT_TYPES), graph or _first(GRAPH_TYPES)), name
    return (
        choose(list(RESULT_TYPES.values()), accept) or _first(RESULT_TYPES),
        choose(list(GRAPH_TYPES.values()), accept) or _first(GRAPH_TYPES),
    ), None


def fitting(media_type: str, name: str | None) -> None:
    """Refuse an answer in ``media_type`` when ``format=name`` asked for the other kind."""
    offered = FOR_GRAPHS if media_type in GRAPH_TYPES.values() else FOR_SOLUTIONS
    if name is not None and format_media_type(name, offered) != media_type:
        raise ProtocolError(unknown_format(name, offered, " for this query"))


def _format_name(params: dict[str, list[str]]) -> str | None:
    names = params.get("format") or params.get("output") or []
    return names[0] if names and names[0].strip() else None


def _first(table: dict[str, str]) -> str:
    return next(iter(table.values()))


async def sparql_endpoint(request: Request) -> Response:
    runner: QueryRunner = request.app.state.runner
    if request.method == "GET" and "query" not in request.query_params and HTML in request.headers.get("accept", ""):
        return RedirectResponse("/query", status_code=303)  # a browser opening the endpoint gets the editor
    try:
        sparql, params = await query_of(request)
        media, asked = media_types_for(params, request.headers.get("accept"))
        media_type, content = await run_in_threadpool(runner.serialize, sparql, media)
        fitting(media_type, asked)
    except QueryError as error:
        return error_response(error)
    return Response(content, media_type=media_type, headers={"Vary": "Accept"})


__all__ = ["Answer", "ProtocolError", "QueryRunner", "error_response", "fitting", "media_types_for", "query_of", "sparql_endpoint", "status_of"]
