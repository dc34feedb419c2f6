"""Another meeting of the main meeting's kind: the next summit of a year the sentence names,
a bare meeting noun with a day of its own ("de vorige bijeenkomst, van 8 en 9 november
jl."), and a place a named meeting gets from a later mention (natokg.extract.meetings)."""

from __future__ import annotations

from datetime import date

from support.letter_records import defence_report, extract_text, records


def mentioned(found) -> set[tuple]:
    return {(m.ref.kind, m.ref.start, m.ref.city) for m in found.meetings if m.role == "mentioned"}


def summit_report(body: str) -> str:
    return ("Den Haag, 2 juni 2017\n\nHierbij bied ik u het verslag aan van de NAVO-top van 25 mei jl. in Brussel."
            f"\n\n{body}\n")


def test_the_next_summit_of_another_year_in_the_same_city_is_not_the_main_one(tmp_path):
    _, found = extract_text(tmp_path, summit_report("De volgende reguliere NAVO-top vindt in 2018 in Brussel plaats."))
    assert found.main_meeting.ref.start == date(2017, 5, 25)
    assert ("summit", date(2018, 7, 11), "brussels") in mentioned(found)
    main_quotes = [e.quote for e in found.main_meeting.evidence]
    assert not any("2018" in q for q in main_quotes)


def test_a_year_inside_a_date_after_the_summit_word_leaves_it_the_main_one(tmp_path):
    body = "Het is de eerste NAVO-top sinds de aanslagen van 11 september 2001 in een nieuw gebouw."
    _, found = extract_text(tmp_path, summit_report(body))
    assert not any(start is not None and start.year == 2001 for _, start, _ in mentioned(found))


def test_letter_the_next_summit_in_turkey():
    found = records("dev_2025_summit_report_den-haag.txt")
    assert ("summit", date(2026, 7, 7), "ankara") in mentioned(found)
    assert found.main_meeting.ref.start == date(2025, 6, 24)


def test_a_bare_meeting_noun_with_its_own_day_is_another_meeting_of_the_kind(tmp_path):
    body = "Over de vorige bijeenkomst, van 8 en 9 november jl., bent u eerder geïnformeerd."
    _, found = extract_text(tmp_path, defence_report(body, written="20 februari 2018", held="14 en 15 februari"))
    assert ("defence-ministers", date(2017, 11, 8), None) in mentioned(found)


def test_the_day_before_the_ministerial_is_its_eve_not_another_ministerial(tmp_path):
    body = ("Daags voor de ministeriële, op 13 februari, komen de ministers van Defensie van de anti-ISIS coalitie "
            "in Rome bijeen.")
    _, found = extract_text(tmp_path, defence_report(body, written="20 februari 2018", held="14 en 15 februari"))
    assert not any(kind == "defence-ministers" and start == date(2018, 2, 13) for kind, start, _ in mentioned(found))


def test_a_bare_noun_under_a_heading_of_another_meeting_is_that_meetings(tmp_path):
    body = ("Ukraine Defense Contact Group\nAan de UDCG nemen ruim vijftig landen deel. Bij de vorige bijeenkomst, op 20 "
            "januari jl., werden nieuwe leveringen aangekondigd.")
    _, found = extract_text(tmp_path, defence_report(body))
    assert not any(kind == "defence-ministers" and start == date(2023, 1, 20) for kind, start, _ in mentioned(found))


def test_letter_the_meeting_of_29_june():
    found = records("dev_2017_dmm_agenda_brussel-commandostructuur.txt")
    assert ("defence-ministers", date(2017, 6, 29), None) in mentioned(found)


def test_a_named_meeting_takes_the_place_a_later_mention_gives(tmp_path):
    body = ("Ook werd kort gesproken over de bijeenkomst van de Ukraine Defense Contact Group die de Verenigde Staten "
            "op 26 januari jl. in Ramstein hadden belegd.")
    _, found = extract_text(tmp_path, defence_report(body))
    assert ("external", date(2023, 1, 26), "ramstein") in mentioned(found)
