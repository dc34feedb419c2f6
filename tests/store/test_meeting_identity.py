"""The meeting identity step (natokg.store.meeting_identity) on a small store and on the
corpus."""

from __future__ import annotations

import pyoxigraph as ox

from natokg.identifiers import MEETING_IDENTITY_GRAPH
from natokg.store.meeting_identity import link_months_to_dates

NKG = "https://w3id.org/natokg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
XSD = "http://www.w3.org/2001/XMLSchema#"
ID = "https://w3id.org/natokg/id/"
MONTH = ID + "meeting/foreign-ministers/2008-12"
DATED = ID + "meeting/foreign-ministers/2008-12-02-brussels"


def meeting(iri: str, kind: str, graph: str, start: str = "", month: str = "", city: str = "") -> list[ox.Quad]:
    g = ox.NamedNode(ID + "graph/" + graph)
    node = ox.NamedNode(iri)
    quads = [ox.Quad(node, ox.NamedNode(RDF_TYPE), ox.NamedNode(NKG + kind), g)]
    if start:
        quads.append(ox.Quad(node, ox.NamedNode(NKG + "startDate"), ox.Literal(start, datatype=ox.NamedNode(XSD + "date")), g))
    if month:
        quads.append(ox.Quad(node, ox.NamedNode(NKG + "startMonth"), ox.Literal(month, datatype=ox.NamedNode(XSD + "gYearMonth")), g))
    if city:
        quads.append(ox.Quad(node, ox.NamedNode(NKG + "location"), ox.NamedNode(ID + "place/" + city), g))
    return quads


def links(store: ox.Store) -> set[tuple[str, str]]:
    found = store.quads_for_pattern(None, ox.NamedNode(SAME_AS), None, ox.NamedNode(MEETING_IDENTITY_GRAPH))
    return {(q.subject.value, q.object.value) for q in found}


def test_a_meeting_known_by_its_month_is_the_one_dated_meeting_of_its_kind_then():
    store = ox.Store()
    store.extend(
        meeting(MONTH, "ForeignMinistersMeeting", "april", month="2008-12")
        + meeting(DATED, "ForeignMinistersMeeting", "december", start="2008-12-02", city="brussels")
        # another kind in that month, and the same kind in another month, are other meetings
        + meeting(ID + "meeting/defence-ministers/2008-12-10-brussels", "DefenceMinistersMeeting", "x", start="2008-12-10")
        + meeting(ID + "meeting/foreign-ministers/2009-01-20-brussels", "ForeignMinistersMeeting", "y", start="2009-01-20")
    )
    result = link_months_to_dates(store)
    assert links(store) == {(MONTH, DATED)}
    assert result.graph == MEETING_IDENTITY_GRAPH and result.triples == 1


def test_two_candidates_or_another_place_link_nothing_and_a_run_replaces_the_last():
    store = ox.Store()
    store.extend(
        meeting(MONTH + "-vilnius", "ForeignMinistersMeeting", "april", month="2008-12", city="vilnius")
        + meeting(DATED, "ForeignMinistersMeeting", "december", start="2008-12-02", city="brussels")
    )
    assert link_months_to_dates(store).triples == 0
    assert not store.contains_named_graph(ox.NamedNode(MEETING_IDENTITY_GRAPH))
    store.extend(meeting(MONTH, "ForeignMinistersMeeting", "april", month="2008-12"))
    assert link_months_to_dates(store).triples == 1
    store.extend(meeting(ID + "meeting/foreign-ministers/2008-12-15-riga", "ForeignMinistersMeeting", "z", start="2008-12-15", city="riga"))
    result = link_months_to_dates(store)
    assert result.triples == 0 and links(store) == set()


def test_a_session_is_not_the_meeting_of_its_month():
    store = ox.Store()
    store.extend(
        meeting(MONTH, "ForeignMinistersMeeting", "april", month="2008-12")
        + meeting(DATED + "/council-session-nac-2008-12-02", "CouncilSession", "december", start="2008-12-02")
    )
    assert link_months_to_dates(store).triples == 0


def test_corpus_meetings_known_by_their_month_are_the_dated_ones(corpus_store_dir):
    # "ministers van Buitenlandse Zaken in december 2008" (2008 Bucharest report) is the
    # foreign ministers meeting of 2 and 3 December 2008 that the December report describes
    from natokg.store.layout import open_store

    found = links(open_store(corpus_store_dir, read_only=True))
    assert (MONTH, DATED) in found, sorted(found)
