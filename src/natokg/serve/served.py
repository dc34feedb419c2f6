"""The build a server serves: a read-only copy of one committed build whose default
graph is the union of its named graphs, each triple once.

Why a copy: SPARQL users expect ``SELECT * { ?s ?p ?o }`` to read the whole dataset,
and the RDF merge of the named graphs holds each triple once. pyoxigraph's
``use_default_graph_as_union`` (and a ``default_graph`` list of every named graph)
repeat a triple once per graph that holds it: a commitment named in three letters
would be counted three times. The copy holds the build's named graphs as they are plus
a default graph loaded from every graph's triples, and a store keeps a triple once, so
duplicates are removed where the data is kept rather than in each query. GRAPH ?g
reaches the named graphs as on the build. The copy is made when the server starts, in
a temporary folder removed when it stops; a build committed meanwhile is served after
a restart.
"""

from __future__ import annotations

import gc
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from natokg.errors import StoreError
from natokg.store.layout import Manifest, LetterEntry
from natokg.store.snapshot import open_snapshot


@dataclass
class ServedStore:
    """``directory``: the copy (queries run on it in worker processes); ``store``: the
    copy opened read-only in this process for the pages' own queries; ``manifest`` and
    ``store_dir``: the build it was copied from (letters' text files)."""

    store_dir: Path
    manifest: Manifest
    directory: Path
    store: ox.Store

    def letter_entry(self, graph: str) -> LetterEntry | None:
        """The manifest's entry of the letter whose named graph is ``graph``."""
        for entry in self.manifest.letters.values():
            if entry.graph == graph:
                return entry
        return None

    def letter_text(self, entry: LetterEntry) -> str | None:
        """The raw text the letter's evidence offsets index into (None when missing)."""
        path = self.store_dir / entry.source_text_file
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            return None

    def close(self) -> None:
        """Stop the copy's query workers and delete the copy."""
        from natokg.sparql.worker import stop_workers

        stop_workers(self.directory)
        self.__dict__.pop("store", None)
        gc.collect()  # RocksDB closes when the last reference goes
        shutil.rmtree(self.directory.parent, ignore_errors=True)


def open_served(store_dir: Path | str | None) -> ServedStore:
    """Copy the last committed build of ``store_dir`` with the union default graph."""
    with open_snapshot(store_dir) as snapshot:
        if snapshot.manifest.generation is None:
            raise StoreError("the store holds no build; run `natokg build CORPUS` first", path=snapshot.directory)
        workdir = Path(tempfile.mkdtemp(prefix="natokg-serve-"))
        directory = workdir / "db"
        try:
            _copy_with_union(snapshot.store, directory, workdir)
        except OSError as error:
            shutil.rmtree(workdir, ignore_errors=True)
            raise StoreError(f"cannot copy the store for serving ({error}); check the free space in {workdir.parent}") from None
        manifest, source = snapshot.manifest, snapshot.directory
    return ServedStore(source, manifest, directory, ox.Store.read_only(str(directory)))


def _copy_with_union(source: ox.Store, directory: Path, workdir: Path) -> None:
    quads, triples = workdir / "quads.nq", workdir / "triples.nt"
    source.dump(output=str(quads), format=ox.RdfFormat.N_QUADS)
    named = (quad.triple for quad in source.quads_for_pattern(None, None, None) if not isinstance(quad.graph_name, ox.DefaultGraph))
    ox.serialize(named, output=str(triples), format=ox.RdfFormat.N_TRIPLES)
    target = ox.Store(str(directory))
    target.bulk_load(path=str(quads), format=ox.RdfFormat.N_QUADS)
    target.bulk_load(path=str(triples), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    target.optimize()
    target.flush()
    del target
    gc.collect()
    quads.unlink()
    triples.unlink()


__all__ = ["ServedStore", "open_served"]
