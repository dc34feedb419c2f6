"""Every output format natokg names: one table of names, aliases and media types.

The CLI (`natokg query`, `describe`, `export`, `map`) and the server (``format=`` on
/sparql, the Accept header) resolve a format name through it, each place offering the
formats it can write (a tuple of canonical names); the export formats also give the
dataset description its distributions.

A name is looked up among the formats a place offers, case and surrounding spaces
aside: a canonical name first, then an alias, then a media type, then a media type
clients send for the same thing. So "json" is natokg's JSON rows where the CLI offers
them, and the SPARQL JSON results on the server, which offers no other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pyoxigraph as ox

from natokg.errors import BadInputError, NatokgError


@dataclass(frozen=True)
class Format:
    name: str  # canonical, as listed to users
    media_type: str
    aliases: tuple[str, ...] = ()
    media_aliases: tuple[str, ...] = ()  # what clients send for the same media type
    title: str | None = None  # an export format's dcat:Distribution title in the dataset description
    oxigraph: ox.RdfFormat | None = None  # an export format pyoxigraph writes (None: JSON-LD, rdflib)
    suffix: str | None = None  # of a file (a dump, a linked-data IRI) in this format


_SPARQL_JSON = "application/sparql-results+json"
_SPARQL_XML = "application/sparql-results+xml"

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        # for people (`natokg query`)
        Format("table", "text/plain"),
        Format("markdown", "text/markdown"),
        Format("json", "application/json"),  # {"columns": [...], "rows": [{column: value}]}
        # SPARQL 1.1 results of SELECT and ASK
        Format("sparql-json", _SPARQL_JSON, ("srj", "json"), ("application/json",)),
        Format("sparql-xml", _SPARQL_XML, ("srx", "xml"), ("application/xml", "text/xml")),
        Format("csv", "text/csv"),
        Format("tsv", "text/tab-separated-values"),
        # RDF: triples (CONSTRUCT, DESCRIBE, descriptions) and the export formats
        Format(
            "turtle", "text/turtle", aliases=("ttl",), media_aliases=("application/x-turtle",),
            title="Turtle (union of all graphs)", oxigraph=ox.RdfFormat.TURTLE, suffix=".ttl",
        ),
        Format(
            "nt", "application/n-triples", aliases=("ntriples", "n-triples"), media_aliases=("text/plain",),
            title="N-Triples (union of all graphs, sorted)", oxigraph=ox.RdfFormat.N_TRIPLES, suffix=".nt",
        ),
        Format(
            "nquads", "application/n-quads",
            title="N-Quads (all named graphs, sorted)", oxigraph=ox.RdfFormat.N_QUADS, suffix=".nq",
        ),
        Format("trig", "application/trig", title="TriG (all named graphs)", oxigraph=ox.RdfFormat.TRIG, suffix=".trig"),
        Format(
            "jsonld", "application/ld+json", aliases=("json-ld",), media_aliases=("application/json-ld",),
            title="JSON-LD (compacted with ontology/context.jsonld)", suffix=".jsonld",
        ),
        Format("html", "text/html", media_aliases=("application/xhtml+xml",), suffix=".html"),
    )
}
# what a letter's graphs or the store are written in (map, export, the dumps), in the
# order the CLI lists them
SERIALISATION_FORMATS = ("turtle", "nt", "nquads", "trig", "jsonld")
FORMAT_TABLE: dict[str, Format] = {name: FORMATS[name] for name in SERIALISATION_FORMATS}
# what triples are written in: CONSTRUCT and DESCRIBE answers, resource descriptions
GRAPH_FORMATS = ("turtle", "nt", "jsonld")
MEDIA_TYPES = {name: f.media_type for name, f in FORMAT_TABLE.items()}
# media type a client sends -> the media type natokg writes for it
MEDIA_ALIASES = {alias: f.media_type for f in FORMATS.values() for alias in f.media_aliases}

_MATCHES: tuple[Callable[[Format, str], bool], ...] = (
    lambda f, key: f.name == key,
    lambda f, key: key in f.aliases,
    lambda f, key: f.media_type == key,
    lambda f, key: key in f.media_aliases,
)


def find_format(name: str, offered: tuple[str, ...]) -> Format | None:
    """The format of ``offered`` (canonical names) that ``name`` names, or None."""
    key = name.strip().lower()
    formats = [FORMATS[canonical] for canonical in offered]
    for matches in _MATCHES:
        for candidate in formats:
            if matches(candidate, key):
                return candidate
    return None


def unknown_format(name: str, offered: tuple[str, ...], where: str = "") -> str:
    """The message refusing ``name`` where ``offered`` are the formats (``where``: " for
    this query", when the place narrows what it offers)."""
    return f"unknown format {name!r}{where}; use one of {', '.join(offered)}"


def format_named(name: str, offered: tuple[str, ...], error: type[NatokgError] = BadInputError) -> Format:
    """The format of ``offered`` that ``name`` names; ``error`` (unknown_format) if none."""
    found = find_format(name, offered)
    if found is None:
        raise error(unknown_format(name, offered))
    return found


__all__ = [
    "FORMATS", "FORMAT_TABLE", "Format", "GRAPH_FORMATS", "MEDIA_ALIASES", "MEDIA_TYPES", "SERIALISATION_FORMATS", "find_format",
    "format_named", "unknown_format",
]
