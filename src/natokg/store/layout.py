"""The embedded pyoxigraph store on disk, and the manifest that makes builds atomic.

Layout of a store directory (``natokg build --store DIR``; default: the per-user data
directory, see :func:`default_store_path`)::

    DIR/manifest.json          the commit point: which generation is current, and per
                               source file its sha256, letter key, graph IRI, triples
    DIR/db-000007/             the pyoxigraph (RocksDB) store of the current build
    DIR/union/db-000007/       its copy whose default graph is the union of the named
                               graphs, made by the build before it commits (queries
                               read it; natokg.store.union)
    DIR/sources/{sha}.txt      the raw text each letter's evidence offsets index into
                               (a .txt file's decoded text, or the text layer of a PDF)
    DIR/entities/{sha}-{fp}.nt each letter's shared entity descriptions, sorted N-Triples,
                               so an incremental build recomputes graph/entities without
                               mapping unchanged letters again
    DIR/graphs/{sha}-{fp}.nt   each letter's graph exactly as mapped and validated, sorted
                               N-Triples: exports read it (the store keeps literals in
                               canonical form, "5"^^xsd:nonNegativeInteger comes back as
                               xsd:integer, and reading RocksDB is ~10x slower than a file)
    DIR/.lock                  locked (lockf) while a build runs

Why generations: a build never writes into the store that ``manifest.json`` points at.
It clones the current generation (RocksDB checkpoint: hard links, milliseconds), applies
its changes to the clone (each letter's graph replaced in one transaction), flushes and
closes it, and only then replaces ``manifest.json`` (temporary file, fsync, os.replace,
fsync of the directory). A crash or SIGKILL at any point before that rename leaves the
manifest pointing at the untouched previous generation: the store is exactly what the
last completed build left. The next build deletes the orphaned clone and its union
copy.
"""

from __future__ import annotations

import fcntl
import gc
import hashlib
import json
import os
import re
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from natokg.errors import StoreError

STORE_ENV = "NATOKG_STORE"
MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
GENERATION_PATTERN = re.compile(r"^db-(\d{6})$")
SPOOL_SUFFIX = ".spool.nq"
UNION_FOLDER = "union"  # the union copies of the builds (natokg.store.union)


def default_store_path() -> Path:
    """``$NATOKG_STORE``, else ``{user data dir}/natokg/store`` (platformdirs)."""
    if os.environ.get(STORE_ENV):
        return Path(os.environ[STORE_ENV]).expanduser()
    from platformdirs import user_data_path

    return user_data_path("natokg", appauthor=False) / "store"


def resolve_store_path(path: Path | str | None) -> Path:
    return Path(path).expanduser() if path is not None else default_store_path()


# ---------------------------------------------------------------- manifest


@dataclass
class LetterEntry:
    """What the manifest remembers about one loaded letter (keyed by its source file)."""

    sha256: str
    key: str
    graph: str
    triples: int
    entities_file: str  # relative to the store dir
    source_text_file: str  # relative to the store dir
    date: str | None = None  # the letter's dcterms:date, for the dataset's dcterms:modified
    graph_file: str | None = None  # relative to the store dir; None in older manifests

    def to_json(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, data: dict) -> "LetterEntry":
        return cls(**{name: data.get(name) for name in cls.__dataclass_fields__})


@dataclass
class SkippedEntry:
    """A letter the build could not load, and why: an unchanged one is reported again
    without mapping it again."""

    sha256: str
    reason: str
    violations: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"sha256": self.sha256, "reason": self.reason, "violations": list(self.violations)}

    @classmethod
    def from_json(cls, data: dict) -> "SkippedEntry":
        return cls(data.get("sha256", ""), data.get("reason", ""), list(data.get("violations", [])))


@dataclass
class Manifest:
    generation: str | None = None
    fingerprint: str = ""  # natokg version + ontology/shapes digest the letters were mapped with
    letters: dict[str, LetterEntry] = field(default_factory=dict)  # source file -> entry
    corpus: str = ""
    skipped: dict[str, SkippedEntry] = field(default_factory=dict)  # source file -> why
    endpoint: str = ""  # the SPARQL endpoint the dataset description names, if any
    quads: int = 0  # in the store after the build
    steps: list[dict] = field(default_factory=list)  # the cross-letter steps' results

    def to_json(self) -> dict:
        return {
            "format": MANIFEST_FORMAT,
            "generation": self.generation,
            "fingerprint": self.fingerprint,
            "corpus": self.corpus,
            "endpoint": self.endpoint,
            "quads": self.quads,
            "letters": {name: self.letters[name].to_json() for name in sorted(self.letters)},
            "skipped": {name: self.skipped[name].to_json() for name in sorted(self.skipped)},
            "steps": self.steps,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Manifest":
        return cls(
            generation=data.get("generation"),
            fingerprint=data.get("fingerprint", ""),
            corpus=data.get("corpus", ""),
            letters={
                name: LetterEntry.from_json(entry) for name, entry in data.get("letters", {}).items()
            },
            skipped={name: SkippedEntry.from_json(entry) for name, entry in data.get("skipped", {}).items()},
            endpoint=data.get("endpoint", ""),
            quads=int(data.get("quads", 0)),
            steps=list(data.get("steps", [])),
        )


def read_manifest(store_dir: Path) -> Manifest | None:
    """The committed manifest, or None when the directory holds no completed build."""
    path = store_dir / MANIFEST_NAME
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(
            f"unreadable manifest ({error}); run `natokg build --rebuild` to start over", path=path
        ) from None
    if data.get("format") != MANIFEST_FORMAT:
        raise StoreError(
            f"manifest format {data.get('format')!r} is not {MANIFEST_FORMAT}; "
            "run `natokg build --rebuild`",
            path=path,
        )
    return Manifest.from_json(data)


def write_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new file, never half.

    ``durable=False`` skips the fsyncs: for the build's many per-letter files, made
    durable together by one ``os.sync()`` before the manifest commits them."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as handle:
        handle.write(data)
        if durable:
            handle.flush()
            os.fsync(handle.fileno())
    os.replace(tmp, path)
    if durable:
        fsync_directory(path.parent)


def fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_manifest(store_dir: Path, manifest: Manifest) -> None:
    text = json.dumps(manifest.to_json(), indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    write_atomically(store_dir / MANIFEST_NAME, text.encode("utf-8"))


# ---------------------------------------------------------------- opening


_UNREAD: Manifest = Manifest()  # "read the committed manifest" (None means there is none)


def generation_dirs(store_dir: Path) -> list[Path]:
    if not store_dir.is_dir():
        return []
    return sorted(p for p in store_dir.iterdir() if GENERATION_PATTERN.match(p.name))


def next_generation_name(store_dir: Path, manifest: Manifest | None) -> str:
    numbers = [int(GENERATION_PATTERN.match(p.name).group(1)) for p in generation_dirs(store_dir)]
    # a union copy a server holds can outlive its generation: its name is never reused
    union = store_dir / UNION_FOLDER
    if union.is_dir():
        numbers += [int(m.group(1)) for p in union.iterdir() if (m := GENERATION_PATTERN.match(p.name))]
    if manifest and manifest.generation and GENERATION_PATTERN.match(manifest.generation):
        numbers.append(int(GENERATION_PATTERN.match(manifest.generation).group(1)))
    return f"db-{max(numbers, default=0) + 1:06d}"


def current_generation_dir(store_dir: Path, manifest: Manifest | None = _UNREAD) -> Path:
    """The directory of the committed store (of ``manifest``, default: the committed
    one), or StoreError saying how to make one."""
    if manifest is _UNREAD:
        manifest = read_manifest(store_dir)
    if manifest is None or not manifest.generation:
        raise StoreError(f"no store at {store_dir}; run `natokg build` first")
    directory = store_dir / manifest.generation
    if not directory.is_dir():
        raise StoreError(
            f"the manifest names {manifest.generation} but it is missing; "
            "run `natokg build --rebuild`",
            path=store_dir,
        )
    return directory


def open_committed(path: Path | str | None = None, *, read_only: bool = True) -> tuple[Manifest, ox.Store]:
    """The committed manifest and its generation's store, opened as one pair.

    A build may commit between reading the manifest and opening the store; the manifest
    is read again after the open, and the pair taken again when it changed, so the store
    is always the generation the returned manifest names.
    """
    store_dir = resolve_store_path(path)
    for _ in range(OPEN_ATTEMPTS):
        manifest = read_manifest(store_dir)
        directory = current_generation_dir(store_dir, manifest)
        try:
            store = ox.Store.read_only(str(directory)) if read_only else ox.Store(str(directory))
        except OSError:
            if committed_generation(store_dir) != manifest.generation:
                continue  # the next build committed and removed it meanwhile
            raise StoreError(
                "cannot open the store; is another natokg process writing it? "
                "Wait for it, or run `natokg build --rebuild`",
                path=directory,
            ) from None
        if committed_generation(store_dir) == manifest.generation:
            return manifest, store
        del store
    raise committed_meanwhile(store_dir)


OPEN_ATTEMPTS = 5


def pause_point(point: str) -> None:
    """``NATOKG_BUILD_PAUSE=point:seconds`` sleeps at a named point of a build (the
    SIGKILL tests use it to kill a build at a known moment); unset in normal use."""
    spec = os.environ.get("NATOKG_BUILD_PAUSE", "")
    if spec.startswith(point + ":"):
        time.sleep(float(spec.split(":", 1)[1]))


def committed_meanwhile(store_dir: Path) -> StoreError:
    """The error of a reader that lost every race with the builds committing meanwhile."""
    return StoreError(
        "builds committed while the store was being opened; run the command again when they finish",
        path=store_dir,
    )


def committed_generation(store_dir: Path) -> str | None:
    """The generation the committed manifest names now (None: none, or unreadable)."""
    try:
        manifest = read_manifest(store_dir)
    except StoreError:
        return None
    return manifest.generation if manifest else None


def open_store(path: Path | str | None = None, *, read_only: bool = False) -> ox.Store:
    """Open the store of the last completed build (default location: default_store_path()).

    ``read_only`` lets several readers share the store while no build is writing. To read
    the letter graph files along with it, use natokg.store.snapshot.open_snapshot.
    """
    return open_committed(path, read_only=read_only)[1]


def close_store(store: ox.Store) -> None:
    """Flush and release a store (pyoxigraph closes RocksDB when the object is collected)."""
    try:
        store.flush()
    except OSError:
        pass
    del store
    gc.collect()


@contextmanager
def build_lock(store_dir: Path) -> Iterator[None]:
    """One build at a time per store directory (released by the OS if the process dies).

    A POSIX record lock (lockf), not flock: worker processes forked by the build do not
    inherit it, so a killed build's orphaned workers cannot keep the store locked.
    """
    store_dir.mkdir(parents=True, exist_ok=True)
    handle = open(store_dir / ".lock", "w")
    try:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise StoreError(
                "another `natokg build` is writing this store; wait for it to finish",
                path=store_dir,
            ) from None
        yield
    finally:
        handle.close()


def remove_stale_generations(store_dir: Path, keep: set[str]) -> list[str]:
    """Delete generation directories not in ``keep`` (clones of crashed or old builds)."""
    removed = []
    for directory in generation_dirs(store_dir):
        if directory.name not in keep:
            shutil.rmtree(directory, ignore_errors=True)
            removed.append(directory.name)
    for spool in store_dir.glob(f"db-*{SPOOL_SUFFIX}") if store_dir.is_dir() else ():
        if spool.name[: -len(SPOOL_SUFFIX)] not in keep:  # left by a killed build
            spool.unlink(missing_ok=True)
            removed.append(spool.name)
    return removed


def spool_path(store_dir: Path, generation: str) -> Path:
    """Where a build spools the N-Quads it bulk-loads into ``generation``."""
    return store_dir / f"{generation}{SPOOL_SUFFIX}"


# ---------------------------------------------------------------- per-letter cache files

CACHE_FOLDERS = ("entities", "sources", "graphs")


def entities_file_name(sha256: str, fingerprint: str) -> str:
    return f"entities/{sha256}-{fingerprint}.nt"


def graph_file_name(sha256: str, fingerprint: str, file: str) -> str:
    """The letter graph's file: by the letter's bytes, the pipeline and the letter's file
    name, which the graph states (nkg:sourceFile): a renamed copy of a letter gets a file
    of its own instead of overwriting the one an earlier build's readers use."""
    name = hashlib.sha256(file.encode("utf-8")).hexdigest()[:12]
    return f"graphs/{sha256}-{fingerprint}-{name}.nt"


def source_text_file_name(sha256: str) -> str:
    return f"sources/{sha256}.txt"


def write_cache_file(store_dir: Path, name: str, text: str) -> None:
    """Write one per-letter file (name relative to the store dir) unless it holds ``text``
    already; not fsynced: the build syncs them all before the manifest commits them."""
    path = store_dir / name
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return
    write_atomically(path, data, durable=False)


def garbage_collect_cache(store_dir: Path, manifest: Manifest, previous: Manifest | None = None) -> None:
    """Delete the per-letter files neither the manifest nor the ``previous`` one names.

    The previous build's files live on, as its generation does, until the next build:
    a reader that took its snapshot before this commit still finds every file of it
    (natokg.store.snapshot)."""
    letters = list(manifest.letters.values()) + (list(previous.letters.values()) if previous else [])
    keep = {entry.entities_file for entry in letters}
    keep |= {entry.source_text_file for entry in letters}
    keep |= {entry.graph_file for entry in letters if entry.graph_file}
    for folder in CACHE_FOLDERS:
        directory = store_dir / folder
        if directory.is_dir():
            for path in directory.iterdir():
                if f"{folder}/{path.name}" not in keep:
                    path.unlink(missing_ok=True)


# ---------------------------------------------------------------- graphs


def named_node(graph: str | ox.NamedNode) -> ox.NamedNode:
    return graph if isinstance(graph, ox.NamedNode) else ox.NamedNode(str(graph))


def replace_graph(store: ox.Store, graph: str | ox.NamedNode, ntriples: str) -> None:
    """Replace the content of one named graph by ``ntriples``, in ONE transaction.

    pyoxigraph's ``clear_graph`` + ``load`` are two transactions; a SPARQL update with
    DROP and INSERT DATA is one, so a reader (or a crash) never sees the graph half
    replaced. N-Triples lines are valid SPARQL INSERT DATA triples.
    """
    name = named_node(graph).value
    if not ntriples.strip():
        store.update(f"DROP SILENT GRAPH <{name}>")
        return
    store.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{ntriples}\n}} }}")


def bulk_load_nquads(store: ox.Store, path: Path) -> None:
    """Add the quads of an N-Quads file with pyoxigraph's bulk loader (not one transaction:
    load into a generation no reader uses yet), then compact the store."""
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    store.optimize()


def list_graphs(store: ox.Store) -> list[str]:
    """The IRIs of all named graphs, sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def count_triples(store: ox.Store, graph: str | ox.NamedNode | None = None) -> int:
    """Quads in the whole store, or triples in one named graph."""
    if graph is None:
        return len(store)
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{named_node(graph).value}> {{ ?s ?p ?o }} }}"
    return int(next(iter(store.query(query)))["n"].value)


def letter_graph_files(store_dir: Path | str | None) -> dict[str, tuple[Path, int]]:
    """Letter graph IRI -> (the build's file of that graph's N-Triples, its triple count),
    for the committed build of ``store_dir`` (default location when None)."""
    directory = resolve_store_path(store_dir)
    manifest = read_manifest(directory)
    return manifest_graph_files(manifest, directory) if manifest is not None else {}


def manifest_graph_files(manifest: Manifest, store_dir: Path) -> dict[str, tuple[Path, int]]:
    """Letter graph IRI -> (graph file, triple count) of a manifest (committed or not)."""
    return {
        entry.graph: (store_dir / entry.graph_file, entry.triples)
        for entry in manifest.letters.values()
        if entry.graph_file
    }


__all__ = [
    "LetterEntry",
    "SkippedEntry",
    "UNION_FOLDER",
    "committed_generation",
    "committed_meanwhile",
    "pause_point",
    "OPEN_ATTEMPTS",
    "bulk_load_nquads",
    "Manifest",
    "STORE_ENV",
    "build_lock",
    "close_store",
    "count_triples",
    "current_generation_dir",
    "default_store_path",
    "entities_file_name",
    "garbage_collect_cache",
    "graph_file_name",
    "letter_graph_files",
    "manifest_graph_files",
    "list_graphs",
    "named_node",
    "open_committed",
    "open_store",
    "read_manifest",
    "remove_stale_generations",
    "replace_graph",
    "resolve_store_path",
    "source_text_file_name",
    "spool_path",
    "write_cache_file",
    "write_atomically",
    "write_manifest",
]
