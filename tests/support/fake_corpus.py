"""Small fake letters in a fixed line format, mapped through the real mapper
(natokg.rdf.mapping.map_records), so build, dataset and export tests get graphs of the
real shape (a letter node, a meeting in the entities graph, evidence offsets) without
the extractor.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from natokg.errors import UnreadableLetterError
from natokg.namespaces import iri
from natokg.rdf.mapping import map_records
from natokg.records import (
    ActorRef,
    Commitment,
    Letter,
    LetterRecords,
    Meeting,
    MeetingRef,
    SourceDocument,
)
from natokg.validation import LetterValidator
from natokg.store.build import build


def fake_letter_text(number: int, *, meeting: str = "foreign-ministers 2026-05-21 helsingborg",
                     amount: str = "2") -> str:
    """A tiny letter in a fixed line format the fake mapper understands."""
    return (
        f"Onze referentie FK{number:05d}\n"
        f"Datum 2026-06-{1 + number % 28:02d}\n"
        f"Vergadering {meeting}\n"
        f"Toezegging nl {amount} 2035\n"
    )


def _line(raw: str, label: str) -> tuple[str, int, int]:
    start = raw.index(label) + len(label) + 1
    end = raw.index("\n", start)
    return raw[start:end], start, end


def fake_map_letter(path: Path):
    """Fake letters -> LetterGraphs through the real mapper; errors like the real reader."""
    from natokg.records import Evidence

    data = Path(path).read_bytes()
    if not data.strip() or b"\x00" in data:
        raise UnreadableLetterError("empty or binary file; give a text, PDF or DOCX letter", path=path)
    raw = data.decode("utf-8")
    if raw.startswith("SLEEP"):
        time.sleep(float(raw.split()[1]))
        raw = raw.split("\n", 1)[1]
    reference, *_ = _line(raw, "Onze referentie")
    letter_date, *_ = _line(raw, "Datum")
    meeting_text, m_start, m_end = _line(raw, "Vergadering")
    kind, start, city = meeting_text.split()
    pledge, c_start, c_end = _line(raw, "Toezegging")
    state, amount, year = pledge.split()
    ref = MeetingRef(kind=kind, start=date.fromisoformat(start), city=city)
    sha = hashlib.sha256(data).hexdigest()
    letter = Letter(
        key=reference.lower(),
        kind="report",
        sha256=sha,
        source_file=Path(path).name,
        date=None if letter_date == "none" else date.fromisoformat(letter_date),
        reference=reference,
        title="Verslag",
    )
    records = LetterRecords(
        letter=letter,
        meetings=[Meeting(ref=ref, role="main", name="NAVO-top", evidence=[Evidence(m_start, m_end, meeting_text)])],
        commitments=[
            Commitment(
                actor=ActorRef("state", state),
                kind="spending-target",
                status="agreed",
                evidence=[Evidence(c_start, c_end, pledge)],
                amount=Decimal(amount),
                unit="percent-gdp",
                target_year=int(year),
                made_at=ref,
            )
        ],
    )
    document = SourceDocument(
        path=Path(path), raw=raw, text=raw, offsets=tuple(range(len(raw) + 1)), sha256=sha, media_type="text/plain"
    )
    return map_records(records, document)


@dataclass
class FakeReport:
    conforms: bool
    results: list


@dataclass(frozen=True)
class FakeResult:
    focus: str
    path: str | None
    value: str | None
    constraint: str
    severity: str
    message: str


def fake_validator(graph):
    """Every letter needs a dcterms:date (the real shapes demand it too)."""
    from rdflib.namespace import DCTERMS, RDF

    from natokg.namespaces import NKG

    results = [
        FakeResult(str(letter), str(DCTERMS.date), None, "sh:MinCountConstraintComponent", "Violation",
                   "a letter needs a date")
        for letter in graph.subjects(RDF.type, NKG.MeetingReport)
        if graph.value(letter, DCTERMS.date) is None
    ]
    return FakeReport(conforms=not results, results=results)


def write_fake_corpus(directory: Path, count: int) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (directory / f"{number:03d}_fake.txt").write_text(fake_letter_text(number), encoding="utf-8")
    return directory


def fake_build(corpus: Path, store: Path, **options):
    options.setdefault("mapper", fake_map_letter)
    options.setdefault("validator", LetterValidator(fake_validator))
    options.setdefault("jobs", 1)
    return build(corpus, store, **options)


def letter_graph(number: int) -> str:
    return str(iri("graph", f"fk{number:05d}"))
