"""A fetch run: list the dossier, choose the meeting letters, download what is new."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from natokg.errors import BadInputError
from natokg.fetch.api import list_documents
from natokg.fetch.download import download, up_to_date
from natokg.fetch.http import PoliteSession
from natokg.fetch.records import ApiDocument, FetchOptions, FetchOutcome, FetchSummary
from natokg.fetch.selection import load_selection


@dataclass
class FetchProgress:
    """Callbacks the caller (the CLI's progress bar) gets; the library never prints."""

    on_selected: Callable[[list[ApiDocument]], None] = lambda documents: None
    on_bytes: Callable[[int], None] = lambda count: None
    on_outcome: Callable[[FetchOutcome], None] = lambda outcome: None


def _out_folder(out: Path, dry_run: bool) -> Path:
    if dry_run:
        return out
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BadInputError(f"cannot create the output folder ({error.strerror}); pass another --out", path=out) from None
    return out


def fetch_documents(
    options: FetchOptions, progress: FetchProgress | None = None, *, session: PoliteSession | None = None
) -> FetchSummary:
    """Fetch the selected documents of ``options.dossier`` (else the selection's default
    dossier) into ``options.out``.

    Raises FetchError when the API cannot be reached or its listing fails; a document
    whose file cannot be fetched is a failed outcome in the summary."""
    progress = progress or FetchProgress()
    out = _out_folder(Path(options.out), options.dry_run)
    session = session or PoliteSession(
        delay=options.delay, retries=options.retries, backoff=options.backoff, timeout=options.timeout
    )
    summary = FetchSummary()
    try:
        selection = load_selection()
        dossier = options.dossier or selection.default_dossier
        documents, summary.notes = list_documents(session, options.api_root, dossier, options.since, options.until)
        chosen = selection.choose(documents, take_all=options.take_all)
        summary.listed, summary.selected = len(documents), len(chosen)
        progress.on_selected(chosen)
        for document in chosen:
            outcome = _fetch_one(session, document, out, options.dry_run, progress, summary.notes)
            summary.outcomes.append(outcome)
            progress.on_outcome(outcome)
    finally:
        summary.requests = session.requests
        session.close()
    return summary


def _fetch_one(
    session: PoliteSession, document: ApiDocument, out: Path, dry_run: bool, progress: FetchProgress,
    notes: list[str],
) -> FetchOutcome:
    if not document.document_number:
        return FetchOutcome(document, "failed", reason="the API gives no document number")
    existing = up_to_date(document, out, notes)
    if existing is not None:
        return FetchOutcome(document, "skipped", path=existing, reason="already fetched, same version and checksum")
    if dry_run:
        return FetchOutcome(document, "planned")
    return download(session, document, out, progress.on_bytes)


__all__ = ["FetchProgress", "fetch_documents"]
