"""The per-letter context every extraction stage reads.

A segmented letter with its spaCy doc, the lexicon's mentions in it and its dates.
It is made once per letter by natokg.extract.extract_letter and handed to every stage;
stages read it and never keep it. All offsets are into the normalised text
(``seg.doc.text``).
"""

from __future__ import annotations

import bisect

from natokg.extract.evidence_lists import EvidenceLists
from natokg.extract.spans import inside
from natokg.knowledge.lexicon import Lexicon
from natokg.text.dates import date_matches, read_dates
from natokg.text.nlp import Mention, annotator


class LetterContext:
    """A segmented letter with its spaCy doc, matched mentions and dates, shared by the
    extraction stages. All offsets are into the normalised text (``seg.doc.text``)."""

    def __init__(self, seg, lexicon: Lexicon, reference=None) -> None:
        self.seg = seg
        self.lexicon = lexicon
        self.text: str = seg.doc.text
        self.annotator = annotator(lexicon)
        self.doc = self.annotator.doc(self.text)
        self.mentions: list[Mention] = self.annotator.mentions(self.doc, self.text)  # sorted by start
        self._mention_starts = [m.start for m in self.mentions]
        self.reference = reference
        self._dates = None
        self._date_matches = None
        self._date_starts: list[int] = []
        self._heading_starts: list[int] | None = None
        self.sentences = sorted(seg.sentences, key=lambda s: s.start)
        self._sentence_starts = [s.start for s in self.sentences]
        self._token_starts = self.doc.to_array("IDX").tolist()  # no Token objects: ~10x faster
        self.evidence_lists = EvidenceLists()  # the stages' records' evidence, each piece once

    def set_reference(self, reference) -> None:
        """Read the dates against ``reference`` (a date or a bare year), which the
        reference stage finds once the letter's own date is known."""
        self.reference = reference
        self._dates = None
        self._date_starts = []

    @property
    def dates(self):
        """Every date of the letter, a date without a year read against the reference."""
        if self._dates is None:
            self._dates = self.dates_read_against(self.reference)  # in order of start
            self._date_starts = [d.start for d in self._dates]
        return self._dates

    def dates_read_against(self, reference):
        """Every date of the letter, a date without a year read against ``reference``
        (None: such dates are left out); the text is scanned once, read per reference."""
        if self._date_matches is None:
            self._date_matches = date_matches(self.text)
        return read_dates(self._date_matches, reference=reference)

    def dates_starting_in(self, start: int, end: int):
        """The dates that start in [start, end), wherever they end."""
        dates = self.dates
        return dates[bisect.bisect_left(self._date_starts, start) : bisect.bisect_left(self._date_starts, end)]

    def evidence(self, start: int, end: int):
        return self.seg.doc.evidence(start, end)

    def sentence_at(self, offset: int):
        """The sentence containing ``offset`` (None between sentences)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def in_span(self, start: int, end: int, *labels: str) -> list[Mention]:
        # only mentions starting in [start, end) can lie inside: bisect instead of a scan
        first = bisect.bisect_left(self._mention_starts, start)
        last = bisect.bisect_left(self._mention_starts, end, first)
        return [m for m in self.mentions[first:last] if m.end <= end and (not labels or m.label in labels)]

    def dates_in(self, start: int, end: int):
        dates = self.dates  # reads the dates (and their starts) first
        return inside(dates, self._date_starts, start, end, lambda d: d.end)

    def heading_at(self, offset: int):
        """The body heading containing ``offset``, or None. Headings are lines: sorted by
        start and apart, so only the last one starting at or before ``offset`` can."""
        if self._heading_starts is None:
            self._heading_starts = [h.start for h in self.seg.headings]
        i = bisect.bisect_right(self._heading_starts, offset) - 1
        if i >= 0 and offset < self.seg.headings[i].end:
            return self.seg.headings[i]
        return None

    def part_at(self, offset: int) -> str:
        """The part label (header, cover, body, signature, memo, footnote) at an offset."""
        for span in self.seg.parts:
            if span.start <= offset < span.end:
                return span.label
        return ""

    def tokens_before(self, offset: int, n: int) -> list[str]:
        """The texts of up to ``n`` tokens ending before ``offset``."""
        end = self.token_index(offset)
        return [t.text for t in self.doc[max(0, end - n) : end]]

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self._token_starts, offset)


__all__ = ["LetterContext"]
