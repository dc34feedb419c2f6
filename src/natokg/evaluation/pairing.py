"""The facts of the agenda -> report pairing category.

A gold report letter names the agenda of the same meeting (``pairs_with``); each of its
Dutch positions that takes up an agenda position names that position's quote
(``realises``). A gold pair is keyed by the agenda position's topic and stance and the
report position's topic and stance (both held by the Netherlands).

The predicted pairs are the build's links (natokg.store.pairing.realising_links, the one
pairing rule, applied here to two letters' records instead of a store): when an agenda
letter's and a report letter's main meetings are the same meeting, the intended Dutch
positions of the agenda at that meeting are linked to the expressed Dutch positions of the
report that carry them out (same topic, compatible stance: nkg:realisedAs in
ontology/stances.ttl). Each link is one predicted pair with the same key as the gold pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

from natokg.evaluation.gold import GoldLetter
from natokg.evaluation.names import GoldNames
from natokg.records import ActorRef, LetterRecords, Position
from natokg.store.pairing import realising_links

NETHERLANDS = ActorRef("state", "nl")

#: (agenda topic, agenda stance, report topic, report stance)
PairKey = tuple[str | None, str | None, str, str]


@dataclass(frozen=True)
class Pair:
    key: PairKey
    quote: str | None  # the report position's quote
    optional: bool = False


def gold_pairs(report: GoldLetter, agenda: GoldLetter | None, names: GoldNames) -> list[Pair]:
    """The report's positions that realise an agenda position; an agenda quote the
    agenda's gold does not hold gives a pair no prediction can match."""
    agenda_positions = {p.quote: p for p in agenda.positions} if agenda is not None else {}
    pairs = []
    for position in report.positions:
        if position.realises is None:
            continue
        taken_up = agenda_positions.get(position.realises)
        agenda_key = (
            (names.topic(taken_up.topic), names.stance(taken_up.stance)) if taken_up is not None else (None, None)
        )
        key = (*agenda_key, names.topic(position.topic), names.stance(position.stance))
        pairs.append(Pair(key, position.quote, position.optional))
    return pairs


def predicted_pairs(
    report: LetterRecords | None, agenda: LetterRecords | None, compatible: frozenset[tuple[str, str]],
    names: GoldNames,
) -> list[Pair]:
    """The links the build's pairing rule makes between the two letters' records, their
    stances as the gold writes them."""
    if report is None or agenda is None or report.main_meeting is None or agenda.main_meeting is None:
        return []
    meeting = report.main_meeting.ref
    if (report.letter.kind, agenda.letter.kind) != ("report", "agenda") or agenda.main_meeting.ref != meeting:
        return []
    intended = _dutch_positions(agenda, meeting, "intended")
    expressed = _dutch_positions(report, meeting, "expressed")
    links = realising_links(
        [(str(a.meeting), a.topic, a.stance) for a in intended],
        [(str(r.meeting), r.topic, r.stance) for r in expressed],
        compatible,
    )
    as_gold = names.predicted_stance
    return [
        Pair((intended[i].topic, as_gold(intended[i].stance), expressed[e].topic, as_gold(expressed[e].stance)),
             next((ev.quote for ev in expressed[e].evidence), None))
        for i, e in links
    ]


def _dutch_positions(records: LetterRecords, meeting, modality: str) -> list[Position]:
    return [
        p for p in records.positions
        if p.actor == NETHERLANDS and p.modality == modality and p.meeting == meeting
    ]
