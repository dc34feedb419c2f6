"""Extraction: a segmented letter -> typed records (docs/architecture.md).

Stages, in order: letter metadata, persons (needed for meeting hosts), meetings,
participations, then commitments and positions when those modules are installed.
Rules run over a spaCy blank Dutch pipeline whose matcher is built from the
ontology's Turtle (natokg.text.nlp).
"""

from __future__ import annotations

import importlib

from natokg.errors import NoMeetingError
from natokg.knowledge.lexicon import Lexicon, load_lexicon
from natokg.records import LetterRecords, SegmentedLetter

__all__ = ["extract_letter"]


def extract_letter(seg: SegmentedLetter, lexicon: Lexicon | None = None) -> LetterRecords:
    """Everything extracted from one letter.

    Raises NoMeetingError (naming the file) when no NATO meeting can be recognised.
    """
    from natokg.extract.actors import extract_participations, extract_persons
    from natokg.extract.letter_meta import extract_letter_meta, reference_date
    from natokg.extract.meetings import extract_meetings, summit_year
    from natokg.text.nlp import LetterContext

    from natokg.extract.phrases import start_letter

    lexicon = lexicon or load_lexicon()
    start_letter()
    letter = extract_letter_meta(seg)
    ctx = LetterContext(seg, lexicon, reference_date(seg, letter.date))
    if ctx.reference is None:
        # no year written anywhere: a summit named with its city and days dates the letter
        ctx.set_reference(summit_year(ctx))
    persons = extract_persons(ctx)
    letter.signatories = persons.signatories
    index = extract_meetings(ctx, persons.spans)
    if index is None or index.main is None:
        raise NoMeetingError(
            "no NATO meeting (summit, foreign or defence ministers meeting) recognised; "
            "check that the file is a letter about a NATO meeting",
            path=seg.doc.path,
        )
    records = LetterRecords(letter=letter, meetings=index.meetings, persons=persons.persons)
    records.participations = extract_participations(ctx, index, persons)
    for module, function in (("commitments", "extract_commitments"), ("positions", "extract_positions")):
        stage = _optional_stage(module, function)
        if stage is not None:
            stage(seg, records, lexicon)
    return records


def _optional_stage(module: str, function: str):
    """A later stage (commitments, positions) if its module exists yet, else None."""
    try:
        loaded = importlib.import_module(f"natokg.extract.{module}")
    except ModuleNotFoundError as error:
        if error.name == f"natokg.extract.{module}":
            return None
        raise
    return getattr(loaded, function, None)
