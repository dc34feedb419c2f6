"""Pledge verbs in what someone asks, demands or condemns: they pledge nothing
(natokg.extract.commitment_forms.undone).

- A pledge verb in an infinitive after "om" that a request noun opens ("zetten de
  bondgenoten onder druk om bij te dragen", cue:request-noun) or after a passive request
  participle ("worden gevraagd ... op zich te nemen", cue:request-participle) is asked of
  someone.
- What a call-for stance asks for ("pleit voor een verhoging van het plafond", "vragen de
  overige bondgenoten ... bij te dragen"), what an opposing or worried stance is about
  ("veroordeelt het feit dat ... bijdraagt") and an agreed opinion of what must be done
  ("waren het erover eens dat de lasten ... moeten worden verdeeld") pledge nothing.
"""

from __future__ import annotations

from typing import Sequence

from natokg.extract.function_words import (
    ARTICLES,
    DEONTIC_AUXILIARIES,
    FINITE_AUXILIARIES,
    PASSIVE_AUXILIARIES,
    PREPOSITIONS,
)
from natokg.extract.phrases import Match, Token
from natokg.knowledge.cues import cue_word_set

_CALL_FOR = "call-for"
_AGAINST = frozenset(["oppose", "concern"])
# what parts two clauses
BETWEEN_CLAUSES = frozenset([",", ";", ":", "en", "maar"])


def closes_clause(tokens: Sequence[Token], k: int) -> bool:
    """Whether the token at k ends a clause: a semicolon, colon or "maar", a comma before
    "en" (", en besloten zelf ... te leveren": a list has no comma before its "en"), or a
    comma or "en" before a finite auxiliary ("..., en heeft besloten ... te leveren")."""
    norm = tokens[k].norm
    if norm in (";", ":", "maar"):
        return True
    following = tokens[k + 1].norm if k + 1 < len(tokens) else ""
    return (norm == "," and following == "en") or (norm in (",", "en") and following in FINITE_AUXILIARIES)


def demanded(tokens: Sequence[Token], cue: Match) -> bool:
    """'De ministers waren het erover eens dat de lasten ... moeten worden verdeeld': a
    cue ending in "dat" whose clause says what must be done agrees on an opinion, it
    pledges nothing."""
    if tokens[cue.last].norm != "dat":
        return False
    end = next((k for k in range(cue.last + 1, len(tokens)) if tokens[k].norm in (";", ":", ".")), len(tokens))
    return any(tokens[k].norm in DEONTIC_AUXILIARIES for k in range(cue.last + 1, end))


_REQUEST_AUXILIARIES = PASSIVE_AUXILIARIES | frozenset(["is", "zijn"])


def requested(tokens: Sequence[Token], cue: Match) -> bool:
    """'zetten de bondgenoten onder druk om bij te dragen', 'het verzoek ontvangen om ...
    te leveren', 'worden gevraagd ... op zich te nemen': an infinitive after "om" that a
    request noun (cue:request-noun) opens, or after a passive request participle
    (cue:request-participle), in its clause, is asked of someone, not pledged."""
    infinitive = tokens[cue.first - 1].norm == "te" if cue.first else False
    if not (infinitive or any(tokens[k].norm == "te" for k in cue.words)):
        return False
    nouns, participles = cue_word_set("request-noun"), cue_word_set("request-participle")
    for k in range(cue.first - 1, -1, -1):
        if closes_clause(tokens, k) or tokens[k].norm in (",", "."):
            return False
        if (tokens[k].norm in participles and not (k and tokens[k - 1].norm in ("zoals", "als"))
                and any(tokens[j].norm in _REQUEST_AUXILIARIES for j in range(max(0, k - 5), k + 2))):
            # "zal de bondgenoten worden gevraagd ... op zich te nemen", "werd door de NAVO
            # gevraagd ... te", "is gevraagd ... te": the auxiliary before or right after the
            # participle; not "Zoals gevraagd is Nederland bereid ... te leveren"
            return True
        if tokens[k].norm == "om":
            noun = next((j for j in range(k - 1, max(-1, k - 11), -1) if tokens[j].norm in nouns), None)
            return noun is not None and _complements(tokens, noun, k)
    return False


def _complements(tokens: Sequence[Token], noun: int, om: int) -> bool:
    """Whether the words between a request noun and its "om" only say whose request it is
    and to whom ("druk van Frankrijk en het VK op bondgenoten om", "het verzoek ontvangen
    om"), not a clause of their own ("de oproep van de secretaris-generaal besloot
    Nederland om", "Op verzoek van de VN heeft Nederland besloten om")."""
    for j in range(noun + 1, om):
        norm, before = tokens[j].norm, tokens[j - 1].norm
        if j == noun + 1 and norm not in FINITE_AUXILIARIES:
            continue  # a participle of the request: "verzoek ontvangen om"
        if norm in PREPOSITIONS or norm in ARTICLES or norm == "en":
            continue
        if before in PREPOSITIONS or before in ARTICLES or before == "en":
            continue  # the noun of a phrase: "op bondgenoten", "van de secretaris-generaal", "en Frankrijk"
        return False
    return True


def condemned(tokens: Sequence[Token], stances: Sequence[Match], cue: Match) -> bool:
    """Whether the cue stands in what an opposing or worried stance is about ("acht het
    zorgelijk dat Iran met drones bijdraagt aan ...", "veroordeelt het feit dat ...
    bijdraagt"): no pledge, in the stance's clause."""
    return any(
        stance.target in _AGAINST and stance.last < cue.first
        and not any(closes_clause(tokens, k) for k in range(stance.last + 1, cue.first))
        for stance in stances
    )


def called_for(tokens: Sequence[Token], stances: Sequence[Match], cue: Match) -> bool:
    """Whether the contribution cue is what a call asks for ("pleit voor een verhoging van
    het plafond", "riepen op tot een bijdrage"): a call-for stance form before it, in its
    clause ("pleit voor meer steun en draagt zelf ... bij" asks one thing and gives another)."""
    for stance in stances:
        if stance.target == _CALL_FOR and cue.first <= stance.first and stance.last < cue.last:
            return True  # "zal minister Gates de bondgenoten oproepen ... te leveren": the call in the gap
        if stance.target == _CALL_FOR and stance.last < cue.first:
            between = range(stance.last + 1, cue.first)
            # "niet in 2024 maar onmiddellijk te halen": a contrast inside the call, no new clause
            contrast = {k for k in between if tokens[k].norm == "maar" and any(tokens[j].norm == "niet" for j in range(stance.last + 1, k))}
            if not any(tokens[k].norm in BETWEEN_CLAUSES and k not in contrast for k in between):
                return True
            infinitive = tokens[cue.first - 1].norm == "te" or any(tokens[k].norm == "te" for k in cue.words)
            if infinitive and not any(closes_clause(tokens, k) for k in between):
                return True  # "gevraagd meer gevechtseenheden, helikopters en trainers te leveren": a list
    return False


__all__ = ["BETWEEN_CLAUSES", "called_for", "closes_clause", "condemned", "demanded", "requested"]
