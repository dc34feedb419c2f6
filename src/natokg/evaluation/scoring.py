"""Score natokg's extraction against the hand-written gold facts (corpus/gold).

:func:`natokg.evaluation.gold.load_gold` reads the gold YAML into typed ``GoldLetter`` records;
``evaluate`` runs the extractor over each gold letter and scores it per category;
``format_report`` renders the scores as plain text for ``natokg eval``.

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
  named without a date), but a gold null city with a null start matches nothing else.
- Persons match when the record's name or key contains the gold surname as whole
  words (case- and diacritic-insensitive) and one of its posts belongs to the gold
  affiliation.
- Partners are a set per letter: states and organisations that participate or are
  invited as partner or guest; a group participant counts as its members when the
  ontology lists them (nkg:hasMember).
- Precision of a category without predictions is 1.0, recall of a category without
  gold facts is 1.0, so a category with neither has F1 1.0; F1 is 0.0 when P + R is 0.

Gold names are English labels ("Sweden", "Several allies", "defence spending"); they
are resolved to record keys through the lexicon (the ontology's Turtle labels),
pycountry for state names the ontology does not carry, and ``slugify`` as the last
resort (which yields the group slugs: "several-allies"); see :class:`GoldNames`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from natokg.evaluation.gold import GoldLetter, load_gold
from natokg.namespaces import slugify
from natokg.records import ActorRef, LetterRecords

if TYPE_CHECKING:
    from natokg.knowledge.lexicon import Lexicon

# ---------------------------------------------------------------- categories

METADATA = "letter metadata"
MAIN_MEETING = "main meeting"
SESSIONS = "sessions"
OTHER_MEETINGS = "other meetings"
PERSONS = "persons"
PARTNERS = "partners"
ALLIES_COUNT = "allies count"
COMMITMENTS = "commitments"
POSITIONS = "positions"

CATEGORIES: tuple[str, ...] = (
    METADATA, MAIN_MEETING, SESSIONS, OTHER_MEETINGS, PERSONS, PARTNERS, ALLIES_COUNT,
    COMMITMENTS, POSITIONS,
)

#: Required F1 per category: issue 3 (0.9 each), issue 4 (commitments 0.85, positions 0.8).
THRESHOLDS: Mapping[str, float] = MappingProxyType(
    {
        METADATA: 0.9, MAIN_MEETING: 0.9, SESSIONS: 0.9, OTHER_MEETINGS: 0.9, PERSONS: 0.9,
        PARTNERS: 0.9, ALLIES_COUNT: 0.9, COMMITMENTS: 0.85, POSITIONS: 0.8,
    }
)


# ---------------------------------------------------------------- gold names -> record keys


class GoldNames:
    """Resolves the gold file's English names and enum spellings to record keys.

    Names go through the lexicon (natokg.knowledge.lexicon: the prefLabels and altLabels of
    ontology/*.ttl and ontology/reference/*.ttl), then pycountry for state names, then
    ``slugify`` (which yields the group slugs: "Several allies" -> several-allies).
    Names the lexicon does not know are kept in ``unresolved`` for the report.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        if lexicon is None:
            from natokg.errors import ReferenceDataError
            from natokg.knowledge.lexicon import load_lexicon

            try:
                lexicon = load_lexicon()
            except ReferenceDataError:
                lexicon = None  # no ontology: resolve by pycountry and slug alone
        self.lexicon = lexicon
        self.unresolved: set[str] = set()

    def actor(self, name: str) -> ActorRef:
        """'Sweden' -> state se, 'European Union' -> organisation eu, 'Several allies' -> group several-allies."""
        found = self.lexicon.actor_by_surface(name) if self.lexicon else None
        if found is not None:
            return found
        iso = _pycountry_code(name)
        if iso is not None:
            return ActorRef("state", iso)
        self._unresolved("actor", name)
        return ActorRef("group", slugify(name))

    def country(self, name: str) -> str:
        """'Sweden' -> 'se' (ISO 3166-1 alpha-2, lower case)."""
        ref = self.actor(name)
        if ref.kind != "state":
            self._unresolved("country", name)
        return ref.key

    def city(self, name: str) -> str:
        """'The Hague' -> 'the-hague': cities are keyed by the slug of the English name."""
        found = self.lexicon.city_by_surface(name) if self.lexicon else None
        return found.slug if found is not None else slugify(name)

    def topic(self, name: str) -> str:
        """'defence spending' -> 'defence-spending', 'climate change' -> its topics.ttl concept."""
        found = self.lexicon.topic_by_surface(name) if self.lexicon else None
        if found is not None:
            return found.slug
        self._unresolved("topic", name)
        return slugify(name)

    def stance(self, name: str) -> str:
        """'call_for' -> 'call-for' (the slugs of stances.ttl)."""
        slug = _enum(name)
        if self.lexicon and slug not in self.lexicon.stances:
            self._unresolved("stance", name)
        return slug

    def group_members(self, key: str) -> tuple[ActorRef, ...]:
        """The fixed members of a group (IP4 -> Australia, Japan ...); () if none are listed."""
        group = self.lexicon.groups.get(key) if self.lexicon else None
        return group.members if group is not None else ()

    @staticmethod
    def meeting_kind(name: str) -> str:
        """Gold 'foreign_ministers' -> 'foreign-ministers'; gold 'other' is records' 'external'."""
        return "external" if name == "other" else _enum(name)

    @staticmethod
    def commitment_kind(name: str) -> str:
        return _enum(name)

    @staticmethod
    def unit(name: str | None) -> str | None:
        return None if name is None else _enum(name)

    def _unresolved(self, kind: str, name: str) -> None:
        if self.lexicon is not None:  # without an ontology every name is unresolved: not news
            self.unresolved.add(f"{kind} {name!r}")


def _enum(name: str) -> str:
    return name.strip().lower().replace("_", "-")


@cache
def _pycountry_code(name: str) -> str | None:
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_2.lower()
    except LookupError:
        return None


# ---------------------------------------------------------------- report


@dataclass(frozen=True)
class Finding:
    """A miss (gold fact not found) or a false hit (record not in the gold)."""

    letter: str  # the letter file name
    fact: str  # the fact, readably
    quote: str | None = None  # the gold quote (miss) or the record's evidence (false hit)


@dataclass
class CategoryScore:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[Finding] = field(default_factory=list)
    false_hits: list[Finding] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def threshold(self) -> float | None:
        return THRESHOLDS.get(self.name)


@dataclass(frozen=True)
class LetterFailure:
    """A gold letter that could not be read or extracted: all its facts are misses."""

    letter: str
    message: str


@dataclass
class EvalReport:
    categories: dict[str, CategoryScore]
    letters: list[str]  # gold letter files, in gold order
    failures: list[LetterFailure] = field(default_factory=list)
    unresolved_names: list[str] = field(default_factory=list)  # gold names the ontology lacks

    @property
    def overall(self) -> CategoryScore:
        """Micro-average: counts summed over all categories."""
        total = CategoryScore("overall")
        for score in self.categories.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total

    def failing(self) -> list[str]:
        """Categories whose F1 is below their threshold, in report order."""
        return [
            name for name, score in self.categories.items()
            if score.threshold is not None and score.f1 < score.threshold
        ]


# ---------------------------------------------------------------- matching


@dataclass(frozen=True)
class _Item:
    """One fact to match: its key, a readable description, a quote, a tie-break text."""

    key: tuple
    fact: str
    quote: str | None = None
    hint: str = ""  # name or quote compared when several candidates share a key


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
    pairs.sort()
    matched_gold: set[int] = set()
    matched_predicted: set[int] = set()
    for _, g, p in pairs:
        if g not in matched_gold and p not in matched_predicted:
            matched_gold.add(g)
            matched_predicted.add(p)
    return matched_gold, matched_predicted


def _score(category: CategoryScore, letter: str, gold: list[_Item], predicted: list[_Item], score: MatchScore) -> None:
    matched_gold, matched_predicted = _match(gold, predicted, score)
    category.tp += len(matched_gold)
    category.fn += len(gold) - len(matched_gold)
    category.fp += len(predicted) - len(matched_predicted)
    category.misses += [Finding(letter, item.fact, item.quote) for i, item in enumerate(gold) if i not in matched_gold]
    category.false_hits += [
        Finding(letter, item.fact, item.quote) for i, item in enumerate(predicted) if i not in matched_predicted
    ]


def _first_quote(evidence: Iterable) -> str | None:
    return next((e.quote for e in evidence), None)


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
        _Item((names.meeting_kind(s.kind), s.date), f"{names.meeting_kind(s.kind)} {s.date or '(no date)'} {s.name!r}", None, s.name)
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
        key = (names.meeting_kind(m.kind), m.start, names.city(m.city) if m.city else None)
        gold_items.append(_Item(key, f"{key[0]} {key[1] or '(no date)'} {key[2] or '(no city)'} {m.name!r}", None, m.name or ""))
    predicted = [
        _Item((m.ref.kind, m.ref.start, m.ref.city), f"{m.ref.kind} {m.ref.start or '(no date)'} {m.ref.city or '(no city)'} {m.name!r}",
              _first_quote(m.evidence), m.name)
        for m in (records.meetings if records else []) if m.role == "mentioned"
    ]
    return gold_items, predicted


def _other_meeting_match(gold: _Item, predicted: _Item) -> float | None:
    (gold_kind, gold_start, gold_city), (kind, start, city) = gold.key, predicted.key
    if gold_kind != kind:
        return None
    start_exact = gold_start is not None and gold_start == start
    city_exact = gold_city is not None and gold_city == city
    if (gold_start is not None and not start_exact) or (gold_city is not None and not city_exact):
        return None
    if not (start_exact or city_exact):  # a gold fact with neither start nor city matches nothing
        return None
    return start_exact + city_exact + _similarity(gold.hint, predicted.hint) / 2


def _person_facts(gold: GoldLetter, records: LetterRecords | None, names: GoldNames) -> tuple[list[_Item], list[_Item]]:
    gold_items = []
    for p in gold.persons:
        affiliation = names.actor(p.affiliation) if p.affiliation else None
        text = f"{p.name} ({p.role or 'no role'}, {_actor_text(affiliation) if affiliation else 'no affiliation'})"
        gold_items.append(_Item((_surname(p.name), affiliation), text, None, p.name))
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
        for ref in refs:
            found.setdefault(ref, _first_quote(participation.evidence))
    predicted = [_Item((ref,), _actor_text(ref), quote) for ref, quote in sorted(found.items())]
    return gold_items, predicted


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
        gold_items.append(_Item(key, text, c.quote, c.quote or ""))
    predicted = []
    for c in records.commitments if records else []:
        key = (c.actor, c.kind, _canonical(c.amount), c.unit, c.target_year)
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
        gold_items.append(_Item(key, f"{_actor_text(key[0])} {key[1]} {key[2]} ({p.verb or 'no verb'})", p.quote, p.quote or ""))
    predicted = []
    for p in records.positions if records else []:
        quote = _first_quote(p.evidence)
        predicted.append(_Item((p.actor, p.stance, p.topic), f"{_actor_text(p.actor)} {p.stance} {p.topic} ({p.verb or 'no verb'})",
                               quote, quote or ""))
    return gold_items, predicted


# ---------------------------------------------------------------- evaluate


Extractor = Callable[[Path], LetterRecords]


def extract_with_pipeline(path: Path) -> LetterRecords:
    """The real pipeline: read -> segment -> extract."""
    from natokg.extract import extract_letter
    from natokg.read.reader import read_letter
    from natokg.text.segment import segment

    return extract_letter(segment(read_letter(Path(path))))


def score_letter(report: EvalReport, gold: GoldLetter, records: LetterRecords | None, names: GoldNames) -> None:
    """Add one letter's facts to the report; ``records`` None scores every gold fact a miss."""
    scores = report.categories
    file = gold.file
    _score(scores[METADATA], file, *_metadata_facts(gold, records), _metadata_match)
    _score(scores[MAIN_MEETING], file, *_main_meeting_facts(gold, records, names), _same_key)
    _score(scores[SESSIONS], file, *_session_facts(gold, records, names), _session_match)
    _score(scores[OTHER_MEETINGS], file, *_other_meeting_facts(gold, records, names), _other_meeting_match)
    _score(scores[PERSONS], file, *_person_facts(gold, records, names), _person_match)
    _score(scores[PARTNERS], file, *_partner_facts(gold, records, names), _same_key)
    _score(scores[ALLIES_COUNT], file, *_allies_count_facts(gold, records), _same_key)
    _score(scores[COMMITMENTS], file, *_commitment_facts(gold, records, names), _same_key)
    _score(scores[POSITIONS], file, *_position_facts(gold, records, names), _same_key)


def evaluate(
    gold_dir: Path,
    letters_dir: Path | None = None,
    *,
    extractor: Extractor | None = None,
    names: GoldNames | None = None,
) -> EvalReport:
    """Extract every gold letter from ``letters_dir`` (default: gold_dir/../letters) and score it.

    A letter that is missing or whose reading or extraction raises is listed in
    ``report.failures`` and all its gold facts count as misses.
    """
    gold_dir = Path(gold_dir)
    gold_letters = load_gold(gold_dir)
    if letters_dir is None:
        letters_dir = (gold_dir.parent if gold_dir.is_file() else gold_dir).parent / "letters"
    letters_dir = Path(letters_dir)
    extractor = extractor or extract_with_pipeline
    names = names or GoldNames()
    report = EvalReport({name: CategoryScore(name) for name in CATEGORIES}, [g.file for g in gold_letters])
    for gold in gold_letters:
        path = letters_dir / gold.file
        records: LetterRecords | None = None
        if not path.is_file():
            report.failures.append(LetterFailure(gold.file, f"letter file not found in {letters_dir}"))
        else:
            try:
                records = extractor(path)
            except Exception as error:  # noqa: BLE001 - one bad letter must not stop the evaluation
                message = " ".join(str(error).split()) or type(error).__name__
                report.failures.append(LetterFailure(gold.file, f"{type(error).__name__}: {message}"))
        score_letter(report, gold, records, names)
    report.unresolved_names = sorted(names.unresolved)
    return report


# ---------------------------------------------------------------- formatting


def _clip(text: str | None, width: int) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."


def format_report(report: EvalReport, *, show_misses: bool = True, limit: int = 40, width: int = 110) -> str:
    """Plain text: a table of P / R / F1 and tp/fp/fn per category, then misses and false
    hits with their quotes (at most ``limit`` of each per category, quotes clipped to
    ``width`` characters)."""
    lines = [f"natokg eval: {len(report.letters)} gold letters", ""]
    header = f"{'category':<16} {'P':>6} {'R':>6} {'F1':>6} {'need':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
    lines += [header, "-" * len(header)]
    failing = set(report.failing())
    for score in [*report.categories.values(), report.overall]:
        need = f"{score.threshold:.2f}" if score.threshold is not None else ""
        mark = "  FAIL" if score.name in failing else ""
        if score.name == "overall":
            lines.append("-" * len(header))
        lines.append(
            f"{score.name:<16} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} {need:>6} "
            f"{score.tp:5d} {score.fp:5d} {score.fn:5d}{mark}"
        )
    if report.failures:
        lines += ["", "Letters that could not be read or extracted (all their facts count as misses):"]
        lines += [f"  {f.letter}: {_clip(f.message, width)}" for f in report.failures]
    if report.unresolved_names:
        lines += ["", "Gold names the ontology has no label for (resolved by slug): " + ", ".join(report.unresolved_names)]
    if show_misses:
        for score in report.categories.values():
            for title, findings in (("misses", score.misses), ("false hits", score.false_hits)):
                if not findings:
                    continue
                lines += ["", f"{score.name}: {title} ({len(findings)})"]
                for finding in findings[:limit]:
                    lines.append(f"  {finding.letter}: {_clip(finding.fact, width)}")
                    if finding.quote:
                        lines.append(f"      \"{_clip(finding.quote, width - 6)}\"")
                if len(findings) > limit:
                    lines.append(f"  ... and {len(findings) - limit} more")
    return "\n".join(lines) + "\n"
