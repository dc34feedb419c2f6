"""Tests for natokg.store.export: every format parses back to the same triples; determinism."""

from __future__ import annotations

import io
import json
import socket

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from natokg.errors import BadInputError
from natokg.rdf.formats import SERIALISATION_FORMATS
from natokg.rdf.jsonld import jsonld_context
from natokg.store.export import export, ntriples
from natokg.store.layout import count_triples, open_store
from support.fake_corpus import fake_build, letter_graph, write_fake_corpus
from support.jsonld_layout import assert_written_by_the_one_writer

RDFLIB_FORMATS = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    base = tmp_path_factory.mktemp("export")
    corpus = write_fake_corpus(base / "letters", 3)
    fake_build(corpus, base / "store")
    store = open_store(base / "store", read_only=True)
    yield store
    del store


def exported(store, fmt, graph=None) -> bytes:
    out = io.BytesIO()
    export(store, fmt, graph=graph, out=out)
    return out.getvalue()


def distinct_triples(store) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    return int(next(iter(store.query(query)))["n"].value)


@pytest.mark.parametrize("fmt", SERIALISATION_FORMATS)
def test_whole_dataset_parses_back_to_the_same_count(store, fmt):
    data = exported(store, fmt)
    if fmt in ("nquads", "trig", "jsonld"):
        parsed = Dataset()
        parsed.parse(data=data.decode("utf-8"), format=RDFLIB_FORMATS[fmt])
        assert len(list(parsed.quads((None, None, None, None)))) == len(store)
    else:  # the union of the graphs: a triple in two graphs is written once
        parsed = Graph().parse(data=data.decode("utf-8"), format=RDFLIB_FORMATS[fmt])
        assert len(parsed) == distinct_triples(store)


def parsed_quads(data: bytes, fmt: str) -> set[tuple]:
    parsed = Dataset()
    parsed.parse(data=data.decode("utf-8"), format=RDFLIB_FORMATS[fmt])
    return {(s, p, o, str(g)) for s, p, o, g in parsed.quads((None, None, None, None))}


@pytest.mark.parametrize("fmt", SERIALISATION_FORMATS)
def test_one_letter_graph_by_key_parses_back_to_that_graph_and_its_context(store, fmt):
    quads = parsed_quads(exported(store, fmt, graph="fk00001"), fmt)
    letter = Graph().parse(data=ntriples(store, ox.NamedNode(letter_graph(1))).decode("utf-8"), format="nt")
    assert len(letter) == count_triples(store, letter_graph(1)) > 10
    assert set(letter) < {(s, p, o) for s, p, o, _ in quads}  # and the context
    if fmt in ("nquads", "trig", "jsonld"):  # the context keeps the names of the graphs it comes from
        assert {(s, p, o) for s, p, o, g in quads if g == letter_graph(1)} == set(letter)
        others = {g.rsplit("/", 1)[1] for *_, g in quads} - {"fk00001"}
        assert "entities" in others and not any(g.startswith("fk") for g in others)


def test_graph_can_be_named_by_iri_and_unknown_graphs_are_refused(store):
    assert exported(store, "nt", graph=letter_graph(2)) == exported(store, "nt", graph="fk00002")
    with pytest.raises(BadInputError, match="no graph 'bz0000000' in the store"):
        exported(store, "nt", graph="bz0000000")
    with pytest.raises(BadInputError, match="unknown format 'rdfxml'"):
        exported(store, "rdfxml")


def test_line_formats_are_sorted_and_nquads_keep_graph_names(store):
    lines = exported(store, "nt").decode("utf-8").splitlines()
    assert lines == sorted(set(lines))
    # N-Quads: graph by graph in IRI order, each graph's lines sorted
    blocks: dict[str, list[str]] = {}
    order = []
    for line in exported(store, "nquads").decode("utf-8").splitlines():
        graph = line.rsplit(" ", 2)[-2]
        if graph not in blocks:
            order.append(graph)
        blocks.setdefault(graph, []).append(line)
    assert order == sorted(order) and len(order) > 3
    assert all(block == sorted(set(block)) for block in blocks.values())
    assert [line for g in order for line in blocks[g]] == exported(store, "nquads").decode("utf-8").splitlines()
    quads = exported(store, "nquads", graph="fk00000").decode("utf-8").splitlines()
    graphs = [line.rsplit(" ", 2)[-2] for line in quads]
    assert f"<{letter_graph(0)}>" in graphs and graphs == sorted(graphs)
    assert all(
        block == sorted(set(block)) for block in ([q for q in quads if q.rsplit(" ", 2)[-2] == g] for g in set(graphs))
    )


def test_jsonld_is_compacted_with_the_shipped_context_without_network(store, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("JSON-LD export or parsing tried to open a socket")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    data = exported(store, "jsonld", graph="fk00000")
    document = json.loads(data)
    assert document["@context"] == jsonld_context()
    assert "Letter" in document["@context"]  # the context file, not a bare prefix map
    text = data.decode("utf-8")
    assert '"MeetingReport"' in text  # compacted class name from the context
    assert "https://w3id.org/natokg/ontology#MeetingReport" not in text
    in_letter = {q for q in parsed_quads(data, "jsonld") if q[3] == letter_graph(0)}
    assert len(in_letter) == count_triples(store, letter_graph(0))


def test_jsonld_is_written_by_the_one_writer(store):
    assert_written_by_the_one_writer(exported(store, "jsonld", graph="fk00000"))
    assert_written_by_the_one_writer(exported(store, "jsonld"))


def test_turtle_uses_prefixes(store):
    text = exported(store, "turtle", graph="fk00000").decode("utf-8")
    assert "@prefix nkg: <https://w3id.org/natokg/ontology#> ." in text
    assert "nkg:MeetingReport" in text
