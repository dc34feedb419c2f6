"""Queries run read-only and stay local: :func:`check_safe` refuses what would reach out
or write, and what is too large or too deep for a parser, before any parser sees it.

SERVICE makes the engine send a request to another server; LOAD and the other updates
(INSERT, DELETE, CLEAR, DROP, CREATE, ADD, MOVE, COPY) would write or fetch. A check
that parses the query with one parser and runs it with another is only as good as the
agreement of the two, and SPARQL parsers disagree: the specification expands ``\\u``
escapes before parsing (rdflib, Jena), pyoxigraph expands them only inside IRIs and
strings, so ``"\\u0022"`` ends a string for one and is a quote character for the other;
rdflib ends a comment at ``\\n`` only, pyoxigraph at ``\\r`` too. The engine that runs
the query is pyoxigraph (embedded) or whatever serves ``--endpoint``, so the check does
not trust any one parser. It reads the text the way each kind of parser may read it and
refuses a query when any reading finds a forbidden keyword outside strings, IRIs and
comments:

- the text as written, and the text with every ``\\u``/``\\U`` escape expanded;
- comments ending at ``\\r`` or ``\\n``, and comments ending at ``\\n`` only;
- keywords compared after Unicode compatibility folding and upper-casing (``ı`` and
  ``ſ`` upper-case to ``I`` and ``S`` in Python-based parsers);
- an IRI token that holds a bracket or does not start with a scheme may be a
  less-than sign to a parser, so its text is read as code.

A query in which the word SERVICE occurs anywhere (in a string, IRI or comment too) and
which also holds a backslash or a carriage return is refused as ambiguous: those are
the characters parsers read differently. Update keywords cannot run through a query
(pyoxigraph's and every server's query parser reject them), so for them a reading that
finds them in code is enough.

Size and depth come first: a 10 KB query of 5,000 nested brackets crashed pyoxigraph's
parser (a stack overflow kills the process), and a list nested 200 deep took it 20 s to
parse (100 deep: 3 s; 64 deep: 0.2 s). Both limits are counted on the raw text by
linear scans, so no parser ever sees such a query.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from natokg.errors import QueryError, UnsafeQueryError

MAX_QUERY_BYTES = 1_000_000
MAX_NESTING = 64

_UPDATE_WORDS = ("LOAD", "INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")
_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

_STRINGS = (
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
)
_IRI = r"<(?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>"
# the two comment conventions; each reading uses one
_LEXERS = {
    "cr-or-lf": re.compile(rf"(?P<string>{_STRINGS})|(?P<iri>{_IRI})|(?P<comment>#[^\r\n]*)", re.S),
    "lf-only": re.compile(rf"(?P<string>{_STRINGS})|(?P<iri>{_IRI})|(?P<comment>#[^\n]*)", re.S),
}
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_PLAIN_IRI = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:[^()]*>")
# a keyword is not part of a variable, prefixed name, blank node label or longer word
_KEYWORD = r"(?<![\w?$:]){word}(?![\w:])"
_UPDATE_PATTERN = re.compile(_KEYWORD.format(word="(" + "|".join(_UPDATE_WORDS) + ")"))
_SERVICE_PATTERN = re.compile(_KEYWORD.format(word="SERVICE"))
_FORM_PATTERN = re.compile(_KEYWORD.format(word="(" + "|".join(_FORMS) + ")"))
_OPENERS, _CLOSERS = "([{", ")]}"


def _expanded(text: str) -> str:
    def character(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    return _ESCAPE.sub(character, text)


def _code(text: str, lexer: re.Pattern) -> str:
    """The text with strings, plain IRIs and comments blanked (newlines kept)."""

    def blank(match: re.Match) -> str:
        token = match.group(0)
        if match.group("iri") and not _PLAIN_IRI.fullmatch(token):
            return token  # may be a less-than sign to a parser: read as code
        return re.sub(r"[^\n\r]", " ", token)

    return lexer.sub(blank, text)


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).upper()


def _readings(sparql: str) -> list[str]:
    """The code of every reading (see the module doc), folded for keyword search."""
    texts = [sparql]
    expanded = _expanded(sparql)
    if expanded != sparql:
        texts.append(expanded)
    return [_folded(_code(text, lexer)) for text in texts for lexer in _LEXERS.values()]


def nesting_depth(text: str) -> int:
    """The deepest bracket nesting of ``text``, strings included (a bracket a parser reads
    inside a string costs nothing; one it reads as code and we skipped would be a hole)."""
    depth = deepest = 0
    for character in text:
        if character in _OPENERS:
            depth += 1
            if depth > deepest:
                deepest = depth
        elif character in _CLOSERS and depth:
            depth -= 1
    return deepest


def check_limits(sparql: str, *, max_bytes: int = MAX_QUERY_BYTES, max_nesting: int = MAX_NESTING) -> None:
    """Refuse a query over ``max_bytes`` (UTF-8) or nested deeper than ``max_nesting``."""
    size = len(sparql.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise QueryError(
            f"refused: the query is {size:,} bytes, over the limit of {max_bytes:,}; "
            "shorten it (the Python API takes max_bytes= to allow more)"
        )
    depth = max(nesting_depth(sparql), nesting_depth(_expanded(sparql)))
    if depth > max_nesting:
        raise QueryError(
            f"refused: brackets nest {depth} deep, over the limit of {max_nesting}; "
            "flatten the query (the Python API takes max_nesting= to allow more)"
        )


def check_safe(sparql: str, *, max_bytes: int = MAX_QUERY_BYTES, max_nesting: int = MAX_NESTING) -> str:
    """Refuse what would write, reach out or overload a parser; return the query form.

    Raises QueryError for a query over the size or nesting limit (before anything parses
    it) and for text with no query form; UnsafeQueryError for SERVICE, LOAD and the other
    updates. The form (SELECT, ASK, CONSTRUCT or DESCRIBE) is read from the code; syntax
    errors are reported by the engine that runs the query.
    """
    check_limits(sparql, max_bytes=max_bytes, max_nesting=max_nesting)
    return _check_words(sparql)


@lru_cache(maxsize=512)
def _check_words(sparql: str) -> str:
    readings = _readings(sparql)
    for code in readings:
        if _SERVICE_PATTERN.search(code):
            raise UnsafeQueryError("refused: SERVICE would query another server; natokg queries stay local")
    if ("\\" in sparql or "\r" in sparql) and any(
        "SERVICE" in _folded(text) for text in (sparql, _expanded(sparql))
    ):
        raise UnsafeQueryError(
            "refused: the query mentions SERVICE and holds a backslash escape or a carriage return, "
            "which SPARQL parsers read differently; remove the escapes or the word"
        )
    for code in readings:
        found = sorted({match.group(1) for match in _UPDATE_PATTERN.finditer(code)})
        if found:
            raise UnsafeQueryError(
                f"refused: {', '.join(found)} would change data or fetch it from elsewhere; natokg "
                "queries are read-only (use a SELECT, ASK, CONSTRUCT or DESCRIBE query)"
            )
    match = _FORM_PATTERN.search(readings[0])
    if not match:
        raise QueryError("not a query: no SELECT, ASK, CONSTRUCT or DESCRIBE outside strings and comments")
    return match.group(1)


__all__ = ["MAX_NESTING", "MAX_QUERY_BYTES", "check_limits", "check_safe", "nesting_depth"]
