"""Namespaces and deterministic IRI minting (docs/architecture.md, "Identifiers").

Every IRI natokg mints is built here, so that the same thing gets the same IRI in
every letter and every build.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, TIME, VOID, XSD

NKG = Namespace("https://w3id.org/natokg/ontology#")
DEFAULT_DATA_BASE = "https://w3id.org/natokg/id/"
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
DCMITYPE = Namespace("http://purl.org/dc/dcmitype/")


def data_base() -> str:
    """The data namespace; ``NATOKG_BASE`` overrides it (a ``/`` is added at the end).
    Set but empty (``NATOKG_BASE= natokg ...``) means the default."""
    return namespace_of(os.environ.get("NATOKG_BASE", "").strip() or DEFAULT_DATA_BASE)


def namespace_of(base: str) -> str:
    """``base`` ending in "/", so that base + a path is an IRI under it."""
    return base if base.endswith("/") else base + "/"


_NAMESPACE_PATTERN = re.compile(r"https?://[^/\s<>\"{}|\\^`]+/[^\s<>\"{}|\\^`#?]*")


def is_data_namespace(base: str) -> bool:
    """Whether ``base`` can be a data namespace: an absolute http(s) IRI with a path and
    without a query or fragment."""
    return _NAMESPACE_PATTERN.fullmatch(base) is not None


def data_base_problem() -> str | None:
    """Why NATOKG_BASE cannot be the data namespace, or None when it can."""
    base = data_base()
    if not is_data_namespace(base):
        return (
            f"NATOKG_BASE={os.environ.get('NATOKG_BASE', '')!r} is not an absolute http(s) IRI "
            "without a query or fragment; set it to e.g. https://example.org/id/ or unset it"
        )
    return None


def rebased(iri_text: str) -> str:
    """An IRI under the default data namespace moved to NATOKG_BASE (others unchanged):
    ontology/ and shapes/ name data (states, topics, summits) under the default."""
    base = data_base()
    if base != DEFAULT_DATA_BASE and iri_text.startswith(DEFAULT_DATA_BASE):
        return base + iri_text[len(DEFAULT_DATA_BASE) :]
    return iri_text


ID = Namespace(data_base())

PREFIXES: dict[str, str] = {
    "nkg": str(NKG),
    "id": str(ID),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "dcmitype": str(DCMITYPE),
    "prov": str(PROV),
    "foaf": str(FOAF),
    "oa": str(OA),
    "schema": str(SCHEMA),
    "sem": str(SEM),
    "org": str(ORG),
    "time": str(TIME),
    "void": str(VOID),
    "dcat": str(DCAT),
    "sh": "http://www.w3.org/ns/shacl#",
}


# letters Unicode does not decompose into an ASCII letter and a mark
_TRANSLITERATION = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss",
                                  "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th", "Þ": "Th"})


def slugify(text: str) -> str:
    """ASCII, lower case, hyphen-separated: 'Den Haag' -> 'den-haag', 'Erdoğan' -> 'erdogan',
    'Đukanović' -> 'dukanovic', 'Støre' -> 'store'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def content_hash(*parts: object, length: int = 16) -> str:
    """A short stable hash of canonical content (None and '' are kept distinct).

    Data IRIs are hashed as under the default namespace, so that NATOKG_BASE changes an
    IRI's namespace and never its local name."""
    base = str(ID)
    moved = base != DEFAULT_DATA_BASE

    def canonical_part(part: object) -> str:
        if part is None:
            return "\x00"
        text = str(part)
        if moved and text.startswith(base):
            return DEFAULT_DATA_BASE + text[len(base) :]
        return text

    canonical = "\x1f".join(canonical_part(p) for p in parts)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:length]


def iri(*path: str):
    """An IRI in the data namespace: iri('state', 'nl') -> <.../id/state/nl>."""
    return ID["/".join(path)]
