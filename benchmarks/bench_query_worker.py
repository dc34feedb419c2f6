"""The cost of running queries in the query worker process (natokg.sparql.worker)
instead of in the caller's process: per-query overhead, worker start, result transfer.

    python benchmarks/bench_query_worker.py [--repeats N]

Uses the seed dataset (tests/support/seed_dataset.py) in a store folder; every saved
query with its default parameters, plus a tiny ASK and a 5,000-row SELECT. Prints a
markdown table; benchmarks/RESULTS_QUERIES.md records a run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]


def median_ms(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()

    import pyoxigraph as ox

    from natokg.sparql import list_queries, render, run_sparql
    from natokg.sparql.worker import stop_workers, worker_for
    from natokg.store.layout import current_generation_dir
    from support.seed_dataset import seed_store_dir

    with tempfile.TemporaryDirectory() as folder:
        store_dir = seed_store_dir(Path(folder) / "store")
        directory = current_generation_dir(store_dir)
        started = time.perf_counter()
        worker_for(directory)
        start_ms = (time.perf_counter() - started) * 1000
        store = ox.Store.read_only(str(directory))
        cases = [("ask (tiny)", "ASK { GRAPH ?g { ?s ?p ?o } }")]
        cases += [(saved.name, render(saved)) for saved in list_queries()]
        cases += [("5,000 rows", "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 5000")]
        print(f"worker start (spawn, import, open store): {start_ms:.0f} ms\n")
        print("| query | rows | in process (ms) | in worker (ms) | overhead (ms) |")
        print("| --- | ---: | ---: | ---: | ---: |")
        overheads = []
        for name, sparql in cases:
            rows = len(run_sparql(sparql, store=store))
            local = median_ms(lambda: run_sparql(sparql, store=store), args.repeats)
            remote = median_ms(lambda: run_sparql(sparql, store_path=store_dir), args.repeats)
            overheads.append(remote - local)
            print(f"| {name} | {rows} | {local:.2f} | {remote:.2f} | {remote - local:.2f} |")
        print(f"\nmedian overhead over the {len(cases)} queries: {statistics.median(overheads):.2f} ms; "
              f"largest: {max(overheads):.2f} ms")
        stop_workers()


if __name__ == "__main__":
    main()
