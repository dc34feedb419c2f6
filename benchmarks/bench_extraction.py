"""Per-stage milliseconds per letter of the extraction pipeline (one process, no validation).

Stages: read (read_letter), segment, extract (extract_letter), map (map_records) and
serialise (the build worker's step: sorted canonical N-Triples of both graphs).

    python benchmarks/bench_extraction.py [LETTER_DIR ...] [--count N] [--seed S] [--repeat R]

Without directories it generates ``--count`` letters with generate_letters.py into a
temporary directory and also times the real letters of corpus/letters.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("read", "segment", "extract", "map", "serialise")


def time_letters(paths: list[Path], repeat: int = 1) -> dict[str, list[float]]:
    """Seconds per stage for every letter (the best of ``repeat`` runs per letter)."""
    from natokg.extract import extract_letter
    from natokg.rdf.mapping import map_records
    from natokg.read.reader import read_letter
    from natokg.store.workers import serialise_letter
    from natokg.text.segment import segment

    # warm the per-process caches (spaCy pipeline, lexicon, matchers) outside the timings
    warm = read_letter(paths[0])
    serialise_letter(map_records(extract_letter(segment(warm)), warm))
    from natokg.errors import NatokgError

    seconds: dict[str, list[float]] = {stage: [] for stage in STAGES}
    for path in paths:
        best: dict[str, float] = {}
        for _ in range(repeat):
            t0 = time.perf_counter()
            try:  # the build skips such letters (empty, no meeting): so does this
                document = read_letter(path)
                t1 = time.perf_counter()
                seg = segment(document)
                t2 = time.perf_counter()
                records = extract_letter(seg)
            except NatokgError:
                break
            t3 = time.perf_counter()
            graphs = map_records(records, document)
            t4 = time.perf_counter()
            serialise_letter(graphs)
            t5 = time.perf_counter()
            for stage, value in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
                best[stage] = min(best.get(stage, value), value)
        for stage in STAGES if best else ():
            seconds[stage].append(best[stage])
    return seconds


def report(label: str, seconds: dict[str, list[float]]) -> str:
    count = len(seconds["read"])
    total = [sum(values) for values in zip(*(seconds[s] for s in STAGES))]
    cells = [f"{statistics.mean(seconds[s]) * 1000:.2f}" for s in STAGES]
    mean_total = statistics.mean(total) * 1000
    return (
        f"| {label} ({count}) | " + " | ".join(cells)
        + f" | {mean_total:.2f} | {1000 / mean_total:.0f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    sets: list[tuple[str, list[Path]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.dirs:
            for directory in args.dirs:
                sets.append((directory.name, sorted(p for p in directory.iterdir() if p.is_file())))
        else:
            generated = Path(tmp) / "letters"
            subprocess.run(
                [sys.executable, str(ROOT / "benchmarks" / "generate_letters.py"),
                 "--count", str(args.count), "--seed", str(args.seed), str(generated)],
                check=True, stdout=subprocess.DEVNULL,
            )
            sets.append(("generated", sorted(generated.glob("*.txt"))))
            sets.append(("corpus", sorted((ROOT / "corpus" / "letters").glob("[0-9]*.txt"))))  # the seed letters
        print("| letters | " + " | ".join(f"{s} ms" for s in STAGES) + " | total ms | letters/s/core |")
        print("|---|" + "---|" * (len(STAGES) + 2))
        for label, paths in sets:
            print(report(label, time_letters(paths, args.repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
