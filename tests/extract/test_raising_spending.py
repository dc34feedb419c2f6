"""Raising one's spending to a share or an amount ("verhoogt ... tot 2% van het bbp") is a
pledge of it (cue:spending-intent in ontology/extraction-cues.ttl)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from support.letter_records import defence_report, extract_text, fixture_records
from test_extract_pledges import pledges

D = Decimal


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("België zal zijn defensie-uitgaven in 2026 verhogen naar 2% van het bbp.", ("be", "spending-target", D(2), "percent-gdp", 2026)),
        ("België verhoogt zijn defensie-uitgaven tot 2% van het bbp.", ("be", "spending-target", D(2), "percent-gdp", None)),
        ("Canada kondigde aan de steun aan Oekraïne te verhogen tot 3 miljard dollar.",
         ("ca", "financial-contribution", D(3000000000), "usd", None)),
        ("Italië besloot de uitgaven op te hogen naar 2,5% van het bbp.", ("it", "spending-target", D("2.5"), "percent-gdp", None)),
    ],
)
def test_raising_spending_to_a_share_or_an_amount(tmp_path, sentence, expected):
    assert expected in pledges(tmp_path, sentence)


def test_raising_a_troop_contribution_names_no_amount(tmp_path):
    found = pledges(tmp_path, "Duitsland verhoogt zijn bijdrage aan de missie in Kosovo tot 400 militairen.")
    assert found == {("de", "capability-pledge", None, None, None)}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Het kabinet verhoogt de defensiebegroting structureel met EUR 1,5 miljard.",
         ("nl", "spending-target", D(1500000000), "eur", None)),
        ("Noorwegen verhoogde zijn defensiebudget met vijfhonderd miljoen euro.",
         ("no", "spending-target", D(500000000), "eur", None)),
    ],
)
def test_raising_spending_by_an_amount(tmp_path, sentence, expected):
    assert expected in pledges(tmp_path, sentence)


def test_a_budget_raised_by_an_amount_in_the_passive_is_the_letters_government(tmp_path):
    body = "Vanaf volgend jaar wordt het defensiebudget verhoogd met EUR 3 mld."
    found = extract_text(tmp_path, defence_report(body, written="20 oktober 2025"))[1].commitments
    assert {(c.actor.key, c.kind, c.amount, c.target_year) for c in found} == {("nl", "spending-target", D(3000000000), 2026)}


def test_raising_readiness_by_a_time_is_no_pledge(tmp_path):
    assert pledges(tmp_path, "Duitsland verhoogt de paraatheid van zijn brigade met drie maanden.") == set()


def test_letter_raising_the_budget_by_an_amount():
    # "Het kabinet heeft besloten het defensiebudget te verhogen met 220 miljoen euro in 2016, oplopend tot ..."
    found = {(c.actor.key, c.kind, c.amount, c.target_year)
             for c in fixture_records("2015_defence_ministers_report_june.txt").commitments}
    assert ("nl", "spending-target", D(220000000), 2016) in found
