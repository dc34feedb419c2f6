"""Who took part in which meeting.

The allies as a group with the count the letter states ("alle 32 NAVO-bondgenoten", "de
dertig bondgenoten"; before a delegation word, "de negenentwintig ministers", only the
number of members at the meeting's date); states, organisations and partner groups named
as taking part or invited ("waaraan ook Oekraïne en de EU deelnamen", "nam deel als
genodigde") or after "met" following a meeting word ("een sessie met de ministers van
Finland en Zweden"), typed by what they were at the meeting's date (an ally then: capacity
ally, else partner; an organisation outside NATO that is no partner: guest); groups also as
their members; the host state. The persons found before (natokg.extract.persons) speak for
their states.
"""

from __future__ import annotations

import re

from datetime import date

from natokg.text.dates import count_value
from natokg.extract.context import LetterContext
from natokg.extract.function_words import NETHERLANDS
from natokg.extract.posts import nested_actors
from natokg.extract.stage import Found, MeetingIndex, PersonIndex
from natokg.folding import fold
from natokg.text.nlp import DEMONYM, GROUP, KIND, NAMED, OFFICE, ORG, STATE
from natokg.knowledge.cues import cue_regex, cue_word_set
from natokg.records import ActorRef, Evidence, MeetingRef, Participation

# The cue words are in ontology/extraction-cues.ttl (cue_regex fills {cue:slug}); the
# grammar around them is here.
# "waaraan ook Oekraïne en de EU deelnamen", "zijn ook voor het diner uitgenodigd"
_PARTICIPATION_CUE = r"\b(?:{cue:participation}|{cue:participation-phrase}|(?P<presence>{cue:presence-of}))\b"
# "een sessie plaats met de ministers van Finland en Zweden": a meeting word, a few
# words without punctuation, then "met" and who took part
# words, "met" does not follow a word for a relation ("een werkdiner over de betrekkingen
# met Rusland") and a verb of talking has no particle ("spraken af ...")
_GAP_WORD = r"\s+[^\s,.;:]+"
_MET = re.compile(r"(?:^|\s)met\s", re.IGNORECASE)
_NOT_HELD_RE = r"\b(?:{cue:not-held})\b|\bgeen\s+(?:{cue:meeting-word})\b"
# after a demonym, more demonyms and then a counterpart noun ("Finse en Zweedse collega's")
_COUNTERPARTS_AFTER = r"(?:\s*(?:,|en)\s+[^\W\d_]+e)*\s+(?:{cue:counterpart-noun})(?![\w-])"
# after a meeting word no verb of talking: "Tijdens de werklunch spraken de ministers over de
# samenwerking met Japan" talks about Japan, "een sessie over de Zwarte Zee met Georgië" meets it
_SESSION_GAP_WORD = r"\s+(?!(?:{cue:conversation-verb})\b)[^\s,.;:]+"
_GATHERING_WITH = (
    r"\b(?:(?:{cue:meeting-word})\b(?:" + _SESSION_GAP_WORD + r"){0,8}?"
    r"|(?:{cue:conversation-verb})\b(?!\s+(?:af|uit|aan)\b)(?:" + _GAP_WORD + r"){0,3}?(?:\s*,\s*samen)?)"
    # "de sessie over Resolute Support, met onder meer Australië ...", not ", met bijzondere aandacht voor"
    r"(?:\s*,\s+met\s(?=onder\s+meer\s|de\s)|\s+met\s)"
)
# "Met de partnerlanden ..., bespraken de ministers ...": the company fronted, up to the verb
_FRONTED_WITH = r"^\s*Met\s"
_TALK_VERB = r"\b(?:{cue:conversation-verb})\b"
# the list of participants after "met" (relative clauses and a colon before the names
# included) ends at the next clause or a topic; "waaronder" goes on with its members
_COMPANY_END = re.compile(r";|\s(?:over|om|waar(?!onder)\w*|omdat|zodat|ter)\s")
# ... or at the finite verb of a clause that opens with it ("In de sessie met de partners
# uit de Indo-Pacific staat ... centraal"), unless a relative clause has that verb ("met
# dertien partnerlanden die ... hebben bijgedragen, waaronder ..."); "zijn" may be "his"
_COMPANY_VERB = re.compile(r"\s(?:staat|staan|stond|stonden|is|was|waren|wordt|worden|werd|werden|zal|zullen"
                           r"|heeft|hebben|had|hadden)\s")
_RELATIVE_PRONOUN = re.compile(r"\s(?:die|dat|welke)\s")
# "Jordanië en Tunesië nemen deel als partners uit de Mediterrane Dialoog", "uit te
# nodigen voor het Partnerschap voor Vrede": a group after "als ... uit" is the
# capacity, after "voor", "aan" or "tot" what they are invited to, not a participant
_CAPACITY_GROUP = re.compile(r"\b(?:als\s+\w+\s+(?:uit|van)|voor|aan|tot)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
# "blijven deelnemen aan het Membership Action Plan": taking part in a programme or an
# operation, not in a meeting
_CUE_OBJECT = re.compile(r"\s+(?:aan|voor|tot)\s+(?:de\s+|het\s+|een\s+)?", re.IGNORECASE)
# the same object before the cue, as a relative pronoun: "..., waaraan ook Oekraïne deelnam"
_RELATIVE_OBJECT = re.compile(r",?\s*\bwaar(?:aan|bij)\b[^,;]*$", re.IGNORECASE)
_ANAPHOR_RE = re.compile(r"\b(?:zij|ze|deze\s+(?:landen|partners|staten))\b", re.IGNORECASE)
# "alle 32 NAVO-bondgenoten", "de dertig bondgenoten"; "de negenentwintig ministers",
# "de dertigste bondgenoot" (a delegation word): a count of allies only when it is the
# number of members at the meeting's date
_COUNT_NOUN = r"\b(?:{cue:allies-count-noun}|{cue:allies-delegation-noun})\b"
_COUNT_BEFORE = re.compile(r"\b(?P<article>(?:alle|de|met|van)\s+)?(?P<count>\d{1,2}|[a-zëéï]+)\s+(?:NAVO-?\s?)?$", re.IGNORECASE)
# "waren niet bij de bijeenkomst aanwezig"
_NEGATED_CUE = re.compile(r"\b(?:niet|geen|nooit)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
# "waarin Oekraïne ... kan deelnemen": a possibility, not a participation; "het initiatief
# moet aansluiten bij de wensen van de partnerlanden": a requirement
_MODAL_CUE = re.compile(r"\b(?:kan|kunnen|zou|zouden|mag|mogen|moet|moeten|dient|dienen)\b(?:\s+\w+){0,5}\s+$",
                        re.IGNORECASE)
# "deelnemen aan de Vredestop over Oekraïne", "bijdragen in Afghanistan": an actor
# after "over" is a topic, after "in" a place
_TOPIC_BEFORE = re.compile(r"\b(?:over|in)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)


_COORDINATED_BEFORE = re.compile(r"^\s*(?:,|en|of)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)


def _not_topics_or_places(ctx, sentence, actors: list) -> list:
    """The actors (actor, start, end) that are no topic or place: not after "over" or "in"
    (_TOPIC_BEFORE), nor coordinated with one that is ("in Afghanistan en Irak")."""
    kept, previous_end, previous_out = [], -1, False
    for actor in sorted(actors, key=lambda a: a[1]):
        _, start, end = actor
        out = bool(_TOPIC_BEFORE.search(ctx.text[max(sentence.start, start - 12) : start])) or (
            previous_out and start > previous_end and bool(_COORDINATED_BEFORE.match(ctx.text[previous_end:start]))
        )
        if not out:
            kept.append(actor)
        previous_end, previous_out = end, out
    return kept


# ---------------------------------------------------------------- persons


# ---------------------------------------------------------------- participations


def _as_date(reference) -> date | None:
    """The letter's reference date (a bare year is no date)."""
    return reference if isinstance(reference, date) else None


def _meeting_date(index: MeetingIndex, ref) -> date | None:
    if ref.start is not None:
        return ref.start
    return index.main.ref.start if index.main else None


class _Participations:
    def __init__(self, ctx: LetterContext, index: MeetingIndex) -> None:
        self.ctx = ctx
        self.index = index
        self.found: dict[tuple, Participation] = {}

    def add(self, actor: ActorRef, meeting, capacity: str, ev: Evidence, count: int | None = None) -> None:
        key = (actor, meeting, capacity)
        p = self.found.get(key)
        if p is None:
            p = self.found[key] = Participation(actor, meeting, capacity, [], count)  # type: ignore[arg-type]
        self.ctx.evidence_lists.add(p.evidence, ev)
        if p.stated_count is None and count is not None:
            p.stated_count = count

    def actor(self, actor: ActorRef, meeting, ev: Evidence) -> None:
        lexicon = self.ctx.lexicon
        when = _meeting_date(self.index, meeting) or _as_date(self.ctx.reference)
        # at a meeting outside NATO (an EU Council, an OSCE council, a G7 summit) nobody
        # takes part as NATO's partner or guest
        partner, guest = ("participant", "participant") if _outside_nato(meeting) else ("partner", "guest")
        if actor.kind == "state":
            if when is not None and lexicon.is_ally_at(actor.key, when):
                return  # an ally named among participants adds nothing to "the allies"
            self.add(actor, meeting, partner, ev)
        elif actor.kind == "organisation":
            record = lexicon.organisations.get(actor.key)
            while record is not None and not record.partner and record.parent:
                record = lexicon.organisations.get(record.parent)  # the European Council speaks for the EU
            if record is not None and record.partner:
                self.add(record.ref, meeting, partner, ev)
            elif record is not None and _guest_organisation(lexicon, record):
                self.add(record.ref, meeting, guest, ev)  # "de VN en de Wereldbank zijn uitgenodigd"
        elif actor.kind == "group":
            group = lexicon.groups.get(actor.key)
            if group is None or not group.members:
                return
            self.add(actor, meeting, partner, ev)
            for member in group.members:
                self.actor(member, meeting, ev)


def _outside_nato(meeting: MeetingRef) -> bool:
    """A meeting outside NATO, or a session of one."""
    while meeting is not None:
        if meeting.kind == "external":
            return True
        meeting = meeting.parent
    return False


def _guest_organisation(lexicon, record) -> bool:
    """An organisation outside NATO that is no partner takes part as a guest; NATO, its
    bodies, funding instruments and national institutions never do."""
    while record.parent and record.parent in lexicon.organisations:
        record = lexicon.organisations[record.parent]
    return record.key != "nato" and not record.instrument and not record.national


# "Aan een deel van deze zitting nemen, zoals sinds de top van Praag gebruikelijk, ...":
# a meeting named in a comparison is not the one taken part in
_COMPARED = re.compile(r"\b(?:zoals|sinds|evenals)\b[^,;]*$", re.IGNORECASE)


def _meeting_for(ctx: LetterContext, index: MeetingIndex, sentence, offset: int):
    """The meeting an actor at ``offset`` takes part in: the nearest session or other
    meeting named before it in the sentence (not in a comparison), else after it, else
    the main meeting."""
    named = [s for s in index.at(sentence.start, sentence.end) if not _COMPARED.search(ctx.text, sentence.start, s[0])]
    before = [s for s in named if s[1] <= offset]
    after = [s for s in named if s[0] >= offset]
    choice = before[-1] if before else (after[0] if after else None)
    return choice[2] if choice else index.main.ref


def extract_participations(ctx: LetterContext, found: Found) -> tuple[Participation, ...]:
    index, persons = found.meetings, found.persons
    if index is None or index.main is None:
        return ()
    return tuple(_participations(ctx, index, persons))


def _participations(ctx: LetterContext, index: MeetingIndex, persons: PersonIndex) -> list[Participation]:
    out = _Participations(ctx, index)
    main = index.main
    if main.host is not None:
        ev = main.evidence[0] if main.evidence else None
        if ev is not None:
            out.add(main.host, main.ref, "host", ev)
    previous_actors: list[tuple[ActorRef, int, int]] = []
    when = _meeting_date(index, main.ref)
    members = len(ctx.lexicon.allies_at(when)) if when else None
    # looked up once per letter, not per sentence
    participation_cue, count_noun = cue_regex(_PARTICIPATION_CUE), cue_regex(_COUNT_NOUN)
    allies_nouns = cue_word_set("allies-count-noun")
    for sentence in ctx.sentences:
        if sentence.part in ("header", "footnote", "signature"):
            continue
        _allies_count(ctx, out, main.ref, sentence, members, allies_nouns, count_noun)
        actors = _actors_in(ctx, persons, sentence.start, sentence.end)
        cue = participation_cue.search(sentence.text)
        before_cue = sentence.text[: cue.start()] if cue is not None else ""
        if cue is not None and (
            _NEGATED_CUE.search(before_cue) or _MODAL_CUE.search(before_cue) or _not_a_meeting(ctx, index, sentence, cue)
        ):
            previous_actors = []
            continue  # "is niet uitgenodigd", "kan deelnemen", "deelnemen aan het MAP"
        if cue is None:
            company = _company(ctx, index, sentence)
            if not company:
                previous_actors = actors
                continue
            actors = [a for a in actors if any(s <= a[1] and a[2] <= e for s, e in company)]
        if cue is not None and cue.group("presence"):
            # those present are named after it; a company the sentence names too ("een sessie met ...")
            # takes part as well
            company = _company(ctx, index, sentence)
            after = sentence.start + cue.end()
            actors = [a for a in actors if a[1] >= after or any(s <= a[1] and a[2] <= e for s, e in company)]
        actors = _not_topics_or_places(ctx, sentence, actors)
        if not actors and _ANAPHOR_RE.search(sentence.text):
            actors = previous_actors
            anchor = sentence.start + (cue.start() if cue else 0)
            for actor, a, b in actors:
                out.actor(actor, _meeting_for(ctx, index, sentence, anchor), ctx.evidence(a, b))
            previous_actors = []
            continue
        for actor, a, b in actors:
            out.actor(actor, _meeting_for(ctx, index, sentence, a), ctx.evidence(a, b))
        previous_actors = actors
    for draft in index.meetings:
        # the letter asserts hosts for its own meeting and sessions; a mentioned
        # summit's host is reference data
        if draft.role == "session" and draft.host is not None and draft.host.kind == "state" and draft.evidence:
            out.add(draft.host, draft.ref, "host", draft.evidence[0])
        # "In de NAVO-Oekraïne Commissie spraken de ministers ...": Ukraine takes part
        term = ctx.lexicon.meeting_terms.get(("meeting-name", draft.ref.name_key)) if draft.role == "session" else None
        if term is not None and term.session_partner is not None and draft.evidence:
            out.actor(term.session_partner, draft.ref, draft.evidence[0])
    return list(out.found.values())


def _not_a_meeting(ctx: LetterContext, index: MeetingIndex, sentence, cue: re.Match) -> bool:
    """The participation cue takes an object with "aan" that is neither a meeting nor
    the invitee ("deelname aan het Membership Action Plan", "deelnemen aan
    NAVO-operaties"; not "deelnemen aan de vergadering", "de uitnodiging aan Bulgarije")."""
    found = _CUE_OBJECT.match(sentence.text, cue.end())
    if found is None:
        relative = _RELATIVE_OBJECT.search(sentence.text, 0, cue.start())
        if relative is None:
            return False
        # "(PESCO) toe, waaraan vijfentwintig EU-lidstaten deelnemen": what comes before "waaraan"
        end = sentence.start + relative.start()
        return not _names_a_meeting(ctx, index, (max(sentence.start, end - 60), end))
    start = sentence.start + found.end()
    window = (start, min(sentence.end, start + 40))
    if _names_a_meeting(ctx, index, window):
        return False
    return not any(m.start == start for m in ctx.in_span(*window, STATE, ORG, GROUP, DEMONYM))


def _names_a_meeting(ctx: LetterContext, index: MeetingIndex, window: tuple[int, int]) -> bool:
    return bool(ctx.in_span(*window, KIND, NAMED) or index.at(*window)
                or cue_regex(r"\b(?:{cue:meeting-word})").search(ctx.text, *window))


def _company(ctx: LetterContext, index: MeetingIndex, sentence) -> list[tuple[int, int]]:
    """The spans of the participants meetings are held with: after "met" that follows a
    meeting's name ("een bijeenkomst van de NAVO-Oekraïne Raad met de Oekraïense
    minister") or a meeting word or a verb of talking a few words before ("een sessie
    plaats met ...", "spraken de ministers met ..."), each up to the end of its list."""
    if _MET.search(sentence.text) is None:
        return []  # most sentences have no "met": skip the patterns
    starts = []
    for _, e, _ in index.at(sentence.start, sentence.end):
        found = re.match(r"\s+met\b", ctx.text[e : sentence.end])
        if found:
            starts.append(e + found.end())
    relations = cue_word_set("relation-noun")
    for m in cue_regex(_GATHERING_WITH).finditer(sentence.text):
        before = re.search(r"(\S+)\s+met\s$", m.group())
        if before is None or fold(before.group(1)) not in relations:
            starts.append(sentence.start + m.end())
    fronted_end = None
    fronted = cue_regex(_FRONTED_WITH).search(sentence.text)
    if fronted is not None:
        verb = cue_regex(_TALK_VERB).search(sentence.text, fronted.end())
        if verb is not None:
            starts.append(sentence.start + fronted.end())
            fronted_end = sentence.start + verb.start()
    spans = []
    for start in sorted(set(starts)):
        stop = _COMPANY_END.search(ctx.text, start, sentence.end)
        end = stop.start() if stop else sentence.end
        verb = _COMPANY_VERB.search(ctx.text, start, end)
        if verb is not None and _RELATIVE_PRONOUN.search(ctx.text, start, verb.start()) is None:
            end = verb.start()
        if fronted_end is not None and start < fronted_end:
            end = min(end, fronted_end)
        # "Een bijeenkomst met de partners ... is niet voorzien": in the clause of the company
        clause_start = max(sentence.start, ctx.text.rfind(",", sentence.start, start) + 1, ctx.text.rfind(";", sentence.start, start) + 1)
        clause_end = min([i for i in (ctx.text.find(",", end, sentence.end), ctx.text.find(";", end, sentence.end)) if i != -1] or [sentence.end])
        if not cue_regex(_NOT_HELD_RE).search(ctx.text, clause_start, clause_end):
            spans.append((start, end))
    return spans


def _actors_in(ctx: LetterContext, persons: PersonIndex, start: int, end: int) -> list[tuple[ActorRef, int, int]]:
    found: list[tuple[ActorRef, int, int]] = []
    inside = ctx.in_span(start, end)  # one look-up, read by label below
    for m in (m for m in inside if m.label in (STATE, ORG, GROUP)):
        kind = {"STATE": "state", "ORG": "organisation", "GROUP": "group"}[m.label]
        if m.label == STATE and _is_subject_nl(ctx, m):
            continue
        if m.label == GROUP and _CAPACITY_GROUP.search(ctx.text[max(start, m.start - 40) : m.start]):
            continue
        if m.label == ORG and re.match(r"-[a-z]", ctx.text[m.end : m.end + 2]):
            continue  # "de VN-missie", "de G7-landen": a thing of the organisation
        found.append((ActorRef(kind, m.key), m.start, m.end))  # type: ignore[arg-type]
    for m in (m for m in inside if m.label == DEMONYM):
        # "alsook de Oekraïense minister van Defensie": the state the office belongs to;
        # "hun Finse en Zweedse collega's": the states of the counterparts
        offices = ctx.in_span(m.end, m.end + 2 + 60, OFFICE)
        if (offices and offices[0].start <= m.end + 1) or cue_regex(_COUNTERPARTS_AFTER).match(ctx.text, m.end):
            found.append((ActorRef("state", m.key), m.start, m.end))
    for office in (m for m in inside if m.label == OFFICE):
        # "de president van de Europese Raad": the organisation the office belongs to
        for m in nested_actors(ctx, office):
            if m.label in (STATE, ORG):
                found.append((ActorRef("state" if m.label == STATE else "organisation", m.key), m.start, m.end))
    for a, b, ref in persons.within(start, end):
        person = persons.by_key.get(ref.key)
        for post in person.posts if person else []:
            if post.of != NETHERLANDS:
                found.append((post.of, a, b))
    return sorted(found, key=lambda f: (f[1], f[2], f[0]))


def _is_subject_nl(ctx: LetterContext, m) -> bool:
    """The Netherlands as the writer ("Nederland steunt ..."), not a participant."""
    return m.key == "nl"


def _allies_count(ctx: LetterContext, out: _Participations, meeting, sentence, members: int | None,
                  allies_nouns: frozenset[str], count_noun: re.Pattern[str]) -> None:
    """``members``: the number of allies at the meeting's date, which a count before a
    delegation word must equal."""
    for noun in count_noun.finditer(sentence.text):
        m = _COUNT_BEFORE.search(sentence.text, max(0, noun.start() - 40), noun.start())
        if m is None:
            continue
        must_be_members = fold(noun.group()) not in allies_nouns
        count = _count(m.group("count"), ordinal=must_be_members)
        # twelve states founded NATO: a smaller number is some of the allies ("twee bondgenoten")
        if count is None or not 12 <= count <= 60 or (must_be_members and count != members):
            continue
        a, b = sentence.start + m.start("count"), sentence.start + noun.end()
        start = sentence.start + m.start()
        ev = ctx.evidence(start if m.group().lower().startswith("alle") else a, b)
        out.add(ActorRef("group", "allies"), meeting, "ally", ev, count)
        if count == members:  # the members at the date outweigh another count stated first
            out.found[(ActorRef("group", "allies"), meeting, "ally")].stated_count = count


def _count(word: str, ordinal: bool = False) -> int | None:
    """A cardinal ("negenentwintig", "32"), or with ``ordinal`` also an ordinal
    ("dertigste": the thirtieth)."""
    value = count_value(word)
    if value is None and ordinal and word.lower().endswith("ste"):
        value = count_value(word[:-3])
    return value
