"""Cutting a letter's text into highlighted pieces at the evidence offsets."""

from __future__ import annotations

from natokg.serve.describe import Quote
from natokg.serve.letters import Statement, pieces

TEXT = "De NAVO-top in Den Haag besloot tot 5% van het bbp."


def statement(number: int, kind: str, start: int, end: int) -> Statement:
    return Statement(number, f"urn:thing:{number}", kind, [], Quote(f"urn:ev:{number}", "urn:letter", start, end, TEXT[start:end]))


def test_pieces_cover_the_text_exactly_once():
    found = [statement(1, "commitment", 3, 50), statement(2, "meeting", 3, 23)]
    cut = pieces(TEXT, found)
    assert "".join(piece.text for piece in cut) == TEXT


def test_overlapping_statements_show_the_innermost_first():
    found = [statement(1, "commitment", 3, 50), statement(2, "meeting", 3, 23)]
    cut = pieces(TEXT, found)
    meeting = next(piece for piece in cut if piece.text == "NAVO-top in Den Haag")
    assert [s.kind for s in meeting.statements] == ["meeting", "commitment"]
    rest = next(piece for piece in cut if piece.text == " besloot tot 5% van het bbp")
    assert rest.kind == "commitment"
    assert cut[0].text == "De " and not cut[0].statements


def test_offsets_outside_the_text_are_left_out():
    cut = pieces(TEXT, [statement(1, "meeting", 40, 400)])
    assert cut == pieces(TEXT, [])
    assert len(cut) == 1 and cut[0].text == TEXT
