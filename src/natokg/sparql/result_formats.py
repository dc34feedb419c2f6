"""Query results written out in the SPARQL 1.1 result formats and RDF formats.

Rows arrive as natokg.sparql.values.Term records from the query worker; solutions are
written as SPARQL 1.1 JSON, XML, CSV or TSV, triples (CONSTRUCT, DESCRIBE, a resource's
description) as Turtle, N-Triples or JSON-LD compacted with ontology/context.jsonld.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from natokg.namespaces import PREFIXES, data_base
from natokg.sparql.values import Term

XSD_STRING = PREFIXES["xsd"] + "string"
RDF_LANG_STRING = PREFIXES["rdf"] + "langString"
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def _json_term(term: Term) -> dict:
    if term.kind == "literal":
        binding = {"type": "literal", "value": term.value}
        if term.lang:
            binding["xml:lang"] = term.lang
        elif term.datatype and term.datatype != XSD_STRING:
            binding["datatype"] = term.datatype
        return binding
    return {"type": term.kind, "value": term.value}


def results_json(kind: str, columns: list[str], rows: list) -> bytes:
    if kind == "boolean":
        return json.dumps({"head": {}, "boolean": bool(rows[0][0])}).encode("utf-8")
    bindings = [
        {name: _json_term(term) for name, term in zip(columns, row) if term is not None} for row in rows
    ]
    return json.dumps({"head": {"vars": columns}, "results": {"bindings": bindings}}, ensure_ascii=False).encode("utf-8")


def _xml_term(term: Term) -> str:
    if term.kind == "uri":
        return f"<uri>{escape(term.value)}</uri>"
    if term.kind == "bnode":
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.kind == "triple":
        return f"<literal>{escape(term.value)}</literal>"
    if term.lang:
        return f"<literal xml:lang={quoteattr(term.lang)}>{escape(term.value)}</literal>"
    if term.datatype and term.datatype != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def results_xml(kind: str, columns: list[str], rows: list) -> bytes:
    out = ['<?xml version="1.0"?>', f'<sparql xmlns="{SPARQL_RESULTS_NS}">', "<head>"]
    if kind == "boolean":
        out += ["</head>", f"<boolean>{'true' if rows[0][0] else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out).encode("utf-8")
    out += [f"<variable name={quoteattr(name)}/>" for name in columns]
    out += ["</head>", "<results>"]
    for row in rows:
        out.append("<result>")
        out += [
            f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>"
            for name, term in zip(columns, row)
            if term is not None
        ]
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out).encode("utf-8")


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    return f"_:{term.value}" if term.kind == "bnode" else term.value


def results_csv(kind: str, columns: list[str], rows: list) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if kind == "boolean":
        writer.writerow(["result"])
        writer.writerow(["true" if rows[0][0] else "false"])
    else:
        writer.writerow(columns)
        writer.writerows([_csv_value(term) for term in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _tsv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if term.kind in ("uri", "bnode"):
        return f"<{term.value}>" if term.kind == "uri" else f"_:{term.value}"
    return str(to_oxigraph(term))


def results_tsv(kind: str, columns: list[str], rows: list) -> bytes:
    if kind == "boolean":
        return f"?result\n{'true' if rows[0][0] else 'false'}\n".encode("utf-8")
    lines = ["\t".join(f"?{name}" for name in columns)]
    lines += ["\t".join(_tsv_value(term) for term in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


RESULT_WRITERS = {
    "application/sparql-results+json": results_json,
    "application/sparql-results+xml": results_xml,
    "text/csv": results_csv,
    "text/tab-separated-values": results_tsv,
}


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

    from natokg.store.export import jsonld_context

    graph = Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    text = graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, indent=1, sort_keys=True)
    return text.encode("utf-8") if isinstance(text, str) else text


__all__ = ["RESULT_WRITERS", "graph_bytes", "results_csv", "results_json", "results_tsv", "results_xml", "to_oxigraph", "triples_of"]
