"""The SPARQL tokens in which ``$`` and ``#`` mean neither a placeholder nor a comment.

Strings and IRIs may contain both characters; placeholders, parameter blocks and the
NATOKG_BASE rewrite must skip them, so all scan a query with :data:`TOKENS`.
(natokg.sparql.safety has lexers of its own: it must read a query every way a parser
might, not one way.)
"""

from __future__ import annotations

import re
from typing import NamedTuple

_STRING = (
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
)
_IRI = r'<[^<>"{}|^`\\\s]*>'

TOKENS = re.compile(
    rf"(?P<string>{_STRING})"
    rf"|(?P<iri>{_IRI})"
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<values>(?<![\w?$])(?i:VALUES)\s+[?$](?P<variable>[A-Za-z_][A-Za-z0-9_]*)\s*\{)"
    r"|(?P<placeholder>\$(?P<name>[A-Za-z_][A-Za-z0-9_]*))"
)

# inside a VALUES block: the closing brace, or a string or IRI that may hold one
_BLOCK_END = re.compile(rf"{_STRING}|{_IRI}|(?P<close>\}})|(?P<comment>#[^\n]*)")


class ValuesBlock(NamedTuple):
    """``VALUES ?variable { ... }``: ``start``..``end`` is the text between the braces."""

    variable: str
    start: int
    end: int


def placeholders(text: str) -> list[str]:
    """The ``$name`` placeholders of a query body (comments, strings and IRIs skipped)."""
    return [m.group("name") for m in TOKENS.finditer(text) if m.group("placeholder")]


def values_blocks(text: str) -> list[ValuesBlock]:
    """Every one-variable ``VALUES ?x { ... }`` block of a query, in order (comments,
    strings and IRIs skipped; an unclosed block is left to the parser to report)."""
    blocks = []
    for match in TOKENS.finditer(text):
        if not match.group("values"):
            continue
        position = match.end()
        for inner in _BLOCK_END.finditer(text, position):
            if inner.group("close"):
                blocks.append(ValuesBlock(match.group("variable"), position, inner.start()))
                break
    return blocks
