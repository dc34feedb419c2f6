"""Persons with their posts and the letter's signatories.

A name next to an office word ("de Oekraïense minister van Buitenlandse Zaken Andrii
Sybiha", "Minister-president Jetten", "de leden Paternotte en Piri", "de president X
van Y", "de premier van Montenegro, Duško Marković,", a signature block "De minister van
Defensie, / <name>"; a title before the name, "Drs.", is not part of it:
ontology/reference/honorifics.ttl), or a person the reference data knows by name or short
form ("Sybiha"). The post belongs to the state of the demonym before the office, else the
organisation or state named inside or after it, else - a Dutch government letter - to the
Netherlands. One person across short and full forms: the lexicon's short forms, and within
the letter a surname that ends an earlier full name, also standing alone ("Ivanov
verwelkomde ...").
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from natokg.extract.context import LetterContext
from natokg.extract.function_words import NETHERLANDS
from natokg.extract.posts import holder_before, is_former, post_holder, presumed_dutch, state_before
from natokg.extract.stage import Found, PersonIndex
from natokg.folding import fold
from natokg.knowledge.cues import cue_regex, cue_word_set
from natokg.knowledge.lexicon import honorific_forms
from natokg.namespaces import slugify
from natokg.records import ActorRef, Person, PostRef
from natokg.text.nlp import CITY, DEMONYM, GROUP, KIND, NAMED, OFFICE, ORG, PERSON, STATE

# Name grammar: initials, capitalised words and the particles inside Dutch names.
_PARTICLES = {"van", "de", "der", "den", "ten", "ter", "te", "la", "le", "von", "bin", "al", "el", "da", "di", "du"}
# function words never start a name; the domain words that never do are cue:not-a-name
_NOT_NAMES = {
    "de", "het", "een", "dit", "deze", "die", "dat", "op", "in", "uw", "zijn", "zal", "is", "en",
    "heeft", "hebben",
}  # fmt: skip
# initials may have two letters ("A.Th.B. Bijleveld-Schouten", "Chr.")
_NAME_TOKEN = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][a-z]{0,2}\.)+|[A-ZÀ-ÖØ-ÞĞŞİĐČĆŠŽŁŚŹŻŃŘŤĎŇĽŐŰĀĒĪŪ][\wÀ-ÿğışçöüéèëïäå'’]+")
# The cue words are in ontology/extraction-cues.ttl (cue_regex fills {cue:slug}); the
# grammar around them is here.
# An office phrase ending in a plural ("Kamerleden" too) is followed by several names.
_PLURAL_OFFICE = r"(?:{cue:plural-office})$"
_ANSWERED_BY = r"\s*(?:{cue:answered-by})\s+(?:de\s+)?"  # from the sentence's start to the office


def _name_after(ctx: LetterContext, offset: int, limit: int) -> list[tuple[int, int]]:
    """Name spans right after ``offset`` (before ``limit``): "Andrii Sybiha", or
    "Paternotte en Piri" as two spans."""
    names: list[tuple[int, int]] = []
    position = offset
    while True:
        gap = re.match(r"[ \t\n]*", ctx.text[position:limit])
        cursor = position + gap.end()
        if "\n\n\n" in gap.group():
            break
        # titles before the name ("Drs. K.H. Ollongren", "Prof. dr. X") are not the name
        title = _title_at(ctx.text, cursor, limit)
        while title:
            cursor += title
            title = _title_at(ctx.text, cursor, limit)
        start = end = cursor
        words = 0
        while cursor < limit:
            token = _NAME_TOKEN.match(ctx.text, cursor, limit)
            if token is None:
                particle = re.match(r"(\w+)\s+", ctx.text[cursor:limit])
                if particle and particle.group(1) in _PARTICLES and words and not _names_actor(ctx, cursor + particle.end()):
                    cursor += particle.end()
                    continue
                break
            if not _name_word(ctx, token) and not _capitalised_particle(ctx, token, limit):
                break
            end = token.end()
            words += 1
            cursor = end
            hyphen = re.match(r"-(?=[A-ZÀ-Þ])", ctx.text[cursor:limit])
            if hyphen:
                cursor += 1
                continue
            space = re.match(r" |\n(?=\S)", ctx.text[cursor:limit])
            if space is None:
                break
            cursor += space.end()
        if words == 0:
            break
        # a name the reference data knows is read whole ("Ban Ki-moon")
        known = [m.end for m in ctx.in_span(start, limit, PERSON) if m.start == start and m.end > end]
        end = max(known, default=end)
        names.append((start, end))
        joiner = re.match(r"\s+en\s+", ctx.text[end:limit])
        if joiner is None:
            break
        position = end + joiner.end()
    return names


def _title_at(text: str, cursor: int, limit: int) -> int:
    """The length of a title or form of address at ``cursor`` with the space after it
    ("Drs. ", "de heer "; honorifics.ttl), or 0."""
    first = re.match(r"(\S+)[ \t]+", text[cursor:limit])
    if first is None:
        return 0
    second = re.match(r"(\S+)[ \t]+", text[cursor + first.end() : limit])
    if second is not None and fold(f"{first.group(1)} {second.group(1)}") in honorific_forms():
        return first.end() + second.end()  # "de heer "
    return first.end() if fold(first.group(1)) in honorific_forms() else 0  # "Drs. "


def _names_actor(ctx: LetterContext, offset: int) -> bool:
    """A state or organisation starts at ``offset``: "Ardern van Nieuw-Zeeland" ends
    the name before "van"."""
    return any(m.start == offset for m in ctx.in_span(offset, offset + 60, STATE, ORG))


def _name_word(ctx: LetterContext, token: re.Match) -> bool:
    """Whether a capitalised word can be part of a name: not a function word, cue word
    or another kind of name, unless the reference data knows it as a person's name
    ("premier Albanese", also the Dutch demonym of Albania)."""
    word = fold(token.group())
    if word in _NOT_NAMES or word in cue_word_set("not-a-name"):
        return False
    if ctx.in_span(token.start(), token.end(), PERSON):
        return True
    if ctx.in_span(token.start(), token.end(), STATE, ORG, CITY, GROUP, KIND, NAMED, OFFICE, DEMONYM):
        return False
    # the first part of a longer name of a state or place ("Noord" of "Noord-Macedonië")
    return not any(m.start == token.start() for m in ctx.in_span(token.start(), token.start() + 60, STATE, ORG, CITY))


def _capitalised_particle(ctx: LetterContext, token: re.Match, limit: int) -> bool:
    """"De" or "Van" written with a capital before a surname ("Minister De Vries"), which
    the function-word test would refuse."""
    word = token.group()
    if not word[0].isupper() or word.lower() not in _PARTICLES:
        return False
    following = _NAME_TOKEN.match(ctx.text, token.end() + 1, limit) if ctx.text[token.end() : token.end() + 1] == " " else None
    return following is not None and (following.group().lower() in _PARTICLES or _name_word(ctx, following))


class _Persons:
    def __init__(self, ctx: LetterContext) -> None:
        self.ctx = ctx
        self.by_key: dict[str, Person] = {}
        self.spans: list[tuple[int, int, ActorRef]] = []
        self.presumed: dict[str, set[PostRef]] = {}  # person key -> posts presumed Dutch (posts.presumed_dutch)

    def resolve(self, name: str) -> tuple[str, str]:
        """(key, fullest name) of a name: the lexicon's person, an earlier full name
        ending in this surname, else the slug of the name."""
        record = self.ctx.lexicon.person_by_surface(name)
        if record is not None:
            return record.key, record.full_name
        surname = slugify(name.split()[-1]) if name.split() else ""
        for person in self.by_key.values():
            if slugify(person.name).endswith(surname) and surname and len(name) < len(person.name):
                return person.key, person.name
        return slugify(name), name

    def add(self, name: str, start: int, end: int, post: PostRef | None, presumed: bool = False) -> Person:
        """A mention of a person; ``presumed``: ``post`` is only presumed Dutch."""
        key, full = self.resolve(name)
        person = self.by_key.get(key)
        if person is None:
            person = self.by_key[key] = Person(key=key, name=full)
            record = self.ctx.lexicon.persons.get(key)
            if record is not None:
                # the posts held on the letter's date ("Rutte": prime minister in 2021)
                person.posts.extend(p for p in record.posts_held(self.ctx.reference) if p not in person.posts)
        if len(full) > len(person.name):
            person.name = full
        if post is not None and presumed:
            self.presumed.setdefault(key, set()).add(post)
        elif post is not None:
            self.presumed.get(key, set()).discard(post)  # another mention says it outright
        if post is not None and post not in person.posts:
            person.posts.append(post)
        self.ctx.evidence_lists.add(person.evidence, self.ctx.evidence(start, end))
        self.spans.append((start, end, ActorRef("person", key)))
        return person


class _Covered:
    """Whether an offset lies in one of some spans, by a bisect over their starts and the
    furthest end reached so far (a scan of every span per offset is quadratic)."""

    def __init__(self, spans) -> None:
        ordered = sorted((a, b) for a, b, *_ in spans)
        self._starts = [a for a, _ in ordered]
        self._reach = list(accumulate((b for _, b in ordered), max))

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset)
        return i > 0 and offset < self._reach[i - 1]


def extract_persons(ctx: LetterContext, found: Found) -> PersonIndex:
    persons = _Persons(ctx)
    signatories: list[str] = []
    signature_spans: list[tuple[int, int]] = []
    for start, end in sorted({(s.start, s.end) for s in ctx.seg.signature}):
        if signature_spans and start <= signature_spans[-1][1]:
            signature_spans[-1] = (signature_spans[-1][0], max(end, signature_spans[-1][1]))
        else:
            signature_spans.append((start, end))
    for start, end in signature_spans:
        offices = ctx.in_span(start, end, OFFICE)
        names = []
        for line in re.finditer(r"[^\n]+", ctx.text[start:end]):
            a, b = start + line.start(), start + line.end()
            if ctx.in_span(a, b, OFFICE) or not line.group().strip():
                continue
            found = _name_after(ctx, a, b)
            names += found[:1]
        offices = [o for i, o in enumerate(offices) if o.key not in {x.key for x in offices[:i]}]
        for i, (a, b) in enumerate(names):
            office = offices[min(i, len(offices) - 1)] if offices else None
            post = PostRef(office.key, NETHERLANDS) if office else None
            person = persons.add(ctx.text[a:b], a, b, post)
            if person.key not in signatories:
                signatories.append(person.key)
    # before the offices: "Minister Haavisto" after "hun Finse ... collega's Pekka Haavisto" is the Finn
    writers = {o.key for a, b in signature_spans for o in ctx.in_span(a, b, OFFICE)} & _COUNTERPART_OFFICES
    _counterparts(ctx, persons, writers.pop() if len(writers) == 1 else None)
    for office in (m for m in ctx.mentions if m.label == OFFICE):
        if any(a <= office.start < b for a, b in signature_spans) or ctx.part_at(office.start) == "header":
            continue
        sentence = ctx.sentence_at(office.start)
        if sentence is None and ctx.part_at(office.start) == "memo":
            continue  # the memo's routing block ("Aan / Minister van ... / Van / Directeur ..."): no names
        limit = sentence.end if sentence else min(len(ctx.text), office.end + 80)
        names = _name_after(ctx, office.end, limit)
        owner = None
        if not names:
            # "de Italiaanse minister van Defensie, de heer Martino": the name in apposition
            # (an abbreviation in parentheses between: "de Supreme Allied Commander Europe (SACEUR), generaal Breedlove")
            apposition = re.match(r"(?:\s*\([^()\n]{1,20}\))?,[ \t\n]+", ctx.text[office.end : limit])
            if apposition and _title_at(ctx.text, office.end + apposition.end(), limit):
                names = _name_after(ctx, office.end + apposition.end(), limit)[:1]
            elif apposition:
                # "de Supreme Allied Commander Europe, generaal Wolters,": a rank, then the name
                # closed by a comma or the sentence's end
                rank = cue_regex(_RANK).match(ctx.text, office.end + apposition.end(), limit)
                if rank is not None:
                    names = _name_after(ctx, rank.end(), limit)[:1]
                elif holder_before(ctx, office) is not None:
                    # "de Amerikaanse minister van Buitenlandse Zaken, Colin Powell, ...": the
                    # name itself, after an office whose state the letter names before it
                    names = _name_after(ctx, office.end + apposition.end(), limit)[:1]
                if names and not _APPOSITION_ENDS.match(ctx.text, names[0][1], limit + 1):
                    names = []
        if not names:
            names, owner = _named_after_owner(ctx, office, limit)
        if not names:
            continue
        plural = cue_regex(_PLURAL_OFFICE).search(office.text)
        if plural and len(names) < 2:
            continue  # a plural office names several persons ("de leden X en Y"), never one
        if len(names) > 1 and not plural:
            names = names[:1]
        if is_former(ctx, office):
            for a, b in names:
                persons.add(ctx.text[a:b], a, b, None)
            continue
        holder = owner or post_holder(ctx, office, names[-1][1], limit, ctx.text[names[0][0] : names[0][1]])
        unknown = holder is None and ctx.lexicon.person_by_surface(ctx.text[names[0][0] : names[0][1]]) is None
        presumed = unknown and presumed_dutch(ctx, office)
        holder = NETHERLANDS if presumed else (state_before(ctx, office) if unknown else holder)
        for a, b in names:
            person = persons.add(ctx.text[a:b], a, b, PostRef(office.key, holder) if holder else None, presumed)
            if not signature_spans and sentence is not None and person.key not in signatories and (
                    cue_regex(_ANSWERED_BY).fullmatch(ctx.text, sentence.start, office.start)):
                signatories.append(person.key)  # "Antwoord van Minister Brekelmans (Defensie)"
    named = _Covered(persons.spans)
    reach = -1  # the furthest end of the names added here (the mentions come sorted by start)
    for m in ctx.mentions:
        if m.label == PERSON and ctx.part_at(m.start) != "header" and m.start >= reach and not named.covers(m.start):
            persons.add(m.text, m.start, m.end, None)
            reach = max(reach, m.end)
    _surnames_again(ctx, persons)
    for key, presumed in persons.presumed.items():
        person = persons.by_key[key]
        if any(p.of != NETHERLANDS for p in person.posts):
            # the letter gives the person another state's post: the Dutch ones were presumed
            person.posts[:] = [p for p in person.posts if p not in presumed]
    return PersonIndex(list(persons.by_key.values()), sorted(persons.spans, key=lambda s: s[:2]), signatories)


_RANK = r"(?:{cue:military-rank})\s+"
_OF_OWNER = re.compile(r"\s+van\s+(?:de\s+|het\s+)?")
_APPOSITION = re.compile(r",[ \t\n]+")
_APPOSITION_ENDS = re.compile(r"\s*[,.;)]")


def _named_after_owner(ctx: LetterContext, office, limit: int) -> tuple[list[tuple[int, int]], ActorRef | None]:
    """"de premier van Montenegro, Duško Marković, ...": the name in apposition after the
    office and the state or organisation it is of, closed by a comma or the sentence's end;
    ([], None) otherwise."""
    of = _OF_OWNER.match(ctx.text, office.end, limit)
    if of is None:
        return [], None
    owner = next((m for m in ctx.in_span(of.end(), min(limit, of.end() + 60), STATE, ORG) if m.start == of.end()), None)
    comma = _APPOSITION.match(ctx.text, owner.end, limit) if owner is not None else None
    if comma is None:
        return [], None
    names = _name_after(ctx, comma.end(), limit)[:1]
    if not names or not _APPOSITION_ENDS.match(ctx.text, names[0][1], limit + 1):
        return [], None
    return names, ActorRef("state" if owner.label == STATE else "organisation", owner.key)


# a minister writing of "mijn Duitse ambtgenoot Struck" means the German minister of the
# same portfolio; other writers' counterparts hold offices the letter does not say
_COUNTERPART_OFFICES = frozenset(["minister-of-foreign-affairs", "minister-of-defence"])
# "de ministers van Defensie van elf landen ... met hun Oekraïense collega Reznikov": theirs
_PORTFOLIO_GROUPS = (("minister-of-defence", "{cue:defence-ministers-group}"),
                     ("minister-of-foreign-affairs", "{cue:foreign-ministers-group}"))
_COUNTERPART = r"\b(?:{cue:counterpart-noun})\s+"
_DEMONYM_JOIN = re.compile(r"\s*(?:,|en)\s+")
_GROUP_REACH = 320  # characters before the demonyms where the ones they are colleagues of stand
_WRITERS = r"\b(?:mijn|onze)\s+$"  # "mijn Duitse ambtgenoot": the writer's counterpart
_MINISTERS = r"\b(?:{cue:ministers-noun})\b"  # "spraken de ministers met hun Finse ... collega's"


def _counterparts(ctx: LetterContext, persons: _Persons, writer: str | None) -> None:
    """"Mijn Duitse ambtgenoot Struck", "hun Finse en Zweedse collega's Pekka Haavisto en
    Ann Linde": counterparts of the demonyms' states, one name per demonym in order,
    holding the office of the ministers the sentence names shortly before them, else after
    "mijn" the writer's (``writer``, when the letter's signatories hold one minister's
    office); "hun Oekraïense collega" of leaders holds no office the letter says."""
    covered = _Covered(persons.spans)
    for cue in cue_regex(_COUNTERPART).finditer(ctx.text):
        sentence = ctx.sentence_at(cue.start())
        if sentence is None or covered.covers(cue.end()):
            continue
        demonyms = [m for m in ctx.in_span(max(sentence.start, cue.start() - 80), cue.start(), DEMONYM)]
        chain, end = [], cue.start()
        for m in reversed(demonyms):
            between = ctx.text[m.end : end]
            # the last demonym right before the noun, the others joined by "," or "en"
            if (between.strip() if not chain else not _DEMONYM_JOIN.fullmatch(between)):
                break
            chain.insert(0, m)
            end = m.start
        names = _name_after(ctx, cue.end(), sentence.end) if chain else []
        if not chain or len(names) != len(chain):
            continue
        # "Zijn Duitse collega Westerwelle" may refer to the sentence before
        office = _counterparts_office(ctx, max(0, end - _GROUP_REACH), end, writer)
        if office is None:
            continue
        for m, (a, b) in zip(chain, names):
            persons.add(ctx.text[a:b], a, b, PostRef(office, ActorRef("state", m.key)))


def _counterparts_office(ctx: LetterContext, lo: int, end: int, writer: str | None) -> str | None:
    """The office of the ones whose counterparts the demonyms at ``end`` name: of the nearest
    before them in [lo, end), ministers of a portfolio ("de ministers van Buitenlandse
    Zaken", "de Duitse minister van Buitenlandse Zaken Steinmeier en zijn Franse
    ambtgenoot"), or the writer's after "mijn" or the ministers of the meeting ("de
    ministers"); None for anyone else's ("De regeringsleiders spraken met hun Oekraïense
    collega")."""
    found = [(m.start(), 2, key) for key, group in _PORTFOLIO_GROUPS
             for m in cue_regex(rf"\b(?:{group})\b").finditer(ctx.text, lo, end)]
    found += [(o.start, 2, o.key) for o in ctx.in_span(lo, end, OFFICE) if o.key in _COUNTERPART_OFFICES]
    found += [(m.start(), 1, writer) for m in cue_regex(_MINISTERS).finditer(ctx.text, lo, end)]
    found += [(m.start(), 3, writer) for m in cue_regex(_WRITERS).finditer(ctx.text, lo, end)]
    found += [(m.start(), 2, None) for m in cue_regex(r"\b(?:{cue:summit-group})\b").finditer(ctx.text, lo, end)]
    return max(found, key=lambda f: f[:2])[2] if found else None


# a word, hyphenated parts included ("Bijleveld-Schouten"), not part of a longer one
_WORD = re.compile(r"(?<![\w-])[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*(?![\w-])")


def _surnames_again(ctx: LetterContext, persons: _Persons) -> None:
    """A person named in full once ("de Russische minister van Defensie Sergej Ivanov") and
    later by the surname alone ("Ivanov verwelkomde de samenwerking"): the later mentions
    are the same person's. One pass over the words of the text, each looked up among the
    surnames; a surname that is also an actor's or a place's name, shorter than four
    letters, or that of two persons, is left alone."""
    owners: dict[str, set[str]] = {}
    for person in persons.by_key.values():
        words = person.name.split()
        if len(words) > 1 and len(words[-1]) >= 4 and words[-1][:1].isupper():
            owners.setdefault(words[-1], set()).add(person.name)
    surnames = {
        surname: names.pop() for surname, names in owners.items()
        if len(names) == 1 and ctx.lexicon.actor_by_surface(surname) is None and ctx.lexicon.city_by_surface(surname) is None
    }
    if not surnames:
        return
    covered = _Covered(persons.spans)
    for found in _WORD.finditer(ctx.text):
        name = surnames.get(found.group())
        if name is None:
            continue
        start = found.start()
        if covered.covers(start) or ctx.sentence_at(start) is None or ctx.part_at(start) in ("header", "signature"):
            continue
        persons.add(name, start, found.end(), None)
