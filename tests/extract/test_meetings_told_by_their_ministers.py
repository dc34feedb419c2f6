"""Meetings told by their ministers ("hun bijeenkomst", "zij komen opnieuw bijeen"), a
day across the letter's date, and a venue after its state's adjective
(natokg.extract.meetings, natokg.extract.meeting_words)."""

from __future__ import annotations

from datetime import date

import pytest

from support.letter_records import defence_report, extract_text, fixture_records


def mentioned(records) -> set[tuple]:
    return {(m.ref.kind, m.ref.start, m.ref.city) for m in records.meetings if m.role == "mentioned"}


def test_a_venue_after_its_states_adjective(tmp_path):
    text = ("Den Haag, 3 maart 2011\n\nHierbij zend ik u het verslag van de informele bijeenkomst van de NAVO-ministers "
            "van Defensie, die op 10 en 11 februari jl. in het Hongaarse Boedapest plaatsvond.\n\nDe ministers spraken over Libië.\n")
    _, records = extract_text(tmp_path, text)
    assert records.main_meeting.ref.city == "budapest"


def test_a_day_after_a_reports_date_is_another_meeting_of_its_kind(tmp_path):
    body = "De formele bijeenkomst van ministers van Defensie vindt plaats op 8 en 9 juni a.s. in Brussel."
    _, records = extract_text(tmp_path, defence_report(body, written="20 februari 2023", held="14 en 15 februari"))
    assert ("defence-ministers", date(2023, 6, 8), "brussels") in mentioned(records)
    assert records.main_meeting.ref.start == date(2023, 2, 14)


def test_their_meeting_is_the_groups_own(tmp_path):
    body = ("De ministers van Buitenlandse Zaken zullen tijdens hun informele bijeenkomst in Tallinn op 22 en 23 april a.s. "
            "over de nieuwe partnerschappen spreken.")
    _, records = extract_text(tmp_path, defence_report(body))
    assert ("foreign-ministers", date(2023, 4, 22), "tallinn") in mentioned(records)


def test_a_pronoun_gathers_for_the_group_named_before_it(tmp_path):
    body = ("De ministers van Buitenlandse Zaken bespraken Oekraïne op 4 april jl. in Brussel; "
            "zij komen opnieuw bijeen op 30 mei a.s.")
    _, records = extract_text(tmp_path, defence_report(body))
    assert ("foreign-ministers", date(2023, 5, 30), None) in mentioned(records)


def test_a_pronoun_without_its_group_gathers_nobody(tmp_path):
    body = "De Raad besprak de missie; zij komen opnieuw bijeen op 30 mei a.s."
    _, records = extract_text(tmp_path, defence_report(body))
    assert not any(start == date(2023, 5, 30) for _, start, _ in mentioned(records))


def test_letter_venue_after_its_states_adjective_and_the_next_formal_meeting():
    records = fixture_records("2009_defence_ministers_report_krakow.txt")
    assert records.main_meeting.ref.city == "krakow"
    assert ("defence-ministers", date(2009, 6, 11), "brussels") in mentioned(records)


def test_letter_their_meeting_and_a_pronoun():
    found = mentioned(fixture_records("2011_foreign_ministers_agenda_memo_berlin.txt"))
    assert {("defence-ministers", date(2011, 3, 10), "brussels"), ("defence-ministers", date(2011, 6, 8), None)} <= found
    assert ("foreign-ministers", date(2005, 4, 20), "vilnius") in mentioned(fixture_records("2005_summit_report_brussels.txt"))


def test_letter_conference_cities():
    records = fixture_records("2010_eu_defence_ministers_report_ghent.txt")
    assert records.main_meeting.ref.city == "ghent"
    assert ("defence-ministers", date(2005, 2, 9), "nice") in mentioned(fixture_records("2005_summit_report_brussels.txt"))


def test_an_outside_meeting_dated_after_jl_in_the_covering_sentence(tmp_path):
    text = ("Den Haag, 3 juni 2025\n\nHierbij bied ik u het verslag aan van de Raad Buitenlandse Zaken in het formaat "
            "van de ministers van Defensie (RBZ Defensie) die op dinsdag 20 mei jl. in Brussel plaatsvond.\n\n"
            "De Raad sprak over Oekraïne. De NAVO-ministers van Defensie komen op 5 juni a.s. in Brussel bijeen.\n")
    _, records = extract_text(tmp_path, text)
    main = records.main_meeting.ref
    assert (main.kind, main.start, main.city) == ("external", date(2025, 5, 20), "brussels")
    found = mentioned(records)
    assert ("defence-ministers", date(2025, 6, 5), "brussels") in found
    assert not any(kind == "external" for kind, _, _ in found)  # its name in brackets is the main meeting again


def test_letter_an_outside_meeting_and_its_abbreviation():
    records = fixture_records("2025_eu_defence_council_report.txt")
    assert (records.main_meeting.ref.start, records.main_meeting.ref.city) == (date(2025, 5, 20), "brussels")
    assert ("defence-ministers", date(2025, 6, 5), "brussels") in mentioned(records)


def test_ministers_who_have_talked_on_a_day_met_then(tmp_path):
    body = "De ministers van Buitenlandse Zaken hebben op 4 april jl. de voorbereiding van de top besproken."
    _, records = extract_text(tmp_path, defence_report(body))
    assert ("foreign-ministers", date(2022, 4, 4), None) in mentioned(records)  # "jl." before the letter of February 2023


def test_ministers_who_have_decided_on_a_day_need_not_have_met(tmp_path):
    body = "De ministers van Buitenlandse Zaken hebben op 4 april jl. een verklaring aangenomen."
    _, records = extract_text(tmp_path, defence_report(body))
    assert not any(start == date(2022, 4, 4) for _, start, _ in mentioned(records))


def test_a_city_after_another_meetings_word_is_not_the_gatherings(tmp_path):
    body = "De ministers van Buitenlandse Zaken komen in april opnieuw bijeen ter voorbereiding van de top in Chicago."
    _, records = extract_text(tmp_path, defence_report(body))
    cities = {city for kind, _, city in mentioned(records) if kind == "foreign-ministers"}
    assert cities and "chicago" not in cities
    body = "De ministers van Buitenlandse Zaken komen in april opnieuw bijeen in Riga."
    _, records = extract_text(tmp_path, defence_report(body))
    assert {city for kind, _, city in mentioned(records) if kind == "foreign-ministers"} == {"riga"}


def test_ministers_in_the_name_of_another_meeting_gather_for_it(tmp_path):
    body = "Over de bijeenkomst van de EU-ministers van Defensie op 18 februari jl. bericht ik u afzonderlijk."
    _, records = extract_text(tmp_path, defence_report(body, written="20 februari 2023", held="14 en 15 februari"))
    found = {(m.ref.kind, m.ref.start) for m in records.meetings if m.role == "mentioned"}
    assert ("external", date(2023, 2, 18)) in found and ("defence-ministers", date(2023, 2, 18)) not in found


def test_letter_an_eu_defence_ministers_meeting_is_no_nato_one():
    # "de informele bijeenkomst van de EU-ministers van Defensie in Wiesbaden op 1 en 2 maart"
    found = {(m.ref.kind, m.ref.city) for m in fixture_records("2007_defence_ministers_report_sevilla.txt").meetings}
    assert ("external", "wiesbaden") in found and ("defence-ministers", "wiesbaden") not in found


def test_ministers_named_with_their_alliance_gather_and_a_day_stays_in_its_clause(tmp_path):
    body = ("De ministers van Defensie van de NAVO komen op 9 juni a.s. in Brussel bijeen; de reguliere bijeenkomst van "
            "ministers van Buitenlandse Zaken vindt in december plaats.")
    _, records = extract_text(tmp_path, defence_report(body, written="12 april 2005", held="9 en 10 februari"))
    assert ("defence-ministers", date(2005, 6, 9), "brussels") in mentioned(records)
    assert not any(kind == "foreign-ministers" and start == date(2005, 6, 9) for kind, start, _ in mentioned(records))


def test_letter_ministers_of_the_alliance_in_a_contact_group_letter():
    found = mentioned(fixture_records("2022_ukraine_contact_group_ramstein.txt"))
    assert ("defence-ministers", date(2022, 6, 15), "brussels") in found


@pytest.mark.parametrize(
    "body, expected",
    [
        # the letter's sentence: ministers who talk on a day of their own meet then
        ("De ministers van Defensie spreken op 8 juni a.s. in Brussel over de voortgang.",
         ("defence-ministers", date(2023, 6, 8), "brussels")),
        ("De ministers van Buitenlandse Zaken overleggen op 4 april a.s. in Brussel over Oekraïne.",
         ("foreign-ministers", date(2023, 4, 4), "brussels")),
    ],
)
def test_ministers_who_talk_on_a_day_of_their_own_meet(tmp_path, body, expected):
    _, found = extract_text(tmp_path, defence_report(body))
    assert expected in {(m.ref.kind, m.ref.start, m.ref.city) for m in found.meetings if m.role == "mentioned"}


def test_ministers_in_a_place_on_a_day_meet_there(tmp_path):
    # the letter's sentence: the place between the ministers and their day
    body = ("De uitkomsten bouwen voort op de vergadering van de ministers van Defensie in Brussel op 6 juni jl., "
            "waar de transformatie werd ingezet.")
    _, found = extract_text(tmp_path, defence_report(body, written="1 oktober 2023"))
    assert ("defence-ministers", date(2023, 6, 6), "brussels") in mentioned(found)


def test_ministers_at_a_named_meeting_are_that_meeting(tmp_path):
    # the place names a meeting outside NATO (Ramstein): no defence ministers meeting besides it
    body = "Nederland pleitte daarvoor tijdens de bijeenkomst van circa veertig defensieministers in Ramstein op 26 april jl."
    _, found = extract_text(tmp_path, defence_report(body, written="1 oktober 2023"))
    assert not any(kind == "defence-ministers" for kind, _, _ in mentioned(found))
