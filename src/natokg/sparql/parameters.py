"""Query parameters: ``$name`` in a query body, replaced by a validated RDF term.

A value given by the user never reaches the query as raw text: :func:`term_for` turns
it into an IRI, a typed literal or a list of IRIs, or refuses it with a QueryError that
names the parameter. Every parameter is used as ``VALUES ?x { $name }`` (lists and empty
values work there: an empty optional parameter becomes ``UNDEF``, "no constraint") or
inside an expression. Parameter types: iri, iris (a list), string, date, year, integer,
decimal, boolean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from natokg.errors import QueryError
from natokg.sparql.values import XSD, display_prefixes

PARAMETER_TYPES = ("iri", "iris", "string", "date", "year", "integer", "decimal", "boolean")


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: str  # "" = optional, no constraint
    description: str = ""

    @property
    def optional(self) -> bool:
        return self.default == ""


_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_PREFIXED = re.compile(r"^([A-Za-z][\w.-]*)?:(.*)$")


def _expand_iri(text: str, name: str) -> str:
    value = text.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    elif not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", value):
        match = _PREFIXED.match(value)
        prefixes = display_prefixes()
        if not match or match.group(1) not in prefixes:
            known = ", ".join(sorted(prefixes))
            raise QueryError(
                f"parameter {name}: {text!r} is not an IRI; give <http://...>, http://... "
                f"or a prefixed name with one of the prefixes {known}"
            )
        value = prefixes[match.group(1)] + match.group(2)
    if not value or _IRI_FORBIDDEN.search(value) or ":" not in value:
        raise QueryError(f"parameter {name}: {text!r} is not a valid IRI (spaces, quotes and <>{{}}|^` are not allowed)")
    return f"<{value}>"


def expand_iri(text: str, name: str = "IRI") -> str:
    """The IRI that ``text`` names (``<...>``, ``http...`` or a prefixed name such as
    ``id:topic/china``), without brackets; QueryError naming ``name`` when it is none."""
    return _expand_iri(text, name)[1:-1]


def _escape_string(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def term_for(parameter: Parameter, value: str) -> str:
    """The SPARQL term(s) for one parameter value (validated; raises QueryError)."""
    name, kind, text = parameter.name, parameter.type, str(value).strip()
    if text == "":
        return "UNDEF"
    try:
        if kind == "iri":
            return _expand_iri(text, name)
        if kind == "iris":
            items = [item for item in re.split(r"[\s,]+", text) if item]
            return " ".join(_expand_iri(item, name) for item in items)
        if kind == "string":
            return _escape_string(str(value))
        if kind == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError
            return f'"{date.fromisoformat(text).isoformat()}"^^<{XSD}date>'
        if kind == "year":
            if not re.fullmatch(r"\d{4}", text):
                raise ValueError
            return f'"{text}"^^<{XSD}gYear>'
        if kind == "integer":
            return str(int(text, 10))
        if kind == "decimal":
            number = Decimal(text)
            if not number.is_finite():
                raise ValueError
            literal = format(number, "f")
            return f'"{literal if "." in literal else literal + ".0"}"^^<{XSD}decimal>'
        if kind == "boolean":
            lowered = text.lower()
            if lowered in ("true", "yes", "1"):
                return "true"
            if lowered in ("false", "no", "0"):
                return "false"
            raise ValueError
    except (ValueError, InvalidOperation):
        pass
    examples = {
        "date": "2026-07-07", "year": "2035", "integer": "2", "decimal": "3.5", "boolean": "true or false",
    }
    hint = f" (e.g. {examples[kind]})" if kind in examples else ""
    raise QueryError(f"parameter {name}: {text!r} is not a valid {kind}{hint}")


__all__ = ["PARAMETER_TYPES", "Parameter", "expand_iri", "term_for"]
