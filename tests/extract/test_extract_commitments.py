"""Commitments and observations (natokg.extract.commitments) on the seed letters and
on letters of our own in older styles. Expected values are written from the letters
(and corpus/gold/seeds.yaml, which was written by reading them)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from natokg.extract.commitments import commitments_in
from natokg.read.reader import read_letter
from natokg.records import ActorRef, Letter, LetterRecords, Meeting, MeetingRef
from natokg.text.segment import segment

from support.edited_ontology import edited_ontology
from support.letter_records import records

ROOT = Path(__file__).resolve().parents[2]
LETTERS = ROOT / "corpus" / "letters"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "letters"
NL, ALLIES = ActorRef("state", "nl"), ActorRef("group", "allies")
D = Decimal


def facts(name: str) -> set[tuple]:
    return {(c.actor.key, c.kind, c.amount and c.amount.normalize(), c.unit, c.target_year) for c in records(name).commitments}


EXPECTED = {
    "000_d473f0d0e8325814.txt": {
        ("allies", "spending-target", D(5), "percent-gdp", 2035),
        ("allies", "spending-target", D("3.5"), "percent-gdp", 2035),
        ("nl", "policy-pledge", None, None, None),  # "droeg het commitment uit"
        ("allies", "policy-pledge", None, None, None),  # "geaccordeerd door de 32 bondgenoten"
        ("many-allies", "capability-pledge", None, None, None),  # "prepositionering ... door veel bondgenoten"
    },
    "001_cd1c5c75dbeda8f3.txt": {
        ("allies", "spending-target", D(2), "percent-gdp", None),  # "de huidig afgesproken 2%"
        ("nl", "financial-contribution", D(3500000000).normalize(), "eur", None),
        ("allies", "policy-pledge", None, None, None),  # "dienen bondgenoten ... te rapporteren"
    },
    "002_7ea007089aa3c9f1.txt": {
        ("allies", "spending-target", D(5), "percent-gdp", None),
        ("allies", "spending-target", D("3.5"), "percent-gdp", None),
        ("allies", "spending-target", D("1.5"), "percent-gdp", None),
        ("nl", "spending-target", D("3.5"), "percent-gdp", 2035),
        ("nl", "policy-pledge", None, None, None),  # "de nieuwe NAVO-norm in de wet verankeren"
        ("nato", "policy-pledge", None, None, None),  # lanceert / gepresenteerd / intensificeert
        ("nl", "capability-pledge", None, None, None),  # "zal Nederland zich aansluiten bij"
        ("eu", "financial-contribution", None, None, None),  # "de vrijgekomen middelen uit de EU USL"
    },
    "003_a8b24aadb98f3dfc.txt": {
        ("allies", "spending-target", D(5), "percent-gdp", 2035),
        ("allies", "spending-target", D("3.5"), "percent-gdp", 2035),
        ("allies", "policy-pledge", None, None, None),  # "herhaalden ... gecommitteerd te zijn"
        ("several-allies", "financial-contribution", None, None, None),
        ("nl", "financial-contribution", D(250000000).normalize(), "eur", None),
        ("other-allies", "financial-contribution", None, None, None),
        ("nl", "financial-contribution", D(35000000).normalize(), "eur", None),
    },
    "004_645f0c655bd661fc.txt": {
        ("nl", "capability-pledge", None, None, None),
        ("many-allies", "capability-pledge", None, None, None),  # "net als veel andere bondgenoten"
        ("eu", "financial-contribution", D(5700000000).normalize(), "eur", None),  # EPF ceiling
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_letter_commitments(name):
    assert facts(name) == EXPECTED[name]


def test_nato_pledges_in_the_summit_agenda_are_three_nodes():
    nato = [c for c in records("002_7ea007089aa3c9f1.txt").commitments if c.actor.key == "nato"]
    assert len(nato) == 3
    assert len({c.key_phrase for c in nato}) == 3


def test_composite_target_is_split_with_part_of():
    found = {c.amount.normalize(): c for c in records("002_7ea007089aa3c9f1.txt").commitments
             if c.actor == ALLIES and c.amount is not None}
    whole = found[D(5)]
    assert whole.part_of is None
    assert found[D("3.5")].part_of is whole and found[D("1.5")].part_of is whole
    assert found[D("1.5")].evidence[0].quote.startswith("1,5% voor bredere")
    # "onder de 1,5%-afspraken" later in the letter refers back to the same agreement
    assert any("1,5%-afspraken" in e.quote for e in found[D("1.5")].evidence)


def test_the_hague_agreement_is_made_at_the_hague_summit():
    for name in ("000_d473f0d0e8325814.txt", "003_a8b24aadb98f3dfc.txt"):
        target = next(c for c in records(name).commitments if c.amount == 5)
        assert target.status == "agreed"
        assert target.made_at is not None and target.made_at.city == "the-hague"
        assert target.made_at.kind == "summit"


def test_status_and_beneficiary():
    found = {(c.actor.key, c.amount): c for c in records("003_a8b24aadb98f3dfc.txt").commitments}
    purl = found[("nl", 250000000)]
    assert purl.status == "announced" and purl.beneficiary == ActorRef("organisation", "purl")
    assert found[("nl", 35000000)].beneficiary == ActorRef("organisation", "ucap")
    nl_target = next(c for c in records("002_7ea007089aa3c9f1.txt").commitments
                     if c.actor == NL and c.kind == "spending-target")
    assert nl_target.status == "intended"


def test_realised_figures_are_observations_not_commitments():
    observed = {(o.actor.key, o.amount.normalize(), o.unit) for o in records("002_7ea007089aa3c9f1.txt").observations}
    assert ("nl", D("2.26"), "percent-gdp") in observed  # "Nederland gaf in 2025 2,26% ... uit"
    assert ("european-allies", D(94000000000).normalize(), "usd") in observed  # "groeiden ... (circa 94 miljard USD)"
    assert ("nl", D("2.59"), "percent-gdp") in observed  # footnote: "komen ... uit op 2,59%"
    observed_000 = {(o.actor.key, o.amount.normalize(), o.unit) for o in records("000_d473f0d0e8325814.txt").observations}
    assert observed_000 == {("european-allies-and-canada", D(90000000000).normalize(), "usd")}
    for name in EXPECTED:
        assert all(c.amount not in (D("2.26"), D(94000000000), D(90000000000)) for c in records(name).commitments)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_evidence_quotes_the_raw_text(name):
    raw = read_letter(LETTERS / name).raw
    for item in records(name).commitments + records(name).observations:
        assert item.evidence
        for evidence in item.evidence:
            assert raw[evidence.start : evidence.end] == evidence.quote


# ---------------------------------------------------------------- older styles


def style_records(name: str, kind: str) -> LetterRecords:
    seg = segment(read_letter(FIXTURES / name))
    records = LetterRecords(Letter("style", kind, "", name))
    records.meetings.append(Meeting(MeetingRef("summit", date(2014, 9, 4), "newport"), "main", "NAVO-top"))
    records.commitments, records.observations = commitments_in(seg, records)
    return records


def test_style_agenda_agreement_and_committed_money():
    records = style_records("styles_agenda_2014.txt", "agenda")
    found = {(c.actor.key, c.kind, c.amount, c.unit, c.target_year, c.status) for c in records.commitments}
    assert found == {
        # "Het is afgesproken dat bondgenoten ... streven naar 2% van het bbp"
        ("allies", "spending-target", D(2), "percent-gdp", None, "agreed"),
        # "Nederland heeft tot eind 2016 EUR 25 mln. gecommitteerd aan het trustfonds voor
        # Oekraïne": committed before the agenda was written (the perfect tense), so announced
        ("nl", "financial-contribution", D(25000000), "eur", 2016, "announced"),
    }


def test_style_report_announcements_and_realised_spending():
    records = style_records("styles_report_2014.txt", "report")
    found = {(c.actor.key, c.kind, c.status) for c in records.commitments}
    assert found == {
        ("several-allies", "financial-contribution", "announced"),  # "kondigden nieuwe bijdragen ... aan"
        ("nl", "capability-pledge", "announced"),  # "zal zich aansluiten bij het initiatief"
    }
    assert [(o.actor.key, o.amount, o.unit, o.year) for o in records.observations] == [
        ("european-allies", D("1.4"), "percent-gdp", 2013)  # "gaven in 2013 1,4% van het bbp uit"
    ]


def test_gdp_words_are_read_from_the_cue_turtle(tmp_path, monkeypatch):
    """"2% van het bbp" is a share of GDP because cue:gdp of extraction-cues.ttl lists
    "bbp": in a copy without it (found through NATOKG_HOME) the 2% is a bare percentage,
    which pledges nothing."""
    gdp = 'skos:altLabel "bbp"@nl , "bnp"@nl ,'
    with edited_ontology(tmp_path / "home", monkeypatch, "extraction-cues.ttl", gdp, 'skos:altLabel "bnp"@nl ,'):
        records = style_records("styles_agenda_2014.txt", "agenda")
    assert [c.kind for c in records.commitments] == ["financial-contribution"]  # the EUR 25 mln. only
