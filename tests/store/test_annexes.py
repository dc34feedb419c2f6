"""The letter-annex step (natokg.store.annexes) on a small store."""

from __future__ import annotations

import pyoxigraph as ox

from natokg.identifiers import ANNEXES_GRAPH
from natokg.store.annexes import link_letters_and_annexes

NKG = "https://w3id.org/natokg/ontology#"
DCT = "http://purl.org/dc/terms/"
ID = "https://w3id.org/natokg/id/"
COVER, ANNEX, OTHER = ID + "letter/cover", ID + "letter/annex", ID + "letter/other"
MEETING = ID + "meeting/defence-ministers/2013-06-04-brussels"


def quad(s: str, p: str, o: ox.NamedNode | ox.Literal, graph: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o, ox.NamedNode(ID + "graph/" + graph))


def store_with(*quads: ox.Quad) -> ox.Store:
    store = ox.Store()
    store.extend(list(quads))
    return store


def in_annexes_graph(store: ox.Store) -> set[tuple[str, str, str]]:
    return {(q.subject.value, q.predicate.value, q.object.value) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(ANNEXES_GRAPH))}


def test_annex_without_a_meeting_gets_its_cover_letters():
    store = store_with(
        quad(COVER, NKG + "documentNumber", ox.Literal("2013D24680"), "cover"),
        quad(COVER, NKG + "about", ox.NamedNode(MEETING), "cover"),
        quad(ANNEX, NKG + "documentNumber", ox.Literal("2013D24681"), "annex"),
        quad(ANNEX, NKG + "annexOfDocument", ox.Literal("2013D24680"), "annex"),
        quad(OTHER, NKG + "documentNumber", ox.Literal("2024D26911"), "other"),
    )
    result = link_letters_and_annexes(store)
    assert in_annexes_graph(store) == {
        (COVER, DCT + "hasPart", ANNEX), (ANNEX, DCT + "isPartOf", COVER), (ANNEX, NKG + "about", MEETING),
    }
    assert result.graph == ANNEXES_GRAPH and result.triples == 3 and len(result.findings) == 1


def test_no_annexes_no_graph_and_a_second_run_replaces_the_first():
    store = store_with(
        quad(COVER, NKG + "documentNumber", ox.Literal("2013D24680"), "cover"),
        quad(ANNEX, NKG + "annexOfDocument", ox.Literal("2013D24680"), "annex"),
    )
    assert link_letters_and_annexes(store).triples == 2
    store.remove(quad(ANNEX, NKG + "annexOfDocument", ox.Literal("2013D24680"), "annex"))
    result = link_letters_and_annexes(store)
    assert result.graph is None and result.triples == 0
    assert not store.contains_named_graph(ox.NamedNode(ANNEXES_GRAPH))
