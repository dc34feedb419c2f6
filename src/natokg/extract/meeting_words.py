"""The grammar shared by the meeting rules (natokg.extract.meetings, main_meeting,
sessions): the meeting drafts, the meeting words of a span and which dates and cities
of a sentence belong to which meeting word."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from natokg.extract.context import LetterContext
from natokg.knowledge.cues import cue_regex, cue_word_set
from natokg.knowledge.lexicon import SummitRecord
from natokg.extract.actor_mentions import governing_preposition
from natokg.extract.function_words import ALLIES, NATO
from natokg.records import ActorRef, Evidence
from natokg.text.dates import DateMatch, MonthMatch, find_months, month_of
from natokg.text.nlp import KIND, NAMED, Mention


MAIN_KINDS = ("summit", "foreign-ministers", "defence-ministers")
SESSION_KINDS = ("council-session", "social-event", "forum", "working-session")
# Function words of the meeting grammar (closed classes, not domain knowledge).
MODIFIERS = {
    "informeel": "informal", "informele": "informal", "sociaal": "social", "sociale": "social",
    "formeel": "formal", "formele": "formal", "officieel": "official", "officiele": "official",
    "besloten": "closed", "gezamenlijk": "joint", "gezamenlijke": "joint",
}  # fmt: skip
ORDINALS = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5,
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5,
}  # fmt: skip
SKIP_PARTS = ("header", "footnote", "signature")
_SESSIONS_OF_RE = re.compile(r"\bsessies\s+van\s+de\s*$", re.I)  # plural: no session word of its own
_OF_THE_RE = re.compile(r"\s+van\s+de\s+")


_ONE_DAY = timedelta(days=1)


@dataclass
class Draft:
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
    precedes: "Draft | None" = None
    held: bool = True  # False: a standing council whose mentions never say it meets (dropped when undated)
    month: str = ""  # "2008-02": the month a meeting named without a day falls in

    def add(self, ctx: LetterContext, start: int, end: int) -> None:
        ctx.evidence_lists.add(self.evidence, ctx.evidence(start, end))
        self.spans.append((start, end))

    @property
    def month_key(self) -> str:
        """"2008-02": the month the meeting falls in, from its start or its month ("" unknown)."""
        return month_of(self.start) if self.start is not None else self.month

    def dated(self, match: DateMatch | None) -> bool:
        """Whether a date agrees with what is known of this meeting."""
        if match is None or self.start is None:
            return True
        return self.start <= match.first <= (self.end or self.start)

    def around(self, match: DateMatch | None) -> bool:
        """Whether a date falls on this meeting's days or the day before or after them,
        when its sessions may be held too ("Aan de vooravond van de bijeenkomst, op
        woensdag 12 juni, komt ... de NAVO-Oekraïne Raad bijeen")."""
        if match is None or self.start is None:
            return True
        return self.start - _ONE_DAY <= match.first <= (self.end or self.start) + _ONE_DAY


def usable(ctx: LetterContext, m: Mention) -> bool:
    if ctx.part_at(m.start) in SKIP_PARTS:
        return False
    if m.text.lower() == "top" and ctx.text[m.end : m.end + 1] == "-":
        return False  # "top-prioriteit"
    return True


def _council_holds_session(ctx: LetterContext, m: Mention, meetings: list[Mention]) -> bool:
    """'een werksessie van de Noord-Atlantische Raad', 'twee sessies van de NAR': the
    council holds the session, it is not a session of its own."""
    if m.key != "north-atlantic-council":
        return False
    before = ctx.text[max(0, m.start - 40) : m.start]
    if _SESSIONS_OF_RE.search(before):
        return True
    return any(
        named_kind(ctx, x) == "working-session" and x.end <= m.start and _OF_THE_RE.fullmatch(ctx.text[x.end : m.start])
        for x in meetings
    )


def meeting_mentions(ctx: LetterContext, start: int, end: int) -> list[Mention]:
    found = [m for m in ctx.in_span(start, end, KIND, NAMED) if usable(ctx, m)]
    councils = [m for m in found if named_kind(ctx, m) == "council-session"]
    kept = []
    for m in found:
        if named_kind(ctx, m) == "social-event":
            # "NUC-diner", "diner ... in samenstelling van de NAVO-Oekraïne Raad": the council's
            if any(c.end == m.start - 1 and ctx.text[c.end] == "-" for c in councils):
                continue
            if any(
                c.start > m.end and re.search(r"in\s+samenstelling\s+van", ctx.text[m.end : c.start])
                for c in councils
            ):
                continue
        kept.append(m)
    return [m for m in kept if not _council_holds_session(ctx, m, kept)]


def named_kind(ctx: LetterContext, m: Mention) -> str:
    if m.label == KIND:
        return m.key
    term = ctx.lexicon.meeting_terms.get(("meeting-name", m.key))
    return term.meeting_kind if term is not None and term.meeting_kind else "external"


def attached(ctx: LetterContext, sentence, target: Mention, items, meetings: list[Mention], conflicts=None):
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
        # not across a semicolon: "De ministers ... komen op 9 juni bijeen; de bijeenkomst van ... vindt in december plaats"
        after = sorted(
            (m for m in meetings if m.start >= item.end and m not in before and ctx.text.find(";", item.end, m.start) < 0),
            key=lambda m: m.start - item.end,
        )
        for candidate in before + after:
            if conflicts is not None and conflicts(candidate, item):
                continue
            if candidate == target:
                result.append(item)
            break
    return result


# "De volgende (informele) bijeenkomst ...": another meeting of the kind
PLACE_NAME = r"[A-ZÀ-Þ][\w'’.-]*"  # one capitalised word: "Antalya", "Sint-Petersburg"
PLACE_NAMES = PLACE_NAME + r"(?:\s+" + PLACE_NAME + r")?"  # "Colorado Springs"
_OTHER_INSTANCE = r"\b(?:{{cue:{which}}})\s+(?:\w+\s+)?$"


def other_instance(ctx: LetterContext, offset: int, lo: int = 0, which: str = "other-instance") -> bool:
    """Whether "volgende", "vorige" ... (cue:other-instance; or only the words of a later
    or an earlier one, ``which`` "next-instance" or "previous-instance") stands right
    before ``offset`` (at most one word between), not before ``lo``."""
    return cue_regex(_OTHER_INSTANCE.format(which=which)).search(ctx.text, max(lo, offset - 40), offset) is not None


def instance_tense(ctx: LetterContext, offset: int) -> str:
    """"coming" after "volgende" (cue:next-instance), "past" after "vorige"
    (cue:previous-instance) right before ``offset``, else ""."""
    if other_instance(ctx, offset, which="next-instance"):
        return "coming"
    return "past" if other_instance(ctx, offset, which="previous-instance") else ""


def city_after_preposition(ctx: LetterContext, m: Mention) -> bool:
    """Whether a place stands after the preposition of a venue ("in Riga", "te Gent",
    "op het ..."), also with its state's or region's adjective between ("in het Poolse
    Krakau", "in het Siciliaanse Taormina")."""
    raw = ctx.tokens_before(m.start, 3)
    before = [t.lower() for t in raw]
    if len(before) >= 2 and (
        ctx.lexicon.state_by_demonym(before[-1]) is not None
        or (before[-2] == "het" and raw[-1][:1].isupper() and before[-1].endswith("se"))
    ):
        before = before[:-1]
    return bool(before) and (before[-1] in ("in", "te", "naar", "het") or before[-2:] == ["op", "het"])


def delegations(records, lexicon) -> ActorRef:
    """The group the main meeting's delegations form as one body ("de ministers", the
    meeting's decisions): the allies, or for a meeting outside NATO its
    nkg:delegationsGroup (the EU member states in an EU Council)."""
    main = records.main_meeting
    if main is not None and main.ref.kind == "external":
        term = lexicon.meeting_name_by_surface(main.name)
        if term is not None and term.delegations is not None:
            return term.delegations
    return ALLIES


def delegations_in(collective: ActorRef, tokens, lexicon, verb: int) -> ActorRef:
    """Who decides at ``verb`` when no actor is named: the allies when the delegation noun
    of its subject (right after the verb, else the nearest before it) is NATO's ("De
    NAVO-ministers van Defensie besloten tot ..." in a report of an EU Council; not "na de
    bijeenkomst van de NAVO-ministers besloten de ministers", nor "de NATO Response
    Force") or the allies are named in its clause before it ("dat de bondgenoten op de
    NAVO-top ... hebben afgesproken"), else ``collective``."""
    if collective == ALLIES:
        return collective
    for k in range(verb - 1, -1, -1):
        if tokens[k].norm in (",", ";", ":", "dat"):
            break
        if lexicon.actor_by_surface(tokens[k].norm) == ALLIES and governing_preposition(tokens, k, ()) is None:
            return ALLIES  # the subject, not "in overleg met de bondgenoten"
    nouns = cue_word_set("allies-delegation-noun")
    found = [k for k in range(1, len(tokens)) if tokens[k].norm in nouns]
    after = [k for k in found if verb < k <= verb + 3]
    before = [k for k in found if k < verb]
    k = after[0] if after else (before[-1] if before else None)
    if k is not None and lexicon.actor_by_surface(tokens[k - 1].norm) == NATO:
        return ALLIES
    return collective


# "Over de vorige bijeenkomst, van 8 en 9 november jl.", "de bijeenkomst van 29 juni jl."
_OWNER_AFTER_DAY = re.compile(r"\s*(?:jl\.|a\.s\.)?,?\s+van\s+(?:de|het)\b")
# "de vorige bijeenkomst, van 8 en 9 november jl.", "de informele bijeenkomst in Colorado
# Springs op 8 en 9 oktober jl.": the day right after the noun or its place
_BARE_MEETING_DATE_RE = (r"\b(?:de|het)\s+(?P<name>(?:(?:{cue:other-instance})\s+)?(?:(?:{cue:informal})\s+)?"
                         r"(?:{cue:bare-meeting-noun}))(?:\s+in\s+(?-i:" + PLACE_NAMES + r"))?"
                         r"\s*,?\s+(?:op|van)\s+(?:\w+dag\s+)?$")


# "voor de volgende bijeenkomst in februari 2013", "tijdens de bijeenkomst van februari
# 2017", "de vorige ministeriële, in mei jl. in Antalya", "vóór de informele bijeenkomst in
# Berlijn in september a.s.": the month right after the noun or its place
_BARE_MEETING_MONTH_RE = (r"\b(?:de|het)\s+(?P<name>(?:(?:{cue:other-instance})\s+)?(?:(?:{cue:informal})\s+)?"
                          r"(?:{cue:bare-meeting-noun}))(?:\s+in\s+(?-i:" + PLACE_NAMES + r"))?"
                          r"(?P<comma>\s*,)?\s+(?:(?:in|van|voor)\s+(?:de\s+maand\s+)?)?$")
# after a comma the month is the noun's only in an apposition closed after it ("de vorige
# ministeriële, in mei jl. in Antalya, ..."), not the next clause's ("..., in oktober volgt")
_APPOSITION_CLOSED = re.compile(r"(?:\s+in\s+" + PLACE_NAME + r")?\s*(?:,|\)|$)")


def bare_meetings_by_month(ctx, main: Draft, sentence) -> list[tuple[int, MonthMatch]]:
    """(name start, month) of each bare meeting noun with a month of its own, not the main
    meeting's, in a letter about a ministers' meeting (as ``bare_meetings``)."""
    if ctx.reference is None or not _bare_meeting_letter(ctx, main, sentence):
        return []
    months = find_months(sentence.text, reference=ctx.reference, offset=sentence.start)
    if not months or any(
        cue_regex(rf"\b(?:{{cue:{kind}-group}})\b").search(sentence.text) for kind in MAIN_KINDS if kind != main.kind
    ):
        return []  # "Tijdens de bijeenkomst in Londen in december 2019 erkenden de regeringsleiders ...": theirs
    found = []
    for month in months:
        if main.month_key == month.iso:
            continue
        cue = cue_regex(_BARE_MEETING_MONTH_RE).search(ctx.text, max(sentence.start, month.start - 60), month.start)
        if cue is None or _OWNER_AFTER_DAY.match(ctx.text, month.end) or meeting_mentions(ctx, month.end, sentence.end):
            continue
        if cue.group("comma") and not _APPOSITION_CLOSED.match(ctx.text[: sentence.end], month.end):
            continue
        tense = instance_tense(ctx, cue.end("name") - len(cue.group("name").split()[-1]))
        if tense:  # "de volgende bijeenkomst in december": the coming December
            reread = find_months(sentence.text, reference=ctx.reference, offset=sentence.start, tense=tense)
            month = next((m for m in reread if m.start == month.start), month)
        found.append((cue.start("name"), month))
    return found


def _bare_meeting_letter(ctx, main: Draft, sentence) -> bool:
    """A letter about a ministers' meeting with a day, outside a heading naming a meeting
    of another kind: where a bare meeting noun is another meeting of the main one's kind."""
    if main.kind not in MAIN_KINDS or main.kind == "summit" or main.start is None:
        return False
    return not (sentence.heading and any(
        named_kind(ctx, m) != main.kind for m in ctx.annotator.phrase_mentions(sentence.heading) if m.label in (KIND, NAMED)
    ))


def bare_meetings(ctx, main: Draft, sentence, dates) -> list[tuple[int, DateMatch]]:
    """(name start, day) of each bare meeting noun with a day of its own that is not the
    main meeting's (cue:bare-meeting-noun), in a letter about a ministers' meeting: another
    meeting of its kind. Not a day next to the main meeting's ("Daags voor de ministeriële,
    op 13 februari, komen ... bijeen"), nor under a heading naming a meeting of another
    kind, nor when a body or meeting is named after the day: the noun is that one's."""
    if not _bare_meeting_letter(ctx, main, sentence):
        return []
    found = []
    for when in dates:
        if main.around(when):
            continue
        cue = cue_regex(_BARE_MEETING_DATE_RE).search(ctx.text, max(sentence.start, when.start - 60), when.start)
        if cue is None or _OWNER_AFTER_DAY.match(ctx.text, when.end) or meeting_mentions(ctx, when.end, sentence.end):
            continue  # "de bijeenkomst van 5 december jl. van de NAVO-ministers van Buitenlandse Zaken": theirs
        found.append((cue.start("name"), when))
    return found
