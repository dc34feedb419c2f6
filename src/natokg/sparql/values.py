"""The Python values of query results: one conversion for every engine.

pyoxigraph terms (the embedded store), SPARQL 1.1 JSON bindings (an endpoint's SELECT)
and rdflib terms (an endpoint's CONSTRUCT) become the same values: IRIs as :class:`IRI`
(a ``str``), numbers as int/Decimal/float, dates as ``datetime.date``, booleans as bool,
language-tagged text as :class:`LangString`; a malformed lexical form stays its text.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from natokg.namespaces import PREFIXES, data_base

XSD = PREFIXES["xsd"]
RDF_LANG_STRING = PREFIXES["rdf"] + "langString"


class IRI(str):
    """An IRI in a result row: a plain ``str`` that formatters can show as a prefixed name."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"IRI({str.__repr__(self)})"


class LangString(str):
    """Text with a language tag: compares and prints as its text; ``.lang`` keeps the tag."""

    lang: str

    def __new__(cls, text: str, lang: str) -> "LangString":
        value = super().__new__(cls, text)
        value.lang = lang
        return value

    def __reduce__(self):
        # rows cross from the query worker as a pickle; str's default would drop the tag
        return (LangString, (str(self), self.lang))


_INTEGER_TYPES = {
    XSD + name
    for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
        "unsignedShort", "unsignedByte",
    )
}


def literal_value(value: str, datatype: str | None = None, lang: str | None = None) -> Any:
    """A literal's Python value; a malformed lexical form stays its text."""
    if lang:
        return LangString(value, lang)
    try:
        if datatype in _INTEGER_TYPES:
            return int(value)
        if datatype == XSD + "decimal":
            return Decimal(value)
        if datatype in (XSD + "double", XSD + "float"):
            return float(value)
        if datatype == XSD + "boolean":
            return value.strip() in ("true", "1")
        if datatype == XSD + "date":
            return date.fromisoformat(value[:10])
        if datatype == XSD + "dateTime":
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        if datatype == XSD + "gYear":
            return int(value[:5] if value.startswith("-") else value[:4])
    except (ValueError, InvalidOperation):
        return value
    return value


class Term(NamedTuple):
    """A result term kept as RDF (for re-serialising results, as the SPARQL server does):
    ``kind`` is 'uri', 'literal', 'bnode' or 'triple' (the SPARQL 1.1 JSON names)."""

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None


def oxigraph_term(term) -> Term | None:
    """A pyoxigraph term (or None for unbound) as a :class:`Term`."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        return Term("literal", term.value, term.datatype.value, term.language)
    return Term("triple", str(term))


# Every engine's term becomes a Term first, and a Term becomes its Python value in one
# place (term_value): the engines differ only in how they name the parts of a term.


def oxigraph_value(term) -> Any:
    """A pyoxigraph term (or None for unbound) as a Python value."""
    return term_value(oxigraph_term(term))


def json_binding_value(binding: dict | None) -> Any:
    """A value of the SPARQL 1.1 JSON results format as a Python value."""
    return term_value(json_binding_term(binding))


def rdflib_value(term) -> Any:
    """An rdflib term (a CONSTRUCT answer from an endpoint) as a Python value."""
    return term_value(rdflib_term(term))


def term_value(term: Term | None) -> Any:
    """A :class:`Term` as the Python value the other conversions give."""
    if term is None:
        return None
    if term.kind == "uri":
        return IRI(term.value)
    if term.kind == "bnode":
        return f"_:{term.value}"
    if term.kind == "literal":
        return literal_value(term.value, term.datatype, term.lang)
    return term.value


def json_binding_term(binding: dict | None) -> Term | None:
    """A value of the SPARQL 1.1 JSON results format as a :class:`Term`."""
    if binding is None:
        return None
    kind = binding.get("type")
    if kind == "typed-literal":  # the SPARQL 1.0 name some servers still send
        kind = "literal"
    if kind != "literal":
        return Term(kind, binding["value"])
    lang = binding.get("xml:lang")
    datatype = binding.get("datatype") or (RDF_LANG_STRING if lang else XSD + "string")
    return Term("literal", binding["value"], datatype, lang)


def rdflib_term(term) -> Term:
    """An rdflib term (a CONSTRUCT answer from an endpoint) as a :class:`Term`."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return Term("uri", str(term))
    if isinstance(term, BNode):
        return Term("bnode", str(term))
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype else (RDF_LANG_STRING if term.language else XSD + "string")
        return Term("literal", str(term), datatype, term.language)
    return Term("triple", str(term))


def prefixed(iri: str, prefixes: dict[str, str] | None = None) -> str:
    """``https://w3id.org/natokg/id/state/nl`` -> ``id:state/nl`` (longest namespace wins)."""
    best = None
    for prefix, namespace in (prefixes or display_prefixes()).items():
        if iri.startswith(namespace) and (best is None or len(namespace) > len(best[1])):
            best = (prefix, namespace)
    return f"{best[0]}:{iri[len(best[1]):]}" if best else iri


def display_prefixes() -> dict[str, str]:
    return {**PREFIXES, "id": data_base()}
