"""What a bare percentage in a pledge's sentence is a share of.

"20% van hun defensie-uitgaven" is a share of defence spending, "40% van hun
landstrijdkrachten" of neither defence spending nor GDP (no pledge of an amount), and
"3,5%" in a sentence about spending or GDP, or "de norm van 3,5%", a share of GDP ("de
norm van 20% voor investeringen" is not; "stijgt met 1,5%" is a rate of change). The nouns are cue:gdp, cue:gdp-norm and
cue:defence-spending-noun of ontology/extraction-cues.ttl.
"""

from __future__ import annotations

import re

from natokg.extract.amounts import Amount
from natokg.folding import fold
from natokg.knowledge.cues import cue_regex, cue_word_set

# "van (de) (jaarlijkse) defensiebudgetten" after a percentage: what it is a share of
_OF_SOMETHING = re.compile(
    r"\s*van\s+(?:(?:de|het|hun|haar|zijn|onze?)\s+)?([^\W\d][\w-]*)(?:\s+([^\W\d][\w-]*))?", re.IGNORECASE
)
# "stijgt (jaarlijks) met 1,5%", "met ruim 2%": by how much, not a share
_RATE_BEFORE = re.compile(r"\bmet\s+(?:[^\W\d][\w-]*\s+)?$", re.IGNORECASE)
# "de (NAVO-)norm van (ten minste) 3,5%"
_NORM_OF = r"\b(?:{cue:gdp-norm})\s+van\s+(?:[\w-]+\s+){0,2}$"


def percent_unit(text: str, amount: Amount, gdp_sentence: bool) -> str | None:
    """The unit of a bare percentage ``amount`` of ``text``: "percent-defence-spending",
    "percent-gdp", "percent" (unknown), or None for a share of something else;
    ``gdp_sentence``: the sentence speaks of spending or GDP."""
    share = _share_of(text, amount)
    if share is not None:
        return "percent-defence-spending" if _is_defence_spending(share) else None
    if _RATE_BEFORE.search(text, max(0, amount.start - 30), amount.start):
        return "percent"  # "waarbij de begroting jaarlijks met 1,5% stijgt": a rate of change, no share
    if gdp_sentence or _norm_of_gdp(text, amount):
        return "percent-gdp"
    return "percent"


def _share_of(text: str, amount: Amount) -> str | None:
    """What a percentage "van (de) X" measures when X is no GDP word (folded X)."""
    after = _OF_SOMETHING.match(text, amount.end)
    if after is None:
        return None
    noun, following = fold(after.group(1)), after.group(2)
    if following and not _names_a_share(noun) and _names_a_share(fold(following)):
        noun = fold(following)  # after an adjective: "van hun jaarlijkse defensie-uitgaven"
    return None if noun in cue_word_set("gdp") else noun


def _norm_of_gdp(text: str, amount: Amount) -> bool:
    return bool(cue_regex(_NORM_OF).search(text, max(0, amount.start - 40), amount.start)) and not re.match(
        r"\s+voor\b", text[amount.end :]
    )


def _names_a_share(word: str) -> bool:
    return word in cue_word_set("gdp") or _is_defence_spending(word)


def _is_defence_spending(word: str) -> bool:
    """A compound counts by its last part: "navo-defensie-uitgaven"."""
    return any(word.endswith(noun) for noun in cue_word_set("defence-spending-noun"))


__all__ = ["percent_unit"]
