"""The words of one letter, looked up in constant time: the normaliser asks, for every
line-end hyphen, whether the letter writes the word elsewhere (natokg.read.reader's
``_hyphen_join``). Searching the whole text for each hyphen made a long letter
quadratic (4 s for 1,000,000 characters); the sets here are built once, in one pass.

The look-ups give the same answers as these searches in the letter's raw text:

- ``has_word(w)``: ``(?<![\\w-])w(?![\\w]|-[ \\t]*[\\r\\n\\f])``, case-insensitive;
- ``has_standalone_upper(w)``: ``(?<![\\w])w(?!\\w|-[ \\t]*[\\r\\n\\f])``, case-sensitive;

for the words they are asked about: one or two runs of word characters joined by one
hyphen. The halves of a word broken at a line end ("MINIS-" + "TERIËLE") do not count.
"""

from __future__ import annotations

import re

# a run of word characters and hyphens, not preceded by either
_RUN = re.compile(r"[\w-]+")
_WORD = re.compile(r"\w+")
_LINE_END_HYPHEN = re.compile(r"-[ \t]*[\r\n\f]")


class LetterVocabulary:
    """Look-ups in one letter, to tell a broken word from a compound."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._words: set[str] | None = None
        self._standalone: set[str] | None = None

    def has_word(self, word: str) -> bool:
        if self._words is None:
            self._words = self._collect_words()
        return word.lower() in self._words

    def has_standalone_upper(self, word: str) -> bool:
        if self._standalone is None:
            self._standalone = self._collect_standalone()
        return word in self._standalone

    def _collect_words(self) -> set[str]:
        """Each run's prefixes that end before its first or second hyphen, and the whole
        run: where a word of at most one hyphen can match. A prefix that ends at a
        line-end hyphen is half a broken word and left out."""
        raw = self.raw
        words: set[str] = set()
        for match in _RUN.finditer(raw):
            run = match.group()
            if run[0] == "-":
                continue  # a word cannot start after a hyphen
            first = run.find("-")
            ends = []
            if first < 0:
                ends.append(len(run))
            else:
                ends.append(first)
                second = run.find("-", first + 1)
                ends.append(second if second >= 0 else len(run))
            for end in ends:
                if end < len(run) and _LINE_END_HYPHEN.match(raw, match.start() + end):
                    continue
                words.add(run[:end].lower())
        return words

    def _collect_standalone(self) -> set[str]:
        raw = self.raw
        return {
            match.group()
            for match in _WORD.finditer(raw)
            if not _LINE_END_HYPHEN.match(raw, match.end())
        }


__all__ = ["LetterVocabulary"]
