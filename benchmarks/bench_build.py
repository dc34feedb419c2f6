"""Benchmark `natokg build` end to end on generated letters, and append the figures to
benchmarks/RESULTS.md.

    python benchmarks/bench_build.py --count 1000 [--jobs 2] [--seed 7] [--no-record]

Measures: letters/s end to end (hashing, reading, extraction, mapping, validation in
the workers, loading, graph/entities, cross-letter steps, dataset description, commit),
seconds per stage (map and validate are CPU seconds summed over the workers), peak RSS
of the build process plus its workers (sampled every 0.1 s with psutil; the kernel's
high-water marks are recorded too), the store size on disk, the time of a sorted
N-Quads export of the whole store, the time of a no-change incremental build, and the
time of the first and the second saved query (`letters`) on the store after the build
(the first one reads a store folder no query has read yet).
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import platform
import resource
import shutil
import sys
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def snapshot_project(workdir: Path) -> None:
    """Freeze ontology/, shapes/ and queries/ for the run (NATOKG_HOME): on a shared
    checkout someone editing the ontology mid-run would change the pipeline fingerprint
    and make the incremental build map every letter again."""
    snapshot = workdir / "natokg-home"
    shutil.rmtree(snapshot, ignore_errors=True)
    for name in ("ontology", "shapes", "queries"):
        if (HERE.parent / name).is_dir():
            shutil.copytree(HERE.parent / name, snapshot / name)
    os.environ["NATOKG_HOME"] = str(snapshot)


if __name__ == "__main__":
    _workdir = next((Path(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--workdir=")), HERE / "out")
    snapshot_project(_workdir)

from generate_letters import generate  # noqa: E402

from natokg.store.build import build  # noqa: E402
from natokg.store.export import export  # noqa: E402
from natokg.store.layout import open_store  # noqa: E402
from natokg.sparql import run_query  # noqa: E402


class RssSampler(threading.Thread):
    """Peak of (this process + all its children) resident memory, sampled."""

    def __init__(self, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak = 0
        self.running = True
        self.stage = "map+validate+load"  # set from the build's progress events
        self.own_peak_by_stage: dict[str, int] = {}  # the build process alone, per stage

    def progress(self, event) -> None:
        if event.stage == "stage":
            self.stage = event.status
        elif event.stage == "done":
            self.stage = "after the build"

    def run(self) -> None:
        me = psutil.Process()
        while self.running:
            try:
                own = me.memory_info().rss
                total = own
                for child in me.children(recursive=True):
                    try:
                        total += child.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
                self.own_peak_by_stage[self.stage] = max(self.own_peak_by_stage.get(self.stage, 0), own)
            except psutil.Error:
                pass
            time.sleep(self.interval)

    def stop(self) -> int:
        self.running = False
        self.join()
        return self.peak


def directory_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def machine() -> str:
    load = os.getloadavg()
    return (
        f"{os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB RAM, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}, "
        f"load average before the run {load[0]:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--workdir", type=Path, default=HERE / "out", help="pass as --workdir=DIR")
    parser.add_argument("--no-record", action="store_true", help="do not append to RESULTS.md")
    parser.add_argument("--note", default="", help="a note for RESULTS.md (e.g. other load on the machine)")
    args = parser.parse_args()

    corpus = args.workdir / f"letters-{args.count}-{args.seed}"
    store_dir = args.workdir / f"store-{args.count}-{args.seed}"
    if not corpus.is_dir() or len(list(corpus.glob("*.txt"))) != args.count:
        shutil.rmtree(corpus, ignore_errors=True)
        generate(corpus, args.count, args.seed)
    shutil.rmtree(store_dir, ignore_errors=True)
    about = machine()

    sampler = RssSampler()
    sampler.start()
    started = time.perf_counter()
    summary = build(corpus, store_dir, jobs=args.jobs, rebuild=True, progress=sampler.progress)
    wall = time.perf_counter() - started
    peak = sampler.stop()
    own_max = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    child_max = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024

    print(f"first build: {wall:.1f} s, {summary.letters_seen / wall:.1f} letters/s, {summary.seconds}", flush=True)
    started = time.perf_counter()
    again = build(corpus, store_dir, jobs=args.jobs)
    incremental = time.perf_counter() - started

    queries = []
    for _ in range(2):
        started = time.perf_counter()
        run_query("letters", store_path=store_dir)
        queries.append(time.perf_counter() - started)

    store = open_store(store_dir, read_only=True)
    sink = io.BytesIO()
    started = time.perf_counter()
    export(store, "nquads", out=sink, store_dir=store_dir)
    export_seconds = time.perf_counter() - started
    del store
    size = directory_size(store_dir)

    s = summary.seconds
    lines = [
        f"### {datetime.date.today().isoformat()}: {args.count} letters, jobs={args.jobs or os.cpu_count()}",
        "",
        f"- machine: {about}",
        f"- letters: {summary.letters_seen} seen, {summary.letters_loaded} loaded, "
        f"{len(summary.skipped)} skipped, {summary.violations} violations; {summary.triples} quads",
        f"- end to end: {wall:.1f} s, **{summary.letters_seen / wall:.1f} letters/s**",
        f"- stages (s): map (read+segment+extract+map, CPU summed over workers) {s['map']:.1f}, "
        f"validate (compiled shapes in workers, CPU summed) {s['validate']:.1f}, serialise {s['serialise']:.1f}, "
        f"load {s['load']:.1f}, entities {s['entities']:.1f}, cross-letter {s['cross-letter']:.1f}, "
        f"dataset description {s['dataset']:.1f}, union copy {s['union']:.1f}, commit {s['commit']:.1f}",
        f"- peak RSS, build + workers (sampled): {peak / 2**20:.0f} MiB; high-water marks: build "
        f"{own_max / 2**20:.0f} MiB, largest worker {child_max / 2**20:.0f} MiB",
        "- build process RSS peak per stage (sampled): "
        + ", ".join(f"{stage} {rss / 2**20:.0f} MiB" for stage, rss in sampler.own_peak_by_stage.items()),
        f"- store on disk: {size / 2**20:.1f} MiB",
        f"- sorted N-Quads export of the whole store: {export_seconds:.2f} s ({len(sink.getvalue()) / 2**20:.1f} MiB)",
        f"- incremental build, nothing changed: {incremental:.2f} s ({again.letters_unchanged} unchanged)",
        f"- saved query `letters` after the build: first {queries[0]:.2f} s, second {queries[1]:.2f} s",
    ]
    if summary.skipped:
        reasons: dict[str, int] = {}
        for item in summary.skipped:
            reasons[item.reason.split(" (")[0]] = reasons.get(item.reason.split(" (")[0], 0) + 1
        lines.append("- skipped: " + "; ".join(f"{n} x {r}" for r, n in sorted(reasons.items())))
    if args.note:
        lines.append(f"- note: {args.note}")
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_record:
        results = HERE / "RESULTS.md"
        with open(results, "a", encoding="utf-8") as handle:
            handle.write("\n" + text)


if __name__ == "__main__":
    main()
