"""The letter's main meeting: the summit / foreign or defence ministers meeting the
title names (else the first body sentence that names one with a date), its dates, its
city and whether the letter calls it informal."""

from __future__ import annotations

import re

from natokg.extract.context import LetterContext
from natokg.extract.document_titles import portal_titles, subject_spans
from natokg.extract.meeting_words import (
    MAIN_KINDS,
    Draft,
    attached,
    city_after_preposition,
    meeting_mentions,
    named_kind,
    other_instance,
    usable,
)
from natokg.knowledge.cues import cue_regex
from natokg.text.nlp import CITY, KIND, NAMED, Mention


# The cue words are in ontology/extraction-cues.ttl (cue_regex fills {cue:slug}); the
# grammar around them is here.
_INFORMAL_RE = r"\b(?:{cue:informal})\b|\b(?:{cue:informal-abbreviation})\b"
# a meeting word whose own text says it is informal ("Informal Foreign Ministers Meeting", "iFMM")
_INFORMAL_KIND_RE = r"(?:{cue:informal-abbreviation})$|(?:{cue:informal})"
# "Dit is een informele bijeenkomst"; a form is the start of the words it matches
_INFORMAL_CLAUSE_RE = r"\b(?:het|dit|deze)\s+(?:is\s+)?(?:een\s+)?(?:{cue:informal-meeting})"
_INFORMAL_PURPOSE_RE = r"\bbijeen\s+voor\s+(?:een\s+)?(?:{cue:informal-purpose})\b"

# the group of the meeting's kind, then a gathering word later in the sentence
_GATHERING_RE = r"\b(?:{{cue:{group}}})\b[\s\S]*?\b(?:{{cue:gathering}})\b"
def _title_spans(ctx: LetterContext) -> list[tuple[int, int]]:
    """The letter's title line, its header's subject, then the titles a portal page gives
    above it ("Brief regering : Verslag NAVO-bijeenkomst ... te Londen, 3 en 4 december 2019")."""
    spans = [(s.start, s.end) for s in (ctx.seg.title_line, ctx.seg.header.title) if s is not None]
    return spans + [span for span in portal_titles(ctx.seg) if span not in spans]


def _kind_dated_on(ctx: LetterContext, sentence, day) -> Mention | None:
    """Of a sentence naming meetings of two main kinds ("de informele bijeenkomst van de
    ministers van Buitenlandse Zaken in Antalya op 13 en 14 mei jl. en de bijeenkomst van
    de ministers van Defensie in Brussel op 24 en 25 juni jl."), the meeting word the
    title's first date (``day``) belongs to."""
    kinds = [m for m in ctx.in_span(sentence.start, sentence.end, KIND) if m.key in MAIN_KINDS]
    if len({m.key for m in kinds}) < 2:
        return None
    dates = [d for d in ctx.dates_in(sentence.start, sentence.end) if d.first == day.first]
    meetings = meeting_mentions(ctx, sentence.start, sentence.end)
    return next((m for m in kinds if dates and attached(ctx, sentence, m, dates[:1], meetings)), None)


def _own_days_in_title_range(ctx: LetterContext, sentence, kind: str, title_day) -> list:
    """A title naming two meetings' days as one range ("Verslag Ukraine Defense Contact Group
    en bijeenkomst NAVO-ministers van Defensie 12 en 13 februari 2025") when the sentence
    gives the first day to another meeting ("de bijeenkomst van de UDCG op 12 februari jl.
    en de aansluitende bijeenkomst van de NAVO-ministers van Defensie op 13 februari jl."):
    the days inside the range that the main kind's meeting word has."""
    meetings = meeting_mentions(ctx, sentence.start, sentence.end)
    named = next((m for m in meetings if m.label == KIND and m.key == kind), None)
    if named is None:
        return []
    dates = ctx.dates_in(sentence.start, sentence.end)
    first = [d for d in dates if d.first == title_day.first]
    if not first or any(attached(ctx, sentence, named, first, meetings)):
        return []  # the title's first day is the main meeting's own
    own = attached(ctx, sentence, named, dates, meetings)
    return [d for d in own if title_day.first < d.first <= title_day.last][:1]


def main_meeting(ctx: LetterContext) -> Draft | None:
    title_kinds = [
        m for a, b in _title_spans(ctx) for m in ctx.in_span(a, b, KIND) if m.key in MAIN_KINDS
    ]
    title_dates = [d for a, b in _title_spans(ctx) for d in ctx.dates_in(a, b)]
    kind = title_kinds[0].key if title_kinds else None
    body = [s for s in ctx.sentences if s.part not in ("memo", "header", "footnote", "signature")]
    body = body or [s for s in ctx.sentences if s.part not in ("header", "footnote")]
    main_sentence, first_kind_sentence, gathering = None, None, None
    if kind is None:
        # "Op 8 en 9 december a.s. komen de ministers van Buitenlandse Zaken in Brussel
        # bijeen": a letter that opens with its ministers gathering, on the title's date
        opening = _opening_gathering(ctx, body[:_OPENING_SENTENCES], title_dates)
        if opening is not None:
            kind, main_sentence, gathering = opening
    for sentence in body if main_sentence is None else ():
        # "De volgende bijeenkomst van de ministers van Defensie vindt plaats op 9 december": another's
        kinds = [m for m in ctx.in_span(sentence.start, sentence.end, KIND)
                 if m.key in MAIN_KINDS and not other_instance(ctx, m.start, sentence.start)]
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
    if main_sentence is None and kind is not None and not title_dates:
        main_sentence = _gathering_sentence(ctx, kind, body)
    main_sentence = main_sentence or first_kind_sentence
    if main_sentence is None and kind is None:
        return None
    if main_sentence is not None and title_dates:
        dated = _kind_dated_on(ctx, main_sentence, title_dates[0])
        if dated is not None and dated.key != kind:
            # "verslagen van de informele NAVO-ministeriële in Antalya en de NAVO-ministeriële
            # van Defensie in Brussel": the title's first day is the other kind's meeting's
            kind, title_kinds = dated.key, []
    if kind is None:
        kinds = [m for m in ctx.in_span(main_sentence.start, main_sentence.end, KIND) if m.key in MAIN_KINDS]
        kind = kinds[0].key
    draft = Draft(kind=kind, key=kind, name="", role="main")
    named = None  # the meeting word of the main sentence
    if title_kinds:
        first = title_kinds[0]
        draft.name = ctx.text[first.start : first.end]
        draft.add(ctx, first.start, first.end)
    elif gathering is not None:
        draft.name = ctx.text[gathering[0] : gathering[1]]
        draft.add(ctx, *gathering)
    else:
        named = next((m for m in ctx.in_span(main_sentence.start, main_sentence.end, KIND) if m.key == kind), None)
        if named is not None:
            draft.add(ctx, named.start, named.end)  # the evidence of what the letter is about
    dating = title_dates[:1]
    if dating and main_sentence is not None and dating[0].first != dating[0].last:
        dating = _own_days_in_title_range(ctx, main_sentence, kind, dating[0]) or dating
    if not dating and main_sentence is not None:
        dates = ctx.dates_in(main_sentence.start, main_sentence.end)
        if named is not None:
            # "komen op 15 juni in Brussel bijeen, ter voorbereiding van de NAVO-top in Madrid
            # van 28 tot en met 30 juni": the days of the meeting word, not the sentence's first
            meetings = meeting_mentions(ctx, main_sentence.start, main_sentence.end)
            dates = attached(ctx, main_sentence, named, dates, meetings) or dates
        dating = dates[:1]
    if dating:
        draft.start, draft.end = dating[0].first, dating[0].last
    return draft


def external_main(ctx: LetterContext) -> Draft | None:
    """The main meeting of a text that is not about a NATO meeting: the meeting outside
    NATO its title or covering sentence names (natokg.extract.letter_meta), dated and
    placed by the first date and city after it there, or after it where the document
    names it again (the title, then the covering sentence)."""
    draft = None
    for a, b in subject_spans(ctx.seg):
        for m in ctx.in_span(a, b, NAMED):
            if named_kind(ctx, m) != "external" or (draft is not None and m.key != draft.key):
                continue
            if draft is None:
                draft = Draft(kind="external", key=m.key, name=m.text, role="main")
                draft.add(ctx, m.start, m.end)
            dates = list(ctx.dates_in(m.end, b))
            if dates and draft.start is None:
                draft.start, draft.end = dates[0].first, dates[0].last
            cities = [c for c in ctx.in_span(m.end, b, CITY) if city_after_preposition(ctx, c) or _listed_after(ctx, m, c)]
            if cities and draft.city is None:
                draft.city = cities[0].key
            break
    return draft


_LISTED = re.compile(r"\s*,\s*")


def _listed_after(ctx: LetterContext, m, city) -> bool:
    """Whether a city follows a meeting's name after a comma, as titles list them
    ("Verslag bijeenkomst Ukraine Defense Contact Group, Ramstein, 9 januari 2025")."""
    return _LISTED.fullmatch(ctx.text, m.end, city.start) is not None


_OPENING_SENTENCES = 3  # the covering sentence of a letter is among its first


def _opening_gathering(ctx: LetterContext, opening, title_dates) -> tuple[str, object, tuple[int, int]] | None:
    """(kind, sentence, span of the gathering) of the first of ``opening`` that tells a
    main kind's ministers or leaders gathering on a day (the title's day, when the title
    names one); None when a sentence before it names a meeting of a main kind with a day."""
    for sentence in opening:
        dates = ctx.dates_in(sentence.start, sentence.end)
        if title_dates:
            dates = [d for d in dates if d.first == title_dates[0].first]
        if not dates:
            continue
        if any(m.key in MAIN_KINDS for m in ctx.in_span(sentence.start, sentence.end, KIND)):
            return None  # "het verslag van de bijeenkomst van de NAVO-ministers van Defensie op 15 oktober"
        for kind in MAIN_KINDS:
            found = cue_regex(_GATHERING_RE.format(group=f"{kind}-group")).search(sentence.text)
            if found is not None:
                return kind, sentence, (sentence.start + found.start(), sentence.start + found.end())
    return None


def _gathering_sentence(ctx: LetterContext, kind: str, body):
    """'Op 24 en 25 oktober jl. waren de ministers van Defensie in Noordwijk bijeen': the
    titled meeting told as its ministers gathering, with its date."""
    pattern = cue_regex(_GATHERING_RE.format(group=f"{kind}-group"))
    for sentence in body:
        if pattern.search(sentence.text) and ctx.dates_in(sentence.start, sentence.end):
            return sentence
    return None


def locate_main(ctx: LetterContext, main: Draft, body) -> None:
    """City, name and informality of the main meeting from the body sentences about it."""
    for sentence in body:
        meetings = meeting_mentions(ctx, sentence.start, sentence.end)
        own = [m for m in meetings if m.label == KIND and m.key == main.kind]
        dates = ctx.dates_in(sentence.start, sentence.end)
        about_main = bool(own) or any(main.dated(d) and main.start is not None for d in dates)
        if not about_main:
            continue
        cities = [m for m in ctx.in_span(sentence.start, sentence.end, CITY) if city_after_preposition(ctx, m)]
        if own:
            cities = [c for o in own for c in attached(ctx, sentence, o, cities, meetings)]
        elif meetings:
            cities = [c for c in cities if not any(m.end <= c.start for m in meetings)]
        if own and not main.name:
            main.name = own[0].text
        if cities and main.city is None:
            if main.start is None or any(main.dated(d) for d in dates) or own:
                main.city = cities[0].key
                break
    if main.city is None:
        main.city = _title_city(ctx, main)


def _title_city(ctx: LetterContext, main: Draft) -> str | None:
    """The city the title gives the main meeting when no body sentence does ("Betreft
    Informele bijeenkomst NAVO-ministers van Buitenlandse Zaken te Sofia"): the first city
    whose nearest meeting word is the main kind's."""
    for a, b in _title_spans(ctx):
        meetings = ctx.in_span(a, b, KIND, NAMED)  # a title in the header is no mention meeting_mentions keeps
        own = next((m for m in meetings if m.label == KIND and m.key == main.kind), None)
        if own is None:
            continue
        # "te Sofia", ", Sofia, 27-28 april": not a city after ";" or "en" ("en werkbezoek aan Vilnius")
        cities = [
            c for c in ctx.in_span(own.end, b, CITY)
            if not _OTHER_PART.search(ctx.text, own.end, c.start)
            and (city_after_preposition(ctx, c) or ctx.text[own.end : c.start].rstrip().endswith(","))
        ]
        found = attached(ctx, None, own, cities, meetings)
        if found:
            return found[0].key
    return None


_OTHER_PART = re.compile(r";|\ben\b")


def is_informal(ctx: LetterContext, main: Draft) -> bool:
    """Whether the letter calls its main meeting informal: in the title, in a mention that
    is the main meeting (its spans, once the sentences are read), or in a clause that says so."""
    for a, b in _title_spans(ctx):
        title = ctx.text[a:b]
        kinds = [m for m in ctx.in_span(a, b, KIND) if m.key == main.kind]
        if kinds and cue_regex(_INFORMAL_RE).search(title[: kinds[0].end - a]):
            return True
    own = set(main.spans)  # "de informele bijeenkomst ... in oktober" is another meeting
    for m in ctx.mentions:
        if m.label == KIND and m.key == main.kind and usable(ctx, m) and (m.start, m.end) in own:
            if cue_regex(_INFORMAL_KIND_RE).match(m.text):
                return True
            if any(cue_regex(_INFORMAL_RE).fullmatch(t) for t in ctx.tokens_before(m.start, 2)):
                return True
    body = ctx.text
    if any(ctx.part_at(x.start()) not in ("memo", "header") for x in cue_regex(_INFORMAL_CLAUSE_RE).finditer(body)):
        return True
    # "kwam de NAR ... in Vilnius bijeen voor informeel overleg": the purpose, in a sentence naming it
    for x in cue_regex(_INFORMAL_PURPOSE_RE).finditer(body):
        sentence = ctx.sentence_at(x.start())
        if sentence is not None and any(sentence.start <= a < sentence.end for a, _ in own):
            return True
    return False
