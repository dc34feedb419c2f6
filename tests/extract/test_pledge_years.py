"""The year a pledge is for (natokg.extract.pledge_years), on sentences of our own and in
letters."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from natokg.extract.pledge_years import coming_money_year, stated_target_year

from support.letter_records import fixture_records

from test_extract_pledges import own_commitments, pledges

D = Decimal


def money_span(text: str, amount: str) -> tuple[int, int]:
    start = text.index(amount)
    return start, start + len(amount)


@pytest.mark.parametrize(
    "text, amount, year",
    [
        ("Daarnaast zal Nederland in 2024 EUR 4 mln. bijdragen aan het fonds.", "EUR 4 mln.", 2024),
        ("Nederland zal daaraan in 2025 nog eens EUR 1,5 mln. bijdragen.", "EUR 1,5 mln.", 2025),
        ("Nederland heeft tot eind 2026 EUR 25 mln. gereserveerd.", "EUR 25 mln.", 2026),
        ("Nederland draagt vanaf 2025 gedurende drie jaar jaarlijks EUR 25 mln. bij.", "EUR 25 mln.", 2025),
        # a year further from the amount dates something else
        ("In 2024 besloot Nederland EUR 4 mln. bij te dragen.", "EUR 4 mln.", None),
        ("Nederland zal in 2024, na overleg met de partners, EUR 4 mln. bijdragen.", "EUR 4 mln.", None),
    ],
)
def test_a_year_right_before_the_money_is_its_year(text, amount, year):
    assert stated_target_year(text, 2023, money_span(text, amount)) == year


def test_this_year_right_before_the_money(tmp_path):
    text = "Ik heb toegezegd dat Nederland dit jaar EUR 5 mln. bijdraagt aan het trustfonds."
    assert coming_money_year(text, date(2009, 3, 3), money_span(text, "EUR 5 mln.")) == 2009
    assert ("nl", "financial-contribution", D(5000000), "eur", 2023) in pledges(tmp_path, text)


def test_a_year_that_opens_the_sentence_dates_each_amount(tmp_path):
    text = ("Voor 2024 heeft Nederland gereserveerd: EUR 2 mln. voor het trustfonds; € 750.000 voor het "
            "opleidingsprogramma; en drie miljoen euro voor het partnerschapsfonds.")
    years = {amount: year for _, _, amount, _, year in pledges(tmp_path, text, kind="agenda")}
    assert years == {D(2000000): 2024, D(750000): 2024, D(3000000): 2024}
    # not a year inside the sentence, far from the amount
    text = "Nederland besloot in 2024, na lang overleg met de andere partners, later EUR 4 mln. bij te dragen."
    assert stated_target_year(text, 2023, money_span(text, "EUR 4 mln.")) is None


def test_letter_a_year_that_opens_the_sentence_dates_each_amount():
    found = {(c.amount, c.target_year) for c in fixture_records("2021_foreign_ministers_agenda_riga_memo.txt").commitments}
    assert {(D(1500000), 2022), (D(500000), 2022), (D(2000000), 2022)} <= found


def test_a_season_or_a_deadline_without_a_year_takes_the_coming_one(tmp_path):
    found = {(a, k, y) for a, k, _, _, y in pledges(tmp_path, "Nederland verlengt de inzet van de F-16's tot 1 juli a.s.")}
    assert ("nl", "capability-pledge", 2024) in found  # read from the meeting's day, 11 July 2023
    found = {(a, y) for a, _, _, _, y in pledges(tmp_path, "Georgië stelt in het voorjaar 900 militairen beschikbaar.")}
    assert ("ge", 2024) in found


def test_letter_a_deadline_without_a_year():
    found = {(c.actor.key, c.target_year) for c in fixture_records("2016_defence_ministers_report_february.txt").commitments
             if "F-16" in c.evidence[0].quote}
    assert found == {("nl", 2016)}  # "tot 1 juli a.s.", written in February 2016


def test_letter_a_year_right_before_the_money():
    found = {(c.actor.key, c.amount, c.target_year) for c in fixture_records("2021_summit_report.txt").commitments}
    assert ("nl", D(10000000), 2022) in found
    found = {(c.actor.key, c.amount, c.target_year) for c in fixture_records("2009_defence_ministers_report_krakow.txt").commitments}
    assert ("nl", D(5000000), 2009) in found


@pytest.mark.parametrize(
    "text, amount, year",
    [
        ("Het kabinet verhoogt het defensiebudget met 220 miljoen euro in 2016.", "220 miljoen euro", 2016),
        ("Het kabinet verhoogt het budget met 50 miljoen euro, in de jaren daarna met meer.", "50 miljoen euro", None),
    ],
)
def test_a_year_right_after_the_money_is_its_year(text, amount, year):
    assert stated_target_year(text, 2015, money_span(text, amount)) == year


def test_the_end_of_the_year_is_the_letters_year():
    from natokg.text.dates import find_coming_years

    found = find_coming_years("De NAVO stelt voor het einde van het jaar een strategie vast.", reference=date(2015, 6, 30))
    assert [y.year for y in found] == [2015]


@pytest.mark.parametrize("sentence, expected", [
    # the year of what a fronted "voor" phrase says the money is for
    ("Voor de extra oefeningen en rotaties in 2031 reserveert het kabinet vijftien miljoen euro.", 2031),
    # a meeting's year, or a year after the verb that is not next to the money, is none
    ("Voor de top in 2031 zegde Nederland vijf miljoen euro toe.", None),
    ("Voor de wederopbouw stelt het kabinet in 2031 en 2032 in totaal vijftig miljoen euro beschikbaar.", None),
])
def test_a_year_in_a_fronted_purpose_phrase_dates_the_money(tmp_path, sentence, expected):
    found = {(c.amount is not None, c.target_year) for c in own_commitments(tmp_path, sentence)}
    assert found == {(True, expected)}
