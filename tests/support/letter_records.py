"""The seed letters' extracted records, shared by the tests/extract/ modules: each
letter is read and extracted once per test session, not once per file.

Callers must not change the records they get (every test file sees the same objects).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from natokg.extract import extract_letter
from natokg.read.reader import read_letter
from natokg.records import LetterRecords, SourceDocument
from natokg.text.segment import segment

LETTERS = Path(__file__).resolve().parents[2] / "corpus" / "letters"
FIXTURE_LETTERS = Path(__file__).resolve().parents[1] / "fixtures" / "letters"


@cache
def records(name: str) -> LetterRecords:
    """The records of corpus/letters/``name``."""
    return extract_letter(segment(read_letter(LETTERS / name)))


@cache
def fixture_records(name: str) -> LetterRecords:
    """The records of tests/fixtures/letters/``name`` (letters written for the tests)."""
    return extract_letter(segment(read_letter(FIXTURE_LETTERS / name)))


def extract_text(tmp_path: Path, text: str, name: str = "letter.txt") -> tuple[SourceDocument, LetterRecords]:
    """A letter written from ``text`` into ``tmp_path``, read and extracted."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = read_letter(path)
    return document, extract_letter(segment(document))


def defence_report(body: str, written: str = "20 februari 2023", held: str = "14 en 15 februari") -> str:
    """A report on a defence ministers meeting in Brussel held on ``held`` (days and
    month, "jl."), written on ``written``, whose body after its covering sentence is ``body``."""
    return (f"Den Haag, {written}\n\nHierbij bied ik u het verslag aan van de bijeenkomst van de "
            f"NAVO-ministers van Defensie op {held} jl. in Brussel.\n\n{body}\n")


def sentence_positions(tmp_path: Path, body: str, kind: str = "report") -> set[tuple[str, str, str]]:
    """(actor, stance, topic) of the positions in ``body``, a letter of that kind (agenda
    or report) about a defence ministers meeting, without header or signature."""
    from datetime import date

    from natokg.extract.positions import positions_in
    from natokg.records import Letter, Meeting, MeetingRef

    path = tmp_path / "sentences.txt"
    path.write_text(body + "\n", encoding="utf-8")
    found = LetterRecords(Letter("sentences", kind, "", path.name))
    found.meetings.append(Meeting(MeetingRef("defence-ministers", date(2021, 6, 1), "brussels"), "main", "bijeenkomst"))
    found.positions, found.topics = positions_in(segment(read_letter(path)), found)
    return {(p.actor.key, p.stance, p.topic) for p in found.positions}
