"""Build a corpus of letters into the embedded store: parallel, incremental, atomic, validated.

One build:

1. takes the store's build lock, reads the committed manifest and clones the current
   store generation (see natokg.store.layout for the layout and why this makes a build atomic);
2. hashes every letter file; a letter whose sha256 and pipeline fingerprint match the
   manifest is *unchanged* and not mapped again;
3. maps and validates the others in worker processes (``jobs``, default the core count;
   natokg.store.workers);
4. loads each conforming letter into its own named graph (replaced in one transaction),
   keeps the source text and the entity descriptions beside the store, drops the graphs
   of removed letters, reloads the ontology and reference graphs, recomputes
   graph/entities from the per-letter entity files, runs the cross-letter steps
   (natokg.store.steps) and writes the dataset description;
5. makes the union copy of the new generation (natokg.store.union), which queries read;
6. commits by replacing manifest.json.

Letters that cannot be read or mapped, or do not conform, are listed in
``BuildSummary.skipped`` with the reason and the violations, and kept out of the store.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox

from natokg.version import __version__
from natokg.errors import StoreError
from natokg.identifiers import DATASET_GRAPH, ENTITIES_GRAPH, PAIRING_GRAPH, REFERENCE_GRAPH
from natokg.namespaces import data_base
from natokg.paths import ontology_dir, shapes_dir
from natokg.store.annexes import link_letters_and_annexes
from natokg.store.corpus_scan import hash_letters, scan_letters
from natokg.store.dataset import SPARQL_ENDPOINT_ENV, GraphStatistics, describe_dataset
from natokg.store.export import GraphTexts
from natokg.store.layout import (
    UNION_FOLDER,
    pause_point,
    LetterEntry,
    Manifest,
    SkippedEntry,
    build_lock,
    bulk_load_nquads,
    close_store,
    entities_file_name,
    garbage_collect_cache,
    graph_file_name,
    list_graphs,
    manifest_graph_files,
    next_generation_name,
    read_manifest,
    remove_stale_generations,
    replace_graph,
    resolve_store_path,
    source_text_file_name,
    spool_path,
    write_cache_file,
    write_manifest,
)
from natokg.store.meeting_identity import link_months_to_dates
from natokg.store.pairing import pair_positions
from natokg.store.shared_graphs import ontology_graph_files, shared_graph_iris, skolemised_ntriples, union_entities
from natokg.store.steps import CROSS_LETTER_STEPS, StepResult, qualified_name
from natokg.store.union import make_union_copy, remove_other_union_copies, update_union_copy, worth_updating
from natokg.store.workers import LetterResult, map_all
from natokg.validation.contract import LetterValidator


def pair_agendas_and_reports(store: ox.Store) -> StepResult:
    """Link intended Dutch positions of an agenda to the report's (natokg.store.pairing)."""
    return pair_positions(store).as_step_result()


CROSS_LETTER_STEPS.append(link_letters_and_annexes)
CROSS_LETTER_STEPS.append(pair_agendas_and_reports)
CROSS_LETTER_STEPS.append(link_months_to_dates)


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class SkippedLetter:
    file: str
    reason: str
    violations: tuple[str, ...] = ()

    def __iter__(self) -> Iterator:  # unpacks as (file, reason, violations)
        return iter((self.file, self.reason, self.violations))


@dataclass(frozen=True)
class LetterWarning:
    """What reading or extraction could not settle in a letter: a reader library's repair
    (pypdf's "startxref"), or something missing ("no main meeting resolved")."""

    file: str
    warning: str


@dataclass
class BuildSummary:
    store: Path
    letters_seen: int = 0
    letters_read: int = 0  # mapped in this build (changed or new)
    letters_loaded: int = 0
    letters_unchanged: int = 0
    letters_removed: int = 0
    skipped: list[SkippedLetter] = field(default_factory=list)
    warnings: list[LetterWarning] = field(default_factory=list)  # of the letters mapped in this build
    triples: int = 0  # quads in the store after the build
    violations: int = 0
    steps: list[StepResult] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def letters_per_second(self) -> float:
        total = self.seconds.get("total", 0.0)
        return self.letters_seen / total if total > 0 else 0.0


@dataclass(frozen=True)
class BuildEvent:
    """Progress: ``stage`` is "start", "letter" (one letter done), "stage" or "done"."""

    stage: str
    done: int = 0
    total: int = 0
    file: str | None = None
    status: str | None = None  # "loaded" | "skipped" | "unchanged" for letters; stage name
    elapsed: float = 0.0

    @property
    def letters_per_second(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0


# ---------------------------------------------------------------- inputs


def find_letters(corpus_dir: Path) -> dict[str, Path]:
    """Letter files under ``corpus_dir`` by their path relative to it (posix), sorted;
    natokg.store.corpus_scan.scan_letters also says which cannot be read."""
    return scan_letters(corpus_dir)[0]


def _report_unreadable(summary: BuildSummary, unreadable: dict[str, str]) -> BuildSummary:
    """Letter files found but not readable (broken links, permissions) as skipped letters."""
    if unreadable:
        summary.skipped += [SkippedLetter(name, reason) for name, reason in unreadable.items()]
        summary.skipped.sort(key=lambda item: item.file)
    return summary


def pipeline_fingerprint(mapper, validator: LetterValidator | None) -> str:
    """Changes when anything that shapes a letter's graph changes: the natokg version,
    the ontology, reference data and shapes, or the mapper/validator used. A build whose
    fingerprint differs from the manifest's maps every letter again."""
    digest = hashlib.sha256(__version__.encode())
    for callable_ in (mapper, validator.check if validator is not None else None):
        digest.update(qualified_name(callable_).encode())
    digest.update(data_base().encode())
    roots = [ontology_dir(), shapes_dir()]
    for root in roots:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file() and path.suffix in {".ttl", ".jsonld"}:
                    digest.update(path.relative_to(root).as_posix().encode())
                    digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _reconcile(store: ox.Store, manifest: Manifest) -> set[str]:
    """Letter graphs the manifest vouches for; drop any other non-shared graph found."""
    expected = {entry.graph for entry in manifest.letters.values()}
    shared = shared_graph_iris()
    present = set(list_graphs(store))
    for graph in sorted(present - expected - shared):
        store.update(f"DROP SILENT GRAPH <{graph}>")
    return present & expected


def _committed_manifest(store_dir: Path, rebuild: bool) -> Manifest | None:
    """The committed manifest; with --rebuild an unreadable one is no obstacle."""
    try:
        return read_manifest(store_dir)
    except StoreError:
        if rebuild:
            return None
        raise


def _endpoint() -> str:
    return os.environ.get(SPARQL_ENDPOINT_ENV, "")


def _nothing_changed(old: Manifest, hashes: dict[str, str], fingerprint: str, store_dir: Path) -> bool:
    """True when a build would write the store it already has: same pipeline, same
    letters byte for byte (loaded or refused), same cross-letter steps and endpoint."""
    if old.fingerprint != fingerprint or old.endpoint != _endpoint() or not old.quads:
        return False
    if [step.get("step") for step in old.steps] != [qualified_name(s) for s in CROSS_LETTER_STEPS]:
        return False
    if not old.generation or not (store_dir / old.generation).is_dir():
        return False
    if not (store_dir / UNION_FOLDER / old.generation).is_dir():
        return False  # the committed build has no copy: this build makes it
    recorded = {name: entry.sha256 for name, entry in old.letters.items()}
    recorded.update((name, entry.sha256) for name, entry in old.skipped.items())
    return recorded == hashes


def _unchanged_summary(summary: BuildSummary, old: Manifest, emit, started: float, seconds: dict) -> BuildSummary:
    """The summary of a build that found nothing to do: the last build's, nothing written."""
    total = len(old.letters) + len(old.skipped)
    emit(BuildEvent("start", 0, total, elapsed=time.perf_counter() - started))
    done = 0
    statuses = {**dict.fromkeys(old.letters, "unchanged"), **dict.fromkeys(old.skipped, "skipped")}
    for name in sorted(statuses):
        done += 1
        emit(BuildEvent("letter", done, total, name, statuses[name], time.perf_counter() - started))
    summary.letters_unchanged = summary.letters_loaded = len(old.letters)
    summary.skipped = sorted(
        (SkippedLetter(name, entry.reason, tuple(entry.violations)) for name, entry in old.skipped.items()),
        key=lambda item: item.file,
    )
    summary.steps = [
        StepResult(step["name"], step.get("graph"), step.get("triples", 0), tuple(step.get("findings", ())))
        for step in old.steps
    ]
    summary.violations = sum(len(item.violations) for item in summary.skipped)
    summary.violations += sum(len(step.findings) for step in summary.steps)
    summary.triples = old.quads
    seconds["total"] = time.perf_counter() - started
    summary.seconds = {name: round(value, 4) for name, value in seconds.items()}
    emit(BuildEvent("done", done, total, elapsed=seconds["total"]))
    return summary


_STAGES = ("hash", "map", "validate", "serialise", "load", "entities", "cross-letter", "dataset", "union", "commit")
_DEFAULT = object()


def build(
    corpus_dir: Path,
    store_path: Path | None = None,
    *,
    jobs: int | None = None,
    rebuild: bool = False,
    mapper=None,
    validator: LetterValidator | None = _DEFAULT,  # type: ignore[assignment]
    progress: Callable[[BuildEvent], None] | None = None,
) -> BuildSummary:
    """Build (or update) the store from the letters under ``corpus_dir``.

    ``mapper(path) -> LetterGraphs`` defaults to natokg.pipeline.map_letter; ``validator``
    defaults to natokg.validation.compiled.LETTER_VALIDATOR (None skips validation). Both
    must be picklable (module-level functions) when ``jobs`` > 1.
    """
    if mapper is None:
        from natokg.pipeline import map_letter as mapper
    if validator is _DEFAULT:
        # shapes/ compiled once per worker: the same results as pySHACL's
        # natokg.validation.reference (tests/validation/test_shacl_sparql.py compares them) in a few
        # ms per letter instead of ~250 ms.
        from natokg.validation.compiled import LETTER_VALIDATOR as validator
    run = _Build(resolve_store_path(store_path), progress)
    letters, unreadable = scan_letters(Path(corpus_dir))
    run.summary.letters_seen = len(letters) + len(unreadable)
    with build_lock(run.store_dir):
        committed = _committed_manifest(run.store_dir, rebuild)
        old = None if rebuild else committed
        fingerprint = pipeline_fingerprint(mapper, validator)
        t = time.perf_counter()
        hashes, unhashable = hash_letters(letters)
        unreadable.update(unhashable)
        letters = {name: path for name, path in letters.items() if name in hashes}
        run.seconds["hash"] = time.perf_counter() - t
        if old is not None and _nothing_changed(old, hashes, fingerprint, run.store_dir):
            summary = _unchanged_summary(run.summary, old, run.emit, run.started, run.seconds)
            return _report_unreadable(summary, unreadable)
        run.start(letters, Path(corpus_dir), committed, old, fingerprint)
        todo = run.sort_letters(hashes)
        run.load_letters(map_all(todo, mapper, validator, max(1, jobs or os.cpu_count() or 1)))
        run.load_shared_graphs()
        run.make_union_copy()
        run.commit()
    return _report_unreadable(run.finished(), unreadable)


class _Build:
    """One build while it runs: the uncommitted generation, the manifest that will
    commit it, the summary and the progress events."""

    def __init__(self, store_dir: Path, progress: Callable[[BuildEvent], None] | None) -> None:
        self.store_dir = store_dir
        self.summary = BuildSummary(store=store_dir)
        self.emit = progress or (lambda event: None)
        self.started = time.perf_counter()
        self.seconds = dict.fromkeys(_STAGES, 0.0)
        self.done = 0
        self.letters: dict[str, Path] = {}

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def letter_done(self, name: str, status: str) -> None:
        self.done += 1
        self.emit(BuildEvent("letter", self.done, len(self.letters), name, status, self.elapsed()))

    def stage(self, name: str) -> None:
        self.emit(BuildEvent("stage", self.done, len(self.letters), status=name, elapsed=self.elapsed()))

    def start(
        self, letters: dict[str, Path], corpus_dir: Path, committed: Manifest | None, old: Manifest | None,
        fingerprint: str,
    ) -> None:
        """Clone the committed generation (if any) into a new one and open it."""
        self.letters, self.old, self.fingerprint = letters, old, fingerprint
        self.committed = committed  # its files stay for readers of it (garbage_collect_cache)
        # the committed generation survives until the new one is committed, --rebuild too
        self.old_generation = committed.generation if committed else None
        keep = {self.old_generation} if self.old_generation else set()
        remove_stale_generations(self.store_dir, keep=keep)
        remove_other_union_copies(self.store_dir, keep=keep)
        self.generation = next_generation_name(self.store_dir, old)
        new_dir = self.store_dir / self.generation
        if old is not None and self.old_generation:
            source = ox.Store.read_only(str(self.store_dir / self.old_generation))
            source.backup(str(new_dir))
            del source
        self.store = ox.Store(str(new_dir))
        # a changed pipeline (code version, ontology, shapes) maps every letter again
        self.previous = old if old and old.fingerprint == fingerprint else Manifest()
        self.present = _reconcile(self.store, old) if old else set()
        self.manifest = Manifest(
            generation=self.generation, fingerprint=fingerprint, corpus=str(corpus_dir), endpoint=_endpoint()
        )

    def sort_letters(self, hashes: dict[str, str]) -> list[tuple[str, str, str]]:
        """Keep unchanged letters (and unchanged refused ones); the rest is to be mapped."""
        todo = []
        self.emit(BuildEvent("start", 0, len(self.letters), elapsed=self.elapsed()))
        for name, path in self.letters.items():
            entry = self.previous.letters.get(name)
            skipped_before = self.previous.skipped.get(name)
            if entry and entry.sha256 == hashes[name] and entry.graph in self.present:
                self.manifest.letters[name] = entry
                self.summary.letters_unchanged += 1
                self.letter_done(name, "unchanged")
            elif skipped_before and skipped_before.sha256 == hashes[name]:
                # unchanged and refused last time for a reason of its own: same reason again
                self.manifest.skipped[name] = skipped_before
                violations = tuple(skipped_before.violations)
                self.summary.skipped.append(SkippedLetter(name, skipped_before.reason, violations))
                self.summary.violations += len(skipped_before.violations)
                self.letter_done(name, "skipped")
            else:
                todo.append((str(path), name, hashes[name]))
        return todo

    def load_letters(self, results: Iterable[LetterResult]) -> None:
        """Load each conforming letter; the rest is skipped with its reason.

        New letters' quads are spooled to a file and bulk-loaded once at the end:
        pyoxigraph's bulk loader writes sorted files straight into RocksDB (3x faster
        than transactions here, and a 6x smaller store). It is not transactional; the
        generation directory is what makes the build atomic (uncommitted until the
        manifest names it).
        """
        claimed = {entry.key: name for name, entry in self.manifest.letters.items()}
        shared = shared_graph_iris()
        spool_file = spool_path(self.store_dir, self.generation)
        spooled = 0
        self.new_statistics = GraphStatistics()  # of the letter graphs loaded by this build
        with open(spool_file, "w", encoding="utf-8") as spool:
            for result in results:
                self.seconds["map"] += result.seconds_map
                self.seconds["validate"] += result.seconds_validate
                self.seconds["serialise"] += result.seconds_serialise
                self.summary.warnings += [LetterWarning(result.file, text) for text in result.reader_warnings]
                if not self._accepted(result, claimed, shared):
                    continue
                claimed[result.key] = result.file
                self.summary.warnings += [LetterWarning(result.file, w) for w in result.warnings]
                t0 = time.perf_counter()
                if result.graph in self.present:
                    replace_graph(self.store, result.graph, result.assertions)
                else:
                    spool.write(result.assertions.replace(" .\n", f" <{result.graph}> .\n"))
                    spooled += 1
                self._keep(result)
                self.seconds["load"] += time.perf_counter() - t0
                self.summary.letters_loaded += 1
                self.letter_done(result.file, "loaded")
                pause_point("letter")
        self.stage("load")
        t = time.perf_counter()
        if spooled:
            bulk_load_nquads(self.store, spool_file)
        spool_file.unlink()
        self.seconds["load"] += time.perf_counter() - t
        self.summary.letters_loaded += self.summary.letters_unchanged

    def _accepted(self, result: LetterResult, claimed: dict[str, str], shared: set[str]) -> bool:
        """False (the letter skipped and reported) when it failed or clashes with another."""
        if result.error is not None:  # the letter's own fault: remembered with its hash
            self.manifest.skipped[result.file] = SkippedEntry(result.sha256, result.error, list(result.violations))
        if result.error is None and result.key in claimed:
            result.error = f"same letter key {result.key!r} as {claimed[result.key]}"
        if result.error is None and result.graph in shared:
            result.error = f"letter key {result.key!r} names a shared graph; rename the reference"
        if result.error is None:
            self.summary.letters_read += 1
            return True
        self.summary.skipped.append(SkippedLetter(result.file, result.error, result.violations))
        self.summary.violations += len(result.violations)
        self.letter_done(result.file, "skipped")
        return False

    def _keep(self, result: LetterResult) -> None:
        """The letter's cache files beside the store, and its manifest entry."""
        entities_file = entities_file_name(result.sha256, self.fingerprint)
        source_file = source_text_file_name(result.sha256)
        graph_file = graph_file_name(result.sha256, self.fingerprint, result.file)
        write_cache_file(self.store_dir, entities_file, result.entities)
        write_cache_file(self.store_dir, graph_file, result.assertions)
        write_cache_file(self.store_dir, source_file, result.source_text)
        self.new_statistics.add(result.statistics)
        self.manifest.letters[result.file] = LetterEntry(
            sha256=result.sha256,
            key=result.key,
            graph=result.graph,
            triples=result.triples,
            entities_file=entities_file,
            source_text_file=source_file,
            date=result.date,
            graph_file=graph_file,
        )

    def load_shared_graphs(self) -> None:
        """Drop removed letters; reload the ontology and reference graphs; recompute
        graph/entities; run the cross-letter steps; describe the dataset."""
        t = time.perf_counter()
        kept = {entry.graph for entry in self.manifest.letters.values()}
        for name, entry in (self.old.letters.items() if self.old else ()):
            if name not in self.letters:
                self.summary.letters_removed += 1
            if entry.graph not in kept:
                self.store.update(f"DROP SILENT GRAPH <{entry.graph}>")
        for graph, files in ontology_graph_files().items():
            replace_graph(self.store, graph, skolemised_ntriples(files, graph))
        self.seconds["load"] += time.perf_counter() - t

        self.stage("entities")
        t = time.perf_counter()
        union_entities(self.store, self.store_dir, self.manifest)
        self.seconds["entities"] = time.perf_counter() - t

        self.stage("cross-letter")
        t = time.perf_counter()
        for step in CROSS_LETTER_STEPS:
            outcome = step(self.store)
            self.summary.steps.append(outcome)
            self.summary.violations += len(outcome.findings)
            self.manifest.steps.append(
                {"step": qualified_name(step), **asdict(outcome), "findings": list(outcome.findings)}
            )
        self.seconds["cross-letter"] = time.perf_counter() - t

        self.stage("dataset")
        t = time.perf_counter()
        self.graph_texts = GraphTexts(self.store, files=manifest_graph_files(self.manifest, self.store_dir))
        describe_dataset(self.store, self.manifest, self.graph_texts, known=self.new_statistics)
        self.seconds["dataset"] = time.perf_counter() - t

    def make_union_copy(self) -> None:
        """The copy of the finished generation whose default graph is the union of its
        named graphs: committed with it, so no reader has to make one."""
        self.stage("union")
        t = time.perf_counter()
        made = None
        if self.old is not None and self.previous is self.old and self.old_generation:
            # letters carried over as they were (sort_letters keeps their entries)
            unchanged = {
                entry.graph for name, entry in self.manifest.letters.items() if entry is self.old.letters.get(name)
            }
            changed = len(self.manifest.letters) - len(unchanged) + self.summary.letters_removed
            if worth_updating(changed, len(self.manifest.letters)):
                made = update_union_copy(self.store_dir, self.generation, self.graph_texts, self.old_generation, unchanged)
        if made is None:
            make_union_copy(self.store, self.store_dir, self.generation, self.graph_texts)
        self.seconds["union"] = time.perf_counter() - t

    def commit(self) -> None:
        """Close the new generation and make it the committed one (manifest.json)."""
        self.stage("commit")
        t = time.perf_counter()
        self.summary.triples = self.manifest.quads = len(self.store)
        pause_point("commit")
        close_store(self.store)
        del self.store
        os.sync()  # the per-letter files written without fsync reach the disk first
        write_manifest(self.store_dir, self.manifest)  # the commit point
        keep = {self.generation} | ({self.old_generation} if self.old_generation else set())
        remove_stale_generations(self.store_dir, keep=keep)
        remove_other_union_copies(self.store_dir, keep=keep)
        garbage_collect_cache(self.store_dir, self.manifest, previous=self.committed)
        self.seconds["commit"] = time.perf_counter() - t

    def finished(self) -> BuildSummary:
        self.seconds["total"] = self.elapsed()
        self.summary.seconds = {name: round(value, 4) for name, value in self.seconds.items()}
        self.summary.skipped.sort(key=lambda item: item.file)
        self.summary.warnings.sort(key=lambda item: item.file)
        self.emit(BuildEvent("done", self.done, len(self.letters), elapsed=self.seconds["total"]))
        return self.summary


__all__ = [
    "BuildEvent",
    "BuildSummary",
    "LetterWarning",
    "CROSS_LETTER_STEPS",
    "DATASET_GRAPH",
    "ENTITIES_GRAPH",
    "PAIRING_GRAPH",
    "REFERENCE_GRAPH",
    "SkippedLetter",
    "StepResult",
    "build",
    "find_letters",
    "ontology_graph_files",
]
