"""A runaway query against the deadline: how fast it stops and where the memory goes.

    python benchmarks/bench_query_deadline.py [--timeout SECONDS]

Runs a cartesian product of the seed dataset with itself four times, ordered (so the
engine must hold it all), on a store folder through natokg's query worker; samples the
worker's resident memory until the deadline kills it, then reports the caller's and the
new worker's memory. benchmarks/RESULTS_QUERIES.md records a run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

RUNAWAY = (
    "SELECT * WHERE { GRAPH ?a { ?s1 ?p1 ?o1 } GRAPH ?b { ?s2 ?p2 ?o2 } GRAPH ?c { ?s3 ?p3 ?o3 } } "
    "ORDER BY ?o1 ?o2 ?o3"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()

    import psutil

    from natokg.errors import QueryLimitError
    from natokg.sparql import run_sparql
    from natokg.sparql.worker import stop_workers, worker_for
    from natokg.store.layout import current_generation_dir
    from support.seed_dataset import seed_store_dir

    mb = lambda process: process.memory_info().rss / 2**20  # noqa: E731
    me = psutil.Process()
    with tempfile.TemporaryDirectory() as folder:
        store_dir = seed_store_dir(Path(folder) / "store")
        worker = worker_for(current_generation_dir(store_dir))
        child = psutil.Process(worker.process.pid)
        print(f"caller {mb(me):.0f} MB, idle worker {mb(child):.0f} MB")
        peak = [0.0]

        def sample():
            while True:
                try:
                    peak[0] = max(peak[0], mb(child))
                except psutil.Error:
                    return
                time.sleep(0.05)

        threading.Thread(target=sample, daemon=True).start()
        started = time.monotonic()
        try:
            run_sparql(RUNAWAY, store_path=store_dir, timeout=args.timeout, max_rows=None)
            print("the query finished (make it larger)")
        except QueryLimitError as error:
            print(f"stopped after {time.monotonic() - started:.2f} s: {error}")
        print(f"worker peak {peak[0]:.0f} MB; worker alive after the deadline: {child.is_running() and child.status() != psutil.STATUS_ZOMBIE}")
        print(f"caller {mb(me):.0f} MB")
        run_sparql("ASK { GRAPH ?g { ?s ?p ?o } }", store_path=store_dir)
        fresh = psutil.Process(worker_for(current_generation_dir(store_dir)).process.pid)
        print(f"new worker {mb(fresh):.0f} MB")
        stop_workers()


if __name__ == "__main__":
    main()
