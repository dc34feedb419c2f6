"""What ``natokg eval`` measures: the categories, their required F1 and the typed records
of a scoring run (the cli renders them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

# ---------------------------------------------------------------- categories

DOC_TYPE = "document type"
LETTER_DATE = "letter date"
METADATA = "letter metadata"  # document type, date, reference and signatories together
MAIN_MEETING = "main meeting"  # kind + start + city: one fact per letter
MAIN_MEETING_DETAILS = "main meeting details"  # each field of the main meeting apart
SESSIONS = "sessions"
OTHER_MEETINGS = "other meetings"
PERSONS = "persons"
PARTNERS = "partners"
ALLIES_COUNT = "allies count"
COMMITMENTS = "commitments"
AMOUNTS = "commitment amounts"
POSITIONS = "positions"
PAIRING = "pairing"

CATEGORIES: tuple[str, ...] = (
    DOC_TYPE, LETTER_DATE, METADATA, MAIN_MEETING, MAIN_MEETING_DETAILS, SESSIONS, OTHER_MEETINGS,
    PERSONS, PARTNERS, ALLIES_COUNT, COMMITMENTS, AMOUNTS, POSITIONS, PAIRING,
)

#: The F1 each category must reach; categories without an entry are reported only.
REQUIRED_F1: Mapping[str, float] = MappingProxyType(
    {
        DOC_TYPE: 0.95, LETTER_DATE: 0.95, MAIN_MEETING: 0.90, PERSONS: 0.90, PARTNERS: 0.80,
        COMMITMENTS: 0.70, AMOUNTS: 0.80, POSITIONS: 0.70, PAIRING: 0.70,
    }
)


# ---------------------------------------------------------------- records


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
        return REQUIRED_F1.get(self.name)

    @property
    def empty(self) -> bool:
        """Neither gold facts nor predictions: nothing was measured."""
        return not (self.tp or self.fp or self.fn)

    def add(self, other: CategoryScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses += other.misses
        self.false_hits += other.false_hits


@dataclass(frozen=True)
class LetterFailure:
    """A gold letter that could not be read or that the extractor refused: all its facts are misses."""

    letter: str
    message: str


@dataclass
class EvalReport:
    categories: dict[str, CategoryScore]
    letters: list[str]  # gold letter files, in gold order
    failures: list[LetterFailure] = field(default_factory=list)
    unresolved_names: list[str] = field(default_factory=list)  # gold names the ontology lacks
    by_letter: dict[str, dict[str, CategoryScore]] = field(default_factory=dict)  # letter -> category -> score
    split: str | None = None  # "early" or "late" when only one era was scored

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
