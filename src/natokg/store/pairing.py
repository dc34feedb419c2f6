"""Agenda-to-report pairing: a graph step across letters, run after every build.

When the store holds both the annotated agenda (``nkg:AnnotatedAgenda nkg:about ?m``)
and the report (``nkg:MeetingReport nkg:about ?m``) of one meeting, every intended
Dutch position of the agenda (held by ``id:state/nl``, modality intended, expressed
at ``?m``) is linked with ``nkg:realisedBy`` to the expressed Dutch positions of the
report on the same topic at the same meeting that carry it out (``realising_links``:
a compatible stance, and the same stance when the agenda has that one on the topic);
an intended position without such a partner gets ``nkg:unrealised true``.

Which expressed stance carries out which intended one is knowledge, not code: the
``nkg:realisedAs`` links of ontology/stances.ttl (read by ``compatible_stances``).

The links live in the named graph ``id/graph/pairing``, which each run replaces
entirely, so re-running after letters change gives the same graph (idempotent).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from natokg.identifiers import PAIRING_GRAPH as PAIRING_GRAPH_IRI
from natokg.identifiers import modality_iri, stance_iri, state_iri
from natokg.namespaces import NKG
from natokg.store.steps import StepResult

PAIRING_GRAPH = ox.NamedNode(PAIRING_GRAPH_IRI)
_XSD_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")


def compatible_stances() -> frozenset[tuple[str, str]]:
    """(intended, expressed) stance slugs that carry one another out: nkg:realisedAs in
    ontology/stances.ttl, where an ontology maintainer changes what counts as realised."""
    from natokg.knowledge.lexicon import load_lexicon

    return frozenset(
        (stance.slug, other) for stance in load_lexicon().stances.values() for other in stance.realised_as
    )


#: (meeting, topic, stance) of one position, as the pairing rule sees it
PositionKey = tuple[str, str, str]


def realising_links(
    intended: list[PositionKey], expressed: list[PositionKey], compatible: frozenset[tuple[str, str]]
) -> list[tuple[int, int]]:
    """The pairing rule, shared by the build and natokg eval: (intended index, expressed
    index) links. A report position carries out one agenda position of the same meeting
    on the same topic whose stance it realises (``compatible``): the first with its own
    stance ("Nederland steunde" carries out "Nederland steunt", not also "zal benadrukken"
    on the same topic), else the first compatible one, in the agenda's order."""
    by_topic: dict[tuple[str, str], list[int]] = {}
    for index, (meeting, topic, _stance) in enumerate(intended):
        by_topic.setdefault((meeting, topic), []).append(index)
    links = []
    for e, (meeting, topic, stance) in enumerate(expressed):
        candidates = [i for i in by_topic.get((meeting, topic), ()) if (intended[i][2], stance) in compatible]
        same = [i for i in candidates if intended[i][2] == stance]
        if same or candidates:
            links.append(((same or candidates)[0], e))
    return links


@dataclass(frozen=True)
class PairingResult:
    """What one pairing run wrote: (intended, expressed) links and unrealised positions."""

    meetings: tuple[str, ...] = ()  # meetings with both an agenda and a report
    links: tuple[tuple[str, str], ...] = ()
    unrealised: tuple[str, ...] = ()
    graph: str = PAIRING_GRAPH.value
    triples: int = field(default=0)

    def as_step_result(self) -> StepResult:
        """The build's summary record for this step."""
        # findings count as violations in the build summary; pairing has none to report
        return StepResult("pairing", self.graph, self.triples)


# ?first: where the letter first states the position, so that the pairing rule reads the
# agenda in its own order, as natokg eval does with the extracted records
_POSITIONS = """
PREFIX nkg: <{nkg}>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?meeting ?position ?topic ?stance (MIN(?start) AS ?first) WHERE {{
  GRAPH ?letterGraph {{
    ?letter a nkg:{letter_class} ; nkg:about ?meeting .
    ?position a nkg:Position ;
        nkg:heldBy <{actor}> ;
        nkg:modality <{modality}> ;
        nkg:expressedAt ?meeting ;
        nkg:onTopic ?topic ;
        nkg:stance ?stance ;
        prov:wasDerivedFrom ?letter .
    OPTIONAL {{ ?position nkg:evidence ?evidence . ?evidence oa:start ?start }}
  }}
}} GROUP BY ?meeting ?position ?topic ?stance
"""

_REPORTED_MEETINGS = """
PREFIX nkg: <{nkg}>
SELECT DISTINCT ?meeting WHERE {{ GRAPH ?letterGraph {{ ?report a nkg:MeetingReport ; nkg:about ?meeting }} }}
"""


def _positions(store: ox.Store, letter_class: str, modality: str) -> list[tuple[str, str, str, str]]:
    """(meeting, position, topic, stance) of Dutch positions in letters of one kind.

    Each pattern stays inside one letter's graph, so the cost grows with the number of
    letters, not with the product of agendas, reports and positions over the union graph.
    """
    query = _POSITIONS.format(
        nkg=NKG, letter_class=letter_class, actor=state_iri("nl"), modality=modality_iri(modality)
    )
    rows = sorted(
        (int(row["first"].value) if row["first"] is not None else -1, row["meeting"].value, row["position"].value, row["topic"].value, row["stance"].value)
        for row in store.query(query)
    )
    return [row[1:] for row in rows]


def pair_positions(store: ox.Store) -> PairingResult:
    """Replace graph/pairing with the realisedBy links and unrealised flags of the corpus."""
    reported = {row["meeting"].value for row in store.query(_REPORTED_MEETINGS.format(nkg=NKG))}
    stance_prefix = str(stance_iri(""))
    compatible = {(stance_prefix + a, stance_prefix + b) for a, b in compatible_stances()}
    agenda = [row for row in _positions(store, "AnnotatedAgenda", "intended") if row[0] in reported]
    report = _positions(store, "MeetingReport", "expressed")
    meetings = {meeting for meeting, _, _, _ in agenda}
    intended = {position for _, position, _, _ in agenda}
    links = {
        (agenda[i][1], report[e][1])
        for i, e in realising_links(
            [(m, t, st) for m, _, t, st in agenda], [(m, t, st) for m, _, t, st in report], compatible
        )
    }
    realised = {a for a, _ in links}
    unrealised = sorted(intended - realised)
    quads = [
        ox.Quad(ox.NamedNode(a), ox.NamedNode(str(NKG.realisedBy)), ox.NamedNode(b), PAIRING_GRAPH)
        for a, b in sorted(links)
    ] + [
        ox.Quad(ox.NamedNode(a), ox.NamedNode(str(NKG.unrealised)), ox.Literal("true", datatype=_XSD_BOOLEAN), PAIRING_GRAPH)
        for a in unrealised
    ]
    if store.contains_named_graph(PAIRING_GRAPH):
        store.remove_graph(PAIRING_GRAPH)
    store.add_graph(PAIRING_GRAPH)
    store.extend(quads)
    return PairingResult(tuple(sorted(meetings)), tuple(sorted(links)), tuple(unrealised), PAIRING_GRAPH.value, len(quads))


__all__ = ["PAIRING_GRAPH", "PairingResult", "compatible_stances", "pair_positions", "realising_links"]
