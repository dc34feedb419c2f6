"""The many names of a main meeting (meeting-terms.ttl) and the dates and places that
go with them."""

from datetime import date

import pytest

from support.letter_records import extract_text, records


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("het verslag van de bijeenkomst van de Noord-Atlantische Raad op het niveau van ministers "
         "van Buitenlandse Zaken, die op 3 en 4 maart jl. in Riga plaatsvond", "foreign-ministers"),
        ("het verslag van de bijeenkomst van de Noord-Atlantische Raad in de samenstelling van ministers "
         "van Defensie, die op 3 en 4 maart jl. in Riga plaatsvond", "defence-ministers"),
        ("het verslag van de Navo-defensieministeriële bijeenkomst, die op 3 en 4 maart jl. in Riga "
         "plaatsvond", "defence-ministers"),
        ("het verslag van de bijeenkomst van NAVO-regeringsleiders op 3 en 4 maart jl. in Riga", "summit"),
        ("het verslag van de NATO Leaders' Meeting op 3 en 4 maart jl. in Riga", "summit"),
    ],
)
def test_main_meeting_named_by_its_council_level_or_leaders(tmp_path, sentence, kind):
    text = f"Den Haag, 20 maart 2017\n\nHierbij bied ik u {sentence}.\n"
    main = extract_text(tmp_path, text)[1].main_meeting
    assert (main.ref.kind, main.ref.start, main.end, main.ref.city) == (kind, date(2017, 3, 3), date(2017, 3, 4), "riga")


def test_regression_council_at_foreign_ministers_level_not_the_summit_it_follows():
    """The first sentence names "de bijeenkomst van de Noord-Atlantische Raad op het niveau
    van ministers van Buitenlandse Zaken" of 13-14 May; a later sentence dates the Wales
    summit the meeting came after."""
    main = records("dev_2015_fmm_report_antalya.txt").main_meeting
    assert (main.ref.kind, main.ref.start, main.end, main.ref.city) == (
        "foreign-ministers", date(2015, 5, 13), date(2015, 5, 14), "antalya",
    )


def test_regression_virtual_council_at_ministers_level_has_no_city():
    main = records("dev_2020_fmm_report_videoconferentie.txt").main_meeting
    assert (main.ref.kind, main.ref.start, main.ref.city) == ("foreign-ministers", date(2020, 12, 1), None)


def test_regression_leaders_meeting_is_the_summit():
    main = records("dev_2019_summit_report_londen-watford.txt").main_meeting
    assert (main.ref.kind, main.ref.start, main.end, main.ref.city) == (
        "summit", date(2019, 12, 3), date(2019, 12, 4), "london",
    )
