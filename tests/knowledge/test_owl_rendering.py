"""The RDF/XML renderings OWL tools load: in step with the Turtle, loadable by owlready2,
and accepted by HermiT together with the reference data."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from natokg.knowledge import ontology_tools
from natokg.knowledge.ontology_tools import load_ontology_graph
from natokg.knowledge.owl_rendering import (
    ONTOLOGY_RENDERING,
    REFERENCE_RENDERING,
    for_reasoner,
    owl_dir,
    write_owl_renderings,
)

EX = "https://example.org/"


def test_shipped_renderings_are_the_turtle_rendered_again(tmp_path):
    written = write_owl_renderings(load_ontology_graph(), tmp_path)
    for path in written:
        shipped = owl_dir() / path.name
        assert shipped.read_bytes() == path.read_bytes(), (
            f"ontology/owl/{path.name} is out of step with the Turtle; run `natokg ontology render`"
        )


@pytest.mark.slow
def test_rendering_is_byte_identical_under_other_hash_seeds(tmp_path):
    import os
    import subprocess
    import sys

    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "natokg", "ontology", "render", "-o", str(tmp_path / seed)],
                       check=True, env=env, capture_output=True)
    for name in (ONTOLOGY_RENDERING, REFERENCE_RENDERING):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()


def test_ontology_rendering_holds_every_triple_of_the_turtle():
    rendered = Graph().parse(owl_dir() / ONTOLOGY_RENDERING, format="xml")
    assert len(rendered) == len(load_ontology_graph())


def test_for_reasoner_lifts_dates_and_years_into_the_owl2_map():
    graph = Graph()
    graph.add((URIRef(EX + "meeting"), URIRef(EX + "start"), Literal("2031-03-04", datatype=XSD.date)))
    graph.add((URIRef(EX + "pledge"), URIRef(EX + "year"), Literal("2040", datatype=XSD.gYear)))
    graph.add((URIRef(EX + "pledge"), URIRef(EX + "label"), Literal("een belofte", lang="nl")))
    lifted = {o for o in for_reasoner(graph).objects()}
    assert lifted == {
        Literal("2031-03-04T00:00:00", datatype=XSD.dateTime),
        Literal("2040", datatype=XSD.integer),
        Literal("een belofte", lang="nl"),
    }


def test_reference_rendering_has_no_literal_outside_the_owl2_map():
    rendered = Graph().parse(owl_dir() / REFERENCE_RENDERING, format="xml")
    datatypes = {o.datatype for o in rendered.objects() if isinstance(o, Literal) and o.datatype}
    assert datatypes <= ontology_tools.OWL2_DATATYPES


def test_owlready2_loads_the_shipped_ontology():
    import owlready2

    world = owlready2.World()
    onto = world.get_ontology((owl_dir() / ONTOLOGY_RENDERING).as_uri()).load()
    names = {c.name for c in onto.classes()}
    assert {"Letter", "Meeting", "Commitment", "Position", "Actor"} <= names
    assert onto.startDate is not None and onto.realisedAs is not None


@pytest.mark.slow
def test_hermit_through_owlready2_reasons_over_ontology_and_reference_data():
    import owlready2

    if ontology_tools.java_executable() is None:
        pytest.skip("no java on PATH; HermiT needs a Java 11+ runtime")
    world = owlready2.World()
    for name in (ONTOLOGY_RENDERING, REFERENCE_RENDERING):
        world.get_ontology((owl_dir() / name).as_uri()).load()
    with world:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []
