"""The sessions of the main meeting (council sessions, social events, forums, working
sessions) and the collector of every meeting a letter names.

A session's date is the one its sentence gives (on the main meeting's days, or the day
before or after them: "Aan de vooravond van de bijeenkomst"), else the date of the session before
when the sentence goes on "aansluitend" (or the day its paragraph names after that
session), else the date of the memo's schedule bullet it stands under ("- 7 juli:"),
else the first or last day of the main meeting when its sentence opens or closes the
programme ("De bijeenkomst opende met een sessie over ...", "werd afgesloten met"), else
the day its paragraph names before it ("Op 9 juli ...", "op de tweede dag", "Op woensdag",
the day after one with "de volgende dag"), else
the main meeting's date when it lasts one day.

A session is not held when its sentence says so after it ("is niet voorzien", "kwam
niet bijeen", "wordt omgevormd tot"; not in a contrasting clause: ", hoewel ..."); a
council named with another day than the meeting's (or its eve), or placed at a meeting of another kind
("zal tijdens de top in Boekarest bijeenkomen"), is none of its sessions. A standing council
(meeting-name/standing-bodies) named without a date, in a clause that says neither that
it meets nor that anyone takes part ("de bijeenkomsten van de NAVO-Rusland Raad
hervatten"), is the body, not a session, unless another mention says it meets. A
gathering "met" a partner group within one clause is that group's session
(nkg:sessionGroup). Meetings outside the main one are merged by kind, name, city and
day or month (Collector.other).
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache, cached_property

from natokg.folding import fold
from natokg.extract.context import LetterContext
from natokg.extract.meeting_words import MAIN_KINDS, MODIFIERS, ORDINALS, Draft, named_kind, other_instance
from natokg.extract.function_words import (
    ARTICLES,
    COORDINATORS,
    NEXT_CLAUSE,
    PASSIVE_AUXILIARIES,
    PREPOSITIONS,
    RELATIVE_OPENERS,
    SUBJECT_PRONOUNS,
)
from natokg.knowledge.cues import cue_regex, cue_words
from natokg.records import ActorRef
from natokg.knowledge.calendar import weekday_names
from natokg.text.dates import DateMatch, month_of
from natokg.text.nlp import KIND, NAMED, Mention


_SEQUEL_RE = r"^\W*(?:{cue:sequel})\b"
_HOST_RE = r"\b(?:{cue:host})\b"
_NOT_HELD_RE = r"\b(?:{cue:not-held})\b|\bniet\b(?:\s+[^\s,;.]+){0,4}?\s+(?:{cue:gathering})\b"  # "niet op ministerieel niveau bijeengekomen"
# "Er vindt geen bijeenkomst van de NAVO-Oekraïne Raad plaats", "geen NAVO-Rusland Raad"
_NONE_OF_RE = r"\bgeen\s+(?:[\w-]+\s+){0,2}?(?:(?:{cue:meeting-word})\s+van\s+(?:de\s+)?)?$"
_GATHERING_RE = r"\b(?:{cue:gathering})\b"
_HELD_RE = (
    r"\b(?:{cue:held}|{cue:gathering}|{cue:participation}|{cue:participation-phrase}|{cue:presence-of}"
    r"|{cue:programme-order}|{cue:programme-opening}|{cue:programme-closing})\b"
)
# the meeting itself opens or closes ("De bijeenkomst opende met", "De top werd afgesloten
# met"), not a day ("De tweede dag begon met": the paragraph's day rule dates that)
_AUXILIARY = rf"(?:(?:{'|'.join(sorted(PASSIVE_AUXILIARIES))})\s+)?"
_OPENING_RE = rf"\b(?:{{cue:meeting-word}})\s+{_AUXILIARY}(?:{{cue:programme-opening}})\b"
_CLOSING_RE = rf"\b(?:{{cue:meeting-word}})\s+{_AUXILIARY}(?:{{cue:programme-closing}})\b"
# ", hoewel een akkoord niet tot stand kwam": what a contrasting clause says is not held is not the session
_CONTRAST = re.compile(rf",\s*(?:{'|'.join(sorted(NEXT_CLAUSE))})\b")
# "De Raad, die sinds augustus niet bijeen was gekomen, vergaderde": a relative clause right after the council
_RELATIVE_ASIDE = re.compile(rf"\s*,\s*(?:{'|'.join(sorted(RELATIVE_OPENERS))})\b[^,]*,")
# a clause begins after , ; : and after "en" before a new verb ("kwamen bijeen en besloten
# ..."), not after "en" in a list ("de NAVO-Oekraïne Commissie en de NAVO-Georgië Commissie")
_CLAUSE_BREAK = re.compile(r"[,;:]|\sen\s+(?!(?:de|het|een|die|deze|dit|zijn|haar|hun)\b|[A-ZÀ-Þ])")
_FORUM_PREPOSITIONS = ("in", "binnen", "via")  # "in de NAVO-Rusland Raad": a forum, not its meeting
SUBJECT_SESSION = "subject-session"
_COUNCIL_OF = re.compile(r"\s+van\s+(?:de\s+|het\s+)?")  # "sessie van de" + a named council
_BARE_SESSION_WORD = "sessie"
# "Op woensdag": a weekday without a date (one with a date is read by natokg.text.dates)
_WEEKDAY_ALONE = r"\b[Oo]p\s+(?P<weekday>{names})\b(?!\s+\d)"
_NEXT_DAY_RE = r"\b(?:{cue:next-day})\b"
_DAY_ORDINAL_RE = re.compile(r"\bde\s+(eerste|tweede|derde)\s+dag\b", re.I)  # "op de tweede dag"
_DEFINITE = ("de", "deze", "die", "dezelfde")
# a subject session's name ends at a clause or the next item ("en een werkdiner")
_CLAUSE_END = re.compile(r"[,.;:(]|\s(?:waar|waarin|waarbij|waaraan|die|dat|en\s+(?:in|op|met|een|de|het))\s")
_SCHEDULE_DATE_LINE = re.compile(r"^[ \t]*[-•*–]?[ \t]*(?P<date>[^\n:]{3,40}):[ \t]*$", re.M)
_GROUP_MEETING_RE = r"\b(?:{cue:group-meeting}|(?P<of>{cue:group-meeting-of}))\b"  # "bijeenkomst met", "... van"
# right after a partner group, its gathering ("de ISAF-partners bijeenkwamen", "... kwamen bijeen")
_GATHERS_AFTER_RE = (
    r"\s+(?:(?:{cue:gathering-verb}|{cue:gathering-verb-past})\s+(?:\w+\s+){0,2}?)?(?:{cue:gathering})\b"
)
_ONLY_AN_ARTICLE = re.compile(rf"\s+(?:(?:{'|'.join(sorted(ARTICLES))})\s+)?")


class Collector:
    def __init__(self, ctx: LetterContext, main: Draft | None) -> None:
        self.ctx = ctx
        self.main = main
        self.sessions: list[Draft] = []
        self.others: list[Draft] = []
        self.schedule = _schedule_dates(ctx)

    @cached_property  # read once per letter: the whole text is scanned
    def sessions_day(self) -> DateMatch | None:
        """The one day the letter gives its working sessions (``_sessions_day``)."""
        return _sessions_day(self.ctx, self.main) if self.main is not None else None

    # -- sessions

    def session(self, m: Mention, sentence, kind: str, when: DateMatch | None, weak: bool = False) -> Draft:
        """The session ``m`` names; a ``weak`` date (inferred from the paragraph) yields
        to a session of the same name found before."""
        ctx = self.ctx
        modifier, ordinal = "", None
        before = [t.lower() for t in ctx.tokens_before(m.start, 1)]
        if kind == "social-event" and before:
            modifier = MODIFIERS.get(fold(before[-1]), "")
        if kind == "working-session":
            after = ctx.text[m.end : m.end + 6].strip().split(" ")[0].strip(":").lower()
            ordinal = ORDINALS.get(before[-1] if before else "") or ORDINALS.get(after)
        name = ctx.text[m.start : m.end]
        if modifier:
            name = f"{ctx.tokens_before(m.start, 1)[0]} {name}"
        if kind == "working-session":
            heading = ctx.heading_at(m.start)
            if heading is not None:
                name = ctx.text[heading.start : heading.end].strip()
        if m.key == SUBJECT_SESSION:
            clause = _CLAUSE_END.search(ctx.text, m.end, min(sentence.end, m.end + 90))
            name = ctx.text[m.start : clause.start() if clause else min(sentence.end, m.end + 90)].strip()
            name = _subject_name(name)  # "vond een sessie met de partners plaats"
        draft = None
        # "een sessie over ...": an indefinite article introduces a new session
        if m.key != SUBJECT_SESSION or [t.lower() for t in before] != ["een"]:
            draft = self._find_session(kind, m.key, modifier, ordinal, None) if weak else None
            draft = draft or self._find_session(kind, m.key, modifier, ordinal, when)
        if draft is None:
            draft = Draft(kind=kind, key=m.key, name=name, role="session", modifier=modifier, ordinal=ordinal)
            self.sessions.append(draft)
        elif len(name) > len(draft.name) and kind == "working-session":
            draft.name = name
        if when is not None and draft.start is None and not (weak and draft.evidence):
            draft.start, draft.end = when.first, when.last
        draft.add(ctx, m.start, m.end)
        return draft

    def _find_session(self, kind, key, modifier, ordinal, when) -> Draft | None:
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

    def other(self, kind: str, key: str, name: str, start, end, city, m_start, m_end, summit=None, month: str = "") -> Draft:
        """The meeting outside the main one that a mention names, merged with one named
        before when kind, name, city and day (or ``month``, "2008-02") agree."""
        for draft in [self.main] + self.others if self.main else self.others:
            if draft is None or draft.kind != kind:
                continue
            same_city = city is None or draft.city is None or draft.city == city
            same_day = start is None or draft.start is None or draft.start == start
            ours = month or (month_of(start) if start is not None else "")
            same_month = not ours or not draft.month_key or ours == draft.month_key
            same_name = kind in MAIN_KINDS or draft.key == key
            if same_city and same_day and same_month and same_name and (city or start or month or draft is not self.main or kind == "summit"):
                if draft.start is None and start is not None:
                    draft.start, draft.end = start, end
                draft.city = draft.city or city
                draft.month = draft.month or month
                draft.add(self.ctx, m_start, m_end)
                return draft
        draft = Draft(kind=kind, key=key, name=name, role="mentioned", start=start, end=end, city=city, summit=summit,
                      month=month)
        draft.add(self.ctx, m_start, m_end)
        self.others.append(draft)
        return draft


def _schedule_dates(ctx: LetterContext) -> list[tuple[int, int, DateMatch]]:
    """(start, end, date) of the blocks under a schedule bullet "- 7 juli:"."""
    blocks = []
    lines = list(_SCHEDULE_DATE_LINE.finditer(ctx.text))
    for i, line in enumerate(lines):
        found = ctx.dates_starting_in(line.start(), line.end())
        if not found:
            continue
        end = lines[i + 1].start() if i + 1 < len(lines) else len(ctx.text)
        blank = ctx.text.find("\n\n", line.end())
        if blank != -1 and blank < end and not re.match(r"\n\n\s*[-•*–]", ctx.text[blank : blank + 6]):
            end = blank
        blocks.append((line.end(), end, found[0]))
    return blocks


def add_session(ctx: LetterContext, collector: "Collector", m: Mention, kind: str, when, sentence, meetings,
                 person_spans, previous_session: "Draft | None") -> "Draft | None":
    """The session ``m`` names, dated by its sentence, the session before ("aansluitend"),
    its schedule bullet, the programme's opening or close ("opende met") or its
    paragraph; returns the session the next sequel refers to."""
    main = collector.main
    if cue_regex(_NOT_HELD_RE).search(ctx.text, *_told_of(ctx, sentence, m, meetings)) or cue_regex(
        _NONE_OF_RE
    ).search(ctx.text, max(sentence.start, m.start - 50), m.start):
        return previous_session  # "is niet voorzien", "...; de Raad kwam in Praag niet bijeen": no session
    if _refers_back(ctx, m):
        # "tijdens deze sessie": the session named before
        if previous_session is not None:
            previous_session.add(ctx, m.start, m.end)
        return previous_session
    if m.label == KIND and _unnumbered_session(ctx, m):
        if any(other.label == NAMED and _COUNCIL_OF.fullmatch(ctx.text, m.end, other.start) for other in meetings):
            return previous_session  # "een sessie van de NAVO-Oekraïne Commissie": the council's session
        # "een sessie met de partners": named by its subject, not its number
        kind, m = "council-session", Mention(m.start, m.end, NAMED, SUBJECT_SESSION, m.text)
    if m.label == KIND and kind != "working-session":
        # "dit forum": the forum named before, never a new session
        earlier = next((d for d in reversed(collector.sessions) if d.kind == kind), None)
        if earlier is not None:
            earlier.add(ctx, m.start, m.end)
        return previous_session
    if when is None and cue_regex(_SEQUEL_RE).match(sentence.text) and previous_session is not None:
        when = DateMatch(0, 0, previous_session.start, previous_session.start, "") if previous_session.start else None
        day = _day_in_force(ctx, main, m.start)
        # spans are added in text order: the last is the session's latest mention
        if day is not None and previous_session.spans and day.start > previous_session.spans[-1][1]:
            when = day  # "Op 5 juni ... Aansluitend vergaderde ...": the day named since the session before
    if when is None:
        when = next((d for a, b, d in collector.schedule if a <= m.start < b), None)
    if when is None:
        when = _programme_day(ctx, main, sentence.start, m.start)
    if when is None and m.label == NAMED and kind == "council-session" and _institution(ctx, m, sentence):
        return previous_session  # "de dialoog in de NAVO-Rusland Raad": the council, no session of it
    weak = when is None
    if when is None:
        when = _day_in_force(ctx, main, m.start)
    if when is None and kind == "working-session":
        when = collector.sessions_day
    # "bijeenkomsten van de NAVO-Rusland Raad hervatten": a standing council named without a
    # date in a clause that does not say it meets is a session only if another mention says so
    unheld = when is None and m.label == NAMED and _standing_body(ctx, m.key) and not _held(ctx, _clause_start(ctx, sentence, m), sentence.end)
    if when is not None and not main.around(when):
        when = None
    draft = collector.session(m, sentence, kind, when, weak=weak)
    if not unheld:
        draft.held = True
    elif len(draft.spans) == 1:
        draft.held = False  # its first mention: held once a later one says so
    _session_group(ctx, collector, draft, m, sentence)
    _host(ctx, draft, m, sentence, meetings, person_spans)
    return draft


# "zal tijdens de top in Boekarest bijeenkomen", "de Afghanistan-sessie van de top" (not
# "in de Raad de voorbereiding van de top", "staat in het teken van de top")
_OF_THAT_MEETING = re.compile(r"(?:\btijdens|\bbij|^\s*(?:van|op))\s+(?:de|het)\s+$", re.IGNORECASE)


def of_another_meeting(ctx: LetterContext, main: Draft, m: Mention, meetings) -> bool:
    """Whether the session ``m`` names is held at a meeting of another kind that its
    clause names right after it ("De NAVO-Rusland Raad zal tijdens de top in Boekarest
    bijeenkomen" in a letter on a foreign ministers meeting): that meeting's, not the
    main meeting's."""
    for other in meetings:
        between = ctx.text[m.end : other.start]
        if other.start < m.end or len(between) > 40 or any(mark in between for mark in ",;:."):
            continue
        kind = named_kind(ctx, other)
        if kind in MAIN_KINDS and kind != main.kind and _OF_THAT_MEETING.search(between):
            return True
    return False


def _subject_name(name: str) -> str:
    """A session named by its subject, up to where the sentence goes on: without the word
    that closes a held form around it ("vond een sessie ... plaats", "werd ... gehouden":
    cue:held), and before a finite verb that a subject follows ("In de sessie over
    cyberverdediging bespraken de ministers": a word that is no preposition, before an
    article or a pronoun)."""
    closing = {form.rsplit(" ... ", 1)[1] for form in cue_words("held") if " ... " in form}
    words = [w for w in name.split() if w.lower() not in closing]
    if len(words) > 1 and words[1].islower() and words[1] not in PREPOSITIONS and words[1].endswith("en"):
        return words[0]  # "sessie ondertekenden 23 lidstaten": a verb follows, no subject ("gewijd aan" is one)
    for k in range(1, len(words) - 1):
        word, following = words[k].lower(), words[k + 1].lower()
        if following in ARTICLES | SUBJECT_PRONOUNS and word not in PREPOSITIONS | COORDINATORS:
            return " ".join(words[:k])
    return " ".join(words)


def _programme_day(ctx: LetterContext, main: Draft, start: int, offset: int) -> DateMatch | None:
    """The first day of a multi-day main meeting when the sentence opens its programme
    before ``offset`` ("De bijeenkomst opende met een sessie over ..., gevolgd door ..."),
    its last day when it closes it ("De top werd afgesloten met ...")."""
    if main.start is None or main.end is None or main.end == main.start:
        return None
    for pattern, day in ((_OPENING_RE, main.start), (_CLOSING_RE, main.end)):
        found = cue_regex(pattern).search(ctx.text, start, offset)
        if found:
            return DateMatch(found.start(), found.end(), day, day, found.group(0))
    return None


def _institution(ctx: LetterContext, m: Mention, sentence) -> bool:
    """Whether an undated council is named as an institution: after "in", "binnen" or
    "via" and its article ("de samenwerking in de NAVO-Rusland Raad"), in a sentence
    that tells no gathering."""
    before = [fold(t) for t in ctx.tokens_before(m.start, 2)]
    if len(before) < 2 or before[0] not in _FORUM_PREPOSITIONS or before[1] not in _DEFINITE:
        return False
    return cue_regex(_GATHERING_RE).search(ctx.text, sentence.start, sentence.end) is None


def _standing_body(ctx: LetterContext, key: str) -> bool:
    term = ctx.lexicon.meeting_terms.get(("meeting-name", key))
    return term is not None and term.standing_body


def _held(ctx: LetterContext, start: int, end: int) -> bool:
    """Whether the clause says a meeting is held, attended or in the programme ("vond ...
    plaats", "kwam bijeen", "nam deel aan", "gevolgd door")."""
    return cue_regex(_HELD_RE).search(ctx.text, start, end) is not None


def _clause_start(ctx: LetterContext, sentence, m: Mention) -> int:
    """Where the clause ``m`` stands in begins (see _CLAUSE_BREAK): what is said before it
    ("De ministers kwamen bijeen en besloten ...") is not said of ``m``; what follows may
    be, past an aside ("kwam de NAVO-Rusland Raad, voor het eerst sinds 2019, bijeen")."""
    start = sentence.start
    for found in _CLAUSE_BREAK.finditer(ctx.text, sentence.start, m.start):
        start = found.end()
    return start


def _told_of(ctx: LetterContext, sentence, m: Mention, meetings) -> tuple[int, int]:
    """The text after ``m`` that tells of it: up to a contrasting clause (", hoewel ...")
    or the next meeting named, past a relative clause right after it (", die ... ,")."""
    start = m.end
    aside = _RELATIVE_ASIDE.match(ctx.text, start, sentence.end)
    if aside:
        start = aside.end()
    end = sentence.end
    contrast = _CONTRAST.search(ctx.text, start, end)
    if contrast:
        end = contrast.start()
    following = [other.start for other in meetings if start <= other.start < end]
    return start, min(following, default=end)


def _refers_back(ctx: LetterContext, m: Mention) -> bool:
    """'deze sessie', 'de sessie' without an ordinal or a name of its own: a session
    named before."""
    if m.label != KIND or m.text.lower() != _BARE_SESSION_WORD:
        return False
    before = [t.lower() for t in ctx.tokens_before(m.start, 2)]
    after = ctx.text[m.end : m.end + 6].strip().split(" ")[0].strip(":").lower()
    if after in ORDINALS or not before or before[-1] in ORDINALS:
        return False
    # "de plenaire sessie": the session under way (cue:same-session-adjective), no new one
    return before[-1] in _DEFINITE or (
        len(before) == 2 and before[0] in _DEFINITE and before[1] in cue_words("same-session-adjective")
    )


def _unnumbered_session(ctx: LetterContext, m: Mention) -> bool:
    if m.text.lower() != _BARE_SESSION_WORD:
        return False
    before = [t.lower() for t in ctx.tokens_before(m.start, 1)]
    after = ctx.text[m.end : m.end + 6].strip().split(" ")[0].strip(":").lower()
    return (not before or before[0] not in ORDINALS) and after not in ORDINALS


# "twee informele sessies van de Noord-Atlantische Raad op 22 mei": the day of the sessions
_SESSIONS_DAY_RE = r"\b(?:{cue:sessions-plural})\b"


def _sessions_day(ctx: LetterContext, main: Draft) -> DateMatch | None:
    """The one day of a multi-day main meeting that the letter gives its working sessions
    as a whole ("Het programma bestaat uit een diner op 21 mei en twee informele sessies
    ... op 22 mei"), for a working session named without a day ("Sessie I: Oekraïne")."""
    if main.start is None or main.end is None or main.end == main.start:
        return None
    days = set()
    for found in cue_regex(_SESSIONS_DAY_RE).finditer(ctx.text):
        sentence = ctx.sentence_at(found.start())
        if sentence is None:
            continue
        end = min(sentence.end, found.end() + 80)
        days |= {d.first for d in ctx.dates_in(found.end(), end) if d.first == d.last and main.dated(d)}
    if len(days) != 1:
        return None
    day = days.pop()
    return DateMatch(0, 0, day, day, "")


@cache
def _weekday_alone() -> re.Pattern:
    names = "|".join(sorted(weekday_names(), key=len, reverse=True))
    return re.compile(_WEEKDAY_ALONE.format(names=names), re.IGNORECASE)


def _day_in_force(ctx: LetterContext, main: Draft, offset: int) -> DateMatch | None:
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
        day = main.start + timedelta(days=ORDINALS[found.group(1).lower()] - 1)
        if day <= main.end:
            days.append(DateMatch(found.start(), found.end(), day, day, found.group(0)))
    # "Op woensdag vergadert de NAR": the meeting's day of that weekday
    for found in _weekday_alone().finditer(ctx.text, paragraph_start, offset):
        number = weekday_names().get(found.group("weekday").lower())
        day = next((main.start + timedelta(days=k) for k in range((main.end - main.start).days + 1)
                    if (main.start + timedelta(days=k)).weekday() == number), None)
        if day is not None:
            days.append(DateMatch(found.start(), found.end(), day, day, found.group(0)))
    latest = max(days, key=lambda d: d.end) if days else None
    # "De volgende dag vergaderde de Raad": the day after the one named before
    following = [f for f in cue_regex(_NEXT_DAY_RE).finditer(ctx.text, paragraph_start, offset)
                 if latest is not None and f.start() >= latest.end]
    if following and latest.first < main.end:
        day = latest.first + timedelta(days=1)
        return DateMatch(following[-1].start(), following[-1].end(), day, day, following[-1].group(0))
    return latest


def group_sessions(ctx: LetterContext, collector: Collector, main: Draft, sentence, dates) -> Draft | None:
    """'een bijeenkomst met de NAVO-partnerlanden onder het ICI': the partner group's
    session (the group's meeting-name concept, nkg:sessionGroup), and the group's own
    gathering ("waarna de ISAF-partners bijeenkwamen")."""
    found = None
    terms = ctx.lexicon.session_groups
    for cue in cue_regex(_GROUP_MEETING_RE).finditer(ctx.text, sentence.start, sentence.end):
        if _CLAUSE_BREAK.search(cue.group(0)):
            continue  # "vergaderden over X en spraken met de ISAF-partners": two clauses
        group = next((g for g in ctx.in_span(cue.end(), min(sentence.end, cue.end() + 120), "GROUP") if g.key in terms), None)
        if group is None:
            continue
        if cue.group("of") and not _ONLY_AN_ARTICLE.fullmatch(ctx.text, cue.end(), group.start):
            continue  # "de bijeenkomst van de NAVO-ministers ... de ICI-partners": not the group's meeting
        if other_instance(ctx, cue.start(), sentence.start) or cue_regex(_NOT_HELD_RE).search(ctx.text, group.end, sentence.end):
            continue  # "De volgende bijeenkomst van de ISAF-partners", "... kwam er niet"
        found = _group_session(ctx, collector, main, sentence, dates, terms[group.key], cue.start(), group.end)
    # "waarna de ISAF-partners bijeenkwamen": the group gathers as the subject
    for group in ctx.in_span(sentence.start, sentence.end, "GROUP"):
        term = terms.get(group.key)
        if term is None or not cue_regex(_GATHERS_AFTER_RE).match(ctx.text, group.end, sentence.end):
            continue
        if other_instance(ctx, group.start, sentence.start) or cue_regex(_NOT_HELD_RE).search(ctx.text, group.end, sentence.end):
            continue
        found = _group_session(ctx, collector, main, sentence, dates, term, group.start, group.end)
    return found


def _group_session(ctx: LetterContext, collector: Collector, main: Draft, sentence, dates, term, start: int, end: int) -> Draft:
    before = [d for d in dates if d.end <= start and main.dated(d)]
    when = before[-1] if before else None
    pseudo = Mention(start, end, NAMED, term.key, ctx.text[start:end])
    return collector.session(pseudo, sentence, term.meeting_kind or "council-session", when)


def _session_group(ctx: LetterContext, collector: Collector, draft: Draft, m: Mention, sentence) -> None:
    """A council session 'met (aanwezigheid van) de ICI-partners' is the ICI meeting."""
    if draft.kind != "council-session" or draft.key != "north-atlantic-council":
        return
    for g in ctx.in_span(m.end, sentence.end, "GROUP"):
        term = ctx.lexicon.session_groups.get(g.key)
        if term is not None and re.search(r"\bmet\b", ctx.text[m.end : g.start]):
            draft.key, draft.name = term.key, ctx.text[m.start : g.end]
            # merge into an existing session of that group
            twin = next((d for d in collector.sessions if d is not draft and d.key == term.key and d.dated(
                DateMatch(0, 0, draft.start, draft.start, "") if draft.start else None)), None)
            if twin is not None:
                for evidence in draft.evidence:
                    ctx.evidence_lists.add(twin.evidence, evidence)
                twin.spans += draft.spans
                twin.start = twin.start or draft.start
                twin.end = twin.end or draft.end
                collector.sessions.remove(draft)
            return


def _host(ctx: LetterContext, draft: Draft, m: Mention, sentence, meetings, person_spans) -> None:
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
