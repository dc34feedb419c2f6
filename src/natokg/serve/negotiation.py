"""Content negotiation: the media type a client asked for, from ``format=`` or Accept."""

from __future__ import annotations

from natokg.rdf.formats import FORMATS, GRAPH_FORMATS, MEDIA_ALIASES, find_format

# the formats served, by canonical name (natokg.rdf.formats); the first of each is the
# default for a client that accepts anything
FOR_SOLUTIONS = ("sparql-json", "sparql-xml", "csv", "tsv")
FOR_GRAPHS = GRAPH_FORMATS  # named graphs are not served per request
RESULT_TYPES = {name: FORMATS[name].media_type for name in FOR_SOLUTIONS}
GRAPH_TYPES = {name: FORMATS[name].media_type for name in FOR_GRAPHS}
HTML = FORMATS["html"].media_type


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
        found.append((MEDIA_ALIASES.get(media, media), quality, position))
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


def format_media_type(name: str, offered: tuple[str, ...]) -> str | None:
    """The media type of a ``format=`` value (a format name, alias or media type) among
    the formats ``offered``, or None."""
    found = find_format(name, offered)
    return found.media_type if found else None


__all__ = ["FOR_GRAPHS", "FOR_SOLUTIONS", "GRAPH_TYPES", "HTML", "RESULT_TYPES", "accepted", "choose", "format_media_type"]
