"""What the pages and the linked-data views say about a resource, read from the served
store's default graph (the union of the named graphs, natokg.serve.served).

Every function takes the pyoxigraph store and returns records or triples; none prints.
Its own queries are fixed patterns on one IRI, so they run in this process without the
deadline the users' queries have.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox

from natokg.namespaces import DCTERMS, NKG, OA, RDF
from natokg.sparql.labels import DEFAULT_LANGUAGE, LABEL_PROPERTIES, best_labels

DEFAULT = ox.DefaultGraph()
TYPE = ox.NamedNode(str(RDF.type))
EVIDENCE = ox.NamedNode(str(NKG.evidence))
SELECTOR = ox.NamedNode(str(OA.hasSelector))
# what a search reads: the names of things, not their identifiers (dcterms:identifier)
SEARCHED_PROPERTIES = tuple(p for p in LABEL_PROPERTIES if p != str(DCTERMS.identifier))
INCOMING_LIMIT = 500


# things without a label of their own are named after what they relate: class -> the
# properties whose objects' labels make the name, in order
DERIVED_LABELS = {
    str(NKG.Participation): (NKG.participant, NKG.inMeeting),
    str(NKG.Position): (NKG.heldBy, NKG.stance, NKG.onTopic),
    str(NKG.Commitment): (NKG.committedBy, NKG.commitmentKind, NKG.targetYear),
    str(NKG.Observation): (NKG.observedBy, NKG.commitmentKind, NKG.year),
}
QUOTE_LENGTH = 60


def store_labels(store: ox.Store, iris, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """IRI -> its label: its own best label in ``lang`` (natokg.sparql.labels' rule),
    else one made of what it relates (a position: actor, stance, topic) or, for
    evidence, the start of its quote."""
    labels = own_labels(store, iris, lang)
    missing = set(iris) - set(labels)
    if missing:
        labels.update(_derived_labels(store, missing, lang))
    return labels


def _derived_labels(store: ox.Store, iris: set[str], lang: str) -> dict[str, str]:
    parts: dict[str, list[ox.Term]] = {}
    exact = ox.NamedNode(str(OA.exact))
    derived: dict[str, str] = {}
    for iri in iris:
        node = ox.NamedNode(iri)
        for quad in store.quads_for_pattern(node, exact, None, DEFAULT):
            text = " ".join(quad.object.value.split())
            derived[iri] = f"“{text[:QUOTE_LENGTH]}{'…' if len(text) > QUOTE_LENGTH else ''}”"
            break
        if iri in derived:
            continue
        for quad in store.quads_for_pattern(node, TYPE, None, DEFAULT):
            predicates = DERIVED_LABELS.get(quad.object.value)
            if predicates:
                parts[iri] = [
                    q.object for p in predicates for q in store.quads_for_pattern(node, ox.NamedNode(str(p)), None, DEFAULT)
                ]
                break
    names = own_labels(store, {t.value for terms in parts.values() for t in terms if isinstance(t, ox.NamedNode)}, lang)
    for iri, terms in parts.items():
        words = [names.get(t.value, t.value.rsplit("/", 1)[-1]) if isinstance(t, ox.NamedNode) else t.value for t in terms]
        if words:
            derived[iri] = " · ".join(words)
    return derived


def own_labels(store: ox.Store, iris, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """IRI -> its best label of its own in ``lang`` (see store_labels)."""
    labels = {}
    for iri in set(iris):
        label = _own_label(store, iri, lang)
        if label is not None:
            labels[iri] = label
    return labels


def clear_label_cache() -> None:
    """Forget the cached labels (and the stores they were read from)."""
    _own_label.cache_clear()


@lru_cache(maxsize=200_000)
def _own_label(store: ox.Store, iri: str, lang: str) -> str | None:
    """Cached: a served store never changes while it is served."""
    node = ox.NamedNode(iri)
    candidates = (
        (iri, predicate, quad.object.language, quad.object.value)
        for predicate in LABEL_PROPERTIES
        for quad in store.quads_for_pattern(node, ox.NamedNode(predicate), None, DEFAULT)
        if isinstance(quad.object, ox.Literal)
    )
    return best_labels(candidates, lang).get(iri)


def exists(store: ox.Store, iri: str) -> bool:
    """Whether any triple has ``iri`` as its subject or object."""
    node = ox.NamedNode(iri)
    for _ in store.quads_for_pattern(node, None, None, DEFAULT):
        return True
    for _ in store.quads_for_pattern(None, None, node, DEFAULT):
        return True
    return False


def description_triples(store: ox.Store, iri: str) -> list[ox.Triple]:
    """What a dereferenced IRI returns: its triples (from every graph), the types and
    labels of what it points to, and its evidence (quote, offsets, letter)."""
    node = ox.NamedNode(iri)
    own = [quad.triple for quad in store.quads_for_pattern(node, None, None, DEFAULT)]
    triples = list(own)
    seen = {node}
    for triple in own:
        target = triple.object
        if not isinstance(target, (ox.NamedNode, ox.BlankNode)) or target in seen:
            continue
        seen.add(target)
        if triple.predicate == EVIDENCE:
            evidence = [quad.triple for quad in store.quads_for_pattern(target, None, None, DEFAULT)]
            triples += evidence
            for selector in {t.object for t in evidence if t.predicate == SELECTOR}:  # its Web Annotation selectors
                triples += [quad.triple for quad in store.quads_for_pattern(selector, None, None, DEFAULT)]
            continue
        triples += [quad.triple for quad in store.quads_for_pattern(target, TYPE, None, DEFAULT)]
        for predicate in LABEL_PROPERTIES:
            triples += [quad.triple for quad in store.quads_for_pattern(target, ox.NamedNode(predicate), None, DEFAULT)]
    return triples


@dataclass
class Quote:
    """The evidence of a statement: the exact text, where it stands and in which letter."""

    evidence: str
    letter: str
    start: int
    end: int
    exact: str


@dataclass
class Description:
    """A resource page's content. ``properties``: predicate -> objects (evidence apart);
    ``incoming``: predicate -> subjects; ``graphs``: the named graphs holding its triples."""

    iri: str
    types: list[str] = field(default_factory=list)
    properties: dict[str, list] = field(default_factory=dict)
    incoming: dict[str, list[str]] = field(default_factory=dict)
    incoming_truncated: bool = False
    quotes: list[Quote] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)

    def iris(self) -> set[str]:
        """Every IRI the page shows (to look their labels up at once)."""
        found = {self.iri, *self.types, *self.properties, *self.incoming, *self.graphs}
        found |= {quote.letter for quote in self.quotes}
        for values in self.properties.values():
            found |= {value.value for value in values if isinstance(value, ox.NamedNode)}
        for subjects in self.incoming.values():
            found |= set(subjects)
        return found


def quote_of(store: ox.Store, evidence: ox.NamedNode | ox.BlankNode) -> Quote | None:
    """The evidence's quote, offsets and letter (None when one is missing)."""
    values = {quad.predicate.value: quad.object.value for quad in store.quads_for_pattern(evidence, None, None, DEFAULT)}
    try:
        return Quote(
            str(evidence.value), values[str(NKG.inLetter)], int(values[str(OA.start)]), int(values[str(OA.end)]),
            values[str(OA.exact)],
        )
    except (KeyError, ValueError):
        return None


def describe(store: ox.Store, iri: str) -> Description:
    node = ox.NamedNode(iri)
    description = Description(iri)
    properties: dict[str, list] = defaultdict(list)
    for quad in store.quads_for_pattern(node, None, None, DEFAULT):
        predicate = quad.predicate.value
        if quad.predicate == TYPE:
            description.types.append(quad.object.value)
        elif quad.predicate == EVIDENCE:
            quote = quote_of(store, quad.object)
            if quote is not None:
                description.quotes.append(quote)
        else:
            properties[predicate].append(quad.object)
    description.properties = {p: sorted(values, key=str) for p, values in sorted(properties.items())}
    description.quotes.sort(key=lambda q: (q.letter, q.start))
    incoming: dict[str, list[str]] = defaultdict(list)
    for count, quad in enumerate(store.quads_for_pattern(None, None, node, DEFAULT)):
        if count >= INCOMING_LIMIT:
            description.incoming_truncated = True
            break
        if isinstance(quad.subject, ox.NamedNode):
            incoming[quad.predicate.value].append(quad.subject.value)
    description.incoming = {p: sorted(subjects) for p, subjects in sorted(incoming.items())}
    graphs = {quad.graph_name.value for quad in store.quads_for_pattern(node, None, None) if isinstance(quad.graph_name, ox.NamedNode)}
    description.graphs = sorted(graphs)
    return description


def search(store: ox.Store, text: str, limit: int = 50) -> list[tuple[str, str]]:
    """(IRI, label) of the resources whose label holds ``text`` (case-insensitive)."""
    needle = " ".join(text.split()).lower()
    if not needle:
        return []
    found: dict[str, str] = {}
    for predicate in SEARCHED_PROPERTIES:
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None, DEFAULT):
            if isinstance(quad.subject, ox.NamedNode) and needle in quad.object.value.lower():
                found.setdefault(quad.subject.value, quad.object.value)
    return sorted(found.items(), key=lambda item: (len(item[1]), item[1]))[:limit]


def count_instances(store: ox.Store, class_iri: str) -> int:
    return sum(1 for _ in store.quads_for_pattern(None, TYPE, ox.NamedNode(class_iri), DEFAULT))


__all__ = ["Description", "Quote", "clear_label_cache", "count_instances", "describe", "description_triples", "exists", "store_labels", "own_labels", "quote_of", "search"]
