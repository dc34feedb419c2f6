"""`natokg query` output: labels, the W3C result formats, RDF for CONSTRUCT, the list
of queries in every format, the union default graph, and why a result is empty."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree

import pytest
from typer.testing import CliRunner

from natokg.cli import app

runner = CliRunner()
ID = "https://w3id.org/natokg/id/"


@pytest.fixture(scope="module")
def store(served_store_dir):
    return str(served_store_dir)


def query(store, *args):
    result = runner.invoke(app, ["query", *args, "--store", store])
    assert result.exit_code == 0, result.stderr
    return result


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_tables_and_csv_show_english_labels_by_default_dutch_with_lang_and_iris_with_iris(store):
    english = csv_rows(query(store, "topic-history", "-f", "csv").stdout)
    assert {"call for", "Netherlands"} <= {value for row in english for value in (row["stance"], row["actor"])}
    dutch = csv_rows(query(store, "topic-history", "-f", "csv", "--lang", "nl").stdout)
    assert "Nederland" in {row["actor"] for row in dutch}
    iris = csv_rows(query(store, "topic-history", "-f", "csv", "--iris").stdout)
    assert f"{ID}stance/call-for" in {row["stance"] for row in iris}
    table = query(store, "topic-history").stdout
    assert "call for" in table and "id:stance/" not in table
    assert "id:stance/call-for" in query(store, "topic-history", "--iris").stdout


def test_sparql_json_and_xml_are_the_w3c_result_formats(store):
    data = json.loads(query(store, "letters", "-f", "sparql-json").stdout)
    assert data["head"]["vars"][:2] == ["letter", "letter_type"]
    first = data["results"]["bindings"][0]
    assert first["letter"]["type"] == "uri" and first["letter"]["value"].startswith(f"{ID}letter/")
    dated = [b for b in data["results"]["bindings"] if "date" in b]
    assert dated and dated[0]["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    root = ElementTree.fromstring(query(store, "letters", "-f", "sparql-xml").stdout)
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert len(root.findall(f"{ns}results/{ns}result")) == len(data["results"]["bindings"])


def test_construct_prints_turtle_by_default_and_json_ld_or_ntriples(store, tmp_path):
    from rdflib import Graph

    construct = tmp_path / "stances.rq"
    construct.write_text(
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/natokg/ontology#Stance> ; ?p ?o }", encoding="utf-8"
    )
    turtle = Graph().parse(data=query(store, str(construct)).stdout, format="turtle")
    assert len(turtle) > 20
    for fmt, rdflib_format in (("json-ld", "json-ld"), ("ntriples", "nt")):
        graph = Graph().parse(data=query(store, str(construct), "-f", fmt).stdout, format=rdflib_format)
        assert graph.isomorphic(turtle), fmt
    select = runner.invoke(app, ["query", "letters", "-f", "turtle", "--store", store])
    assert select.exit_code == 2 and "CONSTRUCT and DESCRIBE" in select.stderr


@pytest.mark.parametrize("fmt", ["csv", "json", "tsv", "markdown"])
def test_query_list_honours_the_format(fmt):
    result = runner.invoke(app, ["query", "--list", "--format", fmt])
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        entries = {entry["name"]: entry for entry in json.loads(result.stdout)}
        assert entries["topic-history"]["parameters"][0]["name"] == "topic"
        assert {"topics", "actors", "letters"} <= set(entries)
    elif fmt == "csv":
        rows = {row["name"]: row for row in csv_rows(result.stdout)}
        assert rows["topic-history"]["parameters"] == "topic (iri) = id:topic/defence-spending"
    else:
        assert "topic-history" in result.stdout and "┃" not in result.stdout


def test_ad_hoc_query_reads_the_whole_dataset_by_default_and_one_graph_with_graph(store, tmp_path):
    count = tmp_path / "count.rq"
    count.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    everything = int(csv_rows(query(store, str(count), "-f", "csv").stdout)[0]["n"])
    topics = int(csv_rows(query(store, str(count), "-f", "csv", "--graph", "id:graph/topics").stdout)[0]["n"])
    assert everything > topics > 0


def test_empty_result_names_the_unknown_parameter_value(store):
    result = query(store, "topic-history", "--param", "topic=id:topic/x")
    assert "no topic id:topic/x (parameter topic); see `natokg query topics`" in result.stderr
    actor = query(store, "commitments-by-actor", "--param", "actor=id:state/zz", "-f", "csv")
    assert "no state id:state/zz (parameter actor); see `natokg query actors`" in actor.stderr


def test_empty_result_names_an_unknown_graph(store, tmp_path):
    count = tmp_path / "all.rq"
    count.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    result = query(store, str(count), "--graph", "id:graph/nope")
    assert "no named graph id:graph/nope in the store; leave out --graph to query them all" in result.stderr
