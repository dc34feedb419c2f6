"""Tests for natokg.store.dataset: the VoID + DCAT description in graph/dataset."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from natokg.store.dataset import DATASET, DATASET_GRAPH, DUMP_FILE_NAMES, LICENSE, describe_dataset, download_url
from natokg.store.layout import open_store, read_manifest
from support.fake_corpus import fake_build, letter_graph, write_fake_corpus

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
NKG = "https://w3id.org/natokg/ontology#"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("dataset")
    corpus = write_fake_corpus(base / "letters", 3)  # dated 2026-06-01, -02, -03
    fake_build(corpus, base / "store")
    store = open_store(base / "store", read_only=True)
    yield store, read_manifest(base / "store")
    del store


def value(store, subject: str, predicate: str):
    objects = [q.object for q in store.quads_for_pattern(
        ox.NamedNode(subject), ox.NamedNode(predicate), None, ox.NamedNode(DATASET_GRAPH))]
    assert len(objects) == 1, (subject, predicate, objects)
    return objects[0]


def test_void_triples_equals_the_store_count(built):
    store, _ = built
    assert int(value(store, DATASET, VOID + "triples").value) == len(store)


def test_licence_version_title_and_modified_from_letter_dates(built):
    store, _ = built
    assert value(store, DATASET, DCTERMS + "license").value == "https://creativecommons.org/licenses/by/4.0/"
    assert value(store, DATASET, DCAT + "version").value == "0.1.0"
    modified = value(store, DATASET, DCTERMS + "modified")
    assert (modified.value, modified.datatype.value) == ("2026-06-03", "http://www.w3.org/2001/XMLSchema#date")
    titles = {q.object.language for q in store.quads_for_pattern(
        ox.NamedNode(DATASET), ox.NamedNode(DCTERMS + "title"), None, ox.NamedNode(DATASET_GRAPH))}
    assert titles == {"en", "nl"}


def test_class_and_property_partitions_count_what_the_letters_use(built):
    store, _ = built
    partition = "https://w3id.org/natokg/id/dataset/class/nkg-MeetingReport"
    assert value(store, partition, VOID + "class").value == NKG + "MeetingReport"
    assert int(value(store, partition, VOID + "entities").value) == 3  # three letters
    amounts = "https://w3id.org/natokg/id/dataset/property/nkg-amount"
    assert value(store, amounts, VOID + "property").value == NKG + "amount"
    # one shared commitment node, asserted in each of the three letter graphs
    assert int(value(store, amounts, VOID + "triples").value) == 3


def test_each_letter_graph_is_a_subset_with_its_triple_count(built):
    store, manifest = built
    graph = letter_graph(1)
    subsets = {q.object.value for q in store.quads_for_pattern(
        ox.NamedNode(DATASET), ox.NamedNode(VOID + "subset"), None, ox.NamedNode(DATASET_GRAPH))}
    assert graph in subsets and DATASET_GRAPH not in subsets
    expected = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    assert int(value(store, graph, VOID + "triples").value) == expected
    assert manifest.letters["001_fake.txt"].triples == expected
    assert value(store, graph, DCTERMS + "source").value == "https://w3id.org/natokg/id/letter/fk00001"


def test_a_distribution_per_export_format(built):
    store, _ = built
    media = {
        q.subject.value.rsplit("/", 1)[1]: q.object.value.split("media-types/")[1]
        for q in store.quads_for_pattern(None, ox.NamedNode(DCAT + "mediaType"), None, ox.NamedNode(DATASET_GRAPH))
    }
    assert media == {
        "turtle": "text/turtle",
        "nt": "application/n-triples",
        "nquads": "application/n-quads",
        "trig": "application/trig",
        "jsonld": "application/ld+json",
    }


def test_every_distribution_is_a_dump_to_download_named_for_its_format(built):
    from rdflib.util import guess_format

    from natokg.rdf.formats import FORMAT_TABLE

    store, _ = built
    urls = {
        q.subject.value.rsplit("/", 1)[1]: q.object.value
        for q in store.quads_for_pattern(None, ox.NamedNode(DCAT + "downloadURL"), None, ox.NamedNode(DATASET_GRAPH))
    }
    assert urls == {fmt: f"https://w3id.org/natokg/id/dataset/{DUMP_FILE_NAMES[fmt]}" for fmt in FORMAT_TABLE}
    rdflib_names = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}
    assert {fmt: guess_format(name) for fmt, name in DUMP_FILE_NAMES.items()} == rdflib_names
    assert download_url("nquads", "https://example.org/natokg/dumps/") == "https://example.org/natokg/dumps/natokg.nq"


def test_the_dataset_licence_is_the_ontology_licence(built):
    from natokg.paths import ontology_dir

    header = ox.Store()
    header.load(path=str(ontology_dir() / "natokg.ttl"), format=ox.RdfFormat.TURTLE)
    licences = {q.object.value for q in header.quads_for_pattern(None, ox.NamedNode(DCTERMS + "license"), None)}
    assert licences == {LICENSE} == {"https://creativecommons.org/licenses/by/4.0/"}
    store, _ = built
    distributions = list(store.quads_for_pattern(None, ox.NamedNode(DCAT + "distribution"), None, ox.NamedNode(DATASET_GRAPH)))
    assert distributions and all(value(store, q.object.value, DCTERMS + "license").value == LICENSE for q in distributions)


def test_a_served_endpoint_and_download_base_given_by_the_caller(built):
    store, manifest = built
    copy = ox.Store()
    copy.extend(store)
    describe_dataset(copy, manifest, endpoint="http://127.0.0.1:8000/sparql", downloads="http://127.0.0.1:8000/dumps")
    assert value(copy, DATASET, VOID + "sparqlEndpoint").value == "http://127.0.0.1:8000/sparql"
    nquads = "https://w3id.org/natokg/id/dataset/distribution/nquads"
    assert value(copy, nquads, DCAT + "accessURL").value == "http://127.0.0.1:8000/sparql"
    assert value(copy, nquads, DCAT + "downloadURL").value == "http://127.0.0.1:8000/dumps/natokg.nq"
    assert int(value(copy, DATASET, VOID + "triples").value) == len(copy)


def test_sparql_endpoint_only_when_configured(built, monkeypatch):
    store, manifest = built
    assert not list(store.quads_for_pattern(None, ox.NamedNode(VOID + "sparqlEndpoint"), None))
    copy = ox.Store()
    copy.extend(store)
    monkeypatch.setenv("NATOKG_SPARQL_ENDPOINT", "https://example.org/sparql")
    describe_dataset(copy, manifest)
    assert value(copy, DATASET, VOID + "sparqlEndpoint").value == "https://example.org/sparql"
    assert int(value(copy, DATASET, VOID + "triples").value) == len(copy)


def test_no_blank_nodes_in_the_description(built):
    store, _ = built
    for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(DATASET_GRAPH)):
        assert not isinstance(quad.subject, ox.BlankNode) and not isinstance(quad.object, ox.BlankNode)


def test_statistics_from_the_graph_files_equal_the_sparql_statistics(tmp_path):
    """The build reads the figures from the letters' graph files (fast); they must be
    those SPARQL finds in the store, on the real corpus."""
    from pathlib import Path

    from natokg.store.build import build
    from natokg.store.dataset import dataset_statistics, statistics_from_texts
    from natokg.store.export import GraphTexts

    import shutil

    corpus = tmp_path / "letters"  # the seed letters
    corpus.mkdir()
    for letter in (Path(__file__).resolve().parents[2] / "corpus" / "letters").glob("[0-9]*.txt"):
        shutil.copy(letter, corpus)
    build(corpus, tmp_path / "store", jobs=1)
    store = open_store(tmp_path / "store", read_only=True)
    from_files = statistics_from_texts(GraphTexts(store, tmp_path / "store"))
    assert from_files == dataset_statistics(store)
    assert from_files["entities"] > 100 and len(from_files["graphs"]) > 5


def description_by_sparql(store, manifest) -> set:
    """graph/dataset as describe_dataset makes it from SPARQL over the store alone."""
    from natokg.store.dataset import description_triples

    return {(t.subject, t.predicate, t.object) for t in description_triples(store, manifest)}


def stored_description(store) -> set:
    return {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(DATASET_GRAPH))}


def test_build_counts_from_the_workers_equal_the_sparql_counts_then_after_adding_letters(tmp_path):
    """The build adds up counts its workers made per letter (new letters) and reads the
    other graphs' files (unchanged letters); the description must be the one SPARQL over
    the finished store gives, on the real corpus, first from nothing, then with two
    letters added to a built store."""
    import shutil
    from pathlib import Path

    from natokg.store.build import build

    letters = sorted((Path(__file__).resolve().parents[2] / "corpus" / "letters").glob("[0-9]*.txt"))  # the seeds
    corpus = tmp_path / "letters"
    corpus.mkdir()
    for letter in letters[:3]:
        shutil.copy(letter, corpus)
    for added in (None, letters[3:]):
        for letter in added or ():
            shutil.copy(letter, corpus)
        summary = build(corpus, tmp_path / "store", jobs=1)
        assert summary.letters_unchanged == (3 if added else 0)
        store = open_store(tmp_path / "store", read_only=True)
        assert stored_description(store) == description_by_sparql(store, read_manifest(tmp_path / "store"))
        del store


def test_graph_statistics_a_subject_in_two_graphs_is_one_entity():
    from natokg.store.dataset import GraphStatistics, graph_statistics
    from natokg.namespaces import iri

    meeting, letter = f"<{iri('meeting', 'summit', '2025-06-24-den-haag')}>", f"<{iri('letter', 'a')}>"
    summit = f"<{NKG}Summit>"
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    one = graph_statistics("g1", [f"{meeting} {rdf_type} {summit} .", f"{letter} <{NKG}about> {meeting} ."])
    two = graph_statistics("g2", [f"{meeting} {rdf_type} {summit} .", '<urn:x> <urn:p> "a b . c" .'])
    total = GraphStatistics()
    total.add(one)
    total.add(two)
    assert total.summary() == {
        "graphs": {"g1": 2, "g2": 2},
        "classes": {NKG + "Summit": 1},
        "properties": {"http://www.w3.org/1999/02/22-rdf-syntax-ns#type": 2, NKG + "about": 1, "urn:p": 1},
        "entities": 2,  # the meeting and the letter; urn:x is outside the data namespace
    }
