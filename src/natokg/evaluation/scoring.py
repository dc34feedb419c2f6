"""Score natokg's extraction against the hand-written gold facts (corpus/gold).

:func:`natokg.evaluation.gold.load_gold` reads the gold YAML into typed ``GoldLetter`` records;
``evaluate`` runs the extractor over each gold letter and scores it per category into an
:class:`~natokg.evaluation.report.EvalReport` (natokg.cli.render_eval renders it).

Scoring conventions (documented here because the numbers depend on them):

- Every category is a multiset of facts. A gold fact and a predicted fact match when
  the category's match key agrees; each predicted fact matches at most one gold fact.
  Matching is greedy on the best pair first (exact values before wildcards, then the
  closer name or quote as tie-break), in a fixed order, so scores are deterministic.
- Single-valued fields (letter date, reference, main-meeting start ...) are slots: a
  gold null is "the letter does not say" and is not a fact; a predicted null is no
  prediction. A wrong value is both a miss and a false hit.
- The main meeting's end defaults to its start when the extractor leaves it empty
  (gold writes one-day meetings with end == start).
- Sessions match on kind + date, other meetings on kind + start + city; a gold null
  date, start or city matches any value when the other keys agree (The Hague summit
  named without a date), but an other meeting the gold gives neither start nor city
  ("in december a.s.") matches only a predicted one known by its month alone, without a
  city, whose name shares a word with the gold's (and whose month is the one the gold's
  name says, if it says one), the closer name first; or, when the gold's name says one
  year ("De volgende top vindt in 2026 plaats"), a predicted one starting in that year.
- Persons match when the record's name or key contains the gold surname as whole
  words (case- and diacritic-insensitive) and one of its posts belongs to the gold
  affiliation.
- Partners are a set per letter: states and organisations that participate or are
  invited as partner or guest; a group participant counts as its members when the
  ontology lists them (nkg:hasMember).
- Document type: a record of kind memo or letter is the gold's "other".
- A letter the extractor refuses (or that cannot be read) predicts nothing: every gold
  fact of it is a miss, and the report lists it with the reason.
- The main meeting is one fact per letter: kind, start and city together (a gold null
  city, a virtual meeting, wants no city). "main meeting details" scores its fields apart.
- Commitment amounts are the commitments with an amount: value and unit must agree, and
  the target year too when the gold gives one. The gold has units for money and a share
  of GDP only: a record's other percentage (a share of defence spending) counts as the
  gold's unit null. Likewise the gold has six stances: a record's narrower stance counts
  as its skos:broader one ("appreciate" as "welcome", "concern" as "emphasise").
- An ``optional: true`` gold item is neither a miss when not found nor a true or false
  hit when found; non-optional items are matched first.
- Pairing: see natokg.evaluation.pairing.
- Precision of a category without predictions is 1.0, recall of a category without
  gold facts is 1.0, so a category with neither has F1 1.0; F1 is 0.0 when P + R is 0.

Gold names are English labels ("Sweden", "Several allies", "defence spending"); they
are resolved to record keys through the lexicon (the ontology's Turtle labels),
pycountry for state names the ontology does not carry, and ``slugify`` as the last
resort (which yields the group slugs: "several-allies"); see :class:`GoldNames`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from natokg.evaluation.gold import GoldLetter, collapse_whitespace, load_gold
from natokg.evaluation.names import GoldNames
from natokg.evaluation.pairing import Pair, gold_pairs, predicted_pairs
from natokg.errors import BadInputError
from natokg.knowledge.calendar import full_month_names, month_names
from natokg.evaluation.report import (
    ALLIES_COUNT, AMOUNTS, CATEGORIES, COMMITMENTS, DOC_TYPE, LETTER_DATE, MAIN_MEETING,
    MAIN_MEETING_DETAILS, METADATA, OTHER_MEETINGS, PAIRING, PARTNERS, PERSONS, POSITIONS, SESSIONS,
    CategoryScore, EvalReport, Finding, LetterFailure,
)
from natokg.namespaces import slugify
from natokg.records import ActorRef, LetterRecords

__all__ = ["GoldNames", "evaluate", "extract_with_pipeline", "letter_year", "score_letter"]

# ---------------------------------------------------------------- matching


@dataclass(frozen=True)
class _Item:
    """One fact to match: its key, a readable description, a quote, a tie-break text."""

    key: tuple
    fact: str
    quote: str | None = None
    hint: str = ""  # name or quote compared when several candidates share a key
    optional: bool = False  # a borderline gold fact: neither missed nor a hit


MatchScore = Callable[[_Item, _Item], float | None]


def _similarity(a: str | None, b: str | None) -> float:
    """0..1 overlap of two texts, whitespace-, case- and diacritic-insensitive."""
    if not a or not b:
        return 0.0
    a_slug, b_slug = slugify(a), slugify(b)
    if not a_slug or not b_slug:
        return 0.0
    if a_slug in b_slug or b_slug in a_slug:
        return 1.0
    a_words, b_words = set(a_slug.split("-")), set(b_slug.split("-"))
    return len(a_words & b_words) / len(a_words | b_words)


def _same_key(gold: _Item, predicted: _Item) -> float | None:
    return 1.0 + _similarity(gold.hint, predicted.hint) / 2 if gold.key == predicted.key else None


def _match(gold: list[_Item], predicted: list[_Item], score: MatchScore) -> tuple[set[int], set[int]]:
    """Greedy best-first one-to-one matching; returns matched gold and predicted indices."""
    pairs = []
    for g, gold_item in enumerate(gold):
        for p, predicted_item in enumerate(predicted):
            value = score(gold_item, predicted_item)
            if value is not None:
                pairs.append((-value, g, p))
    pairs.sort(key=lambda pair: (gold[pair[1]].optional, pair))  # the facts that count first
    matched_gold: set[int] = set()
    matched_predicted: set[int] = set()
    for _, g, p in pairs:
        if g not in matched_gold and p not in matched_predicted:
            matched_gold.add(g)
            matched_predicted.add(p)
    return matched_gold, matched_predicted


def _score(category: CategoryScore, letter: str, gold: list[_Item], predicted: list[_Item], score: MatchScore) -> None:
    matched_gold, matched_predicted = _match(gold, predicted, score)
    counted = [i for i, item in enumerate(gold) if not item.optional]
    category.tp += sum(1 for i in counted if i in matched_gold)
    category.fn += sum(1 for i in counted if i not in matched_gold)
    category.fp += len(predicted) - len(matched_predicted)
    category.misses += [Finding(letter, gold[i].fact, gold[i].quote) for i in counted if i not in matched_gold]
    category.false_hits += [
        Finding(letter, item.fact, item.quote) for i, item in enumerate(predicted) if i not in matched_predicted
    ]


def _first_quote(evidence: Iterable) -> str | None:
    """The record's first quote, whitespace collapsed: gold files with ``quote_ws: collapse``
    compare that way, and the others compare by slug (whitespace-blind) anyway."""
    quote = next((e.quote for e in evidence), None)
    return None if quote is None else collapse_whitespace(quote)


def _actor_text(ref: ActorRef) -> str:
    return f"{ref.kind}:{ref.key}"


# ---------------------------------------------------------------- facts per category


def _surname(name: str) -> str:
    return slugify(name.split()[-1]) if name.split() else ""


def _contains_words(haystack: str, words: str) -> bool:
    return bool(words) and f"-{words}-" in f"-{haystack}-"


def _metadata_facts(gold: GoldLetter, records: LetterRecords | None) -> tuple[list[_Item], list[_Item]]:
    gold_items = [_Item(("doc_type", gold.doc_type), f"doc_type {gold.doc_type}")]
    if gold.letter_date:
        gold_items.append(_Item(("date", gold.letter_date), f"letter_date {gold.letter_date}"))
    if gold.reference:
        gold_items.append(_Item(("reference", _reference(gold.reference)), f"reference {gold.reference}"))
    gold_items += [_Item(("signatory", _surname(s.name)), f"signatory {s.name}") for s in gold.signatories]
    if records is None:
        return gold_items, []
    letter = records.letter
    kind = "other" if letter.kind in ("memo", "letter") else letter.kind
    predicted = [_Item(("doc_type", kind), f"doc_type {letter.kind}")]
    if letter.date:
        predicted.append(_Item(("date", letter.date), f"letter_date {letter.date}"))
    if letter.reference:
        predicted.append(_Item(("reference", _reference(letter.reference)), f"reference {letter.reference}"))
    predicted += [_Item(("signatory", slugify(key)), f"signatory {key}") for key in letter.signatories]
    return gold_items, predicted


def _reference(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _metadata_match(gold: _Item, predicted: _Item) -> float | None:
    if gold.key[0] == "signatory" == predicted.key[0]:
        return 1.0 if _contains_words(predicted.key[1], gold.key[1]) else None
    return 1.0 if gold.key == predicted.key else None


def _main_meeting_facts(gold: GoldLetter, records: LetterRecords | None, names: GoldNames) -> tuple[list[_Item], list[_Item]]:
    gold_items: list[_Item] = []
    main = gold.main_meeting
    if main is not None:
        values = {
            "kind": names.meeting_kind(main.kind), "informal": main.informal, "start": main.start,
            "end": main.end, "city": names.city(main.city) if main.city else None,
            "country": names.country(main.country) if main.country else None,
        }
        gold_items = [_Item((slot, v), f"{slot} {v}") for slot, v in values.items() if v is not None]
    meeting = records.main_meeting if records is not None else None
    if meeting is None:
        return gold_items, []
    values = {
        "kind": meeting.ref.kind, "informal": meeting.informal, "start": meeting.ref.start,
        "end": meeting.end or meeting.ref.start, "city": meeting.ref.city, "country": meeting.country,
    }
    quote = _first_quote(meeting.evidence)
    return gold_items, [_Item((slot, v), f"{slot} {v}", quote) for slot, v in values.items() if v is not None]


def _session_facts(gold: GoldLetter, records: LetterRecords | None, names: GoldNames) -> tuple[list[_Item], list[_Item]]:
    gold_items = [
        _Item((names.meeting_kind(s.kind), s.date), f"{names.meeting_kind(s.kind)} {s.date or '(no date)'} {s.name!r}", None, s.name,
              s.optional)
        for s in gold.sub_meetings
    ]
    predicted = [
        _Item((m.ref.kind, m.ref.start), f"{m.ref.kind} {m.ref.start or '(no date)'} {m.name!r}", _first_quote(m.evidence), m.name)
        for m in (records.meetings if records else []) if m.role == "session"
    ]
    return gold_items, predicted


def _session_match(gold: _Item, predicted: _Item) -> float | None:
    (gold_kind, gold_date), (kind, day) = gold.key, predicted.key
    if gold_kind != kind:
        return None
    if gold_date is None:
        base = 1.0  # the letter states no date: any date the extractor infers is fine
    elif gold_date == day:
        base = 2.0
    else:
        return None
    return base + _similarity(gold.hint, predicted.hint) / 2


def _other_meeting_facts(gold: GoldLetter, records: LetterRecords | None, names: GoldNames) -> tuple[list[_Item], list[_Item]]:
    gold_items = []
    for m in gold.other_meetings:
        key = (names.meeting_kind(m.kind), m.start, names.city(m.city) if m.city else None, "")
        gold_items.append(
            _Item(key, f"{key[0]} {key[1] or '(no date)'} {key[2] or '(no city)'} {m.name!r}", None, m.name or "", m.optional)
        )
    predicted = [
        _Item((m.ref.kind, m.ref.start, m.ref.city, m.ref.month),
              f"{m.ref.kind} {m.ref.start or m.ref.month or '(no date)'} {m.ref.city or '(no city)'} {m.name!r}",
              _first_quote(m.evidence), m.name)
        for m in (records.meetings if records else []) if m.role == "mentioned"
    ]
    return gold_items, predicted


def _other_meeting_match(gold: _Item, predicted: _Item) -> float | None:
    (gold_kind, gold_start, gold_city, _), (kind, start, city, month) = gold.key, predicted.key
    if gold_kind != kind:
        return None
    start_exact = gold_start is not None and gold_start == start
    city_exact = gold_city is not None and gold_city == city
    if (gold_start is not None and not start_exact) or (gold_city is not None and not city_exact):
        return None
    if gold_start is None and gold_city is None:
        year = _year_named(gold.hint)
        if year is not None and start is not None and start.year == year and not month:
            # "De volgende top vindt in 2026 plaats in Turkije": the meeting of the year it names
            return 1 + _similarity(gold.hint, predicted.hint) / 2
        # named without day or place ("de Europese Raad van december a.s."): only a meeting
        # known by its month alone, without a city, and named alike is it
        similarity = _similarity(gold.hint, predicted.hint)
        named = _month_named(gold.hint)  # "in december a.s.": the gold's name says the month
        if start is not None or city is not None or not month or similarity == 0:
            return None
        return similarity / 2 if named is None or int(month[5:]) == named else None
    if not (start_exact or city_exact):
        return None
    return start_exact + city_exact + _similarity(gold.hint, predicted.hint) / 2


def _year_named(text: str | None) -> int | None:
    """The one year ``text`` says the meeting is in ("volgende top in 2008": 2008), else None."""
    years = set(re.findall(r"\bin\s+(?:[a-z]+\s+)?((?:19|20)\d\d)\b", text or ""))
    return int(years.pop()) if len(years) == 1 else None


def _month_named(text: str | None) -> int | None:
    """The number of the first full month name in ``text`` ("Europese Raad van december a.s.": 12)."""
    names = full_month_names()
    for word in re.findall(r"[a-zA-Z]+", text or ""):
        if word.lower() in names:
            return month_names()[word.lower()]
    return None


def _person_facts(gold: GoldLetter, records: LetterRecords | None, names: GoldNames) -> tuple[list[_Item], list[_Item]]:
    gold_items = []
    for p in gold.persons:
        affiliation = names.actor(p.affiliation) if p.affiliation else None
        text = f"{p.name} ({p.role or 'no role'}, {_actor_text(affiliation) if affiliation else 'no affiliation'})"
        gold_items.append(_Item((_surname(p.name), affiliation), text, None, p.name, p.optional))
    predicted = []
    for person in records.persons if records else []:
        affiliations = frozenset(post.of for post in person.posts)
        posts = ", ".join(f"{post.office} of {_actor_text(post.of)}" for post in person.posts) or "no post"
        key = (slugify(person.key), slugify(person.name), affiliations)
        predicted.append(_Item(key, f"{person.name} [{person.key}] ({posts})", _first_quote(person.evidence), person.name))
    return gold_items, predicted


def _person_match(gold: _Item, predicted: _Item) -> float | None:
    surname, affiliation = gold.key
    key, name, affiliations = predicted.key
    if not (_contains_words(key, surname) or _contains_words(name, surname)):
        return None
    if affiliation is not None and affiliation not in affiliations:
        return None
    return 1.0 + _similarity(gold.hint, predicted.hint) / 2


def _partner_facts(gold: GoldLetter, records: LetterRecords | None, names: GoldNames) -> tuple[list[_Item], list[_Item]]:
    gold_refs = sorted({names.actor(name) for name in gold.partners})
    gold_items = [_Item((ref,), _actor_text(ref)) for ref in gold_refs]
    found: dict[ActorRef, str | None] = {}
    for participation in records.participations if records else []:
        if participation.capacity not in ("partner", "guest") or participation.actor.kind == "person":
            continue
        actor = participation.actor
        refs = (names.group_members(actor.key) if actor.kind == "group" else ()) or (actor,)
        when = participation.meeting.start or (records.letter.date if records else None)
        for ref in refs:
            if ref is not actor and _is_ally(names, ref, when):
                continue  # "de ministers van de NAVO- en EU-lidstaten": the allies among them are no partners
            found.setdefault(ref, _first_quote(participation.evidence))
    predicted = [_Item((ref,), _actor_text(ref), quote) for ref, quote in sorted(found.items())]
    return gold_items, predicted


def _is_ally(names: GoldNames, ref: ActorRef, when) -> bool:
    lexicon = names.lexicon
    return bool(lexicon and ref.kind == "state" and isinstance(when, date) and lexicon.is_ally_at(ref.key, when))


def _allies_count_facts(gold: GoldLetter, records: LetterRecords | None) -> tuple[list[_Item], list[_Item]]:
    gold_items = [] if gold.allies_count is None else [_Item((gold.allies_count,), f"{gold.allies_count} allies")]
    counts: dict[int, str | None] = {}
    for participation in records.participations if records else []:
        if participation.stated_count is not None and participation.capacity == "ally":
            counts.setdefault(participation.stated_count, _first_quote(participation.evidence))
    predicted = [_Item((n,), f"{n} allies", quote) for n, quote in sorted(counts.items())]
    return gold_items, predicted


def _amount_text(amount: Decimal | None, unit: str | None) -> str:
    return "no amount" if amount is None else f"{amount.normalize():f} {unit or '(no unit)'}"


def _commitment_facts(gold: GoldLetter, records: LetterRecords | None, names: GoldNames) -> tuple[list[_Item], list[_Item]]:
    gold_items = []
    for c in gold.commitments:
        # Decimal keys compare by value (5 == 5.0); normalize() also makes them hash alike.
        key = (names.actor(c.actor), names.commitment_kind(c.kind), _canonical(c.amount), names.unit(c.unit), c.target_year)
        text = f"{_actor_text(key[0])} {key[1]} {_amount_text(c.amount, key[3])} year {c.target_year or '-'}: {c.what}"
        gold_items.append(_Item(key, text, c.quote, c.quote or "", c.optional))
    predicted = []
    for c in records.commitments if records else []:
        key = (c.actor, c.kind, _canonical(c.amount), names.predicted_unit(c.unit), c.target_year)
        text = f"{_actor_text(c.actor)} {c.kind} {_amount_text(c.amount, c.unit)} year {c.target_year or '-'} ({c.status})"
        quote = _first_quote(c.evidence)
        predicted.append(_Item(key, text, quote, quote or ""))
    return gold_items, predicted


def _canonical(amount: Decimal | None) -> Decimal | None:
    return None if amount is None else Decimal(amount).normalize()


def _position_facts(gold: GoldLetter, records: LetterRecords | None, names: GoldNames) -> tuple[list[_Item], list[_Item]]:
    gold_items = []
    for p in gold.positions:
        key = (names.actor(p.actor), names.stance(p.stance), names.topic(p.topic))
        gold_items.append(
            _Item(key, f"{_actor_text(key[0])} {key[1]} {key[2]} ({p.verb or 'no verb'})", p.quote, p.quote or "", p.optional)
        )
    predicted = []
    for p in records.positions if records else []:
        quote = _first_quote(p.evidence)
        predicted.append(_Item((p.actor, names.predicted_stance(p.stance), p.topic),
                               f"{_actor_text(p.actor)} {p.stance} {p.topic} ({p.verb or 'no verb'})", quote, quote or ""))
    return gold_items, predicted


def _doc_type_facts(gold: GoldLetter, records: LetterRecords | None) -> tuple[list[_Item], list[_Item]]:
    gold_items = [_Item((gold.doc_type,), f"doc_type {gold.doc_type}")]
    if records is None:
        return gold_items, []
    kind = records.letter.kind
    return gold_items, [_Item(("other" if kind in ("memo", "letter") else kind,), f"doc_type {kind}")]


def _letter_date_facts(gold: GoldLetter, records: LetterRecords | None) -> tuple[list[_Item], list[_Item]]:
    gold_items = [_Item((gold.letter_date,), f"letter_date {gold.letter_date}")] if gold.letter_date else []
    day = records.letter.date if records is not None else None
    return gold_items, [_Item((day,), f"letter_date {day}")] if day else []


def _main_meeting_identity(gold: GoldLetter, records: LetterRecords | None, names: GoldNames) -> tuple[list[_Item], list[_Item]]:
    """One fact per letter: (kind, start, city), right only when all three are."""
    gold_items = []
    main = gold.main_meeting
    if main is not None:
        key = (names.meeting_kind(main.kind), main.start, names.city(main.city) if main.city else None)
        gold_items.append(_Item(key, f"{key[0]} {key[1] or '(no date)'} {key[2] or '(no city)'}"))
    meeting = records.main_meeting if records is not None else None
    if meeting is None:
        return gold_items, []
    key = (meeting.ref.kind, meeting.ref.start, meeting.ref.city)
    return gold_items, [_Item(key, f"{key[0]} {key[1] or '(no date)'} {key[2] or '(no city)'}", _first_quote(meeting.evidence))]


def _amount_facts(gold: GoldLetter, records: LetterRecords | None, names: GoldNames) -> tuple[list[_Item], list[_Item]]:
    gold_items = [
        _Item((_canonical(c.amount), names.unit(c.unit), c.target_year),
              f"{_amount_text(c.amount, c.unit)} year {c.target_year or '-'}: {c.what}", c.quote, c.quote or "", c.optional)
        for c in gold.commitments if c.amount is not None
    ]
    predicted = []
    for c in records.commitments if records else []:
        if c.amount is not None:
            quote = _first_quote(c.evidence)
            predicted.append(_Item((_canonical(c.amount), names.predicted_unit(c.unit), c.target_year),
                                   f"{_amount_text(c.amount, c.unit)} year {c.target_year or '-'}", quote, quote or ""))
    return gold_items, predicted


def _amount_match(gold: _Item, predicted: _Item) -> float | None:
    (amount, unit, year), (p_amount, p_unit, p_year) = gold.key, predicted.key
    if (amount, unit) != (p_amount, p_unit) or (year is not None and year != p_year):
        return None
    return 1.0 + (year is not None) + _similarity(gold.hint, predicted.hint) / 2


# ---------------------------------------------------------------- evaluate


Extractor = Callable[[Path], LetterRecords]


def extract_with_pipeline(path: Path) -> LetterRecords:
    """The real pipeline: read -> segment -> extract."""
    from natokg.extract import extract_letter
    from natokg.read.reader import read_letter
    from natokg.text.segment import segment

    return extract_letter(segment(read_letter(Path(path))))


def score_letter(
    report: EvalReport, gold: GoldLetter, records: LetterRecords | None, names: GoldNames,
    pairs: tuple[list[Pair], list[Pair]] = ([], []),
) -> None:
    """Add one letter's facts to the report (totals and ``by_letter``); ``records`` None
    scores every gold fact a miss. ``pairs``: the letter's gold and predicted pairing."""
    file = gold.file
    scores = {name: CategoryScore(name) for name in CATEGORIES}
    _score(scores[DOC_TYPE], file, *_doc_type_facts(gold, records), _same_key)
    _score(scores[LETTER_DATE], file, *_letter_date_facts(gold, records), _same_key)
    _score(scores[METADATA], file, *_metadata_facts(gold, records), _metadata_match)
    _score(scores[MAIN_MEETING], file, *_main_meeting_identity(gold, records, names), _same_key)
    _score(scores[MAIN_MEETING_DETAILS], file, *_main_meeting_facts(gold, records, names), _same_key)
    _score(scores[SESSIONS], file, *_session_facts(gold, records, names), _session_match)
    _score(scores[OTHER_MEETINGS], file, *_other_meeting_facts(gold, records, names), _other_meeting_match)
    _score(scores[PERSONS], file, *_person_facts(gold, records, names), _person_match)
    _score(scores[PARTNERS], file, *_partner_facts(gold, records, names), _same_key)
    _score(scores[ALLIES_COUNT], file, *_allies_count_facts(gold, records), _same_key)
    _score(scores[COMMITMENTS], file, *_commitment_facts(gold, records, names), _same_key)
    _score(scores[AMOUNTS], file, *_amount_facts(gold, records, names), _amount_match)
    _score(scores[POSITIONS], file, *_position_facts(gold, records, names), _same_key)
    _score(scores[PAIRING], file, *_pair_items(*pairs), _same_key)
    report.by_letter[file] = scores
    for name, score in scores.items():
        report.categories[name].add(score)


def _pair_items(gold: list[Pair], predicted: list[Pair]) -> tuple[list[_Item], list[_Item]]:
    def text(key) -> str:
        return f"agenda {key[0]} {key[1]} -> report {key[2]} {key[3]}"

    return (
        [_Item(p.key, text(p.key), p.quote, p.quote or "", p.optional) for p in gold],
        [_Item(p.key, text(p.key), p.quote, p.quote or "") for p in predicted],
    )


def letter_year(gold: GoldLetter) -> int | None:
    """The year in a ``dev_YYYY_...`` file name, else the gold letter date's, else the main meeting's."""
    found = _FILE_YEAR.match(gold.file)
    if found:
        return int(found.group(1))
    if gold.letter_date is not None:
        return gold.letter_date.year
    main = gold.main_meeting
    return main.start.year if main is not None and main.start is not None else None


_FILE_YEAR = re.compile(r"[a-z]+_((?:19|20)\d\d)_")

#: The eras of ``--split``: letters of 2014 and before, of 2015 and after.
SPLITS: dict[str, Callable[[int], bool]] = {"early": lambda year: year <= 2014, "late": lambda year: year >= 2015}


def evaluate(
    gold_dir: Path,
    letters_dir: Path | None = None,
    *,
    extractor: Extractor | None = None,
    names: GoldNames | None = None,
    split: str | None = None,
) -> EvalReport:
    """Extract every gold letter from ``letters_dir`` (default: gold_dir/../letters) and score it.

    A letter that is missing, unreadable or refused by the extractor is listed in
    ``report.failures`` and all its gold facts count as misses. ``split`` ("early" or
    "late") scores only the letters of that era (see :func:`letter_year`).
    """
    gold_dir = Path(gold_dir)
    if split is not None and split not in SPLITS:
        raise BadInputError(f"unknown split {split!r}; use early or late")
    all_gold = load_gold(gold_dir)
    gold_letters = all_gold
    if split is not None:
        gold_letters = [g for g in all_gold if (year := letter_year(g)) is not None and SPLITS[split](year)]
    if letters_dir is None:
        letters_dir = (gold_dir.parent if gold_dir.is_file() else gold_dir).parent / "letters"
    letters_dir = Path(letters_dir)
    extractor = extractor or extract_with_pipeline
    names = names or GoldNames()
    report = EvalReport({name: CategoryScore(name) for name in CATEGORIES}, [g.file for g in gold_letters], split=split)
    by_file = {g.file: g for g in all_gold}
    extracted: dict[str, tuple[LetterRecords | None, LetterFailure | None]] = {}

    def records_of(file: str, *, scored: bool) -> LetterRecords | None:
        if file not in extracted:  # an agenda is extracted once, for its report and for itself
            extracted[file] = _extract(extractor, letters_dir, file)
        records, failure = extracted[file]
        if failure is not None and scored:
            report.failures.append(failure)
        return records

    compatible: frozenset[tuple[str, str]] | None = None
    for gold in gold_letters:
        records = records_of(gold.file, scored=True)
        pairs: tuple[list[Pair], list[Pair]] = ([], [])
        if gold.pairs_with is not None:
            if compatible is None:
                from natokg.store.pairing import compatible_stances

                compatible = compatible_stances()
            agenda_records = records_of(gold.pairs_with, scored=False) if gold.pairs_with in by_file else None
            pairs = (gold_pairs(gold, by_file.get(gold.pairs_with), names),
                     predicted_pairs(records, agenda_records, compatible, names))
        score_letter(report, gold, records, names, pairs)
    report.unresolved_names = sorted(names.unresolved)
    return report


def _extract(extractor: Extractor, letters_dir: Path, file: str) -> tuple[LetterRecords | None, LetterFailure | None]:
    path = letters_dir / file
    if not path.is_file():
        return None, LetterFailure(file, f"letter file not found in {letters_dir}")
    try:
        return extractor(path), None
    except Exception as error:  # noqa: BLE001 - one bad letter must not stop the evaluation
        message = " ".join(str(error).split()) or type(error).__name__
        return None, LetterFailure(file, f"{type(error).__name__}: {message}")
