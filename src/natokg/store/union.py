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

The build makes the copy (``STORE/union/db-NNNNNN`` beside the generation
``db-NNNNNN``) before it commits, so a committed build always has one and readers only
open it (:func:`union_generation_dir`). A whole copy (:func:`make_union_copy`) starts
as a RocksDB checkpoint of the generation (hard links) and gets the default graph with
one bulk load of the letter graph files and the shared graphs; an incremental build
changes a checkpoint of the previous build's copy by what it changed
(:func:`update_union_copy`), so its cost follows the change, not the store. Like generations, the copies of
the committed and the previous build are kept; a server holds the copy it serves
(:func:`hold`) so that later builds leave it in place.
"""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from natokg.errors import StoreError
from natokg.store.export import GraphTexts
from natokg.store.layout import (
    OPEN_ATTEMPTS,
    UNION_FOLDER,
    committed_generation,
    committed_meanwhile,
    current_generation_dir,
    list_graphs,
    pause_point,
    read_manifest,
    resolve_store_path,
)

_MAKING = ".making-"


def make_union_copy(store: ox.Store, store_dir: Path, generation: str, texts: GraphTexts) -> Path:
    """Write the union copy of ``store`` (the build's generation ``generation``, open and
    complete) to ``STORE/union/{generation}``; ``texts`` read its graphs (the letter
    graphs from the build's files). Run under the build lock, before the commit, after
    remove_other_union_copies has cleared what a killed build left."""
    folder = store_dir / UNION_FOLDER
    target = folder / generation
    workdir = folder / f"{_MAKING}{generation}"
    try:
        workdir.mkdir(parents=True)
        store.flush()
        store.backup(str(workdir / "db"))
        pause_point("union")  # the checkpoint made, the default graph not yet loaded
        triples = workdir / "triples.nt"
        _write_all_triples(texts, triples)

        def load_default_graph(copy: ox.Store) -> None:
            copy.bulk_load(path=str(triples), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
            copy.optimize()  # without it the saved queries run ~15 % slower on the copy

        _finish(workdir, target, load_default_graph)
    except OSError as error:
        raise _unwritable(folder, store_dir, error) from None
    return target


# Past this share of changed letter graphs a whole copy is cheaper than an update, and
# leaves a compacted store
UPDATE_AT_MOST = 0.1


def worth_updating(changed_letters: int, letters: int) -> bool:
    """Whether a build that changed (added, removed, mapped again) ``changed_letters``
    of ``letters`` letter graphs updates the previous copy rather than making it whole."""
    return changed_letters <= max(1, UPDATE_AT_MOST * letters)


def update_union_copy(
    store_dir: Path, generation: str, texts: GraphTexts, previous: str, unchanged: set[str],
) -> Path | None:
    """Write the union copy of the build (as make_union_copy) from the previous build's
    copy ``STORE/union/{previous}``, changed by what the build changed, so that its cost
    follows the change, not the store; None when there is no readable previous copy.

    The graphs in ``unchanged`` are letter graphs the build carried over from the
    previous one as they were; every other graph is compared line by line. A changed
    graph is replaced; its new triples join the default graph, and a triple it no longer
    holds leaves the default graph when no other named graph holds it."""
    folder = store_dir / UNION_FOLDER
    source = folder / previous
    target = folder / generation
    workdir = folder / f"{_MAKING}{generation}"
    try:
        workdir.mkdir(parents=True)
    except OSError as error:
        raise _unwritable(folder, store_dir, error) from None
    try:
        _checkpoint(source, workdir / "db")
    except OSError:  # missing or unreadable: the build makes the copy whole
        shutil.rmtree(workdir, ignore_errors=True)
        return None
    pause_point("union")  # the checkpoint made, the changes not yet applied
    try:
        _finish(workdir, target, lambda copy: _apply_changes(copy, texts, unchanged))
    except OSError as error:
        raise _unwritable(folder, store_dir, error) from None
    return target


def _finish(workdir: Path, target: Path, complete: Callable[[ox.Store], None]) -> None:
    """Open the checkpoint in ``workdir``, ``complete`` its default graph, close it (on an
    error too: RocksDB closes when the last reference goes) and move it to ``target``."""
    copy = ox.Store(str(workdir / "db"))
    try:
        complete(copy)
        copy.flush()
    finally:
        del copy
        gc.collect()
    os.rename(workdir / "db", target)
    shutil.rmtree(workdir)


def _unwritable(folder: Path, store_dir: Path, error: OSError) -> StoreError:
    return StoreError(
        f"cannot write the union copy of the build ({error}); make {folder} writable and check the free space",
        path=store_dir,
    )


def _checkpoint(source: Path, target: Path) -> None:
    """A RocksDB checkpoint (hard links) of the store at ``source``, opened read-only:
    a server may be reading it."""
    if not source.is_dir():
        raise FileNotFoundError(source)
    opened = ox.Store.read_only(str(source))
    try:
        opened.backup(str(target))
    finally:
        del opened
        gc.collect()


def _apply_changes(copy: ox.Store, texts: GraphTexts, unchanged: set[str]) -> None:
    """Make ``copy`` (the previous build's union copy) hold the graphs ``texts`` reads
    and their union as its default graph."""
    before = GraphTexts(copy, files={})
    old_graphs, new_graphs = set(list_graphs(copy)), {g.value for g in texts.graphs()}
    gone: set[bytes] = set()
    came: set[bytes] = set()
    for name in sorted(old_graphs | new_graphs):
        if name in unchanged and name in old_graphs and name in new_graphs:
            continue
        graph = ox.NamedNode(name)
        old_lines = set(before.ntriples(graph).splitlines(keepends=True)) if name in old_graphs else set()
        new_text = texts.ntriples(graph) if name in new_graphs else b""
        new_lines = set(new_text.splitlines(keepends=True))
        if old_lines == new_lines and (name in old_graphs) == (name in new_graphs):
            continue
        if name in old_graphs:
            copy.remove_graph(graph)
        if name in new_graphs:
            copy.add_graph(graph)  # an empty graph is a graph too (graph/pairing without pairs)
            if new_text:
                copy.load(new_text, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        gone |= old_lines - new_lines
        came |= new_lines - old_lines
    for triple in ox.parse(b"".join(sorted(gone)), format=ox.RdfFormat.N_TRIPLES):
        held = any(
            isinstance(quad.graph_name, ox.NamedNode)
            for quad in copy.quads_for_pattern(triple.subject, triple.predicate, triple.object)
        )
        if not held:
            copy.remove(ox.Quad(triple.subject, triple.predicate, triple.object, ox.DefaultGraph()))
    if came:
        copy.load(b"".join(sorted(came)), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())


def _write_all_triples(texts: GraphTexts, path: Path) -> None:
    """Every named graph's triples, graph after graph (the bulk load keeps each once):
    a letter's from the build's file of it, which is what the store loaded."""
    with open(path, "wb") as out:
        for graph in texts.graphs():
            out.write(texts.ntriples(graph))


def remove_other_union_copies(store_dir: Path, keep: set[str]) -> None:
    """Delete the union copies of generations not in ``keep`` and copies in the making
    (left by a killed build; call under the build lock), except those a server holds."""
    folder = store_dir / UNION_FOLDER
    if not folder.is_dir():
        return
    for other in folder.iterdir():
        if other.name not in keep and not _held(other):
            shutil.rmtree(other, ignore_errors=True)


def union_generation_dir(path: Path | str | None = None) -> Path:
    """The union copy of the last committed build of the store at ``path``, or a
    StoreError saying how to make it (a store without one: its copy removed)."""
    store_dir = resolve_store_path(path)
    for _ in range(OPEN_ATTEMPTS):
        manifest = read_manifest(store_dir)
        generation = current_generation_dir(store_dir, manifest)
        copy = store_dir / UNION_FOLDER / generation.name
        if copy.is_dir():
            return copy
        if committed_generation(store_dir) == generation.name:
            raise StoreError(
                f"the build has no union copy to query (union/{generation.name} is missing); "
                f"run `natokg build {manifest.corpus or 'CORPUS'} --store {store_dir}` to make it",
                path=store_dir,
            )
        # a build committed meanwhile and removed the copy looked for: look again
    raise committed_meanwhile(store_dir)
_HELD_BY = ".held-by-"


def hold(copy: Path) -> Path:
    """Mark ``copy`` as in use by this process (a server), so that later builds do not
    remove it; returns the mark, which the holder removes when done."""
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


def open_union(path: Path | str | None = None) -> ox.Store:
    """The union copy of the last committed build, opened read-only."""
    return ox.Store.read_only(str(union_generation_dir(path)))


__all__ = ["hold", "make_union_copy", "update_union_copy", "worth_updating", "open_union", "remove_other_union_copies", "union_generation_dir"]
