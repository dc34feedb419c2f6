"""One committed build, read as a whole: its manifest, its store generation and its
letter graph files, taken together.

Every reader of a built store (export, push, query, the dataset description) reads
through a snapshot. Reading the manifest, the store and the graph files separately
mixes builds when one commits in between: a store of build N with the graph files of
build N+1, and a letter whose file had gone silently served from the store's canonical
literals instead.

Why a snapshot stays whole: a build never writes the generation a manifest names (it
works on a clone, natokg.store.layout), and when it commits it keeps the previous
generation and the previous manifest's per-letter files until the next build starts.
A snapshot is therefore readable while one newer build commits; should two commit
during one long read, a graph file of it is gone and the read fails with a StoreError
that says to run it again, rather than mixing builds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from natokg.store.layout import Manifest, manifest_graph_files, open_committed, resolve_store_path


@dataclass
class Snapshot:
    """A committed build: ``store`` is the generation ``manifest`` names (read-only),
    ``files`` the letter graph files that manifest names (graph IRI -> (file, triples))."""

    directory: Path
    manifest: Manifest
    store: ox.Store

    @property
    def files(self) -> dict[str, tuple[Path, int]]:
        return manifest_graph_files(self.manifest, self.directory)

    def close(self) -> None:
        """Release the store (RocksDB closes when the last reference goes)."""
        self.__dict__.pop("store", None)

    def __enter__(self) -> "Snapshot":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_snapshot(path: Path | str | None = None) -> Snapshot:
    """The last committed build of the store at ``path`` (default: default_store_path())."""
    directory = resolve_store_path(path)
    manifest, store = open_committed(directory, read_only=True)
    return Snapshot(directory, manifest, store)


__all__ = ["Snapshot", "open_snapshot"]
