"""The SPARQL 1.1 Protocol at /sparql: methods, formats, the union default graph,
refusals, the deadline, the row cap and the body limit."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
LETTERS = "PREFIX nkg: <https://w3id.org/natokg/ontology#> SELECT ?l WHERE { ?l a nkg:MeetingReport } ORDER BY ?l"


def rows_json(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def test_get_post_form_and_post_query_give_the_same_rows(serve_client):
    by_get = rows_json(serve_client.get("/sparql", params={"query": LETTERS}))
    by_form = rows_json(serve_client.post("/sparql", data={"query": LETTERS}))
    by_body = rows_json(
        serve_client.post("/sparql", content=LETTERS, headers={"content-type": "application/sparql-query"})
    )
    assert by_get == by_form == by_body
    assert by_get and all(row["l"]["type"] == "uri" for row in by_get)


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/json", "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ],
)
def test_select_results_by_accept(serve_client, accept, media_type):
    response = serve_client.get("/sparql", params={"query": LETTERS}, headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert "Accept" in response.headers["vary"]


def test_the_four_result_formats_hold_the_same_rows(serve_client):
    def get(fmt):
        return serve_client.get("/sparql", params={"query": LETTERS, "format": fmt})

    expected = [row["l"]["value"] for row in get("json").json()["results"]["bindings"]]
    from_csv = [row["l"] for row in csv.DictReader(io.StringIO(get("csv").text))]
    from_tsv = [line.strip("<>") for line in get("tsv").text.splitlines()[1:]]
    namespace = {"r": "http://www.w3.org/2005/sparql-results#"}
    from_xml = [uri.text for uri in ET.fromstring(get("xml").content).iterfind(".//r:uri", namespace)]
    assert expected and expected == from_csv == from_tsv == from_xml


def test_typed_and_language_literals_keep_their_datatype_and_tag(serve_client):
    query = """PREFIX nkg: <https://w3id.org/natokg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
    SELECT ?date ?title WHERE { ?l a nkg:MeetingReport ; dcterms:date ?date ; dcterms:title ?title } LIMIT 1"""
    row = rows_json(serve_client.get("/sparql", params={"query": query}))[0]
    assert row["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    assert row["title"].get("xml:lang") == "nl"
    tsv = serve_client.get("/sparql", params={"query": query, "format": "tsv"}).text.splitlines()[1]
    assert '"^^<http://www.w3.org/2001/XMLSchema#date>' in tsv and '"@nl' in tsv


def test_ask_in_json_and_xml(serve_client):
    query = "ASK { ?s ?p ?o }"
    assert serve_client.get("/sparql", params={"query": query}).json()["boolean"] is True
    xml = serve_client.get("/sparql", params={"query": query, "format": "xml"}).text
    assert "<boolean>true</boolean>" in xml


@pytest.mark.parametrize(
    ("accept", "media_type", "parse_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
    ],
)
def test_construct_and_describe_as_rdf(serve_client, accept, media_type, parse_format):
    from rdflib import Graph

    query = "PREFIX nkg: <https://w3id.org/natokg/ontology#> CONSTRUCT { ?l a nkg:MeetingReport } WHERE { ?l a nkg:MeetingReport }"
    count = len(rows_json(serve_client.get("/sparql", params={"query": LETTERS})))
    response = serve_client.get("/sparql", params={"query": query}, headers={"accept": accept})
    assert response.headers["content-type"].split(";")[0] == media_type
    assert len(Graph().parse(data=response.text, format=parse_format)) == count
    some_letter = rows_json(serve_client.get("/sparql", params={"query": LETTERS}))[0]["l"]["value"]
    described = serve_client.get("/sparql", params={"query": f"DESCRIBE <{some_letter}>", "format": "nt"})
    assert described.status_code == 200 and f"<{some_letter}>" in described.text


def test_the_default_graph_is_the_union_of_the_named_graphs_each_triple_once(serve_client, served_store_dir):
    from natokg.store.snapshot import open_snapshot

    with open_snapshot(served_store_dir) as snapshot:
        distinct = {quad.triple for quad in snapshot.store.quads_for_pattern(None, None, None)}
        quads = len(snapshot.store)
    assert quads > len(distinct)  # some triples stand in several graphs
    count = rows_json(serve_client.get("/sparql", params={"query": COUNT}))[0]["n"]["value"]
    assert int(count) == len(distinct)
    named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert int(rows_json(serve_client.get("/sparql", params={"query": named}))[0]["n"]["value"]) == quads


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "LOAD <http://example.org/data.ttl>",
        "DROP ALL",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERV\\u0049CE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { service <http://example.org/sparql> { ?s ?p ?o } }",
    ],
)
def test_updates_load_and_service_are_refused_with_400(serve_client, query):
    response = serve_client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert response.text.startswith("refused:")


def test_an_update_request_is_refused(serve_client):
    by_form = serve_client.post("/sparql", data={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    by_body = serve_client.post(
        "/sparql", content="INSERT DATA { <urn:a> <urn:b> <urn:c> }", headers={"content-type": "application/sparql-update"}
    )
    assert by_form.status_code == by_body.status_code == 400
    assert "read-only" in by_body.text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "give exactly one query"),
        ({"query": "SELECT * WHERE { ?s ?p }"}, "syntax error"),
        ({"query": COUNT, "format": "yaml"}, "unknown format"),
        ({"query": COUNT, "format": "turtle"}, "unknown format 'turtle' for this query"),
        ({"query": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "format": "csv"}, "unknown format 'csv' for this query"),
        ({"query": COUNT, "default-graph-uri": "urn:x"}, "not supported"),
    ],
)
def test_bad_requests_say_what_to_change(serve_client, params, message):
    response = serve_client.get("/sparql", params=params)
    assert response.status_code == 400
    assert message in response.text


def test_regression_an_iri_that_reads_as_a_query_form_keeps_the_format_asked_for(serve_client):
    """The kind of answer comes from the engine, not from words in the query's IRIs."""
    query = "BASE <http://e/> PREFIX d: <describe/> SELECT ?x WHERE { VALUES ?x { d:a } }"
    by_format = serve_client.get("/sparql", params={"query": query, "format": "csv"})
    by_accept = serve_client.get("/sparql", params={"query": query}, headers={"accept": "text/csv"})
    for response in (by_format, by_accept):
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
        assert response.text.splitlines() == ["x", "http://e/describe/a"]


def test_a_post_of_another_content_type_is_refused(serve_client):
    response = serve_client.post("/sparql", content=COUNT, headers={"content-type": "text/plain"})
    assert response.status_code == 400 and "application/sparql-query" in response.text


def test_a_query_past_the_deadline_stops_with_503(served_store_dir):
    from starlette.testclient import TestClient

    from natokg.serve import ServeConfig, create_app

    app = create_app(ServeConfig(served_store_dir, timeout=2.0))
    try:
        TestClient(app).get("/sparql", params={"query": "ASK { ?s ?p ?o }"})  # the worker started
        cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        response = TestClient(app).get("/sparql", params={"query": cartesian})
        assert response.status_code == 503
        assert "deadline" in response.text
        # the worker was replaced: the next query is answered
        assert TestClient(app).get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
    finally:
        app.state.close()


def test_a_result_over_the_row_cap_stops_with_503(serve_client):
    response = serve_client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 503
    assert "row cap" in response.text


def test_a_body_over_the_limit_is_refused_with_413(served_store_dir):
    from starlette.testclient import TestClient

    from natokg.serve import ServeConfig, create_app

    app = create_app(ServeConfig(served_store_dir, max_body_bytes=1_000))
    try:
        client = TestClient(app)
        padded = COUNT + " #" + "x" * 2_000
        response = client.post("/sparql", content=padded, headers={"content-type": "application/sparql-query"})
        assert response.status_code == 413
        assert "over the limit" in response.text

        def chunks():  # no Content-Length: counted as it arrives
            yield padded.encode()[:900]
            yield padded.encode()[900:]

        streamed = client.post("/sparql", content=chunks(), headers={"content-type": "application/sparql-query"})
        assert streamed.status_code == 413
        assert client.post("/sparql", content=COUNT, headers={"content-type": "application/sparql-query"}).status_code == 200
    finally:
        app.state.close()


def test_a_browser_opening_the_endpoint_is_sent_to_the_query_page(serve_client):
    response = serve_client.get("/sparql", headers={"accept": "text/html,*/*;q=0.8"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/query"


def test_with_two_workers_a_query_runs_while_the_other_worker_is_busy(serve_app):
    from natokg.serve.protocol import QueryRunner
    from natokg.sparql.worker import worker_for

    runner = QueryRunner(serve_app.state.served.directory, timeout=20.0, max_rows=10, workers=2)
    busy = runner.slots.get()  # as if a long query held the first worker
    try:
        assert runner.run("ASK { ?s ?p ?o }").rows == [[True]]
        assert worker_for(serve_app.state.served.directory, 1 - busy).alive
    finally:
        runner.slots.put(busy)
