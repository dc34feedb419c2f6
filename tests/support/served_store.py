"""A small store for the server's tests: the five seed letters and an agenda with its
report (Prague 2002) built for real, plus a copy of a seed letter whose title and text
carry markup (``<script>``), which every page must show as text."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LETTERS = ROOT / "corpus" / "letters"
HOSTILE_SOURCE = "001_cd1c5c75dbeda8f3.txt"
MARKUP = '<script>alert("natokg")</script>'
PAIRED = ("dev_2002_summit_agenda_praag.txt", "dev_2002_summit_report_praag.txt")


def hostile_letter_text() -> str:
    """The seed letter with markup in its title line and in its first paragraph."""
    text = (LETTERS / HOSTILE_SOURCE).read_text(encoding="utf-8")
    lines = text.split("\n")
    title = next(number for number, line in enumerate(lines) if line.strip())
    lines[title] = lines[title].rstrip() + " " + MARKUP
    lines[title + 2] = MARKUP + " " + lines[title + 2]
    return "\n".join(lines)


def build_served_store(directory: Path) -> Path:
    """Build the seed letters and the markup letter into ``directory``/store."""
    from natokg.store.build import build

    corpus = directory / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for letter in [*LETTERS.glob("[0-9]*.txt"), *(LETTERS / name for name in PAIRED)]:
        (corpus / letter.name).write_bytes(letter.read_bytes())
    (corpus / "900_markup.txt").write_text(hostile_letter_text(), encoding="utf-8")
    store = directory / "store"
    summary = build(corpus, store, jobs=1)
    assert not summary.skipped, summary.skipped
    return store


__all__ = ["MARKUP", "PAIRED", "build_served_store", "hostile_letter_text"]
