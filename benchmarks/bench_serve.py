"""Benchmark `natokg serve` on a built store over loopback, and append the figures to
RESULTS.md.

The server runs as `python -m natokg serve` in its own process (uvicorn, one process);
the load comes from this process: httpx's AsyncClient on asyncio, N clients each sending
its next request as soon as the last one is answered (closed loop). Four measurements:

1. resource pages (text/html of /id/... for a sample of meetings, persons, states,
   commitments, positions, participations and letters) with 10 clients: requests/s,
   p50 and p99 latency;
2. every saved query (default parameters) through GET /sparql (JSON results) against
   the same query run embedded (natokg.sparql.run_query on the store folder): median of
   --repeats runs each, and their difference;
3. 50 clients for --soak seconds on a mix of pages, charts and small /sparql queries:
   the number of requests and of errors (any status other than 200, or a failed
   connection);
4. the server's RSS (its own and its query workers'), sampled every second throughout.

Usage: python benchmarks/bench_serve.py --store benchmarks/out/store-1000-7 [--soak 60]
       [--resource-seconds 20] [--repeats 5] [--no-record] [--note TEXT]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]

from natokg.namespaces import data_base  # noqa: E402
from natokg.serve.charts import CHARTS  # noqa: E402
from natokg.sparql import list_queries, render, run_query, run_sparql  # noqa: E402

SAMPLE_QUERY = """PREFIX nkg: <https://w3id.org/natokg/ontology#>
SELECT ?class (COUNT(?thing) AS ?things) WHERE {{ GRAPH ?g {{ ?thing a ?class }} }} GROUP BY ?class LIMIT {limit}"""

RESOURCE_SAMPLE = """PREFIX nkg: <https://w3id.org/natokg/ontology#>
SELECT DISTINCT ?thing WHERE {{
  VALUES ?class {{ nkg:{kind} }}
  GRAPH ?g {{ ?thing a ?class }}
}} ORDER BY ?thing LIMIT {limit}"""
RESOURCE_KINDS = ("Meeting", "Summit", "Person", "State", "Commitment", "Position", "Participation", "Letter")


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class RssSampler:
    """The server's RSS and its children's (query workers), every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 1.0) -> None:
        self.process = psutil.Process(pid)
        self.samples: list[tuple[float, float, float]] = []  # (seconds, server MiB, workers MiB)
        self.interval = interval
        self._stop = threading.Event()
        self._start = time.monotonic()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                own = self.process.memory_info().rss
                children = sum(c.memory_info().rss for c in self.process.children(recursive=True))
            except psutil.Error:
                continue
            self.samples.append((time.monotonic() - self._start, own / 2**20, children / 2**20))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def start_server(store: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    server = subprocess.Popen(
        # the embedded runner's row cap, so that every saved query answers as it does embedded
        [sys.executable, "-m", "natokg", "serve", "--store", str(store), "--port", str(port), "--max-rows", "100000"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.5)
    raise SystemExit("the server did not answer within 600 s")


def resource_paths(store: Path, per_kind: int) -> list[str]:
    base = data_base()
    paths = []
    for kind in RESOURCE_KINDS:
        rows = run_sparql(RESOURCE_SAMPLE.format(kind=kind, limit=per_kind), store_path=store)
        paths += ["/id/" + quote(str(row.thing)[len(base):], safe="/-_.~") for row in rows if str(row.thing).startswith(base)]
    return paths


async def closed_loop(url: str, paths: list[str], clients: int, seconds: float,
                      headers: dict[str, str]) -> tuple[list[float], int, list[str]]:
    """``clients`` workers request ``paths`` round-robin for ``seconds``: latencies (s),
    the number of requests, and the errors."""
    latencies: list[float] = []
    errors: list[str] = []
    count = 0
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60, headers=headers) as client:

        async def worker(offset: int) -> None:
            nonlocal count
            index = offset
            while time.monotonic() < stop_at:
                path = paths[index % len(paths)]
                index += clients
                started = time.perf_counter()
                try:
                    answer = await client.get(path)
                    await answer.aread()
                    if answer.status_code != 200:
                        errors.append(f"{answer.status_code} {path}")
                except httpx.HTTPError as error:
                    errors.append(f"{type(error).__name__} {path}")
                latencies.append(time.perf_counter() - started)
                count += 1

        await asyncio.gather(*(worker(i) for i in range(clients)))
    return latencies, count, errors


def time_saved_queries(url: str, store: Path, repeats: int) -> list[tuple[str, float, float]]:
    """(query, embedded median ms, through /sparql median ms) for every saved query."""
    results = []
    with httpx.Client(base_url=url, timeout=120) as client:
        for saved in list_queries():
            sparql = render(saved, None)
            run_query(saved, store_path=store, max_rows=None)  # the worker warm
            embedded = []
            for _ in range(repeats):
                started = time.perf_counter()
                run_query(saved, store_path=store, max_rows=None)
                embedded.append(time.perf_counter() - started)
            served = []
            for _ in range(repeats + 1):
                started = time.perf_counter()
                answer = client.get("/sparql", params={"query": sparql},
                                    headers={"Accept": "application/sparql-results+json"})
                answer.read()
                served.append(time.perf_counter() - started)
                if answer.status_code != 200:
                    raise SystemExit(f"{saved.name} through /sparql: {answer.status_code} {answer.text[:300]}")
            results.append((saved.name, statistics.median(embedded) * 1000, statistics.median(served[1:]) * 1000))
    return results


def soak_paths(resources: list[str]) -> list[str]:
    small = "/sparql?query=" + quote(SAMPLE_QUERY.format(limit=20))
    mix = ["/", "/charts/meetings-timeline", "/charts/topic-heatmap", "/queries", small]
    return [path for pair in zip(resources, mix * (len(resources) // len(mix) + 1)) for path in pair]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--resource-seconds", type=float, default=20.0)
    parser.add_argument("--soak", type=float, default=60.0)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--per-kind", type=int, default=40, help="resource pages sampled per class")
    parser.add_argument("--no-record", action="store_true", help="do not append to RESULTS.md")
    parser.add_argument("--note", default="")
    args = parser.parse_args()

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    server = start_server(args.store, port)
    startup = time.perf_counter() - started
    sampler = RssSampler(server.pid)
    try:
        resources = resource_paths(args.store, args.per_kind)
        html = {"Accept": "text/html"}
        load_before = os.getloadavg()[0]
        # warm: the charts are drawn on their first view (once per server), caches fill
        asyncio.run(closed_loop(url, [f"/charts/{name}" for name in CHARTS], len(CHARTS), 1, html))
        asyncio.run(closed_loop(url, resources, 10, 3, html))
        latencies, count, errors = asyncio.run(closed_loop(url, resources, 10, args.resource_seconds, html))
        rate = count / args.resource_seconds
        queries = time_saved_queries(url, args.store, args.repeats)
        soak_latencies, soak_count, soak_errors = asyncio.run(
            closed_loop(url, soak_paths(resources), 50, args.soak, html))
    finally:
        sampler.stop()
        server.terminate()
        server.wait(timeout=60)
    load_after = os.getloadavg()[0]

    lines = [
        f"\n## Server, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC ({args.store.name})",
        "",
        f"- machine: {platform.machine()}, {os.cpu_count()} cores (shared), Python {platform.python_version()}; "
        "`natokg serve` (uvicorn, 1 process, 1 query worker) and the load generator (httpx AsyncClient, "
        "closed loop) on the same machine, over loopback; load average (1 min) "
        f"{load_before:.1f} before and {load_after:.1f} after" + (f"; {args.note}" if args.note else ""),
        f"- start-up (until / answers): {startup:.1f} s",
        f"- resource pages, 10 clients, {args.resource_seconds:.0f} s over {len(resources)} pages "
        f"({', '.join(RESOURCE_KINDS)}): {rate:.0f} requests/s, p50 {percentile(latencies, 0.5) * 1000:.1f} ms, "
        f"p99 {percentile(latencies, 0.99) * 1000:.1f} ms, {len(errors)} errors",
        f"- 50 clients for {args.soak:.0f} s (resource pages, home, charts, saved-query list, a /sparql "
        f"query): {soak_count} requests ({soak_count / args.soak:.0f}/s), {len(soak_errors)} errors"
        + (f" (first: {soak_errors[0]})" if soak_errors else "")
        + f", p99 {percentile(soak_latencies, 0.99) * 1000:.0f} ms",
    ]
    if sampler.samples:
        own = [s[1] for s in sampler.samples]
        workers = [s[2] for s in sampler.samples]
        third = max(1, len(own) // 3)
        lines.append(
            f"- server RSS over {sampler.samples[-1][0]:.0f} s ({len(own)} samples): first {own[0]:.0f} MiB, "
            f"max {max(own):.0f} MiB, mean of the first third {statistics.mean(own[:third]):.0f} MiB, of the last "
            f"third {statistics.mean(own[-third:]):.0f} MiB; its query workers {workers[0]:.0f} -> max {max(workers):.0f} MiB"
        )
    lines += ["", "| saved query | embedded ms | /sparql ms | difference ms |", "| --- | ---: | ---: | ---: |"]
    for name, embedded, served in queries:
        lines.append(f"| {name} | {embedded:.1f} | {served:.1f} | {served - embedded:+.1f} |")
    report = "\n".join(lines) + "\n"
    print(report)
    if not args.no_record:
        with (Path(__file__).resolve().parent / "RESULTS.md").open("a", encoding="utf-8") as results:
            results.write(report)


if __name__ == "__main__":
    main()
