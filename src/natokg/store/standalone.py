"""One letter's graph with what it needs to stand alone, for ``natokg export --graph``.

A letter's graph names meetings, persons, posts, states, cities, topics and stances
whose descriptions live once in the shared graphs (docs/architecture.md, "Graph
layout"). Alone, the graph does not conform to the shapes (``sh:class nkg:Meeting``
finds no meeting types: they are in graph/entities) and a reader sees bare IRIs. So the
export adds, each in the graph it comes from:

- the descriptions of the entities the letter itself gave (meetings, posts, persons:
  the build's file of them, validated together with the letter), or without that
  file, from graph/entities the description of every entity the letter uses and of
  the entities those name in turn;
- from the reference and ontology graphs, the types and labels of every IRI used, the
  classes and concepts included (states, cities, organisations, topics, stances,
  controlled values).

Cross-letter graphs (graph/pairing, graph/dataset) are not a letter's context.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from natokg.identifiers import DATASET_GRAPH, ENTITIES_GRAPH, PAIRING_GRAPH, graph_iri, letter_iri
from natokg.errors import StoreError
from natokg.namespaces import PREFIXES

RDF_TYPE = PREFIXES["rdf"] + "type"
# the predicates that say what a thing is and what it is called
TYPE_AND_LABELS = frozenset({
    RDF_TYPE,
    PREFIXES["rdfs"] + "label",
    PREFIXES["skos"] + "prefLabel",
    PREFIXES["foaf"] + "name",
})
NOT_CONTEXT = frozenset({DATASET_GRAPH, PAIRING_GRAPH})


def is_letter_graph(store: ox.Store, graph: ox.NamedNode) -> bool:
    """A letter's graph (``graph/{key}``) holds its letter node, ``letter/{key}``."""
    prefix = str(graph_iri(""))
    if not graph.value.startswith(prefix):
        return False
    letter = ox.NamedNode(str(letter_iri(graph.value[len(prefix):])))
    return any(True for _ in store.quads_for_pattern(letter, ox.NamedNode(RDF_TYPE), None, graph))


def _iris(triples) -> set[ox.NamedNode]:
    used: set[ox.NamedNode] = set()
    for triple in triples:
        for term in (triple.subject, triple.object):
            if isinstance(term, ox.NamedNode):
                used.add(term)
    return used


def _entity_descriptions(store: ox.Store, used: set[ox.NamedNode]) -> list[ox.Triple]:
    """From graph/entities, the descriptions of ``used``, followed to the entities they
    name (a session's parent meeting, a post's holder)."""
    entities = ox.NamedNode(ENTITIES_GRAPH)
    described: list[ox.Triple] = []
    waiting, seen = list(used), set(used)
    while waiting:
        subject = waiting.pop()
        for quad in store.quads_for_pattern(subject, None, None, entities):
            described.append(quad.triple)
            term = quad.object
            if isinstance(term, ox.NamedNode) and term not in seen:
                seen.add(term)
                waiting.append(term)
    return described


def letter_context(store: ox.Store, letter_triples: bytes, own_entities: bytes | None = None) -> dict[str, list[ox.Triple]]:
    """Shared graph IRI -> the triples of the context ``letter_triples`` (a letter
    graph's N-Triples) needs from it; graphs with nothing to give are left out.

    ``own_entities``: the entity descriptions the letter itself gave (the build's file
    of them, validated with the letter). graph/entities unions every letter's, so a
    meeting two letters describe differently (one calls it informal) has both values
    there; without the file, the descriptions come from graph/entities."""
    used = _iris(ox.parse(letter_triples, ox.RdfFormat.N_TRIPLES))
    if own_entities is not None:
        described = list(ox.parse(own_entities, ox.RdfFormat.N_TRIPLES))
    else:
        described = _entity_descriptions(store, used)
    used |= _iris(described)
    context: dict[str, list[ox.Triple]] = {ENTITIES_GRAPH: described} if described else {}
    shared = [
        g for g in store.named_graphs() if isinstance(g, ox.NamedNode)
        and g.value not in NOT_CONTEXT and g.value != ENTITIES_GRAPH and not is_letter_graph(store, g)
    ]
    for graph in shared:
        found = [
            quad.triple
            for subject in used
            for quad in store.quads_for_pattern(subject, None, None, graph)
            if quad.predicate.value in TYPE_AND_LABELS
        ]
        if found:
            context[graph.value] = found
    return context


def read_entities(path: Path) -> bytes:
    """The build's file of the entities a letter described."""
    try:
        return path.read_bytes()
    except OSError:
        raise StoreError(
            f"the entities file {path.parent.name}/{path.name} of this build is missing: builds committed "
            "while it was read (run the command again) or the store is damaged (run `natokg build --rebuild`)",
            path=path.parent.parent,
        ) from None


__all__ = ["TYPE_AND_LABELS", "is_letter_graph", "letter_context", "read_entities"]
