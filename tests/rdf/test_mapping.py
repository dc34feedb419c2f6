"""The mapper: deterministic IRIs, typed literals, evidence that points into the raw text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from natokg.rdf.mapping import (
    commitment_iri,
    decimal_literal,
    map_records,
    meeting_iri,
    position_iri,
)
from natokg.namespaces import ID, NKG, OA
from natokg.records import (
    ActorRef,
    Commitment,
    Evidence,
    Letter,
    LetterRecords,
    Meeting,
    MeetingRef,
    Participation,
    Position,
    SourceDocument,
)

from support.seed_dataset import document, evidence  # noqa: E402

HAGUE = MeetingRef("summit", date(2025, 6, 24), "the-hague")
HELSINGBORG = MeetingRef("foreign-ministers", date(2026, 5, 21), "helsingborg")


def _document() -> SourceDocument:
    return document("000_d473f0d0e8325814.txt")


_evidence = evidence


def _records(document: SourceDocument) -> LetterRecords:
    nl = ActorRef("state", "nl")
    allies = ActorRef("group", "allies")
    five_percent = Commitment(
        actor=allies,
        kind="spending-target",
        status="agreed",
        evidence=[_evidence(document, "5% van het BBP aan defensie te besteden")],
        amount=Decimal("5"),
        unit="percent-gdp",
        target_year=2035,
        made_at=HAGUE,
    )
    return LetterRecords(
        letter=Letter(
            key="bz2628703",
            kind="report",
            sha256=document.sha256,
            source_file=document.path.name,
            date=date(2026, 6, 3),
            reference="BZ2628703",
            title="Verslag NATO Foreign Ministers Meeting van 21 en 22 mei 2026",
            addressee="eerste-kamer",
        ),
        meetings=[
            Meeting(
                ref=HELSINGBORG,
                role="main",
                name="NATO Foreign Ministers Meeting",
                end=date(2026, 5, 22),
                country="se",
                evidence=[_evidence(document, "Helsingborg, Zweden")],
            )
        ],
        participations=[
            Participation(
                allies, HELSINGBORG, "ally", [_evidence(document, "alle 32 NAVO-bondgenoten")], stated_count=32
            )
        ],
        commitments=[
            five_percent,
            Commitment(
                actor=allies,
                kind="spending-target",
                status="agreed",
                evidence=[_evidence(document, "waarvan 3,5% aan harde defensie-uitgaven")],
                amount=Decimal("3.50"),
                unit="percent-gdp",
                target_year=2035,
                made_at=HAGUE,
                part_of=five_percent,
            ),
        ],
        positions=[
            Position(
                actor=nl,
                stance="emphasise",
                topic="defence-industry",
                meeting=HELSINGBORG,
                modality="expressed",
                evidence=[_evidence(document, "Nederland onderstreepte dat de Europese industrie dient op te schalen")],
            )
        ],
        topics={"defence-industry": []},
    )


def test_meeting_iris_follow_design():
    assert meeting_iri(HAGUE) == URIRef(ID["meeting/summit/2025-06-24-the-hague"])
    session = MeetingRef("council-session", date(2026, 7, 8), None, "north-atlantic-council",
                         parent=MeetingRef("summit", date(2026, 7, 7), "ankara"))
    assert str(meeting_iri(session)).endswith(
        "meeting/summit/2026-07-07-ankara/council-session-north-atlantic-council-2026-07-08"
    )
    undated = MeetingRef("external", None, None, "commissiedebat")
    assert str(meeting_iri(undated)).endswith("meeting/external/commissiedebat")
    # known by its month alone: "in Vilnius in februari 2008", "de Europese Raad van december a.s.", "in oktober"
    assert str(meeting_iri(MeetingRef("defence-ministers", None, "vilnius", month="2008-02"))).endswith(
        "meeting/defence-ministers/2008-02-vilnius"
    )
    assert str(meeting_iri(MeetingRef("external", None, None, "european-council", month="2013-12"))).endswith(
        "meeting/external/2013-12-european-council"
    )
    assert str(meeting_iri(MeetingRef("defence-ministers", None, None, month="2013-10"))).endswith(
        "meeting/defence-ministers/2013-10"
    )


def test_same_commitment_in_two_letters_is_one_node():
    document = _document()
    first = _records(document).commitments[0]
    other_wording = Commitment(
        actor=first.actor, kind=first.kind, status="announced",
        evidence=[Evidence(0, 1, document.raw[0])], amount=Decimal("5.0"), unit="percent-gdp",
        target_year=2035, made_at=HAGUE,
    )
    assert commitment_iri(first) == commitment_iri(other_wording)


def test_decimal_literal_is_canonical():
    assert decimal_literal(Decimal("3.50")) == Literal("3.5", datatype=XSD.decimal)
    assert decimal_literal(Decimal("2.5E+8")) == Literal("250000000.0", datatype=XSD.decimal)


def test_letter_graph_holds_assertions_and_entities_hold_descriptions():
    document = _document()
    graphs = map_records(_records(document), document)
    letter = ID["letter/bz2628703"]
    meeting = meeting_iri(HELSINGBORG)
    assert (letter, RDF.type, NKG.MeetingReport) in graphs.assertions
    assert (letter, NKG.about, meeting) in graphs.assertions
    assert (meeting, RDF.type, NKG.ForeignMinistersMeeting) in graphs.entities
    assert (meeting, RDF.type, NKG.ForeignMinistersMeeting) not in graphs.assertions
    assert (meeting, NKG.endDate, Literal("2026-05-22", datatype=XSD.date)) in graphs.entities
    assert graphs.graph == ID["graph/bz2628703"]
    assert not any(graphs.entities.triples((None, NKG.startMonth, None)))
    assert not any(isinstance(term, type(None)) for triple in graphs.assertions for term in triple)


def test_a_meeting_known_by_its_month_has_a_start_month_and_no_start_date():
    document = _document()
    records = _records(document)
    vilnius = MeetingRef("defence-ministers", None, "vilnius", month="2008-02")
    records.meetings.append(Meeting(vilnius, "mentioned", "bijeenkomst", evidence=[_evidence(document, "Helsingborg")]))
    graphs = map_records(records, document)
    node = meeting_iri(vilnius)
    assert (node, NKG.startMonth, Literal("2008-02", datatype=XSD.gYearMonth)) in graphs.entities
    assert not any(graphs.entities.triples((node, NKG.startDate, None)))


def test_every_evidence_quote_is_the_raw_text_at_its_offsets():
    document = _document()
    graphs = map_records(_records(document), document)
    evidence_nodes = list(graphs.assertions.subjects(RDF.type, NKG.Evidence))
    assert len(evidence_nodes) == 5
    for node in evidence_nodes:
        start = graphs.assertions.value(node, OA.start).toPython()
        end = graphs.assertions.value(node, OA.end).toPython()
        assert document.raw[start:end] == str(graphs.assertions.value(node, OA.exact))


def test_evidence_that_does_not_match_raw_text_is_refused():
    document = _document()
    records = _records(document)
    records.positions[0].evidence = [Evidence(0, 5, "wrong")]
    with pytest.raises(AssertionError, match="does not match the raw text"):
        map_records(records, document)


def test_composite_commitment_parts_point_to_the_whole():
    document = _document()
    records = _records(document)
    graphs = map_records(records, document)
    whole, part = (commitment_iri(c) for c in records.commitments)
    assert (part, NKG.partOf, whole) in graphs.assertions
    assert (part, NKG.amount, Literal("3.5", datatype=XSD.decimal)) in graphs.assertions
    assert (whole, NKG.targetYear, Literal("2035", datatype=XSD.gYear)) in graphs.assertions


@pytest.mark.parametrize("fmt", ["turtle", "nt", "nquads", "trig", "jsonld"])
def test_serialisations_parse_back(fmt):
    from rdflib import Dataset, Graph

    document = _document()
    graphs = map_records(_records(document), document)
    text = graphs.serialize(fmt)
    expected = len(graphs.assertions) + len(graphs.entities - graphs.assertions)
    if fmt in ("nquads", "trig"):
        dataset = Dataset()
        dataset.parse(data=text, format=fmt)
        assert sum(1 for _ in dataset.quads()) == len(graphs.assertions) + len(graphs.entities)
    else:
        graph = Graph()
        graph.parse(data=text, format={"jsonld": "json-ld"}.get(fmt, fmt))
        assert len(graph) == expected


def test_nquads_are_sorted_and_stable():
    document = _document()
    first = map_records(_records(document), document).serialize("nquads")
    second = map_records(_records(document), document).serialize("nquads")
    assert first == second
    lines = first.splitlines()
    assert lines == sorted(lines)


def test_position_iri_ignores_wording_but_not_modality():
    document = _document()
    position = _records(document).positions[0]
    intended = Position(**{**position.__dict__, "modality": "intended"})
    assert position_iri(position) != position_iri(intended)


def test_regression_meeting_informality_never_contradicts_across_letters():
    """Two letters about one meeting, one calling it informal and one silent, must not
    give the shared meeting both isInformal true and false: silence adds nothing."""
    from dataclasses import replace

    document = _document()
    silent = _records(document)
    meeting = meeting_iri(HELSINGBORG)
    assert list(map_records(silent, document).entities.objects(meeting, NKG.isInformal)) == []
    informal = replace(silent, meetings=[replace(silent.meetings[0], informal=True)])
    assert list(map_records(informal, document).entities.objects(meeting, NKG.isInformal)) == [
        Literal("true", datatype=XSD.boolean)
    ]
