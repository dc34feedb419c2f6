"""One JSON-LD writer: the mapper, the export and query/description answers write a
graph the same way (the shipped context, sorted keys, one indentation), and the
document reads back as the graph it was written from."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from natokg.rdf.jsonld import jsonld_bytes
from natokg.sparql.result_formats import graph_bytes
from support.jsonld_layout import assert_written_by_the_one_writer

LETTER = Path(__file__).resolve().parents[2] / "corpus" / "letters" / "003_a8b24aadb98f3dfc.txt"


def test_a_mapped_letter_is_written_as_the_export_writes_it():
    from natokg.pipeline import map_letter

    graphs = map_letter(LETTER)
    written = graphs.serialize("jsonld").encode("utf-8")
    assert written == jsonld_bytes(graphs.merged())
    assert_written_by_the_one_writer(written)
    assert Graph().parse(data=written, format="json-ld").isomorphic(graphs.merged())


def test_an_answers_triples_are_written_by_the_same_writer():
    data = (
        "<https://w3id.org/natokg/id/state/nl> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Netherlands\"@en .\n"
        "<https://w3id.org/natokg/id/state/nl> <https://w3id.org/natokg/ontology#isoCode> \"nl\" .\n"
    )
    triples = list(ox.parse(data.encode("utf-8"), ox.RdfFormat.N_TRIPLES))
    written = graph_bytes(triples, "application/ld+json")
    graph = Graph().parse(data=data, format="nt")
    assert written == jsonld_bytes(graph)
    assert_written_by_the_one_writer(written)
    assert Graph().parse(data=written, format="json-ld").isomorphic(graph)
