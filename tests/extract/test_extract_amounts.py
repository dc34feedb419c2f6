"""Dutch amounts -> exact decimals in the unit's base (natokg.extract.amounts)."""

from decimal import Decimal

import pytest

from natokg.extract.amounts import find_amounts, parse_amount, parse_number


@pytest.mark.parametrize(
    "text,value,unit,qualifier",
    [
        ("5% van het bbp", "5", "percent-gdp", ""),
        ("5% van het BBP", "5", "percent-gdp", ""),
        ("3,5%", "3.5", "percent", ""),
        ("2,26%", "2.26", "percent", ""),
        ("1,5%-afspraken", "1.5", "percent", ""),
        ("2 procent van het bbp", "2", "percent-gdp", ""),
        ("EUR 250 mln.", "250000000", "eur", ""),
        ("EUR 35 mln.", "35000000", "eur", ""),
        ("EUR 3,5 miljard", "3500000000", "eur", ""),
        ("5,7 miljard euro", "5700000000", "eur", ""),
        ("meer dan 90 miljard USD", "90000000000", "usd", "meer dan"),
        ("circa 94 miljard USD", "94000000000", "usd", "circa"),
        ("€ 1,2 mld", "1200000000", "eur", ""),
        ("1.250,5 euro", "1250.5", "eur", ""),
        ("USD 40 miljoen", "40000000", "usd", ""),
        # number words before a scale word or "procent"
        ("vijf miljoen euro", "5000000", "eur", ""),
        ("één miljoen euro", "1000000", "eur", ""),
        ("ruim tweehonderdvijftig miljoen dollar", "250000000", "usd", "ruim"),
        ("anderhalf miljard euro", "1500000000", "eur", ""),
        ("een half miljoen euro", "500000", "eur", ""),
        ("drie en een half miljard euro", "3500000000", "eur", ""),
        ("twee procent van het bbp", "2", "percent-gdp", ""),
    ],
)
def test_parse_amount(text, value, unit, qualifier):
    amount = parse_amount(text)
    assert amount.value == Decimal(value)
    assert amount.unit == unit
    assert amount.qualifier == qualifier


def test_amounts_in_a_sentence_keep_offsets_and_order():
    text = "de defensie-uitgaven groeiden met 20% (circa 94 miljard USD) en 2,26% van het bbp"
    amounts = find_amounts(text)
    assert [(a.value, a.unit) for a in amounts] == [
        (Decimal("20"), "percent"),
        (Decimal("94000000000"), "usd"),
        (Decimal("2.26"), "percent-gdp"),
    ]
    assert [text[a.start : a.end] for a in amounts] == ["20%", "94 miljard USD", "2,26% van het bbp"]


def test_years_and_counts_are_not_amounts():
    assert find_amounts("in 2035 met alle 32 bondgenoten op 7 juli") == []


def test_parse_number_dutch_syntax():
    assert parse_number("3,5") == Decimal("3.5")
    assert parse_number("1.000") == Decimal("1000")
    with pytest.raises(ValueError):
        parse_number("drie")
    with pytest.raises(ValueError):
        parse_amount("geen bedrag")


def test_decimals_in_words_make_no_amount_of_their_last_word():
    # "(één komma twee miljoen euro)": not two million
    assert [a.value for a in find_amounts("EUR 1,2 miljoen (één komma twee miljoen euro)")] == [Decimal("1200000")]


def test_a_word_that_is_no_number_makes_no_amount():
    # "de", "vele": words before a scale word that count nothing
    assert find_amounts("de miljoen euro van het fonds en vele miljoenen euro") == []
    assert [a.text for a in find_amounts("tien euro per inwoner en tien miljoen euro")] == ["tien miljoen euro"]
