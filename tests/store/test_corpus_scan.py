"""Letter files that cannot be read are reported, not passed over (natokg.store.corpus_scan),
and the readers' warnings reach the build report with the file's name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from natokg.cli.render_build import build_findings
from natokg.store import corpus_scan
from natokg.store.build import LetterWarning
from natokg.store.corpus_scan import scan_letters
from natokg.store.workers import _init_worker, process_letter
from support.fake_corpus import fake_build, write_fake_corpus
from support.hostile_letters import pdf_cut_short, pdf_wrong_startxref


def _awkward_corpus(folder: Path) -> Path:
    corpus = write_fake_corpus(folder, 2)
    os.symlink("loop_b.txt", corpus / "loop_a.txt")
    os.symlink("loop_a.txt", corpus / "loop_b.txt")
    os.symlink("missing.txt", corpus / "dangling.txt")
    os.mkfifo(corpus / "pipe.txt")
    outside = folder.parent / "elsewhere"
    outside.mkdir()
    os.symlink(outside, corpus / "linked")
    (corpus / "notes.md").write_text("not a letter", encoding="utf-8")
    return corpus


def test_unreadable_letter_files_are_reported_with_a_reason(tmp_path):
    corpus = _awkward_corpus(tmp_path / "letters")
    letters, problems = scan_letters(corpus)
    assert list(letters) == ["000_fake.txt", "001_fake.txt"]
    assert problems == {
        "dangling.txt": "broken symbolic link (its target is missing); fix or remove the link",
        "linked/": "link to a folder, not followed; copy or move the letters into the corpus",
        "loop_a.txt": "symbolic link loop; point the link at a letter file or remove it",
        "loop_b.txt": "symbolic link loop; point the link at a letter file or remove it",
        "pipe.txt": "not a regular file (a pipe or device); save the letter as a file",
    }


def test_a_build_lists_unreadable_letters_as_skipped(tmp_path, monkeypatch):
    corpus = _awkward_corpus(tmp_path / "letters")
    real_open = open

    def no_permission(path, *args, **kwargs):  # root reads every file: refuse one here
        if str(path).endswith("001_fake.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(corpus_scan, "open", no_permission, raising=False)
    summary = fake_build(corpus, tmp_path / "store")
    assert summary.letters_loaded == 1 and summary.letters_seen == 7
    skipped = {item.file: item.reason for item in summary.skipped}
    assert skipped["001_fake.txt"].startswith("permission denied; make it readable")
    assert set(skipped) == {"001_fake.txt", "dangling.txt", "linked/", "loop_a.txt", "loop_b.txt", "pipe.txt"}
    again = fake_build(corpus, tmp_path / "store")  # nothing changed: the same report
    assert {item.file for item in again.skipped} == set(skipped)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission_is_reported(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 1)
    (corpus / "000_fake.txt").chmod(0)
    hashes, problems = corpus_scan.hash_letters(scan_letters(corpus)[0])
    assert not hashes and problems["000_fake.txt"].startswith("permission denied")


def test_pdf_repairs_are_warnings_with_the_file_name_not_stderr(tmp_path, capfd):
    from natokg.pipeline import map_letter

    path = tmp_path / "repaired.pdf"
    pdf_wrong_startxref(path)
    _init_worker(map_letter, None)
    result = process_letter(str(path), "repaired.pdf", "0" * 64)
    assert result.error is None
    assert any("startxref" in warning for warning in result.reader_warnings)
    captured = capfd.readouterr()
    assert "startxref" not in captured.err and "startxref" not in captured.out
    summary = type("Summary", (), {"skipped": [], "steps": [], "warnings": [LetterWarning("repaired.pdf", result.reader_warnings[0])]})
    assert build_findings(summary)[0] == f"warning: repaired.pdf: {result.reader_warnings[0]}"


def test_a_refused_pdf_says_why_without_the_library_s_words(tmp_path, capfd):
    from natokg.pipeline import map_letter

    path = tmp_path / "cut.pdf"
    pdf_cut_short(path)
    _init_worker(map_letter, None)
    result = process_letter(str(path), "cut.pdf", "0" * 64)
    assert result.error == "not a readable PDF (damaged or not a PDF); save or print it to PDF again"
    assert "EOF marker" not in capfd.readouterr().err
