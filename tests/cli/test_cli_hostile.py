"""`natokg map` on hostile letter files: one line on stderr and exit 2, never a traceback
(tests/support/hostile_letters.py)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from natokg.cli import app
from natokg.read.limits import MAX_LETTER_CHARS_ENV
from support.hostile_letters import HOSTILE_LETTERS, HostileLetter

runner = CliRunner()
REFUSED = [letter for letter in HOSTILE_LETTERS if letter.refusal is not None and not letter.heavy]


@pytest.mark.parametrize("letter", REFUSED, ids=lambda letter: letter.name)
def test_map_refuses_a_hostile_letter_in_one_line_with_exit_2(tmp_path, monkeypatch, letter: HostileLetter):
    monkeypatch.delenv(MAX_LETTER_CHARS_ENV, raising=False)
    path = tmp_path / letter.name
    letter.write(path)
    result = runner.invoke(app, ["map", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and letter.refusal in lines[0]


def test_map_with_a_bad_limit_setting_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.setenv(MAX_LETTER_CHARS_ENV, "a lot")
    path = tmp_path / "brief.txt"
    path.write_text("Geachte voorzitter,\n", encoding="utf-8")
    result = runner.invoke(app, ["map", str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "natokg: error: NATOKG_MAX_LETTER_CHARS='a lot' is not a positive whole number of characters; "
        "unset it or set e.g. NATOKG_MAX_LETTER_CHARS=2000000"
    ]


def test_map_names_the_file_in_a_reader_warning(tmp_path):
    from support.hostile_letters import pdf_wrong_startxref

    path = tmp_path / "repaired.pdf"
    pdf_wrong_startxref(path)
    result = runner.invoke(app, ["map", str(path)])
    assert result.exit_code == 0, result.stderr
    warnings = result.stderr.strip().splitlines()
    assert warnings and all(line.startswith(f"warning: {path}: ") for line in warnings)
    assert any("startxref" in line for line in warnings)
