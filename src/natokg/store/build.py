"""Build a corpus of letters into the embedded store: parallel, incremental, atomic, validated.

One build:

1. takes the store's build lock, reads the committed manifest and clones the current
   store generation (see natokg.store.layout for the layout and why this makes a build atomic);
2. hashes every letter file; a letter whose sha256 and pipeline fingerprint match the
   manifest is *unchanged* and not mapped again;
3. maps and validates the others in worker processes (``jobs``, default the core count):
   each worker reads, extracts, maps and validates one letter and sends back its graphs
   as sorted N-Triples text (pickling rdflib graphs is slower than their text);
4. loads each conforming letter into its own named graph (replaced in one transaction),
   keeps the source text and the entity descriptions beside the store, drops the graphs
   of removed letters, reloads the ontology and reference graphs, recomputes
   graph/entities from the per-letter entity files, runs the cross-letter steps and
   writes the dataset description;
5. commits by replacing manifest.json.

Letters that cannot be read or mapped, or do not conform, are listed in
``BuildSummary.skipped`` with the reason and the violations, and kept out of the store.
"""

from __future__ import annotations

import hashlib
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox

from natokg import __version__
from natokg.store.dataset import SPARQL_ENDPOINT_ENV, GraphStatistics, describe_dataset, graph_statistics
from natokg.errors import BadInputError, NatokgError, StoreError
from natokg.store.export import GraphTexts
from natokg.namespaces import data_base, iri, rebased
from natokg.paths import ontology_dir, reference_dir, shapes_dir
from natokg.store.layout import (
    LetterEntry,
    Manifest,
    SkippedEntry,
    build_lock,
    bulk_load_nquads,
    close_store,
    list_graphs,
    manifest_graph_files,
    next_generation_name,
    read_manifest,
    remove_stale_generations,
    replace_graph,
    resolve_store_path,
    spool_path,
    write_atomically,
    write_manifest,
)

LETTER_SUFFIXES = frozenset({".txt", ".pdf", ".docx", ".html", ".htm", ".xml"})
REFERENCE_GRAPH = str(iri("graph", "reference"))
ONTOLOGY_GRAPH = str(iri("graph", "ontology"))
ENTITIES_GRAPH = str(iri("graph", "entities"))
PAIRING_GRAPH = str(iri("graph", "pairing"))
DATASET_GRAPH = str(iri("graph", "dataset"))


def ontology_graph_files() -> dict[str, list[Path]]:
    """Shared graph IRI -> the Turtle files that make it up.

    natokg.ttl -> graph/ontology; every other ontology/*.ttl (topics, stances,
    vocabularies) -> graph/{stem}; ontology/reference/*.ttl -> graph/reference.
    """
    graphs: dict[str, list[Path]] = {}
    for path in sorted(ontology_dir().glob("*.ttl")):
        name = "ontology" if path.stem == "natokg" else path.stem
        graphs.setdefault(str(iri("graph", name)), []).append(path)
    references = sorted(reference_dir().glob("*.ttl")) if reference_dir().is_dir() else []
    if references:
        graphs[REFERENCE_GRAPH] = references
    return graphs


def shared_graph_iris() -> set[str]:
    return set(ontology_graph_files()) | {ENTITIES_GRAPH, PAIRING_GRAPH, DATASET_GRAPH}


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class StepResult:
    """What one cross-letter step did (the agenda-to-report pairing registers one)."""

    name: str
    graph: str | None = None  # the graph the step wrote, if any
    triples: int = 0
    findings: tuple[str, ...] = ()  # violations or notes worth showing in the summary


CrossLetterStep = Callable[[ox.Store], StepResult]
#: Steps run after all letters are loaded, in order, inside the uncommitted generation.
#: Each replaces its own graph (e.g. graph/pairing). Register with CROSS_LETTER_STEPS.append.
CROSS_LETTER_STEPS: list[CrossLetterStep] = []


def pair_agendas_and_reports(store: ox.Store) -> StepResult:
    """Link intended Dutch positions of an agenda to the report's (natokg.store.pairing)."""
    from natokg.store.pairing import pair_positions

    return pair_positions(store).as_step_result()


CROSS_LETTER_STEPS.append(pair_agendas_and_reports)


@dataclass(frozen=True)
class SkippedLetter:
    file: str
    reason: str
    violations: tuple[str, ...] = ()

    def __iter__(self) -> Iterator:  # unpacks as (file, reason, violations)
        return iter((self.file, self.reason, self.violations))


@dataclass
class BuildSummary:
    store: Path
    letters_seen: int = 0
    letters_read: int = 0  # mapped in this build (changed or new)
    letters_loaded: int = 0
    letters_unchanged: int = 0
    letters_removed: int = 0
    skipped: list[SkippedLetter] = field(default_factory=list)
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


@dataclass
class LetterResult:
    """What a worker sends back for one letter (plain strings: cheap to pickle)."""

    file: str
    sha256: str
    key: str = ""
    graph: str = ""
    date: str | None = None
    assertions: str = ""  # sorted N-Triples
    entities: str = ""  # sorted N-Triples
    source_text: str = ""
    triples: int = 0
    error: str | None = None
    violations: tuple[str, ...] = ()
    statistics: GraphStatistics | None = None  # the graph's VoID counts
    seconds_map: float = 0.0
    seconds_validate: float = 0.0
    seconds_serialise: float = 0.0


# ---------------------------------------------------------------- worker side

_DEFAULT = object()
_worker: dict = {}


def default_validator():
    # shapes/ compiled once per worker (natokg.validation.compiled): the same results as
    # pySHACL's natokg.validation.reference.validate_graph (tests/test_shacl_sparql.py compares
    # them) in a few ms per letter instead of ~250 ms.
    from natokg.validation.compiled import validate_graph_fast

    return validate_graph_fast


def _init_worker(mapper, validator) -> None:
    """Runs once per worker process: the validator's shapes are parsed on first use and
    cached for the life of the process (natokg.validation.reference caches them)."""
    _worker["mapper"] = mapper
    _worker["validator"] = validator


def canonical_ntriples(graph) -> tuple[str, int]:
    """An rdflib graph as sorted pyoxigraph N-Triples (the same bytes the store dumps)."""
    text = graph.serialize(format="nt", encoding="utf-8")
    lines = ox.serialize(ox.parse(text, ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES)
    unique = sorted(set(lines.decode("utf-8").splitlines()))
    return "".join(line + "\n" for line in unique if line), len(unique)


def _has_blank_nodes(graph) -> bool:
    from rdflib import BNode

    return any(isinstance(term, BNode) for triple in graph for term in triple)


def _letter_date(graphs) -> str | None:
    from rdflib.namespace import DCTERMS

    value = graphs.assertions.value(graphs.letter, DCTERMS.date)
    return str(value) if value is not None else None


def _violation_text(result) -> str:
    parts = [getattr(result, "severity", "Violation"), str(getattr(result, "focus", ""))]
    if getattr(result, "path", None):
        parts.append(str(result.path))
    message = getattr(result, "message", "") or str(getattr(result, "constraint", ""))
    return " ".join(parts) + f": {message}"


def process_letter(path: str, file: str, sha256: str) -> LetterResult:
    """Map and validate one letter (runs in a worker process)."""
    result = LetterResult(file=file, sha256=sha256)
    started = time.perf_counter()
    try:
        graphs = _worker["mapper"](Path(path))
    except BadInputError as error:
        result.error = error.message
        return result
    except NatokgError as error:
        result.error = str(error)
        return result
    except Exception as error:  # a bug in the extractor must not stop the other letters
        result.error = f"mapping failed ({type(error).__name__}: {error})"
        return result
    mapped = time.perf_counter()
    result.seconds_map = mapped - started
    result.key, result.graph = graphs.key, str(graphs.graph)
    if _graphs_have_blank_nodes(graphs):
        result.error = "the mapped graph has blank nodes; IRIs must be minted (a mapper bug)"
        return result
    validator = _worker["validator"]
    if validator is not None:
        if getattr(validator, "accepts_ntriples", False):  # skips building rdflib graphs
            report = validator(graphs.assertions_ntriples + graphs.entities_ntriples)
        else:
            report = validator(graphs.assertions + graphs.entities)
        if not report.conforms:
            result.violations = tuple(
                sorted(
                    _violation_text(r)
                    for r in report.results
                    if getattr(r, "severity", "Violation") == "Violation"
                )
            )
            result.error = f"does not conform to the shapes ({len(result.violations)} violations)"
            result.seconds_validate = time.perf_counter() - mapped
            return result
    validated = time.perf_counter()
    result.seconds_validate = validated - mapped
    result.assertions, result.entities, result.triples, result.date = serialise_letter(graphs)
    result.source_text = graphs.source_text
    # counted here, in parallel, rather than from the graph files after the last letter;
    # from natokg.rdf.mapping's lines when the mapper keeps them (the order does not matter)
    lines = getattr(graphs, "assertion_lines", None) or filter(None, result.assertions.split("\n"))
    result.statistics = graph_statistics(result.graph, lines)
    result.seconds_serialise = time.perf_counter() - validated
    return result


def serialise_letter(graphs) -> tuple[str, str, int, str | None]:
    """(assertions, entities as sorted canonical N-Triples, assertion triples, ISO date).

    natokg.rdf.mapping's LetterGraphs already holds canonical N-Triples lines; a mapper that
    returns rdflib graphs goes through pyoxigraph instead.
    """
    if hasattr(graphs, "assertion_lines"):
        lines = graphs.assertion_lines
        return graphs.assertions_ntriples, graphs.entities_ntriples, len(lines), graphs.date
    assertions, triples = canonical_ntriples(graphs.assertions)
    entities, _ = canonical_ntriples(graphs.entities)
    return assertions, entities, triples, _letter_date(graphs)


def _graphs_have_blank_nodes(graphs) -> bool:
    if hasattr(graphs, "has_blank_nodes"):
        return graphs.has_blank_nodes()
    return _has_blank_nodes(graphs.assertions) or _has_blank_nodes(graphs.entities)


def _process(args: tuple[str, str, str]) -> LetterResult:
    return process_letter(*args)


def _map_all(
    todo: list[tuple[str, str, str]], mapper, validator, jobs: int
) -> Iterator[LetterResult]:
    """Results in submission order (sorted by file: deterministic summaries)."""
    if jobs <= 1 or len(todo) <= 1:
        _init_worker(mapper, validator)
        for item in todo:
            yield _process(item)
        return
    chunksize = max(1, min(16, len(todo) // (jobs * 8)))
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(mapper, validator)
    ) as pool:
        yield from pool.map(_process, todo, chunksize=chunksize)


# ---------------------------------------------------------------- parent side


def find_letters(corpus_dir: Path) -> dict[str, Path]:
    """Letter files under ``corpus_dir`` by their path relative to it (posix), sorted."""
    if not corpus_dir.is_dir():
        raise BadInputError("no such corpus directory; pass the folder holding the letters", path=corpus_dir)
    found = {}
    for path in corpus_dir.rglob("*"):
        relative = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in LETTER_SUFFIXES:
            found[relative.as_posix()] = path
    return dict(sorted(found.items()))


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pipeline_fingerprint(mapper, validator) -> str:
    """Changes when anything that shapes a letter's graph changes: the natokg version,
    the ontology, reference data and shapes, or the mapper/validator used. A build whose
    fingerprint differs from the manifest's maps every letter again."""
    digest = hashlib.sha256(__version__.encode())
    for callable_ in (mapper, validator):
        digest.update(_qualified_name(callable_).encode())
    digest.update(data_base().encode())
    roots = [ontology_dir(), shapes_dir()]
    for root in roots:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file() and path.suffix in {".ttl", ".jsonld"}:
                    digest.update(path.relative_to(root).as_posix().encode())
                    digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def skolemised_ntriples(files: Iterable[Path], graph: str) -> str:
    """Turtle files as sorted N-Triples, blank nodes replaced by stable IRIs.

    Data IRIs follow NATOKG_BASE (natokg.namespaces.rebased). The store would give
    blank nodes fresh random labels on every load, which breaks
    byte-identical exports; canonical labelling (RDFC-1.0) and skolem IRIs
    (``{graph}/.well-known/genid/{label}``, RDF 1.1 section 3.5) keep them stable.
    """
    dataset = ox.Dataset()
    for path in files:
        try:
            for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
                dataset.add(ox.Quad(triple.subject, triple.predicate, triple.object))
        except (SyntaxError, OSError) as error:
            from natokg.errors import ReferenceDataError

            raise ReferenceDataError(f"cannot parse ({error}); fix the Turtle", path=path) from None
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)

    def skolem(term):
        if isinstance(term, ox.BlankNode):
            return ox.NamedNode(f"{graph}/.well-known/genid/{term.value}")
        if isinstance(term, ox.NamedNode):  # under NATOKG_BASE, as the letters' IRIs are
            value = term.value
            moved = rebased(value)
            return term if moved is value else ox.NamedNode(moved)
        return term

    triples = [ox.Triple(skolem(q.subject), q.predicate, skolem(q.object)) for q in dataset]
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    return "".join(sorted(line + "\n" for line in set(text.splitlines()) if line))


def _reconcile(store: ox.Store, manifest: Manifest) -> set[str]:
    """Letter graphs the manifest vouches for; drop any other non-shared graph found."""
    expected = {entry.graph for entry in manifest.letters.values()}
    shared = shared_graph_iris()
    present = set(list_graphs(store))
    for graph in sorted(present - expected - shared):
        store.update(f"DROP SILENT GRAPH <{graph}>")
    return present & expected


def _entities_file_name(sha256: str, fingerprint: str) -> str:
    return f"entities/{sha256}-{fingerprint}.nt"


def _graph_file_name(sha256: str, fingerprint: str) -> str:
    return f"graphs/{sha256}-{fingerprint}.nt"


def _source_text_file_name(sha256: str) -> str:
    return f"sources/{sha256}.txt"


def _write_cache_file(store_dir: Path, name: str, text: str) -> None:
    path = store_dir / name
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return
    write_atomically(path, data, durable=False)  # build() syncs them all before the commit


def _union_entities(store: ox.Store, store_dir: Path, manifest: Manifest) -> int:
    """graph/entities = the union of every loaded letter's entity descriptions, minus what
    the reference graph already says."""
    lines: set[str] = set()
    for entry in manifest.letters.values():
        path = store_dir / entry.entities_file
        try:
            lines.update(path.read_text(encoding="utf-8").splitlines())
        except OSError as error:
            raise StoreError(
                f"entity cache {path.name} is missing ({error}); run `natokg build --rebuild`",
                path=path,
            ) from None
    lines.discard("")
    if lines and REFERENCE_GRAPH in set(list_graphs(store)):
        reference = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(REFERENCE_GRAPH))
        lines.difference_update(reference.decode("utf-8").splitlines())
    store.update(f"DROP SILENT GRAPH <{ENTITIES_GRAPH}>")
    if lines:
        store.load("".join(line + "\n" for line in sorted(lines)), ox.RdfFormat.N_TRIPLES,
                   to_graph=ox.NamedNode(ENTITIES_GRAPH))
    return len(lines)


def _garbage_collect_cache(store_dir: Path, manifest: Manifest) -> None:
    keep = {entry.entities_file for entry in manifest.letters.values()}
    keep |= {entry.source_text_file for entry in manifest.letters.values()}
    keep |= {entry.graph_file for entry in manifest.letters.values() if entry.graph_file}
    for folder in ("entities", "sources", "graphs"):
        directory = store_dir / folder
        if directory.is_dir():
            for path in directory.iterdir():
                if f"{folder}/{path.name}" not in keep:
                    path.unlink(missing_ok=True)


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


def _qualified_name(function) -> str:
    return f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', repr(function))}"


def _nothing_changed(old: Manifest, hashes: dict[str, str], fingerprint: str, store_dir: Path) -> bool:
    """True when a build would write the store it already has: same pipeline, same
    letters byte for byte (loaded or refused), same cross-letter steps and endpoint."""
    if old.fingerprint != fingerprint or old.endpoint != _endpoint() or not old.quads:
        return False
    if [step.get("step") for step in old.steps] != [_qualified_name(s) for s in CROSS_LETTER_STEPS]:
        return False
    if not old.generation or not (store_dir / old.generation).is_dir():
        return False
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


def _test_hook(point: str) -> None:
    """``NATOKG_BUILD_PAUSE=point:seconds`` sleeps at a named point (the SIGKILL tests use
    it to kill a build at a known moment); unset in normal use."""
    spec = os.environ.get("NATOKG_BUILD_PAUSE", "")
    if spec.startswith(point + ":"):
        time.sleep(float(spec.split(":", 1)[1]))


def build(
    corpus_dir: Path,
    store_path: Path | None = None,
    *,
    jobs: int | None = None,
    rebuild: bool = False,
    mapper=None,
    validator=_DEFAULT,
    progress: Callable[[BuildEvent], None] | None = None,
) -> BuildSummary:
    """Build (or update) the store from the letters under ``corpus_dir``.

    ``mapper(path) -> LetterGraphs`` defaults to natokg.pipeline.map_letter;
    ``validator(graph) -> report`` defaults to natokg.validation.compiled.validate_graph_fast (None skips
    validation). Both must be picklable (module-level functions) when ``jobs`` > 1.
    """
    if mapper is None:
        from natokg.pipeline import map_letter as mapper
    if validator is _DEFAULT:
        validator = default_validator()
    jobs = max(1, jobs or os.cpu_count() or 1)
    corpus_dir = Path(corpus_dir)
    store_dir = resolve_store_path(store_path)
    summary = BuildSummary(store=store_dir)
    emit = progress or (lambda event: None)
    started = time.perf_counter()
    seconds = dict.fromkeys(
        ("hash", "map", "validate", "serialise", "load", "entities", "cross-letter", "dataset", "commit"), 0.0
    )

    letters = find_letters(corpus_dir)
    summary.letters_seen = len(letters)
    with build_lock(store_dir):
        committed = _committed_manifest(store_dir, rebuild)
        old = None if rebuild else committed
        fingerprint = pipeline_fingerprint(mapper, validator)
        t = time.perf_counter()
        hashes = {name: file_sha256(path) for name, path in letters.items()}
        seconds["hash"] = time.perf_counter() - t
        if old is not None and _nothing_changed(old, hashes, fingerprint, store_dir):
            return _unchanged_summary(summary, old, emit, started, seconds)
        # the committed generation survives until the new one is committed, --rebuild too
        old_generation = committed.generation if committed else None
        remove_stale_generations(store_dir, keep={old_generation} if old_generation else set())
        generation = next_generation_name(store_dir, old)
        new_dir = store_dir / generation
        if old is not None and old_generation:
            source = ox.Store.read_only(str(store_dir / old_generation))
            source.backup(str(new_dir))
            del source
        store = ox.Store(str(new_dir))
        # a changed pipeline (code version, ontology, shapes) maps every letter again
        previous = old if old and old.fingerprint == fingerprint else Manifest()
        present = _reconcile(store, old) if old else set()
        manifest = Manifest(
            generation=generation, fingerprint=fingerprint, corpus=str(corpus_dir), endpoint=_endpoint()
        )

        todo = []
        done = 0
        emit(BuildEvent("start", 0, len(letters), elapsed=time.perf_counter() - started))
        for name, path in letters.items():
            entry = previous.letters.get(name)
            skipped_before = previous.skipped.get(name)
            if entry and entry.sha256 == hashes[name] and entry.graph in present:
                manifest.letters[name] = entry
                summary.letters_unchanged += 1
                done += 1
                emit(BuildEvent("letter", done, len(letters), name, "unchanged", time.perf_counter() - started))
            elif skipped_before and skipped_before.sha256 == hashes[name]:
                # unchanged and refused last time for a reason of its own: same reason again
                manifest.skipped[name] = skipped_before
                summary.skipped.append(SkippedLetter(name, skipped_before.reason, tuple(skipped_before.violations)))
                summary.violations += len(skipped_before.violations)
                done += 1
                emit(BuildEvent("letter", done, len(letters), name, "skipped", time.perf_counter() - started))
            else:
                todo.append((str(path), name, hashes[name]))

        claimed = {entry.key: name for name, entry in manifest.letters.items()}
        shared = shared_graph_iris()
        # New letters' quads are spooled to a file and bulk-loaded once at the end:
        # pyoxigraph's bulk loader writes sorted files straight into RocksDB (3x faster
        # than transactions here, and a 6x smaller store). It is not transactional; the
        # generation directory is what makes the build atomic (uncommitted until the
        # manifest names it).
        spool_file = spool_path(store_dir, generation)
        spooled = 0
        new_statistics = GraphStatistics()  # of the letter graphs loaded by this build
        with open(spool_file, "w", encoding="utf-8") as spool:
            for result in _map_all(todo, mapper, validator, jobs):
                seconds["map"] += result.seconds_map
                seconds["validate"] += result.seconds_validate
                seconds["serialise"] += result.seconds_serialise
                done += 1
                if result.error is not None:  # the letter's own fault: remembered with its hash
                    manifest.skipped[result.file] = SkippedEntry(result.sha256, result.error, list(result.violations))
                if result.error is None and result.key in claimed:
                    result.error = f"same letter key {result.key!r} as {claimed[result.key]}"
                if result.error is None and result.graph in shared:
                    result.error = f"letter key {result.key!r} names a shared graph; rename the reference"
                if result.error is not None:
                    summary.skipped.append(SkippedLetter(result.file, result.error, result.violations))
                    summary.violations += len(result.violations)
                    emit(BuildEvent("letter", done, len(letters), result.file, "skipped", time.perf_counter() - started))
                    continue
                summary.letters_read += 1
                claimed[result.key] = result.file
                t0 = time.perf_counter()
                entities_file = _entities_file_name(result.sha256, fingerprint)
                source_file = _source_text_file_name(result.sha256)
                graph_file = _graph_file_name(result.sha256, fingerprint)
                _write_cache_file(store_dir, entities_file, result.entities)
                _write_cache_file(store_dir, graph_file, result.assertions)
                _write_cache_file(store_dir, source_file, result.source_text)
                if result.graph in present:
                    replace_graph(store, result.graph, result.assertions)
                else:
                    spool.write(result.assertions.replace(" .\n", f" <{result.graph}> .\n"))
                    spooled += 1
                new_statistics.add(result.statistics)
                seconds["load"] += time.perf_counter() - t0
                manifest.letters[result.file] = LetterEntry(
                    sha256=result.sha256,
                    key=result.key,
                    graph=result.graph,
                    triples=result.triples,
                    entities_file=entities_file,
                    source_text_file=source_file,
                    date=result.date,
                    graph_file=graph_file,
                )
                summary.letters_loaded += 1
                emit(BuildEvent("letter", done, len(letters), result.file, "loaded", time.perf_counter() - started))
                _test_hook("letter")
        emit(BuildEvent("stage", done, len(letters), status="load", elapsed=time.perf_counter() - started))
        t = time.perf_counter()
        if spooled:
            bulk_load_nquads(store, spool_file)
        spool_file.unlink()
        seconds["load"] += time.perf_counter() - t
        summary.letters_loaded += summary.letters_unchanged

        t = time.perf_counter()
        kept = {entry.graph for entry in manifest.letters.values()}
        for name, entry in (old.letters.items() if old else ()):
            if name not in letters:
                summary.letters_removed += 1
            if entry.graph not in kept:
                store.update(f"DROP SILENT GRAPH <{entry.graph}>")
        for graph, files in ontology_graph_files().items():
            replace_graph(store, graph, skolemised_ntriples(files, graph))
        seconds["load"] += time.perf_counter() - t

        emit(BuildEvent("stage", done, len(letters), status="entities", elapsed=time.perf_counter() - started))
        t = time.perf_counter()
        _union_entities(store, store_dir, manifest)
        seconds["entities"] = time.perf_counter() - t

        emit(BuildEvent("stage", done, len(letters), status="cross-letter", elapsed=time.perf_counter() - started))
        t = time.perf_counter()
        for step in CROSS_LETTER_STEPS:
            outcome = step(store)
            summary.steps.append(outcome)
            summary.violations += len(outcome.findings)
            manifest.steps.append({"step": _qualified_name(step), **asdict(outcome), "findings": list(outcome.findings)})
        seconds["cross-letter"] = time.perf_counter() - t

        emit(BuildEvent("stage", done, len(letters), status="dataset", elapsed=time.perf_counter() - started))
        t = time.perf_counter()
        texts = GraphTexts(store, files=manifest_graph_files(manifest, store_dir))
        describe_dataset(store, manifest, texts, known=new_statistics)
        seconds["dataset"] = time.perf_counter() - t

        emit(BuildEvent("stage", done, len(letters), status="commit", elapsed=time.perf_counter() - started))
        t = time.perf_counter()
        summary.triples = manifest.quads = len(store)
        _test_hook("commit")
        close_store(store)
        del store
        os.sync()  # the per-letter files written without fsync reach the disk first
        write_manifest(store_dir, manifest)  # the commit point
        remove_stale_generations(store_dir, keep={generation} | ({old_generation} if old_generation else set()))
        _garbage_collect_cache(store_dir, manifest)
        seconds["commit"] = time.perf_counter() - t

    seconds["total"] = time.perf_counter() - started
    summary.seconds = {name: round(value, 4) for name, value in seconds.items()}
    summary.skipped.sort(key=lambda item: item.file)
    emit(BuildEvent("done", done, len(letters), elapsed=seconds["total"]))
    return summary


__all__ = [
    "BuildEvent",
    "BuildSummary",
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
