"""The spaCy pipeline the extraction rules run on, and its lexicon-driven matcher.

One blank Dutch pipeline per process (cached). Its tokenizer also splits words at
hyphens ("NAR-bijeenkomst" -> NAR - bijeenkomst, "ICI-partners" -> ICI - partners), so
that a name inside a compound is still found; patterns are tokenised the same way,
so "Noord-Atlantische Raad" still matches as one phrase. A small component sets each
token's NORM to its lower-cased, accent-free form, and a PhraseMatcher on NORM finds
every surface form case- and diacritic-tolerantly.

The surface forms come from Turtle, never from Python: states, demonyms, cities,
organisations, groups, offices, persons and meeting words (ontology/reference/
meeting-terms.ttl), all read by natokg.knowledge.lexicon. Generic kind words such as
"NAVO-top" become KIND mentions keyed by the kind slug; named meetings and sessions
such as "Noord-Atlantische Raad" NAMED mentions keyed by their concept slug.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from natokg.knowledge.cues import cue_words
from natokg.knowledge.lexicon import Lexicon
from natokg.text.spacy_nl import dutch_pipeline, warm_tokenizer

# Labels of the things the matcher finds.
STATE, DEMONYM, CITY, ORG, GROUP, OFFICE, PERSON, KIND, NAMED = (
    "STATE", "DEMONYM", "CITY", "ORG", "GROUP", "OFFICE", "PERSON", "KIND", "NAMED",
)  # fmt: skip
# lexicon surface kind -> matcher label
_LABELS = {
    "state": STATE, "demonym": DEMONYM, "city": CITY, "organisation": ORG, "group": GROUP,
    "office": OFFICE, "person": PERSON, "meeting-kind": KIND, "meeting-name": NAMED,
}  # fmt: skip


@dataclass(frozen=True)
class Mention:
    """A matched surface form: normalised-text offsets, label, key, the text."""

    start: int
    end: int
    label: str  # STATE, DEMONYM, CITY, ORG, GROUP, OFFICE, PERSON, KIND, NAMED
    key: str  # ISO code, city slug, org/group/office/person key, meeting-term key
    text: str
    token_start: int = 0
    token_end: int = 0


class Annotator:
    """A PhraseMatcher over every surface form, built once per lexicon."""

    def __init__(self, surfaces: Iterable[tuple[str, str, str]]) -> None:
        """``surfaces``: (label, key, surface form) triples."""
        from spacy.matcher import PhraseMatcher

        self.nlp = dutch_pipeline()
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        by_id: dict[str, set[str]] = {}
        for label, key, surface in surfaces:
            surface = " ".join(surface.split())
            if surface:
                by_id.setdefault(f"{label}|{key}", set()).add(surface)
        for match_id, forms in sorted(by_id.items()):
            self.matcher.add(match_id, list(self.nlp.pipe(sorted(forms))))

    def doc(self, text: str):
        warm_tokenizer(self.nlp.tokenizer, text)
        return self.nlp(text)

    @lru_cache(maxsize=4096)
    def phrase_mentions(self, text: str) -> tuple[Mention, ...]:
        """``all_mentions`` of a short phrase (an office title), matched once per process."""
        return tuple(self.all_mentions(self.doc(text)))

    def all_mentions(self, doc, text: str | None = None) -> list[Mention]:
        """Every match, nested ones included, in text order. ``text``: the doc's text,
        when the caller has it (``doc.text`` joins every token again)."""
        from spacy.attrs import IDX, LENGTH

        text = doc.text if text is None else text
        # offsets from two token columns: a Span per match costs more than the match
        columns = doc.to_array([IDX, LENGTH])
        starts, lengths = columns[:, 0].tolist(), columns[:, 1].tolist()
        strings = self.nlp.vocab.strings
        found = []
        for match_id, start, end in self.matcher(doc):
            label, key = strings[match_id].split("|", 1)
            start_char, end_char = starts[start], starts[end - 1] + lengths[end - 1]
            found.append(Mention(start_char, end_char, label, key, text[start_char:end_char], start, end))
        return sorted(set(found), key=lambda m: (m.start, m.end, m.label, m.key))

    def mentions(self, doc, text: str | None = None) -> list[Mention]:
        """All matches, minus those strictly inside a longer match, in text order.

        One span can carry several labels ("Europese Raad" is an organisation and a
        meeting); the rules choose by context.
        """
        found = self.all_mentions(doc, text)  # sorted by start, then end
        # A span strictly inside a longer one is one that a mention starting earlier
        # reaches past (or to) its end, or one starting at the same offset ends after.
        kept = []
        reach_before = -1  # the furthest end of the mentions starting before this one
        index = 0
        while index < len(found):
            start = found[index].start
            group_end = index
            while group_end < len(found) and found[group_end].start == start:
                group_end += 1
            group = found[index:group_end]
            longest = group[-1].end
            for m in group:
                if reach_before < m.end and m.end == longest:
                    kept.append(m)
            reach_before = max(reach_before, longest)
            index = group_end
        return sorted(set(kept), key=lambda m: (m.start, m.end, m.label, m.key))


# "bijeenkomst van de NAVO-ministers van Defensie": a common noun, then "van (de|het)".
_LINKED_HEAD = re.compile(r"^([a-z]\w*) van (?:de |het )?(\S.*)$")


def headline_variant(form: str) -> str | None:
    """The form as titles write it, without the linking "van (de)" after the head noun
    ("Verslag bijeenkomst NAVO-ministers van Defensie"); None when the form has no such
    link (or is a name with a capital head, "NAVO-ministeriële van Defensie")."""
    found = _LINKED_HEAD.match(" ".join(form.split()))
    if found is None or len(found.group(2).split()) < 2:
        return None  # "top van Vilnius" -> "top Vilnius" would be too loose
    return f"{found.group(1)} {found.group(2)}"


def compound_variants(form: str, prefixes: Iterable[str]) -> list[str]:
    """The form with its common head noun compounded ("bijeenkomst van de NAVO-ministers
    van Defensie" -> "voorjaarsbijeenkomst van de NAVO-ministers van Defensie"), for the
    prefixes of cue:meeting-noun-prefix; none for a form without such a head."""
    found = _LINKED_HEAD.match(" ".join(form.split()))
    if found is None or len(found.group(2).split()) < 2:
        return []
    return [f"{prefix}{form}" for prefix in prefixes]


def head_variants(form: str, generic: Iterable[str], nouns: Iterable[str]) -> list[str]:
    """The form with a generic head noun (cue:meeting-generic-noun) replaced by another
    meeting noun of cue:meeting-head-noun ("bijeenkomst van de NAVO-ministers van
    Defensie" -> "videoconferentie van de NAVO-ministers van Defensie")."""
    found = _LINKED_HEAD.match(" ".join(form.split()))
    if found is None or found.group(1) not in generic or len(found.group(2).split()) < 2:
        return []
    return [f"{noun}{form[len(found.group(1)):]}" for noun in nouns]


def extraposed_variant(form: str) -> str | None:
    """The form with "plaats" between its head noun and "van": "vond in Sevilla een
    informele bijeenkomst plaats van de ministers van Defensie" (the particle of
    "plaatsvinden" before the head noun's complement)."""
    found = _LINKED_HEAD.match(" ".join(form.split()))
    if found is None or len(found.group(2).split()) < 2:
        return None
    return f"{found.group(1)} plaats {form[len(found.group(1)) + 1 :]}"


def lexicon_surfaces(lexicon: Lexicon) -> list[tuple[str, str, str]]:
    """(label, key, surface form) for every matchable thing in the lexicon; meeting
    kinds also in headline style (``headline_variant``), with their head noun
    compounded (``compound_variants``: "voorjaarsbijeenkomst van de ..."), with
    another head noun (``head_variants``: "videoconferentie van de ...") and with
    "plaats" before "van" (``extraposed_variant``)."""
    prefixes, nouns = cue_words("meeting-noun-prefix"), cue_words("meeting-head-noun")
    generic = cue_words("meeting-generic-noun")
    surfaces = []
    for kind, label in _LABELS.items():
        for form, target in lexicon.surface_forms(kind):  # type: ignore[arg-type]
            key = target.key if hasattr(target, "key") else str(target)
            surfaces.append((label, key, form))
            variant = headline_variant(form) if label == KIND else None
            if variant is not None:
                surfaces.append((label, key, variant))
            if label == KIND:
                surfaces.extend((label, key, compound) for compound in compound_variants(form, prefixes))
                surfaces.extend((label, key, variant) for variant in head_variants(form, generic, nouns))
                extraposed = extraposed_variant(form)
                if extraposed is not None:
                    surfaces.append((label, key, extraposed))
    return surfaces


_ANNOTATORS: dict[int, tuple[Lexicon, Annotator]] = {}


def annotator(lexicon: Lexicon) -> Annotator:
    """The Annotator for a lexicon, built once per process (the lexicon is cached too)."""
    cached = _ANNOTATORS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = (lexicon, Annotator(lexicon_surfaces(lexicon)))
        _ANNOTATORS[id(lexicon)] = cached
    return cached[1]
