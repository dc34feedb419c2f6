"""Pledge forms the commitment rules (natokg.extract.commitments) read beyond their cues.

- A promise verb without an amount ("De bondgenoten zegden toe hun steun te
  intensiveren", "Veel landen hebben al een extra bijdrage toegezegd") pledges what it
  names: the verb is one of cue:contribution's forms, whose first word is a form of
  "toezeggen" (cue:promise-verb); with an amount the amount rules read it instead.
- A clause ends at ";" and before a pledge verb that opens a coordinated clause after a
  comma ("..., zetten zij zich in voor X, en nemen zij Y aan"): one actor may pledge
  one thing of a kind per clause, so the verbs of one pledge are not counted twice.
- A subject pronoun inside or right after the pledge verb ("..., zetten zij zich in
  voor ...") refers back to the actor named last.
"""

from __future__ import annotations

from typing import Sequence

from natokg.extract.phrases import Match, Token
from natokg.knowledge.cues import cue_word_set

SUBJECT_PRONOUNS = frozenset(["zij", "ze", "hij", "wij", "we"])


def is_promise_without_amount(tokens: Sequence[Token], cue: Match, has_amount: bool) -> bool:
    """A contribution cue that is a promise verb, in a sentence without an amount."""
    if has_amount:
        return False
    words = {tokens[k].norm for k in range(cue.first, cue.last + 1) if k not in cue.gaps}
    return bool(words & cue_word_set("promise-verb"))


def clause_index(tokens: Sequence[Token], cue: Match, cues: Sequence[Match]) -> int:
    """The number of the clause ``cue`` stands in (see the module docstring)."""
    semicolons = sum(1 for k in range(cue.first) if tokens[k].norm == ";")
    return semicolons + sum(1 for c in cues if 0 < c.first <= cue.first and _opens_clause(tokens, c.first))


def _opens_clause(tokens: Sequence[Token], first: int) -> bool:
    before = tokens[first - 1].norm
    return before == "," or (before == "en" and first > 1 and tokens[first - 2].norm == ",")


def pronoun_subject(tokens: Sequence[Token], cue: Match) -> bool:
    """A subject pronoun in the cue or right after it: the clause's subject is said before."""
    hi = min(len(tokens), cue.last + 2)
    return any(tokens[k].norm in SUBJECT_PRONOUNS for k in range(cue.first, hi) if k not in cue.gaps)


__all__ = ["clause_index", "is_promise_without_amount", "pronoun_subject"]
