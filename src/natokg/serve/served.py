"""The build a server serves: the union copy of one committed build, whose default
graph is the union of its named graphs, each triple once.

Why a copy, and how the build makes it: natokg.store.union. The server uses the copy of
the last committed build and holds it while it runs, so that builds committed meanwhile
do not remove it; the newest build is served after a restart.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from natokg.errors import StoreError
from natokg.store.layout import Manifest, LetterEntry
from natokg.store.snapshot import open_snapshot
from natokg.store.union import hold, union_generation_dir


@dataclass
class ServedStore:
    """``directory``: the copy (queries run on it in worker processes); ``store``: the
    copy opened read-only in this process for the pages' own queries; ``manifest`` and
    ``store_dir``: the build it was copied from (letters' text files)."""

    store_dir: Path
    manifest: Manifest
    directory: Path
    store: ox.Store
    mark: Path  # natokg.store.union.hold: this server uses the copy

    def __post_init__(self) -> None:
        # asked on every letter page and text request; the served build never changes
        self._by_graph = {entry.graph: entry for entry in self.manifest.letters.values()}
        self._by_key = {entry.key: entry for entry in self.manifest.letters.values()}

    def letter_entry(self, graph: str) -> LetterEntry | None:
        """The manifest's entry of the letter whose named graph is ``graph``."""
        return self._by_graph.get(graph)

    def letter_text(self, entry: LetterEntry) -> str | None:
        """The raw text the letter's evidence offsets index into (None when missing)."""
        path = self.store_dir / entry.source_text_file
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            return None

    def letter_text_by_key(self, key: str) -> str | None:
        """The text layer of the letter with key ``key`` (None when there is none)."""
        entry = self._by_key.get(key)
        return self.letter_text(entry) if entry is not None else None

    def close(self) -> None:
        """Stop the copy's query workers and let go of the copy."""
        from natokg.sparql.worker import stop_workers

        stop_workers(self.directory)
        self.__dict__.pop("store", None)
        gc.collect()  # RocksDB closes when the last reference goes
        self.mark.unlink(missing_ok=True)


def open_served(store_dir: Path | str | None) -> ServedStore:
    """The union copy of the last committed build of ``store_dir``, held while served."""
    with open_snapshot(store_dir) as snapshot:
        if snapshot.manifest.generation is None:
            raise StoreError("the store holds no build; run `natokg build CORPUS` first", path=snapshot.directory)
        manifest, source = snapshot.manifest, snapshot.directory
    directory = union_generation_dir(source)
    mark = hold(directory)
    return ServedStore(source, manifest, directory, ox.Store.read_only(str(directory)), mark)


__all__ = ["ServedStore", "open_served"]
