"""Pledges a list gives without a verb, under a heading of one state's contributions.

An annex often lists a state's contributions as items without a verb ("Bijlage 1
Nederlandse bijdragen aan het Readiness Action Plan" / "a. Maritiem: een mijnenjager in de
Standing NATO Mine Countermeasures Group 1 gedurende geheel 2015, en een fregat in de
Standing NATO Maritime Group 1 in de eerste helft van 2015."). The heading names the giver
(a demonym before a noun of cue:contribution-heading); each clause of an item that names
troops or equipment is a capability pledge of its own, with the year it states.
"""

from __future__ import annotations

import re
from typing import Sequence

from natokg.extract.phrases import Token
from natokg.extract.pledge_objects import words_kind
from natokg.knowledge.cues import cue_word_set
from natokg.records import ActorRef

_LABEL_WORDS = 3  # "Maritiem:", "Snel inzetbare eenheid:": an item's label before its colon


def heading_giver(heading: str | None, lexicon) -> ActorRef | None:
    """The state whose contributions ``heading`` lists: the state of a demonym right before
    a noun of cue:contribution-heading ("Nederlandse bijdragen", "Duitse toezeggingen")."""
    if not heading:
        return None
    words = heading.split()
    nouns = cue_word_set("contribution-heading")
    for demonym, noun in zip(words, words[1:]):
        if noun.lower().strip(":,.") in nouns:
            state = lexicon.state_by_demonym(demonym.strip(":,."))
            if state is not None:
                return ActorRef("state", state.iso)
    return None


_ITEM_MARKER = re.compile(r"[ \t]*(?:[a-zA-Z]|\d{1,2})[.)][ \t]*|[ \t]*[-•–·][ \t]*")


def is_list_item(text: str, start: int, tokens: Sequence[Token]) -> bool:
    """Whether the sentence at ``start`` of ``text`` is a list item: its line opens with a
    marker ("a.", "2)", "-", "•") or it opens with a short label and a colon ("Maritiem:")."""
    line_start = text.rfind("\n", 0, start) + 1
    if _ITEM_MARKER.fullmatch(text, line_start, start):
        return True
    return any(t.norm == ":" for t in tokens[1 : _LABEL_WORDS + 1])


def listed_clauses(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """The clauses [first, end) of a list item, past a short label and its colon, split at
    a semicolon and at ", en"."""
    lo = 0
    colon = next((k for k, t in enumerate(tokens[: _LABEL_WORDS + 1]) if t.norm == ":"), None)
    if colon is not None:
        lo = colon + 1
    clauses, start = [], lo
    for k in range(lo, len(tokens)):
        if tokens[k].norm == ";" or (tokens[k].norm == "," and k + 1 < len(tokens) and tokens[k + 1].norm == "en"):
            clauses.append((start, k))
            start = k + 2 if tokens[k].norm == "," else k + 1
    end = len(tokens)
    while end > start and tokens[end - 1].norm in (".", ";", ","):
        end -= 1
    clauses.append((start, end))
    return [(a, b) for a, b in clauses if a < b]


def listed_capability(tokens: Sequence[Token], text: str, lo: int, hi: int) -> bool:
    """Whether the clause [lo, hi) names troops or equipment (cue:capability-object)."""
    return words_kind(tokens, text, range(lo, hi)) == "capability-pledge"


__all__ = ["heading_giver", "is_list_item", "listed_capability", "listed_clauses"]
