"""The saved query files are standard SPARQL 1.1: they run as they are, outside natokg."""

from __future__ import annotations

import re

import pytest

from natokg.errors import QueryError
from natokg.sparql import list_queries, parse_header, render, run_query, run_sparql, term_for
from natokg.sparql.tokens import values_blocks

QUERIES = list_queries()
_PREFIX = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)


@pytest.fixture(scope="module")
def store(seed_store):
    return seed_store


@pytest.mark.parametrize("saved", QUERIES, ids=[q.name for q in QUERIES])
def test_saved_query_files_run_unchanged_in_a_standard_engine(saved, store):
    """Each file, verbatim, parses in rdflib and gives pyoxigraph the rows natokg gives
    with the header's defaults."""
    from rdflib.plugins.sparql import prepareQuery

    prepareQuery(saved.text)
    verbatim = run_sparql(saved.text, store=store)
    assert verbatim.rows == run_query(saved, store=store).rows


@pytest.mark.parametrize("saved", QUERIES, ids=[q.name for q in QUERIES])
def test_parameter_blocks_hold_the_header_default(saved):
    prefixes = {prefix or "": namespace for prefix, namespace in _PREFIX.findall(saved.text)}

    def expanded(term: str) -> str:
        prefix, _, local = term.partition(":")
        if term.startswith("<") or term == "UNDEF" or prefix not in prefixes:
            return term
        return f"<{prefixes[prefix]}{local}>"

    blocks = [block for block in values_blocks(saved.text) if block.variable in {p.name for p in saved.parameters}]
    assert {block.variable for block in blocks} == {p.name for p in saved.parameters}
    for block in blocks:
        default = term_for(saved.parameter(block.variable), saved.parameter(block.variable).default)
        written = [expanded(term) for term in saved.text[block.start:block.end].split()]
        assert written == default.split(), (saved.name, block.variable)


def test_a_given_value_fills_every_block_of_its_parameter():
    text = render(
        next(q for q in QUERIES if q.name == "meeting-diff"),
        {"meeting_a": "id:meeting/summit/2025-06-24-the-hague"},
    )
    hague = "<https://w3id.org/natokg/id/meeting/summit/2025-06-24-the-hague>"
    assert text.count(f"VALUES ?meeting_a {{ {hague} }}") == 4
    assert "brussels" not in text.split("\n\n", 1)[1]


def test_parameter_blocks_skip_strings_iris_and_comments():
    saved = parse_header(
        "# title: t\n# param: x (iri) = id:topic/a -- x\n"
        '# VALUES ?x { <urn:c> }\nSELECT * WHERE { ?s ?p "VALUES ?x { 1 }" . VALUES ?x { <urn:a> } }',
        "t",
    )
    rendered = render(saved, {"x": "<urn:b>"})
    assert rendered.endswith('{ ?s ?p "VALUES ?x { 1 }" . VALUES ?x { <urn:b> } }')
    assert "# VALUES ?x { <urn:c> }" in rendered


def test_a_declared_parameter_without_a_block_is_an_error():
    with pytest.raises(QueryError, match=r"declares parameter x but no VALUES \?x \{ \.\.\. \} block sets it"):
        parse_header("# title: t\n# param: x (iri) = -- x\nSELECT * WHERE { ?s ?p ?o }", "t")


def test_a_hostile_value_cannot_leave_its_block():
    saved = parse_header("# title: t\n# param: x (string) = a -- x\nSELECT * WHERE { VALUES ?x { \"a\" } }", "t")
    rendered = render(saved, {"x": '"} } ; DROP ALL ; { {"'})
    assert rendered.endswith('VALUES ?x { "\\"} } ; DROP ALL ; { {\\"" } }')
