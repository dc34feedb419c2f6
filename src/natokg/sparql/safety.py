"""Queries run read-only: :func:`check_safe` refuses updates and SERVICE.

INSERT, DELETE, LOAD and the other updates would write; SERVICE (and LOAD) would make
an outbound request. Neither a saved nor a user-written query may do either, so every
query is parsed before it runs, and a query that does not parse is searched for the
update keywords before its syntax error is reported.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

from natokg.errors import QueryError, UnsafeQueryError
from natokg.sparql.tokens import TOKENS

_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")
_KEYWORD = r"(?<![\w?$:.-]){word}(?![\w:-])"


def _code_only(sparql: str) -> str:
    """The query with strings, IRIs and comments blanked (same length, same lines)."""

    def blank(match: re.Match) -> str:
        if match.group("placeholder"):
            return match.group(0)
        return re.sub(r"[^\n]", " ", match.group(0))

    return TOKENS.sub(blank, sparql)


def _walk(node) -> Iterator[Any]:
    """Every node of an rdflib parse tree (pyparsing ParseResults and CompValue dicts)."""
    from pyparsing import ParseResults

    yield node
    if isinstance(node, ParseResults):
        children = list(node) + list(node.values())
    elif isinstance(node, dict):
        children = list(node.values())
    elif isinstance(node, (list, tuple)):
        children = list(node)
    else:
        children = []
    for child in children:
        if not isinstance(child, str):
            yield from _walk(child)


def _node_name(node) -> str:
    return getattr(node, "name", "") if not isinstance(node, str) else ""


@lru_cache(maxsize=512)
def check_safe(sparql: str) -> str:
    """Refuse what would write or reach out; return the query form (SELECT, ASK ...).

    Raises UnsafeQueryError for SERVICE and for updates (INSERT, DELETE, LOAD ...),
    QueryError with the line and column of a syntax error.
    """
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    code = _code_only(sparql)
    try:
        parsed = parseQuery(sparql)
    except Exception as query_error:  # pyparsing raises ParseException and friends
        try:
            update = parseUpdate(sparql)
        except Exception:
            update = None
        if update is not None and any(_node_name(n) for n in update.get("request", [])):
            kinds = sorted({_node_name(n) for n in update["request"]})
            raise UnsafeQueryError(
                f"refused: {', '.join(kinds).upper()} is an update; natokg queries are read-only "
                "(use a SELECT, ASK, CONSTRUCT or DESCRIBE query)"
            ) from None
        if re.search(_KEYWORD.format(word="SERVICE"), code, re.I):
            raise UnsafeQueryError("refused: SERVICE would query another server; natokg queries stay local") from None
        for word in _UPDATE_WORDS:
            if re.search(_KEYWORD.format(word=word) + r"\s+(DATA|WHERE|SILENT|GRAPH|DEFAULT|NAMED|ALL|<|\{)", code, re.I):
                raise UnsafeQueryError(f"refused: {word} is an update; natokg queries are read-only") from None
        raise QueryError(f"SPARQL syntax error {_error_position(sparql, query_error)}") from None
    for node in _walk(parsed):
        if _node_name(node) == "ServiceGraphPattern":
            raise UnsafeQueryError("refused: SERVICE would query another server; natokg queries stay local")
    form = _node_name(parsed[1]) if len(parsed) > 1 else ""
    return form.replace("Query", "").upper() or "SELECT"


def _error_position(sparql: str, rdflib_error: Exception) -> str:
    """'at line L, column C: reason', from pyoxigraph's parser (more precise) or rdflib's."""
    import pyoxigraph as ox

    try:
        ox.Store().query(sparql)  # empty in-memory store: only the parser can fail here
    except SyntaxError as error:
        match = re.search(r"error at (\d+):(\d+): (.*)", str(error))
        if match:
            reason = match.group(3).splitlines()[0]
            return f"at line {match.group(1)}, column {match.group(2)}: {reason}"
        return str(error).splitlines()[0]
    except Exception:
        pass
    line = getattr(rdflib_error, "lineno", None)
    column = getattr(rdflib_error, "col", None)
    reason = str(getattr(rdflib_error, "msg", "")) or str(rdflib_error).splitlines()[0]
    return f"at line {line}, column {column}: {reason}" if line else reason


__all__ = ["check_safe"]
