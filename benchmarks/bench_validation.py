"""Per-letter validation time: pySHACL (natokg.validation.reference) vs natokg.validation.compiled.

Generates letters (benchmarks/generate_letters.py), maps each, then validates the same
letter graph (assertions + entities) with both validators and checks the results are
equal. Times are wall-clock ms per letter in one process, after one warm-up letter
(shapes and context are parsed once per process by both).

With ``--pyrudof-batch N`` (needs ``pip install pyrudof``, not a natokg dependency) it
also times pyrudof's native SHACL engine, one letter per call and N letters merged into
one call, each with the context (ontology + reference data), on the core shapes of
shapes/natokg-shapes.ttl, and counts the violations it reports against the compiled
validator's.

Usage::

    python benchmarks/bench_validation.py --count 60 [--seed 7] [--pyrudof-batch 50]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_letters import generate  # noqa: E402

from natokg.errors import BadInputError  # noqa: E402
from natokg.pipeline import map_letter  # noqa: E402
from natokg.validation.compiled import shape_validator, validate_graph_fast  # noqa: E402
from natokg.validation.reference import validate_graph  # noqa: E402


def key(report) -> Counter:
    return Counter(
        (r.focus, r.path, r.constraint, r.severity, r.value, r.message, r.shape) for r in report.results
    )


def timed(fn, arg):
    started = time.perf_counter()
    report = fn(arg)
    return (time.perf_counter() - started) * 1000, report


def summary(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
    return f"mean {statistics.mean(values):.2f}, median {statistics.median(values):.2f}, p95 {p95:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pyrudof-batch", type=int, default=0, help="also time pyrudof, N letters per batch")
    args = parser.parse_args()
    started = time.perf_counter()
    shape_validator(True)
    compile_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        letters = []
        for path in generate(Path(tmp), args.count, seed=args.seed):
            try:
                letters.append(map_letter(path))
            except BadInputError:
                continue
    validate_graph(letters[0].assertions + letters[0].entities)  # warm-up
    times: dict[str, list[float]] = {"pyshacl": [], "fast (rdflib Graph)": [], "fast (N-Triples)": []}
    triples, matched, with_results = [], 0, 0
    for graphs in letters:
        graph = graphs.assertions + graphs.entities
        text = graphs.assertions_ntriples + graphs.entities_ntriples
        triples.append(len(graph))
        ms, reference = timed(validate_graph, graph)
        times["pyshacl"].append(ms)
        gc.collect()
        ms, by_graph = timed(validate_graph_fast, graph)
        times["fast (rdflib Graph)"].append(ms)
        ms, by_text = timed(validate_graph_fast, text)
        times["fast (N-Triples)"].append(ms)
        matched += key(reference) == key(by_graph) == key(by_text)
        with_results += bool(reference.results)
    print(f"letters: {len(letters)} mapped of {args.count} generated (seed {args.seed}); "
          f"triples per letter graph: mean {statistics.mean(triples):.0f}, max {max(triples)}")
    print(f"compile shapes + load context once: {compile_seconds * 1000:.0f} ms")
    for name, values in times.items():
        print(f"{name}: ms per letter {summary(values)}")
    print(f"results equal to pySHACL's: {matched}/{len(letters)} letters ({with_results} with results)")
    if args.pyrudof_batch:
        bench_pyrudof(letters, args.pyrudof_batch)


def bench_pyrudof(letters: list, batch: int) -> None:
    """pyrudof per letter and per batch of ``batch`` merged letters (core shapes only:
    pyrudof's native engine does not run the SHACL-SPARQL constraints)."""
    import pyrudof

    from natokg.paths import shapes_dir
    from natokg.validation.reference import reference_graph

    context = reference_graph().serialize(format="nt")
    shapes = (shapes_dir() / "natokg-shapes.ttl").read_text(encoding="utf-8")
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_shacl(shapes, pyrudof.ShaclFormat.Turtle)
    texts = [g.assertions_ntriples + g.entities_ntriples for g in letters]
    compiled = sum(
        sum(1 for r in validate_graph_fast(t).results if r.severity == "Violation") for t in texts
    )

    def run(data: str) -> int:
        rudof.read_data(context + data, pyrudof.RDFFormat.NTriples)
        return len(rudof.validate_shacl().violations)

    run(texts[0])  # warm-up
    started = time.perf_counter()
    single = sum(run(t) for t in texts)
    per_letter = (time.perf_counter() - started) * 1000 / len(texts)
    started = time.perf_counter()
    merged = sum(run("".join(texts[i : i + batch])) for i in range(0, len(texts), batch))
    per_batch_letter = (time.perf_counter() - started) * 1000 / len(texts)
    print(f"pyrudof {rudof.get_version()}, core shapes, with the context:")
    print(f"  one letter per call: {per_letter:.1f} ms per letter, {single} violations")
    print(f"  {batch} letters per call: {per_batch_letter:.1f} ms per letter, {merged} violations")
    print(f"  compiled validator (all shapes), per letter: {compiled} violations")


if __name__ == "__main__":
    main()
