"""The graphs a build shares between letters: the ontology and reference graphs read
from Turtle (blank nodes made stable IRIs) and graph/entities, the union of the
letters' entity descriptions. natokg.store.build loads them after the letters."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from natokg.errors import ReferenceDataError, StoreError
from natokg.identifiers import (
    ANNEXES_GRAPH,
    DATASET_GRAPH,
    ENTITIES_GRAPH,
    MEETING_IDENTITY_GRAPH,
    ONTOLOGY_GRAPH_NAME,
    PAIRING_GRAPH,
    REFERENCE_GRAPH,
    graph_iri,
    skolem_iri,
)
from natokg.namespaces import rebased
from natokg.paths import ontology_dir, reference_dir
from natokg.store.layout import Manifest, list_graphs


def ontology_graph_files() -> dict[str, list[Path]]:
    """Shared graph IRI -> the Turtle files that make it up.

    natokg.ttl -> graph/ontology; every other ontology/*.ttl (topics, stances,
    vocabularies) -> graph/{stem}; ontology/reference/*.ttl -> graph/reference.
    """
    graphs: dict[str, list[Path]] = {}
    for path in sorted(ontology_dir().glob("*.ttl")):
        name = ONTOLOGY_GRAPH_NAME if path.stem == "natokg" else path.stem
        graphs.setdefault(str(graph_iri(name)), []).append(path)
    references = sorted(reference_dir().glob("*.ttl")) if reference_dir().is_dir() else []
    if references:
        graphs[REFERENCE_GRAPH] = references
    return graphs


def shared_graph_iris() -> set[str]:
    return set(ontology_graph_files()) | {ENTITIES_GRAPH, PAIRING_GRAPH, DATASET_GRAPH, ANNEXES_GRAPH, MEETING_IDENTITY_GRAPH}


def skolemised_ntriples(files: Iterable[Path], graph: str) -> str:
    """Turtle files as sorted N-Triples, blank nodes replaced by stable IRIs.

    Data IRIs follow NATOKG_BASE (natokg.namespaces.rebased). The store would give
    blank nodes fresh random labels on every load, which breaks
    byte-identical exports; canonical labelling (RDFC-1.0) and skolem IRIs
    (natokg.identifiers.skolem_iri) keep them stable.
    """
    dataset = ox.Dataset()
    for path in files:
        try:
            for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
                dataset.add(ox.Quad(triple.subject, triple.predicate, triple.object))
        except (SyntaxError, OSError) as error:
            raise ReferenceDataError(f"cannot parse ({error}); fix the Turtle", path=path) from None
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)

    def skolem(term):
        if isinstance(term, ox.BlankNode):
            return ox.NamedNode(skolem_iri(graph, term.value))
        if isinstance(term, ox.NamedNode):  # under NATOKG_BASE, as the letters' IRIs are
            value = term.value
            moved = rebased(value)
            return term if moved is value else ox.NamedNode(moved)
        return term

    triples = [ox.Triple(skolem(q.subject), q.predicate, skolem(q.object)) for q in dataset]
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    return "".join(sorted(line + "\n" for line in set(text.split("\n")) if line))


def union_entities(store: ox.Store, store_dir: Path, manifest: Manifest) -> int:
    """graph/entities = the union of every loaded letter's entity descriptions, minus what
    the reference graph already says."""
    lines: set[str] = set()
    for entry in manifest.letters.values():
        path = store_dir / entry.entities_file
        try:
            lines.update(path.read_text(encoding="utf-8").split("\n"))
        except OSError as error:
            raise StoreError(
                f"entity cache {path.name} is missing ({error}); run `natokg build --rebuild`",
                path=path,
            ) from None
    lines.discard("")
    if lines and REFERENCE_GRAPH in set(list_graphs(store)):
        reference = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(REFERENCE_GRAPH))
        lines.difference_update(reference.decode("utf-8").split("\n"))
    store.update(f"DROP SILENT GRAPH <{ENTITIES_GRAPH}>")
    if lines:
        store.load("".join(line + "\n" for line in sorted(lines)), ox.RdfFormat.N_TRIPLES,
                   to_graph=ox.NamedNode(ENTITIES_GRAPH))
    return len(lines)


__all__ = ["ontology_graph_files", "shared_graph_iris", "skolemised_ntriples", "union_entities"]
