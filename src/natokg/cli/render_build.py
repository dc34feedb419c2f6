"""``natokg build`` on the terminal: the progress bar, the skipped letters, the summary table."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator


def progress_bar(console, *, disable: bool, counter: str):
    """The transient rich bar of a long command: description, bar, done of total, the
    ``counter`` column (a template over the task's fields) and the time elapsed."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("[bold]{task.description}[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(counter),
        TimeElapsedColumn(),
        console=console,
        disable=disable,
        transient=True,
    )


@contextmanager
def build_progress(console, *, disable: bool) -> Iterator[Callable]:
    """A progress bar on ``console`` while the block runs; yields the build's ``progress``
    callback (natokg.store.build.BuildEvent in, bar updates out)."""
    with progress_bar(console, disable=disable, counter="{task.fields[rate]:.1f} letters/s") as bar:
        task = bar.add_task("mapping", total=None, rate=0.0)

        def on_event(event) -> None:
            if event.stage in ("start", "letter"):
                bar.update(task, total=event.total or None, completed=event.done, rate=event.letters_per_second)
            elif event.stage == "stage":  # after the letters: loading, entities, pairing, ...
                bar.update(task, description=event.status)

        yield on_event


def build_findings(summary) -> list[str]:
    """One line per skipped letter (with its first ten violations), per warning about a
    letter, and per finding of a cross-letter step."""
    lines = []
    for skipped in summary.skipped:
        lines.append(f"skipped: {skipped.file}: {skipped.reason}")
        lines += [f"  {violation}" for violation in skipped.violations[:10]]
    lines += [f"warning: {item.file}: {item.warning}" for item in summary.warnings]
    for step in summary.steps:
        lines += [f"{step.name}: {finding}" for finding in step.findings]
    return lines


def build_summary_table(summary):
    """The counts and timings of a build (natokg.store.build.BuildSummary) as a rich table."""
    from rich.table import Table

    table = Table(title="natokg build", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("value", justify="right")
    rows = [
        ("store", str(summary.store)),
        ("letters seen", summary.letters_seen),
        ("letters read (new or changed)", summary.letters_read),
        ("letters loaded", summary.letters_loaded),
        ("letters unchanged", summary.letters_unchanged),
        ("letters removed", summary.letters_removed),
        ("letters skipped", len(summary.skipped)),
        ("letters with warnings", len({item.file for item in summary.warnings})),
        ("violations", summary.violations),
        ("quads in store", summary.triples),
        ("letters/s", f"{summary.letters_per_second:.1f}"),
    ]
    rows += [(f"seconds: {stage}", f"{seconds:.2f}") for stage, seconds in summary.seconds.items()]
    for name, value in rows:
        table.add_row(name, str(value))
    return table


__all__ = ["build_findings", "build_progress", "build_summary_table"]
