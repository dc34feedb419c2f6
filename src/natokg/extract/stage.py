"""The one contract every extraction stage follows.

A stage is a function ``(ctx, found) -> records``: it reads the letter's context
(natokg.extract.context.LetterContext) and what the stages before it found
(``Found``), and returns its own records, which the driver stores in the ``Found``
field the stage names. A stage never changes ``ctx``'s letter or ``found``; ``Found``
is frozen and the driver makes a new one after every stage. A new kind of fact is one
module with one stage function and one line in natokg.extract.STAGES.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Callable

from natokg.extract.spans import inside
from natokg.records import (
    ActorRef,
    Commitment,
    Evidence,
    Letter,
    LetterRecords,
    Meeting,
    MeetingRef,
    Observation,
    Participation,
    Person,
    Position,
)

if TYPE_CHECKING:
    from natokg.extract.context import LetterContext


# ---------------------------------------------------------------- what stages return


@dataclass
class PersonIndex:
    persons: list[Person] = field(default_factory=list)
    spans: list[tuple[int, int, ActorRef]] = field(default_factory=list)  # normalised name spans
    signatories: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_key = {p.key: p for p in self.persons}
        self._starts = [s[0] for s in self.spans]  # the spans come sorted by start

    def within(self, start: int, end: int) -> list[tuple[int, int, ActorRef]]:
        """The name spans inside [start, end]."""
        return inside(self.spans, self._starts, start, end, lambda s: s[1])


@dataclass
class MeetingIndex:
    """The meetings of a letter, and which normalised spans name which meeting."""

    meetings: list[Meeting]
    spans: list[tuple[int, int, MeetingRef]]
    main: Meeting | None

    def __post_init__(self) -> None:
        self._starts = [s[0] for s in self.spans]  # the spans come sorted by start

    def at(self, start: int, end: int) -> list[tuple[int, int, MeetingRef]]:
        return inside(self.spans, self._starts, start, end, lambda s: s[1])


@dataclass(frozen=True)
class Found:
    """What the stages have found so far in one letter."""

    letter: Letter | None = None
    reference: date | int | None = None  # what a date without a year is read against
    persons: PersonIndex | None = None
    meetings: MeetingIndex | None = None
    participations: tuple[Participation, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    observations: tuple[Observation, ...] = ()
    positions: tuple[Position, ...] = ()
    topics: dict[str, list[Evidence]] = field(default_factory=dict)  # topic slug -> evidence
    warnings: tuple[str, ...] = ()  # not errors: the letter is still mapped and stored

    def records(self) -> LetterRecords:
        """A fresh LetterRecords of what was found (the mapper's input)."""
        assert self.letter is not None, "the letter stage runs first"
        persons = self.persons
        letter = replace(self.letter, signatories=persons.signatories) if persons else self.letter
        return LetterRecords(
            letter=letter,
            meetings=list(self.meetings.meetings) if self.meetings else [],
            persons=list(persons.persons) if persons else [],
            participations=list(self.participations),
            commitments=list(self.commitments),
            observations=list(self.observations),
            positions=list(self.positions),
            topics={slug: list(evidence) for slug, evidence in self.topics.items()},
            warnings=self.warnings,
        )


@dataclass(frozen=True)
class Stage:
    """An extraction stage: ``run(ctx, found)`` returns the value of ``found.<fills>``,
    or a tuple of values when the stage fills several fields."""

    name: str
    run: Callable[[LetterContext, Found], Any]
    fills: tuple[str, ...]

    def apply(self, ctx: LetterContext, found: Found) -> Found:
        result = self.run(ctx, found)
        values = result if len(self.fills) > 1 else (result,)
        return replace(found, **dict(zip(self.fills, values, strict=True)))


NO_MAIN_MEETING = "no main meeting resolved"


def letter_warnings(ctx: LetterContext, found: Found) -> tuple[str, ...]:
    """What is missing from a letter that is still mapped: a letter whose main meeting
    could not be resolved keeps its metadata, persons, meetings, commitments and
    positions, and says so."""
    warnings = list(found.warnings)
    if (found.meetings is None or found.meetings.main is None) and NO_MAIN_MEETING not in warnings:
        warnings.append(NO_MAIN_MEETING)
    return tuple(warnings)


__all__ = ["NO_MAIN_MEETING", "Found", "MeetingIndex", "PersonIndex", "Stage", "letter_warnings"]
