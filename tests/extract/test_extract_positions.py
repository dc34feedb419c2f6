"""Positions and topics (natokg.extract.positions) on the seed letters and on letters
of our own in older styles. Expected facts are written from the letters (and
corpus/gold/seeds.yaml, which was written by reading them)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from natokg.extract import extract_letter
from natokg.extract.phrases import tokenize
from natokg.extract.positions import positions_in
from natokg.read.reader import read_letter
from natokg.records import Letter, LetterRecords, Meeting, MeetingRef
from natokg.text.segment import segment

from support.letter_records import extract_text, fixture_records, records

ROOT = Path(__file__).resolve().parents[2]
LETTERS = ROOT / "corpus" / "letters"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "letters"


def facts(name: str) -> set[tuple[str, str, str]]:
    return {(p.actor.key, p.stance, p.topic) for p in records(name).positions}


# (actor, stance, topic) per letter, from reading the letters
EXPECTED = {
    "000_d473f0d0e8325814.txt": {
        ("allies", "emphasise", "defence-spending"), ("nl", "emphasise", "defence-spending"),
        ("nl", "support", "defence-spending"), ("nl", "call-for", "burden-sharing"),
        ("several-allies", "call-for", "burden-sharing"), ("nl", "emphasise", "defence-industry"),
        ("allies", "emphasise", "ukraine-support"), ("several-allies", "emphasise", "deterrence-and-defence"),
        ("several-allies", "emphasise", "terrorism"), ("several-allies", "emphasise", "middle-east"),
        ("several-allies", "emphasise", "western-balkans"), ("several-allies", "emphasise", "arctic"),
        ("several-allies", "emphasise", "partnerships"), ("nl", "support", "partnerships"),
        ("allies", "emphasise", "strait-of-hormuz"), ("many-european-allies", "intend", "strait-of-hormuz"),
        ("nl", "support", "strait-of-hormuz"), ("other-countries", "support", "strait-of-hormuz"),
    },
    "003_a8b24aadb98f3dfc.txt": {
        ("us", "call-for", "defence-spending"), ("european-allies-and-canada", "intend", "burden-sharing"),
        ("nl", "call-for", "defence-spending"), ("several-allies", "emphasise", "defence-industry"),
        ("nl", "emphasise", "defence-industry"), ("many-allies", "welcome", "peace-process-ukraine"),
        ("many-allies", "emphasise", "peace-process-ukraine"), ("several-allies", "emphasise", "russia-threat"),
        ("several-allies", "emphasise", "peace-process-ukraine"), ("nl", "emphasise", "peace-process-ukraine"),
        ("allies", "emphasise", "peace-process-ukraine"), ("allies", "emphasise", "ukraine-support"),
        ("nl", "emphasise", "burden-sharing"), ("several-allies", "emphasise", "burden-sharing"),
        ("nl", "call-for", "burden-sharing"), ("several-allies", "emphasise", "terrorism"),
        ("several-allies", "emphasise", "western-balkans"), ("several-allies", "emphasise", "middle-east"),
        ("several-allies", "emphasise", "africa"), ("several-allies", "emphasise", "arctic"),
        ("allies", "emphasise", "partnerships"),
    },
    "004_645f0c655bd661fc.txt": {
        ("nl", "welcome", "nato-enlargement"), ("nl", "support", "nato-enlargement"),
        ("nl", "call-for", "nato-enlargement"), ("nl", "intend", "russia-threat"),
        ("nl", "intend", "ukraine-support"), ("nl", "intend", "deterrence-and-defence"),
        ("nl", "oppose", "ukraine-support"), ("nl", "emphasise", "ukraine-support"),
        ("nl", "call-for", "ukraine-support"), ("nl", "emphasise", "russia-threat"),
        ("nl", "support", "deterrence-and-defence"), ("nl", "emphasise", "strategic-concept"),
        ("nl", "call-for", "china"), ("nl", "call-for", "innovation-and-emerging-technologies"),
        ("nl", "call-for", "climate-and-security"), ("nl", "emphasise", "partnerships"),
        ("nl", "emphasise", "common-funding"), ("nl", "support", "common-funding"),
        ("nl", "support", "ukraine-support"), ("eu-member-states", "support", "ukraine-support"),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_report_and_agenda_positions(name):
    assert EXPECTED[name] <= facts(name), sorted(EXPECTED[name] - facts(name))


def test_000_has_no_position_beyond_the_letter():
    # every position of the Helsingborg report is one the letter states
    assert facts("000_d473f0d0e8325814.txt") == EXPECTED["000_d473f0d0e8325814.txt"]


def test_summit_agenda_positions_are_intended_by_the_netherlands():
    found = records("002_7ea007089aa3c9f1.txt").positions
    assert {(p.stance, p.topic) for p in found if p.actor.key == "nl"} >= {
        ("intend", "burden-sharing"), ("support", "burden-sharing"), ("intend", "defence-spending"),
        ("call-for", "defence-spending"), ("call-for", "burden-sharing"), ("support", "defence-industry"),
        ("intend", "ukraine-support"), ("emphasise", "ukraine-support"), ("support", "ukraine-support"),
        ("welcome", "partnerships"),
    }
    assert {p.modality for p in found} == {"intended"}
    main = records("002_7ea007089aa3c9f1.txt").main_meeting.ref
    assert {p.meeting for p in found} == {main}


def test_001_agenda_lists_topics_the_cabinet_puts_central():
    # "In dit kader staat ook het belang van de Trans-Atlantische samenwerking, ...,
    # de verbondenheid van de Indo-Pacific ..., en hogere defensie-uitgaven centraal"
    assert {("nl", "emphasise", "transatlantic-cooperation"), ("nl", "emphasise", "indo-pacific"),
            ("nl", "emphasise", "defence-spending"), ("allies", "support", "defence-spending"),
            ("nl", "support", "nato-enlargement"), ("nl", "welcome", "defence-industry"),
            ("nl", "call-for", "ukraine-support")} <= facts("001_cd1c5c75dbeda8f3.txt")


def test_staan_centraal_without_an_actor_is_the_agenda_not_a_position():
    # Regression: "Hierbij staan een grotere rol van Europa binnen de NAVO, de
    # trans-Atlantische veiligheidssamenwerking, en het opvolgen van de
    # NAVO-capaciteitsdoelstellingen centraal" (002) lists the summit's agenda after a
    # sentence about the meeting; it was read as three Dutch positions.
    found = records("002_7ea007089aa3c9f1.txt").positions
    assert not [p for p in found if "centraal" in p.verb]
    assert {"transatlantic-cooperation", "burden-sharing"} <= set(records("002_7ea007089aa3c9f1.txt").topics)
    # in 001 the sentence before has the cabinet's stance: "In dit kader staat ook" goes on with it
    central = {(p.actor.key, p.topic) for p in records("001_cd1c5c75dbeda8f3.txt").positions if "centraal" in p.verb}
    assert ("nl", "transatlantic-cooperation") in central and ("nl", "indo-pacific") in central


def test_announced_contributions_are_not_positions():
    # "Diverse bondgenoten kondigden hiertoe nieuwe steun voor Oekraïne aan" is a commitment
    assert not any(p.stance == "intend" and p.actor.key in ("nl", "several-allies", "other-allies")
                   for p in records("003_a8b24aadb98f3dfc.txt").positions)


def test_ramstein_position_is_expressed_at_ramstein():
    # "Nederland pleitte daar ook voor tijdens de bijeenkomst ... in Ramstein op 26 april jl."
    found = [p for p in records("004_645f0c655bd661fc.txt").positions if p.stance == "call-for" and p.topic == "ukraine-support"]
    assert len(found) == 1
    assert found[0].meeting.city == "ramstein" and found[0].modality == "expressed"


def test_one_record_per_sentence_and_evidence_quotes_the_raw_text():
    for name in ("000_d473f0d0e8325814.txt", "001_cd1c5c75dbeda8f3.txt", "002_7ea007089aa3c9f1.txt",
                 "003_a8b24aadb98f3dfc.txt", "004_645f0c655bd661fc.txt"):
        raw = read_letter(LETTERS / name).raw
        for position in records(name).positions:
            assert position.verb and len(position.evidence) == 1
            evidence = position.evidence[0]
            assert raw[evidence.start : evidence.end] == evidence.quote
    # "het belang onderstrepen van blijvende steun aan Oekraïne" is said in two sentences of 001
    ukraine = [p for p in records("001_cd1c5c75dbeda8f3.txt").positions
               if (p.actor.key, p.stance, p.topic) == ("nl", "emphasise", "ukraine-support")]
    assert len(ukraine) == 2


def test_topics_the_letter_treats():
    topics = records("000_d473f0d0e8325814.txt").topics
    assert {"defence-spending", "defence-industry", "ukraine-support", "burden-sharing", "strait-of-hormuz",
            "middle-east", "arctic", "western-balkans", "terrorism", "partnerships"} <= set(topics)
    raw = read_letter(LETTERS / "000_d473f0d0e8325814.txt").raw
    assert all(raw[e.start : e.end] == e.quote for evidence in topics.values() for e in evidence)


def test_tokenize_splits_hyphens_like_the_lexicon():
    assert [t.norm for t in tokenize("de Den Haag-afspraken (*burden shift*)")] == [
        "de", "den", "haag", "afspraken", "(", "burden", "shift", ")"]


# ---------------------------------------------------------------- older styles


def style_positions(name: str, kind: str) -> set[tuple[str, str, str, str]]:
    seg = segment(read_letter(FIXTURES / name))
    records = LetterRecords(Letter("style", kind, "", name))
    records.meetings.append(Meeting(MeetingRef("summit", date(2014, 9, 4), "newport"), "main", "NAVO-top"))
    records.positions, records.topics = positions_in(seg, records)
    return {(p.actor.key, p.stance, p.topic, p.modality) for p in records.positions}


def test_style_agenda_stances():
    assert style_positions("styles_agenda_2014.txt", "agenda") == {
        ("allies", "intend", "defence-spending", "intended"),  # "bondgenoten ... streven naar 2% van het bbp"
        ("nl", "emphasise", "burden-sharing", "intended"),  # "Het kabinet acht het van belang"
        ("nl", "emphasise", "ukraine-support", "intended"),  # "zal de steun aan Oekraïne onderstrepen"
        ("nl", "oppose", "ukraine-support", "intended"),  # "ziet ... op dit moment niet als wenselijk"
    }


def test_style_report_stances():
    assert style_positions("styles_report_2014.txt", "report") == {
        ("allies", "call-for", "defence-spending", "expressed"),  # "spraken de hoop uit"
        ("nl", "concern", "peace-process-ukraine", "expressed"),  # "sprak teleurstelling uit over ... staakt-het-vuren"
        ("nl", "call-for", "burden-sharing", "expressed"),  # "riep op tot een eerlijkere lastenverdeling"
    }


# ---------------------------------------------------------------- regressions


def _report_positions(tmp_path, body: str) -> set[tuple[str, str, str]]:
    path = tmp_path / "letter.txt"
    path.write_text(body + "\n", encoding="utf-8")
    seg = segment(read_letter(path))
    records = LetterRecords(Letter("regression", "report", "", path.name))
    records.meetings.append(Meeting(MeetingRef("defence-ministers", date(2010, 4, 29), "brussels"), "main", "bijeenkomst"))
    records.positions, records.topics = positions_in(seg, records)
    return {(p.actor.key, p.stance, p.topic) for p in records.positions}


def test_regression_topic_of_place_after_in_when_nothing_else_named(tmp_path):
    """'het belang van de missie in Afghanistan' is about Afghanistan: the bare country
    after "in" is the topic when nothing before it in the complement names one."""
    assert _report_positions(tmp_path, "Nederland benadrukte het belang van de missie in Afghanistan.") == {
        ("nl", "emphasise", "afghanistan")
    }
    # the working form stays as it was
    assert _report_positions(tmp_path, "Nederland benadrukte de steun aan Afghanistan.") == {
        ("nl", "emphasise", "afghanistan")
    }
    # after a named topic, the country after "in" is still only its place
    assert _report_positions(tmp_path, "Nederland benadrukte de strijd tegen terrorisme in Afghanistan.") == {
        ("nl", "emphasise", "terrorism")
    }


def test_regression_portal_letter_2010_position_after_a_s():
    """The golden portal letter: its last sentence (after "a.s.1") gives the position."""
    path = ROOT / "tests" / "golden" / "portal_letter_2010" / "letter.txt"
    found = extract_letter(segment(read_letter(path))).positions
    assert [(p.actor.key, p.stance, p.topic, p.meeting.kind, p.modality) for p in found] == [
        ("nl", "emphasise", "afghanistan", "defence-ministers", "expressed")
    ]


def test_a_memo_that_travels_alone_states_positions_and_pledges():
    # a "nota" to the minister without a letter: its sentences are the document's own
    result = extract_letter(segment(read_letter(FIXTURES / "2023_memo_alone.txt")))
    assert result.letter.kind == "memo"
    assert ("nl", "support") in {(p.actor.key, p.stance) for p in result.positions}
    assert any(c.actor.key == "nl" and c.amount == 2_000_000 for c in result.commitments)
    # "- Oekraïne: Nederland zet in op ...": the label before the colon is not who speaks
    assert not any(p.actor.key == "ua" for p in result.positions)


def test_a_memo_with_its_letter_leaves_the_positions_to_the_letter(tmp_path):
    memo = ("TER BESLISSING\n\nAan\nMinister van Buitenlandse Zaken\n\nVan\nDirecteur Veiligheidsbeleid\n\n"
            "nota\n\nGeannoteerde agenda NAVO-top\n\nKernpunten\n\nNederland steunt de versterking van de NRF.\n")
    letter = ("Den Haag, 3 juni 2026\n\nGeachte voorzitter,\n\nHierbij bied ik u de geannoteerde agenda aan "
              "van de NAVO-top die op 7 en 8 juli a.s. in Ankara plaatsvindt. Nederland pleit voor een sterke NRF.\n\n"
              "De minister van Buitenlandse Zaken,\n\nA.B. de Vries\n\n")
    with_letter = extract_text(tmp_path, letter + memo, "with_letter.txt")[1]
    alone = extract_text(tmp_path, memo, "alone.txt")[1]
    assert {(p.actor.key, p.stance) for p in with_letter.positions} == {("nl", "call-for")}
    assert ("nl", "support") in {(p.actor.key, p.stance) for p in alone.positions}


def test_a_memo_shorter_than_its_letter_adds_its_own_pledges_and_joins_repeated_amounts(tmp_path):
    letter = ("Den Haag, 3 juni 2026\n\nGeachte voorzitter,\n\nHierbij bied ik u de geannoteerde agenda aan "
              "van de NAVO-top die op 7 en 8 juli a.s. in Ankara plaatsvindt. Nederland pleit voor een sterke NRF. "
              "Nederland draagt in 2026 EUR 5 mln. bij aan het trustfonds voor Oekraïne. De top zal spreken over "
              "de lastenverdeling en de defensie-industrie. Nederland zal benadrukken dat de productie omhoog moet.\n\n"
              "De minister van Buitenlandse Zaken,\n\nA.B. de Vries\n\n")
    memo = ("TER BESLISSING\n\nAan\nMinister van Buitenlandse Zaken\n\nVan\nDirecteur Veiligheidsbeleid\n\n"
            "nota\n\nGeannoteerde agenda NAVO-top\n\nKernpunten\n\n- De toezegging van EUR 5 mln. is gedekt.\n"
            "- Nederland stelt in 2027 twee fregatten beschikbaar voor de NRF.\n- Nederland steunt de NRF.\n")
    found = extract_text(tmp_path, letter + memo)[1]
    money = [c for c in found.commitments if c.amount is not None]
    assert [(c.actor.key, c.amount) for c in money] == [("nl", 5_000_000)]
    assert len(money[0].evidence) == 2  # the memo's repetition is evidence of the letter's pledge
    assert ("nl", "capability-pledge", 2027) in {(c.actor.key, c.kind, c.target_year) for c in found.commitments}
    assert ("nl", "support") not in {(p.actor.key, p.stance) for p in found.positions}  # the memo advises


def test_letter_memo_shorter_than_its_letter_adds_its_own_pledges():
    found = fixture_records("2021_foreign_ministers_agenda_riga_memo.txt").commitments
    assert ("nl", 1_500_000) in {(c.actor.key, c.amount) for c in found}
    found = fixture_records("2019_defence_ministers_agenda_readiness_memo.txt").commitments
    assert any(c.actor.key == "nl" and c.kind == "capability-pledge" and "NRI" in c.evidence[0].quote for c in found)


def test_a_memo_longer_than_the_letter_that_offers_it_states_the_positions(tmp_path):
    letter = ("Den Haag, 12 december 2017\n\nGeachte voorzitter,\n\nHierbij bied ik u het verslag aan van de "
              "bijeenkomst van de NAVO-ministers van Buitenlandse Zaken op 5 en 6 december jl. in Brussel.\n\n"
              "De minister van Buitenlandse Zaken,\n\nA.B. de Vries\n\n")
    memo = ("nota\n\nVerslag NAVO-ministeriële\n\nNederland steunde de versterking van de NRF. Turkije uitte "
            "bezwaren tegen de uitbreiding van de NAVO. Nederland zegde vier miljoen euro toe aan het trustfonds "
            "voor Oekraïne.\n")
    result = extract_text(tmp_path, letter + memo)[1]
    assert {("nl", "support"), ("tr", "oppose")} <= {(p.actor.key, p.stance) for p in result.positions}
    assert any(c.actor.key == "nl" and c.amount == 4_000_000 for c in result.commitments)


def test_letter_covering_its_report_in_a_memo():
    # a three-sentence letter offering the report, which follows as a "Nota" (a 2017 report
    # written for the tests): "Turkije uitte bezwaren tegen het partnerschapsprogramma ..."
    result = fixture_records("2017_foreign_ministers_report_memo.txt")
    assert ("tr", "oppose") in {(p.actor.key, p.stance) for p in result.positions}
    assert any(c.actor.key == "nl" and c.amount == 4_000_000 for c in result.commitments)


def test_a_letter_of_another_kind_before_its_meeting_looks_ahead():
    # an EU Council's annotated agenda (kind "other"), dated before the Council meets
    result = extract_letter(segment(read_letter(FIXTURES / "2023_eu_council_agenda.txt")))
    assert result.letter.kind == "other" and result.looks_ahead
    assert {p.modality for p in result.positions} == {"intended"}
    # "Nederland pleit ... voor een verhoging van het plafond van de EPF met EUR 5 miljard":
    # asked for, not given
    assert not any(c.amount == 5_000_000_000 for c in result.commitments)
