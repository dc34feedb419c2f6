"""Snapshot what `natokg map --format nquads` prints for every letter, and compare snapshots.

A structural change to the code must not change a single byte of what a letter maps to,
nor how a letter that cannot be mapped fails. Take a snapshot before the change and
compare after it:

    python benchmarks/map_snapshot.py take /tmp/before corpus/letters ../shared/devset/letters
    python benchmarks/map_snapshot.py compare /tmp/before /tmp/after

Each letter gives three files in the snapshot folder: ``NAME.nq`` (stdout), ``NAME.err``
(stderr) and ``NAME.rc`` (the exit code). The command runs in-process through typer's
CliRunner, exactly as the CLI runs it.
"""

from __future__ import annotations

import argparse
import filecmp
import sys
from pathlib import Path

SUFFIXES = {".txt", ".pdf", ".docx", ".html", ".htm", ".xml"}


def take(out: Path, folders: list[Path]) -> int:
    from typer.testing import CliRunner

    from natokg.cli import app

    runner = CliRunner()
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for folder in folders:
        for letter in sorted(folder.iterdir()):
            if letter.suffix.lower() not in SUFFIXES:
                continue
            result = runner.invoke(app, ["map", str(letter), "--format", "nquads"])
            stem = f"{folder.name}__{letter.name}"
            (out / f"{stem}.nq").write_text(result.stdout)
            (out / f"{stem}.err").write_text(result.stderr)
            (out / f"{stem}.rc").write_text(f"{result.exit_code}\n")
            count += 1
    print(f"{count} letters mapped into {out}")
    return 0


def compare(before: Path, after: Path) -> int:
    names = sorted({p.name for p in before.iterdir()} | {p.name for p in after.iterdir()})
    differing = [n for n in names if not (before / n).exists() or not (after / n).exists()
                 or not filecmp.cmp(before / n, after / n, shallow=False)]
    for name in differing:
        print(f"differs: {name}")
    print(f"{len(names)} files compared, {len(differing)} differ")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    take_parser = sub.add_parser("take")
    take_parser.add_argument("out", type=Path)
    take_parser.add_argument("folders", type=Path, nargs="+")
    compare_parser = sub.add_parser("compare")
    compare_parser.add_argument("before", type=Path)
    compare_parser.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "take":
        return take(args.out, args.folders)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
