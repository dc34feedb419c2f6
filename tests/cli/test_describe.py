"""`natokg describe IRI`: a resource's description as a table or as RDF."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF
from typer.testing import CliRunner

from natokg.cli import app
from natokg.namespaces import NKG

runner = CliRunner()
FINLAND = "https://w3id.org/natokg/id/state/fi"


@pytest.fixture(scope="module")
def store(served_store_dir):
    return str(served_store_dir)


def test_a_table_with_labels_values_and_what_points_here(store):
    result = runner.invoke(app, ["describe", "id:state/fi", "--store", store])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Finland  (id:state/fi)")
    assert "accession date" in result.stdout and "2023-04-04" in result.stdout
    assert "Republiek Finland @nl" in result.stdout
    assert "← has member" in result.stdout  # a group that counts Finland among its members


def test_describe_labels_in_the_language_asked_for(store):
    english = runner.invoke(app, ["describe", "id:state/de", "--store", store])
    dutch = runner.invoke(app, ["describe", "id:state/de", "--store", store, "--lang", "nl"])
    assert english.exit_code == dutch.exit_code == 0, dutch.stderr
    assert english.stdout.startswith("Germany  (id:state/de)")
    assert dutch.stdout.startswith("Duitsland  (id:state/de)")


def test_the_quotes_behind_a_resource_are_listed(store):
    result = runner.invoke(app, ["describe", "id:meeting/summit/2025-06-24-the-hague", "--store", store])
    assert result.exit_code == 0, result.stderr
    assert '"' in result.stdout and "[" in result.stdout  # a quote with its offsets


@pytest.mark.parametrize("fmt, parser", [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_formats_give_what_dereferencing_gives(store, fmt, parser):
    result = runner.invoke(app, ["describe", f"<{FINLAND}>", "--store", store, "-f", fmt])
    assert result.exit_code == 0, result.stderr
    graph = Graph().parse(data=result.stdout, format=parser)
    assert (URIRef(FINLAND), RDF.type, NKG.Ally) in graph
    assert (URIRef(FINLAND), OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q33")) in graph


def test_an_unknown_resource_is_bad_input_with_a_hint(store):
    result = runner.invoke(app, ["describe", "id:state/zz-nowhere", "--store", store])
    assert result.exit_code == 2
    assert "is not in the store" in result.stderr and "natokg query actors" in result.stderr


def test_an_unknown_format_is_bad_input(store):
    result = runner.invoke(app, ["describe", "id:state/fi", "--store", store, "-f", "xml"])
    assert result.exit_code == 2 and "unknown format 'xml'; use one of table, turtle, nt, jsonld" in result.stderr
