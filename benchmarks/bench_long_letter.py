"""How a very long letter is handled: the normaliser's time against the text length,
what reading a 10 MB letter file costs with the default limit (refused) and with the
limit raised (read and normalised), and the whole `natokg map --format nquads` of it
both ways, in a child process (wall and CPU seconds, with the load average before); and
the map of a 10 MB HTML file whose text is just within the default limit (the markup
makes up the rest), the slowest a file of that size maps without raising the limit.

    python benchmarks/bench_long_letter.py [--sizes 250000,1000000,4000000] [--big 10000000] [--no-map]

The text is real letters from corpus/letters, repeated, with every tenth line ending in
a hyphenated word (the case that made the normaliser quadratic: each line-end hyphen
looked the word up in the whole text). The time per million characters should stay
flat as the size grows.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def long_text(size: int) -> str:
    letters = sorted((ROOT / "corpus" / "letters").glob("*.txt"))[:10]
    lines = "\n".join(path.read_text(encoding="utf-8") for path in letters).splitlines()
    hyphenated = [re.sub(r"(\w{4,})(\w{4,})$", r"\1-\n\2", line, count=1) if i % 10 == 0 else line
                  for i, line in enumerate(lines)]
    base = "\n".join(hyphenated) + "\n"
    return (base * (size // len(base) + 1))[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250000,1000000,4000000")
    parser.add_argument("--big", type=int, default=10_000_000)
    parser.add_argument("--no-map", action="store_true", help="skip the whole `natokg map` runs")
    args = parser.parse_args()

    from natokg.errors import UnreadableLetterError
    from natokg.read.limits import MAX_LETTER_CHARS_ENV
    from natokg.read.reader import normalise, read_letter

    # CPU seconds beside wall seconds: on a shared machine the wall clock says how busy it is
    print("normalise: characters, seconds, CPU seconds, CPU seconds per million characters")
    for size in (int(s) for s in args.sizes.split(",")):
        text = long_text(size)
        started, cpu = time.perf_counter(), time.process_time()
        normalise(text)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"  {size:>10}  {seconds:7.2f}  {cpu:7.2f}  {cpu / size * 1e6:6.2f}")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_text(long_text(args.big), encoding="utf-8")
        os.environ.pop(MAX_LETTER_CHARS_ENV, None)
        started, cpu = time.perf_counter(), time.process_time()
        try:
            read_letter(path)
            outcome = "read"
        except UnreadableLetterError as error:
            outcome = f"refused: {error.message}"
        print(f"read_letter, {args.big} characters, default limit: {time.perf_counter() - started:.2f} s "
              f"({time.process_time() - cpu:.2f} s CPU), {outcome}")
        os.environ[MAX_LETTER_CHARS_ENV] = str(args.big * 2)
        started, cpu = time.perf_counter(), time.process_time()
        document = read_letter(path)
        print(f"read_letter, {args.big} characters, limit raised: {time.perf_counter() - started:.2f} s "
              f"({time.process_time() - cpu:.2f} s CPU), {len(document.text)} characters of text")
        if not args.no_map:
            os.environ.pop(MAX_LETTER_CHARS_ENV)
            time_map(path, None)
            time_map(path, args.big * 2)
            page = Path(folder) / "long.html"
            page.write_text(page_within_limit(args.big), encoding="utf-8")
            print(f"{page.stat().st_size} bytes of HTML:", end=" ")
            time_map(page, None)


def page_within_limit(size: int) -> str:
    """An HTML letter of about ``size`` bytes whose text is 98 % of the default limit on
    a letter's text: each word in as many styled spans as it takes to reach the size."""
    from natokg.read.limits import DEFAULT_MAX_LETTER_CHARS

    text = long_text(DEFAULT_MAX_LETTER_CHARS * 98 // 100)
    words = sum(len(paragraph.split()) for paragraph in text.split("\n\n"))
    span = '<span class="w">'
    depth = max(1, round((size - len(text)) / (words * (len(span) + len("</span>")))))
    opening, closing = span * depth, "</span>" * depth
    paragraphs = ("<p>" + " ".join(opening + html.escape(w) + closing for w in paragraph.split()) + "</p>"
                  for paragraph in text.split("\n\n"))
    head = '<html><head><meta charset="utf-8"><title>Verslag</title></head><body>\n'
    return head + "\n".join(paragraphs) + "\n</body></html>\n"


def run_map(path: Path, env: dict[str, str]) -> tuple[subprocess.CompletedProcess, float, float, float]:
    """`natokg map --format nquads` of ``path`` in a child process with ``env``: the
    result, wall seconds, CPU seconds and the load average before."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "natokg", "map", str(path), "--format", "nquads"],
                            env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result, wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, load


def time_map(path: Path, limit: int | None) -> None:
    """`natokg map --format nquads` of ``path`` in a child process, the limit raised to
    ``limit`` (None: the default)."""
    from natokg.read.limits import MAX_LETTER_CHARS_ENV

    env = dict(os.environ)
    if limit is not None:
        env[MAX_LETTER_CHARS_ENV] = str(limit)
    result, wall, cpu, load = run_map(path, env)
    print(f"natokg map, {'limit ' + str(limit) if limit else 'default limit'}: {wall:.2f} s wall, "
          f"{cpu:.2f} s CPU, load average before {load:.1f}, exit {result.returncode}, "
          f"{result.stdout.count(chr(10))} quads")


if __name__ == "__main__":
    main()
