"""The provenance sidecar of a fetched letter (natokg.read.sidecar)."""

from __future__ import annotations

import hashlib
import json

import pytest

from natokg.errors import UnreadableLetterError
from natokg.read.sidecar import SIDECAR_FORMAT, LetterSidecar, OfficialUrls, read_sidecar


def sidecar(letter_bytes: bytes, name: str = "2024D50160.docx") -> LetterSidecar:
    return LetterSidecar(
        api_id="a1", document_number="2024D50160", soort="Brief regering", title="NAVO",
        subject="Verslag NAVO-top Washington", date="2024-07-15", vergaderjaar="2023-2024", dossier="28676",
        kamerstuk="28676-466", version="2024-07-15T10:00:00+02:00", file_name=name,
        sha256=hashlib.sha256(letter_bytes).hexdigest(), retrieved="2026-01-01T00:00:00+00:00",
        urls=OfficialUrls("https://api/Document(a1)/resource", "https://api/Document(a1)", "https://tk/2024D50160"),
        annexes=("2024D50161",),
    )


def test_sidecar_round_trips(tmp_path):
    letter = tmp_path / "2024D50160.docx"
    letter.write_bytes(b"letter")
    written = sidecar(b"letter")
    (tmp_path / "2024D50160.json").write_text(written.to_json(), encoding="utf-8")
    assert read_sidecar(letter) == written
    assert read_sidecar(letter, hashlib.sha256(b"letter").hexdigest()) == written
    assert written.letter_title == "Verslag NAVO-top Washington"


def test_letter_without_sidecar_has_none(tmp_path):
    assert read_sidecar(tmp_path / "letter.txt") is None


def test_json_of_the_users_own_is_not_a_sidecar(tmp_path):
    (tmp_path / "notes.json").write_text(json.dumps({"author": "me"}), encoding="utf-8")
    assert read_sidecar(tmp_path / "notes.txt") is None


def test_sidecar_of_another_file_version_is_ignored(tmp_path):
    letter = tmp_path / "2024D50160.docx"
    (tmp_path / "2024D50160.json").write_text(sidecar(b"old version").to_json(), encoding="utf-8")
    assert read_sidecar(letter, hashlib.sha256(b"new version").hexdigest()) is None


def test_broken_sidecar_says_how_to_fix_it(tmp_path):
    text = sidecar(b"x").to_json().replace('"2024-07-15"', '"15 juli 2024"')
    (tmp_path / "2024D50160.json").write_text(text, encoding="utf-8")
    with pytest.raises(UnreadableLetterError, match="fetch the letter again"):
        read_sidecar(tmp_path / "2024D50160.docx")


def test_regression_an_outdated_sidecar_format_is_reported_not_ignored(tmp_path):
    text = sidecar(b"x").to_json().replace(SIDECAR_FORMAT, "natokg-sidecar/0")
    (tmp_path / "2024D50160.json").write_text(text, encoding="utf-8")
    with pytest.raises(UnreadableLetterError, match="natokg-sidecar/0.*fetch the letter again"):
        read_sidecar(tmp_path / "2024D50160.docx")

