"""Dutch amounts of money and percentages, as exact decimals in the unit's base.

"5% van het bbp" -> 5 percent-gdp; "EUR 3,5 miljard" -> 3500000000 eur;
"5,7 miljard euro" -> 5700000000 eur; "meer dan 90 miljard USD" -> 90000000000 usd
(qualifier "meer dan"); "vijf miljoen euro" -> 5000000 eur, "drie en een half miljard
euro" -> 3500000000 eur and "twee procent" -> 2 percent (a number word counts before a
scale word or "procent" only); "1,5%-afspraken" -> 1.5 percent; "de 2%-norm" -> 2
percent-gdp.

This is number grammar (decimal comma, thousands dot, scale words, currency
symbols), not domain knowledge, so it lives in Python. A bare percentage keeps the
unit ``percent``: whether "3,5%" is a share of GDP depends on the sentence (the
commitment rules promote it when the clause talks about spending or GDP).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from natokg.text.dates import NUMBER_WORD_PATTERN, parse_number_word

AmountUnit = Literal["percent", "percent-gdp", "eur", "usd"]

# Scale words and their abbreviations; "mln." keeps its dot inside the amount.
_SCALES: dict[str, Decimal] = {
    "duizend": Decimal(10) ** 3,
    "mln": Decimal(10) ** 6,
    "mln.": Decimal(10) ** 6,
    "miljoen": Decimal(10) ** 6,
    "mld": Decimal(10) ** 9,
    "mld.": Decimal(10) ** 9,
    "mrd": Decimal(10) ** 9,
    "mrd.": Decimal(10) ** 9,
    "miljard": Decimal(10) ** 9,
    "biljoen": Decimal(10) ** 12,
}
_CURRENCIES: dict[str, AmountUnit] = {
    "eur": "eur",
    "euro": "eur",
    "euro's": "eur",
    "€": "eur",
    "usd": "usd",
    "us-dollar": "usd",
    "dollar": "usd",
    "dollars": "usd",
    "$": "usd",
}
# Hedges that precede an amount; kept so a reader sees "meer dan 90 miljard USD".
_QUALIFIERS = (
    "meer dan",
    "ruim",
    "circa",
    "ca.",
    "ongeveer",
    "bijna",
    "minimaal",
    "ten minste",
    "tenminste",
    "minder dan",
    "maximaal",
    "zo'n",
    "zo’n",
)

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_SCALE = r"(?:mln\.?|miljoen|mld\.?|mrd\.?|miljard|biljoen|duizend)"
_CURRENCY_BEFORE = r"(?:EUR|USD|€|\$)"
_CURRENCY_AFTER = r"(?:euro(?:'s)?|EUR|USD|US-dollar|dollars?)"
_QUALIFIER = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))

_MONEY_BEFORE = re.compile(
    rf"(?P<cur>{_CURRENCY_BEFORE})\s?(?P<num>{_NUMBER})(?:\s(?P<scale>{_SCALE})(?![\w]))?",
    re.IGNORECASE,
)
_MONEY_AFTER = re.compile(
    rf"(?<![\w,.])(?P<num>{_NUMBER})\s(?:(?P<scale>{_SCALE})\s)?(?P<cur>{_CURRENCY_AFTER})(?![\w])",
    re.IGNORECASE,
)
_PERCENT = re.compile(rf"(?<![\w,.])(?P<num>{_NUMBER})\s?(?:%|procent(?![\w]))", re.IGNORECASE)
# "vijf miljoen euro", "anderhalf miljard euro", "een half miljoen euro", "twee procent van het bbp"
# "drie en een half"; not the decimals of "één komma twee miljoen euro"
_NUMBER_WORD = rf"(?<![\w-])(?<!komma )(?P<word>anderhalf|een\s+half|{NUMBER_WORD_PATTERN})(?P<half>\s+en\s+een\s+half)?"
_MONEY_IN_WORDS = re.compile(
    rf"{_NUMBER_WORD}\s(?P<scale>{_SCALE})\s(?P<cur>{_CURRENCY_AFTER})(?![\w])", re.IGNORECASE
)
_PERCENT_IN_WORDS = re.compile(rf"{_NUMBER_WORD}\sprocent(?![\w])", re.IGNORECASE)
# a scale word or "procent": what an amount in words needs (most sentences have neither)
_WORDED = re.compile(r"miljoen|miljard|biljoen|procent", re.IGNORECASE)
# "5% van het bbp", "2% bbp", "3,5% van het bruto binnenlands product": the words are
# cue:gdp of ontology/extraction-cues.ttl, the grammar around them is here
_OF_GDP = r"\s*(?:van\s+(?:het|hun|ons|haar)\s+)?(?:{cue:gdp})(?![\w])"
# "de 2%-norm": the words are cue:gdp-norm of ontology/extraction-cues.ttl
_GDP_NORM = r"-?(?:{cue:gdp-norm})(?![\w])"
_DIGIT = re.compile(r"\d")  # what every _NUMBER starts with
_QUALIFIER_BEFORE = re.compile(rf"(?:^|\W)(?P<q>{_QUALIFIER})\s+$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Amount:
    """An amount found in a text: ``start``/``end`` are offsets into that text."""

    start: int
    end: int
    value: Decimal
    unit: AmountUnit
    text: str
    qualifier: str = ""

    @property
    def is_money(self) -> bool:
        return self.unit in ("eur", "usd")

    @property
    def is_percent(self) -> bool:
        return self.unit in ("percent", "percent-gdp")


def parse_number(text: str) -> Decimal:
    """Dutch number syntax: '3,5' -> 3.5, '1.000' -> 1000, '1.250,5' -> 1250.5."""
    cleaned = text.strip().replace(".", "").replace(",", ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(f"not a Dutch number: {text!r}") from error


def _base(value: Decimal) -> Decimal:
    """Plain (non-exponent) form, so 3.5e9 prints as 3500000000."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal


def find_amounts(text: str) -> list[Amount]:
    """Every amount of money or percentage in ``text``, in order, non-overlapping."""
    from natokg.knowledge.cues import cue_regex  # compiled once per cue file

    if not _DIGIT.search(text) and not _WORDED.search(text):
        return []  # most sentences have no amount, and the scans cost more than these tests
    of_gdp, gdp_norm = cue_regex(_OF_GDP), cue_regex(_GDP_NORM)
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for pattern in (_MONEY_BEFORE, _MONEY_AFTER, _MONEY_IN_WORDS):
        for match in pattern.finditer(text):
            value = _value(match)
            if value is None or not free(match.start(), match.end()):
                continue
            if match["scale"]:
                value *= _SCALES[match["scale"].lower()]
            unit = _CURRENCIES[match["cur"].lower()]
            found.append(_with_qualifier(text, match.start(), match.end(), _base(value), unit))
            taken.append((match.start(), match.end()))
    for match in (*_PERCENT.finditer(text), *_PERCENT_IN_WORDS.finditer(text)):
        value = _value(match)
        if value is None or not free(match.start(), match.end()):
            continue
        end = match.end()
        unit: AmountUnit = "percent"
        gdp = of_gdp.match(text, end)
        norm = gdp_norm.match(text, end)
        if gdp:
            unit, end = "percent-gdp", gdp.end()
        elif norm:
            unit, end = "percent-gdp", norm.end()
        found.append(_with_qualifier(text, match.start(), end, _base(value), unit))
        taken.append((match.start(), end))
    return sorted(found)


def _value(match: re.Match[str]) -> Decimal | None:
    """The number of an amount's match, in digits or in words; None for a word that is no number."""
    if match.groupdict().get("num"):
        return parse_number(match["num"])
    word = " ".join(match["word"].lower().split())
    if word == "anderhalf":
        return Decimal("1.5")
    if word == "een half":
        return Decimal("0.5")
    number = parse_number_word(word)
    if number is None:
        return None
    return Decimal(number) + (Decimal("0.5") if match.groupdict().get("half") else 0)


def _with_qualifier(text: str, start: int, end: int, value: Decimal, unit: AmountUnit) -> Amount:
    qualifier = ""
    before = _QUALIFIER_BEFORE.search(text[max(0, start - 20) : start])
    if before:
        qualifier = before["q"].lower()
    return Amount(start, end, value, unit, text[start:end], qualifier)


def parse_amount(text: str) -> Amount:
    """The single amount in a short text ("EUR 250 mln."); ValueError if none."""
    amounts = find_amounts(text)
    if not amounts:
        raise ValueError(f"no amount in {text!r}")
    return amounts[0]


def without_qualifier(text: str) -> str:
    """``text`` without the hedge it ends in ("dit jaar opnieuw ten minste " -> "dit jaar
    opnieuw "): what stands before an amount, the amount's own words left out."""
    found = _QUALIFIER_BEFORE.search(text)
    return text[: found.start("q")] if found else text


__all__ = ["Amount", "AmountUnit", "find_amounts", "parse_amount", "parse_number", "without_qualifier"]
