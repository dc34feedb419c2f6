"""The query page's form, posted as a browser posts it."""

from __future__ import annotations


def test_query_page_post_form_is_parsed_without_python_multipart(serve_client):
    # Starlette's request.form() needs python-multipart, which natokg does not depend on:
    # the form is read by natokg itself
    answer = serve_client.post(
        "/query",
        data={"query": "PREFIX nkg: <https://w3id.org/natokg/ontology#> SELECT ?s WHERE { ?s a nkg:Summit } LIMIT 3"},
        headers={"Accept": "text/html"},
    )
    assert answer.status_code == 200
    assert answer.text.count("<tr") >= 2
