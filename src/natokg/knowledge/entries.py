"""The records of the reference data the lexicon reads: states, cities, organisations,
groups, offices, posts, persons, summits, topics, stances and meeting terms (frozen, one
per resource of ontology/ and ontology/reference/)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from rdflib import URIRef

from natokg.records import ActorRef, MeetingRef, PostRef


@dataclass(frozen=True)
class StateRecord:
    iso: str  # ISO 3166-1 alpha-2, lower case
    iri: URIRef
    name_en: str
    name_nl: str
    aliases: tuple[str, ...]  # altLabels and hiddenLabels, any language
    demonyms: tuple[str, ...]  # Dutch adjectives: "Oekraïense"
    accession: date | None  # NATO accession date; None: never an ally
    partner: bool  # typed nkg:Partner (also after accession)

    @property
    def ref(self) -> ActorRef:
        return ActorRef("state", self.iso)


@dataclass(frozen=True)
class CityRecord:
    slug: str
    iri: URIRef
    country: str | None  # ISO code of nkg:inCountry
    name_en: str
    name_nl: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class OrganisationRecord:
    key: str
    iri: URIRef
    name_en: str
    name_nl: str
    aliases: tuple[str, ...]
    partner: bool
    instrument: bool  # a funding instrument (skos:note "instrument"): PURL, EPF ...
    parent: str | None  # key of the organisation it is a body of (org:subOrganizationOf)
    seat_city: str | None = None  # city key of its headquarters (nkg:seatCity)
    national: bool = False  # an institution of one state (skos:note "national"): Tweede Kamer
    speaks_for: str | None = None  # key of the organisation its statements and decisions are read as (nkg:speaksFor)

    @property
    def ref(self) -> ActorRef:
        return ActorRef("organisation", self.key)


@dataclass(frozen=True)
class GroupRecord:
    key: str
    iri: URIRef
    name_en: str
    name_nl: str
    aliases: tuple[str, ...]
    members: tuple[ActorRef, ...]  # fixed members (none for date-dependent ally groups)
    quantifier: str | None  # "all", "several", "many", "some", "other"
    subgroup_of: str | None  # key of the parent group

    @property
    def ref(self) -> ActorRef:
        return ActorRef("group", self.key)


@dataclass(frozen=True)
class OfficeRecord:
    slug: str
    iri: URIRef
    name_en: str
    name_nl: str
    aliases: tuple[str, ...]
    branch: str | None = None  # nkg:branch: "cabinet" or "parliament"
    organisation: str | None = None  # nkg:officeOf: key of the one organisation that has the office


@dataclass(frozen=True)
class PostRecord:
    key: str  # "{actor key}/{office slug}"
    iri: URIRef
    office: str
    of: ActorRef

    @property
    def ref(self) -> PostRef:
        return PostRef(self.office, self.of)


@dataclass(frozen=True)
class Tenure:
    """A time a post was held (nkg:tenure): from ``start`` to ``end`` (None: still held)."""

    post: PostRef
    start: date
    end: date | None = None

    def covers(self, first: date, last: date) -> bool:
        """Whether the post was held on some day from ``first`` to ``last``."""
        return self.start <= last and (self.end is None or self.end >= first)


@dataclass(frozen=True)
class PersonRecord:
    key: str
    iri: URIRef
    full_name: str  # foaf:name
    short_forms: tuple[str, ...]  # skos:altLabel
    posts: tuple[PostRef, ...]
    minister: bool
    tenures: tuple[Tenure, ...] = ()

    @property
    def ref(self) -> ActorRef:
        return ActorRef("person", self.key)

    def posts_held(self, when: date | int | None) -> tuple[PostRef, ...]:
        """The posts held on ``when`` (a date, or some day of a year): a post with tenures
        when one covers it, a post without any always; every post when ``when`` is None.
        Between two tenures the next post counts (a letter of August 2014 speaks of
        Stoltenberg as the coming Secretary General), after the last one the last post."""
        if when is None or not self.tenures:
            return self.posts
        first, last = (date(when, 1, 1), date(when, 12, 31)) if isinstance(when, int) else (when, when)
        held = {t.post for t in self.tenures if t.covers(first, last)}
        if not held:
            coming = [t for t in self.tenures if t.start > last]
            held = {coming[0].post} if coming else {self.tenures[-1].post}
        timed = {t.post for t in self.tenures}
        return tuple(post for post in self.posts if post not in timed or post in held)


@dataclass(frozen=True)
class SummitRecord:
    key: str  # "{start}-{city}", the tail of id/meeting/summit/...
    iri: URIRef
    start: date
    end: date
    cities: tuple[str, ...]  # city slugs; the first names the IRI
    hosts: tuple[str, ...]  # ISO codes of the host states
    name_en: str
    name_nl: str
    note: str | None  # "leaders' meeting", "extraordinary summit"

    @property
    def city(self) -> str:
        return self.cities[0]

    @property
    def host(self) -> str | None:
        return self.hosts[0] if self.hosts else None

    @property
    def ref(self) -> MeetingRef:
        return MeetingRef("summit", self.start, self.city)


@dataclass(frozen=True)
class TopicRecord:
    slug: str
    iri: URIRef
    name_en: str
    name_nl: str
    surface_forms: tuple[str, ...]  # every label, any language, without prefixes
    prefixes: tuple[str, ...]  # hiddenLabels ending in "*", without the "*"
    broad: bool = False  # a member of topic:broad-topics (a specific heading overrides it)
    place: str | None = None  # key of the state of nkg:topicPlace
    placeless: tuple[str, ...] = ()  # its nkg:placelessLabel forms, folded ("vredes*" a prefix)


@dataclass(frozen=True)
class StanceRecord:
    slug: str
    iri: URIRef
    name_en: str
    name_nl: str
    verb_forms: tuple[str, ...]  # altLabel/hiddenLabel @nl; " ... " marks a gap
    negated: str | None  # slug of nkg:negatedStance
    realised_as: tuple[str, ...] = ()  # slugs of nkg:realisedAs (agenda-to-report pairing)
    broader: str | None = None  # slug of skos:broader ("appreciate" is a kind of "welcome")


@dataclass(frozen=True)
class MeetingTermRecord:
    scheme: Literal["meeting-kind", "meeting-name"]
    key: str
    iri: URIRef
    name_en: str
    name_nl: str
    surface_forms: tuple[str, ...]
    prefixes: tuple[str, ...]
    meeting_kind: str | None  # nkg:meetingKind slug (meeting names)
    session_group: str | None  # nkg:sessionGroup group key
    standing_body: bool = False  # a member of meeting-name/standing-bodies (a council between meetings)
    session_partner: ActorRef | None = None  # nkg:sessionPartner: the partner of every session held
    delegations: ActorRef | None = None  # nkg:delegationsGroup: its delegations as one body (meetings outside NATO)


__all__ = [
    "StateRecord",
    "CityRecord",
    "OrganisationRecord",
    "GroupRecord",
    "OfficeRecord",
    "PostRecord",
    "PersonRecord",
    "Tenure",
    "SummitRecord",
    "TopicRecord",
    "StanceRecord",
    "MeetingTermRecord",
]
