"""Line-end hyphens: a word broken by the typesetter ("ontwikke-" + "lingen") is
joined, a compound's own hyphen ("defensie-uitgaven") kept (used by natokg.read.reader).
"""

from __future__ import annotations

import re

_COORDINATORS = {"en", "of", "tot", "als", "noch", "dan", "t/m"}
_VOWELS = set("aeiouyáàäâéèëêíìïîóòöôúùüû")


class Vocabulary:
    """Look-ups in one letter, to tell a broken word from a compound (see hyphen_join).

    The halves of a word broken at a line end ("MINIS-" + "TERIËLE") do not count. The
    word sets are made in one pass over the text, so normalisation stays linear in the
    text's length however many line-end hyphens it has.
    """

    # chains of words joined by hyphens (\w+(?:-\w+)*), in two kinds: a lone word with no
    # hyphen next to it, which is itself a word and a part (most of a letter: collected
    # by findall, with no Python loop), and every other chain, read part by part
    _PLAIN = re.compile(r"(?<![\w-])\w+(?![\w-])")
    _HYPHENED = re.compile(r"(?<!\w)(?:\w+(?:-\w+)+|(?<=-)\w+|\w+(?=-))")
    _BROKEN_AFTER = re.compile(r"-[ \t]*[\r\n\f]")

    def __init__(self, raw: str) -> None:
        plain = set(self._PLAIN.findall(raw))
        self.words: set[str] = {word.lower() for word in plain}  # lower case: words and hyphenated prefixes of compounds
        self.standalone: set[str] = plain  # as written: every part between non-word characters
        for chain in self._HYPHENED.finditer(raw):
            start = chain.start()
            position = start
            for part in chain.group().split("-"):
                end = position + len(part)
                if not self._BROKEN_AFTER.match(raw, end):
                    self.standalone.add(part)
                    if start == 0 or raw[start - 1] != "-":
                        self.words.add(raw[start:end].lower())
                position = end + 1

    def has_word(self, word: str) -> bool:
        return word.lower() in self.words

    def has_standalone_upper(self, word: str) -> bool:
        return word in self.standalone


def hyphen_join(before: str, after: str, vocabulary: Vocabulary) -> str:
    """Decide a line-end hyphen: "join" (drop it), "keep" (a compound hyphen) or
    "space" (a hyphen that elides a shared word part: "defensie- en veiligheid...").

    Rules in order:
    1. the next word is "en"/"of"/"tot"...: elision, keep the hyphen and a space;
    2. the letter itself decides when it has either form elsewhere: the hyphenated
       pair ("defensie-uitgaven") means keep, the joined word means join;
    3. a digit or an acronym before the hyphen ("NAVO2030-", "NAVO-", "EU-") means a
       compound, except in an all-capitals line where the part before must also
       stand alone elsewhere in the letter ("NAVO" yes, "MINIS" no);
    4. a capital after a lower-case part ("Noord-Atlantische", "anti-Amerikaans") keeps;
    5. a vowel meeting a vowel ("defensie-uitgaven", "zee-egel") keeps: Dutch spelling
       writes that hyphen, and hyphenation does not split a vowel pair;
    6. otherwise the hyphen is the typesetter's ("ontwikke-lingen"): join.
    """
    before_word = re.split(r"[^\w-]", before[:-1])[-1].split("-")[-1]
    after_word = re.split(r"[^\w-]", after)[0].split("-")[0]
    if not before_word or not after_word:
        return "keep"
    if after_word.lower() in _COORDINATORS:
        return "space"
    if vocabulary.has_word(f"{before_word}-{after_word}"):
        return "keep"
    if vocabulary.has_word(before_word + after_word):
        return "join"
    all_caps = before_word.isupper() and after_word.isupper()
    if any(c.isdigit() for c in before_word):
        return "keep"
    if all_caps:
        if len(before_word) <= 5 and vocabulary.has_standalone_upper(before_word):
            return "keep"
    elif sum(c.isupper() for c in before_word) >= 2:
        return "keep"
    elif after_word[0].isupper():
        return "keep"
    if before_word[-1].lower() in _VOWELS and after_word[0].lower() in _VOWELS:
        return "keep"
    return "join"


__all__ = ["Vocabulary", "hyphen_join"]
