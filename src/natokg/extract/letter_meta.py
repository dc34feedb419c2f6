"""Letter metadata: kind, date, ministry reference, title, addressee, signatories and
the Kamerstukken the letter cites.

The letter's date comes from the cover letter's header ("Datum 3 juni 2026") or an
older "Den Haag, 17 mei 2010" line, never from an attached memo ("nota"), whose own
Datum is the date the memo was written.
"""

from __future__ import annotations

import re
from datetime import date

from natokg.text.dates import find_dates, find_years, parse_date
from natokg.knowledge.cues import cue_regex
from natokg.extract.context import LetterContext
from natokg.extract.stage import Found
from natokg.records import KamerstukRef, Letter, SegmentedLetter

# "Kamerstuk 28676, nr. 499", "Kamerstuk 28 676, nr. 404", "Kamerstukken 28 676 en
# 36 045, nr. 403", "Kamerstuk 36 850, nr. X-2", "Kamerstukken II 2021/22, 28 676, nr. 404",
# "Kamerstuk 36 200 V, nr. 12"
_DOSSIER = r"\d{2}\s?\d{3}(?:\s+[IVXL]+(?=\s*,))?"
_KAMERSTUK_RE = re.compile(
    r"Kamerstuk(?:ken)?\s+(?:I{1,2}\s+\d{4}/\d{2,4},?\s+)?"
    rf"(?P<dossiers>{_DOSSIER}(?:\s*(?:,|en|&)\s*{_DOSSIER})*)\s*,?\s*"
    r"nrs?\.?\s*(?P<numbers>[A-Z]?\d+(?:-\d+)?|[A-Z]+(?:-\d+)?)",
)
_PLACE_OF_WRITING = r"(?:{cue:place-of-writing})\s*,\s*"  # "Den Haag, " before the date
_REFERENCE_RE = re.compile(r"[A-Z]{1,6}[- ]?\d[\w/.-]*")
# (letter kind, pattern over the title); the words are cue concepts of
# ontology/extraction-cues.ttl. Checked in order: an agenda's title may mention a report.
_TITLE_KINDS = (
    ("agenda", r"(?:{cue:agenda-title})"),  # also "geannoteerde agendapunten", as before
    ("report", r"\b(?:{cue:report-title})\b"),
)


def _span_text(seg: SegmentedLetter, span) -> str:
    return seg.doc.text[span.start : span.end] if span is not None else ""


def title_text(seg: SegmentedLetter) -> str:
    """The document's title: the Betreft line, else the title line above the body."""
    for span in (seg.header.title, seg.title_line):
        text = " ".join(_span_text(seg, span).split())
        if text:
            return re.sub(r"^(?:Betreft|Onderwerp)\s*:?\s*", "", text)
    return ""


def letter_kind(seg: SegmentedLetter) -> str:
    titles = [_span_text(seg, seg.title_line), _span_text(seg, seg.header.title)]
    for kind, pattern in _TITLE_KINDS:
        if any(cue_regex(pattern).search(t) for t in titles):
            return kind
    labels = {p.label for p in seg.parts}
    if "memo" in labels and not labels & {"cover", "body"}:
        return "memo"
    # a title-less letter: its first line may still say what it is
    opening = seg.doc.text.lstrip()[:200].split("\n", 1)[0]
    for kind, pattern in _TITLE_KINDS:
        if cue_regex(pattern).search(opening):
            return kind
    return "letter"


def letter_date(seg: SegmentedLetter) -> date | None:
    """The header date, else a "Den Haag, <date>" line outside the memo."""
    header = _span_text(seg, seg.header.date)
    if header:
        found = parse_date(header)
        if found is not None:
            return found.first
    memo = [p for p in seg.parts if p.label == "memo"]
    for m in cue_regex(_PLACE_OF_WRITING, 0).finditer(seg.doc.text):
        if any(p.start <= m.start() < p.end for p in memo):
            continue
        found = parse_date(seg.doc.text[m.end() : m.end() + 40])
        if found is not None and found.start == 0:
            return found.first
    return None


def reference_date(seg: SegmentedLetter, letter_day: date | None) -> date | int | None:
    """What a date without a year is read against: the letter's date, else the first
    complete date in the title, else a year in the title, else in the text."""
    if letter_day is not None:
        return letter_day
    title = title_text(seg)
    for match in find_dates(title):
        return match.first
    years = find_years(title)
    if years:
        return years[0]
    memo = [p for p in seg.parts if p.label == "memo"]
    for match in find_dates(seg.doc.text):
        if not any(p.start <= match.start < p.end for p in memo):
            return match.first
    years = find_years(seg.doc.text)
    return years[0] if years else None


def ministry_reference(seg: SegmentedLetter) -> str | None:
    text = _span_text(seg, seg.header.reference)
    text = re.sub(r"^(?:Onze\s+referentie|Ons\s+kenmerk|Kenmerk)\s*:?\s*", "", text.strip(), flags=re.I)
    found = _REFERENCE_RE.search(text)
    return re.sub(r"\s+", "", found.group()).lower() if found else None


def addressee(seg: SegmentedLetter) -> str | None:
    """'eerste-kamer' or 'tweede-kamer', from the header's addressee (else the cover)."""
    candidates = [_span_text(seg, seg.header.addressee)]
    candidates += [_span_text(seg, p) for p in seg.parts if p.label in ("header", "cover")]
    for text in candidates:
        found = re.search(r"\b(Eerste|Tweede)\s+Kamer\b", text, re.IGNORECASE)
        if found:
            return f"{found.group(1).lower()}-kamer"
    return None


def kamerstukken(seg: SegmentedLetter) -> list[KamerstukRef]:
    """Every cited Kamerstuk, once, in order of first citation, with evidence."""
    found: dict[tuple[str, str], KamerstukRef] = {}
    for m in _KAMERSTUK_RE.finditer(seg.doc.text):
        dossiers = re.findall(_DOSSIER, m.group("dossiers"))
        dossier = "-".join(re.sub(r"\s+", "", d) for d in dossiers)
        number = m.group("numbers")
        if (dossier, number) not in found:
            found[(dossier, number)] = KamerstukRef(dossier, number, seg.doc.evidence(m.start(), m.end()))
    return list(found.values())


def extract_letter_meta(ctx: LetterContext, found: Found) -> Letter:
    """The Letter record; its signatories come from the persons stage."""
    seg = ctx.seg
    reference = ministry_reference(seg)
    return Letter(
        key=reference or seg.doc.sha256[:12],
        kind=letter_kind(seg),  # type: ignore[arg-type]
        sha256=seg.doc.sha256,
        source_file=seg.doc.path.name,
        date=letter_date(seg),
        reference=reference,
        title=title_text(seg) or None,
        addressee=addressee(seg),
        kamerstukken=kamerstukken(seg),
    )


def extract_reference(ctx: LetterContext, found: Found) -> date | int | None:
    """What the letter's dates without a year are read against: its own date or a date
    or year it writes, else the year of a summit it names with its city and days."""
    from natokg.extract.meetings import summit_year

    reference = reference_date(ctx.seg, found.letter.date)
    return reference if reference is not None else summit_year(ctx)
