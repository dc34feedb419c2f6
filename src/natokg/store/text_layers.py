"""The letters' text layers beside an export: the characters every evidence offset
counts in, one file per letter, so that anyone holding the export can check
``text[start:end] == exact``.

A letter's text layer is the resource ``id:letter/{key}/text`` (identifiers.letter_text_iri,
served by ``natokg serve`` as text/plain); the file written for it is ``{key}.txt``.
"""

from __future__ import annotations

from pathlib import Path

from natokg.errors import StoreError
from natokg.store.layout import LetterEntry, write_atomically
from natokg.store.snapshot import Snapshot


def text_layer_file_name(key: str) -> str:
    return f"{key}.txt"


def _entries(snapshot: Snapshot, graph: str | None) -> list[LetterEntry]:
    entries = sorted(snapshot.manifest.letters.values(), key=lambda entry: entry.key)
    if graph is None:
        return entries
    return [entry for entry in entries if graph in (entry.graph, entry.key)]


def write_text_layers(snapshot: Snapshot, out_dir: Path, graph: str | None = None) -> list[Path]:
    """Write the text layer of every letter of the build (or of the letter whose graph or
    key is ``graph``) into ``out_dir``; returns the files written."""
    out_dir = Path(out_dir)
    written = []
    for entry in _entries(snapshot, graph):
        source = snapshot.directory / entry.source_text_file
        try:
            data = source.read_bytes()
        except OSError as error:
            raise StoreError(
                f"the text layer of letter {entry.key} is missing ({error.strerror}); build the store again",
                path=source,
            ) from None
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / text_layer_file_name(entry.key)
        write_atomically(target, data, durable=False)
        written.append(target)
    return written


__all__ = ["text_layer_file_name", "write_text_layers"]
