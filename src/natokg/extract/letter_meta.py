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
from natokg.extract.document_titles import OPENING_CHARS, SENT_KINDS, portal_titles, section_titles, subject_spans
from natokg.extract.stage import Found
from natokg.records import KamerstukRef, Letter, SegmentedLetter
from natokg.identifiers import KAMERSTUK_CITATION, parse_kamerstuk

_PLACE_OF_WRITING = r"(?:{cue:place-of-writing})\s*,\s*"  # "Den Haag, " before the date
# "BZ2628703", "MINBUZA-2015.118632", "DVB/NW-451/08"
_REFERENCE_RE = re.compile(r"[A-Z]{1,8}(?:/[A-Z]{1,8})*[- ]?\d[\w/.-]*")
# (letter kind, pattern over a title); the words are cue concepts of
# ontology/extraction-cues.ttl. Checked in order: a question-and-answer text or a debate
# report names meetings and reports, and an agenda's title may mention a report.
_TITLE_KINDS = (
    ("other", r"\b(?:{cue:other-document-title})\b"),
    ("agenda", r"(?:{cue:agenda-title})"),  # also matches "geannoteerde agendapunten"
    ("report", r"\b(?:{cue:report-title})\b"),
)
# "Datum brief 01-03-2023", "Nummer: 2019D51864, datum: 2019-12-13", "Kamerbrief | 21-11-2017"
_PORTAL_DATE = (
    r"(?:^|,)[ \t]*(?:{cue:portal-letter-date})[ \t]*[:|]?[ \t]*"
    r"(?:(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})|(?P<day2>\d{1,2})-(?P<month2>\d{1,2})-(?P<year2>\d{4}))\b"
)


def _span_text(seg: SegmentedLetter, span) -> str:
    return seg.doc.text[span.start : span.end] if span is not None else ""


def title_text(seg: SegmentedLetter) -> str:
    """The document's title: the Betreft line, else the title under a portal's section
    label (above it stands the ministry's name), else the title line above the body."""
    sections = [seg.doc.text[a:b] for a, b in section_titles(seg)]
    for text in (_span_text(seg, seg.header.title), *sections[:1], _span_text(seg, seg.title_line)):
        text = " ".join(text.split())
        if text:
            return re.sub(r"^(?:Betreft|Onderwerp)\s*:?\s*", "", text)
    return ""


def _title_candidates(seg: SegmentedLetter) -> list[str]:
    """The texts that say what the document is: its body title, its Betreft line and
    the titles a portal page gives."""
    titles = [_span_text(seg, seg.title_line), _span_text(seg, seg.header.title)]
    titles += [seg.doc.text[a:b] for a, b in portal_titles(seg)]
    return [t for t in titles if t]


def _kind_in(patterns, texts: list[str]) -> str | None:
    for kind, pattern in patterns:
        if any(cue_regex(pattern).search(t) for t in texts):
            return kind
    return None


def _covering_kind(seg: SegmentedLetter) -> str | None:
    """The kind of document the first covering sentence sends ("Hierbij bied ik u het
    verslag aan"), outside the memo."""
    memo = [p for p in seg.parts if p.label == "memo"]
    found: list[tuple[int, str]] = []
    for kind, pattern in SENT_KINDS:
        for m in cue_regex(pattern).finditer(seg.doc.text):
            if not any(p.start <= m.start() < p.end for p in memo):
                found.append((m.end(), kind))  # the kind word named first
                break
    return min(found)[1] if found else None


def letter_kind(seg: SegmentedLetter) -> str:
    """agenda, report, memo, other (a text that is not a letter about a meeting) or
    letter: a memo that travels alone is a memo whatever its subject prepares; else from
    the titles, else the covering sentence, else the first line."""
    if seg.memo_alone():
        return "memo"
    opening = seg.doc.text.lstrip()[:200].split("\n", 1)[0]
    titles = _title_candidates(seg)
    kind = _kind_in(_TITLE_KINDS[:1], titles + [opening]) or _kind_in(_TITLE_KINDS[1:], titles)
    kind = kind or _covering_kind(seg)
    if kind is not None:
        return kind
    # a title-less letter: its first line may still say what it is
    return _kind_in(_TITLE_KINDS, [opening]) or "letter"


def names_only_other_meetings(ctx: LetterContext) -> bool:
    """Whether the document's titles and covering sentence name a meeting outside NATO
    (an EU Council, an OSCE Ministerial Council) and no NATO meeting: a look-alike."""
    from natokg.extract.meeting_words import MAIN_KINDS, named_kind
    from natokg.text.nlp import KIND, NAMED

    external = nato = False
    for start, end in subject_spans(ctx.seg):
        for m in ctx.in_span(start, end, KIND, NAMED):
            if m.label == KIND:
                nato |= m.key in MAIN_KINDS
                continue
            external |= named_kind(ctx, m) == "external"
    return external and not nato


def _outside_memo(seg: SegmentedLetter, offset: int) -> bool:
    return not any(p.start <= offset < p.end for p in seg.parts if p.label == "memo")


def _date_after(seg: SegmentedLetter, template: str, flags: int) -> date | None:
    """The written date right after the first match of ``template`` outside the memo."""
    for m in cue_regex(template, flags).finditer(seg.doc.text):
        if not _outside_memo(seg, m.start()):
            continue
        found = parse_date(seg.doc.text[m.end() : m.end() + 40])
        if found is not None and found.start == 0:
            return found.first
    return None


def _portal_date(seg: SegmentedLetter) -> date | None:
    """The letter's date in figures on the portal page above it ("Datum brief 01-03-2023")."""
    found = cue_regex(_PORTAL_DATE, re.I | re.M).search(seg.doc.text[:OPENING_CHARS])
    if found is None:
        return None
    if found.group("year"):
        parts = int(found.group("year")), int(found.group("month")), int(found.group("day"))
    else:
        parts = int(found.group("year2")), int(found.group("month2")), int(found.group("day2"))
    try:
        return date(*parts)
    except ValueError:
        return None


def letter_date(seg: SegmentedLetter) -> date | None:
    """The letter's own date, never the memo's: the header date, else a "Den Haag,
    <date>" or "Datum <date>" line, else the letter date a portal page gives in figures,
    else the date the answers to written questions were received."""
    header = _span_text(seg, seg.header.date)
    if header:
        found = parse_date(header)
        if found is not None:
            return found.first
    return (
        _date_after(seg, _PLACE_OF_WRITING, 0)
        or _date_after(seg, r"^Datum:?[ \t]*", re.M)
        or _portal_date(seg)
        or _date_after(seg, r"\((?:{cue:answers-received})[ \t]+", re.I)
    )


def reference_date(ctx: LetterContext, letter_day: date | None) -> date | int | None:
    """What a date without a year is read against: the letter's date, else the first
    complete date in the title, else a year in the title, else in the text."""
    seg = ctx.seg
    if letter_day is not None:
        return letter_day
    title = title_text(seg)
    for match in find_dates(title):
        return match.first
    years = find_years(title)
    if years:
        return years[0]
    memo = [p for p in seg.parts if p.label == "memo"]
    for match in ctx.dates_read_against(None):  # complete dates only (a date without a year is left out)
        if not any(p.start <= match.start < p.end for p in memo):
            return match.first
    years = find_years(seg.doc.text)
    return years[0] if years else None


def ministry_reference(seg: SegmentedLetter) -> str | None:
    text = _span_text(seg, seg.header.reference)
    text = re.sub(r"^(?:Onze\s+referentie|Ons\s+kenmerk|Kenmerk)\s*:?\s*", "", text.strip(), flags=re.I)
    found = _REFERENCE_RE.search(text)
    return re.sub(r"\s+", "", found.group()).lower() if found else None


def letter_key(reference: str) -> str:
    """The reference as a letter IRI's local name: "dvb/nw-451/08" -> "dvb-nw-451-08"."""
    return re.sub(r"[^a-z0-9]+", "-", reference.lower()).strip("-")


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
    for m in KAMERSTUK_CITATION.finditer(seg.doc.text):
        # the one Kamerstuk grammar (natokg.identifiers) keeps a dossier's toevoeging:
        # "36 200 V, nr. 12" is 36200-V, 12
        parsed = parse_kamerstuk(m.group(0))
        if parsed is None:
            continue
        dossier, number = parsed
        if (dossier, number) not in found:
            found[(dossier, number)] = KamerstukRef(dossier, number, seg.doc.evidence(m.start(), m.end()))
    return list(found.values())


def extract_letter_meta(ctx: LetterContext, found: Found) -> Letter:
    """The Letter record; its signatories come from the persons stage."""
    seg = ctx.seg
    reference = ministry_reference(seg)
    kind = letter_kind(seg)
    if kind in ("agenda", "report", "letter") and names_only_other_meetings(ctx):
        kind = "other"
    return Letter(
        key=letter_key(reference) if reference else seg.doc.sha256[:12],
        kind=kind,  # type: ignore[arg-type]
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

    reference = reference_date(ctx, found.letter.date)
    return reference if reference is not None else summit_year(ctx)
