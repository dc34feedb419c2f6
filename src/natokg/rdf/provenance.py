"""A fetched letter's provenance: what its sidecar (natokg.read.sidecar) adds to its graph.

The Tweede Kamer API knows a letter's date, subject, document number, Kamerstuk number
and annex relation for certain, where the extractor reads them from text; so the
sidecar's values replace the extracted date and title (each replacement is a warning in
the build report), and the letter links to the official document:

- ``prov:wasDerivedFrom`` the file the API serves, ``dcterms:source`` the API's record,
  the tweedekamer.nl page and the officielebekendmakingen.nl page;
- ``dcterms:isPartOf`` its dossier, ``nkg:publishedAs`` its Kamerstuk,
  ``nkg:documentNumber`` the API's document number;
- an annex ``nkg:annexOfDocument`` the document number of its letter; the store's
  annex step (natokg.store.annexes) turns that into ``dcterms:isPartOf``/``hasPart``.

The letter's IRI is never taken from the sidecar: it comes from the text (ministry
reference or checksum), so the same letter fetched or placed by hand is one node.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from natokg.folding import fold
from natokg.identifiers import dossier_iri, parse_dossier, parse_kamerstuk
from natokg.namespaces import NKG
from natokg.rdf.mapping import LetterGraphs, kamerstuk_description, nt_iri, nt_string
from natokg.read.sidecar import LetterSidecar
from natokg.records import LetterRecords


def _words(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", fold(text or "")))


def apply_sidecar(records: LetterRecords, sidecar: LetterSidecar) -> tuple[LetterRecords, tuple[str, ...]]:
    """The records with the API's date and title; a note for each value it replaces."""
    letter = records.letter
    notes: list[str] = []
    api_date = sidecar.letter_date
    if api_date is not None and api_date != letter.date:
        if letter.date is not None:
            notes.append(
                f"date {api_date} from the Tweede Kamer API ({sidecar.document_number}) replaces "
                f"{letter.date} read from the text"
            )
        letter = replace(letter, date=api_date)
    api_title = sidecar.letter_title
    if api_title and _words(api_title) != _words(letter.title):
        if letter.title:
            notes.append(
                f"title {api_title!r} from the Tweede Kamer API ({sidecar.document_number}) replaces "
                f"{letter.title!r} read from the text"
            )
        letter = replace(letter, title=api_title)
    return replace(records, letter=letter), tuple(notes)


def _triple(subject: str, predicate: str, obj: str) -> str:
    return f"{subject} {predicate} {obj} .\n"


def provenance_lines(letter: str, sidecar: LetterSidecar) -> tuple[set[str], set[str]]:
    """(lines of the letter's graph, lines of the shared entities) for a fetched letter
    whose N-Triples IRI is ``letter``."""
    p = {name: nt_iri(str(term)) for name, term in (
        ("source", DCTERMS.source), ("derived", PROV.wasDerivedFrom), ("part_of", DCTERMS.isPartOf),
        ("identifier", DCTERMS.identifier), ("type", RDF.type), ("label", RDFS.label),
        ("number", NKG.documentNumber), ("published", NKG.publishedAs), ("annex_of", NKG.annexOfDocument),
    )}
    urls = sidecar.urls
    assertions = {
        _triple(letter, p["number"], nt_string(sidecar.document_number)),
        _triple(letter, p["derived"], nt_iri(urls.api_resource)),
        _triple(letter, p["source"], nt_iri(urls.api_document)),
        _triple(letter, p["source"], nt_iri(urls.tweedekamer)),
    }
    entities: set[str] = set()
    if urls.officielebekendmakingen:
        assertions.add(_triple(letter, p["source"], nt_iri(urls.officielebekendmakingen)))
    if sidecar.annex_of:
        assertions.add(_triple(letter, p["annex_of"], nt_string(sidecar.annex_of)))
    dossier = parse_dossier(sidecar.dossier or "")  # the API's dossier, with its toevoeging ("36200-V")
    if dossier:
        node = nt_iri(str(dossier_iri(dossier)))
        assertions.add(_triple(letter, p["part_of"], node))
        entities |= {
            _triple(node, p["type"], nt_iri(str(NKG.Dossier))),
            _triple(node, p["identifier"], nt_string(dossier)),
            _triple(node, p["label"], nt_string(f"Kamerstukdossier {dossier}") + "@nl"),
        }
    paper = parse_kamerstuk(sidecar.kamerstuk) if sidecar.kamerstuk else None
    if paper:
        node, description = kamerstuk_description(*paper)
        assertions.add(_triple(letter, p["published"], node))
        entities |= {_triple(*triple) for triple in description}
    return assertions, entities


def with_provenance(graphs: LetterGraphs, sidecar: LetterSidecar, notes: tuple[str, ...]) -> LetterGraphs:
    """The letter's graphs with its provenance lines and the sidecar's notes as warnings."""
    assertions, entities = provenance_lines(nt_iri(str(graphs.letter)), sidecar)
    return LetterGraphs(
        key=graphs.key,
        letter=graphs.letter,
        graph=graphs.graph,
        assertion_lines=graphs.assertion_lines | assertions,
        entity_lines=graphs.entity_lines | entities,
        source_text=graphs.source_text,
        date=sidecar.date or graphs.date,
        warnings=graphs.warnings + notes,
    )


__all__ = ["apply_sidecar", "provenance_lines", "with_provenance"]
