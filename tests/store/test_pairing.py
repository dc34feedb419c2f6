"""Agenda-to-report pairing over a small hand-made store.

The store holds an agenda and a report of one meeting (the Helsingborg FMM of May 2026),
written from how letters 002 (agenda style) and 000 (report) phrase positions, plus an
agenda of another meeting that has no report.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from natokg.store.pairing import PAIRING_GRAPH, pair_positions

ID = "https://w3id.org/natokg/id/"
NKG = "https://w3id.org/natokg/ontology#"
TRIG = f"""
@prefix nkg: <{NKG}> .
@prefix id: <{ID}> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

# "Het kabinet zal ... oproepen tot een gecoördineerde burden shift" (agenda)
# "Het kabinet zal ... benadrukken dat ... steun aan Oekraïne essentieel is" (agenda)
# "Het kabinet steunt ... defensie-industrie" (agenda), "ziet ... niet als wenselijk" (agenda)
<{ID}graph/agenda> {{
  id:letter\\/agenda a nkg:AnnotatedAgenda ; nkg:about id:meeting\\/fmm .
  id:position\\/a-burden a nkg:Position ; nkg:heldBy id:state\\/nl ; nkg:stance id:stance\\/call-for ;
      nkg:onTopic id:topic\\/burden-sharing ; nkg:modality id:modality\\/intended ;
      nkg:expressedAt id:meeting\\/fmm ; prov:wasDerivedFrom id:letter\\/agenda .
  id:position\\/a-ukraine a nkg:Position ; nkg:heldBy id:state\\/nl ; nkg:stance id:stance\\/emphasise ;
      nkg:onTopic id:topic\\/ukraine-support ; nkg:modality id:modality\\/intended ;
      nkg:expressedAt id:meeting\\/fmm ; prov:wasDerivedFrom id:letter\\/agenda .
  id:position\\/a-industry a nkg:Position ; nkg:heldBy id:state\\/nl ; nkg:stance id:stance\\/support ;
      nkg:onTopic id:topic\\/defence-industry ; nkg:modality id:modality\\/intended ;
      nkg:expressedAt id:meeting\\/fmm ; prov:wasDerivedFrom id:letter\\/agenda .
  id:position\\/a-arctic a nkg:Position ; nkg:heldBy id:state\\/nl ; nkg:stance id:stance\\/emphasise ;
      nkg:onTopic id:topic\\/arctic ; nkg:modality id:modality\\/intended ;
      nkg:expressedAt id:meeting\\/fmm ; prov:wasDerivedFrom id:letter\\/agenda .
  id:position\\/a-china a nkg:Position ; nkg:heldBy id:state\\/nl ; nkg:stance id:stance\\/support ;
      nkg:onTopic id:topic\\/china ; nkg:modality id:modality\\/intended ;
      nkg:expressedAt id:meeting\\/fmm ; prov:wasDerivedFrom id:letter\\/agenda .
}}

# "Nederland en diverse andere bondgenoten riepen op tot betere verdeling van de lasten"
# "Nederland onderstreepte ... samenwerking tussen ... defensie-industrieën"
# "Diverse bondgenoten vroegen aandacht voor ... de Arctische regio" (not the Netherlands)
# "Nederland ... ziet ... niet als wenselijk" on China: oppose never realises support
<{ID}graph/report> {{
  id:letter\\/report a nkg:MeetingReport ; nkg:about id:meeting\\/fmm .
  id:position\\/r-burden a nkg:Position ; nkg:heldBy id:state\\/nl ; nkg:stance id:stance\\/call-for ;
      nkg:onTopic id:topic\\/burden-sharing ; nkg:modality id:modality\\/expressed ;
      nkg:expressedAt id:meeting\\/fmm ; prov:wasDerivedFrom id:letter\\/report .
  id:position\\/r-industry a nkg:Position ; nkg:heldBy id:state\\/nl ; nkg:stance id:stance\\/emphasise ;
      nkg:onTopic id:topic\\/defence-industry ; nkg:modality id:modality\\/expressed ;
      nkg:expressedAt id:meeting\\/fmm ; prov:wasDerivedFrom id:letter\\/report .
  id:position\\/r-arctic a nkg:Position ; nkg:heldBy id:group\\/several-allies ; nkg:stance id:stance\\/emphasise ;
      nkg:onTopic id:topic\\/arctic ; nkg:modality id:modality\\/expressed ;
      nkg:expressedAt id:meeting\\/fmm ; prov:wasDerivedFrom id:letter\\/report .
  id:position\\/r-china a nkg:Position ; nkg:heldBy id:state\\/nl ; nkg:stance id:stance\\/oppose ;
      nkg:onTopic id:topic\\/china ; nkg:modality id:modality\\/expressed ;
      nkg:expressedAt id:meeting\\/fmm ; prov:wasDerivedFrom id:letter\\/report .
}}

# An agenda of a summit whose report is not in the corpus: nothing to pair.
<{ID}graph/other-agenda> {{
  id:letter\\/other a nkg:AnnotatedAgenda ; nkg:about id:meeting\\/summit .
  id:position\\/s-spending a nkg:Position ; nkg:heldBy id:state\\/nl ; nkg:stance id:stance\\/intend ;
      nkg:onTopic id:topic\\/defence-spending ; nkg:modality id:modality\\/intended ;
      nkg:expressedAt id:meeting\\/summit ; prov:wasDerivedFrom id:letter\\/other .
}}
"""


def _store() -> ox.Store:
    store = ox.Store()
    store.load(TRIG.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return store


def _pairing_triples(store: ox.Store) -> set[tuple[str, str, str]]:
    return {
        (q.subject.value, q.predicate.value.rsplit("#", 1)[-1], q.object.value)
        for q in store.quads_for_pattern(None, None, None, PAIRING_GRAPH)
    }


def test_links_and_unrealised_are_exact():
    store = _store()
    result = pair_positions(store)
    p = ID + "position/"
    assert _pairing_triples(store) == {
        (p + "a-burden", "realisedBy", p + "r-burden"),  # same stance
        (p + "a-industry", "realisedBy", p + "r-industry"),  # support ~ emphasise
        (p + "a-ukraine", "unrealised", "true"),  # no Dutch position on the topic
        (p + "a-arctic", "unrealised", "true"),  # only other allies spoke on it
        (p + "a-china", "unrealised", "true"),  # oppose does not realise support
    }
    assert result.meetings == (ID + "meeting/fmm",)
    assert result.links == ((p + "a-burden", p + "r-burden"), (p + "a-industry", p + "r-industry"))
    assert result.triples == 5


def test_rerun_replaces_the_graph():
    store = _store()
    pair_positions(store)
    first = sorted(str(q) for q in store.quads_for_pattern(None, None, None, PAIRING_GRAPH))
    # a stale triple from an earlier build must disappear
    store.add(ox.Quad(ox.NamedNode(ID + "position/gone"), ox.NamedNode(NKG + "unrealised"),
                      ox.Literal("true"), PAIRING_GRAPH))
    pair_positions(store)
    second = sorted(str(q) for q in store.quads_for_pattern(None, None, None, PAIRING_GRAPH))
    assert first == second


def test_a_new_report_position_realises_after_rerun():
    store = _store()
    pair_positions(store)
    report = ox.NamedNode(ID + "graph/report")
    node = ox.NamedNode(ID + "position/r-ukraine")
    for predicate, obj in (
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", NKG + "Position"),
        (NKG + "heldBy", ID + "state/nl"),
        (NKG + "stance", ID + "stance/emphasise"),
        (NKG + "onTopic", ID + "topic/ukraine-support"),
        (NKG + "modality", ID + "modality/expressed"),
        (NKG + "expressedAt", ID + "meeting/fmm"),
        ("http://www.w3.org/ns/prov#wasDerivedFrom", ID + "letter/report"),
    ):
        store.add(ox.Quad(node, ox.NamedNode(predicate), ox.NamedNode(obj), report))
    pair_positions(store)
    triples = _pairing_triples(store)
    assert (ID + "position/a-ukraine", "realisedBy", ID + "position/r-ukraine") in triples
    assert (ID + "position/a-ukraine", "unrealised", "true") not in triples


def test_no_agenda_report_pair_writes_an_empty_graph():
    store = ox.Store()
    result = pair_positions(store)
    assert result.links == () and result.unrealised == () and result.triples == 0
    assert list(store.quads_for_pattern(None, None, None, PAIRING_GRAPH)) == []


@pytest.mark.parametrize("pair,ok", [(("oppose", "support"), False), (("support", "oppose"), False),
                                     (("emphasise", "call-for"), True), (("intend", "support"), True)])
def test_stance_compatibility(pair, ok):
    from natokg.store.pairing import compatible_stances

    assert (pair in compatible_stances()) is ok


def test_a_report_position_carries_out_the_agenda_position_with_its_own_stance():
    """Agenda: "Nederland steunt de NAVO-missie" and "zal het belang van de missie benadrukken";
    report: "Nederland steunde de missie": it carries out the support, not also the emphasis."""
    from natokg.store.pairing import compatible_stances, realising_links

    intended = [("m", "iraq", "support"), ("m", "iraq", "emphasise"), ("m", "piracy", "intend"), ("other", "iraq", "support")]
    expressed = [("m", "iraq", "support"), ("m", "piracy", "call-for"), ("m", "iraq", "oppose")]
    assert sorted(realising_links(intended, expressed, compatible_stances())) == [(0, 0), (2, 1)]
    # without the same stance on the topic, every compatible one
    assert sorted(realising_links(intended[1:], [("m", "iraq", "welcome")], compatible_stances())) == [(0, 0)]


def test_eval_pairs_follow_the_build_rule():
    from natokg.evaluation.pairing import predicted_pairs
    from natokg.records import ActorRef, Letter, LetterRecords, Meeting, MeetingRef, Position
    from natokg.store.pairing import compatible_stances
    from datetime import date

    meeting = MeetingRef("foreign-ministers", date(2026, 5, 21), "helsingborg")
    nl = ActorRef("state", "nl")

    def letter(kind, *positions):
        found = LetterRecords(Letter(kind, kind, "", f"{kind}.txt"))
        found.meetings.append(Meeting(meeting, "main", "bijeenkomst"))
        modality = "intended" if kind == "agenda" else "expressed"
        found.positions = [Position(nl, stance, topic, meeting, modality, [], None) for stance, topic in positions]
        return found

    from natokg.evaluation.names import GoldNames
    from natokg.knowledge.lexicon import load_lexicon

    names = GoldNames(load_lexicon())
    agenda = letter("agenda", ("support", "iraq"), ("emphasise", "iraq"))
    report = letter("report", ("support", "iraq"))
    assert [p.key for p in predicted_pairs(report, agenda, compatible_stances(), names)] == [("iraq", "support", "iraq", "support")]
    # a narrower stance reads as the gold's broader one
    report = letter("report", ("appreciate", "iraq"))
    agenda = letter("agenda", ("intend", "iraq"))
    pairs = predicted_pairs(report, agenda, compatible_stances(), names)
    assert [p.key for p in pairs] == [("iraq", "intend", "iraq", "welcome")]


def test_regression_one_report_position_carries_out_one_agenda_position():
    """A report's "Nederland drong aan op meer steun" on a topic the agenda names three
    times (verwelkomt, steunt, benadrukt) carries out one of them, not all three: the
    first the agenda states that its stance realises."""
    from natokg.store.pairing import compatible_stances, realising_links

    compatible = compatible_stances()
    intended = [("m", "ukraine-support", "welcome"), ("m", "ukraine-support", "support"), ("m", "ukraine-support", "emphasise")]
    assert realising_links(intended, [("m", "ukraine-support", "call-for")], compatible) == [(0, 0)]
    # its own stance first, wherever the agenda states it
    assert realising_links(intended, [("m", "ukraine-support", "support")], compatible) == [(1, 0)]
    # two report statements may carry out the same intention
    both = [("m", "ukraine-support", "call-for"), ("m", "ukraine-support", "welcome")]
    assert realising_links(intended, both, compatible) == [(0, 0), (0, 1)]
    assert realising_links(intended, [("m", "arctic", "support")], compatible) == []
