"""N-Quads written from the letter's lines must be what rdflib's serialiser writes."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from natokg.rdf.mapping import LetterGraphs

S = "<https://w3id.org/natokg/id/letter/abc>"
P = "<https://w3id.org/natokg/ontology#p>"
XSD = "http://www.w3.org/2001/XMLSchema#"

OBJECTS = [
    "<https://w3id.org/natokg/id/person/x>",
    '"plain words"',
    '"a \\"quote\\", a back\\\\slash and a\\ttab"',
    '"line\\nbreak\\r and a \\u0001 control"',
    '"a line\u2028separator"',
    '"Europese Raad"@nl',
    '"Europese Raad"@NL',
    f'"12"^^<{XSD}nonNegativeInteger>',
    f'"012"^^<{XSD}nonNegativeInteger>',
    f'"2024-07-09"^^<{XSD}date>',
    f'"1.50"^^<{XSD}decimal>',
    f'"true"^^<{XSD}boolean>',
    f'"2024"^^<{XSD}gYear>',
    f'"7"^^<{XSD}integer>',
]


def _graphs(objects: list[str]) -> LetterGraphs:
    lines = [f"{S} {P} {o} .\n" for o in objects]
    return LetterGraphs(
        "abc", URIRef(S[1:-1]), URIRef("https://w3id.org/natokg/id/graph/abc"),
        lines, lines[:3] + [f"{S} {P} {S} .\n"], "text",
    )


def _through_rdflib(graphs: LetterGraphs) -> str:
    written = graphs.dataset().serialize(format="nquads")
    return "".join(sorted(line + "\n" for line in written.split("\n") if line.strip()))


@pytest.mark.parametrize("obj", OBJECTS)
def test_nquads_of_each_kind_of_term_as_rdflib_writes_it(obj):
    graphs = _graphs([obj])
    assert graphs.serialize("nquads") == _through_rdflib(graphs)


def test_nquads_of_many_terms_as_rdflib_writes_them():
    # without "@NL": rdflib holds it equal to "@nl" and keeps whichever came first
    graphs = _graphs([o for o in OBJECTS if not o.endswith("@NL")])
    assert graphs.serialize("nquads") == _through_rdflib(graphs)


def test_regression_nquads_written_without_rdflib_graphs(monkeypatch):
    """A letter's N-Quads are written from its lines: no rdflib graph is built for them."""
    graphs = _graphs(OBJECTS)
    monkeypatch.setattr(LetterGraphs, "dataset", lambda self: pytest.fail("rdflib Dataset built"))
    # "@NL" and "@nl" are one term; four lines in the entities graph
    assert graphs.serialize("nquads").count("\n") == len(set(OBJECTS)) - 1 + 4


def test_regression_line_separator_in_a_literal_stays_on_its_line():
    """U+2028 is no line end in N-Quads: a literal holding it is one quad on one line
    (str.splitlines split it in two, and the N-Quads did not parse)."""
    import pyoxigraph as ox

    graphs = _graphs(['"a line\u2028separator"', '"next\u0085line"'])
    written = graphs.serialize("nquads")
    quads = list(ox.parse(written.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == written.count("\n")
    assert {q.object.value for q in quads} >= {"a line\u2028separator", "next\u0085line"}


def test_nquads_with_a_blank_node_left_to_rdflib():
    graphs = LetterGraphs(
        "abc", URIRef(S[1:-1]), URIRef("https://w3id.org/natokg/id/graph/abc"),
        [f"{S} {P} _:b0 .\n", f'_:b0 {P} "x" .\n'], [], "text",
    )
    assert graphs.serialize("nquads").count("_:") == 2
