"""The reference records of the ontology's Turtle: states, cities, organisations,
groups, offices, posts, persons, summits, topics, stances and meeting terms, each read
from its resources' labels and properties into the frozen records of
natokg.knowledge.entries. natokg.knowledge.lexicon builds its look-ups from them."""

from __future__ import annotations

from datetime import date
from typing import Mapping

from rdflib import Graph, Literal as RdfLiteral, URIRef
from rdflib.namespace import FOAF, RDF, RDFS, SKOS

from natokg.errors import ReferenceDataError
from natokg.folding import fold
from natokg.identifiers import ACTOR_PATHS
from natokg.namespaces import DEFAULT_DATA_BASE, NKG, iri
from natokg.knowledge.entries import (
    StateRecord,
    CityRecord,
    OrganisationRecord,
    GroupRecord,
    OfficeRecord,
    PostRecord,
    PersonRecord,
    SummitRecord,
    Tenure,
    TopicRecord,
    StanceRecord,
    MeetingTermRecord,
)
from natokg.records import ActorRef

_ORG = URIRef("http://www.w3.org/ns/org#subOrganizationOf")


def _key(term, kind: str) -> str | None:
    """The key of a data IRI of a kind: <.../id/state/nl> -> 'nl' for kind 'state'."""
    prefix = f"{DEFAULT_DATA_BASE}{kind}/"
    text = str(term)
    return text[len(prefix) :] if isinstance(term, URIRef) and text.startswith(prefix) else None


class TurtleReader:
    """Label and value access over the parsed graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def subjects(self, kind: str, rdf_type: URIRef | None = None) -> list[tuple[str, URIRef]]:
        found: dict[str, URIRef] = {}
        candidates = (
            self.graph.subjects(RDF.type, rdf_type)
            if rdf_type is not None
            else set(self.graph.subjects(SKOS.prefLabel, None))
        )
        for subject in candidates:
            key = _key(subject, kind)
            if key and key != "scheme" and "/" not in key:
                found[key] = subject
        return sorted(found.items())

    def literals(self, subject, predicate, lang: str | None = None) -> list[str]:
        values = [
            o
            for o in self.graph.objects(subject, predicate)
            if isinstance(o, RdfLiteral) and (lang is None or o.language == lang)
        ]
        return sorted(str(v) for v in values)

    def pref(self, subject, lang: str) -> str:
        values = self.literals(subject, SKOS.prefLabel, lang)
        if values:
            return values[0]
        fallback = self.literals(subject, SKOS.prefLabel) or self.literals(subject, RDFS.label)
        return fallback[0] if fallback else ""

    def aliases(self, subject) -> tuple[str, ...]:
        forms = self.literals(subject, SKOS.altLabel) + [
            h for h in self.literals(subject, SKOS.hiddenLabel) if not h.endswith("*")
        ]
        return tuple(sorted(set(forms)))

    def prefixes(self, subject) -> tuple[str, ...]:
        return tuple(
            sorted({h[:-1] for h in self.literals(subject, SKOS.hiddenLabel) if h.endswith("*")})
        )

    def one_object(self, subject, predicate):
        values = sorted(self.graph.objects(subject, predicate), key=str)
        return values[0] if values else None

    def has_type(self, subject, rdf_type) -> bool:
        return (subject, RDF.type, rdf_type) in self.graph


def _actor_ref(term) -> ActorRef | None:
    for kind, path in ACTOR_PATHS.items():
        key = _key(term, path)
        if key:
            return ActorRef(kind, key)  # type: ignore[arg-type]
    return None


def _as_date(term, subject, predicate) -> date:
    try:
        return date.fromisoformat(str(term))
    except ValueError as error:
        raise ReferenceDataError(
            f"{subject} has {predicate} {term!r}, not an xsd:date; write it as YYYY-MM-DD"
        ) from error


def read_states(r: TurtleReader) -> dict[str, StateRecord]:
    states = {}
    for iso, subject in r.subjects("state", NKG.State):
        accession = r.one_object(subject, NKG.accessionDate)
        states[iso] = StateRecord(
            iso=iso,
            iri=iri("state", iso),
            name_en=r.pref(subject, "en"),
            name_nl=r.pref(subject, "nl"),
            aliases=r.aliases(subject),
            demonyms=tuple(r.literals(subject, NKG.demonym)),
            accession=_as_date(accession, subject, "nkg:accessionDate") if accession else None,
            partner=r.has_type(subject, NKG.Partner),
        )
    return states


def read_cities(r: TurtleReader) -> dict[str, CityRecord]:
    cities = {}
    for slug, subject in r.subjects("place", NKG.City):
        country = r.one_object(subject, NKG.inCountry)
        cities[slug] = CityRecord(
            slug=slug,
            iri=iri("place", slug),
            country=_key(country, "state") if country is not None else None,
            name_en=r.pref(subject, "en"),
            name_nl=r.pref(subject, "nl"),
            aliases=r.aliases(subject),
        )
    return cities


def read_organisations(r: TurtleReader) -> dict[str, OrganisationRecord]:
    organisations = {}
    for key, subject in r.subjects("org", NKG.Organisation):
        parent = r.one_object(subject, _ORG)
        organisations[key] = OrganisationRecord(
            key=key,
            iri=iri("org", key),
            name_en=r.pref(subject, "en"),
            name_nl=r.pref(subject, "nl"),
            aliases=r.aliases(subject),
            partner=r.has_type(subject, NKG.Partner),
            instrument="instrument" in r.literals(subject, SKOS.note),
            parent=_key(parent, "org") if parent is not None else None,
            seat_city=_key(seat, "place") if (seat := r.one_object(subject, NKG.seatCity)) is not None else None,
            national="national" in r.literals(subject, SKOS.note),
            speaks_for=_key(voice, "org") if (voice := r.one_object(subject, NKG.speaksFor)) is not None else None,
        )
    return organisations


def read_groups(r: TurtleReader) -> dict[str, GroupRecord]:
    groups = {}
    for key, subject in r.subjects("group", NKG.ActorGroup):
        members = sorted(
            ref for ref in (_actor_ref(m) for m in r.graph.objects(subject, NKG.hasMember)) if ref
        )
        quantifier = r.one_object(subject, NKG.quantifier)
        parent = r.one_object(subject, NKG.subgroupOf)
        groups[key] = GroupRecord(
            key=key,
            iri=iri("group", key),
            name_en=r.pref(subject, "en"),
            name_nl=r.pref(subject, "nl"),
            aliases=r.aliases(subject),
            members=tuple(members),
            quantifier=str(quantifier) if quantifier is not None else None,
            subgroup_of=_key(parent, "group") if parent is not None else None,
        )
    return groups


def read_offices(r: TurtleReader) -> dict[str, OfficeRecord]:
    return {
        slug: OfficeRecord(
            slug=slug,
            iri=iri("office", slug),
            name_en=r.pref(subject, "en"),
            name_nl=r.pref(subject, "nl"),
            aliases=r.aliases(subject),
            branch=next(iter(r.literals(subject, NKG.branch)), None),
            organisation=_key(owner, "org") if (owner := r.one_object(subject, NKG.officeOf)) is not None else None,
        )
        for slug, subject in r.subjects("office", NKG.Office)
    }


def read_posts(r: TurtleReader) -> dict[str, PostRecord]:
    posts = {}
    for subject in r.graph.subjects(RDF.type, NKG.Post):
        key = _key(subject, "post")
        office = _key(r.one_object(subject, NKG.portfolio), "office")
        holder = _actor_ref(r.one_object(subject, NKG.postOf))
        if not key or not office or holder is None:
            raise ReferenceDataError(
                f"post {subject} needs nkg:portfolio <office/...> and nkg:postOf an actor; add them"
            )
        posts[key] = PostRecord(key=key, iri=iri("post", *key.split("/")), office=office, of=holder)
    return dict(sorted(posts.items()))


def read_persons(r: TurtleReader, posts: Mapping[str, PostRecord]) -> dict[str, PersonRecord]:
    persons = {}
    for key, subject in r.subjects("person", NKG.Person):
        held = []
        for post in r.graph.objects(subject, NKG.holdsPost):
            post_key = _key(post, "post")
            if post_key not in posts:
                raise ReferenceDataError(
                    f"person/{key} holds {post}, which is not described; add it as an nkg:Post"
                )
            held.append(posts[post_key].ref)
        names = r.literals(subject, FOAF.name)
        persons[key] = PersonRecord(
            key=key,
            iri=iri("person", key),
            full_name=names[0] if names else key,
            short_forms=r.aliases(subject),
            posts=tuple(sorted(held)),
            minister=r.has_type(subject, NKG.Minister),
            tenures=_tenures(r, subject, key, posts, held),
        )
    return persons


def _tenures(r: TurtleReader, subject, key: str, posts: Mapping[str, PostRecord], held: list) -> tuple[Tenure, ...]:
    tenures = []
    for node in r.graph.objects(subject, NKG.tenure):
        post, start = r.one_object(node, NKG.tenurePost), r.one_object(node, NKG.heldFrom)
        post_key = _key(post, "post") if post is not None else None
        if post_key not in posts or posts[post_key].ref not in held or start is None:
            raise ReferenceDataError(
                f"a tenure of person/{key} needs nkg:tenurePost, one of the person's nkg:holdsPost, "
                "and nkg:heldFrom; add them"
            )
        end = r.one_object(node, NKG.heldUntil)
        tenures.append(Tenure(
            posts[post_key].ref,
            _as_date(start, subject, "nkg:heldFrom"),
            _as_date(end, subject, "nkg:heldUntil") if end is not None else None,
        ))
    return tuple(sorted(tenures, key=lambda t: (t.start, str(t.post))))


def read_summits(r: TurtleReader) -> dict[str, SummitRecord]:
    summits = {}
    for subject in r.graph.subjects(RDF.type, NKG.Summit):
        key = _key(subject, "meeting/summit")
        start, end = r.one_object(subject, NKG.startDate), r.one_object(subject, NKG.endDate)
        cities = tuple(
            sorted(
                (_key(c, "place") for c in r.graph.objects(subject, NKG.location)),
                key=lambda slug: (not key.endswith(slug or ""), slug or ""),
            )
        )
        if not key or start is None or not cities or None in cities:
            raise ReferenceDataError(
                f"summit {subject} needs nkg:startDate and nkg:location; add them"
            )
        hosted_by = r.graph.objects(subject, NKG.hostedBy)
        hosts = tuple(sorted(_key(h, "state") or "" for h in hosted_by))
        note = r.literals(subject, SKOS.note)
        start_date = _as_date(start, subject, "nkg:startDate")
        summits[key] = SummitRecord(
            key=key,
            iri=iri("meeting", "summit", key),
            start=start_date,
            end=_as_date(end, subject, "nkg:endDate") if end is not None else start_date,
            cities=cities,  # type: ignore[arg-type]
            hosts=hosts,
            name_en=r.pref(subject, "en"),
            name_nl=r.pref(subject, "nl"),
            note=note[0] if note else None,
        )
    return dict(sorted(summits.items()))


def _concept_forms(r: TurtleReader, subject) -> tuple[str, ...]:
    return tuple(sorted(set(r.literals(subject, SKOS.prefLabel)) | set(r.aliases(subject))))


def read_topics(r: TurtleReader) -> dict[str, TopicRecord]:
    broad = set(r.graph.objects(URIRef(iri("topic", "broad-topics")), SKOS.member))
    return {
        slug: TopicRecord(
            slug=slug,
            iri=iri("topic", slug),
            name_en=r.pref(subject, "en"),
            name_nl=r.pref(subject, "nl"),
            surface_forms=_concept_forms(r, subject),
            prefixes=r.prefixes(subject),
            broad=subject in broad,
            place=_key(place, "state") if (place := r.one_object(subject, NKG.topicPlace)) is not None else None,
            placeless=tuple(sorted(fold(form) for form in r.literals(subject, NKG.placelessLabel))),
        )
        for slug, subject in r.subjects("topic", NKG.Topic)
    }


def read_stances(r: TurtleReader) -> dict[str, StanceRecord]:
    stances = {}
    for slug, subject in r.subjects("stance"):
        negated = r.one_object(subject, NKG.negatedStance)
        broader = r.one_object(subject, SKOS.broader)
        forms = r.literals(subject, SKOS.altLabel, "nl")
        forms += r.literals(subject, SKOS.hiddenLabel, "nl")
        stances[slug] = StanceRecord(
            slug=slug,
            iri=iri("stance", slug),
            name_en=r.pref(subject, "en"),
            name_nl=r.pref(subject, "nl"),
            verb_forms=tuple(sorted(set(forms))),
            negated=_key(negated, "stance") if negated is not None else None,
            realised_as=tuple(sorted(_key(o, "stance") for o in r.graph.objects(subject, NKG.realisedAs))),
            broader=_key(broader, "stance") if broader is not None else None,
        )
    return stances


def read_meeting_terms(r: TurtleReader) -> dict[tuple[str, str], MeetingTermRecord]:
    terms = {}
    standing = set(r.graph.objects(URIRef(iri("meeting-name", "standing-bodies")), SKOS.member))
    for scheme in ("meeting-kind", "meeting-name"):
        for key, subject in r.subjects(scheme, SKOS.Concept):
            kind = r.one_object(subject, NKG.meetingKind)
            group = r.one_object(subject, NKG.sessionGroup)
            partner = r.one_object(subject, NKG.sessionPartner)
            delegations = r.one_object(subject, NKG.delegationsGroup)
            terms[(scheme, key)] = MeetingTermRecord(
                scheme=scheme,  # type: ignore[arg-type]
                key=key,
                iri=iri(scheme, key),
                name_en=r.pref(subject, "en"),
                name_nl=r.pref(subject, "nl"),
                surface_forms=_concept_forms(r, subject),
                prefixes=r.prefixes(subject),
                meeting_kind=_key(kind, "meeting-kind") if kind is not None else None,
                session_group=_key(group, "group") if group is not None else None,
                standing_body=subject in standing,
                session_partner=_actor_ref(partner) if partner is not None else None,
                delegations=_actor_ref(delegations) if delegations is not None else None,
            )
    return terms


__all__ = ["TurtleReader", "read_states", "read_cities", "read_organisations", "read_groups", "read_offices", "read_posts", "read_persons", "read_summits", "read_topics", "read_stances", "read_meeting_terms"]
