"""Dutch dates and number words (natokg.text.dates)."""

from datetime import date

import pytest

from natokg.text.dates import (
    count_value, find_coming_years, find_dates, find_months, find_years, parse_date, parse_number_word,
)


def one(text, reference=None):
    matches = find_dates(text, reference=reference)
    assert len(matches) == 1, matches
    return matches[0]


@pytest.mark.parametrize(
    "text, reference, first, last, quote",
    [
        ("21 en 22 mei 2026", None, date(2026, 5, 21), date(2026, 5, 22), "21 en 22 mei 2026"),
        (
            "Op donderdag 21 en vrijdag 22 mei vond de FMM plaats",
            date(2026, 6, 3),
            date(2026, 5, 21),
            date(2026, 5, 22),
            "donderdag 21 en vrijdag 22 mei",
        ),
        ("Meeting 14-15 mei 2025", None, date(2025, 5, 14), date(2025, 5, 15), "14-15 mei 2025"),
        (
            "Op woensdag 14 en donderdag 15 mei a.s. vindt",
            2025,
            date(2025, 5, 14),
            date(2025, 5, 15),
            "woensdag 14 en donderdag 15 mei a.s.",
        ),
        (
            "de NAVO-top in Madrid, van 28 tot en met 30 juni.",
            date(2022, 5, 14),
            date(2022, 6, 28),
            date(2022, 6, 30),
            "28 tot en met 30 juni",
        ),
        ("vond op 3 december jl. plaats", date(2025, 12, 3), date(2025, 12, 3), date(2025, 12, 3), "3 december jl."),
        ("Op woensdag 8 juli komen", date(2026, 6, 23), date(2026, 7, 8), date(2026, 7, 8), "woensdag 8 juli"),
        ("d.d. 7-8 februari jl.", date(2010, 5, 17), date(2010, 2, 7), date(2010, 2, 8), "7-8 februari jl."),
        ("- 7 juli:", date(2026, 6, 23), date(2026, 7, 7), date(2026, 7, 7), "7 juli"),
        ("Den Haag, 17 mei 2010", None, date(2010, 5, 17), date(2010, 5, 17), "17 mei 2010"),
        ("Raad op 18 en 19 december.", date(2025, 12, 3), date(2025, 12, 18), date(2025, 12, 19), "18 en 19 december"),
        ("op 7 feb. 2010", None, date(2010, 2, 7), date(2010, 2, 7), "7 feb. 2010"),
        ("op 3 jan. tweeduizendelf", None, date(2011, 1, 3), date(2011, 1, 3), "3 jan. tweeduizendelf"),
        ("30 juni t/m 2 juli 2026", None, date(2026, 6, 30), date(2026, 7, 2), "30 juni t/m 2 juli 2026"),
        ("op 17-05-2010", None, date(2010, 5, 17), date(2010, 5, 17), "17-05-2010"),
        ("maandag 16 mei\n2022 en", None, date(2022, 5, 16), date(2022, 5, 16), "maandag 16 mei\n2022"),
        ("een diner op zaterdagavond 14 mei met", 2022, date(2022, 5, 14), date(2022, 5, 14), "zaterdagavond 14 mei"),
    ],
)
def test_date_forms(text, reference, first, last, quote):
    match = one(text, reference)
    assert (match.first, match.last, match.text) == (first, last, quote)
    assert text[match.start : match.end] == quote


def test_jl_puts_the_date_in_the_past_and_as_in_the_future():
    # a letter of 10 January 2026: "15 december jl." is 2025, "15 december a.s." is 2026
    reference = date(2026, 1, 10)
    assert one("op 15 december jl.", reference).first == date(2025, 12, 15)
    assert one("op 15 december a.s.", reference).first == date(2026, 12, 15)
    # without a marker the nearest date wins
    assert one("op 15 december", reference).first == date(2025, 12, 15)
    assert one("op 5 februari", reference).first == date(2026, 2, 5)


def test_weekday_picks_the_year_it_agrees_with():
    # 14 May was a Wednesday in 2025, not in 2024 or 2026
    assert one("woensdag 14 mei", date(2025, 11, 30)).first == date(2025, 5, 14)


def test_year_left_out_without_reference_is_skipped():
    assert find_dates("op 7 juli komen zij bijeen") == []


def test_two_dates_joined_by_en_are_not_a_range():
    matches = find_dates("op 6 mei 2026 en 13 mei 2026")
    assert [(m.first, m.last) for m in matches] == [
        (date(2026, 5, 6), date(2026, 5, 6)),
        (date(2026, 5, 13), date(2026, 5, 13)),
    ]


def test_numbers_that_are_not_dates():
    text = "Kamerstuk 28 676, nr. 404; in 2035 5% van het bbp; 2,26% en 32 bondgenoten"
    assert find_dates(text, reference=date(2026, 1, 1)) == []


def test_offsets_point_into_the_text():
    text = "Tekst. De FMM vond op 3 december jl. plaats en de Europese Raad op 18 en 19 december."
    for match in find_dates(text, reference=date(2025, 12, 5)):
        assert text[match.start : match.end] == match.text
    assert parse_date("Den Haag, 17 mei 2010").first == date(2010, 5, 17)
    assert parse_date("geen datum") is None


@pytest.mark.parametrize(
    "word, value",
    [
        ("dertig", 30),
        ("eenendertig", 31),
        ("tweeëndertig", 32),
        ("tweeendertig", 32),
        ("veertig", 40),
        ("achtentwintig", 28),
        ("negentien", 19),
        ("twaalf", 12),
        ("één", 1),
        ("honderdtwintig", 120),
        ("tweeduizendtien", 2010),
        ("Dertig", 30),
    ],
)
def test_number_words(word, value):
    assert parse_number_word(word) == value


@pytest.mark.parametrize("word", ["bondgenoten", "tientallen", "eend", "", "dertigste"])
def test_words_that_are_not_numbers(word):
    assert parse_number_word(word) is None


def test_count_value_and_years():
    assert count_value("32") == 32
    assert count_value("dertig") == 30
    assert count_value("alle") is None
    assert find_years("de NAVO-top 2026, in 2035 en 12345") == [2026, 2035]


def test_past_range_that_began_on_the_reference_day():
    # a report dated by its meeting's first day: the meeting began on that day, not a year before
    found = find_dates("Op maandag 3 en dinsdag 4 maart jl. vergaderden de ministers.", reference=date(2025, 3, 3))
    assert [(d.first, d.last) for d in found] == [(date(2025, 3, 3), date(2025, 3, 4))]
    over_new_year = find_dates("van 30 december tot 2 januari jl.", reference=date(2025, 1, 10))
    assert [(d.first, d.last) for d in over_new_year] == [(date(2024, 12, 30), date(2025, 1, 2))]


def test_regression_past_range_starting_on_the_title_date():
    """The Brussels FMM report of April 2014 has no letter date; its title dates it 1 April
    2014 and the body says 'Op dinsdag 1 en woensdag 2 april jl.'."""
    found = find_dates("Op dinsdag 1 en woensdag 2 april jl. kwamen de ministers bijeen.", reference=date(2014, 4, 1))
    assert [(d.first, d.last) for d in found] == [(date(2014, 4, 1), date(2014, 4, 2))]


def test_year_glued_to_the_month():
    # a layout that drops the space: "7-8 juli2026"
    found = find_dates("op 7-8 juli2026 in Ankara", reference=date(2025, 6, 1))
    assert [(d.first, d.last) for d in found] == [(date(2026, 7, 7), date(2026, 7, 8))]


def test_regression_year_glued_to_the_month_in_a_range():
    found = find_dates("op 28-29 november2023 in Brussel", reference=date(2024, 6, 1))
    assert [(d.first, d.last) for d in found] == [(date(2023, 11, 28), date(2023, 11, 29))]


@pytest.mark.parametrize(
    "text, reference, expected, quote",
    [
        # letter cases: the 2002 Prague agenda, the 2007 Noordwijk report, the 2013 agenda
        ("de ministeriële bijeenkomst in Reykjavik in mei jl.", date(2002, 11, 1), "2002-05", "mei jl."),
        ("van ministers van Defensie in Vilnius in februari 2008 en", date(2007, 11, 1), "2008-02", "februari 2008"),
        ("de Europese Raad van december a.s.", date(2013, 5, 24), "2013-12", "december a.s."),
        # our own: no marker takes the month closest to the reference, across a new year too
        ("de bijeenkomst in oktober", date(2013, 6, 20), "2013-10", "oktober"),
        ("de bijeenkomst in februari", date(2013, 12, 20), "2014-02", "februari"),
        ("een besluit medio december", date(2008, 11, 1), "2008-12", "medio december"),
        ("in maart jl.", date(2020, 1, 10), "2019-03", "maart jl."),
        # after "voor": the month a meeting is planned for, or a deadline
        ("is voorzien voor oktober a.s.", date(2020, 6, 22), "2020-10", "oktober a.s."),
        ("een plan vóór december", date(2005, 9, 12), "2005-12", "december"),
    ],
)
def test_a_month_named_without_a_day(text, reference, expected, quote):
    (found,) = find_months(text, reference=reference)
    assert (found.iso, found.text, text[found.start : found.end]) == (expected, quote, quote)


def test_a_month_read_in_the_tense_the_caller_gives():
    # February: the December closest is the last one, the coming one when the verb says so
    reference = date(2023, 2, 20)
    assert [m.iso for m in find_months("in december", reference=reference)] == ["2022-12"]
    assert [m.iso for m in find_months("in december", reference=reference, tense="coming")] == ["2023-12"]
    assert [m.iso for m in find_months("in oktober", reference=reference, tense="past")] == ["2022-10"]
    # a marker of its own wins
    assert [m.iso for m in find_months("in december jl.", reference=reference, tense="coming")] == ["2022-12"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Het systeem is eind dit jaar operationeel.", [(2013, "dit jaar")]),
        ("Nederland levert volgend jaar een fregat.", [(2014, "volgend jaar")]),
        ("De eerste toestellen worden deze zomer overgedragen.", [(2013, "deze zomer")]),
        ("volgend voorjaar en volgende winter", [(2014, "volgend voorjaar"), (2013, "volgende winter")]),
        ("Nederland dient het plan in december in, de rest in maart.", [(2013, "december"), (2014, "maart")]),
        # "in het/de <season>": the season under way or the coming one
        ("Duitsland neemt in de zomer het commando over.", [(2013, "de zomer")]),
        ("Georgië stelt in het voorjaar troepen beschikbaar.", [(2014, "het voorjaar")]),
        ("Het centrum is in het najaar operationeel.", [(2013, "het najaar")]),
        # a deadline without a year: its year from the reference
        ("De inzet wordt tot 1 mei a.s. verlengd.", [(2014, "1 mei a.s.")]),
        ("De inzet wordt verlengd tot en met 30 september.", [(2013, "30 september")]),
        # looking back, the next twelve months, a season the text may date elsewhere, a thing of a month
        ("De bondgenoten bevestigden eerder dit jaar de norm.", []),
        ("in het komende jaar ten minste 40 miljard euro", []),
        ("Nederland neemt vanaf het najaar een PRT over.", []),
        ("Nederland neemt in het najaar van dat jaar een PRT over.", []),
        ("Het verdrag werd op 1 mei jl. geratificeerd.", []),
        ("een voorstel voor de Raad van november", []),
    ],
)
def test_a_year_named_from_the_reference_looking_ahead(text, expected):
    found = find_coming_years(text, reference=date(2013, 6, 5))
    assert [(y.year, y.text) for y in found] == expected
    assert all(text[y.start : y.end] == y.text for y in found)


def test_a_day_before_the_month_is_a_date_not_a_month():
    assert find_months("op 4 en 5 juni a.s. in Brussel", reference=date(2013, 5, 1)) == []
    assert find_months("in mei", reference=None) == []  # no year to read it against


def test_a_month_takes_the_year_of_its_range_or_a_relative_year():
    assert [m.iso for m in find_months("van januari tot juni 2008", reference=date(2009, 1, 10))] == ["2008-01"]
    # the nearest November to the reference is 2009's: the range's year (2009, February) makes it 2008's
    assert [m.iso for m in find_months("van november tot februari 2009", reference=date(2009, 12, 1))] == ["2008-11"]
    assert [m.iso for m in find_months("in juni vorig jaar", reference=date(2009, 1, 10))] == ["2008-06"]
    assert [m.iso for m in find_months("in juni volgend jaar", reference=date(2009, 1, 10))] == ["2010-06"]
    assert [m.iso for m in find_months("in mei vorig jaar", reference=2008)] == ["2007-05"]  # a bare year
