"""One meeting, two IRIs: the cross-letter step that links a meeting a letter knows only
by its month to the dated meeting another letter describes.

"de ministers van Buitenlandse Zaken in december 2008" (a report of April 2008) mints
``meeting/foreign-ministers/2008-12``; the report of that meeting mints
``meeting/foreign-ministers/2008-12-02-brussels``. Each letter is mapped on its own and
cannot know the other's IRI, so the step writes, in graph/meeting-identity,
``owl:sameAs`` from the month's meeting to the dated one when exactly one meeting of the
same NATO kind (a summit, a foreign or defence ministers meeting; not a session, not an
external meeting, whose kind does not tell one council from another) starts in that month
at the same place, if the month's meeting names one. Two candidates link to neither.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib.namespace import OWL

from natokg.extract.meeting_words import MAIN_KINDS
from natokg.identifiers import MEETING_IDENTITY_GRAPH
from natokg.namespaces import NKG
from natokg.rdf.mapping import MEETING_CLASSES
from natokg.store.steps import StepResult

_GRAPH = ox.NamedNode(MEETING_IDENTITY_GRAPH)

# the main meeting kinds (summits, foreign and defence ministers meetings): NATO holds one
# of a kind a month at most
_MEETINGS = f"""
PREFIX nkg: <{NKG}>
SELECT DISTINCT ?meeting ?kind ?month ?start ?place WHERE {{
  VALUES ?kind {{ {" ".join(f"<{MEETING_CLASSES[kind]}>" for kind in MAIN_KINDS)} }}
  GRAPH ?g {{
    ?meeting a ?kind .
    {{ ?meeting nkg:startMonth ?month }} UNION {{ ?meeting nkg:startDate ?start }}
    OPTIONAL {{ ?meeting nkg:location ?place }}
  }}
}}
"""


def link_months_to_dates(store: ox.Store) -> StepResult:
    """Replace graph/meeting-identity with the owl:sameAs links of the store's meetings
    known by their month to the dated meetings they are."""
    months: dict[str, tuple[str, str, set[str]]] = {}  # meeting -> (kind, month, places)
    dated: dict[tuple[str, str], dict[str, set[str]]] = {}  # (kind, month) -> meeting -> places
    for row in store.query(_MEETINGS):
        meeting, kind = row["meeting"].value, row["kind"].value
        place = {row["place"].value} if row["place"] is not None else set()
        if row["month"] is not None:
            months.setdefault(meeting, (kind, row["month"].value, set()))[2].update(place)
        elif row["start"] is not None:
            dated.setdefault((kind, row["start"].value[:7]), {}).setdefault(meeting, set()).update(place)
    quads = []
    for meeting, (kind, month, places) in sorted(months.items()):
        candidates = [
            other for other, where in sorted(dated.get((kind, month), {}).items())
            if not places or not where or places & where
        ]
        if len(candidates) == 1:
            quads.append(ox.Quad(ox.NamedNode(meeting), ox.NamedNode(str(OWL.sameAs)), ox.NamedNode(candidates[0]), _GRAPH))
    if store.contains_named_graph(_GRAPH):
        store.remove_graph(_GRAPH)
    if quads:  # no meeting known by its month alone that another letter dates: no graph
        store.add_graph(_GRAPH)
        store.extend(quads)
    return StepResult("meeting identity", MEETING_IDENTITY_GRAPH if quads else None, len(quads))


__all__ = ["link_months_to_dates"]
