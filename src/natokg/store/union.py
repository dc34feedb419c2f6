"""A copy of a committed build whose default graph is the union of its named graphs,
each triple once.

Why a copy: SPARQL users expect ``SELECT * { ?s ?p ?o }`` to read the whole dataset,
and the RDF merge of the named graphs holds each triple once. pyoxigraph's
``use_default_graph_as_union`` (and a ``default_graph`` list of every named graph)
repeat a triple once per graph that holds it: a commitment named in three letters
would be counted three times. The copy holds the build's named graphs as they are plus
a default graph loaded from every graph's triples, and a store keeps a triple once, so
duplicates are removed where the data is kept rather than in each query. GRAPH ?g
reaches the named graphs as on the build.

:func:`union_generation_dir` keeps one such copy per store folder, beside the build
(``STORE/union/db-NNNNNN``), made by the first query after a build and reused by the
next ones: a build never changes a committed generation, so the copy of one stays
right. Making it takes about as long as loading the build (a few seconds for the 40
letters of corpus/letters) and it takes the same disk space.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from natokg.errors import StoreError
from natokg.store.layout import current_generation_dir, open_committed, resolve_store_path

UNION_FOLDER = "union"


def copy_with_union(source: ox.Store, directory: Path, workdir: Path) -> None:
    """Write ``source`` to a new store at ``directory`` with the union default graph;
    ``workdir`` holds the intermediate dump files (removed afterwards)."""
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


def union_generation_dir(path: Path | str | None = None) -> Path:
    """The union copy of the last committed build of the store at ``path`` (made when
    missing; the copies of older builds are removed)."""
    store_dir = resolve_store_path(path)
    folder = store_dir / UNION_FOLDER
    made = folder / current_generation_dir(store_dir).name
    if made.is_dir():
        return made  # found without opening the build, which costs tens of milliseconds
    manifest, source = open_committed(store_dir, read_only=True)
    target = folder / manifest.generation
    if target.is_dir():
        return target
    try:
        folder.mkdir(exist_ok=True)
        workdir = Path(tempfile.mkdtemp(prefix=".making-", dir=folder))
        copy_with_union(source, workdir / "db", workdir)
        del source
        try:
            os.rename(workdir / "db", target)
        except OSError:
            if not target.is_dir():
                raise
            # another process made the same copy meanwhile: keep theirs
        shutil.rmtree(workdir, ignore_errors=True)
    except OSError as error:
        raise StoreError(
            f"cannot write the union copy of the build ({error}); make {folder} writable "
            "and check the free space",
            path=store_dir,
        ) from None
    _remove_other_copies(folder, keep=manifest.generation)
    return target


# a copy in the making older than this was left by a process that was killed
_ABANDONED_AFTER = 3600.0


_HELD_BY = ".held-by-"


def hold(copy: Path) -> Path:
    """Mark ``copy`` as in use by this process (a server), so that a later build's first
    query does not remove it; returns the mark, which the holder removes when done."""
    mark = copy / f"{_HELD_BY}{os.getpid()}"
    mark.touch()
    return mark


def _held(copy: Path) -> bool:
    for mark in copy.glob(f"{_HELD_BY}*"):
        try:
            os.kill(int(mark.name[len(_HELD_BY):]), 0)
            return True
        except ProcessLookupError:
            mark.unlink(missing_ok=True)  # its holder died without removing it
        except (ValueError, PermissionError):
            return True
    return False


def _remove_other_copies(folder: Path, keep: str) -> None:
    # a query running on an older copy keeps reading it: RocksDB holds its files open;
    # a server holds its copy (hold) because its query workers may reopen it
    for other in folder.iterdir():
        if other.name == keep or _held(other):
            continue
        try:
            if other.name.startswith(".making-") and time.time() - other.stat().st_mtime < _ABANDONED_AFTER:
                continue  # another process is making a copy
        except OSError:
            continue  # removed meanwhile by another process
        shutil.rmtree(other, ignore_errors=True)


def open_union(path: Path | str | None = None) -> ox.Store:
    """The union copy of the last committed build, opened read-only."""
    return ox.Store.read_only(str(union_generation_dir(path)))


__all__ = ["UNION_FOLDER", "copy_with_union", "hold", "open_union", "union_generation_dir"]
