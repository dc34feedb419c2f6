"""Whose post an office named before a person's name is.

"de Oekraïense minister van Defensie Oemerov" (a demonym before the office), "de Hoge
Vertegenwoordiger van de Europese Unie Borrell" (an actor inside it), "minister Lavrov
van Rusland" (after the name), the post the reference data gives a known person, else
nobody's; an unqualified cabinet or parliament office is presumed the Dutch one. A
former office ("oud-premier Tymosjenko", "de voormalige minister X") is no post.
"""

from __future__ import annotations

import re

from natokg.extract.context import LetterContext
from natokg.knowledge.cues import cue_regex
from natokg.extract.function_words import NETHERLANDS
from natokg.records import ActorRef
from natokg.text.nlp import CITY, DEMONYM, NAMED, OFFICE, ORG, STATE

# "Mijn Duitse collega, minister Struck": a colleague of the demonym's state in apposition
_COLLEAGUE_BETWEEN = r"\s+(?:{cue:colleague-noun})\s*,\s*"
# "oud-premier Tymosjenko", "de voormalige minister X", "ex-president Y"
_FORMER = re.compile(r"(?:\b(?:oud|ex)-|\bvoormalige?\s+)$", re.IGNORECASE)
# "de NAVO-Oekraïne Commissie, met minister Kozhara": right after the council's name
_WITH_AFTER_COUNCIL = re.compile(r",?\s*met\s+", re.IGNORECASE)
_AND_BETWEEN = re.compile(r"\s+en\s+")  # two offices of one person: "premier en minister van ..."
# "Japan heeft aangegeven dat premier Ishiba ...": in the clause the state's statement opens
_THAT_BEFORE = re.compile(r"\bdat\s+(?:de\s+)?$", re.IGNORECASE)


def post_holder(ctx: LetterContext, office, name_start: int, sentence_end: int, name: str = "") -> ActorRef | None:
    """Whose post: demonym before the office, actor inside it, 'van <state>' after the
    name, the post the reference data gives the person, else None (see presumed_dutch)."""
    holder = holder_before(ctx, office)
    if holder is not None:
        return holder
    inside = ctx.in_span(office.start, office.end, STATE, ORG, DEMONYM)
    if not inside:
        inside = nested_actors(ctx, office)
    if inside:
        m = inside[0]
        return ActorRef("organisation", m.key) if m.label == ORG else ActorRef("state", m.key)
    after = re.match(r"\s+van\s+(?:de\s+|het\s+)?", ctx.text[name_start:sentence_end])
    if after:
        owner = ctx.in_span(name_start + after.end(), name_start + after.end() + 40, STATE, ORG)
        if owner and owner[0].start == name_start + after.end():
            return ActorRef("state", owner[0].key) if owner[0].label == STATE else ActorRef("organisation", owner[0].key)
    record = ctx.lexicon.person_by_surface(name) if name else None
    if record is not None and record.posts:
        # a known person holds the office of the state or organisation the reference
        # data gives; an office the data does not give him ("minister Lavrov" for the
        # foreign minister) is left to his known posts
        known = [p.of for p in record.posts if p.office == office.key]
        return known[0] if known else None
    return _holder_in_context(ctx, office) or _office_organisation(ctx, office)


def holder_before(ctx: LetterContext, office) -> ActorRef | None:
    """The state or organisation named right before the office ("de Amerikaanse minister
    van Buitenlandse Zaken", "de NAVO-secretaris-generaal"), also before an office
    coordinated with it ("de Griekse premier en minister van Buitenlandse Zaken
    Papandreou") or a colleague ("Mijn Duitse collega, minister Struck"); else None."""
    first = next((o for o in ctx.in_span(max(0, office.start - 60), office.start, OFFICE)
                  if _AND_BETWEEN.fullmatch(ctx.text, o.end, office.start)), office)
    before = ctx.in_span(max(0, first.start - 30), first.start, DEMONYM, STATE, ORG)
    if before and (
        not ctx.text[before[-1].end : first.start].strip(" -")
        or (before[-1].label == DEMONYM and cue_regex(_COLLEAGUE_BETWEEN).fullmatch(ctx.text, before[-1].end, first.start))
    ):
        m = before[-1]
        return ActorRef("state", m.key) if m.label in (DEMONYM, STATE) else ActorRef("organisation", m.key)
    return None


def _office_organisation(ctx: LetterContext, office) -> ActorRef | None:
    """The one organisation that has the office (nkg:officeOf): "de Supreme Allied
    Commander Europe, generaal Wolters" holds NATO's post; not when the sentence names
    another organisation ("de secretaris-generaal Guterres ... de VN"): whose it is, the
    letter does not say."""
    record = ctx.lexicon.offices.get(office.key)
    if record is None or not record.organisation:
        return None
    sentence = ctx.sentence_at(office.start)
    if sentence is not None and any(m.key != record.organisation for m in ctx.in_span(sentence.start, sentence.end, ORG)):
        return None
    return ActorRef("organisation", record.organisation)


def is_former(ctx: LetterContext, office) -> bool:
    """'oud-premier Tymosjenko', 'de voormalige minister X': an office no longer held."""
    return bool(_FORMER.search(ctx.text, max(0, office.start - 12), office.start))


def _holder_in_context(ctx: LetterContext, office) -> ActorRef | None:
    """An office named without its state, in a sentence that names the state: the partner
    of the council met in ('de NAVO-Oekraïne Commissie, met minister Kozhara'), or the
    state whose statement the clause is ('Japan heeft aangegeven dat premier Ishiba ...')."""
    sentence = ctx.sentence_at(office.start)
    if sentence is None:
        return None
    councils = ctx.in_span(sentence.start, office.start, NAMED)
    if councils and _WITH_AFTER_COUNCIL.fullmatch(ctx.text, councils[-1].end, office.start):
        partners = {m.key for m in nested_actors(ctx, councils[-1]) if m.label in (STATE, DEMONYM)}
        if len(partners) == 1:
            return ActorRef("state", partners.pop())
    if _THAT_BEFORE.search(ctx.text, sentence.start, office.start):
        actors = ctx.in_span(sentence.start, office.start, STATE, ORG, DEMONYM)
        opening = ctx.text[sentence.start : actors[0].start].strip() if actors else None
        if len(actors) == 1 and actors[0].label == STATE and opening == "" and actors[0].key != NETHERLANDS.key:
            # (the letter's own state tells of others: "Nederland heeft aangegeven dat president X welkom is")
            return ActorRef("state", actors[0].key)
    return None


def presumed_dutch(ctx: LetterContext, office) -> bool:
    """A Dutch letter's unqualified cabinet or parliament office (nkg:branch) is presumed the Dutch one
    ("Minister-president Jetten", "de leden Paternotte en Piri"), unless the letter gives
    the person another post ("de Oekraïense minister van Defensie Oemerov ... minister
    Oemerov") or, for a cabinet office, its clause has named a place or a state abroad
    before it ("de bijeenkomst in Sharm-el-Sheikh ... tussen premier Sharon en president
    Abbas", "Oekraïne verzocht, in een brief van ... premier Timosjenko");
    an unqualified general or president is nobody's in particular."""
    record = ctx.lexicon.offices.get(office.key)
    branch = record.branch if record is not None else None
    if branch is None:
        return False
    if branch == "parliament":
        return True
    lo = _clause_start(ctx, office)
    if lo is None:
        return True
    for place in ctx.in_span(lo, office.start, CITY):
        city = ctx.lexicon.cities.get(place.key)
        if city is not None and city.country not in (None, NETHERLANDS.key):
            return False
    return not _states_abroad_before(ctx, office, lo)


def state_before(ctx: LetterContext, office) -> ActorRef | None:
    """The one state abroad an unqualified office's clause names before it, whose office it
    is ("Montenegro ... neemt met premier Marković als genodigde deel", "Oekraïne verzocht,
    in een brief van ... premier Timosjenko"); None if none or several."""
    lo = _clause_start(ctx, office)
    states = _states_abroad_before(ctx, office, lo) if lo is not None else set()
    return ActorRef("state", states.pop()) if len(states) == 1 else None


def _clause_start(ctx: LetterContext, office) -> int | None:
    sentence = ctx.sentence_at(office.start)
    if sentence is None:
        return None
    return max(sentence.start, max((ctx.text.rfind(p, sentence.start, office.start) + 1 for p in ";:"), default=0))


def _states_abroad_before(ctx: LetterContext, office, lo: int) -> set[str]:
    return {state.key for state in ctx.in_span(lo, office.start, STATE) if state.key != NETHERLANDS.key}


def nested_actors(ctx: LetterContext, office) -> list:
    """Actors written inside an office phrase ('Hoge Vertegenwoordiger van de Europese
    Unie'): the matcher keeps only the longest span, so match the inside again."""
    return [
        type(m)(m.start + office.start, m.end + office.start, m.label, m.key, m.text)
        for m in ctx.annotator.phrase_mentions(ctx.text[office.start : office.end])
        if m.label in (STATE, ORG, DEMONYM)
    ]


__all__ = ["holder_before", "is_former", "nested_actors", "post_holder", "presumed_dutch", "state_before"]
