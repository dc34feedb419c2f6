"""Actors named in a sentence (``actor_mentions``): states, organisations, groups and
persons from the lexicon's actor matcher, each with the preposition that governs it; the
Dutch government speaking ("het kabinet", "ik") and the meeting's delegations as one body
("de ministers"); the actors joined to a mention ("X, waaronder Y,", "X en Y") or added to
it ("samen met X", "net als X")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from natokg.extract.function_words import (
    ALLIES,
    ARTICLES,
    CO_ACTOR_MARKERS,
    COORDINATORS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    member_marker,
)
from natokg.extract.phrases import Lexicons, Token
from natokg.records import ActorRef

_CHAIN_WORDS = frozenset([",", "en", "alsook", "waaronder", "andere"]) | ARTICLES


_HYPHENS = ("-", "‑")


@dataclass
class ActorMention:
    actor: ActorRef
    first: int
    last: int
    prep: str | None  # the preposition governing it, if any


def actor_mentions(tokens: Sequence[Token], lex: Lexicons, text: str = "") -> list[ActorMention]:
    """Actors named in a sentence; ``text`` (the sentence) lets compounds be skipped:
    the "NAVO" of "NAVO-berekeningswijze" modifies a noun, and the "Oekraïne" of
    "de NAVO-Oekraïne Raad" is part of a name; neither names an actor."""
    mentions: list[ActorMention] = []
    for match in lex.actors.find(tokens):
        end = tokens[match.last].end
        if text[end : end + 1] in _HYPHENS and text[end + 1 : end + 2].isalpha():
            continue
        start = tokens[match.first].start
        if start > 1 and text[start - 1] in _HYPHENS and text[start - 2].isalpha():
            continue
        actor, first = _quantified(tokens, lex, match.target, match.first, match.last)
        mentions.append(ActorMention(actor, first, match.last, governing_preposition(tokens, first, mentions)))
    if mentions and mentions[0].first == 0 and _labels_a_clause(tokens, mentions):
        mentions.pop(0)  # "Oekraïne: Nederland zet in op ...": a label, not who speaks
    return mentions


def _quantified(tokens: Sequence[Token], lex: Lexicons, actor: ActorRef, first: int, last: int) -> tuple[ActorRef, int]:
    """(actor, first token) of a group named with a quantifier and an adjective between
    ("Verschillende oostelijke bondgenoten", "Enkele Europese bondgenoten"): the group the
    quantifier names with the head noun alone ("verschillende bondgenoten": several allies),
    not all of the allies or of the European allies."""
    head = None
    for k in (first - 1, first - 2):
        if k < 0 or (k == first - 2 and not _is_adjective(tokens[first - 1].norm)):
            continue
        group = lex.lexicon.actor_by_surface(f"{tokens[k].norm} {tokens[last].norm}")
        if group is None or group.kind != "group" or group == actor:
            continue
        head = head or lex.lexicon.actor_by_surface(tokens[last].norm)
        if group != head:  # "de bondgenoten" are the allies the head noun names: no quantifier
            return group, k
    return actor, first


def _is_adjective(word: str) -> bool:
    """An inflected adjective before a noun: "oostelijke", "zuidelijke", "andere"."""
    return word.isalpha() and word.islower() and word.endswith("e") and len(word) > 3


def _labels_a_clause(tokens: Sequence[Token], mentions: Sequence[ActorMention]) -> bool:
    """Whether the sentence's first actor is a label before a colon whose clause names its
    own subject ("Oekraïne: Nederland zet in op ..."; "Frankrijk: benadrukte ..." is
    France speaking)."""
    colon = mentions[0].last + 1
    if colon >= len(tokens) or tokens[colon].norm != ":":
        return False
    k = colon + 1
    while k < len(tokens) and tokens[k].norm in ARTICLES:
        k += 1
    return any(m.first == k for m in mentions[1:]) or (k < len(tokens) and tokens[k].norm in SUBJECT_PRONOUNS)


def governing_preposition(tokens: Sequence[Token], first: int, before: Sequence[ActorMention]) -> str | None:
    """The preposition governing a mention starting at token ``first`` (articles
    skipped); ``before``: the mentions ending before it, whose preposition a mention
    coordinated with the last of them shares ("van Frankrijk en het Verenigd Koninkrijk")."""
    j = first - 1
    while j >= 0 and tokens[j].norm in ARTICLES:
        j -= 1
    prep = tokens[j].norm if j >= 0 and tokens[j].norm in PREPOSITIONS else None
    if prep is None and j >= 0 and tokens[j].norm in COORDINATORS and before and before[-1].last == j - 1:
        prep = before[-1].prep
    return prep


def speaker_mentions(
    tokens: Sequence[Token], lex: Lexicons, mentions: Sequence[ActorMention], delegations: ActorRef = ALLIES
) -> list[ActorMention]:
    """The Dutch government speaking in its own letter: the signing minister in the first
    person ("Ik heb benadrukt") and the Dutch office holders named without a name ("de
    Minister-President benadrukte"), as mentions of the Netherlands; and the meeting's
    delegations as one body ("De ministers riepen Pakistan op"), as mentions of
    ``delegations`` (the allies at a NATO meeting). An office next to a named actor ("de
    Amerikaanse minister", "premier Rutte") or of someone ("de minister van Defensie van
    ...") is that actor's, not a speaker."""
    taken = {k for m in mentions for k in range(m.first - 1, m.last + 2)}
    found = []
    for matcher in (lex.speakers, lex.members):
        for match in matcher.find(tokens) if matcher is not None else ():
            after = tokens[match.last + 1].norm if match.last + 1 < len(tokens) else ""
            if match.first in taken or match.last in taken or after == "van":
                continue
            j = match.first - 1
            prep = tokens[j].norm if j >= 0 and tokens[j].norm in PREPOSITIONS else None
            actor = delegations if matcher is lex.members else match.target
            found.append(ActorMention(actor, match.first, match.last, prep))
    return found


def is_subject(mention: ActorMention) -> bool:
    return mention.prep in (None, "voor", "door")


def coordinated(first: ActorMention, mentions: Sequence[ActorMention], tokens: Sequence[Token]) -> list[ActorMention]:
    """The mention and those joined to it: 'X, waaronder Y,' / 'X en Y' / 'X, Y en Z'."""
    chain = [first]
    closed = 1  # members up to the last one joined as a list's member, not by an article
    current = first
    while True:
        k = current.last + 1
        following = None
        reach = current.last + 4
        while k < len(tokens) and k <= reach:
            following = next((m for m in mentions if m.first == k and k > current.last + 1), None)
            marker = member_marker(tokens, k) if following is None else 0
            if marker > 1:
                reach += marker - 1  # "onder wie (de) ...": the marker's extra words
                k += marker
                continue
            if following is not None or tokens[k].norm not in _CHAIN_WORDS:
                break
            k += 1
        if following is None:
            # "Robert Gates, de bondgenoten ... gevraagd", "heeft Turkije de NAVO verzocht": no list
            return chain[:closed]
        chain.append(following)
        link = [tokens[j].norm for j in range(current.last + 1, following.first)]
        if (link == [","] and tokens[following.first].norm not in ARTICLES) or any(w not in (",", *ARTICLES) for w in link):
            closed = len(chain)  # "Nederland, Duitsland, Italië", "X en de Y"; not "X, de Y" or "X de Y"
        current = following


def passive_agent(tokens: Sequence[Token], mentions: Sequence[ActorMention], lo: int, hi: int) -> list[ActorRef]:
    """The first "door X" agent starting in [lo, hi] and the actors coordinated with it; [] if none."""
    agents = [m for m in mentions if m.prep == "door" and lo <= m.first <= hi]
    return unique(m.actor for m in coordinated(agents[0], mentions, tokens)) if agents else []


def co_actors(tokens: Sequence[Token], mentions: Sequence[ActorMention], lo: int, hi: int) -> list[ActorMention]:
    """Actors added by 'samen met X', 'evenals X', 'net als X', 'waaronder X' in [lo, hi),
    with those joined to X ('net als Duitsland en Noorwegen'); an aside set off by commas
    ends at its closing comma (', samen met België en Luxemburg, Oekraïne blijven steunen':
    Ukraine is the object; ', net als Duitsland, Frankrijk en Italië, voor': all three)."""
    found: list[ActorMention] = []
    for i in range(lo, hi):
        head = tokens[i].norm if i < len(tokens) else None
        for marker in CO_ACTOR_MARKERS:
            if head != marker[0] or tuple(t.norm for t in tokens[i : i + len(marker)]) != marker:
                continue
            k = i + len(marker)
            while k < len(tokens) and tokens[k].norm in ARTICLES:
                k += 1
            aside = i > 0 and tokens[i - 1].norm == ","
            for first in (m for m in mentions if m.first == k):
                chain = coordinated(first, mentions, tokens)
                closed = [n for n, m in enumerate(chain) if m.last + 1 < len(tokens) and tokens[m.last + 1].norm == ","]
                if aside and closed:
                    chain = chain[: closed[-1] + 1]  # up to the aside's closing comma
                found += [m for m in chain if m not in found]
    return found


def unique(actors: Iterable[ActorRef]) -> list[ActorRef]:
    seen: list[ActorRef] = []
    for actor in actors:
        if actor not in seen:
            seen.append(actor)
    return seen


__all__ = [
    "ActorMention",
    "actor_mentions",
    "co_actors",
    "coordinated",
    "governing_preposition",
    "is_subject",
    "passive_agent",
    "speaker_mentions",
    "unique",
]
