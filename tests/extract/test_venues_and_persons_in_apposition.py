"""Where a meeting is held when a region's adjective stands before its city, when a
meeting is informal by its purpose, and whose post an office in apposition names; on
sentences of our own and in letters."""

from __future__ import annotations

from datetime import date

import pytest

from natokg.knowledge.lexicon import honorific_forms
from natokg.records import PostRef

from support.letter_records import defence_report, extract_text, fixture_records


def test_a_regions_adjective_before_the_venue(tmp_path):
    text = ("Den Haag, 3 februari 2010\n\nHierbij zend ik u de geannoteerde agenda van de informele bijeenkomst "
            "van de ministers van Defensie van de NAVO, die op 10 en 11 februari a.s. in het Beierse München plaatsvindt.\n")
    main = extract_text(tmp_path, text)[1].main_meeting
    assert (main.ref.start, main.ref.city, main.country) == (date(2010, 2, 10), "munich", "de")


def test_letter_a_regions_adjective_before_the_venue():
    main = fixture_records("2006_defence_ministers_agenda_taormina.txt").main_meeting
    assert (main.ref.start, main.ref.city, main.country, main.informal) == (date(2006, 2, 9), "taormina", "it", True)
    main = fixture_records("2003_defence_ministers_report_colorado_springs.txt").main_meeting
    assert (main.ref.start, main.ref.city, main.country) == (date(2003, 10, 8), "colorado-springs", "us")


def test_meeting_for_informal_talks_is_informal(tmp_path):
    text = ("Den Haag, 19 februari 2010\n\nOp 4 en 5 februari jl. kwam de NAR in de samenstelling van ministers "
            "van Defensie in Istanbul bijeen voor informele besprekingen.\n")
    assert extract_text(tmp_path, text)[1].main_meeting.informal
    # the purpose of another gathering named in another sentence says nothing of this one
    text = ("Den Haag, 19 februari 2010\n\nOp 4 en 5 februari jl. kwam de NAR in de samenstelling van ministers "
            "van Defensie in Istanbul bijeen. Daarna spraken de directeuren voor informeel overleg.\n")
    assert not extract_text(tmp_path, text)[1].main_meeting.informal
    assert fixture_records("2008_defence_ministers_report_vilnius.txt").main_meeting.informal


def posts_of(tmp_path, body: str) -> dict[str, list[PostRef]]:
    _, records = extract_text(tmp_path, defence_report(body))
    return {p.name: p.posts for p in records.persons}


@pytest.mark.parametrize(
    "body, name, post",
    [
        ("Gastheer was de Poolse minister van Defensie, de heer Klich.", "Klich", PostRef("minister-of-defence", ("state", "pl"))),
        ("De Belgische minister van Buitenlandse Zaken, mevrouw Wilmès, opende de sessie.", "Wilmès",
         PostRef("minister-of-foreign-affairs", ("state", "be"))),
        ("Mijn Franse ambtgenoot, minister Alliot-Marie, steunde het voorstel.", "Alliot-Marie", PostRef("minister", ("state", "fr"))),
        ("De Amerikaanse onderminister Burns lichtte de plannen toe.", "Burns", PostRef("deputy-minister", ("state", "us"))),
    ],
)
def test_offices_in_apposition_and_of_a_colleague(tmp_path, body, name, post):
    posts = posts_of(tmp_path, body)
    assert [(p.office, p.of.kind, p.of.key) for p in posts[name]] == [(post.office, *post.of)]


def test_a_form_of_address_is_no_part_of_the_name():
    assert {"de heer", "mevrouw", "drs."} <= honorific_forms()


def test_letter_offices_in_apposition_and_of_a_colleague():
    posts = {p.name: [(x.office, x.of.key) for x in p.posts] for p in fixture_records("2006_defence_ministers_agenda_taormina.txt").persons}
    assert posts["Martino"] == [("minister-of-defence", "it")]
    posts = {p.name: [(x.office, x.of.key) for x in p.posts] for p in fixture_records("2003_defence_ministers_report_colorado_springs.txt").persons}
    assert posts["Struck"] == [("minister", "de")]  # "Mijn Duitse collega, minister Struck", not a Dutch minister
    posts = {p.name: [(x.office, x.of.key) for x in p.posts] for p in fixture_records("2013_osce_report_kyiv.txt").persons}
    assert posts["Nuland"] == [("deputy-minister", "us")]
