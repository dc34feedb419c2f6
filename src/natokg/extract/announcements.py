"""What an announcement ("kondigden ... aan") pledges, for the commitment rules
(natokg.extract.commitments).

- The nouns in its gap decide: a rise of spending ("een forse verhoging van hun
  defensie-uitgaven") is a spending target, a founding ("de oprichting ... van een
  coördinatiecel") a policy pledge, and contributions or support to a state or fund
  ("nieuwe steun voor Oekraïne") a financial contribution, without a recipient or funding
  words ("extra bijdragen", "aanvullende steun voor de beveiliging van de verkiezingen") a
  capability pledge; money named in the sentence makes it financial later.
- A gap that says only when or where it was made, followed by an infinitive ("kondigden op
  27 mei jl. aan in 2015 9.800 militairen te handhaven"), announces an undertaking of the
  subject, as "kondigde aan ... te" says.
"""

from __future__ import annotations

from typing import Sequence

from natokg.extract.function_words import ARTICLES, PREPOSITIONS, PUNCTUATION
from natokg.extract.phrases import Match, Token
from natokg.knowledge.calendar import full_month_names
from natokg.knowledge.cues import cue_word_set


def announced_undertaking(tokens: Sequence[Token], text: str, cue: Match, end: int) -> int | None:
    """The infinitive of an announcement whose gap says only when or where it was made
    (cue:time-of-saying, prepositions, articles, numbers, months, meeting words:
    "kondigden op 27 mei jl. aan in 2015 9.800 militairen te handhaven", "maakte tijdens de
    bijeenkomst bekend ... te stationeren"), in its clause (before ``end``): what it
    announces is an undertaking of the subject, as "kondigde aan ... te" says. None when
    there is none, or when the infinitive is no undertaking ("te zijn", "te Kopenhagen")."""
    if not cue.gaps or not all(_tells_when(tokens[k].norm) for k in _outside_asides(tokens, cue.gaps)):
        return None  # "kondigde een nieuwe strategie aan": the gap holds what is announced
    for k in range(cue.last + 1, min(end, len(tokens)) - 1):
        if tokens[k].norm in PUNCTUATION or tokens[k].norm == "dat":
            return None  # "kondigde ... aan dat": its clause says what
        if tokens[k].norm != "te":
            continue
        verb = next((j for j in range(k + 1, min(end, len(tokens))) if tokens[j].norm not in _MODALS), None)
        if verb is None or text[tokens[verb].start : tokens[verb].start + 1].isupper():
            return None  # "te Kopenhagen": a place
        word = tokens[verb].norm
        return verb if word.isalpha() and word.endswith("n") and word not in _NO_UNDERTAKING else None
    return None


def _outside_asides(tokens: Sequence[Token], gap: Sequence[int]) -> list[int]:
    """The gap's tokens outside an aside set off by two commas ("heeft, evenals de andere
    bondgenoten die partij zijn bij het verdrag, op 22 november jl. aangekondigd")."""
    commas = [k for k in gap if tokens[k].norm == ","]
    inside = {k for a, b in zip(commas[::2], commas[1::2]) for k in range(a, b + 1)}
    return [k for k in gap if k not in inside]


def _tells_when(word: str) -> bool:
    return (word == "." or word in PREPOSITIONS or word in ARTICLES or word[:1].isdigit() or word in full_month_names()
            or word in cue_word_set("time-of-saying") or word in cue_word_set("meeting-word"))


_MODALS = frozenset(["zullen", "kunnen", "willen", "gaan", "blijven"])  # "te zullen leveren": the verb after
_NO_UNDERTAKING = frozenset(["zijn", "hebben", "worden"])  # "aan in Londen te zijn"


def announced_kind(
    gap: Sequence[str], contribution_nouns: frozenset[str], gap_object_kind: str, has_beneficiary: bool
) -> str | None:
    """The commitment kind an announcement with ``gap`` (folded words) pledges, or None;
    ``gap_object_kind``: the kind the gap's pledge-object nouns give; ``has_beneficiary``:
    a state or fund receives it ("nieuwe steun voor Oekraïne", "bijdragen aan PURL")."""
    words = set(gap)
    if words & cue_word_set("increase-noun") and any(w.endswith(n) for w in words for n in cue_word_set("spending-noun")):
        return "spending-target"
    if words & cue_word_set("founding-noun"):
        return "policy-pledge"
    if words & cue_word_set("ending-noun"):
        return None  # "heeft de opschorting van zijn steun aangekondigd": an ending, not a pledge
    if not words & contribution_nouns:
        return None
    if gap_object_kind == "capability-pledge":
        return gap_object_kind
    return "financial-contribution" if gap_object_kind == "financial-contribution" or has_beneficiary else "capability-pledge"


__all__ = ["announced_kind", "announced_undertaking"]
