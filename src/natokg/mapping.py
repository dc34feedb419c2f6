"""Map one letter's records to RDF with deterministic IRIs (DESIGN.md, "Identifiers").

The result is two graphs: ``assertions``, the letter's own named graph (what the letter
says: the letter node, evidence, meeting mentions, participations, person mentions,
commitments, positions, observations) and ``entities``, the descriptions shared by
every letter that mentions the same thing (a meeting's kind, dates and city; a person's
name and posts). The build unions the entity descriptions into one graph, so a shared
description is stored once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, XSD

from natokg.namespaces import ID, NKG, OA, PREFIXES, content_hash, iri
from natokg.records import (
    ActorRef,
    Commitment,
    Evidence,
    LetterRecords,
    MeetingRef,
    Observation,
    Participation,
    Position,
    PostRef,
    SourceDocument,
)

LETTER_CLASSES = {
    "agenda": NKG.AnnotatedAgenda,
    "report": NKG.MeetingReport,
    "memo": NKG.Memo,
    "letter": NKG.Letter,
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
ACTOR_PATHS = {"state": "state", "organisation": "org", "group": "group", "person": "person"}
ENTITIES_GRAPH = iri("graph", "entities")
SERIALISATION_FORMATS = ("turtle", "nt", "nquads", "trig", "jsonld")


def actor_iri(actor: ActorRef) -> URIRef:
    return iri(ACTOR_PATHS[actor.kind], actor.key)


def meeting_iri(ref: MeetingRef) -> URIRef:
    """``meeting/{kind}/{start}-{city}``; a session hangs below its parent meeting."""
    place = ref.city or ref.name_key or "unnamed"
    if ref.parent is not None:
        local = f"{ref.kind}-{ref.name_key or place}"
        if ref.start is not None:
            local += f"-{ref.start.isoformat()}"
        return URIRef(f"{meeting_iri(ref.parent)}/{local}")
    local = f"{ref.start.isoformat()}-{place}" if ref.start is not None else place
    return iri("meeting", ref.kind, local)


def post_iri(post: PostRef) -> URIRef:
    return iri("post", post.of.key, post.office)


def letter_iri(key: str) -> URIRef:
    return iri("letter", key)


def letter_graph_iri(key: str) -> URIRef:
    return iri("graph", key)


def decimal_literal(value: Decimal) -> Literal:
    """Canonical xsd:decimal lexical form, so the same amount is the same literal."""
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def _amount_key(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def commitment_iri(commitment: Commitment) -> URIRef:
    """Hash of canonical content: the same pledge in three letters is one node."""
    return iri(
        "commitment",
        content_hash(
            actor_iri(commitment.actor),
            commitment.kind,
            _amount_key(commitment.amount),
            commitment.unit,
            commitment.target_year,
            actor_iri(commitment.beneficiary) if commitment.beneficiary else None,
            meeting_iri(commitment.made_at) if commitment.made_at else None,
            commitment.key_phrase if commitment.amount is None else "",
        ),
    )


def position_iri(position: Position) -> URIRef:
    return iri(
        "position",
        content_hash(
            actor_iri(position.actor),
            position.stance,
            position.topic,
            meeting_iri(position.meeting) if position.meeting else None,
            position.modality,
        ),
    )


def participation_iri(participation: Participation) -> URIRef:
    return iri(
        "participation",
        content_hash(
            meeting_iri(participation.meeting),
            actor_iri(participation.actor),
            participation.capacity,
        ),
    )


def observation_iri(observation: Observation, letter_key: str) -> URIRef:
    first = observation.evidence[0]
    return iri("observation", content_hash(letter_key, first.start, first.end, first.quote))


@dataclass
class LetterGraphs:
    """One letter as RDF: its named graph and the shared entity descriptions it adds."""

    key: str
    letter: URIRef
    graph: URIRef
    assertions: Graph
    entities: Graph
    source_text: str

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

    def serialize(self, fmt: str = "turtle") -> str:
        """Turtle / N-Triples of both graphs merged; N-Quads / TriG keep the named graphs.

        Line-based formats are sorted, so the same letter gives the same bytes.
        """
        if fmt in ("nt", "nquads"):
            source = self.merged() if fmt == "nt" else self.dataset()
            lines = source.serialize(format="nt11" if fmt == "nt" else "nquads").splitlines()
            return "".join(sorted(line + "\n" for line in lines if line.strip()))
        if fmt == "turtle":
            return self.merged().serialize(format="turtle")
        if fmt == "trig":
            return self.dataset().serialize(format="trig")
        if fmt == "jsonld":
            return self.merged().serialize(
                format="json-ld", context=jsonld_context(), auto_compact=True, indent=2
            )
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(SERIALISATION_FORMATS)}")


def jsonld_context() -> dict:
    """The JSON-LD context shipped in ontology/context.jsonld (no network needed)."""
    from natokg.paths import ontology_dir

    path = ontology_dir() / "context.jsonld"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))["@context"]
    return dict(PREFIXES)


class _LetterMapper:
    """Accumulates the triples of one letter; one instance per letter."""

    def __init__(self, records: LetterRecords, document: SourceDocument) -> None:
        self.records = records
        self.document = document
        self.key = records.letter.key
        self.letter = letter_iri(self.key)
        self.assertions = Graph()
        self.entities = Graph()
        for prefix, namespace in PREFIXES.items():
            self.assertions.bind(prefix, namespace)
            self.entities.bind(prefix, namespace)

    # -- helpers

    def add_evidence(self, subject: URIRef, evidence: Iterable[Evidence]) -> None:
        """Link ``subject`` to its evidence in this letter; a claim without any is dropped."""
        add = self.assertions.add
        for item in sorted(set(evidence)):
            if self.document.raw[item.start : item.end] != item.quote:
                raise AssertionError(
                    f"{self.document.path}: evidence {item.start}-{item.end} does not match "
                    "the raw text; this is a bug in the extractor"
                )
            node = iri("evidence", self.key, f"{item.start}-{item.end}")
            add((subject, NKG.evidence, node))
            add((node, RDF.type, NKG.Evidence))
            add((node, OA.exact, Literal(item.quote)))
            add((node, OA.start, Literal(item.start, datatype=XSD.nonNegativeInteger)))
            add((node, OA.end, Literal(item.end, datatype=XSD.nonNegativeInteger)))
            add((node, NKG.inLetter, self.letter))
        add((subject, PROV.wasDerivedFrom, self.letter))

    def describe_meeting_ref(self, ref: MeetingRef) -> URIRef:
        node = meeting_iri(ref)
        add = self.entities.add
        add((node, RDF.type, MEETING_CLASSES[ref.kind]))
        if ref.start is not None:
            add((node, NKG.startDate, Literal(ref.start.isoformat(), datatype=XSD.date)))
        if ref.city:
            add((node, NKG.location, iri("place", ref.city)))
        if ref.parent is not None:
            add((node, NKG.partOf, self.describe_meeting_ref(ref.parent)))
        return node

    def describe_post(self, post: PostRef) -> URIRef:
        node = post_iri(post)
        self.entities.add((node, RDF.type, NKG.Post))
        self.entities.add((node, NKG.portfolio, iri("office", post.office)))
        self.entities.add((node, NKG.postOf, actor_iri(post.of)))
        return node

    # -- stages

    def map_letter(self) -> None:
        letter = self.records.letter
        add = self.assertions.add
        add((self.letter, RDF.type, LETTER_CLASSES[letter.kind]))
        add((self.letter, DCTERMS.identifier, Literal(letter.reference or letter.key)))
        if letter.date is not None:
            add((self.letter, DCTERMS.date, Literal(letter.date.isoformat(), datatype=XSD.date)))
        if letter.title:
            add((self.letter, DCTERMS.title, Literal(letter.title, lang="nl")))
        if letter.addressee:
            add((self.letter, NKG.addressedTo, iri("org", letter.addressee)))
        for person_key in letter.signatories:
            add((self.letter, NKG.signedBy, iri("person", person_key)))
        add((self.letter, NKG.sha256, Literal(letter.sha256)))
        add((self.letter, NKG.sourceFile, Literal(letter.source_file)))
        for paper in letter.kamerstukken:
            node = iri("kamerstuk", f"{paper.dossier}-{paper.number}")
            add((self.letter, DCTERMS.references, node))
            self.entities.add((node, RDF.type, NKG.ParliamentaryPaper))
            self.entities.add((node, NKG.dossier, Literal(paper.dossier)))
            self.entities.add((node, NKG.number, Literal(paper.number)))
            self.entities.add(
                (node, RDFS.label, Literal(f"Kamerstuk {paper.dossier}, nr. {paper.number}", lang="nl"))
            )
            self.add_evidence(node, [paper.evidence])

    def map_meetings(self) -> None:
        for meeting in self.records.meetings:
            node = self.describe_meeting_ref(meeting.ref)
            add = self.entities.add
            if meeting.end is not None:
                add((node, NKG.endDate, Literal(meeting.end.isoformat(), datatype=XSD.date)))
            add((node, NKG.isInformal, Literal(meeting.informal)))
            if meeting.host is not None:
                add((node, NKG.hostedBy, actor_iri(meeting.host)))
            if meeting.precedes is not None:
                add((node, NKG.precedes, self.describe_meeting_ref(meeting.precedes)))
            self.assertions.add((node, RDFS.label, Literal(meeting.name, lang="nl")))
            relation = NKG.about if meeting.role == "main" else NKG.mentions
            self.assertions.add((self.letter, relation, node))
            self.add_evidence(node, meeting.evidence)

    def map_persons(self) -> None:
        for person in self.records.persons:
            node = iri("person", person.key)
            is_minister = any("minister" in post.office for post in person.posts)
            self.entities.add((node, RDF.type, NKG.Minister if is_minister else NKG.Person))
            self.entities.add((node, FOAF.name, Literal(person.name)))
            for post in person.posts:
                self.entities.add((node, NKG.holdsPost, self.describe_post(post)))
            self.add_evidence(node, person.evidence)

    def map_participations(self) -> None:
        add = self.assertions.add
        for participation in self.records.participations:
            node = participation_iri(participation)
            add((node, RDF.type, NKG.Participation))
            add((node, NKG.participant, actor_iri(participation.actor)))
            add((node, NKG.inMeeting, self.describe_meeting_ref(participation.meeting)))
            add((node, NKG.capacity, iri("capacity", participation.capacity)))
            if participation.stated_count is not None:
                add((node, NKG.statedCount, Literal(participation.stated_count)))
            self.add_evidence(node, participation.evidence)

    def map_commitments(self) -> None:
        add = self.assertions.add
        for commitment in self.records.commitments:
            node = commitment_iri(commitment)
            add((node, RDF.type, NKG.Commitment))
            add((node, NKG.committedBy, actor_iri(commitment.actor)))
            add((node, NKG.commitmentKind, iri("commitment-kind", commitment.kind)))
            add((node, NKG.status, iri("status", commitment.status)))
            if commitment.amount is not None:
                add((node, NKG.amount, decimal_literal(commitment.amount)))
            if commitment.unit is not None:
                add((node, NKG.unit, iri("unit", commitment.unit)))
            if commitment.target_year is not None:
                add((node, NKG.targetYear, Literal(f"{commitment.target_year:04d}", datatype=XSD.gYear)))
            if commitment.beneficiary is not None:
                add((node, NKG.beneficiary, actor_iri(commitment.beneficiary)))
            if commitment.made_at is not None:
                add((node, NKG.madeAt, self.describe_meeting_ref(commitment.made_at)))
            if commitment.part_of is not None:
                add((node, NKG.partOf, commitment_iri(commitment.part_of)))
            self.add_evidence(node, commitment.evidence)

    def map_observations(self) -> None:
        add = self.assertions.add
        for observation in self.records.observations:
            node = observation_iri(observation, self.key)
            add((node, RDF.type, NKG.Observation))
            add((node, NKG.observedBy, actor_iri(observation.actor)))
            if observation.amount is not None:
                add((node, NKG.amount, decimal_literal(observation.amount)))
            if observation.unit is not None:
                add((node, NKG.unit, iri("unit", observation.unit)))
            if observation.year is not None:
                add((node, NKG.year, Literal(f"{observation.year:04d}", datatype=XSD.gYear)))
            self.add_evidence(node, observation.evidence)

    def map_positions(self) -> None:
        add = self.assertions.add
        for position in self.records.positions:
            node = position_iri(position)
            add((node, RDF.type, NKG.Position))
            add((node, NKG.heldBy, actor_iri(position.actor)))
            add((node, NKG.stance, iri("stance", position.stance)))
            add((node, NKG.onTopic, iri("topic", position.topic)))
            add((node, NKG.modality, iri("modality", position.modality)))
            if position.meeting is not None:
                add((node, NKG.expressedAt, self.describe_meeting_ref(position.meeting)))
            self.add_evidence(node, position.evidence)

    def map_topics(self) -> None:
        main = self.records.main_meeting
        if main is None:
            return
        node = meeting_iri(main.ref)
        for topic in sorted(self.records.topics):
            self.assertions.add((node, NKG.discusses, iri("topic", topic)))

    def run(self) -> LetterGraphs:
        self.map_letter()
        self.map_meetings()
        self.map_persons()
        self.map_participations()
        self.map_commitments()
        self.map_observations()
        self.map_positions()
        self.map_topics()
        return LetterGraphs(
            key=self.key,
            letter=self.letter,
            graph=letter_graph_iri(self.key),
            assertions=self.assertions,
            entities=self.entities,
            source_text=self.document.raw,
        )


def map_records(records: LetterRecords, document: SourceDocument) -> LetterGraphs:
    """Turn one letter's records into its named graph and its shared entity descriptions."""
    return _LetterMapper(records, document).run()


__all__ = [
    "ENTITIES_GRAPH",
    "ID",
    "LetterGraphs",
    "actor_iri",
    "commitment_iri",
    "letter_graph_iri",
    "letter_iri",
    "map_records",
    "meeting_iri",
    "position_iri",
]
