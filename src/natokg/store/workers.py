"""The worker side of a build: map, validate and serialise one letter in a worker process.

Each worker reads, extracts, maps and validates one letter and sends back its graphs
as sorted N-Triples text (pickling rdflib graphs is slower than their text).
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from natokg.errors import BadInputError, NatokgError
from natokg.read.reader_warnings import collected_reader_warnings
from natokg.store.dataset import GraphStatistics, graph_statistics
from natokg.store.orphans import exit_with_parent

_worker: dict = {}


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
    reader_warnings: tuple[str, ...] = ()  # pypdf's repairs, collected instead of printed
    violations: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # extraction warnings of a letter that is loaded all the same
    statistics: GraphStatistics | None = None  # the graph's VoID counts
    seconds_map: float = 0.0
    seconds_validate: float = 0.0
    seconds_serialise: float = 0.0


def _init_worker(mapper, validator) -> None:
    """Runs once per worker process: the validator's shapes are parsed on first use and
    cached for the life of the process (natokg.validation.results caches them)."""
    _worker["mapper"] = mapper
    _worker["validator"] = validator


def _init_pool_worker(mapper, validator, parent: int) -> None:
    """A pool worker's initialiser: also exit when the build process dies."""
    exit_with_parent(parent)
    _init_worker(mapper, validator)


def _violation_text(result) -> str:
    parts = [result.severity, str(result.focus)]
    if result.path:
        parts.append(str(result.path))
    return " ".join(parts) + f": {result.message or result.constraint}"


def _map(result: LetterResult, path: str):
    """The letter's LetterGraphs, or None with ``result.error`` saying why not."""
    with collected_reader_warnings() as warnings:
        graphs = _map_letter(result, path)
    result.reader_warnings = tuple(warnings)
    return graphs


def _map_letter(result: LetterResult, path: str):
    try:
        return _worker["mapper"](Path(path))
    except BadInputError as error:
        result.error = error.message
    except NatokgError as error:
        result.error = str(error)
    except Exception:  # a bug in the extractor must not stop the other letters
        # the exception's own text is a library's detail (spaCy's "[E088] ..."), not a
        # reason a reader can act on; `natokg map` on the file shows the traceback
        result.error = "mapping failed (an internal error); run `natokg map` on the file for details"
    return None


def _conforms(result: LetterResult, graphs) -> bool:
    """Validate (when the build has a validator); a violation sets ``result.error``."""
    validator = _worker["validator"]
    if validator is None:
        return True
    report = validator(graphs)
    if report.conforms:
        return True
    result.violations = tuple(sorted(_violation_text(r) for r in report.results if r.severity == "Violation"))
    result.error = f"does not conform to the shapes ({len(result.violations)} violations)"
    return False


def process_letter(path: str, file: str, sha256: str) -> LetterResult:
    """Map and validate one letter (runs in a worker process)."""
    result = LetterResult(file=file, sha256=sha256)
    started = time.perf_counter()
    graphs = _map(result, path)
    if graphs is None:
        return result
    mapped = time.perf_counter()
    result.seconds_map = mapped - started
    result.key, result.graph = graphs.key, str(graphs.graph)
    result.warnings = graphs.warnings
    if graphs.has_blank_nodes():
        result.error = "the mapped graph has blank nodes; IRIs must be minted (a mapper bug)"
        return result
    conforms = _conforms(result, graphs)
    validated = time.perf_counter()
    result.seconds_validate = validated - mapped
    if not conforms:
        return result
    result.assertions, result.entities, result.triples, result.date = serialise_letter(graphs)
    result.source_text = graphs.source_text
    # counted here, in parallel, rather than from the graph files after the last letter
    result.statistics = graph_statistics(result.graph, graphs.assertion_lines)
    result.seconds_serialise = time.perf_counter() - validated
    return result


def serialise_letter(graphs) -> tuple[str, str, int, str | None]:
    """(assertions, entities as sorted canonical N-Triples, assertion triples, ISO date):
    natokg.rdf.mapping's LetterGraphs already holds the canonical N-Triples lines."""
    return graphs.assertions_ntriples, graphs.entities_ntriples, len(graphs.assertion_lines), graphs.date


def _process(args: tuple[str, str, str]) -> LetterResult:
    return process_letter(*args)


def map_all(todo: list[tuple[str, str, str]], mapper, validator, jobs: int) -> Iterator[LetterResult]:
    """Results of (path, file, sha256) items in submission order (sorted by file:
    deterministic summaries); ``jobs`` worker processes, or this one."""
    if jobs <= 1 or len(todo) <= 1:
        _init_worker(mapper, validator)
        for item in todo:
            yield _process(item)
        return
    chunksize = max(1, min(16, len(todo) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_pool_worker, initargs=(mapper, validator, os.getpid())) as pool:
        yield from pool.map(_process, todo, chunksize=chunksize)


__all__ = ["LetterResult", "map_all", "process_letter", "serialise_letter"]
