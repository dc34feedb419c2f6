"""The RDF serialisation formats natokg writes: one table for the mapper, the export
and the dataset description's distributions."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


@dataclass(frozen=True)
class SerialisationFormat:
    name: str  # as given to --format
    media_type: str
    title: str  # the dataset description's dcat:Distribution title
    oxigraph: ox.RdfFormat | None  # None: written with rdflib (JSON-LD)


FORMAT_TABLE: dict[str, SerialisationFormat] = {
    f.name: f
    for f in (
        SerialisationFormat("turtle", "text/turtle", "Turtle (union of all graphs)", ox.RdfFormat.TURTLE),
        SerialisationFormat(
            "nt", "application/n-triples", "N-Triples (union of all graphs, sorted)", ox.RdfFormat.N_TRIPLES
        ),
        SerialisationFormat(
            "nquads", "application/n-quads", "N-Quads (all named graphs, sorted)", ox.RdfFormat.N_QUADS
        ),
        SerialisationFormat("trig", "application/trig", "TriG (all named graphs)", ox.RdfFormat.TRIG),
        SerialisationFormat(
            "jsonld", "application/ld+json", "JSON-LD (compacted with ontology/context.jsonld)", None
        ),
    )
}
SERIALISATION_FORMATS = tuple(FORMAT_TABLE)
MEDIA_TYPES = {name: f.media_type for name, f in FORMAT_TABLE.items()}

__all__ = ["FORMAT_TABLE", "MEDIA_TYPES", "SERIALISATION_FORMATS", "SerialisationFormat"]
