"""One document's file and its provenance sidecar, written atomically.

The file is streamed to a hidden temporary name in the output folder and renamed when
complete, then the sidecar is written the same way: an interrupted run leaves the old
file or none, never half of one, and a file without its sidecar is fetched again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import requests

from natokg.errors import UnreadableLetterError
from natokg.fetch.http import HttpStatusError, PoliteSession
from natokg.fetch.records import CONTENT_SUFFIXES, ApiDocument, FetchOutcome
from natokg.read.sidecar import LetterSidecar, OfficialUrls, sidecar_path
from natokg.store.layout import write_atomically

CHUNK = 1 << 16


def _file_sha256(path: Path) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def up_to_date(document: ApiDocument, out: Path, problems: list[str] | None = None) -> Path | None:
    """The letter file already fetched for this version of the document, or None.

    Fetched means: a sidecar of the same API version names a file beside it whose
    sha256 is the one the sidecar recorded. A sidecar natokg cannot read (corrupt, or
    of another format version) means fetching again; what was wrong with it is added
    to ``problems``."""
    sidecar_file = sidecar_path(out / document.document_number)  # one for every file type
    try:
        sidecar = LetterSidecar.from_json(sidecar_file.read_text(encoding="utf-8"), sidecar_file)
    except OSError:
        return None  # no sidecar: never fetched
    except (UnreadableLetterError, UnicodeDecodeError) as error:
        if problems is not None:  # the message's own advice (fetch again) is what happens next
            reason = error.message.partition(";")[0] if isinstance(error, UnreadableLetterError) else "not UTF-8 text"
            problems.append(f"{sidecar_file.name}: {reason}: the document is due to be fetched again, with a new sidecar")
        return None
    path = out / Path(sidecar.file_name).name  # a file beside the sidecar, never elsewhere
    fetched = path.name == sidecar.file_name and path.stem == document.document_number and path.suffix in CONTENT_SUFFIXES.values()
    if fetched and sidecar.version == document.version and _file_sha256(path) == sidecar.sha256:
        return path
    return None


def _atomic_write(target: Path, chunks, on_bytes: Callable[[int], None]) -> tuple[str, int]:
    """Write the chunks to ``target`` through a temporary file; (sha256, size)."""
    digest = hashlib.sha256()
    size = 0
    handle = tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False)
    try:
        with handle:
            for chunk in chunks:
                handle.write(chunk)
                digest.update(chunk)
                size += len(chunk)
                on_bytes(len(chunk))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return digest.hexdigest(), size


def sidecar_for(document: ApiDocument, path: Path, sha256: str) -> LetterSidecar:
    return LetterSidecar(
        api_id=document.api_id,
        document_number=document.document_number,
        soort=document.soort,
        title=document.title,
        subject=document.subject,
        date=document.date.isoformat() if document.date else None,
        vergaderjaar=document.vergaderjaar,
        dossier=document.dossier,
        kamerstuk=document.kamerstuk,
        version=document.version,
        file_name=path.name,
        sha256=sha256,
        retrieved=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        urls=OfficialUrls(
            api_resource=document.resource_url,
            api_document=document.document_url,
            tweedekamer=document.tweedekamer_url,
            officielebekendmakingen=document.officielebekendmakingen_url,
        ),
        annex_of=document.annex_of,
        annexes=tuple(n for n in document.annex_numbers if n),
    )


def download(
    session: PoliteSession, document: ApiDocument, out: Path, on_bytes: Callable[[int], None]
) -> FetchOutcome:
    """Fetch one document's file and write its sidecar; a failure is an outcome, not an error."""
    try:
        response = session.get(document.resource_url, stream=True)
    except HttpStatusError as error:
        return FetchOutcome(document, "failed", reason=f"HTTP {error.status}")
    with response:
        if response.status_code != 200:
            return FetchOutcome(document, "failed", reason=f"HTTP {response.status_code}")
        content_type = response.headers.get("Content-Type", "") or document.content_type
        suffix = CONTENT_SUFFIXES.get(content_type.split(";")[0].strip().lower()) or document.suffix
        if suffix is None:
            return FetchOutcome(document, "failed", reason=f"unsupported file type {content_type or '(none)'}")
        path = out / f"{document.document_number}{suffix}"
        try:
            sha256, size = _atomic_write(path, response.iter_content(CHUNK), on_bytes)
        except OSError as error:
            return FetchOutcome(document, "failed", reason=f"cannot write {path.name} ({error.strerror or error})")
        except requests.RequestException as error:  # the connection broke off mid-file
            return FetchOutcome(document, "failed", reason=f"download broke off ({type(error).__name__})")
    sidecar = sidecar_for(document, path, sha256)
    try:
        write_atomically(sidecar_path(path), sidecar.to_json().encode("utf-8"))
    except OSError as error:  # the letter without its sidecar is fetched again next time
        return FetchOutcome(document, "failed", reason=f"cannot write {sidecar_path(path).name} ({error.strerror or error})")
    return FetchOutcome(document, "fetched", path=path, size=size)


__all__ = ["download", "sidecar_for", "up_to_date"]
