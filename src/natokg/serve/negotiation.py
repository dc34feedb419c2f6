"""Content negotiation: the media type a client asked for, from ``format=`` or Accept."""

from __future__ import annotations

from natokg.rdf.formats import MEDIA_TYPES

# format= names and the media types they stand for; the first of each table is the
# default for a client that accepts anything
RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
# the triple formats of natokg.rdf.formats (named graphs are not served per request)
GRAPH_TYPES = {name: MEDIA_TYPES[name] for name in ("turtle", "nt", "jsonld")}
HTML = "text/html"
# what clients send for the same thing
ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "application/x-turtle": "text/turtle",
    "text/plain": "application/n-triples",
    "application/json-ld": "application/ld+json",
    "application/xhtml+xml": "text/html",
}
FORMAT_ALIASES = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "json-ld": "jsonld", "html": "html", "srj": "json", "srx": "xml"}


def accepted(header: str) -> list[tuple[str, float]]:
    """(media type, q) of an Accept header, best first (ties keep the client's order)."""
    found = []
    for position, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for parameter in fields[1:]:
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        found.append((ALIASES.get(media, media), quality, position))
    found.sort(key=lambda item: (-item[1], item[2]))
    return [(media, quality) for media, quality, _ in found if quality > 0]


def choose(offered: list[str], accept: str | None) -> str | None:
    """The offered media type the Accept header likes best (the first offered when there
    is no header), or None when it accepts none of them."""
    if not accept or not accept.strip():
        return offered[0]
    for media, _ in accepted(accept):
        if media in offered:
            return media
        if media == "*/*":
            return offered[0]
        if media.endswith("/*"):
            for candidate in offered:
                if candidate.startswith(media[:-1]):
                    return candidate
    return None


def format_media_type(name: str, table: dict[str, str]) -> str | None:
    """The media type of a ``format=`` value (a name of ``table`` or a media type)."""
    name = FORMAT_ALIASES.get(name.strip().lower(), name.strip().lower())
    if name in table:
        return table[name]
    name = ALIASES.get(name, name)
    return name if name in table.values() else None


__all__ = ["GRAPH_TYPES", "HTML", "RESULT_TYPES", "accepted", "choose", "format_media_type"]
