"""Query results written out in the SPARQL 1.1 result formats and RDF formats.

Rows arrive as natokg.sparql.values.Term records from the query worker; solutions are
written as SPARQL 1.1 JSON, XML, CSV or TSV, triples (CONSTRUCT, DESCRIBE, a resource's
description) as Turtle, N-Triples or JSON-LD compacted with ontology/context.jsonld.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable
from json.encoder import encode_basestring as _json_string
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from natokg.namespaces import PREFIXES, data_base
from natokg.sparql.values import Term

XSD_STRING = PREFIXES["xsd"] + "string"
RDF_LANG_STRING = PREFIXES["rdf"] + "langString"
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def _json_term(term: Term) -> str:
    # written by hand from encoded strings: json.dumps of a dict per term cost more
    # than the query itself on large results
    value = _json_string(term.value)
    if term.kind != "literal":
        return f'{{"type":"{term.kind}","value":{value}}}'
    if term.lang:
        return f'{{"type":"literal","value":{value},"xml:lang":{_json_string(term.lang)}}}'
    if term.datatype and term.datatype != XSD_STRING:
        return f'{{"type":"literal","value":{value},"datatype":{_json_string(term.datatype)}}}'
    return f'{{"type":"literal","value":{value}}}'


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _json_head(columns: list[str]) -> str:
    return '{"head":{"vars":' + _json(columns) + '},"results":{"bindings":['


def _json_binding(name: str, text: str) -> str:
    return f"{_json_string(name)}:{text}"


def _json_row(bindings: list[str]) -> str:
    return "{" + ",".join(filter(None, bindings)) + "}"


# XML 1.0 cannot hold these characters at all, even as references: they are written as
# U+FFFD (the JSON, CSV and TSV results keep them); a CR is a reference, or XML readers
# would read it as a line feed
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", escape(text, {"\r": "&#13;"}))


def _xml_term(term: Term) -> str:
    value = _xml_text(term.value)
    if term.kind == "uri":
        return f"<uri>{value}</uri>"
    if term.kind == "bnode":
        return f"<bnode>{value}</bnode>"
    if term.kind == "triple":
        return f"<literal>{value}</literal>"
    if term.lang:
        return f"<literal xml:lang={quoteattr(term.lang)}>{value}</literal>"
    if term.datatype and term.datatype != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype)}>{value}</literal>"
    return f"<literal>{value}</literal>"


def _xml_head(columns: list[str]) -> str:
    variables = "".join(f"\n<variable name={quoteattr(name)}/>" for name in columns)
    return f'<?xml version="1.0"?>\n<sparql xmlns="{SPARQL_RESULTS_NS}">\n<head>{variables}\n</head>\n<results>\n'


def _xml_binding(name: str, text: str) -> str:
    return f"<binding name={quoteattr(name)}>{text}</binding>\n"


def _xml_row(bindings: list[str]) -> str:
    return "<result>\n" + "".join(bindings) + "</result>\n"


def _csv_field(text: str) -> str:
    # quoted as Python's csv module does (QUOTE_MINIMAL): when it holds a separator,
    # a quote or a line break
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_term(term: Term) -> str:
    return _csv_field(f"_:{term.value}" if term.kind == "bnode" else term.value)


def _csv_row(fields: list[str]) -> str:
    line = ",".join(fields)
    # one empty field is written quoted, or the row would be a blank line readers skip
    return (line if line or len(fields) != 1 else '""') + "\r\n"


def _tsv_term(term: Term) -> str:
    if term.kind in ("uri", "bnode"):
        return f"<{term.value}>" if term.kind == "uri" else f"_:{term.value}"
    return str(to_oxigraph(term))


def _tsv_row(fields: list[str]) -> str:
    return "\t".join(fields) + "\n"


def _field(name: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class _ResultFormat:
    """How one SPARQL result format writes a head, a term, a bound variable, a row (of
    bound variables, "" where unbound) and an ASK answer."""

    head: Callable[[list[str]], str]
    term: Callable[[Term], str]
    binding: Callable[[str, str], str]  # (variable, term's text)
    row: Callable[[list[str]], str]
    separator: str  # between rows
    tail: str
    boolean: Callable[[bool], str]


def _true(value: bool) -> str:
    return "true" if value else "false"


RESULT_FORMATS = {
    "application/sparql-results+json": _ResultFormat(
        _json_head, _json_term, _json_binding, _json_row, ",", "]}}",
        lambda value: _json({"head": {}, "boolean": bool(value)}),
    ),
    "application/sparql-results+xml": _ResultFormat(
        _xml_head, _xml_term, _xml_binding, _xml_row, "", "</results>\n</sparql>",
        lambda value: (f'<?xml version="1.0"?>\n<sparql xmlns="{SPARQL_RESULTS_NS}">\n<head>\n</head>\n'
                       f"<boolean>{_true(value)}</boolean>\n</sparql>"),
    ),
    "text/csv": _ResultFormat(
        lambda columns: ",".join(_csv_field(c) for c in columns) + "\r\n", _csv_term, _field, _csv_row, "", "",
        lambda value: f"result\r\n{_true(value)}\r\n",
    ),
    "text/tab-separated-values": _ResultFormat(
        lambda columns: "\t".join(f"?{name}" for name in columns) + "\n", _tsv_term, _field, _tsv_row, "", "",
        lambda value: f"?result\n{_true(value)}\n",
    ),
}


class _WrittenTerms(dict):
    """One column's terms as written: each distinct term written on first use (unbound: "")."""

    def __init__(self, column: str, form: "_ResultFormat", to_term: Callable[[Any], Term]) -> None:
        super().__init__({None: ""})
        self.column, self.form, self.to_term = column, form, to_term

    def __missing__(self, term) -> str:
        written = self[term] = self.form.binding(self.column, self.form.term(self.to_term(term)))
        return written


class SolutionsWriter:
    """Writes solutions in one SPARQL result format. Each distinct term of a column is
    written once: results repeat their meetings, actors and letters row after row."""

    def __init__(self, media_type: str, columns: list[str]) -> None:
        self.format = RESULT_FORMATS[media_type]
        self.columns = columns
        self.rows: list[str] = []

    def write(
        self, solutions: Iterable, to_term: Callable[[Any], Term], max_rows: int | None, every_1024_rows: Callable[[], None]
    ) -> bool:
        """Add ``solutions`` (rows of terms in column order, None where unbound), each
        term made a natokg.sparql.values.Term by ``to_term``; False as soon as there are
        more than ``max_rows`` rows (None: no cap). ``every_1024_rows`` runs between rows
        (the caller's deadline)."""
        form, rows = self.format, self.rows
        row_text = form.row
        columns = [_WrittenTerms(column, form, to_term) for column in self.columns]
        cap = -1 if max_rows is None else max_rows
        for solution in solutions:
            rows.append(row_text([written[term] for written, term in zip(columns, solution)]))
            count = len(rows)
            if count == cap + 1:
                return False
            if not count & 1023:
                every_1024_rows()
        return True

    def to_bytes(self) -> bytes:
        text = self.format.head(self.columns) + self.format.separator.join(self.rows) + self.format.tail
        return text.encode("utf-8")


def write_results(media_type: str, kind: str, columns: list[str], rows: list) -> bytes:
    """Rows of natokg.sparql.values.Term (None where unbound) in a SPARQL result format;
    ``kind`` 'boolean' writes the one value of an ASK."""
    form = RESULT_FORMATS[media_type]
    if kind == "boolean":
        return form.boolean(bool(rows[0][0])).encode("utf-8")
    writer = SolutionsWriter(media_type, columns)
    writer.write(rows, _same, None, _nothing)
    return writer.to_bytes()


def _same(term: Term) -> Term:
    return term


def _nothing() -> None:
    pass


def to_oxigraph(term: Term):
    """A Term as a pyoxigraph term."""
    if term.kind == "uri":
        return ox.NamedNode(term.value)
    if term.kind == "bnode":
        return ox.BlankNode(term.value)
    if term.lang:
        return ox.Literal(term.value, language=term.lang)
    datatype = term.datatype if term.datatype not in (None, RDF_LANG_STRING) else XSD_STRING
    return ox.Literal(term.value, datatype=ox.NamedNode(datatype))


def triples_of(rows: list) -> list[ox.Triple]:
    """(subject, predicate, object) Term rows as pyoxigraph triples (quoted triples skipped)."""
    return [
        ox.Triple(*(to_oxigraph(term) for term in row))
        for row in rows
        if all(term is not None and term.kind != "triple" for term in row)
    ]


def graph_bytes(triples: list[ox.Triple], media_type: str) -> bytes:
    """Triples as Turtle, N-Triples or JSON-LD (compacted with the project's context)."""
    if media_type == "application/ld+json":
        return _jsonld(triples)
    prefixes = {**PREFIXES, "id": data_base()}
    if media_type == "text/turtle":
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES)


def _jsonld(triples: list[ox.Triple]) -> bytes:
    from rdflib import Graph

    from natokg.rdf.jsonld import jsonld_bytes

    return jsonld_bytes(Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt"))


__all__ = ["RESULT_FORMATS", "SolutionsWriter", "graph_bytes", "to_oxigraph", "triples_of", "write_results"]
