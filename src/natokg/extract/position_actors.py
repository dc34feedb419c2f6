"""Who holds a position: the clause grammar of the holder (``actors_for``, described in
natokg.extract.positions) and who a person or an office named in a sentence speaks for
(``Spokesmen``).

A position is held by a state, an organisation or a group, not by the person who
voiced it: "Secretaris-generaal De Hoop Scheffer riep op" is NATO's call, "President
Sarkozy kondigde aan" France's, "Minister Serdjoekov bevestigde" Russia's. The persons
stage (natokg.extract.persons) has found the letter's persons, where they are named and
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
organisation whose post the office is in the reference data, else, for one holder of a
Dutch cabinet office ("De minister van Defensie heeft benadrukt"), the Netherlands. Dutch
office holders named by office alone are the government speaking (cue:government-speaker,
natokg.extract.phrases).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from natokg.extract.context import LetterContext
from natokg.extract.function_words import (
    ALLIES,
    FINITE_AUXILIARIES,
    ACTOR_RELATIVE_PRONOUNS,
    ARTICLES,
    NETHERLANDS,
    PARTICIPLE,
    PASSIVE_AUXILIARIES,
    PERFECT_AUXILIARIES,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    SUBJECT_PRONOUNS,
    member_marker,
)
from natokg.extract.actor_mentions import (
    ActorMention,
    co_actors,
    coordinated,
    governing_preposition,
    is_subject,
    passive_agent,
    unique,
)
from natokg.extract.phrases import Token
from natokg.folding import fold
from natokg.knowledge.cues import cue_word_set
from natokg.extract.posts import presumed_dutch
from natokg.extract.stage import PersonIndex
from natokg.records import ActorRef, Sentence
from natokg.text.nlp import DEMONYM, OFFICE, ORG, STATE

# what may stand between an office and the name after it ("Secretaris-Generaal  Stoltenberg")
_OFFICE_NAME_GLUE = " -\u00a0\n"


class Spokesmen:
    """The persons and bare offices of one letter as mentions of the actors they speak for."""

    def __init__(self, ctx: LetterContext, persons: PersonIndex | None) -> None:
        self.ctx = ctx
        self.persons = persons or PersonIndex()
        self.sole_holder = _sole_holders(ctx.lexicon)
        # the office a person is first named with in the letter: "Stoltenberg" after
        # "Secretaris-Generaal Stoltenberg" is the Secretary General, not Norway's premier
        self.titled: dict[str, str] = {}
        for start, end, person in self.persons.spans:
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
        for m in sorted(found, key=lambda m: m.first):  # in order: a name in apposition shares the preposition before it
            m.prep = governing_preposition(tokens, m.first, [x for x in merged if x.last < m.first])
        for first, last in owned:
            _owner_takes_office_role(tokens, merged, first, last)
        return merged

    def persons_in(self, sentence: Sentence) -> list[tuple[int, int, ActorRef | None]]:
        """(start, end, actor spoken for) of each person the sentence names, in order."""
        return [(start, end, self._person_actor(start, end, person))
                for start, end, person in self.persons.within(sentence.start, sentence.end)]

    def _person_actor(self, start: int, end: int, person) -> ActorRef | None:
        """Whom the person at [start, end) speaks for: the post of the office before the
        name, else of the office the letter first names them with, else their own."""
        title = self._office_of(start, end)
        return self._post_actor(person, title[1] if title else self.titled.get(person.key))

    def _speakers(self, sentence: Sentence) -> list[tuple[int, int, ActorRef | None]]:
        """(start, end, actor) in normalised offsets of each person and bare office; actor
        None for an office whose holder the text may name after it."""
        ctx = self.ctx
        offices = ctx.in_span(sentence.start, sentence.end, OFFICE)
        speakers = []
        named_offices = set()
        for start, end, person in self.persons.within(sentence.start, sentence.end):
            actor = self._person_actor(start, end, person)
            office = next((o for o in reversed(offices) if _titles(ctx.text, o, start, end)), None)
            if office is not None:
                named_offices.add(id(office))
                demonym = self._demonym_before(office)
                start = min(start, demonym.start if demonym is not None else office.start)
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
        holder = self.persons.by_key.get(person.key)
        posts = holder.posts if holder is not None else []
        if office is not None:
            meant = [p.of for p in posts if p.office == office]
            if meant:
                return meant[0]
        actors = {p.of for p in posts}
        return actors.pop() if len(actors) == 1 else None

    def _office_actor(self, office) -> tuple[int, ActorRef] | None:
        """Where the mention of an office named without a name starts and the actor it
        speaks for: the state of the demonym right before it, else its one holder in the
        reference data, else the Netherlands for one holder of a Dutch cabinet office
        that names no owner after it."""
        demonym = self._demonym_before(office)
        if demonym is not None:
            return demonym.start, ActorRef("state", demonym.key)
        holder = self.sole_holder.get(office.key)
        if holder is not None:
            return office.start, holder
        record = self.ctx.lexicon.offices.get(office.key)
        # "De minister van Defensie heeft benadrukt": one holder of a Dutch cabinet office,
        # not "de ministers van Defensie", nor "de minister van Defensie van Estland"
        if (
            record is not None
            and fold(office.text).split()[:1] == fold(record.name_nl).split()[:1]
            and not self._owner_after(office)
            and presumed_dutch(self.ctx, office)
        ):
            return office.start, NETHERLANDS
        return None

    def _owner_after(self, office) -> bool:
        """A state or organisation named right after the office ("van Estland")."""
        ctx = self.ctx
        after = _OF_OWNER.match(ctx.text, office.end)
        return after is not None and any(m.start == after.end() for m in ctx.in_span(after.end(), after.end() + 60, STATE, ORG))

    def _demonym_before(self, office):
        """The demonym or state name right before an office ("de Russische minister")."""
        ctx = self.ctx
        before = ctx.in_span(max(0, office.start - 30), office.start, DEMONYM, STATE)
        if before and not ctx.text[before[-1].end : office.start].strip(" -"):
            return before[-1]
        return None


_OF_OWNER = re.compile(r"\s+van\s+(?:de\s+|het\s+)?")


def host_mentions(tokens: Sequence[Token], host: ActorRef | None, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """"De gastheer zal aandacht vragen voor ...": the host noun (cue:host-noun) as a
    mention of the main meeting's host state, where no other actor is named on it."""
    if host is None:
        return []
    taken = {k for m in mentions for k in range(m.first, m.last + 1)}
    nouns = cue_word_set("host-noun")
    return [
        ActorMention(host, k, k, tokens[k - 1].norm if k and tokens[k - 1].norm in PREPOSITIONS else None)
        for k, token in enumerate(tokens)
        if token.norm in nouns and k not in taken and (k + 1 >= len(tokens) or tokens[k + 1].norm != "van")
    ]  # not "de gastheer van de volgende top"


@lru_cache(maxsize=4)
def _sole_holders(lexicon) -> dict[str, ActorRef]:
    """The offices every post of which belongs to one actor ("Secretaris-Generaal": NATO)."""
    holders: dict[str, set[ActorRef]] = {}
    for post in lexicon.posts.values():
        holders.setdefault(post.office, set()).add(post.of)
    return {office: next(iter(of)) for office, of in holders.items() if len(of) == 1}


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



# ---------------------------------------------------------------- clause grammar of the holder

# Function words: grammar, not domain knowledge.
SUBORDINATORS = frozenset("dat om omdat zodat indien als zoals".split())
# subordinators of an adverbial clause: a comma after it before the verb closes it
# ("Nederland heeft, nadat Rusland Oekraïne was binnengevallen, gepleit voor ...")
ADVERBIAL_SUBORDINATORS = frozenset("terwijl hoewel aangezien nadat zolang wanneer".split())


def actors_for(
    tokens, mentions, clause_lo, stance_match, scope_end, previous, default_actor, stated_before, collective=ALLIES
) -> list[ActorRef]:
    """Who holds the stance of ``stance_match``: the subject before the verb (with the
    actors coordinated with it or added by an aside), an inverted subject after it, the
    agent of a passive (else the allies), the previous verb's actors when the subject is
    shared, else the letter's default actor (see natokg.extract.positions); ``collective``:
    the meeting's delegations as one body (the allies)."""
    verb = stance_match.first
    # a semicolon ends a main clause: "... wordt geëvalueerd; het kabinet zal ... onderstrepen"
    clause_lo = max([clause_lo] + [k + 1 for k in range(clause_lo, verb) if tokens[k].norm == ";"])
    # a verb inside a "dat"/"om" clause has that clause's subject
    aside = _relative_aside(tokens, mentions, clause_lo, verb)
    subordinate = max(
        (k for k in range(clause_lo, verb) if k not in aside and _opens_subordinate(tokens, k, clause_lo, verb)),
        default=None,
    )
    lo = clause_lo if subordinate is None else subordinate + 1
    if subordinate is None and tokens[clause_lo].norm in ADVERBIAL_SUBORDINATORS:
        # "Terwijl Duitsland aarzelt, pleit Nederland voor ...": the main clause after the comma
        lo = max((k + 1 for k in range(clause_lo, verb) if tokens[k].norm == ","), default=clause_lo)
    if subordinate == clause_lo and tokens[verb - 1].norm == "," and any(
        m.first in (verb + 1, verb + 2) and m.prep is None for m in mentions
    ):
        # "Dat steeds meer bondgenoten meebetalen, juicht het kabinet toe": a clause fronted
        # before the main verb, whose subject follows it (not "Omdat Duitsland, ondanks de
        # kritiek, pleit voor ...": the fronted clause's own verb)
        lo, subordinate = verb, None
    # a passive of the main clause ("De NRF werd besproken, omdat X ... niet kon
    # instemmen") is not the subordinate verb's
    # "..., dat X moet worden, en kondigde aan ...": a passive before ", en" is another clause's
    own = max([lo] + [k + 1 for k in range(lo + 1, verb) if tokens[k].norm == "en" and tokens[k - 1].norm == ","])
    passive = _passive(tokens, own, stance_match.last)
    if passive:
        agents = passive_agent(tokens, mentions, lo, stance_match.last + 3)
        if agents:
            return agents
        # a group named without a preposition ("wordt binnen de EU breed gedeeld") holds
        # it; a state or organisation there is what the stance is about ("Ook werd het
        # belang onderstreept van de opbouw van de Afghaanse politie ... EU"): the allies
        bare = [m for m in mentions if m.prep is None and m.actor.kind == "group" and lo <= m.first < scope_end]
        return [bare[0].actor] if bare else [collective]
    named_after = _inverted_subject(tokens, mentions, lo, stance_match)
    if named_after is not None:
        # "Naast Oekraïne pleit Nederland ervoor": the name the stance form holds after its
        # verb; co-actors may come first ("Samen met België en Luxemburg pleit Nederland")
        fronted = [c for m in co_actors(tokens, mentions, lo, verb) for c in coordinated(m, mentions, tokens)]
        extra = co_actors(tokens, mentions, named_after.last + 1, scope_end) + fronted
        return unique([m.actor for m in coordinated(named_after, mentions, tokens)] + [m.actor for m in extra])
    if previous and _participle_after_en(tokens, clause_lo, verb):
        # "heb ik het geweld veroordeeld en de Oekraïense regering opgeroepen ...": the
        # auxiliary before "en" serves both participles; the name between is the object
        return unique(previous + [m.actor for m in co_actors(tokens, mentions, verb, scope_end)])
    if verb > 1 and (tokens[verb - 1].norm == "en" or _after_en_auxiliary(tokens, clause_lo, verb)):
        # "X betreurde dat ... en riep Y op": a verb right after "en" shares the main
        # clause's subject (a new subject would stand between "en" and the verb)
        shared = _main_subject(tokens, mentions, clause_lo, verb)
        if shared is not None:
            extra = co_actors(tokens, mentions, verb, scope_end)
            return unique([m.actor for m in coordinated(shared, mentions, tokens)] + [m.actor for m in extra])
        if previous:
            # "Canada dankte de bondgenoten ... en riep op tot": the previous verb's
            # subject, not its object
            return unique(previous + [m.actor for m in co_actors(tokens, mentions, verb, scope_end)])
    # the subordinator itself reads as the mention's preposition ("zoals Nederland had bepleit")
    before = [
        m for m in mentions if lo <= m.first < verb and (is_subject(m) or (m.first == lo and subordinate is not None))
    ]
    if not before and subordinate is not None and tokens[subordinate].norm == "dat":
        # "Rusland, dat zich fel tegen een MAP verzet": a relative clause without a subject
        # of its own is said of the subject before its comma (not of a name after a
        # preposition: "de rol van China, dat ... ondersteunt" describes China)
        before = [m for m in mentions if m.last == subordinate - 2 and m.prep is None and tokens[m.last + 1].norm == ","]
    if not before and subordinate is not None and tokens[lo].norm in SUBJECT_PRONOUNS:
        # "Duitsland liet weten dat zij ... steunde": the pronoun is the main clause's subject
        shared = _main_subject(tokens, mentions, clause_lo, verb)
        before = [shared] if shared is not None else []
    if before:
        subject = before[0]
        chain = coordinated(subject, mentions, tokens)
    elif previous:
        extra = _partners_aside(tokens, mentions, lo, verb) + co_actors(tokens, mentions, verb, scope_end)
        return unique(previous + [m.actor for m in extra])
    else:
        if lo == verb - 1 and tokens[lo].norm in SUBJECT_PRONOUNS:
            # "Zij riepen Oekraïne op": who held the previous sentence's stance, else for "zij"
            # the meeting's delegations; the name after the verb is the object, never the subject
            plural = tokens[lo].norm in ("zij", "ze") and tokens[verb].norm.endswith("en")  # not "zij riep" (she)
            return list(stated_before) or ([collective] if plural else [])
        inverted = [m for m in mentions if verb < m.first <= verb + 3 and m.prep is None]
        inverted = inverted or [
            m for m in mentions if stance_match.last < m.first <= stance_match.last + 2 and m.prep in (None, "onder", "door")
        ]
        if _noun_phrase_subject(tokens, lo, verb):
            inverted = [m for m in inverted if m.prep == "door"]
        if not inverted:
            if subordinate is not None:
                return []  # "om te bevestigen dat het bondgenootschap zal blijven streven": no actor
            if fold(stance_match.phrase.form) in cue_word_set("agenda-item-stance"):
                # "In dit kader staat ook X centraal" goes on with the previous sentence's
                # actors; "Hierbij staan X en Y centraal" after none is the meeting's agenda
                return list(stated_before)
            return unique([default_actor] + [m.actor for m in co_actors(tokens, mentions, verb, scope_end)])
        subject = inverted[0]
        chain = coordinated(subject, mentions, tokens)
    aside = _partners_aside(tokens, mentions, chain[-1].last + 1, chain[-1].last + 3)
    extra = co_actors(tokens, mentions, subject.last + 1, scope_end) + aside + _members_after_phrase(tokens, mentions, chain[-1], verb)
    return unique([m.actor for m in chain] + [m.actor for m in extra])


def _after_en_auxiliary(tokens, lo: int, verb: int) -> bool:
    """'Nederland heeft zich ingezet voor X en heeft bondgenoten opgeroepen': a participle
    whose auxiliary stands right after "en" shares the subject before "en" (a new subject
    would stand between them); the name after the auxiliary is its object."""
    k = next((k for k in range(verb - 1, lo, -1) if tokens[k].norm == "en"), None)
    return k is not None and k + 1 < verb and tokens[k + 1].norm in FINITE_AUXILIARIES


def _participle_after_en(tokens, lo: int, verb: int) -> bool:
    """'heb ik X veroordeeld en Y opgeroepen': a participle after "en" with no finite verb
    of its own between, where the clause before "en" has a perfect auxiliary."""
    k = next((k for k in range(verb - 1, max(lo - 2, -1), -1) if tokens[k].norm == "en"), None)
    if k is None or not PARTICIPLE.match(tokens[verb].norm):
        return False
    if k + 1 < len(tokens) and tokens[k + 1].norm in RELATIVE_PRONOUNS:
        return False  # "... en dat Frankrijk Rusland opgeroepen heeft": a clause of its own
    if any(tokens[j].norm in FINITE_AUXILIARIES or tokens[j].norm in (",", ";", ":") for j in range(k + 1, verb)):
        return False
    start = max((j + 1 for j in range(k) if tokens[j].norm in (";", ":")), default=0)
    return any(tokens[j].norm in PERFECT_AUXILIARIES for j in range(start, k))


def _inverted_subject(tokens, mentions, lo: int, stance_match) -> ActorMention | None:
    """The name a stance form holds right after its finite verb, when no subject opens the
    clause before the verb ("Nederland riep Oekraïne op", "Het voorzitterschap riep
    Oekraïne op": Oekraïne is the object)."""
    named = next((m for m in mentions if m.first == stance_match.inverted), None) if stance_match.inverted >= 0 else None
    verb = stance_match.first
    if verb > 0 and tokens[verb - 1].norm == "en":
        return None  # "... en riep Rusland op": the subject before "en" goes on, Russia is the object
    opener = _noun_phrase_subject(tokens, lo, verb) or (verb > lo and tokens[verb - 1].norm in SUBJECT_PRONOUNS) or any(
        m.prep is None and m.last == verb - 1 and all(tokens[k].norm in ARTICLES for k in range(lo, m.first))
        for m in mentions
    )
    return None if named is None or opener else named


def _relative_aside(tokens, mentions, lo: int, verb: int) -> set[int]:
    """The tokens of relative clauses between commas after an actor ("Nederland, dat het
    initiatief heeft genomen, steunde ..."): their "dat" opens no subordinate clause of
    the verb, so the actor before them stays its subject."""
    aside: set[int] = set()
    for m in mentions:
        k = m.last + 1
        if not (lo <= m.first and k + 1 < verb and tokens[k].norm == "," and tokens[k + 1].norm in RELATIVE_PRONOUNS):
            continue
        close = next((j for j in range(k + 2, verb) if tokens[j].norm == ","), None)
        if close is not None:
            aside.update(range(k, close + 1))
    return aside


def _noun_phrase_subject(tokens, lo: int, verb: int) -> bool:
    """Whether the clause opens with a short noun phrase that names no actor before the
    verb ("Het nieuwe Strategisch Concept benoemt Rusland als ..."): then that phrase is
    the subject and an actor after the verb is its object, not an inverted subject."""
    words = [tokens[k].norm for k in range(lo, verb)]
    return (
        0 < len(words) <= 5 and words[0] in ("de", "het")
        and not any(w == "," or w[0].isdigit() for w in words)
    )


def _passive(tokens, lo: int, last: int) -> bool:
    """Whether a passive auxiliary in [lo, last] belongs to the stance verb: one inside a
    relative clause ("de verklaring die in Warschau wordt ondertekend en zal erop
    aandringen") belongs to that clause's verb; the clause ends at "en" or a comma."""
    relative = False
    for k in range(lo, last + 1):
        norm = tokens[k].norm
        if norm in ACTOR_RELATIVE_PRONOUNS and k > lo and tokens[k - 1].norm not in PREPOSITIONS:
            relative = True
        elif norm in ("en", ","):
            relative = False
        elif norm in PASSIVE_AUXILIARIES and not relative:
            return True
    return False


def _opens_subordinate(tokens, k: int, clause_lo: int, verb: int) -> bool:
    """Whether token k opens a subordinate clause. "dat" after a preposition ("In dat
    licht") is a demonstrative; "als" after "zowel" ("zowel in Praag als in bilaterale
    contacten") coordinates; a short "zoals" aside between commas ("heeft, zoals
    voorgenomen, erop aangedrongen") leaves the main clause going on."""
    norm = tokens[k].norm
    if norm in ADVERBIAL_SUBORDINATORS:
        return not any(tokens[j].norm == "," for j in range(k + 1, verb))
    if norm not in SUBORDINATORS or (k and tokens[k - 1].norm in PREPOSITIONS):
        return False
    if norm == "zoals" and any(tokens[j].norm == "," for j in range(k + 1, min(k + 4, len(tokens)))):
        return False
    return not (norm == "als" and any(tokens[j].norm == "zowel" for j in range(clause_lo, k)))


def _members_after_phrase(tokens, mentions, group, verb: int) -> list:
    """"De bondgenoten aan de oostflank, waaronder Polen en de Baltische staten, bepleiten",
    "enkele andere bondgenoten die geen lid zijn van de EU, waaronder Noorwegen": the
    members a group names after a phrase of its own, before the verb, hold the position
    too; not the members of another plural noun in that phrase ("in de landen van de Sahel,
    waaronder Mali")."""
    if group.actor.kind != "group":
        return []
    k = next((k for k in range(group.last + 1, min(verb, group.last + 12)) if member_marker(tokens, k)), None)
    if k is None or tokens[k - 1].norm != "," or any(tokens[j].norm in (",", ";", ":") for j in range(group.last + 1, k - 1)):
        return []
    nouns = cue_word_set("allies-delegation-noun")
    if any(tokens[j].norm in nouns for j in range(group.last + 1, k)):
        return []  # "De bondgenoten met troepen in de landen van de Sahel, waaronder Mali": the countries' members
    j = k + member_marker(tokens, k)
    while j < verb and tokens[j].norm in ARTICLES:
        j += 1  # "onder wie de Verenigde Staten"
    first = next((m for m in mentions if m.first == j and m.last < verb), None)
    return coordinated(first, mentions, tokens) if first is not None else []


def _partners_aside(tokens, mentions, lo: int, hi: int) -> list:
    """"Nederland heeft, met (onder meer) Frankrijk en Duitsland, benadrukt": the actors
    of an aside opened by ", met" in [lo, hi) (right after the subject or its auxiliary,
    or before a verb that shares an earlier subject: "steunde X, maar had, met enkele
    andere bondgenoten, aangedrongen op ...") hold the position too."""
    k = next(
        (k for k in range(lo, min(hi, len(tokens) - 1)) if tokens[k].norm == "," and tokens[k + 1].norm == "met"),
        None,
    )
    if k is None:
        return []
    first = next((m for m in mentions if k + 2 <= m.first <= k + 4), None)
    return coordinated(first, mentions, tokens) if first is not None else []


def _main_subject(tokens, mentions, lo: int, verb: int):
    """The subject of the clause that a subordinate clause in [lo, verb) hangs from:
    the first subject mention before the first "dat"/"om", if a subordinate clause
    follows it; None otherwise."""
    subordinate = next((k for k in range(lo, verb) if _opens_subordinate(tokens, k, lo, verb)), None)
    if subordinate is None:
        return None
    return next((m for m in mentions if lo <= m.first < subordinate and is_subject(m)), None)


__all__ = ["Spokesmen", "actors_for", "host_mentions"]
