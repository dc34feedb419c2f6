"""Links out: the reference data's Wikidata identifiers, and official publications."""

from __future__ import annotations

import re

from rdflib import RDF, URIRef
from rdflib.namespace import OWL

from natokg.knowledge.turtle import parse_turtle
from natokg.namespaces import DEFAULT_DATA_BASE, NKG
from natokg.paths import reference_dir

WIKIDATA_ENTITY = re.compile(r"^http://www\.wikidata\.org/entity/Q[1-9][0-9]*$")


def reference():
    return parse_turtle(sorted(reference_dir().glob("*.ttl")))


def wikidata_links(graph) -> dict[URIRef, list[URIRef]]:
    links: dict[URIRef, list[URIRef]] = {}
    for subject, target in graph.subject_objects(OWL.sameAs):
        if str(target).startswith("http://www.wikidata.org/"):
            links.setdefault(subject, []).append(target)
    return links


def test_every_ally_has_exactly_one_wikidata_item():
    graph = reference()
    links = wikidata_links(graph)
    allies = set(graph.subjects(RDF.type, NKG.Ally))
    assert len(allies) == 32
    assert {ally: links.get(ally, []) for ally in allies if len(links.get(ally, [])) != 1} == {}


def test_every_state_has_exactly_one_wikidata_item():
    states_ttl = parse_turtle([reference_dir() / "states.ttl"])
    states = set(states_ttl.subjects(RDF.type, NKG.State))
    links = wikidata_links(reference())
    assert len(states) > 32  # every ISO 3166-1 entry, not only the allies
    assert {str(state): links.get(state, []) for state in states if len(links.get(state, [])) != 1} == {}


def test_a_linked_state_or_city_is_one_of_states_ttl_or_cities_ttl():
    described = {
        "state/": (parse_turtle([reference_dir() / "states.ttl"]), NKG.State),
        "place/": (parse_turtle([reference_dir() / "cities.ttl"]), NKG.City),
    }
    unknown = []
    for subject in wikidata_links(parse_turtle([reference_dir() / "links.ttl"])):
        kind = str(subject).removeprefix(DEFAULT_DATA_BASE)
        for prefix, (graph, cls) in described.items():
            if kind.startswith(prefix) and (subject, RDF.type, cls) not in graph:
                unknown.append(kind)
    assert unknown == []


def test_every_wikidata_link_is_a_well_formed_entity_iri():
    bad = [str(t) for targets in wikidata_links(reference()).values() for t in targets if not WIKIDATA_ENTITY.match(str(t))]
    assert bad == []


def test_no_two_things_share_a_wikidata_item():
    seen: dict[URIRef, URIRef] = {}
    for subject, targets in wikidata_links(reference()).items():
        for target in targets:
            assert seen.setdefault(target, subject) == subject, f"{target} is linked from {seen[target]} and {subject}"


def test_every_linked_thing_is_described_in_the_reference_data():
    graph = reference()
    undescribed = [str(s) for s in wikidata_links(graph) if graph.value(s, RDF.type) is None]
    assert undescribed == []


def test_a_cited_kamerstuk_links_to_its_official_publication():
    from natokg.identifiers import kamerstuk_publication_url

    assert str(kamerstuk_publication_url("28676", "462")) == "https://zoek.officielebekendmakingen.nl/kst-28676-462.html"
    assert str(kamerstuk_publication_url("21501-02", "3001")) == "https://zoek.officielebekendmakingen.nl/kst-21501-02-3001.html"
