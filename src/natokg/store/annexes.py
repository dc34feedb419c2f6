"""Letters and their annexes: the cross-letter step that pairs a fetched annex with the
letter it belongs to (natokg.rdf.provenance records the document numbers).

A cover letter ("Hierbij bied ik u het verslag aan ...") and its annex (the report)
describe one meeting, but each is mapped on its own and may resolve it alone: the step
writes, in graph/annexes, ``dcterms:hasPart`` / ``dcterms:isPartOf`` between the two and
gives the one without a main meeting the other's (``nkg:about``), so the annex's
positions and commitments are found under the meeting the pair is about.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib.namespace import DCTERMS

from natokg.identifiers import ANNEXES_GRAPH
from natokg.namespaces import NKG
from natokg.store.steps import StepResult

_GRAPH = ox.NamedNode(ANNEXES_GRAPH)

_PAIRS = f"""
PREFIX nkg: <{NKG}>
SELECT DISTINCT ?letter ?annex WHERE {{
  GRAPH ?annexGraph {{ ?annex nkg:annexOfDocument ?number }}
  GRAPH ?letterGraph {{ ?letter nkg:documentNumber ?number }}
}}
"""

_ABOUT = f"""
PREFIX nkg: <{NKG}>
SELECT DISTINCT ?letter ?meeting WHERE {{ GRAPH ?g {{ ?letter nkg:documentNumber ?number ; nkg:about ?meeting }} }}
"""


def _quad(subject: str, predicate: str, obj: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(subject), ox.NamedNode(predicate), ox.NamedNode(obj), _GRAPH)


def link_letters_and_annexes(store: ox.Store) -> StepResult:
    """Replace graph/annexes with the letter-annex links of the store."""
    pairs = sorted((row["letter"].value, row["annex"].value) for row in store.query(_PAIRS))
    about: dict[str, set[str]] = {}
    for row in store.query(_ABOUT):
        about.setdefault(row["letter"].value, set()).add(row["meeting"].value)
    quads = []
    findings = []
    for letter, annex in pairs:
        quads += [_quad(letter, str(DCTERMS.hasPart), annex), _quad(annex, str(DCTERMS.isPartOf), letter)]
        for one, other in ((letter, annex), (annex, letter)):
            if not about.get(one) and about.get(other):
                quads += [_quad(one, str(NKG.about), meeting) for meeting in sorted(about[other])]
                findings.append(f"{one} is about the meeting of {other}, whose annex or letter it is")
    if store.contains_named_graph(_GRAPH):
        store.remove_graph(_GRAPH)
    if quads:  # no fetched annexes: no graph, as in a corpus placed by hand
        store.add_graph(_GRAPH)
        store.extend(quads)
    return StepResult("annexes", ANNEXES_GRAPH if quads else None, len(quads), tuple(findings))


__all__ = ["link_letters_and_annexes"]
