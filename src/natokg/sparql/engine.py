"""Running a checked query on a pyoxigraph store: rows as Python values, within limits.

Used in two places: in the query worker process (natokg.sparql.worker), where the
deadline is enforced from outside by killing the process, and in the caller's process
for a Store object the caller passes in, where only the row cap and a deadline checked
between rows can apply (pyoxigraph cannot be interrupted from Python).
"""

from __future__ import annotations

import re
import time
from typing import Any

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
    store, sparql: str, *, max_rows: int | None = None, deadline: float | None = None, terms: bool = False
) -> tuple[str, list[str], list[list[Any]]]:
    """(kind, columns, rows) of ``sparql`` on ``store``; kind is 'solutions', 'boolean' or
    'triples'. ``deadline`` is a time.monotonic() value, checked between rows. With
    ``terms`` the rows hold RDF terms (natokg.sparql.values.Term), not Python values."""
    import pyoxigraph as ox

    started = time.monotonic()
    try:
        answer = store.query(sparql)
        if isinstance(answer, ox.QueryBoolean):
            return "boolean", ["result"], [[bool(answer)]]
        if isinstance(answer, ox.QueryTriples):
            kind = "triples"
            columns = ["subject", "predicate", "object"]
            solutions = ((t.subject, t.predicate, t.object) for t in answer)
        else:
            kind = "solutions"
            columns = [variable.value for variable in answer.variables]
            solutions = answer
        # each distinct term converted once: results repeat their meetings, actors and
        # letters row after row (2-3x faster on the large results); a solution iterates
        # over its values in column order, None where unbound, faster than indexing it
        convert = oxigraph_term if terms else oxigraph_value
        values: dict = {None: None}
        known = values.get
        rows = []
        for solution in solutions:
            row = []
            for term in solution:
                converted = known(term, _UNCONVERTED)
                if converted is _UNCONVERTED:
                    converted = values[term] = convert(term)
                row.append(converted)
            rows.append(row)
            if max_rows is not None and len(rows) > max_rows:
                raise too_many_rows(max_rows)
            if deadline is not None and not len(rows) % 1024 and time.monotonic() > deadline:
                raise past_deadline(deadline - started)
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error {_position(str(error))}") from None
    except OSError as error:
        raise QueryError(f"the query failed: {str(error).splitlines()[0]}") from None
    except RuntimeError as error:
        raise QueryError(f"the query failed: {str(error).splitlines()[0]}") from None
    return kind, columns, rows


def _position(message: str) -> str:
    """'at line L, column C: reason' from pyoxigraph's 'error at L:C: reason'."""
    match = re.search(r"error at (\d+):(\d+): (.*)", message)
    if match:
        return f"at line {match.group(1)}, column {match.group(2)}: {match.group(3).splitlines()[0]}"
    return ": " + (message.splitlines()[0] if message else "unreadable query")


__all__ = ["execute", "past_deadline", "too_many_rows"]
