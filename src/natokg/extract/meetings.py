"""Meetings: the letter's main meeting, the sessions inside it, and the other meetings
it mentions.

Words for meetings come from ontology/reference/meeting-terms.ttl through the matcher
(KIND mentions: "NAVO-top", "FMM"; NAMED mentions: "Noord-Atlantische Raad", "diner",
"Europese Raad"). Rules, in order:

1. The main meeting is the summit / foreign or defence ministers meeting the title
   names (else the first body sentence that names one with a date). Its dates come
   from the title or that sentence, its city from the first sentence about it ("vond
   ... plaats in Helsingborg", "komen ... bijeen in Ankara"), else from the reference
   summits. A city's state is reference data.
2. Within a sentence, a date or a city belongs to the nearest meeting word before it
   (else the first after it), unless that meeting's dates are known and differ.
3. Sessions (council sessions, social events, forums, working sessions) are the
   main meeting's parts; their date is the one their sentence gives, else the date of
   the session before when the sentence goes on "aansluitend" / "daaropvolgend",
   else the date of the memo's schedule bullet they stand under ("- 7 juli:"), else the
   main meeting's date when it lasts one day.
4. A summit named with a city ("de NAVO-top in Den Haag", "de in Den Haag gemaakte
   afspraak") resolves through the reference summits to the same MeetingRef as
   anywhere else; meetings outside NATO (Europese Raad, Raad Buitenlandse Zaken,
   Ramstein, Commissiedebat) need a date of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from natokg.text.dates import DateMatch
from natokg.extract.context import LetterContext
from natokg.extract.stage import Found, MeetingIndex
from natokg.text.nlp import CITY, KIND, NAMED, Mention
from natokg.knowledge.cues import cue_regex
from natokg.knowledge.lexicon import SummitRecord
from natokg.namespaces import slugify
from natokg.records import ActorRef, Evidence, Meeting, MeetingRef

MAIN_KINDS = ("summit", "foreign-ministers", "defence-ministers")
SESSION_KINDS = ("council-session", "social-event", "forum", "working-session")

# Function words of the meeting grammar (closed classes, not domain knowledge).
_MODIFIERS = {
    "informeel": "informal", "informele": "informal", "sociaal": "social", "sociale": "social",
    "formeel": "formal", "formele": "formal", "officieel": "official", "officiele": "official",
    "besloten": "closed", "gezamenlijk": "joint", "gezamenlijke": "joint",
}  # fmt: skip
_ORDINALS = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5,
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5,
}  # fmt: skip
# The cue words are in ontology/extraction-cues.ttl (cue_regex fills {cue:slug}); the
# grammar around them is here.
_INFORMAL_RE = r"\b(?:{cue:informal})\b|\b(?:{cue:informal-abbreviation})\b"
# a meeting word whose own text says it is informal ("Informal Foreign Ministers Meeting", "iFMM")
_INFORMAL_KIND_RE = r"(?:{cue:informal-abbreviation})$|(?:{cue:informal})"
# "Dit is een informele bijeenkomst"; a form is the start of the words it matches
_INFORMAL_CLAUSE_RE = r"\b(?:het|dit|deze)\s+(?:is\s+)?(?:een\s+)?(?:{cue:informal-meeting})"
_SEQUEL_RE = r"^\W*(?:{cue:sequel})\b"
_AGREEMENT_RE = r"\b(?:{cue:summit-agreement})\b"
_PRECEDES_RE = r"\b(?:{cue:precedes})\b"  # "laatste ... voor": the gap stays in the sentence
_HOST_RE = r"\b(?:{cue:host})\b"
_SUBJECT_SESSION = "subject-session"
_BARE_SESSION_WORD = "sessie"
_DAY_ORDINAL_RE = re.compile(r"\bde\s+(eerste|tweede|derde)\s+dag\b", re.I)  # "op de tweede dag"
_DEFINITE = ("de", "deze", "die", "dezelfde")
_CLAUSE_END = re.compile(r"[,.;:(]|\s(?:waar|waarin|waarbij|waaraan|die|dat|en\s+(?:in|op|met))\s")
_SESSIONS_OF_RE = re.compile(r"\bsessies\s+van\s+de\s*$", re.I)  # plural: no session word of its own
_OF_THE_RE = re.compile(r"\s+van\s+de\s+")
_SCHEDULE_DATE_LINE = re.compile(r"^[ \t]*[-•*–]?[ \t]*(?P<date>[^\n:]{3,40}):[ \t]*$", re.M)
_SKIP_PARTS = ("header", "footnote", "signature")


@dataclass
class _Draft:
    kind: str
    key: str  # concept key (named meetings, social base word) or kind slug
    name: str
    role: str
    modifier: str = ""
    start: date | None = None
    end: date | None = None
    city: str | None = None
    informal: bool = False
    host: ActorRef | None = None
    ordinal: int | None = None
    summit: SummitRecord | None = None
    evidence: list[Evidence] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    precedes: "_Draft | None" = None

    def add(self, ctx: LetterContext, start: int, end: int) -> None:
        ev = ctx.evidence(start, end)
        if ev not in self.evidence:
            self.evidence.append(ev)
        self.spans.append((start, end))

    def dated(self, match: DateMatch | None) -> bool:
        """Whether a date agrees with what is known of this meeting."""
        if match is None or self.start is None:
            return True
        return self.start <= match.first <= (self.end or self.start)


# ---------------------------------------------------------------- helpers


def _usable(ctx: LetterContext, m: Mention) -> bool:
    if ctx.part_at(m.start) in _SKIP_PARTS:
        return False
    if m.text.lower() == "top" and ctx.text[m.end : m.end + 1] == "-":
        return False  # "top-prioriteit"
    return True


def _meeting_mentions(ctx: LetterContext, start: int, end: int) -> list[Mention]:
    found = [m for m in ctx.in_span(start, end, KIND, NAMED) if _usable(ctx, m)]
    councils = [m for m in found if _named_kind(ctx, m) == "council-session"]
    kept = []
    for m in found:
        if _named_kind(ctx, m) == "social-event":
            # "NUC-diner", "diner ... in samenstelling van de NAVO-Oekraïne Raad": the council's
            if any(c.end == m.start - 1 and ctx.text[c.end] == "-" for c in councils):
                continue
            if any(
                c.start > m.end and re.search(r"in\s+samenstelling\s+van", ctx.text[m.end : c.start])
                for c in councils
            ):
                continue
        kept.append(m)
    return kept


def _named_kind(ctx: LetterContext, m: Mention) -> str:
    if m.label == KIND:
        return m.key
    term = ctx.lexicon.meeting_terms.get(("meeting-name", m.key))
    return term.meeting_kind if term is not None and term.meeting_kind else "external"


def _attached(ctx: LetterContext, sentence, target: Mention, items, meetings: list[Mention], conflicts=None):
    """Items (dates or city mentions) of a sentence that belong to ``target``: each item
    goes to the nearest meeting word before it, else the first after it; ``conflicts``
    (a function) vetoes a meeting for an item, passing it to the next nearest."""
    result = []
    for item in items:
        # a meeting word that is itself the item ("in Ramstein": city and meeting) comes first
        before = sorted(
            (m for m in meetings if m.end <= item.start or (m.start <= item.start and item.end <= m.end)),
            key=lambda m: max(0, item.start - m.end),
        )
        after = sorted((m for m in meetings if m.start >= item.end and m not in before), key=lambda m: m.start - item.end)
        for candidate in before + after:
            if conflicts is not None and conflicts(candidate, item):
                continue
            if candidate == target:
                result.append(item)
            break
    return result


def _city_country(ctx: LetterContext, city: str | None) -> str | None:
    record = ctx.lexicon.cities.get(city) if city else None
    return record.country if record else None


def _nearest_summit(ctx: LetterContext, city: str, when: date | None) -> SummitRecord | None:
    summits = ctx.lexicon.summits_in_city(city)
    if not summits:
        return None
    if when is not None:
        exact = [s for s in summits if s.start <= when <= s.end]
        if exact:
            return exact[0]
        return None
    reference = ctx.reference
    if reference is None:
        return summits[-1]
    if isinstance(reference, int):
        reference = date(reference, 7, 1)
    best = min(summits, key=lambda s: abs((s.start - reference).days))
    return best if abs((best.start - reference).days) <= 3 * 366 else None


def summit_year(ctx: LetterContext) -> int | None:
    """The year of a letter that writes no year anywhere, from a summit of the reference
    data it names with its city and its days ("de NAVO-top in Vilnius op 11 en 12 juli"
    is the Vilnius summit of 2023). None when no named summit's days match."""
    from natokg.text.dates import find_dates

    for sentence in ctx.sentences:
        if sentence.part in _SKIP_PARTS:
            continue
        summit_words = [m for m in ctx.in_span(sentence.start, sentence.end, KIND) if m.key == "summit"]
        if not summit_words:
            continue
        for city in ctx.in_span(sentence.start, sentence.end, CITY):
            for summit in ctx.lexicon.summits_in_city(city.key):
                found = find_dates(sentence.text, reference=summit.start.year)
                if any(d.first == summit.start for d in found):
                    return summit.start.year
    return None


def _summit_by_date(ctx: LetterContext, when: date) -> SummitRecord | None:
    for summit in ctx.lexicon.summits.values():
        if summit.start <= when <= summit.end:
            return summit
    return None


def _city_after_preposition(ctx: LetterContext, m: Mention) -> bool:
    before = [t.lower() for t in ctx.tokens_before(m.start, 2)]
    return bool(before) and (before[-1] in ("in", "te", "naar", "het") or before[-2:] == ["op", "het"])


# ---------------------------------------------------------------- the main meeting


def _title_spans(ctx: LetterContext) -> list[tuple[int, int]]:
    spans = [s for s in (ctx.seg.title_line, ctx.seg.header.title) if s is not None]
    return [(s.start, s.end) for s in spans]


def _main_meeting(ctx: LetterContext) -> _Draft | None:
    title_kinds = [
        m for a, b in _title_spans(ctx) for m in ctx.in_span(a, b, KIND) if m.key in MAIN_KINDS
    ]
    title_dates = [d for a, b in _title_spans(ctx) for d in ctx.dates_in(a, b)]
    kind = title_kinds[0].key if title_kinds else None
    body = [s for s in ctx.sentences if s.part not in ("memo", "header", "footnote", "signature")]
    body = body or [s for s in ctx.sentences if s.part not in ("header", "footnote")]
    main_sentence, first_kind_sentence = None, None
    for sentence in body:
        kinds = [m for m in ctx.in_span(sentence.start, sentence.end, KIND) if m.key in MAIN_KINDS]
        if kind is not None:
            kinds = [m for m in kinds if m.key == kind]
        if not kinds:
            continue
        first_kind_sentence = first_kind_sentence or sentence
        dates = ctx.dates_in(sentence.start, sentence.end)
        if title_dates:
            dates = [d for d in dates if d.first == title_dates[0].first]
        if dates:
            main_sentence = sentence
            break
    main_sentence = main_sentence or first_kind_sentence
    if main_sentence is None and kind is None:
        return None
    if kind is None:
        kinds = [m for m in ctx.in_span(main_sentence.start, main_sentence.end, KIND) if m.key in MAIN_KINDS]
        kind = kinds[0].key
    draft = _Draft(kind=kind, key=kind, name="", role="main")
    if title_kinds:
        first = title_kinds[0]
        draft.name = ctx.text[first.start : first.end]
        draft.add(ctx, first.start, first.end)
    dating = title_dates[:1]
    if not dating and main_sentence is not None:
        dating = ctx.dates_in(main_sentence.start, main_sentence.end)[:1]
    if dating:
        draft.start, draft.end = dating[0].first, dating[0].last
    return draft


def _locate_main(ctx: LetterContext, main: _Draft, body) -> None:
    """City, name and informality of the main meeting from the body sentences about it."""
    for sentence in body:
        meetings = _meeting_mentions(ctx, sentence.start, sentence.end)
        own = [m for m in meetings if m.label == KIND and m.key == main.kind]
        dates = ctx.dates_in(sentence.start, sentence.end)
        about_main = bool(own) or any(main.dated(d) and main.start is not None for d in dates)
        if not about_main:
            continue
        cities = [m for m in ctx.in_span(sentence.start, sentence.end, CITY) if _city_after_preposition(ctx, m)]
        if own:
            cities = [c for o in own for c in _attached(ctx, sentence, o, cities, meetings)]
        elif meetings:
            cities = [c for c in cities if not any(m.end <= c.start for m in meetings)]
        if own and not main.name:
            main.name = own[0].text
        if cities and main.city is None:
            if main.start is None or any(main.dated(d) for d in dates) or own:
                main.city = cities[0].key
                break


def _is_informal(ctx: LetterContext, main: _Draft) -> bool:
    for a, b in _title_spans(ctx):
        title = ctx.text[a:b]
        kinds = [m for m in ctx.in_span(a, b, KIND) if m.key == main.kind]
        if kinds and cue_regex(_INFORMAL_RE).search(title[: kinds[0].end - a]):
            return True
    for m in ctx.mentions:
        if m.label == KIND and m.key == main.kind and _usable(ctx, m):
            if cue_regex(_INFORMAL_KIND_RE).match(m.text):
                return True
            if any(cue_regex(_INFORMAL_RE).fullmatch(t) for t in ctx.tokens_before(m.start, 2)):
                return True
    body = ctx.text
    return any(
        ctx.part_at(x.start()) not in ("memo", "header") for x in cue_regex(_INFORMAL_CLAUSE_RE).finditer(body)
    )


# ---------------------------------------------------------------- the other meetings


class _Collector:
    def __init__(self, ctx: LetterContext, main: _Draft | None) -> None:
        self.ctx = ctx
        self.main = main
        self.sessions: list[_Draft] = []
        self.others: list[_Draft] = []
        self.schedule = _schedule_dates(ctx)

    # -- sessions

    def session(self, m: Mention, sentence, kind: str, when: DateMatch | None, weak: bool = False) -> _Draft:
        """The session ``m`` names; a ``weak`` date (inferred from the paragraph) yields
        to a session of the same name found before."""
        ctx = self.ctx
        modifier, ordinal = "", None
        before = [t.lower() for t in ctx.tokens_before(m.start, 1)]
        if kind == "social-event" and before:
            from natokg.folding import fold

            modifier = _MODIFIERS.get(fold(before[-1]), "")
        if kind == "working-session":
            after = ctx.text[m.end : m.end + 6].strip().split(" ")[0].strip(":").lower()
            ordinal = _ORDINALS.get(before[-1] if before else "") or _ORDINALS.get(after)
        name = ctx.text[m.start : m.end]
        if modifier:
            name = f"{ctx.tokens_before(m.start, 1)[0]} {name}"
        if kind == "working-session":
            heading = next((h for h in ctx.seg.headings if h.start <= m.start < h.end), None)
            if heading is not None:
                name = ctx.text[heading.start : heading.end].strip()
        if m.key == _SUBJECT_SESSION:
            clause = _CLAUSE_END.search(ctx.text, m.end, min(sentence.end, m.end + 90))
            name = ctx.text[m.start : clause.start() if clause else min(sentence.end, m.end + 90)].strip()
        draft = None
        # "een sessie over ...": an indefinite article introduces a new session
        if m.key != _SUBJECT_SESSION or [t.lower() for t in before] != ["een"]:
            draft = self._find_session(kind, m.key, modifier, ordinal, None) if weak else None
            draft = draft or self._find_session(kind, m.key, modifier, ordinal, when)
        if draft is None:
            draft = _Draft(kind=kind, key=m.key, name=name, role="session", modifier=modifier, ordinal=ordinal)
            self.sessions.append(draft)
        elif len(name) > len(draft.name) and kind == "working-session":
            draft.name = name
        if when is not None and draft.start is None and not (weak and draft.evidence):
            draft.start, draft.end = when.first, when.last
        draft.add(ctx, m.start, m.end)
        return draft

    def _find_session(self, kind, key, modifier, ordinal, when) -> _Draft | None:
        candidates = [d for d in self.sessions if d.kind == kind and d.key == key and d.dated(when)]
        if kind == "working-session":
            if ordinal is not None:
                return next((d for d in candidates if d.ordinal == ordinal), None)
            return candidates[-1] if len(candidates) == 1 else None
        if kind == "social-event":
            exact = [d for d in candidates if d.modifier == modifier]
            if exact:
                return exact[-1]
            return candidates[-1] if candidates and not modifier else None
        return candidates[-1] if candidates else None

    # -- other meetings

    def other(self, kind: str, key: str, name: str, start, end, city, m_start, m_end, summit=None) -> _Draft:
        for draft in [self.main] + self.others if self.main else self.others:
            if draft is None or draft.kind != kind:
                continue
            same_city = city is None or draft.city is None or draft.city == city
            same_day = start is None or draft.start is None or draft.start == start
            same_name = kind in MAIN_KINDS or draft.key == key
            if same_city and same_day and same_name and (city or start or draft is not self.main or kind == "summit"):
                if draft.start is None and start is not None:
                    draft.start, draft.end = start, end
                draft.city = draft.city or city
                draft.add(self.ctx, m_start, m_end)
                return draft
        draft = _Draft(kind=kind, key=key, name=name, role="mentioned", start=start, end=end, city=city, summit=summit)
        draft.add(self.ctx, m_start, m_end)
        self.others.append(draft)
        return draft


def _schedule_dates(ctx: LetterContext) -> list[tuple[int, int, DateMatch]]:
    """(start, end, date) of the blocks under a schedule bullet "- 7 juli:"."""
    blocks = []
    lines = list(_SCHEDULE_DATE_LINE.finditer(ctx.text))
    for i, line in enumerate(lines):
        found = [d for d in ctx.dates if line.start() <= d.start < line.end()]
        if not found:
            continue
        end = lines[i + 1].start() if i + 1 < len(lines) else len(ctx.text)
        blank = ctx.text.find("\n\n", line.end())
        if blank != -1 and blank < end and not re.match(r"\n\n\s*[-•*–]", ctx.text[blank : blank + 6]):
            end = blank
        blocks.append((line.end(), end, found[0]))
    return blocks


def _summit_from_text(ctx: LetterContext, city: str | None, when: DateMatch | None):
    """(start, end, city, summit record) of a summit named with a city and/or date."""
    summit = None
    if city is not None:
        summit = _nearest_summit(ctx, city, when.first if when else None)
    elif when is not None:
        summit = _summit_by_date(ctx, when.first)
    if summit is not None:
        return summit.start, summit.end, summit.city, summit
    if when is not None:
        return when.first, when.last, city, None
    return None


def extract_meetings(ctx: LetterContext, found: Found) -> MeetingIndex | None:
    """All meetings of the letter; None when it names no NATO meeting. The persons
    found before (their spans) name the hosts."""
    person_spans = found.persons.spans if found.persons else ()
    main = _main_meeting(ctx)
    if main is None:
        return None
    body = [s for s in ctx.sentences if s.part not in ("header", "footnote", "signature")]
    _locate_main(ctx, main, [s for s in body if s.part != "memo"] + [s for s in body if s.part == "memo"])
    if main.kind == "summit":
        summit = _summit_from_text(
            ctx, main.city, DateMatch(0, 0, main.start, main.end or main.start, "") if main.start else None
        )
        if summit is not None:
            main.start, main.end, main.city, main.summit = summit
    main.informal = _is_informal(ctx, main)
    collector = _Collector(ctx, main)

    previous_session: _Draft | None = None
    for sentence in body:
        meetings = _meeting_mentions(ctx, sentence.start, sentence.end)
        dates = ctx.dates_in(sentence.start, sentence.end)
        cities = [c for c in ctx.in_span(sentence.start, sentence.end, CITY)]

        def conflicts(candidate: Mention, item) -> bool:
            # a date outside the main meeting cannot be the main meeting's or a session's
            if not isinstance(item, DateMatch) or main.start is None:
                return False
            kind = _named_kind(ctx, candidate)
            if kind in SESSION_KINDS or (kind == main.kind and candidate.label == KIND):
                return not main.dated(item)
            return False

        for m in meetings:
            kind = _named_kind(ctx, m)
            own_dates = _attached(ctx, sentence, m, dates, meetings, conflicts)
            when = own_dates[0] if own_dates else None
            if kind in SESSION_KINDS:
                if _refers_back(ctx, m):
                    # "tijdens deze sessie": the session named before
                    if previous_session is not None:
                        previous_session.add(ctx, m.start, m.end)
                    continue
                if m.label == KIND and _unnumbered_session(ctx, m):
                    # "een sessie met de partners": named by its subject, not its number
                    kind, m = "council-session", Mention(m.start, m.end, NAMED, _SUBJECT_SESSION, m.text)
                if m.label == KIND and kind != "working-session":
                    # "dit forum": the forum named before, never a new session
                    earlier = next((d for d in reversed(collector.sessions) if d.kind == kind), None)
                    if earlier is not None:
                        earlier.add(ctx, m.start, m.end)
                    continue
                if when is None and cue_regex(_SEQUEL_RE).match(sentence.text) and previous_session is not None:
                    when = DateMatch(0, 0, previous_session.start, previous_session.start, "") if previous_session.start else None
                if when is None:
                    when = next((d for a, b, d in collector.schedule if a <= m.start < b), None)
                weak = when is None
                if when is None:
                    when = _day_in_force(ctx, main, m.start)
                if when is not None and not main.dated(when):
                    when = None
                if _council_holds_session(ctx, m, meetings):
                    continue
                draft = collector.session(m, sentence, kind, when, weak=weak)
                _session_group(ctx, collector, draft, m, sentence)
                _host(ctx, draft, m, sentence, meetings, person_spans)
                previous_session = draft
                continue
            own_cities = _attached(ctx, sentence, m, [c for c in cities if _city_after_preposition(ctx, c)], meetings)
            city = own_cities[0].key if own_cities else None
            if kind in MAIN_KINDS:
                if kind == main.kind and (when is None or main.dated(when)) and (city is None or city == main.city):
                    main.add(ctx, m.start, m.end)
                    continue
                if kind == "summit":
                    found = _summit_from_text(ctx, city, when)
                    if found is None:
                        last = next((d for d in reversed(collector.others) if d.kind == "summit"), None)
                        if last is not None:
                            last.add(ctx, m.start, m.end)
                        continue
                    start, end, city, record = found
                    collector.other("summit", "summit", m.text, start, end, city, m.start, m.end, record)
                elif when is not None:
                    collector.other(kind, kind, m.text, when.first, when.last, city, m.start, m.end)
                continue
            # a meeting outside NATO: needs a date, its own or from an earlier mention
            if _is_office_context(ctx, m):
                continue
            if when is not None:
                collector.other(kind, m.key, m.text, when.first, when.last, city, m.start, m.end)
            else:
                known = next((d for d in collector.others if d.key == m.key and d.start is not None), None)
                if known is not None:
                    known.add(ctx, m.start, m.end)
        previous_session = _group_sessions(ctx, collector, main, sentence, dates) or previous_session
        _summit_agreements(ctx, collector, main, sentence, meetings, cities)
        _precedes(ctx, collector, main, sentence)
    return _finalise(ctx, main, collector)


def _refers_back(ctx: LetterContext, m: Mention) -> bool:
    """'deze sessie', 'de sessie' without an ordinal or a name of its own: a session
    named before."""
    if m.label != KIND or m.text.lower() != _BARE_SESSION_WORD:
        return False
    before = [t.lower() for t in ctx.tokens_before(m.start, 1)]
    after = ctx.text[m.end : m.end + 6].strip().split(" ")[0].strip(":").lower()
    return bool(before) and before[0] in _DEFINITE and after not in _ORDINALS


def _unnumbered_session(ctx: LetterContext, m: Mention) -> bool:
    if m.text.lower() != _BARE_SESSION_WORD:
        return False
    before = [t.lower() for t in ctx.tokens_before(m.start, 1)]
    after = ctx.text[m.end : m.end + 6].strip().split(" ")[0].strip(":").lower()
    return (not before or before[0] not in _ORDINALS) and after not in _ORDINALS


def _council_holds_session(ctx: LetterContext, m: Mention, meetings: list[Mention]) -> bool:
    """'een werksessie van de Noord-Atlantische Raad', 'twee sessies van de NAR': the
    council holds the session, it is not a session of its own."""
    if m.key != "north-atlantic-council":
        return False
    before = ctx.text[max(0, m.start - 40) : m.start]
    if _SESSIONS_OF_RE.search(before):
        return True
    return any(
        _named_kind(ctx, x) == "working-session" and x.end <= m.start and _OF_THE_RE.fullmatch(ctx.text[x.end : m.start])
        for x in meetings
    )


def _day_in_force(ctx: LetterContext, main: _Draft, offset: int) -> DateMatch | None:
    """The last single day of a multi-day main meeting that the paragraph names before
    ``offset``: "Op 9 juli vindt een sessie ... plaats. Daarna volgt een bijeenkomst ..."
    puts both on 9 July."""
    if main.start is None or main.end is None or main.end == main.start:
        return None
    paragraph_start = ctx.text.rfind("\n\n", 0, offset) + 1
    days = [
        d for d in ctx.dates_in(paragraph_start, offset)
        if d.first == d.last and main.dated(d) and d.end <= offset
    ]
    for found in _DAY_ORDINAL_RE.finditer(ctx.text, paragraph_start, offset):
        day = main.start + timedelta(days=_ORDINALS[found.group(1).lower()] - 1)
        if day <= main.end:
            days.append(DateMatch(found.start(), found.end(), day, day, found.group(0)))
    return max(days, key=lambda d: d.end) if days else None


_GROUP_MEETING_RE = r"\b(?:{cue:group-meeting})\b"  # "bijeenkomst met"


def _group_sessions(ctx: LetterContext, collector: _Collector, main: _Draft, sentence, dates) -> _Draft | None:
    """'een bijeenkomst met de NAVO-partnerlanden onder het ICI': the partner group's
    session (the group's meeting-name concept, nkg:sessionGroup)."""
    found = None
    for cue in cue_regex(_GROUP_MEETING_RE).finditer(ctx.text, sentence.start, sentence.end):
        terms = {
            t.session_group: t for (scheme, _), t in ctx.lexicon.meeting_terms.items()
            if scheme == "meeting-name" and t.session_group
        }
        group = next((g for g in ctx.in_span(cue.end(), min(sentence.end, cue.end() + 120), "GROUP") if g.key in terms), None)
        if group is None:
            continue
        term = terms[group.key]
        before = [d for d in dates if d.end <= cue.start() and main.dated(d)]
        when = before[-1] if before else None
        pseudo = Mention(cue.start(), group.end, NAMED, term.key, ctx.text[cue.start() : group.end])
        found = collector.session(pseudo, sentence, term.meeting_kind or "council-session", when)
    return found


def _is_office_context(ctx: LetterContext, m: Mention) -> bool:
    """'de president van de Europese Raad': the body, not a meeting of it."""
    found = re.search(r"(\S+)\s+van\s+(?:de|het)\s+$", ctx.text[max(0, m.start - 60) : m.start])
    if found is None:
        return False
    word_end = m.start - (len(found.group(0)) - found.end(1))
    return any(o.end == word_end for o in ctx.in_span(word_end - 60, word_end, "OFFICE"))


def _session_group(ctx: LetterContext, collector: _Collector, draft: _Draft, m: Mention, sentence) -> None:
    """A council session 'met (aanwezigheid van) de ICI-partners' is the ICI meeting."""
    if draft.kind != "council-session" or draft.key != "north-atlantic-council":
        return
    groups = {
        term.session_group: term
        for (scheme, _), term in ctx.lexicon.meeting_terms.items()
        if scheme == "meeting-name" and term.session_group
    }
    for g in ctx.in_span(m.end, sentence.end, "GROUP"):
        term = groups.get(g.key)
        if term is not None and re.search(r"\bmet\b", ctx.text[m.end : g.start]):
            draft.key, draft.name = term.key, ctx.text[m.start : g.end]
            # merge into an existing session of that group
            twin = next((d for d in collector.sessions if d is not draft and d.key == term.key and d.dated(
                DateMatch(0, 0, draft.start, draft.start, "") if draft.start else None)), None)
            if twin is not None:
                twin.evidence += [e for e in draft.evidence if e not in twin.evidence]
                twin.spans += draft.spans
                twin.start = twin.start or draft.start
                twin.end = twin.end or draft.end
                collector.sessions.remove(draft)
            return


def _host(ctx: LetterContext, draft: _Draft, m: Mention, sentence, meetings, person_spans) -> None:
    cue = cue_regex(_HOST_RE).search(ctx.text, m.end, sentence.end)
    if cue is None:
        return
    nearer = [x for x in meetings if m.end <= x.start < cue.start()]
    if nearer:
        return  # the cue belongs to a later meeting word
    for start, end, ref in person_spans:
        if cue.end() <= start < sentence.end:
            draft.host = ref
            return
    for x in ctx.in_span(cue.end(), sentence.end, "STATE", "DEMONYM"):
        draft.host = ActorRef("state", x.key)
        return


def _summit_agreements(ctx, collector: _Collector, main: _Draft, sentence, meetings, cities) -> None:
    """'de in Den Haag gemaakte afspraak', 'de Den Haag-afspraken', 'vorig jaar in Den Haag'."""
    for c in cities:
        if any(m.start <= c.start and c.end <= m.end + 40 and _named_kind(ctx, m) == "summit" for m in meetings):
            continue  # "de NAVO-top in Den Haag": handled with the summit word
        if main.kind == "summit" and c.key == main.city:
            continue
        if c.key == main.city and main.kind != "summit":
            continue
        window = ctx.text[max(sentence.start, c.start - 40) : min(sentence.end, c.end + 40)]
        if not cue_regex(_AGREEMENT_RE).search(window):
            continue
        summit = _nearest_summit(ctx, c.key, None)
        if summit is None:
            continue
        reference = ctx.reference if isinstance(ctx.reference, date) else None
        if reference is not None and summit.start > reference:
            continue  # agreements are made at past summits
        collector.other("summit", "summit", ctx.text[c.start : c.end], summit.start, summit.end, summit.city,
                        c.start, c.end, summit)


def _precedes(ctx, collector: _Collector, main: _Draft, sentence) -> None:
    """'de laatste ... voor de NAVO-top', 'laatste bijeenkomst ... voorafgaand aan de NAVO top'."""
    found = cue_regex(_PRECEDES_RE).search(sentence.text)
    if found is None or main.precedes is not None:
        return
    after = sentence.start + found.end()
    for draft in collector.others:
        if any(after <= s < sentence.end for s, _ in draft.spans):
            main.precedes = draft
            return


def _ref(draft: _Draft, parent: MeetingRef | None = None) -> MeetingRef:
    if draft.role == "session":
        if draft.kind == "working-session":
            name_key = slugify(draft.name) if draft.name and draft.ordinal is None else str(draft.ordinal or slugify(draft.name))
        elif draft.kind == "social-event" and draft.modifier:
            name_key = f"{draft.modifier}-{draft.key}"
        else:
            name_key = draft.key
        return MeetingRef(draft.kind, draft.start, None, name_key, parent)  # type: ignore[arg-type]
    name_key = "" if draft.city else (draft.key if draft.key != draft.kind else "")
    return MeetingRef(draft.kind, draft.start, draft.city, name_key)  # type: ignore[arg-type]


def _finalise(ctx: LetterContext, main: _Draft, collector: _Collector) -> MeetingIndex:
    one_day = main.start is not None and (main.end is None or main.end == main.start)
    host = None
    if main.summit is not None and main.summit.host:
        host = ActorRef("state", main.summit.host)
    elif main.city and not any(o.seat_city == main.city for o in ctx.lexicon.organisations.values()):
        # a meeting in an organisation's seat (NATO in Brussels) is hosted by no state
        country = _city_country(ctx, main.city)
        host = ActorRef("state", country) if country else None
    main_ref = _ref(main)
    refs = {id(main): main_ref}
    for draft in collector.others:
        refs[id(draft)] = _ref(draft)
    meetings = [
        Meeting(
            ref=main_ref, role="main", name=main.name, end=main.end, country=_city_country(ctx, main.city),
            informal=main.informal, host=host,
            precedes=refs.get(id(main.precedes)) if main.precedes else None, evidence=sorted(main.evidence),
        )
    ]
    spans = [(a, b, main_ref) for a, b in main.spans]
    for draft in collector.sessions:
        if draft.start is None and one_day:
            draft.start = main.start
        ref = _ref(draft, main_ref)
        meetings.append(
            Meeting(ref=ref, role="session", name=draft.name, end=draft.end or draft.start,
                    host=draft.host, evidence=sorted(draft.evidence))
        )
        spans += [(a, b, ref) for a, b in draft.spans]
    for draft in collector.others:
        ref = refs[id(draft)]
        host = ActorRef("state", draft.summit.host) if draft.summit and draft.summit.host else None
        meetings.append(
            Meeting(ref=ref, role="mentioned", name=draft.name, end=draft.end, country=_city_country(ctx, draft.city),
                    host=host, evidence=sorted(draft.evidence))
        )
        spans += [(a, b, ref) for a, b in draft.spans]
    return MeetingIndex(meetings, sorted(spans, key=lambda s: (s[0], s[1])), meetings[0])
