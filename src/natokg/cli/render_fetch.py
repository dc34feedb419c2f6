"""``natokg fetch`` on the terminal: the progress bar, the dry-run listing, the summary table."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator


@contextmanager
def fetch_progress(console, *, disable: bool) -> Iterator:
    """A progress bar of documents and bytes while the block runs; yields the
    natokg.fetch.FetchProgress that feeds it."""
    from natokg.cli.render_build import progress_bar
    from natokg.fetch import FetchProgress

    with progress_bar(console, disable=disable, counter="{task.fields[bytes]}") as bar:
        task = bar.add_task("listing", total=None, bytes="")
        received = [0]

        def on_selected(documents) -> None:
            bar.update(task, description="fetching", total=len(documents), completed=0)

        def on_bytes(count: int) -> None:
            received[0] += count
            bar.update(task, bytes=_size(received[0]))

        def on_outcome(outcome) -> None:
            bar.advance(task)

        yield FetchProgress(on_selected=on_selected, on_bytes=on_bytes, on_outcome=on_outcome)


def _size(count: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return ""


def dry_run_table(summary):
    """What a run would fetch: date, document number, soort, Kamerstuk, title."""
    from rich.table import Table

    table = Table(title=f"would fetch {summary.count('planned')} of {summary.selected} selected documents")
    for column in ("date", "document", "soort", "kamerstuk", "annex of", "title"):
        table.add_column(column)
    for outcome in summary.outcomes:
        if outcome.status != "planned":
            continue
        d = outcome.document
        table.add_row(
            d.date.isoformat() if d.date else "", d.document_number, d.soort, d.kamerstuk or "", d.annex_of or "", d.own_title
        )
    return table


def fetch_summary_table(summary):
    """Found, fetched, skipped and failed (with reasons) as a rich table."""
    from rich.table import Table

    table = Table(title="natokg fetch", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents in the dossier", str(summary.listed))
    table.add_row("selected", str(summary.selected))
    table.add_row("fetched", f"{summary.count('fetched')} ({_size(summary.bytes_fetched)})")
    table.add_row("skipped (already fetched)", str(summary.count("skipped")))
    table.add_row("failed", str(summary.count("failed")))
    table.add_row("requests to the API", str(summary.requests))
    return table


def fetch_findings(summary) -> list[str]:
    """One line per failed document and per note of the run."""
    lines = [f"failed: {o.document.document_number}: {o.reason}" for o in summary.failed]
    return lines + [f"note: {note}" for note in summary.notes]


__all__ = ["dry_run_table", "fetch_findings", "fetch_progress", "fetch_summary_table"]
