"""Median latency of every saved query: embedded pyoxigraph, Oxigraph server, rdflib.

Runs each saved query (default parameters) on a natokg store built from generated
letters (benchmarks/generate_letters.py + natokg build; bench_build.py leaves them in
benchmarks/out/store-{count}-{seed}):

- embedded: the on-disk pyoxigraph store, read-only, as `natokg query` runs it;
- server: an `oxigraph serve` on loopback, loaded with natokg.remote.push (Graph Store PUTs),
  queried over HTTP (`natokg query --endpoint`);
- rdflib: the same quads in an rdflib Dataset in memory, each query in a forked child
  killed after --rdflib-timeout seconds (rdflib cannot be interrupted otherwise).

Each latency is the median of --repeats runs after one warm-up run, measured around
parsing + evaluation + converting every row to Python values (what a caller gets). On the
embedded store the repeats run in rounds, every query once per round, and a fixed Python
loop is timed before and after (the "CPU check"), because the speed of a shared VM
drifts.

Usage::

    python benchmarks/bench_queries.py --store benchmarks/out/store-1000-7
    python benchmarks/bench_queries.py --count 10000 --engines embedded,server
    python benchmarks/bench_queries.py --store DIR --markdown benchmarks/RESULTS_QUERIES.md

Targets: <= 200 ms median per query at 1,000 letters and <= 2 s at 10,000 on
the embedded store; >= 50x faster than rdflib wherever rdflib finishes.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _median_seconds(run, repeats: int) -> float:
    run()  # warm-up: caches, the parser's cache, the server's connection
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def bench_embedded(store_dir: Path, queries, repeats: int) -> tuple[dict[str, tuple[float, int]], dict[str, float]]:
    """(median seconds, rows) per query as `natokg query` runs it, and the median seconds of
    pyoxigraph alone (evaluating and reading every value of every row, no conversion to
    Python values): the difference is natokg's row conversion.

    The repeats run in rounds, every query once per round: this VM's speed drifts by up
    to 2x over minutes, and a slow spell then touches every query alike instead of
    landing on a few."""
    from natokg.sparql import render, run_sparql
    from natokg.store.layout import open_store

    store = open_store(store_dir, read_only=True)
    sparqls = {saved.name: render(saved) for saved in queries}

    def read_only_terms(sparql: str) -> None:
        for solution in store.query(sparql):
            for _ in solution:
                pass

    rows = {}
    for name, sparql in sparqls.items():  # warm-up: caches, the parser's cache
        rows[name] = len(run_sparql(sparql, store=store, timeout=None, max_rows=None))
        read_only_terms(sparql)
    natokg_samples: dict[str, list[float]] = {name: [] for name in sparqls}
    engine_samples: dict[str, list[float]] = {name: [] for name in sparqls}
    for _ in range(repeats):
        for name, sparql in sparqls.items():
            started = time.perf_counter()
            run_sparql(sparql, store=store, timeout=None, max_rows=None)
            natokg_samples[name].append(time.perf_counter() - started)
            started = time.perf_counter()
            read_only_terms(sparql)
            engine_samples[name].append(time.perf_counter() - started)
    results = {name: (statistics.median(natokg_samples[name]), rows[name]) for name in sparqls}
    engine_only = {name: statistics.median(samples) for name, samples in engine_samples.items()}
    return results, engine_only


def cpu_check_seconds() -> float:
    """A fixed pure-Python loop, timed before and after the run: this VM's speed drifted by
    up to 2x within one afternoon, so a table is read against it."""
    started = time.perf_counter()
    total = 0
    for number in range(5_000_000):
        total += number
    return time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bench_server(store_dir: Path, queries, repeats: int) -> tuple[dict[str, tuple[float, int]], float]:
    from natokg.remote.push import push
    from natokg.sparql import render, run_sparql
    from natokg.store.layout import open_store

    binary = Path(sys.executable).with_name("oxigraph")
    binary = str(binary) if binary.is_file() else shutil.which("oxigraph")
    if not binary:
        raise SystemExit("the oxigraph binary is missing: pip install oxigraph")
    workdir = Path(tempfile.mkdtemp(prefix="natokg-bench-server-"))
    port = _free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(workdir / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{endpoint}?query=ASK%7B%7D", timeout=2).close()
                break
            except OSError:
                time.sleep(0.1)
        started = time.perf_counter()
        summary = push(open_store(store_dir, read_only=True), endpoint)
        push_seconds = time.perf_counter() - started
        if not summary.ok:
            raise SystemExit(f"push count mismatch: {summary.mismatches[:3]}")
        results = {}
        for saved in queries:
            sparql = render(saved)
            rows = len(run_sparql(sparql, endpoint=endpoint, timeout=600))
            results[saved.name] = (
                _median_seconds(lambda: run_sparql(sparql, endpoint=endpoint, timeout=600), repeats), rows,
            )
        return results, push_seconds
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


def bench_rdflib(store_dir: Path, queries, repeats: int, timeout: float) -> tuple[dict[str, tuple[float | None, int]], float]:
    """rdflib's engine on the same quads; None where a run did not finish within ``timeout``."""
    import pyoxigraph as ox
    from rdflib import Dataset

    from natokg.sparql import render
    from natokg.store.layout import open_store

    started = time.perf_counter()
    dataset = Dataset()
    dataset.parse(data=open_store(store_dir, read_only=True).dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    load_seconds = time.perf_counter() - started
    results: dict[str, tuple[float | None, int]] = {}
    for saved in queries:
        sparql = render(saved)
        samples = []
        rows = -1
        for _ in range(repeats):
            read, write = os.pipe()
            child = os.fork()
            if child == 0:  # the child runs the query once and reports "seconds rows"
                os.close(read)
                begin = time.perf_counter()
                count = sum(1 for _ in dataset.query(sparql))
                os.write(write, f"{time.perf_counter() - begin} {count}".encode())
                os._exit(0)
            os.close(write)
            deadline = time.monotonic() + timeout
            finished = False
            while time.monotonic() < deadline:
                done, _ = os.waitpid(child, os.WNOHANG)
                if done:
                    finished = True
                    break
                time.sleep(0.05)
            if not finished:
                os.kill(child, signal.SIGKILL)
                os.waitpid(child, 0)
                os.close(read)
                break
            answer = os.read(read, 100).decode().split()
            os.close(read)
            samples.append(float(answer[0]))
            rows = int(answer[1])
        results[saved.name] = (statistics.median(samples) if len(samples) == repeats else None, rows)
    return results, load_seconds


def _load_average() -> str:
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "?"


def machine() -> str:
    cores = os.cpu_count()
    return f"{platform.system()} {platform.machine()}, {cores} cores, Python {platform.python_version()}"


def markdown(store_dir: Path, letters: int | None, embedded, server, rdflib_results, notes: list[str],
             engine_only: dict[str, float] | None = None, cpu_check: tuple[float, float] | None = None) -> str:
    def ms(value: float | None) -> str:
        return "-" if value is None else f"{value * 1000:.1f}"

    engine_only = engine_only or {}
    lines = [
        f"### {letters if letters else '?'} letters ({store_dir.name})",
        "",
        f"Machine: {machine()}, load average {_load_average()}. Median of the repeats after a "
        "warm-up, the repeats in rounds over every query; milliseconds. 'pyoxigraph only': "
        "evaluating and reading every value, without natokg's conversion to Python values."
        + (f" CPU check (a fixed Python loop): {cpu_check[0]:.2f} s before, {cpu_check[1]:.2f} s after."
           if cpu_check else ""),
        *[f"- {note}" for note in notes],
        "",
        "| query | rows | embedded ms | pyoxigraph only ms | server ms | rdflib ms | rdflib / embedded |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    # rows from whichever engine ran; an engine that did not run shows "-"
    for name in sorted(set(embedded) | set(server or {}) | set(rdflib_results or {})):
        seconds, rows = embedded.get(name) or (None, (server or {}).get(name, (None, "-"))[1])
        server_seconds = server.get(name, (None, 0))[0] if server else None
        rdflib_seconds = rdflib_results.get(name, (None, 0))[0] if rdflib_results else None
        if rdflib_results and name in rdflib_results and rdflib_seconds is None:
            rdflib_text, ratio = "> timeout", "-"
        else:
            rdflib_text = ms(rdflib_seconds)
            ratio = f"{rdflib_seconds / seconds:.0f}x" if rdflib_seconds and seconds else "-"
        lines.append(
            f"| {name} | {rows} | {ms(seconds)} | {ms(engine_only.get(name))} | {ms(server_seconds)} "
            f"| {rdflib_text} | {ratio} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="a natokg store directory (with manifest.json)")
    parser.add_argument("--count", type=int, default=1000, help="use benchmarks/out/store-COUNT-SEED")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--engines", default="embedded,server,rdflib")
    parser.add_argument("--rdflib-timeout", type=float, default=60.0)
    parser.add_argument("--queries", default="", help="comma-separated names (default: all)")
    parser.add_argument("--markdown", type=Path, help="append the results table to this file")
    args = parser.parse_args()

    from natokg.sparql import list_queries
    from natokg.store.layout import read_manifest

    store_dir = args.store or HERE / "out" / f"store-{args.count}-{args.seed}"
    manifest = read_manifest(store_dir)
    if manifest is None:
        raise SystemExit(f"no store at {store_dir}; run benchmarks/bench_build.py --count {args.count} first")
    letters = len(manifest.letters)
    wanted = {name for name in args.queries.split(",") if name}
    queries = [q for q in list_queries() if not wanted or q.name in wanted]
    engines = set(args.engines.split(","))
    notes = []
    cpu_before = cpu_check_seconds()
    embedded, engine_only = bench_embedded(store_dir, queries, args.repeats) if "embedded" in engines else ({}, {})
    server = {}
    if "server" in engines:
        server, push_seconds = bench_server(store_dir, queries, args.repeats)
        notes.append(f"push to the Oxigraph server (Graph Store PUT per graph + count check): {push_seconds:.1f} s")
    rdflib_results = {}
    if "rdflib" in engines:
        rdflib_results, load_seconds = bench_rdflib(store_dir, queries, min(args.repeats, 3), args.rdflib_timeout)
        notes.append(
            f"rdflib: loading the quads took {load_seconds:.1f} s; a query that did not finish within "
            f"{args.rdflib_timeout:.0f} s is '> timeout'; median of {min(args.repeats, 3)} runs"
        )
    cpu_check = (cpu_before, cpu_check_seconds())
    text = markdown(store_dir, letters, embedded, server, rdflib_results, notes, engine_only, cpu_check)
    print(text)
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as handle:
            handle.write("\n" + text)


if __name__ == "__main__":
    main()
