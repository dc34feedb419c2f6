"""Raising one's spending to a share or an amount ("verhoogt ... tot 2% van het bbp") is a
pledge of it (cue:spending-intent in ontology/extraction-cues.ttl)."""

from __future__ import annotations

from decimal import Decimal

import pytest

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
