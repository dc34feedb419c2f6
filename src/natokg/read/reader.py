"""Read a letter file into a :class:`~natokg.records.SourceDocument`.

``raw`` is the file's decoded text (.txt) or the text layer this module takes from a
PDF, DOCX, HTML or XML file; evidence offsets index into it. ``text`` is the
normalised text the extractors read, and ``offsets[i]`` is the position in ``raw`` of
``text[i]`` (a character the normaliser inserts, such as the space that joins two
wrapped lines, maps to the raw character it replaces, usually the line break).

Layout of ``text``: paragraphs are separated by a blank line (``"\\n\\n"``); lines the
normaliser did not join (header lines, headings, bullets, one-line paragraphs) are
separated by ``"\\n"``. Footnote bodies are moved out of the running text to the end,
after :data:`FOOTNOTE_BREAK`, one footnote per line as ``"N text"``.

Normalisation rules (why each exists is in the function that applies it):
- line-end hyphenation is undone, keeping real compound hyphens (natokg.read.hyphenation);
- hard-wrapped lines are joined into paragraphs; a blank line, a line much shorter
  than the wrap width, a heading-like line or a bullet ends a paragraph;
- page furniture ("Pagina 2 van 2", "- 2 -", PDF running headers and footers, a line
  repeated across a page break, a printed Kamerstuk's ISSN line and page foot) and
  web-portal furniture (table rules and rows of short
  cells, navigation bars, breadcrumbs) are dropped;
- markdown emphasis (``*word*``, ``**word**``) is dropped;
- footnote markers ("[footnoteRef:1]", "[^1]", "Oekraïne1", "daarover.1", "2029.3",
  "uitgaven.¹") are dropped, but only for numbers that have a footnote body, so
  "NAVO2030", "2%" and "32 bondgenoten" stay;
- footnote bodies ("[1: Kamerstuk ...]", "[^1]: ...", a "1 Kamerstuk 28676, nr. 499"
  line at a page foot, "¹ De NAVO rekent ...") move to the footnote block;
- runs of spaces collapse to one space.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from natokg.errors import UnreadableLetterError
from natokg.records import FOOTNOTE_BREAK, SourceDocument
from natokg.read.hyphenation import Vocabulary, hyphen_join
from natokg.read.limits import check_letter_file, check_text_length
from natokg.read.text_layers import LETTER_FORMATS


def _suffix_list() -> str:
    """".txt, .pdf, .docx, .html or .xml": the suffixes an error message names."""
    *others, last = [suffix for suffix, letter_format in LETTER_FORMATS.items() if not letter_format.alias]
    return f"{', '.join(others)} or {last}"


def read_letter(path: Path) -> SourceDocument:
    """Read and normalise one letter; raise UnreadableLetterError with a one-line reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    letter_format = LETTER_FORMATS.get(suffix)
    if letter_format is None:
        raise UnreadableLetterError(
            f"unsupported format {suffix or '(no suffix)'}; use {_suffix_list()}",
            path=path,
        )
    try:
        check_letter_file(path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableLetterError("file not found", path=path) from None
    except IsADirectoryError:
        raise UnreadableLetterError("is a directory, not a letter file", path=path) from None
    except OSError as exc:
        raise UnreadableLetterError(f"cannot read file ({exc.strerror})", path=path) from None
    if not data.strip():
        raise UnreadableLetterError("empty file", path=path)

    raw, drop_lines = letter_format.text_layer(data, path)
    check_text_length(raw, path)
    text, offsets = normalise(raw, drop_lines=drop_lines, hard_wrapped=letter_format.hard_wrapped)
    if not text.strip():
        raise UnreadableLetterError("empty file (no text after normalisation)", path=path)
    return SourceDocument(
        path=path,
        raw=raw,
        text=text,
        offsets=offsets,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=letter_format.media_type,
    )


# ---------------------------------------------------------------- normalisation


@dataclass
class _Line:
    start: int  # raw span of the line's content, without its terminator
    end: int
    page_break_before: bool
    kind: str = "text"  # text | blank | furniture | footnote


@dataclass
class _Footnote:
    number: str
    number_start: int  # raw position of the number (or superscript) shown
    body: list[tuple[int, int]]  # raw spans of the body, one per line


_PAGE_NUMBER_LINE = re.compile(r"^\s*(?:(?:Pagina|pagina|Page|page|Blad|blad)\s+\d+\s*(?:van|of|/)\s*\d+|-\s*\d+\s*-)\s*$")
# The colophon and running foot of a printed Kamerstuk: its ISSN line ("ISSN 0921 - 7371",
# "kst-21501-02-2283 ISSN 0921 - 7371 's-Gravenhage 2021"), the printer ("Sdu
# Uitgevers"), the portal's document number on a line of its own ("KST64817") and the
# foot "'s-Gravenhage 2002 Tweede Kamer, vergaderjaar 2002–2003, 28 676, nr. 4 1"
# (dossier, number, page).
_KAMERSTUK_FOOT = (
    r"Tweede\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4},\s+\d[\d ]*(?:-\d+)?(?:\s*[A-Z]{1,3})?,\s+nr\.\s*\d+"
)
_PRINTED_PAGE_FOOT = re.compile(
    r"(?:kst-[\d-]+\s+)?ISSN\s+\d{4}\s*-\s*\d{3}[\dXx]\b.*"
    r"|Sdu\s+Uitgevers|KST\d{4,}"
    # the page number ends the foot; with the place and year before it, it may be missing
    rf"|{_KAMERSTUK_FOOT}\s+\d+|[’']s-Gravenhage\s+\d{{4}}\s+{_KAMERSTUK_FOOT}(?:\s+\d+)?"
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\f")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_BRACKET_BODY = re.compile(r"\[(\d{1,3}):[ \t]*(.*?)[ \t]*\]", re.S)
_EXPLICIT_MARKER = re.compile(r"\[footnoteRef:(\d{1,3})\]|\[\^(\d{1,3})\](?!:)")
_PANDOC_BODY = re.compile(r"[ \t]*\[\^(\d{1,3})\]:[ \t]*(.*)$")  # used with match(pos)
_DIGIT_RUN = re.compile(r"(?<![\d\s])(\d{1,2})(?![\w%])")
_CLOSERS = set(".,;:!?)’”\"'")
_SUPERSCRIPT_MARKER = re.compile(r"(?<=\S)([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})(?![\w%])")
_PAGE_FOOT_NOTE = re.compile(r"[ \t]*(\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})[ \t]+(\S.*?)[ \t]*$")
# whole words only: "op.1" ends a sentence on "op", it is not "p. 1"
_NOT_MARKER_BEFORE = re.compile(r"(?<![^\W\d_])(?:nr|nrs|art|blz|pag|p|lid|versie|fase)[.,:]$", re.I)
_TERMINAL = ".!?:"
# Lines of a letter that always stand on their own, even in hard-wrapped text.
_STANDALONE = re.compile(
    r"(?:Geachte|Hoogachtend|Met vriendelijke groet|Datum\b|Betreft\b|Onze referentie|Ons kenmerk"
    r"|Aan de [Vv]oorzitter|(?:De|DE) (?:[Mm]inister|MINISTER|[Ss]taatssecretaris|STAATSSECRETARIS)\b[^.]*,$)"
)


def normalise(
    raw: str, *, drop_lines: frozenset[int] = frozenset(), hard_wrapped: bool | None = None
) -> tuple[str, tuple[int, ...]]:
    """Normalised text of ``raw`` and its offset map (see the module docstring).

    ``drop_lines``: raw start positions of lines known to be page furniture (PDF running
    headers). ``hard_wrapped``: whether lines are wrapped at a fixed width and must be
    joined; None detects it from the line lengths.
    """
    lines = _split_lines(raw)
    removed: list[tuple[int, int]] = []  # raw spans cut out of lines
    footnotes: list[_Footnote] = []

    for match in _BRACKET_BODY.finditer(raw):
        footnotes.append(_Footnote(match.group(1), match.start(1), [match.span(2)]))
        removed.append(match.span())
    explicit = [
        (m.group(1) or m.group(2), m.start(), m.end()) for m in _EXPLICIT_MARKER.finditer(raw)
    ]
    glued = [
        (m.group(1), m.start(1), m.end(1))
        for m in _DIGIT_RUN.finditer(raw)
        if _glued_marker_context(raw, m.start(1))
    ]
    glued += [
        (m.group(1).translate(_SUPERSCRIPTS), m.start(1), m.end(1))
        for m in _SUPERSCRIPT_MARKER.finditer(raw)
    ]

    _classify_lines(raw, lines, drop_lines)
    _page_foot_footnotes(raw, lines, footnotes, explicit + glued)

    numbers = {f.number for f in footnotes}
    removed += [(s, e) for _, s, e in explicit]
    removed += [(s, e) for n, s, e in glued if n in numbers]
    removed = _merge(removed)

    text_lines = [line for line in lines if line.kind == "text"]
    if hard_wrapped is None:
        hard_wrapped, width = _wrap_width(raw, text_lines)
    else:
        width = 0

    out = _Builder(raw)
    vocabulary: Vocabulary | None = None
    previous: _Line | None = None
    previous_words: list[list] = []
    gap_blank = gap_removed = False
    for line in lines:
        if line.kind != "text":
            gap_blank |= line.kind == "blank"
            gap_removed |= line.kind in ("furniture", "footnote")
            continue
        gap_removed |= line.page_break_before
        words = _line_words(raw, line.start, line.end, removed)
        if not words:
            continue
        if previous is None:
            pass
        else:
            last = previous_words[-1].text
            first = words[0].text
            # A paragraph interrupted by a page foot (footnotes, page number) goes on
            # after it: the line before has no final stop and the next starts in lower
            # case, or (wrapped text) the line before runs to the full width.
            continuing = last[-1] not in _TERMINAL and not _STANDALONE.match(first) and (
                first[0].islower()
                or (hard_wrapped and previous_words[-1].end - previous_words[0].start >= 0.7 * width)
            )
            same_block = not gap_blank and not gap_removed
            broken = len(last) > 1 and last[-1] == "-" and last[-2].isalnum()
            if broken and first[0].isalpha() and (same_block or continuing):
                if vocabulary is None:
                    vocabulary = Vocabulary(raw)
                decision = hyphen_join(last, first, vocabulary)
                if decision == "join":
                    out.drop_last_char()
                elif decision == "space":
                    out.add(" ", previous.end)
            elif same_block:
                if hard_wrapped and _wraps(previous_words, words, width):
                    out.add(" ", previous.end)
                else:
                    out.add("\n", previous.end)
            elif gap_removed and continuing:
                out.add(" ", previous.end)  # paragraph interrupted by a page-foot footnote
            else:
                out.add("\n", previous.end)
                out.add("\n", previous.end)
        if (
            raw[line.start] in " \t"
            and _is_bullet(words[0].text)
            and (not out.parts or out.parts[-1] == "\n")
        ):
            out.add(" ", line.start)  # an indented (sub-)bullet keeps one space of indent
        _emit(out, words)
        previous, previous_words = line, words
        gap_blank = gap_removed = False

    if footnotes:
        footnotes.sort(key=lambda f: f.number_start)
        out.add(FOOTNOTE_BREAK, footnotes[0].number_start)
        for i, note in enumerate(footnotes):
            if i:
                out.add("\n", note.number_start)
            if raw[note.number_start] in "0123456789":
                out.add_slice(note.number_start, note.number_start + len(note.number))
            else:  # superscript digits shown as ASCII digits
                out.add(note.number, note.number_start)
            body_words = [w for span in note.body for w in _line_words(raw, span[0], span[1], [])]
            if body_words:
                out.add(" ", note.number_start + (len(note.number) if raw[note.number_start] in "0123456789" else 1))
                _emit(out, body_words)
    return out.result()


class _Builder:
    """Accumulates normalised text with the raw position of every character."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.offsets: list[int] = []

    def add_slice(self, start: int, end: int) -> None:
        self.parts.append(self.raw[start:end])
        self.offsets.extend(range(start, end))

    def add(self, text: str, raw_start: int) -> None:
        """Add inserted or substituted ``text``; every character maps to raw_start."""
        self.parts.append(text)
        self.offsets.extend([raw_start] * len(text))

    def drop_last_char(self) -> None:
        self.parts[-1] = self.parts[-1][:-1]
        self.offsets.pop()

    def result(self) -> tuple[str, tuple[int, ...]]:
        text = "".join(self.parts)
        end = self.offsets[-1] + 1 if self.offsets else 0
        return text, tuple(self.offsets) + (end,)


def _emit(out: _Builder, words: list[_Word]) -> None:
    for i, word in enumerate(words):
        if i:
            out.add(" ", word.space_at)
        for start, end in word.pieces:
            out.add_slice(start, end)


def _split_lines(raw: str) -> list[_Line]:
    lines = []
    position = 0
    page_break = False
    for match in _LINE_BREAK.finditer(raw):
        lines.append(_Line(position, match.start(), page_break))
        page_break = match.group() == "\f"
        position = match.end()
    lines.append(_Line(position, len(raw), page_break))
    return lines


def _classify_lines(raw: str, lines: list[_Line], drop_lines: frozenset[int]) -> None:
    previous_text: str | None = None
    for line in lines:
        content = raw[line.start : line.end].strip()
        if not content:
            line.kind = "blank"
            continue
        if (
            line.start in drop_lines
            or _PAGE_NUMBER_LINE.match(content)
            or _PRINTED_PAGE_FOOT.fullmatch(content)
            or _is_portal_furniture(content)
            or _RULE_LINE.fullmatch(content)
        ):
            line.kind = "furniture"
            continue
        if _PANDOC_BODY.match(raw, line.start, line.end):
            line.kind = "footnote"
            continue
        # A long line repeated right after itself is a page-break artefact of the
        # converter (seed 004), not text the author wrote twice.
        if content == previous_text and len(content) >= 30:
            line.kind = "furniture"
            continue
        previous_text = content


# Web-portal page furniture around a letter: a table's separator row ("---|---|"), a
# breadcrumb ("Home > Kamerstukken > 28676 nr. 251") and a navigation bar or table row
# of four or more short cells ("Rijksoverheid | Ministeries | Provincies | Gemeenten").
_TABLE_RULE = re.compile(r"\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?")
_BREADCRUMB = re.compile(r"(?:[^>\n]{1,80}[ \t]>[ \t]){2,}[^>\n]{1,80}")
_MAX_CELL = 40
# A printed rule that sets the page foot's footnotes off from the text ("__________").
_RULE_LINE = re.compile(r"[_\-–—=]{5,}")


def _is_portal_furniture(content: str) -> bool:
    if _TABLE_RULE.fullmatch(content) or _BREADCRUMB.fullmatch(content):
        return True
    cells = [cell.strip() for cell in content.strip("|").split("|")]
    return len(cells) >= 4 and all(len(cell) <= _MAX_CELL and cell[-1:] not in ".!?" for cell in cells)


def _page_foot_footnotes(
    raw: str, lines: list[_Line], footnotes: list[_Footnote], markers: list[tuple[str, int, int]]
) -> None:
    """Find footnote bodies standing as lines at a page foot ("1 Kamerstuk 28676, nr. 499").

    Such a line starts with the next footnote number, follows a blank line, a page
    break or the previous footnote, and a marker with that number stands earlier in
    the text. A footnote continues on following lines that carry on the sentence
    (the previous line has no final stop and the next starts with a lower-case
    letter or digit and is not indented: an indented line resumes the running text).
    """
    first_marker: dict[str, int] = {}
    for number, start, _ in markers:
        first_marker.setdefault(number, start)
    for line in lines:
        match = _PANDOC_BODY.match(raw, line.start, line.end)
        if match and line.kind == "footnote":
            footnotes.append(_Footnote(match.group(1), match.start(1), [match.span(2)]))
    expected = 1
    current: _Footnote | None = None
    after_gap = True
    for line in lines:
        if line.kind == "blank" or line.kind == "furniture":
            after_gap = True
            current = None if line.kind == "blank" else current
            continue
        if line.kind != "text":
            continue
        after_gap |= line.page_break_before
        match = _PAGE_FOOT_NOTE.match(raw, line.start, line.end)
        number = match.group(1).translate(_SUPERSCRIPTS) if match else None
        if (
            match
            and int(number) == expected
            and (after_gap or current is not None)
            and first_marker.get(number, len(raw)) < line.start
        ):
            current = _Footnote(number, match.start(1), [match.span(2)])
            footnotes.append(current)
            line.kind = "footnote"
            expected += 1
            after_gap = False
            continue
        if current is not None:
            previous_end = current.body[-1][1]
            content = raw[line.start : line.end]
            if (
                raw[previous_end - 1] not in ".!?"
                and content[:1] not in (" ", "\t")
                and (content[:1].islower() or content[:1].isdigit())
            ):
                current.body.append((line.start, line.start + len(content.rstrip())))
                line.kind = "footnote"
                continue
        current = None
        after_gap = False


def _glued_marker_context(raw: str, start: int) -> bool:
    """Whether a 1-2 digit number at ``start`` (not preceded by a space or digit) can be
    a footnote marker: glued to a word of 3+ letters ("Oekraïne1"), to punctuation
    after a word ("daarover.1", "Piri.2"), after a closing bracket or quote, or to a
    year ("2025-2029.3"). Never a decimal ("3,5"), a thousands group ("1.000") or a
    number after "nr."/"art."."""
    before = raw[max(0, start - 8) : start]
    if len(before) >= 3 and all(c.isalpha() for c in before[-3:]):
        return True
    if len(before) < 2 or before[-1] not in _CLOSERS:
        return False
    if _NOT_MARKER_BEFORE.search(before):
        return False
    if before[-2].isalpha() or before[-2] in ")’”\"'":
        return True
    return len(before) >= 5 and before[-5:-1].isdigit() and before[-1] in ".;:)"


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# Runs of words separated by single spaces are copied as one verbatim slice.
_WORD = re.compile(r"\S+(?: \S+)*")
_ASTERISKS = re.compile(r"\*+")


@dataclass
class _Word:
    """A word of normalised text: verbatim raw pieces (more than one when a marker or
    an emphasis asterisk was cut out of it) and the raw position of the whitespace
    that separates it from the previous word (where the joining space maps)."""

    pieces: list[tuple[int, int]]
    text: str
    space_at: int

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _line_words(raw: str, start: int, end: int, removed: list[tuple[int, int]]) -> list[_Word]:
    """Words of raw[start:end] outside the removed spans (sorted, not overlapping),
    emphasis asterisks dropped."""
    segments = [(start, end)]
    if removed:
        segments = []
        position = start
        # a bisect to the line's first removed span: a scan of all of them for every
        # line made a long letter quadratic
        for i in range(bisect.bisect_right(removed, start, key=lambda span: span[1]), len(removed)):
            r_start, r_end = removed[i]
            if r_start >= end:
                break
            if r_start > position:
                segments.append((position, r_start))
            position = max(position, r_end)
        if position < end:
            segments.append((position, end))
    words: list[_Word] = []
    glue = False  # the previous segment ended inside a word (a marker was cut out)
    for seg_start, seg_end in segments:
        space_at = seg_start
        for match in _WORD.finditer(raw, seg_start, seg_end):
            if "*" in match.group():
                pieces = []
                for word in re.finditer(r"\S+", match.group()):
                    w_start = match.start() + word.start()
                    pieces.extend(_strip_emphasis(raw, w_start, w_start + len(word.group()), not words and not pieces))
                    pieces.append((w_start + len(word.group()), w_start + len(word.group()) + 1))
                pieces = [(a, b) for a, b in pieces[:-1] if b > a]
                pieces = _drop_double_spaces(raw, pieces)
            else:
                pieces = [match.span()]
            if pieces:
                text = "".join(raw[a:b] for a, b in pieces)
                if glue and words and match.start() == seg_start:
                    words[-1].pieces.extend(pieces)
                    words[-1].text += text
                else:
                    words.append(_Word(pieces, text, space_at))
            glue = False
            space_at = match.end()
        glue = seg_end < end and not raw[seg_end - 1].isspace()
    return words


def _drop_double_spaces(raw: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """After asterisks are cut ("de * x"), keep no leading, trailing or double space."""
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        if raw[start:end] == " " and (not out or raw[out[-1][1] - 1] == " "):
            continue
        out.append((start, end))
    while out and raw[out[-1][0] : out[-1][1]] == " ":
        out.pop()
    return out


def _strip_emphasis(raw: str, start: int, end: int, first_on_line: bool) -> list[tuple[int, int]]:
    """Raw sub-spans of a word without its markdown emphasis asterisks.

    An asterisk run is emphasis unless it sits between two letters or digits; a lone
    "*" or "**" first on a line is a bullet and stays.
    """
    word = raw[start:end]
    if "*" not in word:
        return [(start, end)]
    if set(word) == {"*"}:
        return [(start, end)] if first_on_line else []
    pieces = []
    position = start
    for match in _ASTERISKS.finditer(raw, start, end):
        before = raw[match.start() - 1] if match.start() > start else " "
        after = raw[match.end()] if match.end() < end else " "
        if before.isalnum() and after.isalnum():
            continue
        if match.start() > position:
            pieces.append((position, match.start()))
        position = match.end()
    if position < end:
        pieces.append((position, end))
    return pieces


def _wrap_width(raw: str, lines: list[_Line]) -> tuple[bool, int]:
    """Whether the text is hard-wrapped, and its wrap width.

    Unwrapped text keeps each paragraph on one long line; in wrapped text (PDF text
    layers, e-mail-style conversions) almost no line is longer than ~120 characters.
    """
    lengths = [len(raw[l.start : l.end].strip()) for l in lines]
    total = sum(lengths)
    if not total:
        return False, 0
    long_chars = sum(n for n in lengths if n > 160)
    substantial = sorted(n for n in lengths if n >= 20)
    if long_chars > 0.3 * total or len(substantial) < 3:
        return False, 0
    return True, substantial[int(0.9 * (len(substantial) - 1))]


def _wraps(previous_words: list[list], words: list[list], width: int) -> bool:
    """Whether the line break between two lines of a hard-wrapped text is a wrap."""
    previous_length = previous_words[-1].end - previous_words[0].start
    if previous_length < 0.7 * width or _is_bullet(words[0].text) or _STANDALONE.match(words[0].text):
        return False
    # A short capitalised line without a final stop after a finished sentence is a
    # heading, not the continuation of the paragraph.
    line_length = words[-1].end - words[0].start
    last_prev = previous_words[-1].text
    if (
        last_prev[-1] in ".!?"
        and line_length < 0.7 * width
        and words[0].text[0].isupper()
        and words[-1].text[-1] not in ".!?,;:"
    ):
        return False
    return True


def _is_bullet(text: str) -> bool:
    """Whether a line (or its first word) starts with a bullet or list number."""
    word = text.split(" ", 1)[0]
    return word in ("-", "–", "•", "*", "·", "o") or bool(re.fullmatch(r"\d{1,2}[.)]|[a-z][.)]", word))
