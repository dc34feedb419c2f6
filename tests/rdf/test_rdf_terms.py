"""natokg.rdf.terms: N-Triples text as rdflib triples, the same as a full parse gives.

The fast path splits lines and converts each term's text once per process; every case
here is compared with pyoxigraph parsing the whole text (the reference the fast path
falls back to), on the corpus letters, on hand-written edge cases and on drawn graphs.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from natokg.rdf import terms as rdf_terms
from natokg.pipeline import map_letter
from natokg.rdf.terms import from_ox, ntriples_to_rdflib, to_ox

REPO = Path(__file__).resolve().parents[2]
LETTERS = sorted((REPO / "corpus" / "letters").glob("[0-9]*.txt"))  # the seed letters, not the dev_* set
XSD = "http://www.w3.org/2001/XMLSchema#"


def reference(text: str) -> set[tuple]:
    """Every distinct triple as pyoxigraph parses the whole text."""
    quads = ox.parse(text.encode("utf-8"), ox.RdfFormat.N_TRIPLES)
    return {(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)) for q in quads}


def exact(triples) -> set[tuple]:
    """Triples with each literal's datatype and language spelled out (rdflib's Literal
    equality already compares them; this also catches "1"^^xsd:integer as "1")."""
    return {
        tuple((t, getattr(t, "datatype", None), getattr(t, "language", None)) for t in triple)
        for triple in triples
    }


def assert_parsed_like_reference(text: str) -> list[tuple]:
    got = ntriples_to_rdflib(text)
    assert len(got) == len(set(got)), "a triple came back twice"
    assert exact(got) == exact(reference(text))
    return got


@cache
def letter_text(path: Path) -> str:
    graphs = map_letter(path)
    return graphs.assertions_ntriples + graphs.entities_ntriples


@pytest.mark.parametrize("letter", LETTERS, ids=[p.stem for p in LETTERS])
def test_corpus_letter_parses_like_pyoxigraph_and_rdflib(letter: Path) -> None:
    text = letter_text(letter)
    got = assert_parsed_like_reference(text)
    assert set(got) == set(Graph().parse(data=text, format="nt"))
    assert ntriples_to_rdflib(text) == got  # the second time every term is known


def test_memo_cleared_midway_gives_the_same_triples(monkeypatch) -> None:
    text = letter_text(LETTERS[0])
    before = exact(ntriples_to_rdflib(text))
    monkeypatch.setattr(rdf_terms, "_LIMIT", 0)  # every call starts from empty memos
    assert exact(ntriples_to_rdflib(text)) == before
    assert exact(ntriples_to_rdflib(letter_text(LETTERS[1]))) == exact(reference(letter_text(LETTERS[1])))


SPELLINGS_OF_ONE_TRIPLE = [
    '<http://ex.org/a> <http://ex.org/p> "x" .',
    f'<http://ex.org/a> <http://ex.org/p> "x"^^<{XSD}string> .',
    '<http://ex.org/a> <http://ex.org/p> "\\u0078" .',
    '<http://ex.org/\\u0061> <http://ex.org/p> "x" .',
]


def test_one_triple_spelled_four_ways_counts_once() -> None:
    """sh:maxCount counts values: a triple written twice must not count twice."""
    text = "\n".join(SPELLINGS_OF_ONE_TRIPLE) + "\n"
    got = assert_parsed_like_reference(text)
    assert got == [(URIRef("http://ex.org/a"), URIRef("http://ex.org/p"), Literal("x"))]


TEXTS = {
    "typed and tagged literals": (
        '<http://ex.org/a> <http://ex.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
        '<http://ex.org/a> <http://ex.org/p> "01"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
        '<http://ex.org/a> <http://ex.org/p> "1" .\n'
        '<http://ex.org/a> <http://ex.org/p> "1"@nl .\n'
        '<http://ex.org/a> <http://ex.org/p> "2024-13-45"^^<http://www.w3.org/2001/XMLSchema#date> .\n'
    ),
    "literal with spaces, quotes, escapes and a dot at the end": (
        '<http://ex.org/a> <http://ex.org/p> "a \\"quoted\\" text .\\nnext line\\\\ ." .\n'
    ),
    "comments and blank lines": "# a comment\n\n<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> . # end\n",
    "two spaces and tabs": "<http://ex.org/a>  <http://ex.org/p>\t<http://ex.org/b> .\n",
    "no space before the dot": "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b>.\n",
    "blank nodes": "_:x <http://ex.org/p> _:y .\n_:y <http://ex.org/p> \"_:not a node\" .\n",
    "carriage returns": "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\r\n",
    "unicode line separator inside a literal": '<http://ex.org/a> <http://ex.org/p> "a\u2028b\x85c" .\n',
    "no final newline": "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .",
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_other_layouts_parse_like_pyoxigraph(text: str) -> None:
    assert_parsed_like_reference(text)


BAD = {
    "a literal as subject": '"x" <http://ex.org/p> <http://ex.org/b> .\n',
    "a literal as predicate": '<http://ex.org/a> "p" <http://ex.org/b> .\n',
    "garbage after the dot": "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .X\n",
    "an IRI with a space": "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b c> .\n",
    "an IRI with a brace": "<http://ex.org/a> <http://ex.org/p> <http://ex.org/{b}> .\n",
    "two terms": "<http://ex.org/a> <http://ex.org/p> .\n",
    "an unterminated literal": '<http://ex.org/a> <http://ex.org/p> "x .\n',
    "two triples on one line": "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> . <http://ex.org/c> <http://ex.org/p> <http://ex.org/d> .\n",
}


@pytest.mark.parametrize("text", BAD.values(), ids=BAD.keys())
def test_bad_text_raises_what_pyoxigraph_raises(text: str) -> None:
    with pytest.raises(SyntaxError):
        reference(text)
    with pytest.raises(SyntaxError):
        ntriples_to_rdflib(text)
    # and a good line learned after a bad document is still right
    assert_parsed_like_reference("<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\n")


iris = st.sampled_from(["http://ex.org/a", "http://ex.org/b", "https://w3id.org/natokg/id/x/é", "urn:x:1"])
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
literals = st.one_of(
    texts.map(lambda t: ox.Literal(t)),
    st.tuples(texts, st.sampled_from(["nl", "en-GB"])).map(lambda p: ox.Literal(p[0], language=p[1])),
    st.tuples(texts, st.sampled_from([XSD + "string", XSD + "integer", XSD + "date", XSD + "decimal"])).map(
        lambda p: ox.Literal(p[0], datatype=ox.NamedNode(p[1]))
    ),
)
triples = st.tuples(iris.map(ox.NamedNode), iris.map(ox.NamedNode), st.one_of(iris.map(ox.NamedNode), literals))


@settings(max_examples=200, deadline=None)
@given(st.lists(triples, max_size=8), st.booleans())
def test_drawn_graphs_parse_like_pyoxigraph(drawn: list, through_rdflib: bool) -> None:
    """Any graph, written by pyoxigraph or by rdflib, comes back as a full parse gives it."""
    text = ox.serialize([ox.Triple(*t) for t in drawn], format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if through_rdflib:
        graph = Graph()
        for s, p, o in reference(text):
            graph.add((s, p, o))
        text = graph.serialize(format="nt")
    assert_parsed_like_reference(text)


def test_to_ox_and_from_ox_round_trip() -> None:
    for term in (
        URIRef("http://ex.org/a"),
        Literal("x"),
        Literal("x", lang="nl"),
        Literal("1", datatype=URIRef(XSD + "integer")),
    ):
        back = from_ox(to_ox(term))
        assert (back, getattr(back, "datatype", None), getattr(back, "language", None)) == (
            term,
            getattr(term, "datatype", None),
            getattr(term, "language", None),
        )


def test_triples_come_in_the_order_of_the_text_whatever_the_hash_seed() -> None:
    """The validator indexes triples in the order given: the same text gives the same
    order in every process (no set of strings, whose order follows PYTHONHASHSEED)."""
    lines = [f"<http://ex.org/s{i}> <http://ex.org/p> \"{i}\" ." for i in (3, 1, 2, 1, 0)]
    got = ntriples_to_rdflib("\n".join(lines) + "\n")
    assert [str(s) for s, _p, _o in got] == [f"http://ex.org/s{i}" for i in (3, 1, 2, 0)]
