"""N-Quads of a letter's N-Triples lines, written as rdflib writes them, without building
rdflib graphs.

``natokg map --format nquads`` prints what rdflib's N-Quads serialiser makes of the
letter's graphs. Parsing every line into rdflib terms and storing them in a Dataset
costs ~60 us a quad, ten times the rest of mapping a long letter. The lines are
pyoxigraph's canonical N-Triples, so most terms pass through as they are: an IRI
without escapes, a plain string without escapes and a canonical non-negative integer
are written by rdflib exactly as pyoxigraph wrote them. Every other literal (escapes,
language tags, dates, decimals, booleans: rdflib re-escapes and normalises them) goes
through rdflib's own parser and serialiser, once per distinct literal. A line with a
blank node returns None: rdflib renames blank nodes, so only rdflib can say what it
prints.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

# an IRI as rdflib writes it unchanged: no escapes, nothing rdflib refuses to write
_IRI = r"<[^<>\"{}|^`\\ ]*>"
# subject, predicate, object of a canonical N-Triples line (the object runs to " .")
_LINE = re.compile(rf"({_IRI}) ({_IRI}) (.*) \.\n?")
_PLAIN_IRI = re.compile(_IRI)
_PLAIN_STRING = re.compile(r'"[^"\\]*"')
_NON_NEGATIVE = re.compile(r'"(?:0|[1-9][0-9]*)"\^\^<http://www\.w3\.org/2001/XMLSchema#nonNegativeInteger>')


@lru_cache(maxsize=65536)
def _rdflib_term(term: str) -> str:
    """What rdflib's N-Triples parser and N-Quads serialiser make of one term."""
    from rdflib import Literal
    from rdflib.plugins.parsers.ntriples import W3CNTriplesParser
    from rdflib.plugins.serializers.nt import _quoteLiteral

    parser = W3CNTriplesParser()
    parser.line = term
    value = parser.uriref() or parser.literal()
    if value is False or parser.line:
        raise ValueError(f"not an N-Triples IRI or literal: {term}")
    return _quoteLiteral(value) if isinstance(value, Literal) else value.n3()


def _term(term: str) -> str:
    if _PLAIN_IRI.fullmatch(term) or _PLAIN_STRING.fullmatch(term) or _NON_NEGATIVE.fullmatch(term):
        return term
    return _rdflib_term(term)


def nquads_rows(graphs: Iterable[tuple[Iterable[str], str]]) -> list[str] | None:
    """The rows rdflib writes for ``(N-Triples lines, graph IRI)`` pairs, one per distinct
    quad, unsorted; None when a line holds a blank node."""
    rows: set[str] = set()
    for lines, graph in graphs:
        for line in lines:
            found = _LINE.fullmatch(line)
            if found is None or found.group(3).startswith("_:"):
                return None  # a blank node, or an IRI only rdflib knows how to write
            subject, predicate, obj = found.groups()
            rows.add(f"{subject} {predicate} {_term(obj)} {graph} .\n")
    return list(rows)


__all__ = ["nquads_rows"]
