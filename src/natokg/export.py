"""Export the store: Turtle, N-Triples, N-Quads, TriG, JSON-LD.

- ``nquads`` and ``trig`` keep the named graphs (one per letter + the shared graphs,
  including graph/dataset, the VoID/DCAT description);
- ``turtle``, ``nt`` and ``jsonld`` write the union of the graphs (duplicates merged),
  or one graph with ``graph=`` (a letter key such as ``bz2628703``, a shared graph name
  such as ``reference``, or a full graph IRI);
- line formats are sorted, so the same store always gives the same bytes; Turtle and
  TriG are written from sorted input (subjects grouped, graphs in IRI order);
- JSON-LD is compacted with ontology/context.jsonld, embedded in the output so that
  reading it back needs no network access.

pyoxigraph does the bulk parsing and serialising; rdflib only compacts JSON-LD.
"""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from natokg.errors import BadInputError
from natokg.mapping import jsonld_context
from natokg.namespaces import PREFIXES, iri

FORMATS = ("turtle", "nt", "nquads", "trig", "jsonld")
OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}


def resolve_graph(store: ox.Store, graph: str) -> ox.NamedNode:
    """A letter key ("bz2628703"), shared graph name ("reference") or graph IRI -> the graph."""
    name = graph if graph.startswith(("http://", "https://", "urn:")) else str(iri("graph", graph))
    node = ox.NamedNode(name)
    if not store.contains_named_graph(node):
        raise BadInputError(
            f"no graph {graph!r} in the store; use a letter key such as bz2628703 "
            "(see `natokg query` or the dataset description in graph/dataset)"
        )
    return node


def sorted_lines(data: bytes) -> bytes:
    """Sort and de-duplicate the lines of an N-Triples / N-Quads document."""
    lines = set(data.split(b"\n"))
    lines.discard(b"")
    return b"".join(line + b"\n" for line in sorted(lines))


def _union_ntriples(store: ox.Store) -> bytes:
    """Every triple of every graph once, sorted (the graph names dropped)."""
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
    return sorted_lines(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))


def ntriples(store: ox.Store, graph: ox.NamedNode | None = None) -> bytes:
    if graph is None:
        return _union_ntriples(store)
    return sorted_lines(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph))


def nquads(store: ox.Store, graph: ox.NamedNode | None = None) -> bytes:
    if graph is None:
        return sorted_lines(store.dump(format=ox.RdfFormat.N_QUADS))
    quads = store.quads_for_pattern(None, None, None, graph)
    return sorted_lines(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))


def _trig(store: ox.Store, graph: ox.NamedNode | None) -> bytes:
    data = nquads(store, graph)
    quads = list(ox.parse(data, ox.RdfFormat.N_QUADS))
    # grouped by graph (IRI order), then the sorted N-Quads order within each graph
    quads.sort(key=lambda q: str(q.graph_name.value) if not isinstance(q.graph_name, ox.DefaultGraph) else "")
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES))


def _turtle(store: ox.Store, graph: ox.NamedNode | None) -> bytes:
    triples = ox.parse(ntriples(store, graph), ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES))


def _jsonld(store: ox.Store, graph: ox.NamedNode | None) -> bytes:
    from rdflib import Dataset, Graph

    if graph is not None:
        data = Graph().parse(data=ntriples(store, graph).decode("utf-8"), format="nt")
    else:
        data = Dataset()
        data.parse(data=nquads(store).decode("utf-8"), format="nquads")
    text = data.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, indent=1, sort_keys=True)
    return text.encode("utf-8") if isinstance(text, str) else text


def export(store: ox.Store, fmt: str, *, graph: str | None = None, out: BinaryIO) -> None:
    """Write the whole dataset, or one graph, to ``out`` in ``fmt``."""
    if fmt not in FORMATS:
        raise BadInputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    node = resolve_graph(store, graph) if graph else None
    if fmt == "nquads":
        out.write(nquads(store, node))
    elif fmt == "nt":
        out.write(ntriples(store, node))
    elif fmt == "turtle":
        out.write(_turtle(store, node))
    elif fmt == "trig":
        out.write(_trig(store, node))
    else:
        out.write(_jsonld(store, node))


__all__ = ["FORMATS", "export", "jsonld_context", "nquads", "ntriples", "resolve_graph", "sorted_lines"]
