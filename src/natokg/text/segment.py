"""Segment a normalised letter into its parts, header fields, headings and sentences.

A letter file may hold, in this order: the cover letter (header block with Datum,
Onze referentie, Betreft and the addressee; "Geachte voorzitter,"; a short covering
text; the signature block), the body (a title line, headings, paragraphs), an internal
memo ("nota": "Aan / Van / Via / Kopie aan", "TER BESLISSING", its own Datum, then
Aanleiding, Kernpunten, Toelichting) and footnotes. Older letters from
officielebekendmakingen have a portal header instead ("Vergaderjaar 2009–2010",
"28 676 NAVO", "Nr. 105 BRIEF VAN DE MINISTER VAN ...", "Den Haag, 17 mei 2010") and
their signature at the end of the body. Many letters have no header at all.

The header block is only read from the cover part, never from the memo, so the
memo's own "Datum" is never the letter's date.

Conventions of the returned spans (all offsets into ``doc.text``):
- ``header``: ``date``, ``reference``, ``title`` cover the value only ("3 juni 2026",
  "BZ2628703"); ``addressee`` covers "Aan de Voorzitter ... Staten-Generaal" and is
  labelled with the chamber: ``"eerste-kamer"`` or ``"tweede-kamer"``.
- ``signature``: one span per signatory, from the start of the post ("De minister van
  Buitenlandse Zaken,") to the end of the name; the label is the name as written, so
  the name is ``text[span.end - len(span.label):span.end]`` and the post runs from
  ``span.start`` to the first comma.
- ``headings``: body headings, labelled with their text.
- ``footnotes``: one span per footnote line ("1 Kamerstuk 28676, nr. 499"), labelled
  with its number.
- sentences: the title line and each heading are sentences of their own; the header
  block, the salutation, the signature and the memo's label block are not. A
  sentence's ``heading`` is the body heading above it (for memo sentences, the memo
  section: "Kernpunten", "Toelichting"). A leading bullet ("- ") is not part of the
  sentence.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache

from natokg.knowledge.calendar import full_month_names
from natokg.knowledge.cues import cue_regex
from natokg.knowledge.lexicon import honorific_forms
from natokg.memory import collector_paused
from natokg.read.reader import FOOTNOTE_BREAK
from natokg.records import HeaderBlock, PartKind, SegmentedLetter, Sentence, SourceDocument, Span
from natokg.text.spacy_nl import sentence_tokenizer, tokenize_cached



@cache
def _written_date() -> str:
    """A date as a letter's header writes it: "4 juni 2015" (months from ontology/reference/calendar.ttl)."""
    return rf"\d{{1,2}} (?:{'|'.join(full_month_names())}) \d{{4}}"


def _header_date() -> re.Pattern[str]:
    """"Datum: 4 juni 2015" or a place of writing before the date (extraction-cues.ttl)."""
    return cue_regex(
        r"^(?:Datum:?[ \t]*\n?[ \t]*|(?:{cue:place-of-writing}|{cue:header-place}),?[ \t]+)"
        rf"({_written_date()})\b",
        re.M | re.I,
    )


_HEADER_REFERENCE = re.compile(
    r"^(?i:Onze referentie|Ons kenmerk|Kenmerk|Onze ref\.):?[ \t]*\n?[ \t]*(\S*\d\S*)[ \t]*$", re.M
)
_HEADER_TITLE = re.compile(r"^(?:Betreft|Onderwerp):?[ \t]*\n?[ \t]*(\S[^\n]*)$", re.M)
_CHAMBER_CHAIR = r"de [Vv]oorzitter van de\s+(Eerste|Tweede) Kamer(?:\s+der\s+Staten-Generaal)?"
_ADDRESSEE = re.compile(r"Aan " + _CHAMBER_CHAIR, re.I)
# a letter's address line without "Aan", under its "> Retouradres" line: the whole line
_ADDRESSEE_ALONE = re.compile(_CHAMBER_CHAIR, re.I)
_PORTAL_TITLE = re.compile(
    r"^(?:Nr\.?\s*\d+\s+)?((?:BRIEF|VERSLAG|GEANNOTEERDE AGENDA|NOTA|MEMORIE)\b[^\n]*)$", re.M
)
_SALUTATION = re.compile(r"^Geachte\b", re.I)
_POST = re.compile(
    r"(?:De|DE|de) (?:[Mm]inister|MINISTER|[Ss]taatssecretaris|STAATSSECRETARIS)"
    r"(?:-[Pp]resident|-PRESIDENT)?\b[^,\n]*?(?:,|$|(?=\s+DE\s+(?:MINISTER|STAATSSECRETARIS)\b))",
    re.M,
)
_NAME_WORD = re.compile(
    r"(?:(?:[A-ZÀ-Þ][a-z]?|IJ)\.)+|"  # initials, two-letter ones too: "A.Th.B.", "Ph.J.", "IJ."
    r"(?:van|de|der|den|ter|ten|te|'t|von|la|le|du|di|da|el|al|bin)|"
    r"[A-ZÀ-Þ][\w’'-]*"
)
_MEMO_LABELS = {
    "aan", "van", "via", "kopie aan", "afgestemd met", "datum", "onze referentie",
    "opgesteld door", "uiterlijk bij", "plandatum/deadline", "kamer", "binnengekomen op",
    "bijlage(n)", "m", "bescherming persoonlijke levenssfeer", "nota",
}
_MEMO_DECISION = re.compile(
    r"^TER (?:BESLISSING|INFORMATIE|ACCORDERING|ADVISERING|KENNISNAME|ONDERTEKENING|PARAAF)$"
)
_BULLET = re.compile(r"^\s*(?:[-–•·*]|\d{1,2}[.)]|[a-z][.)])\s+")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


# Abbreviations that close a date, a list or an amount ("19 mei a.s.", "3 december jl.",
# "enz.", "EUR 1 mld."), so they can end a sentence: one does when a capitalised word
# follows. A footnote marker may be glued on ("a.s.1", "jl.²"). Other abbreviations
# ("o.a.", "nr.", "d.d.") introduce what follows and never end a sentence. Grammar, not
# domain knowledge.
_CLOSING = r"a\.s\.|jl\.|j\.l\.|enz\.|etc\.|mln\.|mld\.|mrd\."


@cache  # per NATOKG_HOME: another ontology has another lexicon
def _closing_abbreviation(home: str | None = None) -> re.Pattern[str]:
    """The closing abbreviations above, and the words of the lexicon that spaCy's Dutch
    list keeps whole with their dot ("op de top. De bondgenoten ...", "met de VS. Nederland
    ..."): followed by a capitalised word, they end a sentence too."""
    words = sorted(_lexicon_abbreviations(), key=len, reverse=True)
    # the words in any case ("top.", "VS."); the word after stays capitalised
    alternation = "|".join([_CLOSING] + [rf"(?i:{re.escape(w)})\." for w in words])
    # not an amount's abbreviation before its currency's adjective ("50 mln. Amerikaanse dollar")
    adjective = r"(?<=mln\.|mld\.|mrd\.)[ \t\n]+[A-ZÀ-Þ]\w*(?:se|sche)[ \t\n]"
    return re.compile(rf"(?<![\w.])(?:{alternation})[0-9¹²³⁴⁵⁶⁷⁸⁹⁰]*(?=[ \t\n]+[A-ZÀ-Þ])(?!{adjective})")


def _lexicon_abbreviations() -> set[str]:
    """One-word names of the lexicon ("top", "VS", "VN") that the sentence tokenizer keeps
    whole with a dot."""
    from natokg.knowledge.lexicon import load_lexicon
    from natokg.text.nlp import lexicon_surfaces

    stems = {k[:-1].lower() for k in sentence_tokenizer().rules if re.fullmatch(r"[^\W\d_]{2,}\.", k)}
    words = {form.lower() for _, _, form in lexicon_surfaces(load_lexicon()) if re.fullmatch(r"[^\W\d_]{2,}", form)}
    return stems & words


@cache
def _boundary_hashes() -> tuple[frozenset[int], frozenset[int]]:
    strings = sentence_tokenizer().vocab.strings
    ends = frozenset(strings.add(c) for c in (".", "!", "?", "…", "..."))
    closers = frozenset(strings.add(c) for c in (")", "]", "”", "’", '"', "'", "»", ".", "!", "?"))
    return ends, closers


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph, by the sentencizer's rule over spaCy's Dutch
    tokens: a sentence ends after ".", "!" or "?" (plus closing brackets and quotes)
    standing as a token of its own; abbreviations are not such tokens, except that an
    abbreviation closing a date or list ("a.s.", "jl.") ends a sentence when a
    capitalised word follows ("op 19 mei a.s. Nederland benadrukte ...").

    This reads the token array instead of running the sentencizer component, which
    iterates tokens in Python.
    """
    from spacy.attrs import IDX, ORTH


    ends, closers = _boundary_hashes()
    tokens = tokenize_cached(sentence_tokenizer(), text).to_array([ORTH, IDX]).tolist()
    closing = {m.start(): m.end() for m in _closing_abbreviation(os.environ.get("NATOKG_HOME")).finditer(text)}
    spans = []
    start = None
    n = len(tokens)
    k = 0
    while k < n:
        orth, idx = tokens[k]
        if start is None:
            if text[idx].isspace():
                k += 1
                continue
            start = idx
        if orth in ends:
            while k + 1 < n and tokens[k + 1][0] in closers:
                k += 1
            if k + 1 < n:
                spans.append((start, tokens[k + 1][1]))
                start = None
        elif idx in closing:
            # the abbreviation is one token, or split off its footnote marker
            while k + 1 < n and tokens[k + 1][1] < closing[idx]:
                k += 1
            if k + 1 < n:
                spans.append((start, tokens[k + 1][1]))
                start = None
        k += 1
    if start is not None:
        spans.append((start, len(text)))
    return [(a, b - (len(text[a:b]) - len(text[a:b].rstrip()))) for a, b in spans if text[a:b].strip()]


def _addresses_the_chamber(line: str) -> bool:
    return _ADDRESSEE.match(line) is not None or _ADDRESSEE_ALONE.fullmatch(line.strip()) is not None


def segment(doc: SourceDocument) -> SegmentedLetter:
    """Split a normalised letter into header, cover, signature, body, memo and footnotes."""
    with collector_paused():  # see natokg.memory: a third of a 4 MB letter's segmentation
        return _segment(doc)


def _segment(doc: SourceDocument) -> SegmentedLetter:
    text = doc.text
    break_at = text.find(FOOTNOTE_BREAK)
    main_end = break_at if break_at >= 0 else len(text)
    lines = [
        _Line(m.start(), m.end(), m.group())
        for m in re.finditer(r"[^\n]*\S[^\n]*", text[:main_end])
    ]

    memo_first, memo_stop = _memo_range(lines)
    letter = [i for i in range(len(lines)) if not memo_first <= i < memo_stop]

    # --- header block and cover letter
    salutation = next((i for i in letter if _SALUTATION.match(lines[i].text)), None)
    if salutation is not None:
        region = [i for i in letter if i < salutation]
        if memo_stop <= salutation and any(i >= memo_stop for i in region):
            # a memo sent ahead of its letter: the header is the letter's own, after it
            region = [i for i in region if i >= memo_stop]
    else:
        region = []
        for k, i in enumerate(letter):
            # a portal's summary line may stand before the letter's own address block
            if _is_prose(lines[i].text) and not any(_addresses_the_chamber(lines[j].text) for j in letter[k + 1 : k + 4]):
                break
            region.append(i)
        if any(_addresses_the_chamber(lines[i].text) for i in region if i >= memo_stop):
            region = [i for i in region if i >= memo_stop]  # a memo ahead of its letter, as above
    header, header_last, portal_title = _parse_header(text, lines, region)
    header_lines = [i for i in region if i <= header_last] if header_last is not None else []
    if header == HeaderBlock() and memo_first < memo_stop and not any(_is_prose(lines[i].text) for i in letter):
        # a memo that travels alone: its own label block (Datum, Kenmerk, Betreft) is the
        # document's header; its lines stay the memo's
        block = next((range(memo_first, i) for i in range(memo_first, memo_stop) if _is_prose(lines[i].text)),
                     range(memo_first, memo_stop))
        header = _parse_header(text, lines, list(block))[0]
    if salutation is not None and header_lines:
        header_lines = region

    after_header = (header_lines[-1] + 1) if header_lines else 0
    if salutation is not None:
        after_header = salutation
    rest = [i for i in letter if i >= after_header]
    signatories, signature_lines = _signature(text, lines, rest)

    cover_lines: list[int] = []
    body_lines: list[int]
    headed_letter = False  # a signed letter whose body is its own headed sections
    if salutation is not None:
        if signature_lines:
            cover_lines = [i for i in rest if i < signature_lines[0]]
            body_lines = [i for i in rest if i > signature_lines[-1]]
            if not body_lines:
                # one letter with headings of its own ("Geachte Voorzitter, ... Afghanistan ...
                # Nieuw Strategisch Concept ..."): its body starts at its first heading
                cover_lines, body_lines = _split_at_first_heading(lines, cover_lines)
                headed_letter = bool(body_lines)
        else:
            cover_lines = [salutation]
            for i in rest[1:]:
                if _is_heading_like(lines[i].text):
                    break
                cover_lines.append(i)
            body_lines = [i for i in rest if i > cover_lines[-1]]
    elif _signs_a_cover(lines, rest, signature_lines):
        # "Hierbij bied ik u het verslag aan ..." signed before the document it sends
        cover_lines = [i for i in rest if i < signature_lines[0]]
        body_lines = [i for i in rest if i > signature_lines[-1]]
    else:
        body_lines = [i for i in rest if not signature_lines or i < signature_lines[0]]
        trailing = [i for i in rest if signature_lines and i > signature_lines[-1]]
        body_lines += trailing

    # --- title line and headings
    title_line = portal_title
    body_units = list(body_lines)
    headings: list[Span] = []
    # the sent document's own title wins over the portal's "BRIEF VAN DE MINISTER ..."
    if body_units and not headed_letter and (portal_title is None or cover_lines) and _is_heading_like(lines[body_units[0]].text):
        first = _document_title(lines, body_units)
        title_line = Span(first.start, first.end, first.text)
    heading_of: dict[int, str | None] = {}
    current: str | None = None
    for position, i in enumerate(body_units):
        line = lines[i]
        is_title = title_line is not None and line.start == title_line.start
        if (
            not is_title
            and position + 1 < len(body_units)
            and _is_heading_like(line.text)
        ):
            headings.append(Span(line.start, line.end, line.text))
            current = line.text
        heading_of[i] = current

    # --- parts
    parts: list[Span] = []

    def add_part(indices: list[int], kind: PartKind) -> None:
        if indices:
            parts.append(Span(lines[indices[0]].start, lines[indices[-1]].end, kind))

    add_part(header_lines, "header")
    add_part(cover_lines, "cover")
    if signatories:
        parts.append(Span(signatories[0].start, signatories[-1].end, "signature"))
    add_part(body_lines, "body")
    memo_lines = list(range(memo_first, memo_stop))
    add_part(memo_lines, "memo")
    footnotes = _footnotes(text, break_at)
    if footnotes:
        parts.append(Span(footnotes[0].start, footnotes[-1].end, "footnote"))
    parts.sort(key=lambda span: span.start)

    # --- sentences
    units: list[tuple[int, int, PartKind, str | None, bool]] = []  # start, end, part, heading, split
    for i in cover_lines:
        if i != salutation:
            units.append((lines[i].start, lines[i].end, "cover", None, True))
    heading_starts = {span.start for span in headings}
    for i in body_lines:
        line = lines[i]
        single = line.start in heading_starts or (title_line is not None and line.start == title_line.start)
        units.append((line.start, line.end, "body", heading_of.get(i), not single))
    units.extend(_memo_units(lines, memo_lines))
    for span in footnotes:
        body_start = span.start + len(span.label) + 1
        if body_start < span.end:
            units.append((body_start, span.end, "footnote", None, True))
    sentences = _sentences(text, units)

    return SegmentedLetter(
        doc=doc,
        header=header,
        parts=tuple(parts),
        headings=tuple(headings),
        sentences=tuple(sentences),
        footnotes=tuple(footnotes),
        signature=tuple(signatories),
        title_line=title_line,
    )


# ---------------------------------------------------------------- helpers


def _is_prose(line: str) -> bool:
    """A line of running text: a long line, or a sentence of some length."""
    return len(line) >= 160 or (len(line.split()) >= 8 and line.rstrip()[-1:] in ".!?")


def _split_at_first_heading(lines: list[_Line], letter: list[int]) -> tuple[list[int], list[int]]:
    """(cover, body) of a signed letter without a document after its signature: the body
    from the first heading-like line that prose follows (none: all cover)."""
    for k in range(1, len(letter) - 1):
        if _is_heading_like(lines[letter[k]].text) and _is_prose(lines[letter[k + 1]].text):
            return letter[:k], letter[k:]
    return letter, []


def _signs_a_cover(lines: list[_Line], rest: list[int], signature_lines: list[int]) -> bool:
    """Whether a letter without a salutation has a short covering text signed before
    the document it sends: a few lines before the signature, the bulk after it."""
    if not signature_lines:
        return False
    before = [i for i in rest if i < signature_lines[0]]
    after = [i for i in rest if i > signature_lines[-1]]
    size = lambda indices: sum(lines[i].end - lines[i].start for i in indices)  # noqa: E731
    return bool(before) and len(before) <= 8 and size(after) > 2 * size(before)


def _document_title(lines: list[_Line], body: list[int]) -> _Line:
    """The first body line, or the line under an annex label ("Bijlage", "Bijlage 1")."""
    first = lines[body[0]]
    if len(body) > 1 and re.fullmatch(r"(?i)bijlage(?:\s+\w{1,3})?", first.text.strip()):
        second = lines[body[1]]
        if _is_heading_like(second.text):
            return second
    return first


def _is_heading_like(line: str) -> bool:
    """A short line without a final stop, starting with a capital or digit."""
    stripped = line.strip()
    if not stripped or len(stripped) > 200 or len(stripped.split()) > 30:
        return False
    if stripped[-1] in ".;,:!?" or _BULLET.match(line):
        return False
    if re.search(r"[a-z]\. [A-Z]", stripped):
        return False  # two sentences
    first = stripped[0]
    return first.isupper() or first.isdigit()


def _memo_range(lines: list[_Line]) -> tuple[int, int]:
    """Indices [first, stop) of the internal memo's lines, or (n, n) without a memo."""
    n = len(lines)
    first = n
    for i, line in enumerate(lines):
        label = line.text.strip()
        if label == "Aan" and any(lines[j].text.strip() == "Van" for j in range(i + 1, min(n, i + 4))):
            first = i
            break
        if _MEMO_DECISION.match(label) or label.lower() == "nota":
            # Walk back over the label block that precedes the decision line.
            first = i
            while first > 0 and lines[first - 1].text.strip().lower() in _MEMO_LABELS:
                first -= 1
            break
    if first == n:
        return n, n
    stop = n
    for i in range(first + 1, n):
        if _addresses_the_chamber(lines[i].text) or _SALUTATION.match(lines[i].text):
            # A cover letter after the memo: the memo ends before its header.
            stop = i
            while stop > first + 1 and not _is_prose(lines[stop - 1].text) and lines[stop - 1].text.strip().lower() not in _MEMO_LABELS:
                stop -= 1
            break
    return first, stop


def _parse_header(
    text: str, lines: list[_Line], region: list[int]
) -> tuple[HeaderBlock, int | None, Span | None]:
    """Header fields found in the given lines, the index of the last line holding one,
    and the portal title ("BRIEF VAN DE MINISTER ...") if any."""
    if not region:
        return HeaderBlock(), None, None
    start, end = lines[region[0]].start, lines[region[-1]].end
    chunk = text[start:end]
    found: dict[str, Span] = {}
    last_end = -1

    def take(name: str, match: re.Match | None, group: int = 1, label: str | None = None) -> None:
        nonlocal last_end
        if match is None:
            return
        found[name] = Span(start + match.start(group), start + match.end(group), label or name)
        last_end = max(last_end, start + match.end())

    take("date", _header_date().search(chunk))
    take("reference", _HEADER_REFERENCE.search(chunk))
    take("title", _HEADER_TITLE.search(chunk))
    addressee = _ADDRESSEE.search(chunk)
    if addressee:
        chamber = "eerste-kamer" if addressee.group(1).lower() == "eerste" else "tweede-kamer"
        take("addressee", addressee, 0, chamber)
    portal = _PORTAL_TITLE.search(chunk)
    portal_title = None
    if portal and ("Vergaderjaar" in chunk or portal.group(0).startswith("Nr")):
        portal_title = Span(start + portal.start(1), start + portal.end(1), portal.group(1))
        last_end = max(last_end, start + portal.end())
    if not found and portal_title is None:
        return HeaderBlock(), None, None
    last = max(i for i in region if lines[i].start < last_end)
    header = HeaderBlock(
        date=found.get("date"),
        reference=found.get("reference"),
        title=found.get("title"),
        addressee=found.get("addressee"),
    )
    return header, last, portal_title


def _post_spans(line: _Line) -> list[Span]:
    """The posts of a signature line ("De minister van X, De minister van Y,"; a post in
    capitals may go without its comma: "DE MINISTER VAN DEFENSIE")."""
    stripped = line.text.strip()
    if not (stripped.endswith(",") or stripped.isupper()) or len(stripped) > 200:
        return []
    matches = list(_POST.finditer(line.text))
    covered = sum(len(m.group()) for m in matches)
    if not matches or covered < 0.8 * len(stripped):
        return []
    return [Span(line.start + m.start(), line.start + m.end(), m.group()) for m in matches]


def _is_name(line: str) -> bool:
    """A signatory's name line: "T.B.W. Berendsen", "M. J. M. Verhagen",
    "Dilan Yeşilgöz-Zegerius", "Drs. K.H. Ollongren"."""
    words = line.split()
    if not 1 <= len(words) <= 6 or len(line) > 60 or line.rstrip()[-1] in ",;:":
        return False
    titles = honorific_forms()  # "Drs.", "Mr." (ontology/reference/honorifics.ttl)
    if not all(_NAME_WORD.fullmatch(w) or w.casefold() in titles for w in words):
        return False
    return any(len(w) > 2 and w[0].isupper() and not w.endswith(".") for w in words)


def _signature(text: str, lines: list[_Line], candidates: list[int]) -> tuple[list[Span], list[int]]:
    """Signatories (post start to name end, labelled with the name) and their line indices.

    Posts may stand on one line ("De minister van Buitenlandse Zaken, De minister van
    Defensie,") with the names below in the same order, or alternate with the names.
    """
    for k, i in enumerate(candidates):
        posts = _post_spans(lines[i])
        if not posts:
            continue
        pending = list(posts)
        pairs: list[tuple[Span, _Line]] = []
        used = [i]
        for j in candidates[k + 1 :]:
            line = lines[j]
            more = _post_spans(line)
            if more:
                pending.extend(more)
            elif pending and _is_name(line.text):
                pairs.append((pending.pop(0), line))
            else:
                break
            used.append(j)
            if not pending:
                # An alternating block may continue with another post line.
                nxt = candidates.index(j) + 1
                if nxt >= len(candidates) or not _post_spans(lines[candidates[nxt]]):
                    break
        if pairs:
            spans = [
                Span(post.start, name.start + len(name.text.rstrip()), name.text.strip())
                for post, name in pairs
            ]
            spans = [Span(s.start, s.end, text[s.end - len(s.label) : s.end]) for s in spans]
            return spans, used
    return [], []


def _memo_units(lines: list[_Line], memo_lines: list[int]):
    """Sentence units of the memo: everything after its label block."""
    if not memo_lines:
        return []
    content_from = 0
    for k, i in enumerate(memo_lines):
        if lines[i].text.strip().lower() == "nota":
            content_from = k + 1
            break
    else:
        for k, i in enumerate(memo_lines):
            label = lines[i].text.strip()
            if label.lower() in _MEMO_LABELS or _MEMO_DECISION.match(label) or re.fullmatch(_written_date(), label):
                content_from = k + 1
    units = []
    heading: str | None = None
    content = memo_lines[content_from:]
    for k, i in enumerate(content):
        line = lines[i]
        if k > 0 and k + 1 < len(content) and _is_heading_like(line.text):
            heading = line.text.strip()
            units.append((line.start, line.end, "memo", None, False))
            continue
        units.append((line.start, line.end, "memo", heading, k > 0))
    return units


def _footnotes(text: str, break_at: int) -> list[Span]:
    if break_at < 0:
        return []
    spans = []
    for match in re.finditer(r"[^\n]+", text[break_at + len(FOOTNOTE_BREAK) :]):
        start = break_at + len(FOOTNOTE_BREAK) + match.start()
        number = match.group().split(" ", 1)[0]
        spans.append(Span(start, start + len(match.group()), number))
    return spans


def _sentences(text: str, units) -> list[Sentence]:
    """Split units into sentences; a unit marked not to split is one sentence."""
    sentences: list[Sentence] = []
    to_split = []
    for start, end, part, heading, split in units:
        bullet = _BULLET.match(text[start:end])
        if bullet:
            start += bullet.end()
        if start >= end:
            continue
        if split:
            to_split.append((start, end, part, heading))
        else:
            sentences.append(Sentence(start, end, text[start:end], part, heading))
    for start, end, part, heading in to_split:
        for s_start, s_end in split_sentences(text[start:end]):
            sentences.append(
                Sentence(start + s_start, start + s_end, text[start + s_start : start + s_end], part, heading)
            )
    sentences.sort(key=lambda s: s.start)
    return sentences
