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
   (else the first after it), unless that meeting's dates are known and differ; a word
   of the main meeting's kind after "volgende", "vorige" ... (cue:other-instance) is
   another meeting, with its own date, and so is one on a day after a report's date
   ("De formele bijeenkomst ... vindt plaats op 11 en 12 juni a.s."). Ministers or
   leaders who meet on a day or in a month ("komen in december bijeen in Riga", "hebben
   op 31 maart jl. ... besproken", "tijdens hun bijeenkomst in Vilnius op ...", "zij
   komen opnieuw bijeen op ...") are a meeting of their kind, outside the main meeting's
   days; the verb's tense tells the month's year.
3. Sessions (council sessions, social events, forums, working sessions) are the
   main meeting's parts; their date is the one their sentence gives, else the date of
   the session before when the sentence goes on "aansluitend" / "daaropvolgend",
   else the date of the memo's schedule bullet they stand under ("- 7 juli:"), else the
   day their paragraph names before them ("Op 9 juli ...", "op de tweede dag"), else the
   main meeting's date when it lasts one day.
4. A meeting named with a month but no day ("in Vilnius in februari 2008", "de
   Europese Raad van december a.s.") is known by its month (MeetingRef.month).
5. A summit named with a city ("de NAVO-top in Den Haag", "de in Den Haag gemaakte
   afspraak") resolves through the reference summits to the same MeetingRef as
   anywhere else; meetings outside NATO (Europese Raad, Raad Buitenlandse Zaken,
   Ramstein, Commissiedebat) need a date of their own, or "dezelfde dag" before them
   (cue:same-day: the last day their paragraph named); one named again in brackets
   after the main meeting of a letter about an outside meeting is that meeting.

Rule 1 lives in natokg.extract.main_meeting, rule 3 in natokg.extract.sessions, the
grammar they share (rule 2) in natokg.extract.meeting_words.
"""

from __future__ import annotations

import re
from datetime import date

from natokg.folding import fold
from natokg.extract.context import LetterContext
from natokg.extract.function_words import FINITE_AUXILIARIES, FUTURE_AUXILIARIES
from natokg.extract.main_meeting import external_main, is_informal, locate_main, main_meeting
from natokg.extract.meeting_words import (
    MAIN_KINDS, PLACE_NAME, PLACE_NAMES, SESSION_KINDS, SKIP_PARTS, Draft, attached, bare_meetings, bare_meetings_by_month,
    city_after_preposition, instance_tense, meeting_mentions, named_kind, other_instance,
)
from natokg.extract.sessions import SUBJECT_SESSION, Collector, add_session, group_sessions, of_another_meeting
from natokg.extract.stage import Found, MeetingIndex
from natokg.knowledge.cues import cue_regex, cue_word_set
from natokg.knowledge.lexicon import SummitRecord
from natokg.identifiers import subject_key
from natokg.namespaces import slugify
from natokg.records import ActorRef, Meeting, MeetingRef
from natokg.text.dates import DateMatch, MonthMatch, find_months, find_years, month_of
from natokg.text.nlp import CITY, KIND, NAMED, ORG, STATE, Mention


_AGREEMENT_RE = r"\b(?:{cue:summit-agreement})\b"
_SAME_DAY_RE = r"\b(?:{cue:same-day})\b"
# between a meeting word and its month: at most its city, then the month's preposition
# (or a relative clause's "die": "de NAVO-top die in juli 2018 in Brussel plaatsvindt")
_OWN_MONTH = re.compile(
    rf"(?:\s+(?:in|te)\s+{PLACE_NAME}(?:\s+{PLACE_NAME}){{0,2}})?(?:\s*,?\s+die)?\s+(?:in|van)\s+(?:de\s+maand\s+)?"
)
# the same for the next or previous meeting, a verb of scheduling between ("vindt in", "is
# voorzien voor", "vindt eind april ... plaats"), its city before or after it
_INSTANCE_MONTH_RE = (
    r"(?:\s+(?:in|te)\s+" + PLACE_NAME + r"(?:\s+" + PLACE_NAME + r"){0,2})?\s+(?:{cue:scheduled-for})"
    r"(?:\s+(?:in|voor|van)(?:\s+de\s+maand)?)?\s+"
)
_PRECEDES_RE = r"\b(?:{cue:precedes})\b"  # "laatste ... voor": the gap stays in the sentence


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
        if sentence.part in SKIP_PARTS:
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


def _summit_in_month(ctx: LetterContext, city: str | None, month: str) -> SummitRecord | None:
    """The reference summit held in ``month`` ("2018-07"), in ``city`` when one is named."""
    for summit in ctx.lexicon.summits.values():
        if month_of(summit.start) == month and (city is None or city in summit.cities):
            return summit
    return None


_OTHER_CLAUSE = re.compile(r"\b(?:dat|om|waarin|waarbij)\b|[;:]", re.IGNORECASE)


def _summit_in_year(ctx: LetterContext, sentence, m: Mention) -> SummitRecord | None:
    """"De volgende top vindt in 2026 plaats in Turkije", "de NAVO-top in 2021": the one
    reference summit of the year named shortly after the summit word, in its clause (hosted
    by the state named there, if one is). A bare "top" needs that host, "volgende" or NATO
    in its name (another organisation's "top in 2009" is none of NATO's)."""
    end = min(sentence.end, m.end + 80)
    clause = _OTHER_CLAUSE.search(ctx.text, m.end, end)  # "de NAVO-top dat bondgenoten in 2024 ...": another clause
    end = clause.start() if clause else end
    years = find_years(ctx.text[m.end : end])
    if not years:
        return None
    hosts = {x.key for x in ctx.in_span(m.end, end, STATE)}
    nato = any(x.label == ORG and x.key == "nato" for x in ctx.annotator.phrase_mentions(m.text))
    if not (hosts or other_instance(ctx, m.start) or nato):
        return None
    found = [x for x in ctx.lexicon.summits.values() if x.start.year == years[0] and (not hosts or hosts & set(x.hosts))]
    return found[0] if len(found) == 1 else None


# "De volgende top vindt in 2026 plaats", "de volgende top in 2008": the year at most two words on
_YEAR_SOON_AFTER = r"[\s,]+(?:\S+\s+){{0,2}}(?:in|voor)\s+(?:[a-z]+\s+)?{year}\b"  # "in juli 2018" too


def _of_another_year(ctx: LetterContext, main: Draft, m: Mention, by_year: SummitRecord | None) -> bool:
    """Whether a summit word with "volgende" before it (cue:next-instance) names the
    summit of a later year than the main one's, right after it ("De volgende top vindt
    in 2026 plaats"), or with "vorige" (cue:previous-instance) an earlier one's."""
    if by_year is None or main.start is None:
        return False
    year = by_year.start.year
    if not re.match(_YEAR_SOON_AFTER.format(year=year), ctx.text[m.end : m.end + 80]):
        return False  # "Tijdens de volgende top moeten de bondgenoten in 2024 ...": the clause's year
    if other_instance(ctx, m.start, which="next-instance"):
        return year > main.start.year
    if other_instance(ctx, m.start, which="previous-instance"):
        return year < main.start.year
    return False


_OF_CITY_RE = re.compile(r"\s+van\s+")  # "de Europese Raad van Kopenhagen": named after its city


def _summit_from_text(ctx: LetterContext, city: str | None, when: DateMatch | None):
    """(start, end, city, summit record) of a summit named with a city and/or date."""
    summit = None
    if city is not None:
        summit = _nearest_summit(ctx, city, when.first if when else None)
        if summit is None and when is not None:
            # "Op 2 april spraken de ministers over de NAVO-top in Wales", "komen op 3 december
            # bijeen, waarna de top in Den Haag ...": a day that is not the summit's is another's
            summit = _nearest_summit(ctx, city, None)
    elif when is not None:
        summit = _summit_by_date(ctx, when.first)
    if summit is not None:
        return summit.start, summit.end, summit.city, summit
    if when is not None and city is not None:
        return when.first, when.last, city, None
    # a "top" on a day no NATO summit was held, without a city: another organisation's
    # ("de top van het Oostelijk Partnerschap op 24 november")
    return None


def extract_meetings(ctx: LetterContext, found: Found) -> MeetingIndex | None:
    """All meetings of the letter; None when it names no NATO meeting. The persons
    found before (their spans) name the hosts."""
    person_spans = found.persons.spans if found.persons else ()
    other_document = found.letter is not None and found.letter.kind == "other"
    main = (external_main(ctx) if other_document else None) or main_meeting(ctx)
    if main is None:
        return None
    body = [s for s in ctx.sentences if s.part not in ("header", "footnote", "signature")]
    locate_main(ctx, main, [s for s in body if s.part != "memo"] + [s for s in body if s.part == "memo"])
    if main.kind == "summit":
        summit = _summit_from_text(
            ctx, main.city, DateMatch(0, 0, main.start, main.end or main.start, "") if main.start else None
        )
        if summit is not None:
            main.start, main.end, main.city, main.summit = summit
    collector = Collector(ctx, main)
    letter_date = found.letter.date if found.letter is not None else None

    previous_session: Draft | None = None
    for sentence in body:
        meetings = meeting_mentions(ctx, sentence.start, sentence.end)
        dates = ctx.dates_in(sentence.start, sentence.end)
        earlier = bare_meetings(ctx, main, sentence, dates)
        for start, when in earlier:
            city = next((c.key for c in ctx.in_span(start, when.start, CITY) if city_after_preposition(ctx, c)), None)
            collector.other(main.kind, main.kind, ctx.text[start : when.end], when.first, when.last, city, start, when.end)
        dates = [d for d in dates if all(d is not w for _, w in earlier)]
        for start, month in bare_meetings_by_month(ctx, main, sentence):
            city = next((c.key for c in ctx.in_span(start, month.start, CITY) if city_after_preposition(ctx, c)), None)
            collector.other(main.kind, main.kind, ctx.text[start : month.end], None, None,
                            city or _gathering_city(ctx, sentence, month.end), start, month.end, month=month.iso)
        cities = [c for c in ctx.in_span(sentence.start, sentence.end, CITY)]

        def conflicts(candidate: Mention, item) -> bool:
            # a date outside the main meeting cannot be the main meeting's or a session's
            if not isinstance(item, DateMatch) or main.start is None:
                return False
            kind = named_kind(ctx, candidate)
            if kind in SESSION_KINDS:
                return not main.around(item)  # a session may be held on the eve
            if kind == main.kind and candidate.label == KIND and not other_instance(ctx, candidate.start):
                # "De formele bijeenkomst van ministers van Defensie vindt plaats op 11 en 12
                # juni a.s." in a report: a day on the other side of the letter's date
                return not main.dated(item) and not _across(letter_date, main.start, item)
            return False

        for m in meetings:
            kind = named_kind(ctx, m)
            own_dates = attached(ctx, sentence, m, dates, meetings, conflicts)
            # a day of the meeting itself before one on its eve or the day after
            when = next((d for d in own_dates if main.dated(d)), own_dates[0]) if own_dates else None
            month = None
            if when is None and kind not in SESSION_KINDS:
                when = _same_day(ctx, sentence, m)
                month = None if when is not None else _month(ctx, sentence, m)
            if kind in SESSION_KINDS:
                if not own_dates and main.start is not None and any(
                    not main.around(d) for d in attached(ctx, sentence, m, dates, meetings)
                ):
                    continue  # "Op 20 april jl. kwam de NAVO-Rusland Raad bijeen": another day's council
                if of_another_meeting(ctx, main, m, meetings):
                    continue
                previous_session = add_session(
                    ctx, collector, m, kind, when, sentence, meetings, person_spans, previous_session
                )
                continue
            own_cities = attached(ctx, sentence, m, [c for c in cities if city_after_preposition(ctx, c)], meetings)
            # of two cities, the one next to the meeting word: "De bijeenkomst in Noordwijk [...]
            # de bijeenkomst van ministers van Defensie in Vilnius"
            city = min(own_cities, key=lambda c: c.start - m.end if c.start >= m.end else m.start - c.end).key if own_cities else None
            named_after = next((c for c in cities if _OF_CITY_RE.fullmatch(ctx.text, m.end, c.start)), None)
            city = city or (named_after.key if named_after is not None else None)
            if kind in MAIN_KINDS:
                # "De volgende top vindt in 2026 plaats in Turkije", "... gepland voor 2021 in Brussel"
                by_year = _summit_in_year(ctx, sentence, m) if kind == "summit" and when is None and month is None else None
                if (kind == main.kind and (when is None or main.dated(when)) and (city is None or city == main.city)
                        and (month is None or main.start is None or main.month_key == month.iso)
                        and not (when is not None and other_instance(ctx, m.start))
                        and not _of_another_year(ctx, main, m, by_year)):
                    main.add(ctx, m.start, m.end)
                    continue
                if kind == "summit":
                    by_month = _summit_in_month(ctx, city, month.iso) if when is None and month is not None else None
                    if by_month is not None:  # "de NAVO-top in Brussel in juli 2018"
                        when = DateMatch(0, 0, by_month.start, by_month.end, "")
                    if by_year is not None and (city is None or city in by_year.cities):
                        found = (by_year.start, by_year.end, by_year.city, by_year)
                    else:
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
                elif month is not None:  # "informele bijeenkomst ... in Vilnius in februari 2008"
                    collector.other(kind, kind, m.text, None, None, city, m.start, m.end, month=month.iso)
                continue
            # a meeting outside NATO: needs a date, its own or from an earlier mention
            if _is_office_context(ctx, m):
                continue
            aliased = m.start > 0 and ctx.text[m.start - 1] == "(" and any(sentence.start <= a < m.start for a, _ in main.spans)
            if (when is not None and main.kind == kind and (m.key == main.key or aliased) and main.start is not None
                    and main.dated(when) and city in (None, main.city)):
                main.add(ctx, m.start, m.end)  # "de Raad ... (RBZ Defensie) die op 20 mei jl. ...": the main meeting again
            elif when is not None:
                collector.other(kind, m.key, m.text, when.first, when.last, city, m.start, m.end)
            elif month is not None:  # "de Europese Raad van december a.s."
                collector.other(kind, m.key, m.text, None, None, city, m.start, m.end, month=month.iso)
            else:
                known = next((d for d in collector.others if d.key == m.key and d.start is not None), None)
                if known is not None:
                    known.city = known.city or city  # "... de Ukraine Defense Contact Group die ... op 26 april in Ramstein"
                    known.add(ctx, m.start, m.end)
        previous_session = group_sessions(ctx, collector, main, sentence, dates) or previous_session
        _summit_agreements(ctx, collector, main, sentence, meetings, cities)
        _gatherings(ctx, collector, main, sentence, dates)
        _precedes(ctx, collector, main, sentence)
    main.informal = is_informal(ctx, main)  # from the mentions found to be the main meeting
    return _finalise(ctx, main, collector)


def _across(letter_date: date | None, start: date | None, item: DateMatch) -> bool:
    """Whether a day comes after the letter while the meeting lay before it: a report's
    meeting is past, a day to come is another meeting's. (In an agenda a day before the
    letter is most often an event the sentence recalls, "het akkoord van 17 juni jl.",
    not another meeting of the kind.)"""
    if letter_date is None or start is None:
        return False
    return start <= letter_date < item.first


def _month(ctx: LetterContext, sentence, m: Mention) -> MonthMatch | None:
    """The month without a day in ``m``'s own phrase: right after it, after at most its
    city ("bijeenkomst ... in Vilnius in februari 2008", "Europese Raad van december a.s.");
    a month further on belongs to the clause ("werd afgesproken dat ... in juni ...")."""
    if ctx.reference is None:
        return None
    tense = instance_tense(ctx, m.start)
    months = find_months(ctx.text[m.end : sentence.end], reference=ctx.reference, offset=m.end, tense=tense)
    if not months:
        return None
    # "De volgende bijeenkomst van de ministers van Defensie is voorzien voor oktober a.s.":
    # the next or previous one takes the month its clause gives it
    own = cue_regex(_INSTANCE_MONTH_RE, 0) if tense else _OWN_MONTH
    return months[0] if own.fullmatch(ctx.text, m.end, months[0].start) else None


def _same_day(ctx: LetterContext, sentence, m: Mention) -> DateMatch | None:
    """"Dezelfde dag houden de EU en de VS een EU-VS-top": the last single day the
    paragraph names before the sentence, when a same-day phrase stands before ``m``."""
    if cue_regex(_SAME_DAY_RE).search(ctx.text, sentence.start, m.start) is None:
        return None
    paragraph_start = ctx.text.rfind("\n\n", 0, sentence.start) + 1
    days = [d for d in ctx.dates_in(paragraph_start, sentence.start) if d.first == d.last]
    return days[-1] if days else None


def _is_office_context(ctx: LetterContext, m: Mention) -> bool:
    """'de president van de Europese Raad': the body, not a meeting of it."""
    found = re.search(r"(\S+)\s+van\s+(?:de|het)\s+$", ctx.text[max(0, m.start - 60) : m.start])
    if found is None:
        return False
    word_end = m.start - (len(found.group(0)) - found.end(1))
    return any(o.end == word_end for o in ctx.in_span(word_end - 60, word_end, "OFFICE"))


def _summit_agreements(ctx, collector: Collector, main: Draft, sentence, meetings, cities) -> None:
    """'de in Den Haag gemaakte afspraak', 'de Den Haag-afspraken', 'vorig jaar in Den Haag'."""
    for c in cities:
        if any(m.start <= c.start and c.end <= m.end + 40 and named_kind(ctx, m) == "summit" for m in meetings):
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


# "de ministers van Defensie op 5 juni jl.", "de NAVO-ministers van Defensie, die op 17 en
# 18 februari", "het besluit van de ministers van Buitenlandse Zaken van 20 november"
# "De ministers van Buitenlandse Zaken hebben op 31 maart jl. de voorbereiding besproken":
# an auxiliary before the day, the participle of talking or gathering after it
_GATHERING_VERB = (r"(?:\s+(?P<present>{{cue:gathering-verb}})|\s+(?P<past>{{cue:gathering-verb-past}})"
                   r"|\s+(?P<aux>" + "|".join(sorted(FINITE_AUXILIARIES - FUTURE_AUXILIARIES)) + r"))?")
# "zij komen opnieuw bijeen op 8 en 9 juni a.s.": after a verb, up to two words before
# the day; a pronoun stands for the group named before it in the sentence
_GATHERING_DATE_RE = (r"\b(?:(?P<group>{{cue:{group}}})|(?P<pronoun>zij|ze))\b(?:\s*,\s*die)?" + _GATHERING_VERB
                      + r"(?(present)(?:\s+\w+){{0,2}}|(?(past)(?:\s+\w+){{0,2}}))"
                      # "de vergadering van de ministers van Defensie in Brussel op 6 juni jl."
                      + r"(?:\s+in\s+(?-i:" + PLACE_NAMES + r"))?\s+(?:op|van)\s+$")
# "de ministers van Buitenlandse Zaken in december 2008", "... komen in december bijeen":
# the same with a month, whose year the verb's tense tells
_GATHERING_MONTH_RE = r"\b(?:{{cue:{group}}})\b(?:\s*,\s*die)?" + _GATHERING_VERB + r"\s+in\s+$"
# "De ministers van Buitenlandse Zaken zullen tijdens hun informele bijeenkomst in Vilnius
# op 20 en 21 april a.s. ...": the group's own meeting, in the group's clause
_THEIR_MEETING_DATE_RE = (r"\b(?:{{cue:{group}}})\b[^.;:]{{0,80}}?\bhun\s+(?:\w+\s+)?"
                          r"(?:{{cue:meeting-generic-noun}}|{{cue:meeting-head-noun}})(?:\s+in\s+\w+)?\s+(?:op|van)\s+$")
_GATHERS_RE = r"\b(?:{cue:gathering})\b"
_TALKS_RE = r"\b(?:{cue:gathering}|{cue:conversation-verb})\b"
_CLAUSE_END = re.compile(r"[,.;:]")


def _gathering_city(ctx, sentence, after: int) -> str | None:
    """The city a gathering's clause names after its day or month ("komen in december
    bijeen in Riga"), not one after another meeting's word ("ter voorbereiding van de top
    in Chicago")."""
    end = _CLAUSE_END.search(ctx.text, after, sentence.end)
    stop = end.start() if end else sentence.end
    others = [m.end for m in meeting_mentions(ctx, after, stop)]
    cities = ctx.in_span(after, stop, CITY)
    return next((c.key for c in cities if city_after_preposition(ctx, c) and not any(e <= c.start for e in others)), None)


def _gathers(ctx, sentence, cue: re.Match, start: int, when_end: int) -> bool:
    """Whether a gathering told with a verb ("komen in december ...") says they gather:
    "komen ... bijeen", "vergaderen"; "komen in juni met een voorstel" does not. A group
    named without a verb ("de ministers ... in december 2008") needs no such word. The
    clause ends after the day or month (``when_end``: "a.s." keeps its dots)."""
    verb = cue.groupdict()
    if not (verb.get("present") or verb.get("past") or verb.get("aux")):
        return True
    if verb.get("present") and fold(verb["present"]) in cue_word_set("conversation-verb"):
        return True  # "De ministers van Defensie spreken op 8 juni a.s. in Brussel over ..."
    end = _CLAUSE_END.search(ctx.text, when_end, sentence.end)
    told = _TALKS_RE if verb.get("aux") else _GATHERS_RE  # "hebben op ... besproken": they met to talk
    return cue_regex(told).search(ctx.text, start, end.start() if end else sentence.end) is not None


def _group_or_its_pronoun(ctx, sentence, cue: re.Match, kind: str, start: int) -> bool:
    """Whether the gathering's subject is its group, or a pronoun with a verb of gathering
    after the group named before it in the sentence ("De ministers van Defensie ...; zij
    komen opnieuw bijeen op ...")."""
    if not cue.groupdict().get("pronoun"):
        return True
    if not (cue.group("present") or cue.group("past") or cue.group("aux")):
        return False
    return cue_regex(rf"\b(?:{{cue:{kind}-group}})\b").search(ctx.text, sentence.start, start) is not None


def _in_named_meeting(ctx, offset: int) -> bool:
    """Whether ``offset`` lies in the name of a meeting ("de bijeenkomst van de
    EU-ministers van Defensie op 18 november": not a NATO defence ministers meeting)."""
    return any(m.start <= offset < m.end for m in ctx.in_span(max(0, offset - 80), offset + 80, NAMED))


def _gatherings(ctx, collector, main, sentence, dates) -> None:
    """A meeting told as its ministers or leaders with a day (or a month): a meeting of that kind."""
    for when in dates:
        if when.start - sentence.start < 12:
            continue
        before = ctx.text[max(sentence.start, when.start - 160) : when.start]
        for kind in MAIN_KINDS:  # each main kind has its cue:{kind}-group of ministers or leaders
            cue = (cue_regex(_GATHERING_DATE_RE.format(group=f"{kind}-group")).search(before, max(0, len(before) - 90))
                   or cue_regex(_THEIR_MEETING_DATE_RE.format(group=f"{kind}-group")).search(before))
            if cue is None or main.dated(when):
                continue  # within the main meeting: its own ministers, or others meeting in its margins
            start = when.start - len(before) + cue.start()
            if not _group_or_its_pronoun(ctx, sentence, cue, kind, start) or _in_named_meeting(ctx, start):
                continue
            if ctx.in_span(start, when.start, NAMED):
                continue  # "circa veertig defensieministers in Ramstein op 26 april": the place names the meeting
            if not _gathers(ctx, sentence, cue, start, when.end):
                continue
            if kind == "summit":
                summit = _summit_by_date(ctx, when.first)
                if summit is not None:
                    collector.other(kind, kind, ctx.text[start : when.end], summit.start, summit.end, summit.city,
                                    start, when.end, summit)
                continue
            city = _gathering_city(ctx, sentence, when.end) or next(
                (c.key for c in ctx.in_span(start, when.start, CITY) if city_after_preposition(ctx, c)), None)
            collector.other(kind, kind, ctx.text[start : when.end], when.first, when.last, city, start, when.end)
    if ctx.reference is None:
        return
    for found in find_months(sentence.text, reference=ctx.reference, offset=sentence.start):
        before = ctx.text[max(sentence.start, found.start - 90) : found.start]
        for kind in MAIN_KINDS:
            cue = cue_regex(_GATHERING_MONTH_RE.format(group=f"{kind}-group")).search(before)
            if cue is None or kind == "summit":
                continue  # a summit by its month alone is left to the reference summits
            month = found
            if cue.group("present") or cue.group("past"):
                # "komen in december bijeen": the coming December; "kwamen": the last one
                tense = "coming" if cue.group("present") else "past"
                reread = find_months(sentence.text, reference=ctx.reference, offset=sentence.start, tense=tense)
                month = next((m for m in reread if m.start == found.start), found)
            if kind == main.kind and main.start and main.month_key == month.iso:
                continue
            start = found.start - len(before) + cue.start()
            if not _gathers(ctx, sentence, cue, start, month.end):
                continue
            collector.other(kind, kind, ctx.text[start : month.end], None, None,
                            _gathering_city(ctx, sentence, month.end), start, month.end, month=month.iso)


def _precedes(ctx, collector: Collector, main: Draft, sentence) -> None:
    """'de laatste ... voor de NAVO-top', 'laatste bijeenkomst ... voorafgaand aan de NAVO top'."""
    if main.precedes is not None:
        return  # found in an earlier sentence: no search
    found = cue_regex(_PRECEDES_RE).search(sentence.text)
    if found is None:
        return
    after = sentence.start + found.end()
    for draft in collector.others:
        if any(after <= s < sentence.end for s, _ in draft.spans):
            main.precedes = draft
            return


def _ref(draft: Draft, parent: MeetingRef | None = None) -> MeetingRef:
    if draft.role == "session":
        if draft.kind == "working-session":
            name_key = slugify(draft.name) if draft.name and draft.ordinal is None else str(draft.ordinal or slugify(draft.name))
        elif draft.kind == "social-event" and draft.modifier:
            name_key = f"{draft.modifier}-{draft.key}"
        elif draft.key == SUBJECT_SESSION:
            # "een sessie over X en een sessie over Y": sessions known by their subject
            name_key = subject_key(draft.name) or draft.key
        else:
            name_key = draft.key
        return MeetingRef(draft.kind, draft.start, None, name_key, parent)  # type: ignore[arg-type]
    name_key = "" if draft.city else (draft.key if draft.key != draft.kind else "")
    month = draft.month if draft.start is None else ""
    return MeetingRef(draft.kind, draft.start, draft.city, name_key, month=month)  # type: ignore[arg-type]


def _finalise(ctx: LetterContext, main: Draft, collector: Collector) -> MeetingIndex:
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
        if draft.start is None and not draft.held:
            continue  # an undated council named as an institution, not a session of this meeting
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
