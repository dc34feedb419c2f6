"""Namespaces and deterministic IRI minting (DESIGN.md, "Identifiers").

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


def data_base() -> str:
    """The data namespace; ``NATOKG_BASE`` overrides it (must end in ``/``)."""
    base = os.environ.get("NATOKG_BASE", DEFAULT_DATA_BASE)
    return base if base.endswith("/") else base + "/"


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


def slugify(text: str) -> str:
    """ASCII, lower case, hyphen-separated: 'Den Haag' -> 'den-haag', 'Erdoğan' -> 'erdogan'."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def content_hash(*parts: object, length: int = 16) -> str:
    """A short stable hash of canonical content (None and '' are kept distinct)."""
    canonical = "\x1f".join("\x00" if p is None else str(p) for p in parts)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:length]


def iri(*path: str):
    """An IRI in the data namespace: iri('state', 'nl') -> <.../id/state/nl>."""
    return ID["/".join(path)]
