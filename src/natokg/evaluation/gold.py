"""The hand-written gold facts (corpus/gold): typed records and the loader.

``load_gold`` reads the gold YAML (schema: corpus/gold/README.md) into
:class:`GoldLetter` records, checking every controlled value; a problem raises
BadInputError naming the file and the entry. natokg.evaluation.scoring scores extraction
against these records.

Two file conventions of the development set are honoured here: a first line
``# quote_ws: collapse`` means the file's quotes, names and roles match the letter after
collapsing every whitespace run to one space, so the loader collapses them (and the
scorer collapses the letter's side); ``optional: true`` on an item marks a borderline
fact that is neither a miss nor a false hit. Fields the scorer does not use (as_written,
notes, not_mentioned ...) are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import re

import yaml

from natokg.errors import BadInputError


# Controlled values of the gold schema (corpus/gold/README.md).
_DOC_TYPES = {"agenda", "report", "other"}
_MEETING_KINDS = {"summit", "foreign_ministers", "defence_ministers", "other"}
_SESSION_KINDS = {"council_session", "social_event", "forum", "working_session"}
_COMMITMENT_KINDS = {"spending_target", "financial_contribution", "policy_pledge", "capability_pledge"}
UNITS = frozenset({"EUR", "USD", "percent_gdp"})
STANCES = frozenset({"support", "emphasise", "call_for", "welcome", "oppose", "intend"})


# ---------------------------------------------------------------- gold records


@dataclass(frozen=True)
class GoldSignatory:
    name: str
    role: str | None


@dataclass(frozen=True)
class GoldPerson:
    name: str
    role: str | None
    affiliation: str | None
    optional: bool = False


@dataclass(frozen=True)
class GoldMeeting:
    """The main meeting (name None) or one of the other meetings the letter mentions."""

    kind: str  # gold spelling: summit | foreign_ministers | defence_ministers | other
    informal: bool
    start: date | None
    end: date | None
    city: str | None  # English name
    country: str | None  # English name
    name: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class GoldSession:
    name: str
    kind: str  # council_session | social_event | forum | working_session
    date: date | None
    optional: bool = False


@dataclass(frozen=True)
class GoldCommitment:
    actor: str
    what: str
    kind: str
    amount: Decimal | None
    unit: str | None
    target_year: int | None
    made_at: str | None
    quote: str | None
    optional: bool = False


@dataclass(frozen=True)
class GoldPosition:
    actor: str
    verb: str | None
    stance: str
    topic: str
    quote: str | None
    optional: bool = False
    realises: str | None = None  # a report position: the quote of the agenda position it takes up
    pair_status: str | None = None  # "changed" when only partly realised


@dataclass(frozen=True)
class GoldLetter:
    file: str
    doc_type: str
    letter_date: date | None
    reference: str | None
    signatories: tuple[GoldSignatory, ...]
    main_meeting: GoldMeeting | None
    sub_meetings: tuple[GoldSession, ...]
    other_meetings: tuple[GoldMeeting, ...]
    persons: tuple[GoldPerson, ...]
    allies_count: int | None
    partners: tuple[str, ...]
    commitments: tuple[GoldCommitment, ...]
    positions: tuple[GoldPosition, ...]
    kamerstukken: tuple[str, ...]
    pairs_with: str | None = None  # a report: the file of the agenda letter of the same meeting
    collapse_whitespace: bool = False  # the file's first line is "# quote_ws: collapse"


# ---------------------------------------------------------------- loading the gold

_COLLAPSE_MARK = re.compile(r"#\s*quote_ws:\s*collapse\s*$", re.MULTILINE)


def collapse_whitespace(text: str) -> str:
    """Every run of whitespace (line breaks included) as one space."""
    return " ".join(text.split())



class _Entry:
    """Typed access to one mapping of the gold YAML, with errors that say where."""

    def __init__(self, data: object, where: str, path: Path, collapse: bool = False) -> None:
        if not isinstance(data, dict):
            raise BadInputError(f"{where} is not a mapping of fields", path=path)
        self.data, self.where, self.path, self.collapse = data, where, path, collapse

    def letter_text(self, key: str, *, required: bool = False) -> str | None:
        """A quote, name or role: text of the letter, whitespace collapsed when the file says so."""
        value = self.text(key, required=required)
        return collapse_whitespace(value) if self.collapse and value is not None else value

    def fail(self, problem: str) -> BadInputError:
        return BadInputError(f"{self.where} {problem}; fix the gold file", path=self.path)

    def required(self, key: str) -> object:
        if self.data.get(key) is None:
            raise self.fail(f"has no '{key}'")
        return self.data[key]

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self.required(key) if required else self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise self.fail(f"has a '{key}' that is not text: {value!r}")
        return str(value)

    def choice(self, key: str, allowed: set[str]) -> str:
        value = self.text(key, required=True)
        if value not in allowed:
            raise self.fail(f"has {key} {value!r}, expected one of {', '.join(sorted(allowed))}")
        return value

    def optional_choice(self, key: str, allowed: set[str]) -> str | None:
        return None if self.data.get(key) is None else self.choice(key, allowed)

    def day(self, key: str) -> date | None:
        value = self.data.get(key)
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(f"has {key} {value!r}, expected an ISO date YYYY-MM-DD") from None

    def integer(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"has {key} {value!r}, expected a whole number")
        return value

    def decimal(self, key: str) -> Decimal | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool):
            raise self.fail(f"has {key} {value!r}, expected a number")
        try:
            return Decimal(str(value))  # str() so 3.5 stays 3.5, not its binary expansion
        except InvalidOperation:
            raise self.fail(f"has {key} {value!r}, expected a number") from None

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.fail(f"has {key} {value!r}, expected true or false")
        return value

    def items(self, key: str) -> list[_Entry]:
        return [
            _Entry(item, f"{self.where} {key}[{i}]", self.path, self.collapse) for i, item in enumerate(self._list(key), 1)
        ]

    def strings(self, key: str) -> tuple[str, ...]:
        values = self._list(key)
        if not all(isinstance(v, str) for v in values):
            raise self.fail(f"has a '{key}' list with entries that are not text")
        return tuple(values)

    def _list(self, key: str) -> list:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"has a '{key}' that is not a list")
        return value


def _meeting(entry: _Entry, *, named: bool) -> GoldMeeting:
    return GoldMeeting(
        kind=entry.choice("kind", _MEETING_KINDS),
        informal=entry.boolean("informal"),
        start=entry.day("start"),
        end=entry.day("end"),
        city=entry.text("city"),
        country=entry.text("country"),
        name=entry.letter_text("name") if named else None,
        optional=entry.boolean("optional"),
    )


def _gold_letter(entry: _Entry) -> GoldLetter:
    entry.where += f" ({entry.text('file', required=True)})"
    main = entry.data.get("main_meeting")
    main_entry = None if main is None else _Entry(main, f"{entry.where} main_meeting", entry.path, entry.collapse)
    return GoldLetter(
        file=entry.text("file", required=True),
        doc_type=entry.choice("doc_type", _DOC_TYPES),
        letter_date=entry.day("letter_date"),
        reference=entry.text("reference"),
        signatories=tuple(
            GoldSignatory(e.letter_text("name", required=True), e.letter_text("role")) for e in entry.items("signatories")
        ),
        main_meeting=None if main_entry is None else _meeting(main_entry, named=False),
        sub_meetings=tuple(
            GoldSession(e.letter_text("name", required=True), e.choice("kind", _SESSION_KINDS), e.day("date"),
                        e.boolean("optional"))
            for e in entry.items("sub_meetings")
        ),
        other_meetings=tuple(_meeting(e, named=True) for e in entry.items("other_meetings")),
        persons=tuple(
            GoldPerson(e.letter_text("name", required=True), e.letter_text("role"), e.text("affiliation"),
                       e.boolean("optional"))
            for e in entry.items("persons")
        ),
        allies_count=entry.integer("allies_count"),
        partners=entry.strings("partners"),
        commitments=tuple(
            GoldCommitment(
                actor=e.text("actor", required=True),
                what=e.text("what") or "",
                kind=e.choice("kind", _COMMITMENT_KINDS),
                amount=e.decimal("amount"),
                unit=e.optional_choice("unit", UNITS),
                target_year=e.integer("target_year"),
                made_at=e.text("made_at"),
                quote=e.letter_text("quote"),
                optional=e.boolean("optional"),
            )
            for e in entry.items("commitments")
        ),
        positions=tuple(
            GoldPosition(
                actor=e.text("actor", required=True),
                verb=e.text("verb"),
                stance=e.choice("stance", STANCES),
                topic=e.text("topic", required=True),
                quote=e.letter_text("quote"),
                optional=e.boolean("optional"),
                realises=e.letter_text("realises"),
                pair_status=e.text("pair_status"),
            )
            for e in entry.items("positions")
        ),
        kamerstukken=entry.strings("kamerstukken"),
        pairs_with=entry.text("pairs_with"),
        collapse_whitespace=entry.collapse,
    )


def load_gold(gold_dir: Path) -> list[GoldLetter]:
    """Read every ``*.yaml`` gold file in ``gold_dir`` (or one gold file), in name order.

    Raises BadInputError naming the file and the problem ("entry 3 has no 'file'").
    """
    gold_dir = Path(gold_dir)
    if gold_dir.is_file():
        files = [gold_dir]
    elif gold_dir.is_dir():
        files = sorted(p for p in gold_dir.iterdir() if p.suffix in {".yaml", ".yml"})
        if not files:
            raise BadInputError("no gold *.yaml file in this directory; point natokg eval at corpus/gold", path=gold_dir)
    else:
        raise BadInputError("gold directory not found; point natokg eval at corpus/gold", path=gold_dir)

    letters: list[GoldLetter] = []
    seen: dict[str, Path] = {}
    for path in files:
        try:
            source = path.read_text(encoding="utf-8")
            data = yaml.safe_load(source)
        except (OSError, UnicodeDecodeError) as error:
            raise BadInputError(f"cannot read the gold file: {error}", path=path) from None
        except yaml.YAMLError as error:
            problem = " ".join(str(error).split())
            raise BadInputError(f"not valid YAML: {problem}", path=path) from None
        if not isinstance(data, list):
            raise BadInputError("expected a YAML list with one entry per letter (see corpus/gold/README.md)", path=path)
        collapse = _COLLAPSE_MARK.match(source) is not None
        for number, item in enumerate(data, 1):
            letter = _gold_letter(_Entry(item, f"entry {number}", path, collapse))
            if letter.file in seen:
                raise BadInputError(f"entry {number}: {letter.file} already has gold in {seen[letter.file].name}", path=path)
            seen[letter.file] = path
            letters.append(letter)
    return letters
