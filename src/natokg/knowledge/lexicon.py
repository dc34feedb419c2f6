"""The extractor's lexicons, read from the ontology's own Turtle (docs/architecture.md,
"Lexicon conventions").

Everything the extractor matches - states, cities, organisations, groups, offices,
persons, summits, topics, stance verbs, meeting words - is a resource in
ontology/*.ttl or ontology/reference/*.ttl with skos:prefLabel / altLabel /
hiddenLabel. ``load_lexicon()`` parses all of it once (cached) into a :class:`Lexicon`
of frozen records with lookups by surface form. An ontology maintainer extends
extraction by editing Turtle, never this module.

Surface forms are compared after :func:`normalise_surface`: case, diacritics, hyphens
versus spaces, typographic quotes, emphasis asterisks and a leading article ("de",
"het") do not matter, so "Türkiye" == "Turkije"'s sibling alias, "Zuid Korea" ==
"Zuid-Korea" and "de bondgenoten" == "bondgenoten".
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Literal, Mapping, Union

from rdflib import Graph, Literal as RdfLiteral, URIRef
from rdflib.namespace import FOAF, RDF, SKOS

from natokg.errors import ReferenceDataError
from natokg.folding import fold
from natokg.identifiers import actor_iri
from natokg.namespaces import DEFAULT_DATA_BASE, data_base, rebased
from natokg.knowledge.entries import (  # the lexicon's records, re-exported
    StateRecord,
    CityRecord,
    OrganisationRecord,
    GroupRecord,
    OfficeRecord,
    PostRecord,
    PersonRecord,
    SummitRecord,
    TopicRecord,
    StanceRecord,
    MeetingTermRecord,
)
from natokg.knowledge.reference_records import (  # the records read from Turtle
    TurtleReader,
    read_states,
    read_cities,
    read_organisations,
    read_groups,
    read_offices,
    read_posts,
    read_persons,
    read_summits,
    read_topics,
    read_stances,
    read_meeting_terms,
)
from natokg.knowledge.turtle import parse_turtle
from natokg.paths import ontology_dir
from natokg.records import ActorRef

SurfaceKind = Literal[
    "actor",  # states, organisations, groups and persons together
    "state",
    "organisation",
    "group",
    "person",
    "demonym",  # target: the state's ActorRef
    "city",
    "office",
    "topic",
    "stance",
    "meeting-kind",
    "meeting-name",
]
Target = Union[ActorRef, str]
_SURFACE_KINDS: tuple[str, ...] = SurfaceKind.__args__  # type: ignore[attr-defined]

# When two actors claim the same normalised form, the earlier kind wins (and the form
# is listed in Lexicon.ambiguous_forms, which the tests require to be empty).
_ACTOR_PRECEDENCE = ("state", "organisation", "group", "person")
_ARTICLES = ("de ", "het ", "'t ", "the ")
_NO_REFERENCE = "no reference Turtle found; restore ontology/reference/*.ttl"


# ---------------------------------------------------------------- normalisation


@lru_cache(maxsize=1 << 14)  # the rules look up the same few names in every sentence
def normalise_surface(text: str) -> str:
    """The form surface forms are compared in: 'De Zuid-Korea' -> 'zuid korea'."""
    folded = fold(text)
    folded = re.sub(r"[\u2018\u2019\u201b`\u00b4]", "'", folded)
    folded = re.sub(r"[*_]", "", folded)  # markdown emphasis in converted letters
    folded = re.sub(r"[\u2010-\u2015\-]+", " ", folded)  # hyphens and dashes
    folded = re.sub(r"\s+", " ", folded).strip(" .,;:")
    for article in _ARTICLES:
        if folded.startswith(article) and len(folded) > len(article):
            folded = folded[len(article) :]
            break
    return folded


# ---------------------------------------------------------------- reading Turtle


def _turtle_files(ontology: Path) -> list[Path]:
    return sorted(ontology.glob("*.ttl")) + sorted((ontology / "reference").glob("*.ttl"))


def _rebase(graph: Graph) -> Graph:
    """Move data IRIs from the default base to NATOKG_BASE, when that is set."""
    base = data_base()
    if base == DEFAULT_DATA_BASE:
        return graph

    def move(term):
        return URIRef(rebased(str(term))) if isinstance(term, URIRef) else term

    moved = Graph()
    for prefix, namespace in graph.namespaces():
        moved.bind(prefix, namespace)
    for s, p, o in graph:
        moved.add((move(s), p, move(o)))
    return moved


def load_reference_graph() -> Graph:
    """The reference Turtle (ontology/reference/*.ttl) as one graph, for graph/reference.

    A new graph on every call (callers may add to it); IRIs follow NATOKG_BASE.
    """
    folder = ontology_dir() / "reference"
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise ReferenceDataError(_NO_REFERENCE, path=folder)
    return _rebase(parse_turtle(files))


# ---------------------------------------------------------------- the lexicon


class Lexicon:
    """Typed, read-only lexicons with lookups by surface form (see the module doc)."""

    def __init__(self, graph: Graph) -> None:
        r = TurtleReader(graph)
        self.states: Mapping[str, StateRecord] = MappingProxyType(read_states(r))
        self.cities: Mapping[str, CityRecord] = MappingProxyType(read_cities(r))
        self.organisations: Mapping[str, OrganisationRecord] = MappingProxyType(
            read_organisations(r)
        )
        self.groups: Mapping[str, GroupRecord] = MappingProxyType(read_groups(r))
        self.offices: Mapping[str, OfficeRecord] = MappingProxyType(read_offices(r))
        self.posts: Mapping[str, PostRecord] = MappingProxyType(read_posts(r))
        self.persons: Mapping[str, PersonRecord] = MappingProxyType(read_persons(r, self.posts))
        self.summits: Mapping[str, SummitRecord] = MappingProxyType(read_summits(r))
        self.topics: Mapping[str, TopicRecord] = MappingProxyType(read_topics(r))
        self.stances: Mapping[str, StanceRecord] = MappingProxyType(read_stances(r))
        self.meeting_terms: Mapping[tuple[str, str], MeetingTermRecord] = MappingProxyType(
            read_meeting_terms(r)
        )
        # the meeting name of each partner group's session ("ICI-partners" -> the ICI meeting)
        self.session_groups: Mapping[str, MeetingTermRecord] = MappingProxyType({
            term.session_group: term for (scheme, _), term in self.meeting_terms.items()
            if scheme == "meeting-name" and term.session_group
        })
        self._labels = self._collect_labels(r)
        self._forms: dict[str, tuple[tuple[str, Target], ...]] = {}
        self._index: dict[str, dict[str, Target]] = {}
        ambiguous: set[tuple[str, str]] = set()
        for kind, pairs in self._build_forms().items():
            self._forms[kind] = tuple(sorted(set(pairs), key=lambda p: (p[0], str(p[1]))))
            index: dict[str, Target] = {}
            for form, target in self._forms[kind]:
                key = normalise_surface(form)
                if not key:
                    continue
                if key in index and index[key] != target:
                    ambiguous.add((kind, key))
                    if _rank(target) >= _rank(index[key]):
                        continue  # keep the earlier kind (state before organisation ...)
                index[key] = target
            self._index[kind] = index
        self.ambiguous_forms: frozenset[tuple[str, str]] = frozenset(ambiguous)
        by_city: dict[str, list[SummitRecord]] = defaultdict(list)
        for summit in self.summits.values():
            for city in summit.cities:
                by_city[city].append(summit)
        self._summits_by_city = {
            city: tuple(sorted(found, key=lambda s: s.start)) for city, found in by_city.items()
        }

    # ------------------------------------------------------------ building

    def _build_forms(self) -> dict[str, list[tuple[str, Target]]]:
        forms: dict[str, list[tuple[str, Target]]] = defaultdict(list)

        def named(kind: str, target: Target, *names: str, aliases: tuple[str, ...] = ()) -> None:
            forms[kind].extend((n, target) for n in (*names, *aliases) if n)

        for s in self.states.values():
            named("state", s.ref, s.name_en, s.name_nl, aliases=s.aliases)
            forms["demonym"].extend((d, s.ref) for d in s.demonyms)
        for o in self.organisations.values():
            # a body that speaks for an organisation (nkg:speaksFor) is read as that organisation
            voice = self.organisations[o.speaks_for].ref if o.speaks_for in self.organisations else o.ref
            named("organisation", voice, o.name_en, o.name_nl, aliases=o.aliases)
        for g in self.groups.values():
            named("group", g.ref, g.name_en, g.name_nl, aliases=g.aliases)
        for p in self.persons.values():
            named("person", p.ref, p.full_name, aliases=p.short_forms)
        forms["actor"] = [pair for kind in _ACTOR_PRECEDENCE for pair in forms[kind]]
        for c in self.cities.values():
            named("city", c.slug, c.name_en, c.name_nl, aliases=c.aliases)
        for f in self.offices.values():
            named("office", f.slug, f.name_en, f.name_nl, aliases=f.aliases)
        for t in self.topics.values():
            named("topic", t.slug, aliases=t.surface_forms)
        for v in self.stances.values():
            named("stance", v.slug, aliases=v.verb_forms)
        for m in self.meeting_terms.values():
            named(m.scheme, m.key, aliases=m.surface_forms)
        return forms

    @staticmethod
    def _collect_labels(r: TurtleReader) -> dict[str, dict[str, str]]:
        labels: dict[str, dict[str, str]] = {}
        for subject, _, label in r.graph.triples((None, SKOS.prefLabel, None)):
            if isinstance(subject, URIRef) and isinstance(label, RdfLiteral):
                current = labels.setdefault(str(subject), {})
                lang = label.language or ""
                if lang not in current or str(label) < current[lang]:
                    current[lang] = str(label)
        for subject, _, name in r.graph.triples((None, FOAF.name, None)):
            labels.setdefault(str(subject), {}).setdefault("", str(name))
        return labels

    # ------------------------------------------------------------ lookups by surface form

    def _lookup(self, kind: str, text: str) -> Target | None:
        return self._index.get(kind, {}).get(normalise_surface(text))

    def actor_by_surface(self, text: str) -> ActorRef | None:
        """The state, organisation, group or person a form names: 'VS' -> ('state', 'us')."""
        found = self._lookup("actor", text)
        return found if isinstance(found, ActorRef) else None

    def meeting_name_by_surface(self, text: str) -> MeetingTermRecord | None:
        """The named meeting a form names: 'Raad Buitenlandse Zaken' -> the Foreign Affairs Council."""
        found = self._lookup("meeting-name", text)
        return self.meeting_terms.get(("meeting-name", found)) if isinstance(found, str) else None

    def state_by_demonym(self, text: str) -> StateRecord | None:
        """The state of a Dutch adjective: 'Oekraïense' -> Ukraine."""
        found = self._lookup("demonym", text)
        return self.states[found.key] if isinstance(found, ActorRef) else None

    def city_by_surface(self, text: str) -> CityRecord | None:
        found = self._lookup("city", text)
        return self.cities[found] if isinstance(found, str) else None

    def office_by_surface(self, text: str) -> OfficeRecord | None:
        found = self._lookup("office", text)
        return self.offices[found] if isinstance(found, str) else None

    def person_by_surface(self, text: str) -> PersonRecord | None:
        found = self._lookup("person", text)
        return self.persons[found.key] if isinstance(found, ActorRef) else None

    def topic_by_surface(self, text: str) -> TopicRecord | None:
        found = self._lookup("topic", text)
        return self.topics[found] if isinstance(found, str) else None

    def stance_by_surface(self, text: str) -> StanceRecord | None:
        found = self._lookup("stance", text)
        return self.stances[found] if isinstance(found, str) else None

    def surface_forms(self, kind: SurfaceKind) -> tuple[tuple[str, Target], ...]:
        """(form as written in the Turtle, target) pairs, sorted, for building matchers.

        Targets are ActorRefs for actor kinds and demonyms, slugs (keys) otherwise.
        Prefix stems ("defensie-uitgave*") are not included: see :meth:`prefix_forms`.
        """
        if kind not in _SURFACE_KINDS:
            raise ValueError(
                f"unknown surface kind {kind!r}; use one of {', '.join(_SURFACE_KINDS)}"
            )
        return self._forms.get(kind, ())

    def prefix_forms(
        self, kind: Literal["topic", "meeting-kind", "meeting-name"]
    ) -> tuple[tuple[str, str], ...]:
        """(stem, slug) pairs from hiddenLabels ending in '*' (the '*' removed), sorted."""
        if kind == "topic":
            records = [(t.slug, t.prefixes) for t in self.topics.values()]
        else:
            records = [(m.key, m.prefixes) for m in self.meeting_terms.values() if m.scheme == kind]
        return tuple(sorted((stem, slug) for slug, stems in records for stem in stems))

    # ------------------------------------------------------------ membership and summits

    def allies_at(self, when: date) -> frozenset[str]:
        """ISO codes of the states that had acceded to NATO on or before ``when``."""
        return frozenset(
            s.iso for s in self.states.values() if s.accession is not None and s.accession <= when
        )

    def is_ally_at(self, iso: str, when: date) -> bool:
        state = self.states.get(iso.lower())
        return bool(state and state.accession is not None and state.accession <= when)

    def summit_at(self, city_slug: str, year: int) -> SummitRecord | None:
        """The NATO summit in a city in a year (None if there was none, or more than one)."""
        found = [s for s in self._summits_by_city.get(city_slug, ()) if s.start.year == year]
        return found[0] if len(found) == 1 else None

    def summits_in_city(self, city_slug: str) -> tuple[SummitRecord, ...]:
        """Every summit held (partly) in a city, oldest first."""
        return self._summits_by_city.get(city_slug, ())

    # ------------------------------------------------------------ IRIs and labels

    def label(self, iri_or_key: str | URIRef | ActorRef, lang: str = "en") -> str | None:
        """The skos:prefLabel (or foaf:name) of a resource in ``lang``, falling back to
        English, then Dutch, then any label. Accepts an IRI, a data path ('state/nl',
        'office/president') or an ActorRef. None if the resource has no label."""
        if isinstance(iri_or_key, ActorRef):
            text = str(actor_iri(iri_or_key))
        else:
            text = str(iri_or_key)
        if text.startswith(data_base()):
            text = DEFAULT_DATA_BASE + text[len(data_base()) :]
        elif "://" not in text:
            text = DEFAULT_DATA_BASE + text.strip("/")
        labels = self._labels.get(text)
        if not labels:
            return None
        for choice in (lang, "en", "nl", ""):
            if choice in labels:
                return labels[choice]
        return next(iter(sorted(labels.values())))


def _rank(target: Target) -> int:
    """Precedence of a target when two claim one form: lower wins; slugs tie."""
    return _ACTOR_PRECEDENCE.index(target.kind) if isinstance(target, ActorRef) else 0


@cache
def _load(ontology: Path) -> Lexicon:
    files = _turtle_files(ontology)
    if not any(p.parent.name == "reference" for p in files):
        raise ReferenceDataError(_NO_REFERENCE, path=ontology)
    return Lexicon(parse_turtle(files))


def load_lexicon(ontology: Path | None = None) -> Lexicon:
    """All lexicons from ontology/*.ttl and ontology/reference/*.ttl, parsed once per
    directory (cached). Missing topics.ttl or stances.ttl just give empty lexicons."""
    return _load(_resolved(ontology or ontology_dir()))


@cache  # resolving stats every component of the path: once per process, not once per letter
def _resolved(path: Path) -> Path:
    return path.resolve()


@cache
def _honorifics(path: Path) -> frozenset[str]:
    if not path.is_file():
        return frozenset()
    graph = parse_turtle([path])
    return frozenset(
        " ".join(str(label).split()).casefold()  # as written: "drs." with its dot, "de heer"
        for concept in graph.subjects(RDF.type, SKOS.Concept)
        for label in graph.objects(concept, SKOS.altLabel)
    )


def honorific_forms(ontology: Path | None = None) -> frozenset[str]:
    """The titles and forms of address written before names ("Drs.", "Mr.", "de heer"),
    from ontology/reference/honorifics.ttl, as folded words with their dot ("drs."); empty
    without the file. Read apart from the Lexicon so segmentation stays light."""
    return _honorifics(_resolved((ontology or ontology_dir()) / "reference" / "honorifics.ttl"))
