"""Who a person or an office named in a sentence speaks for.

A position is held by a state, an organisation or a group, not by the person who
voiced it: "Secretaris-generaal De Hoop Scheffer riep op" is NATO's call, "President
Sarkozy kondigde aan" France's, "Minister Serdjoekov bevestigde" Russia's. The persons
stage (natokg.extract.actors) has found the letter's persons, where they are named and
the posts they hold (from the reference data, ontology/reference/persons.ttl, and from
the office written next to the name); this module turns each person span of a sentence
into a mention of the actor of the post meant there:

- the post of the office written right before the name ("Secretaris-generaal De Hoop
  Scheffer": NATO, though he was Dutch foreign minister before), else
- the one actor all of the person's posts belong to, else
- none: the person is kept (a person whose posts belong to several actors and whose
  office the sentence does not name).

An office named without a name ("De Secretaris-Generaal wees erop", "de Amerikaanse
president") speaks for the state of the demonym before it, else for the one state or
organisation whose post the office is in the reference data. Dutch office holders named
by office alone are the government speaking (cue:government-speaker, natokg.extract.phrases).
"""

from __future__ import annotations

from typing import Sequence

from natokg.extract.context import LetterContext
from natokg.extract.phrases import ARTICLES, ActorMention, Token, governing_preposition
from natokg.extract.stage import PersonIndex
from natokg.records import ActorRef, Sentence
from natokg.text.nlp import DEMONYM, OFFICE, STATE

# what may stand between an office and the name after it ("Secretaris-Generaal  Stoltenberg")
_OFFICE_NAME_GLUE = " -\u00a0\n"


class Spokesmen:
    """The persons and bare offices of one letter as mentions of the actors they speak for."""

    def __init__(self, ctx: LetterContext, persons: PersonIndex | None) -> None:
        self.ctx = ctx
        self.spans = persons.spans if persons else []
        self.posts = {p.key: p.posts for p in persons.persons} if persons else {}
        holders: dict[str, set[ActorRef]] = {}
        for post in ctx.lexicon.posts.values():
            holders.setdefault(post.office, set()).add(post.of)
        # an office every post of which belongs to one actor ("Secretaris-Generaal": NATO)
        self.sole_holder = {office: next(iter(of)) for office, of in holders.items() if len(of) == 1}
        # the office a person is first named with in the letter: "Stoltenberg" after
        # "Secretaris-Generaal Stoltenberg" is the Secretary General, not Norway's premier
        self.titled: dict[str, str] = {}
        for start, end, person in self.spans:
            office = self._office_of(start, end)
            if office is not None:
                self.titled.setdefault(person.key, office[1])

    def mentions(self, sentence: Sentence, tokens: Sequence[Token], mentions: list[ActorMention]) -> list[ActorMention]:
        """``mentions`` with every person or bare office of the sentence replaced by a
        mention of the actor it speaks for (spanning the office before a name too)."""
        found, owned = [], []
        for start, end, actor in self._speakers(sentence):
            first, last = _token_range(tokens, start - sentence.start, end - sentence.start)
            if first is None:
                continue
            if actor is None:
                owned.append((first, last))
            else:
                found.append(ActorMention(actor, first, last, None))
        taken = {k for m in found for k in range(m.first, m.last + 1)}
        kept = [m for m in mentions if not taken & set(range(m.first, m.last + 1))]
        merged = sorted(kept + found, key=lambda m: m.first)
        for m in found:
            m.prep = governing_preposition(tokens, m.first, [x for x in merged if x.last < m.first])
        for first, last in owned:
            _owner_takes_office_role(tokens, merged, first, last)
        return merged

    def _speakers(self, sentence: Sentence) -> list[tuple[int, int, ActorRef | None]]:
        """(start, end, actor) in normalised offsets of each person and bare office; actor
        None for an office whose holder the text may name after it."""
        ctx = self.ctx
        offices = ctx.in_span(sentence.start, sentence.end, OFFICE)
        speakers = []
        named_offices = set()
        for start, end, person in self.spans:
            if not (sentence.start <= start and end <= sentence.end):
                continue
            title = self._office_of(start, end)
            office = next((o for o in reversed(offices) if _titles(ctx.text, o, start, end)), None)
            if office is not None:
                named_offices.add(id(office))
                demonym = self._demonym_before(office)
                start = min(start, demonym.start if demonym is not None else office.start)
            actor = self._post_actor(person, title[1] if title else self.titled.get(person.key))
            if actor is not None:
                speakers.append((start, end, actor))
        for office in offices:
            if id(office) in named_offices:
                continue
            said_by = self._office_actor(office)
            if said_by is not None:
                speakers.append((said_by[0], office.end, said_by[1]))
            else:  # perhaps "de ministers van Buitenlandse Zaken van België en Nederland"
                speakers.append((office.start, office.end, None))
        return speakers

    def _office_of(self, start: int, end: int) -> tuple[int, str] | None:
        """(start, office key) of the office written with a name at [start, end): right
        before it ("de Russische minister van Defensie Serdjoekov") or inside a name the
        reference data writes with its title ("Secretaris-Generaal Stoltenberg": the
        matcher keeps only the longest span)."""
        ctx = self.ctx
        before = [o for o in ctx.in_span(max(0, start - 80), start, OFFICE) if _titles(ctx.text, o, start, end)]
        if before:
            return before[-1].start, before[-1].key
        words = ctx.text[start:end].split()
        for n in range(len(words) - 1, 0, -1):
            office = ctx.lexicon.office_by_surface(" ".join(words[:n]))
            if office is not None:
                return start, office.slug
        return None

    def _post_actor(self, person: ActorRef, office: str | None) -> ActorRef | None:
        posts = self.posts.get(person.key, [])
        if office is not None:
            meant = [p.of for p in posts if p.office == office]
            if meant:
                return meant[0]
        actors = {p.of for p in posts}
        return actors.pop() if len(actors) == 1 else None

    def _office_actor(self, office) -> tuple[int, ActorRef] | None:
        """Where the mention of an office named without a name starts and the actor it
        speaks for: the state of the demonym right before it, else its one holder in the
        reference data."""
        demonym = self._demonym_before(office)
        if demonym is not None:
            return demonym.start, ActorRef("state", demonym.key)
        holder = self.sole_holder.get(office.key)
        return (office.start, holder) if holder is not None else None

    def _demonym_before(self, office):
        """The demonym or state name right before an office ("de Russische minister")."""
        ctx = self.ctx
        before = ctx.in_span(max(0, office.start - 30), office.start, DEMONYM, STATE)
        if before and not ctx.text[before[-1].end : office.start].strip(" -"):
            return before[-1]
        return None


def _owner_takes_office_role(tokens: Sequence[Token], mentions: list[ActorMention], first: int, last: int) -> None:
    """"De ministers van Buitenlandse Zaken van België en Nederland verzochten": the
    actors after "van" own the office, and stand where it stands in the clause (the
    subject here), so they take the preposition governing the office."""
    k = last + 1
    if k >= len(tokens) or tokens[k].norm != "van":
        return
    k += 1
    while k < len(tokens) and tokens[k].norm in ARTICLES:
        k += 1
    owner = next((m for m in mentions if m.first == k), None)
    if owner is not None:
        owner.prep = governing_preposition(tokens, first, [m for m in mentions if m.last < first])


def _titles(text: str, office, start: int, end: int) -> bool:
    """Whether an office is the title of the name at [start, end): inside the name's span
    ("Secretaris-Generaal Stoltenberg" as the reference data writes it) or right before it."""
    if start <= office.start and office.end <= end:
        return True
    return office.end <= start and not text[office.end : start].strip(_OFFICE_NAME_GLUE)


def _token_range(tokens: Sequence[Token], start: int, end: int) -> tuple[int | None, int]:
    """The first and last token inside [start, end) of the sentence text."""
    inside = [k for k, t in enumerate(tokens) if start <= t.start and t.end <= end]
    return (inside[0], inside[-1]) if inside else (None, 0)


__all__ = ["Spokesmen"]
