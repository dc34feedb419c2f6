"""CPU seconds of each stage of `natokg map` on one very long letter, in this process:
read, segment, extract, map, serialise (the spaCy pipelines and the lexicon are loaded
first and not counted). Each stage's figure is the least of ``--repeat`` runs, because
a shared machine's speed drifts.

    python benchmarks/bench_long_stages.py FILE [FILE ...] [--repeat 2]
    python benchmarks/bench_long_stages.py --size 4000000

Without a file the letter is made as bench_long_letter.py makes it (real letters
repeated to ``--size`` characters). NATOKG_MAX_LETTER_CHARS is raised to read it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_long_letter import long_text  # noqa: E402


def stage_seconds(path: Path, repeat: int) -> dict[str, float]:
    from natokg.extract import extract_letter
    from natokg.rdf.mapping import map_records
    from natokg.read.reader import read_letter
    from natokg.text.segment import segment

    best: dict[str, float] = {}

    def timed(name, run, *args):
        start = time.process_time()
        result = run(*args)
        best[name] = min(best.get(name, float("inf")), time.process_time() - start)
        return result

    for _ in range(repeat):
        doc = timed("read", read_letter, path)
        seg = timed("segment", segment, doc)
        records = timed("extract", extract_letter, seg)
        graph = timed("map", map_records, records, doc)
        timed("serialise", graph.serialize, "nquads")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--size", type=int, default=4_000_000, help="characters of the made letter")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    os.environ["NATOKG_MAX_LETTER_CHARS"] = "50000000"
    from natokg.knowledge.lexicon import load_lexicon
    from natokg.text.segment import sentence_tokenizer
    from natokg.text.spacy_nl import dutch_pipeline

    dutch_pipeline(), sentence_tokenizer(), load_lexicon()
    with tempfile.TemporaryDirectory() as tmp:
        files = args.files
        if not files:
            files = [Path(tmp) / "long.txt"]
            files[0].write_text(long_text(args.size), encoding="utf-8")
        for path in files:
            best = stage_seconds(path, args.repeat)
            figures = ", ".join(f"{name} {seconds:.2f}" for name, seconds in best.items())
            size = path.stat().st_size / 1e6
            print(f"{path.name} ({size:.1f} MB): {figures}; read+segment+extract "
                  f"{best['read'] + best['segment'] + best['extract']:.2f} CPU s")


if __name__ == "__main__":
    main()
