"""The VoID + DCAT description of the built dataset, kept in graph/dataset.

``describe_dataset(store, manifest)`` computes the figures from the store and replaces
graph/dataset, so the description travels with every whole-dataset export. It says:
title, licence (CC BY 4.0, as the ontology header says), version, void:triples,
void:entities, the classes and properties used (void:classPartition /
void:propertyPartition with counts), one void:subset per named graph (each letter's
graph and the shared graphs), and the dumps: a dcat:distribution per export format with
its media type, licence and dcat:downloadURL (the file ``natokg export`` writes in that
format, named as ``DUMP_FILE_NAMES`` says, under the download base: ``downloads`` when
a server publishes them, else ``id:dataset/``, where the dataset itself is named). Where the dataset is served, the
endpoint (``endpoint``, else ``NATOKG_SPARQL_ENDPOINT``) is the dataset's
void:sparqlEndpoint and each distribution's dcat:accessURL.

Determinism: no wall-clock time. dcterms:modified is the latest letter date, and the
partition and distribution nodes get minted IRIs (no blank nodes).

Counting: ``void:triples`` of the dataset is the number of quads in the store
*including* the description itself (so it equals ``len(store)`` after the build);
a subset's ``void:triples`` is the number of triples in that named graph.
"""

from __future__ import annotations

import os
import re
from array import array
from collections import Counter
from dataclasses import dataclass, field
from hashlib import blake2b
from typing import Iterable

import pyoxigraph as ox

from natokg.version import __version__
from natokg.identifiers import DATASET, DATASET_GRAPH, dataset_partition_iri, distribution_iri, dump_iri, letter_iri
from natokg.namespaces import PREFIXES, content_hash, data_base
from natokg.rdf.formats import FORMAT_TABLE, MEDIA_TYPES

SPARQL_ENDPOINT_ENV = "NATOKG_SPARQL_ENDPOINT"
# the file each export format is published as: ``natokg export --format nquads -o natokg.nq``
DUMP_FILE_NAMES = {name: f"natokg{serialisation.suffix}" for name, serialisation in FORMAT_TABLE.items()}
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = PREFIXES["xsd"]
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"


def _node(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_node(XSD + "integer"))


def _partition_name(term: str) -> str:
    """A readable, stable local name for a class or property: 'nkg-Letter'."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if term.startswith(namespace):
            local = term[len(namespace):]
            if local and re.fullmatch(r"[A-Za-z0-9_.-]+", local):
                return f"{prefix}-{local}"
    return f"h-{content_hash(term)}"


def _rows(store: ox.Store, query: str) -> list[tuple]:
    return [tuple(solution[i] for i in range(len(solution))) for solution in store.query(query)]


_RDF_TYPE = f"<{RDF}type>"


def _digest(term: str) -> int:
    # 64 bits, like the IRIs' content hashes: a collision among the ~1M subjects of
    # 10,000 letters has a chance of ~3e-8, and would lower a count by one
    return int.from_bytes(blake2b(term.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass
class GraphStatistics:
    """Counts over some named graphs, mergeable: the build's workers count each letter's
    graph and the parent adds them up, instead of reading every graph again at the end
    (14 s of a 10,000-letter build's single-threaded tail). Subjects are kept as 64-bit
    digests (8 bytes each) so that distinct counts over many graphs stay exact, bar a
    digest collision, in a few MB."""

    graphs: dict[str, int] = field(default_factory=dict)  # graph IRI -> triples
    properties: Counter = field(default_factory=Counter)  # predicate IRI -> triples
    subjects: array = field(default_factory=lambda: array("Q"))  # data-namespace subjects
    members: dict[str, array] = field(default_factory=dict)  # class IRI -> typed subjects

    def add(self, other: GraphStatistics) -> None:
        self.graphs.update(other.graphs)
        self.properties.update(other.properties)
        self.subjects.extend(other.subjects)
        for cls, digests in other.members.items():
            self.members.setdefault(cls, array("Q")).extend(digests)

    def summary(self) -> dict:
        """What ``dataset_statistics`` returns (an empty graph is no subset)."""
        return {
            "graphs": {g: n for g, n in self.graphs.items() if n},
            "classes": {c: len(set(d)) for c, d in self.members.items()},
            "properties": dict(self.properties),
            "entities": len(set(self.subjects)),
        }


def graph_statistics(graph: str, lines: Iterable[str]) -> GraphStatistics:
    """One graph's counts from its N-Triples lines as pyoxigraph writes them
    (``<s> <p> object .``, the form of the build's graph files)."""
    base = "<" + data_base()
    stats = GraphStatistics()
    subjects: set[str] = set()
    typed: dict[str, set[str]] = {}
    triples = 0
    properties = stats.properties
    for line in lines:
        subject, predicate, rest = line.split(" ", 2)
        triples += 1
        properties[predicate[1:-1]] += 1
        subjects.add(subject)
        if predicate == _RDF_TYPE and rest[:1] == "<":
            typed.setdefault(rest[1 : rest.index(">")], set()).add(subject)
    stats.graphs[graph] = triples
    stats.subjects = array("Q", sorted(_digest(s) for s in subjects if s.startswith(base)))
    stats.members = {cls: array("Q", sorted(map(_digest, found))) for cls, found in typed.items()}
    return stats


def statistics_from_texts(texts, known: GraphStatistics | None = None) -> dict:
    """``dataset_statistics`` read from each graph's N-Triples (natokg.store.export.GraphTexts:
    letter graphs from the build's files) instead of SPARQL over the store: at 10,000
    letters the distinct-subject count alone took 25 s in SPARQL. ``known`` holds the
    counts of graphs already counted (the build's new letters); those are not read."""
    total = GraphStatistics()
    graphs = texts.graphs()
    if known is not None:
        present = {graph.value for graph in graphs}
        missing = sorted(g for g, n in known.graphs.items() if n and g not in present)
        if missing:  # a bug in the caller: its counts would describe graphs not stored
            raise ValueError(f"counted graph {missing[0]} is not in the store")
        total.add(known)
    for graph in graphs:
        if graph.value == DATASET_GRAPH or graph.value in total.graphs:
            continue
        data = texts.ntriples(graph).decode("utf-8")
        total.add(graph_statistics(graph.value, filter(None, data.split("\n"))))
    return total.summary()


def dataset_statistics(store: ox.Store) -> dict:
    """Counts over every named graph except graph/dataset itself."""
    exclude = f"FILTER(?g != <{DATASET_GRAPH}>)"
    graphs = {
        g.value: int(n.value)
        for g, n in _rows(
            store,
            f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {exclude} }} GROUP BY ?g",
        )
    }
    classes = {
        c.value: int(n.value)
        for c, n in _rows(
            store,
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } "
            f"{exclude} FILTER(isIRI(?c)) }} GROUP BY ?c",
        )
    }
    properties = {
        p.value: int(n.value)
        for p, n in _rows(
            store,
            f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {exclude} }} GROUP BY ?p",
        )
    }
    base = data_base().replace("\\", "\\\\").replace('"', '\\"')
    (entities,) = _rows(
        store,
        f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {exclude} "
        f'FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{base}")) }}',
    )[0]
    return {"graphs": graphs, "classes": classes, "properties": properties, "entities": int(entities.value)}


def download_url(fmt: str, downloads: str | None = None) -> str:
    """Where the dump in ``fmt`` is published (see the module doc)."""
    name = DUMP_FILE_NAMES[fmt]
    return f"{downloads.rstrip('/')}/{name}" if downloads else dump_iri(name)


def description_triples(
    store: ox.Store, manifest=None, texts=None, known=None, *, endpoint: str | None = None, downloads: str | None = None,
) -> list[ox.Triple]:
    """The description as triples (void:triples of the dataset counts them too).

    ``endpoint``: the SPARQL endpoint the dataset is served at (default:
    NATOKG_SPARQL_ENDPOINT, if set); ``downloads``: the base URL of the dumps.
    ``texts`` (natokg.store.export.GraphTexts) reads the figures from the graphs' N-Triples,
    but for the graphs ``known`` (GraphStatistics) has counted already; without
    ``texts`` they come from SPARQL over ``store`` (the same figures, slower)."""
    stats = statistics_from_texts(texts, known) if texts is not None else dataset_statistics(store)
    dataset = _node(DATASET)
    triples: list[ox.Triple] = []

    def add(subject, predicate: str, obj) -> None:
        triples.append(ox.Triple(subject, _node(predicate), obj))

    add(dataset, RDF + "type", _node(VOID + "Dataset"))
    add(dataset, RDF + "type", _node(DCAT + "Dataset"))
    add(dataset, DCTERMS + "title", ox.Literal("natokg: Dutch government letters to parliament about NATO meetings", language="en"))
    add(dataset, DCTERMS + "title", ox.Literal("natokg: Kamerbrieven over NAVO-bijeenkomsten", language="nl"))
    add(
        dataset,
        DCTERMS + "description",
        ox.Literal(
            "Meetings, participants, commitments and positions extracted from annotated agendas "
            "and reports the Dutch government sent to parliament about NATO meetings, with "
            "evidence offsets into each letter.",
            language="en",
        ),
    )
    add(dataset, DCTERMS + "license", _node(LICENSE))
    add(dataset, DCAT + "version", ox.Literal(__version__))
    add(dataset, VOID + "uriSpace", ox.Literal(data_base()))
    add(dataset, VOID + "uriRegexPattern", ox.Literal("^" + re.escape(data_base())))
    dates = sorted(e.date for e in (manifest.letters.values() if manifest else ()) if e.date)
    if dates:
        add(dataset, DCTERMS + "modified", ox.Literal(dates[-1], datatype=_node(XSD + "date")))
    if endpoint is None:
        endpoint = os.environ.get(SPARQL_ENDPOINT_ENV)
    if endpoint:
        add(dataset, VOID + "sparqlEndpoint", _node(endpoint))
    for prefix in ("nkg", "dcterms", "prov", "oa", "skos", "foaf", "void", "dcat"):
        add(dataset, VOID + "vocabulary", _node(PREFIXES[prefix]))
    add(dataset, VOID + "entities", _integer(stats["entities"]))
    add(dataset, VOID + "classes", _integer(len(stats["classes"])))
    add(dataset, VOID + "properties", _integer(len(stats["properties"])))

    triples += _partitions(dataset, stats, manifest)
    triples += _distributions(dataset, endpoint, downloads)

    # everything outside graph/dataset (named graphs and any default-graph triples), plus
    # the new description, plus the void:triples triple added below
    outside = len(store) - sum(1 for _ in store.quads_for_pattern(None, None, None, _node(DATASET_GRAPH)))
    total = outside + len(triples) + 1
    add(dataset, VOID + "triples", _integer(total))
    return triples


def _partitions(dataset: ox.NamedNode, stats: dict, manifest) -> list[ox.Triple]:
    """The class and property partitions and the per-graph subsets of the dataset."""
    triples: list[ox.Triple] = []

    def add(subject, predicate: str, obj) -> None:
        triples.append(ox.Triple(subject, _node(predicate), obj))

    for cls, count in sorted(stats["classes"].items()):
        node = _node(dataset_partition_iri("class", _partition_name(cls)))
        add(dataset, VOID + "classPartition", node)
        add(node, VOID + "class", _node(cls))
        add(node, VOID + "entities", _integer(count))
    for prop, count in sorted(stats["properties"].items()):
        node = _node(dataset_partition_iri("property", _partition_name(prop)))
        add(dataset, VOID + "propertyPartition", node)
        add(node, VOID + "property", _node(prop))
        add(node, VOID + "triples", _integer(count))
    letters = {entry.graph: entry.key for entry in (manifest.letters.values() if manifest else ())}
    for graph, count in sorted(stats["graphs"].items()):
        node = _node(graph)
        add(dataset, VOID + "subset", node)
        add(node, RDF + "type", _node(VOID + "Dataset"))
        add(node, VOID + "triples", _integer(count))
        if graph in letters:
            add(node, DCTERMS + "source", _node(str(letter_iri(letters[graph]))))
    return triples


def _distributions(dataset: ox.NamedNode, endpoint: str | None, downloads: str | None) -> list[ox.Triple]:
    """One dcat:Distribution per export format (natokg.rdf.formats): a dump to download."""
    triples: list[ox.Triple] = []

    def add(subject, predicate: str, obj) -> None:
        triples.append(ox.Triple(subject, _node(predicate), obj))

    for fmt, serialisation in FORMAT_TABLE.items():
        node = _node(distribution_iri(fmt))
        add(dataset, DCAT + "distribution", node)
        add(node, RDF + "type", _node(DCAT + "Distribution"))
        add(node, DCTERMS + "title", ox.Literal(serialisation.title, language="en"))
        add(node, DCAT + "mediaType", _node(f"https://www.iana.org/assignments/media-types/{serialisation.media_type}"))
        add(node, DCTERMS + "license", _node(LICENSE))
        add(node, DCAT + "downloadURL", _node(download_url(fmt, downloads)))
        if endpoint:
            add(node, DCAT + "accessURL", _node(endpoint))
    return triples


def describe_dataset(
    store: ox.Store, manifest=None, texts=None, known=None, *, endpoint: str | None = None, downloads: str | None = None,
) -> int:
    """Replace graph/dataset with the description of the store; returns its triple count."""
    from natokg.store.layout import replace_graph

    triples = description_triples(store, manifest, texts, known, endpoint=endpoint, downloads=downloads)
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    replace_graph(store, DATASET_GRAPH, text)
    return len(triples)


__all__ = [
    "DATASET",
    "DUMP_FILE_NAMES",
    "DATASET_GRAPH",
    "GraphStatistics",
    "MEDIA_TYPES",
    "dataset_statistics",
    "describe_dataset",
    "description_triples",
    "download_url",
    "graph_statistics",
    "statistics_from_texts",
]
