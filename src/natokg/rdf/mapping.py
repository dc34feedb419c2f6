"""Map one letter's records to RDF with deterministic IRIs (docs/architecture.md, "Identifiers").

The result is two graphs: ``assertions``, the letter's own named graph (what the letter
says: the letter node, evidence, meeting mentions, participations, person mentions,
commitments, positions, observations) and ``entities``, the descriptions shared by
every letter that mentions the same thing (a meeting's kind, dates and city; a person's
name and posts). The build unions the entity descriptions into one graph, so a shared
description is stored once.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cached_property
from typing import Iterable

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, XSD

from natokg import identifiers
from natokg.identifiers import (
    ACTOR_PATHS,
    actor_iri,
    commitment_iri,
    EVIDENCE_SELECTORS,
    evidence_iri,
    kamerstuk_publication_url,
    kamerstuk_iri,
    kamerstuk_label,
    letter_graph_iri,
    letter_iri,
    letter_text_iri,
    meeting_iri,
    observation_iri,
    participation_iri,
    position_iri,
    post_iri,
    selector_iri,
)
from natokg.namespaces import DCMITYPE, ID, NKG, OA, PREFIXES
from natokg.rdf.formats import SERIALISATION_FORMATS, format_named
from natokg.rdf.jsonld import jsonld_bytes
from natokg.rdf.nquads import nquads_rows
from natokg.records import (
    ActorRef,
    Evidence,
    LetterRecords,
    MeetingRef,
    PostRef,
    SourceDocument,
)

ENTITIES_GRAPH = URIRef(identifiers.ENTITIES_GRAPH)  # as rdflib graph identifiers are
# Characters of text before and after a quote in its TextQuoteSelector: enough to tell
# apart two places where the same words stand, as the Web Annotation model intends.
QUOTE_CONTEXT_CHARS = 32

LETTER_CLASSES = {
    "agenda": NKG.AnnotatedAgenda,
    "report": NKG.MeetingReport,
    "memo": NKG.Memo,
    "letter": NKG.Letter,
    "other": NKG.OtherDocument,
}
MEETING_CLASSES = {
    "summit": NKG.Summit,
    "foreign-ministers": NKG.ForeignMinistersMeeting,
    "defence-ministers": NKG.DefenceMinistersMeeting,
    "council-session": NKG.CouncilSession,
    "working-session": NKG.WorkingSession,
    "social-event": NKG.SocialEvent,
    "forum": NKG.Forum,
    "external": NKG.ExternalMeeting,
}


def decimal_literal(value: Decimal) -> Literal:
    """Canonical xsd:decimal lexical form, so the same amount is the same literal."""
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)



# ---------------------------------------------------------------- N-Triples terms
#
# The mapper writes N-Triples lines directly: an rdflib Graph.add costs ~35 us per
# triple and a letter has ~1,000 triples, while a formatted line costs ~1 us. The
# lines use pyoxigraph's canonical N-Triples escaping (the bytes the store dumps), so
# the build loads them as they are; rdflib graphs are built only when asked for.

_ESCAPED = re.compile(r'[\x00-\x1f"\\\x7f]')
_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _escape_char(found: re.Match) -> str:
    char = found.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04X}"


def nt_string(text: str) -> str:
    """A string literal's quoted, escaped N-Triples form (as pyoxigraph writes it)."""
    if _ESCAPED.search(text) is None:
        return f'"{text}"'
    return '"' + _ESCAPED.sub(_escape_char, text) + '"'


def nt_iri(term: str) -> str:
    return f"<{term}>"


class _NTerms:
    """``terms.name``: the N-Triples form of ``namespace[name]``, computed once."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        value = nt_iri(self._namespace[name])
        setattr(self, name, value)  # later lookups are plain attribute reads
        return value


_NKG, _RDF, _RDFS, _DCT, _FOAF, _PROV, _OA, _XSD = (
    _NTerms(ns) for ns in (NKG, RDF, RDFS, DCTERMS, FOAF, PROV, OA, XSD)
)
_A = _RDF.type
_ID_BASE = str(ID)


def _node(*path: str) -> str:
    """N-Triples form of ``iri(*path)``."""
    return f"<{_ID_BASE}{'/'.join(path)}>"


def _typed(lexical: str, datatype: str) -> str:
    return f"{nt_string(lexical)}^^{datatype}"


def _nt_decimal(value: Decimal) -> str:
    return _typed(str(decimal_literal(value)), _XSD.decimal)


def _nt_meeting(ref: MeetingRef) -> str:
    return nt_iri(meeting_iri(ref))


def _nt_actor(actor: ActorRef) -> str:
    return _node(ACTOR_PATHS[actor.kind], actor.key)


def _rdflib_graph(ntriples: str) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    if ntriples:
        graph.parse(data=ntriples, format="nt")
    return graph


class LetterGraphs:
    """One letter as RDF: its named graph and the shared entity descriptions it adds.

    Held as N-Triples lines; ``assertions`` and ``entities`` are rdflib Graphs built on
    first access (the build never needs them: it takes ``assertions_ntriples`` and
    ``entities_ntriples``, sorted canonical N-Triples text).
    """

    def __init__(
        self,
        key: str,
        letter: URIRef,
        graph: URIRef,
        assertion_lines: Iterable[str],
        entity_lines: Iterable[str],
        source_text: str,
        date: str | None = None,
        warnings: tuple[str, ...] = (),
    ) -> None:
        self.key = key
        self.letter = letter
        self.graph = graph
        self.source_text = source_text
        self.date = date  # the letter's dcterms:date (ISO), None when it has none
        self.warnings = tuple(warnings)  # extraction warnings: the letter is mapped all the same
        self.assertion_lines = frozenset(assertion_lines)
        self.entity_lines = frozenset(entity_lines)
        self._graphs: dict[str, Graph] = {}

    # cached: the build validates the text, then stores it (the lines are frozen)
    @cached_property
    def assertions_ntriples(self) -> str:
        """The letter's named graph as sorted N-Triples (one line per distinct triple)."""
        return "".join(sorted(self.assertion_lines))

    @cached_property
    def entities_ntriples(self) -> str:
        return "".join(sorted(self.entity_lines))

    def ntriples(self) -> str:
        """Both graphs merged, sorted N-Triples (pyoxigraph's canonical escaping)."""
        return "".join(sorted(self.assertion_lines | self.entity_lines))

    @property
    def assertions(self) -> Graph:
        if "assertions" not in self._graphs:
            self._graphs["assertions"] = _rdflib_graph(self.assertions_ntriples)
        return self._graphs["assertions"]

    @property
    def entities(self) -> Graph:
        if "entities" not in self._graphs:
            self._graphs["entities"] = _rdflib_graph(self.entities_ntriples)
        return self._graphs["entities"]

    def has_blank_nodes(self) -> bool:
        for line in self.assertion_lines | self.entity_lines:
            subject, _, rest = line.partition(" ")
            if subject.startswith("_:") or rest.partition(" ")[2].startswith("_:"):
                return True
        return False

    def dataset(self) -> Dataset:
        dataset = Dataset()
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace)
        named = dataset.graph(self.graph)
        for triple in self.assertions:
            named.add(triple)
        shared = dataset.graph(ENTITIES_GRAPH)
        for triple in self.entities:
            shared.add(triple)
        return dataset

    def merged(self) -> Graph:
        graph = Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        for triple in self.assertions:
            graph.add(triple)
        for triple in self.entities:
            graph.add(triple)
        return graph

    def _nquads_without_rdflib(self) -> str | None:
        """What rdflib's N-Quads serialiser writes for ``dataset()``, from the lines
        (natokg.rdf.nquads), sorted; None when only rdflib can say (blank nodes)."""
        rows = nquads_rows([(self.assertion_lines, f"<{self.graph}>"), (self.entity_lines, f"<{ENTITIES_GRAPH}>")])
        if rows is None:
            return None
        rows.sort()
        written = "".join(rows)
        try:
            written.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: written as rdflib encodes it
            rows = written.encode("utf-8", "replace").decode("utf-8").split("\n")
            return "".join(sorted(row + "\n" for row in rows if row))
        return written

    def serialize(self, fmt: str = "turtle") -> str:
        """Turtle / N-Triples of both graphs merged; N-Quads / TriG keep the named graphs.

        Line-based formats are sorted, so the same letter gives the same bytes.
        """
        fmt = format_named(fmt, SERIALISATION_FORMATS).name
        if fmt in ("nt", "nquads"):
            written = self._nquads_without_rdflib() if fmt == "nquads" else None
            if written is not None:
                return written  # one sorted line per distinct quad already
            source = self.merged() if fmt == "nt" else self.dataset()
            written = source.serialize(format="nt11" if fmt == "nt" else "nquads")
            return "".join(sorted(line + "\n" for line in written.split("\n") if line.strip()))
        if fmt == "turtle":
            return self.merged().serialize(format="turtle")
        if fmt == "trig":
            return self.dataset().serialize(format="trig")
        return jsonld_bytes(self.merged()).decode("utf-8")


def kamerstuk_description(dossier: str, number: str) -> tuple[str, list[tuple[str, str, str]]]:
    """A Kamerstuk's node and the (subject, predicate, object) N-Triples terms that
    describe it: its type, dossier, number, label and official publication."""
    node = nt_iri(kamerstuk_iri(dossier, number))
    return node, [
        (node, _A, _NKG.ParliamentaryPaper),
        (node, _NKG.dossier, nt_string(dossier)),
        (node, _NKG.number, nt_string(number)),
        (node, _RDFS.label, nt_string(kamerstuk_label(dossier, number)) + "@nl"),
        (node, _FOAF.page, nt_iri(kamerstuk_publication_url(dossier, number))),
    ]


class _LetterMapper:
    """Accumulates the N-Triples lines of one letter; one instance per letter."""

    def __init__(self, records: LetterRecords, document: SourceDocument) -> None:
        self.records = records
        self.document = document
        self.key = records.letter.key
        self.letter_iri = letter_iri(self.key)
        self.letter = nt_iri(self.letter_iri)
        self.text = nt_iri(letter_text_iri(self.key))
        self.assertion_lines: set[str] = set()
        self.entity_lines: set[str] = set()
        self.meetings: dict[MeetingRef, str] = {}  # described refs -> N-Triples IRI

    def add(self, subject: str, predicate: str, obj: str) -> None:
        self.assertion_lines.add(f"{subject} {predicate} {obj} .\n")

    def add_entity(self, subject: str, predicate: str, obj: str) -> None:
        self.entity_lines.add(f"{subject} {predicate} {obj} .\n")

    # -- helpers

    def add_evidence(self, subject: str, evidence: Iterable[Evidence]) -> None:
        """Link ``subject`` to its evidence in this letter; a claim without any is dropped."""
        add = self.add
        raw = self.document.raw
        non_negative = _XSD.nonNegativeInteger
        for item in sorted(set(evidence)):
            if raw[item.start : item.end] != item.quote:
                raise AssertionError(
                    f"{self.document.path}: evidence {item.start}-{item.end} does not match "
                    "the raw text; this is a bug in the extractor"
                )
            evidence = evidence_iri(self.key, item.start, item.end)
            node = nt_iri(evidence)
            add(subject, _NKG.evidence, node)
            add(node, _A, _NKG.Evidence)
            add(node, _OA.exact, nt_string(item.quote))
            add(node, _OA.start, f'"{item.start}"^^{non_negative}')
            add(node, _OA.end, f'"{item.end}"^^{non_negative}')
            add(node, _NKG.inLetter, self.letter)
            self.add_selectors(node, evidence, item)
        add(subject, _PROV.wasDerivedFrom, self.letter)

    def add_selectors(self, node: str, evidence: URIRef, item: Evidence) -> None:
        """The W3C Web Annotation form of the evidence: a specific resource of the
        letter's text layer with a text position and a text quote selector."""
        add, raw = self.add, self.document.raw
        add(node, _OA.hasSource, self.text)
        position, quote = (nt_iri(selector_iri(evidence, kind)) for kind in EVIDENCE_SELECTORS)
        add(node, _OA.hasSelector, position)
        add(position, _A, _OA.TextPositionSelector)
        add(position, _OA.start, f'"{item.start}"^^{_XSD.nonNegativeInteger}')
        add(position, _OA.end, f'"{item.end}"^^{_XSD.nonNegativeInteger}')
        add(node, _OA.hasSelector, quote)
        add(quote, _A, _OA.TextQuoteSelector)
        add(quote, _OA.exact, nt_string(item.quote))
        prefix = raw[max(0, item.start - QUOTE_CONTEXT_CHARS) : item.start]
        suffix = raw[item.end : item.end + QUOTE_CONTEXT_CHARS]
        if prefix:
            add(quote, _OA.prefix, nt_string(prefix))
        if suffix:
            add(quote, _OA.suffix, nt_string(suffix))

    def describe_meeting_ref(self, ref: MeetingRef) -> str:
        node = self.meetings.get(ref)
        if node is not None:  # the same ref adds the same lines: describe it once
            return node
        node = _nt_meeting(ref)
        add = self.add_entity
        add(node, _A, nt_iri(MEETING_CLASSES[ref.kind]))
        if ref.start is not None:
            add(node, _NKG.startDate, _typed(ref.start.isoformat(), _XSD.date))
        elif ref.month:
            add(node, _NKG.startMonth, _typed(ref.month, _XSD.gYearMonth))
        if ref.city:
            add(node, _NKG.location, _node("place", ref.city))
        if ref.parent is not None:
            add(node, _NKG.partOf, self.describe_meeting_ref(ref.parent))
        self.meetings[ref] = node
        return node

    def describe_post(self, post: PostRef) -> str:
        node = nt_iri(post_iri(post))
        self.add_entity(node, _A, _NKG.Post)
        self.add_entity(node, _NKG.portfolio, _node("office", post.office))
        self.add_entity(node, _NKG.postOf, _nt_actor(post.of))
        return node

    # -- stages

    def map_letter(self) -> None:
        letter = self.records.letter
        add, subject = self.add, self.letter
        add(subject, _A, nt_iri(LETTER_CLASSES[letter.kind]))
        add(subject, _DCT.identifier, nt_string(letter.reference or letter.key))
        if letter.date is not None:
            add(subject, _DCT.date, _typed(letter.date.isoformat(), _XSD.date))
        if letter.title:
            add(subject, _DCT.title, nt_string(letter.title) + "@nl")
        if letter.addressee:
            add(subject, _NKG.addressedTo, _node("org", letter.addressee))
        for person_key in letter.signatories:
            add(subject, _NKG.signedBy, _node("person", person_key))
        add(subject, _NKG.sha256, nt_string(letter.sha256))
        add(subject, _DCT.hasFormat, self.text)
        add(self.text, _A, nt_iri(DCMITYPE.Text))
        add(self.text, _DCT.format, nt_string("text/plain"))
        add(subject, _NKG.sourceFile, nt_string(letter.source_file))
        for paper in letter.kamerstukken:
            node, description = kamerstuk_description(paper.dossier, paper.number)
            add(subject, _DCT.references, node)
            for triple in description:
                self.add_entity(*triple)
            self.add_evidence(node, [paper.evidence])

    def map_meetings(self) -> None:
        for meeting in self.records.meetings:
            node = self.describe_meeting_ref(meeting.ref)
            add = self.add_entity
            if meeting.end is not None:
                add(node, _NKG.endDate, _typed(meeting.end.isoformat(), _XSD.date))
            if meeting.informal:  # a letter that does not say "informal" says nothing about it
                add(node, _NKG.isInformal, _typed("true", _XSD.boolean))
            if meeting.host is not None:
                add(node, _NKG.hostedBy, _nt_actor(meeting.host))
            if meeting.precedes is not None:
                add(node, _NKG.precedes, self.describe_meeting_ref(meeting.precedes))
            self.add(node, _RDFS.label, nt_string(meeting.name) + "@nl")
            relation = _NKG.about if meeting.role == "main" else _NKG.mentions
            self.add(self.letter, relation, node)
            self.add_evidence(node, meeting.evidence)

    def map_persons(self) -> None:
        for person in self.records.persons:
            node = _node("person", person.key)
            is_minister = any("minister" in post.office for post in person.posts)
            self.add_entity(node, _A, _NKG.Minister if is_minister else _NKG.Person)
            self.add_entity(node, _FOAF.name, nt_string(person.name))
            for post in person.posts:
                self.add_entity(node, _NKG.holdsPost, self.describe_post(post))
            self.add_evidence(node, person.evidence)

    def map_participations(self) -> None:
        add = self.add
        for participation in self.records.participations:
            node = nt_iri(participation_iri(participation))
            add(node, _A, _NKG.Participation)
            add(node, _NKG.participant, _nt_actor(participation.actor))
            add(node, _NKG.inMeeting, self.describe_meeting_ref(participation.meeting))
            add(node, _NKG.capacity, _node("capacity", participation.capacity))
            if participation.stated_count is not None:
                add(node, _NKG.statedCount, _typed(str(int(participation.stated_count)), _XSD.integer))
            self.add_evidence(node, participation.evidence)

    def map_commitments(self) -> None:
        add = self.add
        for commitment in self.records.commitments:
            node = nt_iri(commitment_iri(commitment))
            add(node, _A, _NKG.Commitment)
            add(node, _NKG.committedBy, _nt_actor(commitment.actor))
            add(node, _NKG.commitmentKind, _node("commitment-kind", commitment.kind))
            add(node, _NKG.status, _node("status", commitment.status))
            if commitment.amount is not None:
                add(node, _NKG.amount, _nt_decimal(commitment.amount))
            if commitment.unit is not None:
                add(node, _NKG.unit, _node("unit", commitment.unit))
            if commitment.target_year is not None:
                add(node, _NKG.targetYear, _typed(f"{commitment.target_year:04d}", _XSD.gYear))
            if commitment.beneficiary is not None:
                add(node, _NKG.beneficiary, _nt_actor(commitment.beneficiary))
            if commitment.made_at is not None:
                add(node, _NKG.madeAt, self.describe_meeting_ref(commitment.made_at))
            if commitment.part_of is not None:
                add(node, _NKG.partOf, nt_iri(commitment_iri(commitment.part_of)))
            self.add_evidence(node, commitment.evidence)

    def map_observations(self) -> None:
        add = self.add
        for observation in self.records.observations:
            node = nt_iri(observation_iri(observation, self.key))
            add(node, _A, _NKG.Observation)
            add(node, _NKG.observedBy, _nt_actor(observation.actor))
            if observation.amount is not None:
                add(node, _NKG.amount, _nt_decimal(observation.amount))
            if observation.unit is not None:
                add(node, _NKG.unit, _node("unit", observation.unit))
            if observation.year is not None:
                add(node, _NKG.year, _typed(f"{observation.year:04d}", _XSD.gYear))
            self.add_evidence(node, observation.evidence)

    def map_positions(self) -> None:
        add = self.add
        for position in self.records.positions:
            node = nt_iri(position_iri(position))
            add(node, _A, _NKG.Position)
            add(node, _NKG.heldBy, _nt_actor(position.actor))
            add(node, _NKG.stance, _node("stance", position.stance))
            add(node, _NKG.onTopic, _node("topic", position.topic))
            add(node, _NKG.modality, _node("modality", position.modality))
            if position.meeting is not None:
                add(node, _NKG.expressedAt, self.describe_meeting_ref(position.meeting))
            self.add_evidence(node, position.evidence)

    def map_topics(self) -> None:
        main = self.records.main_meeting
        if main is None:
            return
        node = _nt_meeting(main.ref)
        for topic in sorted(self.records.topics):
            self.add(node, _NKG.discusses, _node("topic", topic))

    def run(self) -> LetterGraphs:
        self.map_letter()
        self.map_meetings()
        self.map_persons()
        self.map_participations()
        self.map_commitments()
        self.map_observations()
        self.map_positions()
        self.map_topics()
        date = self.records.letter.date
        return LetterGraphs(
            key=self.key,
            letter=self.letter_iri,
            graph=letter_graph_iri(self.key),
            assertion_lines=self.assertion_lines,
            entity_lines=self.entity_lines,
            source_text=self.document.raw,
            date=date.isoformat() if date is not None else None,
            warnings=self.records.warnings,
        )


def map_records(records: LetterRecords, document: SourceDocument) -> LetterGraphs:
    """Turn one letter's records into its named graph and its shared entity descriptions."""
    return _LetterMapper(records, document).run()


__all__ = [
    "ENTITIES_GRAPH",
    "ID",
    "LetterGraphs",
    "SERIALISATION_FORMATS",
    "actor_iri",
    "commitment_iri",
    "letter_graph_iri",
    "letter_iri",
    "map_records",
    "meeting_iri",
    "position_iri",
]
