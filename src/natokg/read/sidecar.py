"""The provenance sidecar beside a fetched letter: what the Tweede Kamer API says of it.

``natokg fetch`` writes ``2024D50160.json`` beside ``2024D50160.docx``; the build reads
it back here. The API is more reliable than text extraction for a letter's official
identifiers, date, title and annex relation, so the mapper takes those from the sidecar
(natokg.rdf.provenance). The format is defined once, by :class:`LetterSidecar`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from pathlib import Path

from natokg.errors import UnreadableLetterError

SIDECAR_SUFFIX = ".json"
SIDECAR_FORMAT_NAME = "natokg-sidecar/"  # + the format version
SIDECAR_FORMAT = SIDECAR_FORMAT_NAME + "1"


@dataclass(frozen=True)
class OfficialUrls:
    api_resource: str  # the file as the API serves it
    api_document: str  # the API's record of the document
    tweedekamer: str  # the document's page on tweedekamer.nl
    officielebekendmakingen: str | None = None  # only for a numbered Kamerstuk


@dataclass(frozen=True)
class LetterSidecar:
    """One fetched document as the API describes it."""

    api_id: str  # the API's GUID
    document_number: str  # "2024D50160"
    soort: str  # "Brief regering", "Bijlage"
    title: str
    subject: str
    date: str | None  # ISO date of the document
    vergaderjaar: str  # "2024-2025"
    dossier: str | None  # "28676"
    kamerstuk: str | None  # "28676-462": dossier and volgnummer
    version: str  # the API's GewijzigdOp: a changed document gets a new one
    file_name: str
    sha256: str
    retrieved: str  # ISO timestamp (UTC)
    urls: OfficialUrls
    annex_of: str | None = None  # the document number of the letter this is an annex of
    annexes: tuple[str, ...] = field(default_factory=tuple)  # document numbers of its annexes
    format: str = SIDECAR_FORMAT

    @property
    def letter_title(self) -> str:
        """The letter's own title: the API's subject ("Onderwerp"; its "Titel" of a
        Kamerstuk is the dossier's title, "NAVO"), else its title."""
        return self.subject or self.title

    @property
    def letter_date(self) -> date | None:
        return date.fromisoformat(self.date) if self.date else None

    def to_json(self) -> str:
        data = asdict(self)
        data["annexes"] = list(self.annexes)
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str, path: Path | None = None) -> LetterSidecar:
        try:
            data = json.loads(text)
            if data.get("format") != SIDECAR_FORMAT:
                raise ValueError(
                    f"format {data.get('format')!r} is not {SIDECAR_FORMAT}, the one this natokg version reads"
                )
            known = {f.name for f in fields(cls)}
            values = {key: value for key, value in data.items() if key in known}
            values["urls"] = OfficialUrls(**data["urls"])
            values["annexes"] = tuple(data.get("annexes") or ())
            sidecar = cls(**values)
            sidecar.letter_date  # a malformed date fails here, not in the mapper
            return sidecar
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise UnreadableLetterError(
                f"not a natokg provenance sidecar ({error}); fetch the letter again with natokg fetch "
                "or delete the sidecar",
                path=path,
            ) from None


def sidecar_path(letter_path: Path) -> Path:
    """``2024D50160.json`` beside ``2024D50160.docx``."""
    return Path(letter_path).with_suffix(SIDECAR_SUFFIX)


def read_sidecar(letter_path: Path, sha256: str | None = None) -> LetterSidecar | None:
    """The sidecar of a letter file, or None when the letter was placed by hand.

    A sidecar whose checksum is not the letter file's describes another version of the
    file (the letter was replaced by hand): it is ignored, so that it never lends the
    official identifiers to a text they do not belong to. A natokg sidecar that cannot be
    read, or is of another format version, raises UnreadableLetterError (fetch again)."""
    path = sidecar_path(letter_path)
    if Path(letter_path).suffix.lower() == SIDECAR_SUFFIX or not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableLetterError(f"cannot read the provenance sidecar ({error}); fetch the letter again", path=path) from None
    if f'"{SIDECAR_FORMAT_NAME}' not in text:
        return None  # a JSON file of the user's own that happens to share the letter's name
    # a sidecar of another format version fails here as a corrupt one does, saying to fetch again
    sidecar = LetterSidecar.from_json(text, path)
    if sidecar.file_name != Path(letter_path).name or (sha256 is not None and sidecar.sha256 != sha256):
        return None
    return sidecar


__all__ = ["LetterSidecar", "OfficialUrls", "SIDECAR_FORMAT", "SIDECAR_FORMAT_NAME", "SIDECAR_SUFFIX", "read_sidecar", "sidecar_path"]
