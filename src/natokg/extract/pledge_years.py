"""The target year of a pledge.

A year the pledge's sentence writes after a preposition of time ("in 2024", "uiterlijk
eind 2016", "vanaf 2015"; not "sinds 2014" or "ten opzichte van 2014"), no earlier than
its meeting's or letter's year; for money only a deadline next to the amount ("tot eind
2016 EUR 25 mln."), a year right before it ("in 2004 EUR 4 mln.") or one that opens the
sentence with "voor", "tot", "vanaf" ("Voor 2022 heeft Nederland gereserveerd: ..."). Without one, a
year named from the letter's date looking ahead ("dit najaar", "volgend jaar", "dient
het plan in december in"; for money after a deadline word, "voor volgend jaar", or
right before it, "dit jaar EUR 5 mln."), but a month that dates a meeting ("De NAVO-top in
Lissabon in november zal ... vaststellen", "de ministers van Buitenlandse Zaken in
december") is the meeting's, not the pledge's.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Sequence

from natokg.extract.amounts import without_qualifier
from natokg.knowledge.calendar import full_month_names
from natokg.knowledge.cues import cue_regex
from natokg.text.dates import find_coming_years, marked_coming


@cache
def _year_pattern() -> re.Pattern:
    """A year after a preposition of time, with a day and month ("tot 1 juli 2016") or a
    month ("tot en met december 2014") between, or the first of a period ("in de periode
    2015-2017"); month names from calendar.ttl."""
    months = "|".join(sorted((re.escape(m) for m in full_month_names()), key=len, reverse=True))
    return re.compile(
        r"\b(?:in|op|tegen|uiterlijk(?: in)?|tot(?: en met)?(?: ten minste| minstens)?(?: eind)?|eind|begin|medio|v[oó]{2}r|per|rond|"
        r"vanaf(?: begin)?|gedurende(?: geheel)?)\s+"
        r"(?:het\s+jaar\s+|de\s+(?:eerste|tweede)\s+helft\s+van\s+|het\s+(?:voorjaar|najaar)\s+van\s+|de\s+loop\s+van\s+"
        r"|het\s+(?:eerste|tweede)\s+halfjaar\s+van\s+|het\s+(?:eerste|tweede|derde|vierde)\s+kwartaal\s+van\s+"
        r"|de\s+periode\s+)?"
        rf"(?:\d{{1,2}}\s+(?:en\s+\d{{1,2}}\s+)?[a-z]+\s+|(?P<month>{months})\s+)?(?P<year>(?:19|20)\d\d)\b"
        # "in de periode 2015-2017": the period's first year, the match running to its last
        r"(?:\s*[-–]\s*(?:19|20)\d\d\b)?",
        re.IGNORECASE,
    )


# What one money amount is for ("voor 2024 ... 1 miljard euro"), or its deadline ("tot eind 2016").
_MONEY_YEAR_WORDS = ("tot", "uiterlijk", "voor", "vóór", "vanaf")
_CLAUSE_MARK = re.compile(r"[,;:()]")
_ITEM_LABEL = re.compile(r"^\s*(?:[a-z\d]{1,2}[.)]\s+)?[^\W\d][\w -]{0,30}:\s+")  # a list item's label before its colon
_NOUN_OF_AMOUNT = re.compile(r"\s*(?:een|de|het)\s+(?:[^\W\d]+\s+){1,2}van\s+", re.IGNORECASE)
_MEETING_BEFORE_RE = r"\b(?:{cue:meeting-word}|{cue:allies-delegation-noun}|{cue:dated-event-noun})\b[^,;:]{0,30}$"
# "Voor de top in 2016 zegde ... toe": the meeting's year; "voor de oefeningen in 2015": the money's
_MEETING_IN_OPENING_RE = r"\b(?:{cue:meeting-word}|{cue:allies-delegation-noun})\b"


def stated_target_year(
    text: str, min_year: int | None, money: tuple[int, int] | None = None, verb: int | None = None
) -> int | None:
    """The first year ``text`` states as a target, not before ``min_year``; ``money``: the
    character span of a money amount, whose year is a deadline within 50 characters before it
    (40 after), else one that opens the sentence, or one in a "voor" phrase that opens it
    before the pledge's verb (at ``verb``)."""
    year = _stated_year(text, min_year, money, opening=False)
    if year is None and money is not None:
        year = _stated_year(text, min_year, money, opening=True, verb=verb)
    return year


def _stated_year(
    text: str, min_year: int | None, money: tuple[int, int] | None, opening: bool, verb: int | None = None
) -> int | None:
    for match in _year_pattern().finditer(text):
        if _month_not_deadline(match):
            continue
        if money is not None and not (
            match.group(0).lower().startswith(_MONEY_YEAR_WORDS) and money[0] - 50 <= match.start() <= money[1] + 40
            or _right_before(text, match.end(), money)
            # "220 miljoen euro in 2016": the year right after the amount
            or (match.group(0).lower().startswith("in") and 0 <= match.start() - money[1] <= 2)
            # "Voor 2022 heeft Nederland gereserveerd: EUR 1,5 mln ...; € 500.000 ...": what a
            # sentence opens with is for all of it ("In 2024 besloot ...": when it was decided)
            or (opening and match.group(0).lower().startswith(_MONEY_YEAR_WORDS) and not text[: match.start()].strip()
                and match.start() < money[0])
            # "Voor de extra oefeningen in 2015 reserveert het kabinet ...": the year of what the
            # opening phrase says the money is for
            or (opening and verb is not None and match.end() <= verb and _purpose_opening(text[: match.start()]))
        ):
            continue
        before = text[max(0, match.start() - 25) : match.start()].lower()
        if "sinds" in before or "opzichte" in before:
            continue
        year = int(match.group("year"))
        if min_year is None or year >= min_year:
            return year
    return None


def _month_not_deadline(match: re.Match) -> bool:
    """A month and year after "in" or "op" ("In januari 2023 kondigde ... aan", "de in juni
    2023 vernielde dam") date an event; after "tot (en met)", "vanaf" or "gedurende" they
    are a pledge's deadline or period."""
    return match.group("month") is not None and not match.group(0).lower().startswith(("tot", "vanaf", "gedurende"))


def _purpose_opening(before: str) -> bool:
    """Whether ``before`` is the start of a sentence-opening "voor" phrase (what money is
    for), with no clause mark and no meeting word in it."""
    before = _ITEM_LABEL.sub("", before, count=1)  # "f. Financiering: voor de extra oefeningen ..."
    return (
        before.lstrip().lower().startswith(("voor ", "vóór "))
        and not _CLAUSE_MARK.search(before)
        and cue_regex(_MEETING_IN_OPENING_RE).search(before) is None
    )


def clause_target_year(text: str, min_year: int | None, lo: int, hi: int) -> int | None:
    """The target year stated in text[lo:hi], a pledge's own clause, when the sentence
    states another besides ("dat de inzet tot 1 augustus 2010 wordt voortgezet, en dat
    Nederland in 2008 een tweede OMLT levert"); None when the sentence states one or none."""
    years = [m for m in _year_pattern().finditer(text)
             if (min_year is None or int(m.group("year")) >= min_year) and not _month_not_deadline(m)]
    if len({m.group("year") for m in years}) < 2:
        return None
    inside = [m for m in years if lo <= m.start() and m.end() <= hi]
    return int(inside[0].group("year")) if inside else None


def _right_before(text: str, end: int, money: tuple[int, int]) -> bool:
    """Whether a year phrase ending at ``end`` stands right before the money, a few
    words at most between ("zal Nederland in 2004 EUR 4 mln. bijdragen", "dit jaar nog
    eens EUR 1,5 mln."): the year it is given in."""
    between = without_qualifier(text[end : money[0]])  # "dit jaar opnieuw ten minste 250 miljoen euro"
    if end > money[0] or _CLAUSE_MARK.search(between):
        return False
    # a few words, or a noun whose complement the amount is ("in 2014 een extra bijdrage van 500.000 euro")
    return len(between) <= 12 or len(between) <= 36 and _NOUN_OF_AMOUNT.fullmatch(between) is not None


def coming_money_year(text: str, reference: date, money: tuple[int, int]) -> int | None:
    """The year a money amount is for, named from ``reference`` after a deadline word near
    it ("Ook voor volgend jaar reserveert het kabinet ...", "tot eind dit jaar")."""
    for found in find_coming_years(text, reference=reference):
        before = text[max(0, found.start - 12) : found.start].lower().split()
        if found.month is None and (before and before[-1] in _MONEY_YEAR_WORDS + ("eind",) and (
            money[0] - 60 <= found.start <= money[1] + 40
        ) or _right_before(text, found.end, money)):
            return found.year
    return None


def coming_target_year(text: str, reference: date, city_ends: Sequence[int], marked_only: bool = False) -> int | None:
    """The first year ``text`` names from ``reference`` looking ahead, leaving out a month
    or season named after a meeting word, a delegation noun, a dated event ("de
    verkiezingen in het najaar") or a city (``city_ends``: where the sentence's city
    names end); ``marked_only``: only a day or month marked "a.s." (a pledge made before
    the letter still names its coming month so: "spraken af in juni a.s. te besluiten")."""
    for found in find_coming_years(text, reference=reference):
        if marked_only and not marked_coming(found.text):
            continue
        if (found.month is not None or found.text.lower().split()[-1] != "jaar") and (
            cue_regex(_MEETING_BEFORE_RE).search(text, max(0, found.start - 60), found.start)
            or any(0 <= found.start - end <= 8 for end in city_ends)
        ):
            continue
        return found.year
    return None


__all__ = ["clause_target_year", "coming_money_year", "coming_target_year", "stated_target_year"]
