"""Which documents of a dossier are letters about NATO meetings: the words of
ontology/reference/document-selection.ttl, the grammar here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from natokg.folding import fold
from natokg.fetch.records import ApiDocument
from natokg.paths import ontology_dir

SELECTION_FILE = "reference/document-selection.ttl"


def _words(text: str) -> str:
    """Folded, hyphens and punctuation as spaces, single-spaced, padded for whole-word search."""
    return " " + re.sub(r"[^\w]+", " ", fold(text)).strip() + " "


@dataclass(frozen=True)
class Selection:
    """The soorten taken, the soorten taken with their letter, the meeting phrases, and
    the dossier listed when none is given."""

    soorten: frozenset[str]
    annex_soorten: frozenset[str]
    phrases: tuple[str, ...]  # as _words() gives them
    default_dossier: str

    def names_meeting(self, document: ApiDocument) -> bool:
        text = _words(f"{document.title} {document.subject}")
        return any(phrase in text for phrase in self.phrases)

    def choose(self, documents: list[ApiDocument], *, take_all: bool = False) -> list[ApiDocument]:
        """The documents to fetch, in the listing's order: letters and annexes of the
        selected soorten that name a meeting, and the annexes of a chosen letter."""
        if take_all:
            return list(documents)
        chosen = {d.api_id for d in documents if d.soort in self.soorten and self.names_meeting(d)}
        letter_of = {annex: d.api_id for d in documents for annex in d.annex_ids}
        chosen |= {d.api_id for d in documents if d.soort in self.annex_soorten and letter_of.get(d.api_id) in chosen}
        return [d for d in documents if d.api_id in chosen]


@cache
def _load(path: Path) -> Selection:
    from rdflib.namespace import SKOS

    from natokg.errors import ReferenceDataError
    from natokg.knowledge.turtle import parse_turtle
    from natokg.namespaces import NKG

    graph = parse_turtle([path])
    soorten: set[str] = set()
    annex: set[str] = set()
    phrases: set[str] = set()
    for concept in set(graph.subjects(SKOS.inScheme, None)):
        values = {str(s) for s in graph.objects(concept, NKG.documentSoort)}
        with_letter = any(flag.toPython() is True for flag in graph.objects(concept, NKG.takenWithItsLetter))
        (annex if with_letter else soorten).update(values)
        phrases.update(_words(str(label)) for label in graph.objects(concept, SKOS.altLabel))
    dossiers = sorted({str(number) for number in graph.objects(None, NKG.defaultDossier)})
    if len(dossiers) != 1:
        raise ReferenceDataError(
            f"give the scheme exactly one nkg:defaultDossier (the Kamerstukdossier natokg fetch lists), not {dossiers}",
            path=path,
        )
    return Selection(frozenset(soorten), frozenset(annex), tuple(sorted(p for p in phrases if p.strip())), dossiers[0])


def load_selection(ontology: Path | None = None) -> Selection:
    """The selection of ontology/reference/document-selection.ttl (parsed once per folder)."""
    return _load(((ontology or ontology_dir()) / SELECTION_FILE).resolve())


__all__ = ["SELECTION_FILE", "Selection", "load_selection"]
