"""Dereferenceable IRIs: content negotiation, suffixes, 404s, the ontology and the
dataset description."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

HAGUE = "https://w3id.org/natokg/id/meeting/summit/2025-06-24-the-hague"
HAGUE_PATH = "/id/meeting/summit/2025-06-24-the-hague"
NKG = "https://w3id.org/natokg/ontology#"


def first_report(client) -> str:
    query = f"SELECT ?l WHERE {{ ?l a <{NKG}MeetingReport> }} ORDER BY ?l LIMIT 1"
    return client.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["l"]["value"]


@pytest.mark.parametrize(
    ("accept", "media_type", "parse_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
    ],
)
def test_a_data_iri_dereferences_as_rdf_by_accept(serve_client, accept, media_type, parse_format):
    response = serve_client.get(HAGUE_PATH, headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert response.headers["vary"] == "Accept"
    graph = Graph().parse(data=response.text, format=parse_format)
    assert (URIRef(HAGUE), RDF.type, URIRef(NKG + "Summit")) in graph


def test_the_description_holds_labels_of_what_it_points_to_and_its_evidence(serve_client):
    letter = first_report(serve_client)
    graph = Graph().parse(data=serve_client.get(letter.replace("https://w3id.org/natokg", ""), headers={"accept": "text/turtle"}).text, format="turtle")
    about = graph.value(URIRef(letter), URIRef(NKG + "about"))
    assert about is not None and any(True for _ in graph.triples((about, None, None)))  # its label and type
    meeting = Graph().parse(data=serve_client.get(HAGUE_PATH + ".ttl").text, format="turtle")
    evidence = list(meeting.objects(URIRef(HAGUE), URIRef(NKG + "evidence")))
    assert evidence
    assert all(meeting.value(e, URIRef("http://www.w3.org/ns/oa#exact")) is not None for e in evidence)


@pytest.mark.parametrize(
    ("suffix", "media_type"),
    [(".ttl", "text/turtle"), (".nt", "application/n-triples"), (".jsonld", "application/ld+json"), (".html", "text/html")],
)
def test_a_suffix_names_the_format(serve_client, suffix, media_type):
    response = serve_client.get(HAGUE_PATH + suffix, headers={"accept": "application/n-triples"})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type


def test_a_browser_gets_the_page(serve_client):
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = serve_client.get(HAGUE_PATH, headers={"accept": accept})
    assert response.headers["content-type"].startswith("text/html")
    assert "Vary" in response.headers


def test_an_unknown_iri_is_404_with_a_search_hint(serve_client):
    page = serve_client.get("/id/meeting/summit/1999-01-01-atlantis", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert "/search?q=1999%2001%2001%20atlantis" in page.text
    plain = serve_client.get("/id/meeting/summit/1999-01-01-atlantis", headers={"accept": "text/turtle"})
    assert plain.status_code == 404 and "/search?q=" in plain.text


def test_an_unacceptable_format_is_406(serve_client):
    response = serve_client.get(HAGUE_PATH, headers={"accept": "image/png"})
    assert response.status_code == 406


def test_the_ontology_as_turtle_and_as_documentation(serve_client):
    turtle = serve_client.get("/ontology", headers={"accept": "text/turtle"})
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef(NKG + "Summit"), RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in graph
    assert serve_client.get("/ontology.ttl").headers["content-type"].startswith("text/turtle")
    html = serve_client.get("/ontology", headers={"accept": "text/html"}).text
    assert 'id="Summit"' in html and 'id="evidence"' in html


def test_ontology_terms_in_pages_link_to_the_documentation(serve_client):
    html = serve_client.get(HAGUE_PATH + ".html").text
    assert 'href="/ontology#Summit"' in html


@pytest.mark.parametrize("path", ["/.well-known/void", "/dataset"])
def test_the_dataset_description_names_the_served_endpoint(serve_client, path):
    response = serve_client.get(path, headers={"accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    endpoint = URIRef("http://testserver/sparql")
    dataset = URIRef("https://w3id.org/natokg/id/dataset")
    assert (dataset, URIRef("http://rdfs.org/ns/void#sparqlEndpoint"), endpoint) in graph
    distributions = list(graph.objects(dataset, URIRef("http://www.w3.org/ns/dcat#distribution")))
    assert distributions
    assert all((d, URIRef("http://www.w3.org/ns/dcat#accessURL"), endpoint) in graph for d in distributions)


def test_the_dataset_page_in_a_browser_is_the_dataset_resource(serve_client):
    response = serve_client.get("/dataset", headers={"accept": "text/html"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/id/dataset"


def test_base_maps_another_public_namespace_onto_the_paths(served_store_dir):
    from natokg.serve.pages import Site

    site = Site("https://example.org/data/")
    assert site.path_for("https://example.org/data/state/nl") == "/id/state/nl"
    assert site.iri_for("state/nl") == "https://example.org/data/state/nl"
    assert site.path_for("http://xmlns.com/foaf/0.1/name") is None


def test_a_base_without_its_final_slash_is_the_same_namespace(served_store_dir):
    from natokg.serve import ServeConfig

    assert ServeConfig(served_store_dir, base="https://example.org/data").base == "https://example.org/data/"
    assert ServeConfig(served_store_dir, base="https://example.org/data/").base == "https://example.org/data/"


def test_a_repeated_request_is_answered_from_the_cache_with_the_same_body(serve_client, serve_app):
    first = serve_client.get("/id/state/nl", headers={"accept": "text/turtle"})
    assert ("https://w3id.org/natokg/id/state/nl", "text/turtle", "http://testserver") in serve_app.state.pages.entries
    second = serve_client.get("/id/state/nl", headers={"accept": "text/turtle"})
    assert second.content == first.content
    assert second.headers["content-type"] == first.headers["content-type"] and second.headers["vary"] == "Accept"


def test_the_cache_stays_within_its_byte_budget():
    from natokg.serve.limits import ResponseCache

    cache = ResponseCache(100)
    for number in range(10):
        cache.put((number,), b"x" * 30, "text/plain", 200)
    assert cache.size <= 100 and list(cache.entries) == [(7,), (8,), (9,)]
    cache.put(("big",), b"x" * 101, "text/plain", 200)
    assert ("big",) not in cache.entries


def test_every_evidence_resolves_in_the_served_text_layer(serve_client):
    """Evidence that resolves: a consumer follows oa:hasSource to the text layer and
    finds the quote at the offsets of the position selector."""
    OA = "http://www.w3.org/ns/oa#"
    answer = serve_client.get("/sparql", params={"query": (
        f"SELECT ?source ?start ?end ?exact WHERE {{ ?e <{OA}hasSource> ?source ; <{OA}hasSelector> ?p , ?q . "
        f"?p <{OA}start> ?start ; <{OA}end> ?end . ?q <{OA}exact> ?exact }} LIMIT 50"
    )}, headers={"Accept": "application/sparql-results+json"})
    rows = answer.json()["results"]["bindings"]
    assert rows
    texts: dict[str, str] = {}
    for row in rows:
        source = row["source"]["value"]
        assert source.startswith("https://w3id.org/natokg/id/letter/") and source.endswith("/text")
        if source not in texts:
            got = serve_client.get(source.replace("https://w3id.org/natokg", ""), headers={"Accept": "text/plain"})
            assert got.status_code == 200 and got.headers["content-type"].startswith("text/plain")
            texts[source] = got.text
        start, end = int(row["start"]["value"]), int(row["end"]["value"])
        assert texts[source][start:end] == row["exact"]["value"]


def test_the_text_layer_by_suffix_and_its_description_as_rdf(serve_client):
    letters = serve_client.get("/sparql", params={"query": (
        "SELECT ?text WHERE { ?l <http://purl.org/dc/terms/hasFormat> ?text } LIMIT 1")},
        headers={"Accept": "application/sparql-results+json"}).json()["results"]["bindings"]
    path = letters[0]["text"]["value"].replace("https://w3id.org/natokg", "")
    assert serve_client.get(path + ".txt").headers["content-type"].startswith("text/plain")
    described = serve_client.get(path, headers={"Accept": "text/turtle"})
    assert described.status_code == 200 and described.headers["content-type"].startswith("text/turtle")
    assert "http://purl.org/dc/dcmitype/Text" in Graph().parse(data=described.text, format="turtle").serialize(format="nt")
    assert serve_client.get("/id/letter/no-such-letter/text.txt").status_code == 404


def test_a_description_carries_the_web_annotation_selectors_of_its_evidence(serve_client):
    OA = "http://www.w3.org/ns/oa#"
    answer = serve_client.get(HAGUE_PATH, headers={"Accept": "application/n-triples"})
    graph = Graph().parse(data=answer.text, format="nt")
    selectors = set(graph.objects(None, URIRef(OA + "hasSelector")))
    assert selectors
    kinds = {str(o) for s in selectors for o in graph.objects(s, RDF.type)}
    assert kinds == {OA + "TextPositionSelector", OA + "TextQuoteSelector"}
