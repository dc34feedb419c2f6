"""Running a checked query on a pyoxigraph store: rows as Python values, within limits.

Used in two places: in the query worker process (natokg.sparql.worker), where the
deadline is enforced from outside by killing the process, and in the caller's process
for a Store object the caller passes in, where only the row cap and a deadline checked
between rows can apply (pyoxigraph cannot be interrupted from Python).
"""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from typing import Any, Iterator

from natokg.errors import QueryError, QueryLimitError
from natokg.sparql.values import oxigraph_term, oxigraph_value

_UNCONVERTED = object()


def too_many_rows(max_rows: int) -> QueryLimitError:
    return QueryLimitError(
        f"stopped: the query returns more than {max_rows:,} rows (the row cap); narrow it "
        "with LIMIT or a FILTER, or raise the cap with --max-rows"
    )


def past_deadline(timeout: float) -> QueryLimitError:
    return QueryLimitError(
        f"stopped: the query ran past its deadline of {timeout:g} s; narrow it, or allow "
        "more time with --timeout"
    )


def execute(
    store,
    sparql: str,
    *,
    max_rows: int | None = None,
    deadline: float | None = None,
    terms: bool = False,
    default_graph: str | None = None,
) -> tuple[str, list[str], list[list[Any]]]:
    """(kind, columns, rows) of ``sparql`` on ``store``; kind is 'solutions', 'boolean' or
    'triples'. ``deadline`` is a time.monotonic() value, checked between rows. With
    ``terms`` the rows hold RDF terms (natokg.sparql.values.Term), not Python values.
    ``default_graph``: the IRI of the named graph that serves as the default graph
    (None: the store's own default graph)."""
    with _engine_errors():
        kind, columns, solutions = _evaluate(store, sparql, default_graph)
        if kind == "boolean":
            return kind, columns, [[solutions]]
        return kind, columns, _rows(solutions, oxigraph_term if terms else oxigraph_value, max_rows, deadline)


def execute_serialized(
    store,
    sparql: str,
    *,
    result_type: str,
    graph_type: str,
    max_rows: int | None = None,
    deadline: float | None = None,
    default_graph: str | None = None,
) -> tuple[str, bytes]:
    """(media type, bytes) of ``sparql`` on ``store``: solutions and ASK answers written
    in ``result_type`` (a SPARQL result format), triples in ``graph_type`` (an RDF
    format), within the same limits as :func:`execute`. Written where the query runs,
    each distinct term once, so a large result crosses to the caller as one string."""
    from natokg.sparql.result_formats import SolutionsWriter, graph_bytes, write_results

    with _engine_errors():
        kind, columns, solutions = _evaluate(store, sparql, default_graph)
        if kind == "boolean":
            return result_type, write_results(result_type, kind, columns, [[solutions]])
        started = time.monotonic()
        if kind == "triples":
            triples = []
            for triple in solutions:
                triples.append(triple)
                _check_limits(len(triples), max_rows, deadline, started)
            # quoted triples (RDF-star) have no place in the formats served
            return graph_type, graph_bytes([t for t in triples if not _quotes(t)], graph_type)
        writer = SolutionsWriter(result_type, columns)
        if not writer.write(solutions, oxigraph_term, max_rows, lambda: _check_deadline(deadline, started)):
            raise too_many_rows(max_rows)
        return result_type, writer.to_bytes()


def _evaluate(store, sparql: str, default_graph: str | None) -> tuple[str, list[str], Any]:
    """(kind, columns, solutions): solutions iterate over rows of pyoxigraph terms; for
    an ASK, the answer as a bool."""
    import pyoxigraph as ox

    if default_graph is None:
        answer = store.query(sparql)
    else:
        answer = store.query(sparql, default_graph=ox.NamedNode(default_graph))
    if isinstance(answer, ox.QueryBoolean):
        return "boolean", ["result"], bool(answer)
    if isinstance(answer, ox.QueryTriples):
        return "triples", ["subject", "predicate", "object"], answer  # a triple iterates over its three terms
    return "solutions", [variable.value for variable in answer.variables], answer


def _quotes(triple) -> bool:
    import pyoxigraph as ox

    return isinstance(triple.subject, ox.Triple) or isinstance(triple.object, ox.Triple)


def _rows(solutions, convert, max_rows: int | None, deadline: float | None) -> list[list[Any]]:
    # each distinct term converted once: results repeat their meetings, actors and
    # letters row after row (2-3x faster on the large results); a solution iterates
    # over its values in column order, None where unbound, faster than indexing it
    values: dict = {None: None}
    known = values.get
    rows = []
    started = time.monotonic()
    for solution in solutions:
        row = []
        for term in solution:
            converted = known(term, _UNCONVERTED)
            if converted is _UNCONVERTED:
                converted = values[term] = convert(term)
            row.append(converted)
        rows.append(row)
        _check_limits(len(rows), max_rows, deadline, started)
    return rows


def _check_limits(count: int, max_rows: int | None, deadline: float | None, started: float) -> None:
    if max_rows is not None and count > max_rows:
        raise too_many_rows(max_rows)
    if not count % 1024:
        _check_deadline(deadline, started)


def _check_deadline(deadline: float | None, started: float) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise past_deadline(deadline - started)


@contextmanager
def _engine_errors() -> Iterator[None]:
    """The engine's errors as QueryError with a one-line message."""
    try:
        yield
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error {_position(str(error))}") from None
    except (OSError, RuntimeError) as error:
        raise QueryError(f"the query failed: {str(error).splitlines()[0]}") from None


def _position(message: str) -> str:
    """'at line L, column C: reason' from pyoxigraph's 'error at L:C: reason'."""
    match = re.search(r"error at (\d+):(\d+): (.*)", message)
    if match:
        return f"at line {match.group(1)}, column {match.group(2)}: {match.group(3).splitlines()[0]}"
    return ": " + (message.splitlines()[0] if message else "unreadable query")


__all__ = ["execute", "execute_serialized", "past_deadline", "too_many_rows"]
