"""Dutch dates and number words, as letters to parliament write them.

Covers single dates ("3 december 2025", "woensdag 8 juli", "7 juli:"), ranges
("21 en 22 mei 2026", "donderdag 21 en vrijdag 22 mei", "14-15 mei 2025",
"28 tot en met 30 juni", "30 juni t/m 2 juli"), abbreviated months ("7 feb. 2010"),
numeric dates ("17-05-2010", "2026-05-21"), years written as words
("tweeduizendtien") and the markers "jl." (past) and "a.s." (coming).

A date without a year gets one from a reference: the letter's date, or failing that a
year the caller found in the title or text. "jl." puts the date on or before the
reference, "a.s." on or after it; without a marker the date closest to the reference
wins, and a weekday named with the date ("woensdag 14 mei") must agree with it.

A year can also be named by its relation to the letter's date, looking ahead ("dit
najaar", "volgend jaar", "in december"): ``find_coming_years``.

Month, season and weekday names come from ontology/reference/calendar.ttl
(natokg.knowledge.calendar); the patterns around them are built here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from natokg.folding import fold
from natokg.knowledge.calendar import full_month_names, month_names, season_names, weekday_names

__all__ = [
    "DateMatch",
    "MonthMatch",
    "YearMatch",
    "find_coming_years",
    "find_dates",
    "find_months",
    "marked_coming",
    "month_of",
    "date_matches",
    "read_dates",
    "parse_date",
    "parse_number_word",
    "count_value",
    "find_years",
    "NUMBER_WORD_PATTERN",
]

# ------------------------------------------------------------------ number words

_UNITS = {
    "nul": 0, "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
}  # fmt: skip
_TEENS = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}  # fmt: skip
_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50,
    "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
}  # fmt: skip

# A word that may be a Dutch number (checked by parse_number_word afterwards).
NUMBER_WORD_PATTERN = (
    r"(?:[a-zëéèï]*(?:tig|tien|elf|twaalf|honderd|duizend)"
    r"|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)"
)


def _fold(word: str) -> str:
    """Lower case, accents off ("tweeëndertig" -> "tweeendertig"), no spaces or hyphens."""
    return re.sub(r"[\s\-]+", "", fold(word))


def _below_hundred(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    if word in _TEENS:
        return _TEENS[word]
    if word in _TENS:
        return _TENS[word]
    # "eenendertig", "tweeendertig" (after folding "tweeëndertig"), "achtentwintig"
    for unit, value in _UNITS.items():
        if value and word.startswith(unit + "en") and word[len(unit) + 2 :] in _TENS:
            return value + _TENS[word[len(unit) + 2 :]]
    return None


def _below_thousand(word: str) -> int | None:
    if "honderd" in word:
        left, _, right = word.partition("honderd")
        hundreds = 1 if left == "" else _below_hundred(left)
        rest = 0 if right == "" else _below_hundred(right.removeprefix("en"))
        if hundreds is None or rest is None or not 1 <= hundreds <= 9:
            return None
        return hundreds * 100 + rest
    return _below_hundred(word)


def parse_number_word(word: str) -> int | None:
    """The value of a Dutch number word, or None: "dertig" 30, "eenendertig" 31,
    "tweeëndertig" 32, "honderdtwintig" 120, "tweeduizendtien" 2010."""
    folded = _fold(word)
    if not folded or not folded.isalpha():
        return None
    if "duizend" in folded:
        left, _, right = folded.partition("duizend")
        thousands = 1 if left == "" else _below_thousand(left)
        rest = 0 if right == "" else _below_thousand(right.removeprefix("en"))
        if thousands is None or rest is None:
            return None
        return thousands * 1000 + rest
    return _below_thousand(folded)


def count_value(text: str) -> int | None:
    """A count written in digits ("32") or words ("dertig"); None if it is neither."""
    stripped = text.strip()
    if stripped.isdigit():
        return int(stripped)
    return parse_number_word(stripped)


# ------------------------------------------------------------------ dates


@dataclass(frozen=True)
class DateMatch:
    """A date or date range found in a text; offsets are into the text given."""

    start: int
    end: int
    first: date
    last: date
    text: str
    year_stated: bool = True  # False when the year came from the reference
    marker: str = ""  # "past" (jl.), "coming" (a.s.) or ""


_YEAR_WORD = r"(?:tweeduizend[a-zëé]*|negentienhonderd[a-zëé]*)"
_YEAR = rf"(?:(?:19|20)\d\d(?!\d)|{_YEAR_WORD})"
_DAY = r"(?:[0-2]?\d|3[01])(?!\d)(?:e|ste|de)?"
_SEP = r"(?:\s*(?:-|–|—|/)\s*|\s+(?:en|tot\s+en\s+met|t/m|tot)\s+)"
_COMING_MARKER = r"(?:a\.?s\.?(?![a-z])|aanstaande)"
_MARKER = rf"(?:j\.?l\.?|jongstleden|{_COMING_MARKER})"
_DAY_LIST = rf"(?:\s*,\s*{_DAY})*"  # "21, 22 en 23 mei": middle days are ignored
_NUMERIC = r"(?P<nd>[0-3]?\d)[-/.](?P<nm>[01]?\d)[-/.](?P<ny>(?:19|20)\d\d)(?!\d)"
_ISO = r"(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?!\d)"


def _alternation(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """The date and single-date patterns, built from the month and weekday names of
    ontology/reference/calendar.ttl (natokg.knowledge.calendar)."""
    full = full_month_names()
    abbreviations = [m for m in month_names() if m not in full]
    # a dot after a full month name ends the sentence; after an abbreviation it is part of it
    month = rf"(?:(?:{_alternation(full)})(?![a-z])|(?:{_alternation(abbreviations)})(?![a-z])\.?)"
    weekday = rf"(?:{_alternation(weekday_names())})(?:-?(?:ochtend|middag|avond))?"
    optional_weekday = rf"(?:(?P<{{name}}>{weekday})[\s,]+)?"
    date_range = (
        rf"{optional_weekday.format(name='wd1')}(?P<d1>{_DAY})"
        rf"(?:\s+(?P<m1>{month})(?:\s*(?P<y1>{_YEAR}))?)?{_DAY_LIST}"
        rf"(?P<sep>{_SEP}){optional_weekday.format(name='wd2')}(?P<d2>{_DAY})\s+(?P<m2>{month})"
        rf"(?:\s*(?P<y2>{_YEAR}))?(?:\s+(?P<mk>{_MARKER}))?"
    )
    single = (
        rf"{optional_weekday.format(name='wd0')}(?P<d0>{_DAY})\s+(?P<m0>{month})"
        rf"(?:\s*(?P<y0>{_YEAR}))?(?:\s+(?P<mk0>{_MARKER}))?"
    )
    any_date = re.compile(
        rf"(?<![\w/-])(?:(?P<iso>{_ISO})|(?P<num>{_NUMERIC})|(?P<range>{date_range})|(?P<single>{single}))",
        re.IGNORECASE,
    )
    return any_date, re.compile(rf"(?<![\w/-]){single}", re.IGNORECASE)


# "21 en 22 mei", "21, 22 en 23 mei" are one meeting; "6 en 13 mei" are two dates.
_MAX_EN_RANGE_DAYS = 3
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _month(token: str) -> int:
    return month_names()[token.lower().rstrip(".")]


def _day(token: str) -> int:
    return int(re.match(r"\d+", token).group())


def _year(token: str | None) -> int | None:
    if not token:
        return None
    if token.isdigit():
        return int(token)
    return parse_number_word(token)


_ENDS_COMING = re.compile(rf"{_COMING_MARKER}$", re.IGNORECASE)


def marked_coming(text: str) -> bool:
    """Whether a date or month phrase ends with a marker of the coming one ("juni a.s.",
    "oktober aanstaande")."""
    return _ENDS_COMING.search(text.rstrip()) is not None


def _marker(token: str | None) -> str:
    if not token:
        return ""
    return "past" if token.lower().startswith("j") else "coming"


def _weekday(token: str | None) -> int | None:
    if not token:
        return None
    return weekday_names().get(re.match(r"[a-z]+?dag", token.lower()).group())


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _choose_year(
    month: int, day: int, weekday: int | None, marker: str, reference: date | int | None
) -> int | None:
    """The year for a day and month the text gave without one (see module docstring)."""
    if reference is None:
        return None
    if isinstance(reference, int):
        return reference
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate is None:
            continue
        if marker == "past" and candidate > reference:
            continue
        if marker == "coming" and candidate < reference:
            continue
        candidates.append(candidate)
    if weekday is not None and any(c.weekday() == weekday for c in candidates):
        candidates = [c for c in candidates if c.weekday() == weekday]
    if not candidates:
        return reference.year
    return min(candidates, key=lambda c: (abs((c - reference).days), c)).year


def _from_match(m: re.Match, reference: date | int | None, base: int) -> DateMatch | None:
    g = m.groupdict()
    text = m.group(0)
    start, end = m.start() + base, m.end() + base
    if g.get("iso"):
        first = _safe_date(int(g.get("iy")), int(g.get("im")), int(g.get("id")))
        return first and DateMatch(start, end, first, first, text)
    if g.get("num"):
        first = _safe_date(int(g.get("ny")), int(g.get("nm")), int(g.get("nd")))
        return first and DateMatch(start, end, first, first, text)
    if g.get("range"):
        marker = _marker(g.get("mk"))
        d1, d2 = _day(g.get("d1")), _day(g.get("d2"))
        m2 = _month(g.get("m2"))
        m1 = _month(g.get("m1")) if g.get("m1") else (m2 if d1 <= d2 else m2 - 1 or 12)
        y2, y1 = _year(g.get("y2")), _year(g.get("y1"))
        stated = y2 is not None
        if y2 is None and y1 is None and marker == "past":
            # "1 en 2 april jl." in a letter of 1 April: a meeting that began by then
            y1 = _choose_year(m1, d1, _weekday(g.get("wd1")), marker, reference)
            if y1 is None:
                return None
            y2 = y1 if m1 <= m2 else y1 + 1
        if y2 is None:
            y2 = _choose_year(m2, d2, _weekday(g.get("wd2")), marker, reference)
            if y2 is None:
                return None
        if y1 is None:
            y1 = y2 if m1 <= m2 else y2 - 1
        first, last = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
        if first is None or last is None or last < first:
            return None
        if g.get("sep").strip() == "en" and (last - first).days > _MAX_EN_RANGE_DAYS:
            return None  # "6 en 13 mei": two dates, not a range (the caller splits)
        return DateMatch(start, end, first, last, text, stated, marker)
    marker = _marker(g.get("mk0"))
    day, month = _day(g.get("d0")), _month(g.get("m0"))
    year = _year(g.get("y0"))
    stated = year is not None
    if year is None:
        year = _choose_year(month, day, _weekday(g.get("wd0")), marker, reference)
        if year is None:
            return None
    first = _safe_date(year, month, day)
    return first and DateMatch(start, end, first, first, text, stated, marker)


def find_dates(
    text: str, *, reference: date | int | None = None, offset: int = 0
) -> list[DateMatch]:
    """Every date or date range in ``text``, in order.

    ``reference`` supplies a missing year: a date (the letter's date) or a bare year.
    Without one, dates that leave the year out are skipped. ``offset`` is added to the
    match positions (for searching a slice of a longer text).
    """
    return read_dates(date_matches(text), reference=reference, offset=offset)


def date_matches(text: str) -> list[re.Match[str]]:
    """The pattern matches ``find_dates`` reads: a caller that reads one long text
    against a second reference keeps them and scans the text once (``read_dates``)."""
    any_date, _ = _patterns()
    return list(any_date.finditer(text))


def read_dates(
    matches: list[re.Match[str]], *, reference: date | int | None = None, offset: int = 0
) -> list[DateMatch]:
    """``find_dates`` of the text ``matches`` (``date_matches``) were found in."""
    found = []
    _, single_date = _patterns()
    for m in matches:
        match = _from_match(m, reference, offset)
        if match is not None:
            found.append(match)
        elif m.group("range"):
            # not a range after all: take the complete dates inside it one by one
            for single in single_date.finditer(m.group(0)):
                match = _from_match(single, reference, offset + m.start())
                if match is not None:
                    found.append(match)
    return found


def parse_date(text: str, reference: date | int | None = None) -> DateMatch | None:
    """The first date or range in ``text`` (e.g. "Den Haag, 17 mei 2010"), or None."""
    matches = find_dates(text, reference=reference)
    return matches[0] if matches else None


def month_of(day: date) -> str:
    """"2008-02": the month of ``day`` as ISO 8601 (and xsd:gYearMonth) writes it."""
    return f"{day.year:04d}-{day.month:02d}"


@dataclass(frozen=True)
class MonthMatch:
    """A month named without a day ("in mei jl.", "in februari 2008", "van december
    a.s."); offsets are into the text given."""

    start: int
    end: int
    year: int
    month: int
    text: str

    @property
    def iso(self) -> str:
        """"2008-02": the month as ISO 8601 (and xsd:gYearMonth) writes it."""
        return month_of(date(self.year, self.month, 1))


@cache
def _month_pattern() -> re.Pattern:
    # only after a preposition: "in mei", "van december", "medio juni"; a day before the
    # month makes it a date, which find_dates reads
    month = rf"(?:{_alternation(full_month_names())})(?![a-z])"
    # "van januari tot juni 2008": the year after a range of months is the first month's too
    later = rf"(?:\s*(?:-|–|t/m|tot(?:\s+en\s+met)?)\s*(?P<m2>{month})\s+(?P<y2>{_YEAR}))?"
    return re.compile(
        rf"(?<![\w-])(?:(?P<q>medio|eind|begin)|in|van|per|vanaf|v[oó]{{2}}r)\s+(?:de\s+maand\s+)?(?P<first>(?P<m>{month})"
        rf"(?:\s+(?P<y>{_YEAR})|\s+(?P<rel>vorig|verleden|dit|volgend|komend)\s+jaar)?(?:\s+(?P<mk>{_MARKER}))?){later}",
        re.IGNORECASE,
    )


@cache
def _month_words() -> tuple[str, ...]:
    return tuple(full_month_names())


def _names_a_month(text: str) -> bool:
    """Most sentences name no month: twelve substring tests, not the full pattern."""
    lowered = text.lower()
    for word in _month_words():
        if word in lowered:
            return True
    return False


def find_months(
    text: str, *, reference: date | int | None = None, offset: int = 0, tense: str = ""
) -> list[MonthMatch]:
    """Every month named without a day in ``text``, in order. A month without a year
    takes the year of a range it starts ("van januari tot juni 2008"), "vorig/dit/volgend
    jaar" counted from ``reference``, else one from ``reference`` as a date does: "jl."
    puts the month's start on or before the reference, "a.s." its end on or after it,
    else ``tense`` ("past" or "coming", as the caller reads the verb: "kwamen in december
    bijeen", "komen in december bijeen") does, else the month closest to it wins."""
    found: list[MonthMatch] = []
    if not _names_a_month(text):
        return found
    for m in _month_pattern().finditer(text):
        month, year, marker = _month(m.group("m")), _year(m.group("y")), _marker(m.group("mk")) or tense
        if year is None and m.group("y2"):
            year = _year(m.group("y2")) - (month > _month(m.group("m2")))
        if year is None and m.group("rel") and reference is not None:
            this_year = reference.year if isinstance(reference, date) else reference
            year = this_year + {"vorig": -1, "verleden": -1, "dit": 0}.get(m.group("rel").lower(), 1)
        if year is None:
            day = {"past": 1, "coming": 28}.get(marker, 15)
            year = _choose_year(month, day, None, marker, reference)
            if year is None:
                continue
        start = m.start("q") if m.group("q") else m.start("m")  # "medio december", "mei jl."
        found.append(MonthMatch(start + offset, m.end("first") + offset, year, month, text[start : m.end("first")]))
    return found


def find_years(text: str) -> list[int]:
    """Four-digit years 1900-2099 written in a text, in order."""
    return [int(y) for y in _YEAR_RE.findall(text)]


@dataclass(frozen=True)
class YearMatch:
    """A year named by its relation to a reference date ("dit najaar", "volgend jaar",
    "in december"); ``month`` is set when a month named it. Offsets are into the text given."""

    start: int
    end: int
    year: int
    text: str
    month: int | None = None


# "dit jaar", "deze zomer", "volgend voorjaar"; "komend jaar" is the next twelve months,
# "het jaar" no year at all
_THIS, _NEXT = ("dit", "deze"), ("volgend", "volgende", "komend", "komende")
# "eerder dit jaar", "afgelopen zomer", "sinds dit voorjaar" look back
_LOOKING_BACK = re.compile(r"(?:eerder|afgelopen|sinds)\s+$", re.IGNORECASE)
_YEAR_END = re.compile(r"(?<![\w-])(?:het\s+)?eind(?:e)?\s+van\s+het\s+jaar(?![\w-])", re.IGNORECASE)
_DEADLINE_BEFORE = re.compile(r"(?<![\w-])(?:tot(?:\s+en\s+met)?|uiterlijk|per|vanaf)\s+$", re.IGNORECASE)
_IN_BEFORE = re.compile(r"(?<![\w-])in\s+$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+van\b", re.IGNORECASE)
_OF_A_NAMED_THING = re.compile(r"\bvan\s+(?:de\s+maand\s+)?$", re.IGNORECASE)


@cache
def _coming_pattern() -> re.Pattern:
    seasons = _alternation(season_names())
    return re.compile(
        rf"(?<![\w-])(?P<rel>{'|'.join(_THIS + _NEXT)}|het|de)\s+(?P<unit>jaar|{seasons})(?![\w-])", re.IGNORECASE
    )


def find_coming_years(text: str, *, reference: date, offset: int = 0) -> list[YearMatch]:
    """The years ``text`` names looking ahead from ``reference``, in order: "(eind) dit
    jaar", "voor het einde van het jaar" and "deze zomer" its year, "volgend jaar" the
    next, "volgend voorjaar" the year of the coming season, "in het voorjaar" that of the
    coming season or the one under way, a deadline without a year ("tot 1 juli a.s.") its
    year from ``reference`` (never a day before it), a month without a year ("in
    december") the coming month's (``find_months``). What looks back ("eerder dit jaar")
    or names a thing of a month ("de Raad van november") names no year."""
    found: list[YearMatch] = []
    for m in _coming_pattern().finditer(text):
        rel, unit = m.group("rel").lower(), m.group("unit").lower()
        if _LOOKING_BACK.search(text, max(0, m.start() - 12), m.start()):
            continue
        if unit == "jaar":
            if rel in ("het", "de") or rel.startswith("komend"):
                continue
            year = reference.year + (rel in _NEXT)
        else:
            first = season_names()[unit]
            if rel in ("het", "de"):
                # "in het voorjaar", "in de zomer": the coming season, or the one the
                # reference lies in; not "vanaf het najaar" nor "het najaar van 2009"
                if not _IN_BEFORE.search(text, max(0, m.start() - 4), m.start()) or _OF_AFTER.match(text, m.end()):
                    continue
                months = {(first + k - 1) % 12 + 1 for k in range(3)}
                year = reference.year + (reference.month not in months and reference.month > first)
            elif rel in _THIS:
                year = reference.year
            else:
                year = reference.year + (reference.month >= first)
        found.append(YearMatch(m.start() + offset, m.end() + offset, year, m.group(0)))
    for m in _YEAR_END.finditer(text):
        # "voor het einde van het jaar": the end of the year the letter is written in
        if not _LOOKING_BACK.search(text, max(0, m.start() - 12), m.start()):
            found.append(YearMatch(m.start() + offset, m.end() + offset, reference.year, m.group(0)))
    ref_day = reference if isinstance(reference, date) else date(reference, 1, 1)
    for day in find_dates(text, reference=reference):
        # "de inzet tot 1 juli a.s. verlengen": a deadline whose year the letter's date gives
        if (not day.year_stated and day.marker != "past" and day.last >= ref_day
                and _DEADLINE_BEFORE.search(text, max(0, day.start - 16), day.start)):
            found.append(YearMatch(day.start + offset, day.end + offset, day.last.year, day.text, day.last.month))
    for month in find_months(text, reference=reference, tense="coming"):
        if _OF_A_NAMED_THING.search(text, max(0, month.start - 16), month.start):
            continue
        found.append(YearMatch(month.start + offset, month.end + offset, month.year, month.text, month.month))
    return sorted(found, key=lambda y: y.start)
