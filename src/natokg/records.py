"""Typed records that pipeline stages pass to each other (docs/architecture.md, "Data flow").

read -> SourceDocument; segment -> SegmentedLetter; extract -> LetterRecords;
map -> rdflib graphs. Stages never pass dicts. Offsets in ``Evidence`` are into
``SourceDocument.raw`` (the file's decoded text or the text layer taken from a
PDF/DOCX/HTML), so that ``raw[start:end] == quote`` always holds.

Controlled values are short slugs; the mapper turns them into the concept IRIs of
ontology/vocabularies.ttl (``id/capacity/ally``, ``id/unit/eur`` ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal

# "other": a text that is not about a NATO meeting (an EU Council report, an OSCE
# agenda, parliamentary questions) but is read all the same
LetterKind = Literal["agenda", "report", "memo", "letter", "other"]
MeetingKind = Literal[
    "summit",
    "foreign-ministers",
    "defence-ministers",
    "council-session",
    "working-session",
    "social-event",
    "forum",
    "external",
]
MeetingRole = Literal["main", "session", "mentioned"]
ActorKind = Literal["state", "organisation", "group", "person"]
Capacity = Literal["ally", "partner", "guest", "host", "participant"]
CommitmentKind = Literal[
    "spending-target", "financial-contribution", "policy-pledge", "capability-pledge"
]
Unit = Literal["percent-gdp", "percent-defence-spending", "eur", "usd"]
CommitmentStatus = Literal["agreed", "announced", "proposed", "intended"]
Modality = Literal["intended", "expressed"]


# ---------------------------------------------------------------- read / segment


#: Separates the running text from the footnote block in ``SourceDocument.text``: the
#: reader moves footnote bodies after it, out of their place in the raw text.
FOOTNOTE_BREAK = "\f"


@dataclass(frozen=True)
class SourceDocument:
    """A letter as read: raw text, normalised text, and the map between them.

    ``offsets[i]`` is the position in ``raw`` of ``text[i]``; ``offsets`` has one extra
    entry, ``len(raw)``-bounded, for the end of the text.
    """

    path: Path
    raw: str
    text: str
    offsets: tuple[int, ...]
    sha256: str
    media_type: str

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of normalised text to the raw span it came from.

        Raises ValueError for an empty span, and for one that crosses into the footnote
        block where the footnotes stood elsewhere in the raw text: no single raw span
        holds it."""
        if end <= start:
            raise ValueError(f"empty span {start}:{end}")
        offsets = self.offsets
        if FOOTNOTE_BREAK in self.text[start:end] and any(
            offsets[i] > offsets[i + 1] for i in range(start, end - 1)
        ):
            raise ValueError(
                f"span {start}:{end} runs into the footnotes, which stand elsewhere in the "
                "raw text; take the parts before and after the footnote break separately"
            )
        return offsets[start], offsets[end - 1] + 1

    def evidence(self, start: int, end: int) -> "Evidence":
        """Evidence for normalised span [start, end): raw offsets and the raw quote."""
        raw_start, raw_end = self.raw_span(start, end)
        return Evidence(raw_start, raw_end, self.raw[raw_start:raw_end])


@dataclass(frozen=True)
class Span:
    """A span of normalised text, with a label (heading text, header field name ...)."""

    start: int
    end: int
    label: str = ""


PartKind = Literal["header", "cover", "body", "signature", "memo", "footnote"]


@dataclass(frozen=True)
class Sentence:
    start: int  # normalised offsets
    end: int
    text: str
    part: PartKind
    heading: str | None = None  # the body heading the sentence stands under


@dataclass(frozen=True)
class HeaderBlock:
    """The cover letter's header fields, as spans of normalised text (None: absent)."""

    date: Span | None = None
    reference: Span | None = None
    title: Span | None = None  # "Betreft"
    addressee: Span | None = None


@dataclass(frozen=True)
class SegmentedLetter:
    doc: SourceDocument
    header: HeaderBlock
    parts: tuple[Span, ...]  # label is the PartKind
    headings: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    footnotes: tuple[Span, ...]
    signature: tuple[Span, ...]  # one span per signature line group (post + name)
    title_line: Span | None = None  # the document title above the body ("VERSLAG ...")

    def memo_alone(self) -> bool:
        """A memo that travels without a letter: no sentence of prose in a cover letter or
        body (a letterhead line at most)."""
        return any(p.label == "memo" for p in self.parts) and not any(
            s.part in ("body", "cover") and s.text.rstrip().endswith((".", "?", "!")) for s in self.sentences
        )

    def stated_parts(self) -> frozenset[str]:
        """The parts whose sentences state the letter's positions and pledges: the cover
        letter and body; a memo that travels alone ("nota" without a letter) states them
        itself, and so does one longer than the letter that offers it (the letter only
        covers it); a shorter one repeats the letter or advises on it (its pledges of
        its own are still read: natokg.extract.commitments)."""
        # prose only: a memo's headings ("Kernpunten", "Geannoteerde agenda NAVO-top") count for nothing
        prose = [s.part for s in self.sentences if s.text.rstrip().endswith((".", "?", "!"))]
        letter = sum(part in ("body", "cover") for part in prose)
        memo = prose.count("memo")
        if not letter and not any(s.part in ("body", "cover") for s in self.sentences):
            return frozenset(("memo",))
        return frozenset(("body", "cover", "memo")) if memo > letter else frozenset(("body", "cover"))


# ---------------------------------------------------------------- extract


@dataclass(frozen=True, order=True)
class Evidence:
    start: int  # raw offsets
    end: int
    quote: str


@dataclass(frozen=True, order=True)
class ActorRef:
    """An actor by kind and key: ('state', 'nl'), ('organisation', 'eu'),
    ('group', 'several-allies'), ('person', 'andrii-sybiha')."""

    kind: ActorKind
    key: str


@dataclass(frozen=True, order=True)
class MeetingRef:
    """A meeting by its identifying content; the IRI is minted from it.

    ``name_key`` distinguishes meetings without a city (a European Council) and the
    sessions of one parent meeting; ``month`` ("2008-02") identifies a meeting a letter
    names by its month alone ("in Vilnius in februari 2008"), when ``start`` is unknown.
    """

    kind: MeetingKind
    start: date | None
    city: str | None  # slug of the English city name
    name_key: str = ""
    parent: "MeetingRef | None" = None
    month: str = ""


@dataclass
class Meeting:
    ref: MeetingRef
    role: MeetingRole
    name: str  # as written in the letter
    end: date | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, lower case
    informal: bool = False
    host: ActorRef | None = None
    precedes: MeetingRef | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True, order=True)
class PostRef:
    office: str  # slug of the office concept: "minister-of-foreign-affairs"
    of: ActorRef  # the state or organisation the post belongs to


@dataclass
class Person:
    key: str  # slug of the full name where known
    name: str  # the fullest form seen
    posts: list[PostRef] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Participation:
    actor: ActorRef
    meeting: MeetingRef
    capacity: Capacity
    evidence: list[Evidence] = field(default_factory=list)
    stated_count: int | None = None  # "alle 32 NAVO-bondgenoten"


@dataclass(frozen=True, order=True)
class KamerstukRef:
    dossier: str  # "28676" (spaces removed); "28676-36045" for joint dossiers
    number: str  # "499", "X-2"
    evidence: Evidence


@dataclass
class Letter:
    key: str  # "bz2628703", or a short content hash
    kind: LetterKind
    sha256: str
    source_file: str
    date: date | None = None
    reference: str | None = None
    title: str | None = None
    addressee: str | None = None  # "eerste-kamer" | "tweede-kamer"
    signatories: list[str] = field(default_factory=list)  # Person keys
    kamerstukken: list[KamerstukRef] = field(default_factory=list)


@dataclass
class Commitment:
    actor: ActorRef
    kind: CommitmentKind
    status: CommitmentStatus
    evidence: list[Evidence]
    amount: Decimal | None = None
    unit: Unit | None = None
    target_year: int | None = None
    beneficiary: ActorRef | None = None
    made_at: MeetingRef | None = None
    part_of: "Commitment | None" = None
    key_phrase: str = ""  # for pledges without amount: what is pledged, normalised


@dataclass
class Observation:
    """A realised figure the letter reports (spending grew by 20%): kept, not a pledge."""

    actor: ActorRef
    evidence: list[Evidence]
    amount: Decimal | None = None
    unit: Unit | None = None
    year: int | None = None


@dataclass
class Position:
    actor: ActorRef
    stance: str  # slug of a concept in stances.ttl
    topic: str  # slug of a concept in topics.ttl
    meeting: MeetingRef | None
    modality: Modality
    evidence: list[Evidence]
    verb: str = ""  # as written


@dataclass
class LetterRecords:
    """Everything extracted from one letter."""

    letter: Letter
    meetings: list[Meeting] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    topics: dict[str, list[Evidence]] = field(default_factory=dict)  # topic slug -> evidence
    # what a reader of the graph should know is missing ("no main meeting resolved")
    warnings: tuple[str, ...] = ()

    @property
    def main_meeting(self) -> Meeting | None:
        return next((m for m in self.meetings if m.role == "main"), None)

    @property
    def looks_ahead(self) -> bool:
        """Whether the letter is written before its main meeting: an agenda, or a letter
        of another kind (a memo, an EU Council's agenda) dated before the meeting starts;
        its positions are intended, its pledges intended."""
        if self.letter.kind in ("agenda", "report"):
            return self.letter.kind == "agenda"
        main = self.main_meeting
        return bool(self.letter.date and main and main.ref.start and self.letter.date < main.ref.start)
