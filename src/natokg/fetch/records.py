"""Typed records of natokg.fetch: a document as the API lists it, and what a run did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from natokg.identifiers import TK_API_ROOT as DEFAULT_API_ROOT, kamerstuk_publication_url

TWEEDEKAMER_DOCUMENT = "https://www.tweedekamer.nl/downloads/document?id={number}"
#: The file formats natokg reads, by the content type the API gives a document.
CONTENT_SUFFIXES = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


@dataclass(frozen=True)
class ApiDocument:
    """One document of the Tweede Kamer API (its Document entity, the fields natokg uses)."""

    api_id: str
    document_number: str  # "2024D50160"
    soort: str
    title: str
    subject: str
    date: date | None
    vergaderjaar: str
    version: str  # GewijzigdOp: changes whenever the API changes the document
    content_type: str
    content_length: int | None
    resource_url: str
    document_url: str
    dossier: str | None = None  # "28676", or "28676-X" with a toevoeging
    volgnummer: int | None = None
    annex_ids: tuple[str, ...] = ()  # API ids of its annexes ("Bijlage")
    annex_numbers: tuple[str, ...] = ()
    annex_of: str | None = None  # document number of the letter it is an annex of

    @property
    def kamerstuk(self) -> str | None:
        """"28676-462": the dossier and the document's number in it."""
        if self.dossier is None or self.volgnummer is None:
            return None
        return f"{self.dossier}-{self.volgnummer}"

    @property
    def own_title(self) -> str:
        """The document's own title: its subject (a Kamerstuk's "Titel" is its dossier's)."""
        return self.subject or self.title

    @property
    def suffix(self) -> str | None:
        return CONTENT_SUFFIXES.get(self.content_type.split(";")[0].strip().lower())

    @property
    def tweedekamer_url(self) -> str:
        return TWEEDEKAMER_DOCUMENT.format(number=self.document_number)

    @property
    def officielebekendmakingen_url(self) -> str | None:
        if self.dossier is None or self.volgnummer is None:
            return None
        return str(kamerstuk_publication_url(self.dossier, self.volgnummer))


OutcomeStatus = Literal["fetched", "skipped", "failed", "planned"]


@dataclass(frozen=True)
class FetchOutcome:
    """What happened to one selected document."""

    document: ApiDocument
    status: OutcomeStatus
    path: Path | None = None
    size: int = 0  # bytes downloaded (0 when skipped)
    reason: str = ""  # why it failed or was skipped


@dataclass(frozen=True)
class FetchOptions:
    dossier: str | None = None  # None: the default dossier of ontology/reference/document-selection.ttl
    since: date | None = None
    until: date | None = None  # inclusive
    out: Path = Path("corpus/letters")
    take_all: bool = False
    dry_run: bool = False
    api_root: str = DEFAULT_API_ROOT
    delay: float = 1.0  # seconds between two requests
    retries: int = 4
    backoff: float = 2.0  # seconds before the first retry; doubles with each retry
    timeout: float = 60.0


@dataclass
class FetchSummary:
    """A fetch run: how many documents the dossier listed, and each selected one's outcome."""

    listed: int = 0
    selected: int = 0
    requests: int = 0
    outcomes: list[FetchOutcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the run could not do (annex relations) or redid (sidecars)

    def count(self, status: OutcomeStatus) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def bytes_fetched(self) -> int:
        return sum(outcome.size for outcome in self.outcomes)

    @property
    def failed(self) -> list[FetchOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]


__all__ = ["ApiDocument", "CONTENT_SUFFIXES", "DEFAULT_API_ROOT", "FetchOptions", "FetchOutcome", "FetchSummary", "OutcomeStatus"]
