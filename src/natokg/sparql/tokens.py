"""The SPARQL tokens in which ``$`` and ``#`` mean neither a placeholder nor a comment.

Strings and IRIs may contain both characters; placeholders and the NATOKG_BASE rewrite
must skip them, so both scan a query with :data:`TOKENS`. (natokg.sparql.safety has
lexers of its own: it must read a query every way a parser might, not one way.)
"""

from __future__ import annotations

import re

TOKENS = re.compile(
    r'(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\s]*>)'
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<placeholder>\$(?P<name>[A-Za-z_][A-Za-z0-9_]*))"
)


def placeholders(text: str) -> list[str]:
    """The ``$name`` placeholders of a query body (comments, strings and IRIs skipped)."""
    return [m.group("name") for m in TOKENS.finditer(text) if m.group("placeholder")]
