"""A copy of ontology/ with one Turtle file edited, found through NATOKG_HOME: how an
ontology maintainer teaches natokg a new word, as tests see it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def edited_ontology(home: Path, monkeypatch, file: str, old: str, new: str) -> Iterator[Path]:
    """ontology/ copied under ``home`` with ``old`` replaced by ``new`` in ``file``, and
    NATOKG_HOME pointing there while the block runs."""
    import natokg.paths

    shutil.copytree(ROOT / "ontology", home / "ontology")
    path = home / "ontology" / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {file}: update the test"
    path.write_text(text.replace(old, new), encoding="utf-8")
    monkeypatch.setenv("NATOKG_HOME", str(home))
    natokg.paths.project_root.cache_clear()  # what is read from the ontology is cached per file
    try:
        yield path
    finally:
        monkeypatch.delenv("NATOKG_HOME")
        natokg.paths.project_root.cache_clear()
