"""Extraction: a segmented letter -> typed records (docs/architecture.md).

``STAGES`` run in order over one letter's context (natokg.extract.context), each
following the contract of natokg.extract.stage: it reads the context and what the
stages before it found, and returns its own records. Rules run over a spaCy blank
Dutch pipeline whose matcher is built from the ontology's Turtle (natokg.text.nlp).
"""

from __future__ import annotations

from natokg.extract.actors import extract_participations
from natokg.extract.persons import extract_persons
from natokg.extract.commitments import extract_commitments
from natokg.extract.context import LetterContext
from natokg.extract.letter_meta import extract_letter_meta, extract_reference
from natokg.extract.meetings import extract_meetings
from natokg.extract.positions import extract_positions
from natokg.extract.stage import Found, Stage, letter_warnings
from natokg.knowledge.lexicon import Lexicon, load_lexicon
from natokg.memory import collector_paused
from natokg.records import LetterRecords, SegmentedLetter

STAGES: tuple[Stage, ...] = (
    Stage("letter", extract_letter_meta, ("letter",)),
    Stage("reference", extract_reference, ("reference",)),
    Stage("persons", extract_persons, ("persons",)),
    Stage("meetings", extract_meetings, ("meetings",)),
    Stage("participations", extract_participations, ("participations",)),
    Stage("commitments", extract_commitments, ("commitments", "observations")),
    Stage("positions", extract_positions, ("positions", "topics")),
    Stage("warnings", letter_warnings, ("warnings",)),
)


def extract_letter(seg: SegmentedLetter, lexicon: Lexicon | None = None) -> LetterRecords:
    """Everything extracted from one letter.

    A readable letter is never refused: one whose main meeting cannot be resolved is
    still extracted, and its records carry the warning (``LetterRecords.warnings``).
    """
    with collector_paused():  # see natokg.memory: a tenth of a long letter's extraction
        ctx = LetterContext(seg, lexicon or load_lexicon())
        found = Found()
        for stage in STAGES:
            found = stage.apply(ctx, found)
            if stage.name == "reference":
                # dates without a year are read against the reference from here on
                ctx.set_reference(found.reference)
        return found.records()


__all__ = ["STAGES", "Found", "Stage", "extract_letter"]
