"""Every SHACL shape against its fixtures (tests/fixtures/shapes/<shape>/*.ttl).

Each fixture states the exact results it must produce in header comments:

    # expect: <focus> | <path or -> | <constraint> | <severity>

(no expect lines: the graph conforms with zero results). A fixture marked
``# with-reference: false`` holds reference-level data (states, cities, persons) and is
validated without ontology/reference, as the reference data itself is.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SKOS

from natokg.namespaces import PREFIXES
from natokg.validation import SHAPES_NS, load_shapes, reference_graph, validate_graph

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "shapes"
FIXTURE_FILES = sorted(FIXTURES.glob("*/*.ttl"))
SH = "http://www.w3.org/ns/shacl#"
# Fixtures are written against the default data base, whatever NATOKG_BASE says.
CURIES = {**PREFIXES, "id": "https://w3id.org/natokg/id/", "nkgsh": SHAPES_NS}


def expand(curie: str) -> str | None:
    if curie == "-":
        return None
    prefix, _, local = curie.partition(":")
    return CURIES[prefix] + local


def read_fixture(path: Path) -> tuple[list[tuple], bool]:
    """(expected (focus, path, constraint, severity) tuples, with_reference)."""
    expected, with_reference = [], True
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect:"):
            focus, result_path, constraint, severity = (
                part.strip() for part in line.removeprefix("# expect:").split("|")
            )
            expected.append((expand(focus), expand(result_path), expand(constraint), severity))
        elif line.startswith("# with-reference: false"):
            with_reference = False
    return expected, with_reference


@cache
def report_for(fixture: Path):
    """Each fixture is validated once per test session (the coverage tests reuse it)."""
    _expected, with_reference = read_fixture(fixture)
    return validate_graph(Graph().parse(fixture), with_reference=with_reference)


@pytest.mark.parametrize(
    "fixture", FIXTURE_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FIXTURE_FILES]
)
def test_fixture_gives_exactly_the_expected_results(fixture: Path) -> None:
    expected, _with_reference = read_fixture(fixture)
    report = report_for(fixture)
    got = [(r.focus, r.path, r.constraint, r.severity) for r in report.results]
    assert Counter(got) == Counter(expected), "\n".join(r.message for r in report.results)
    assert report.conforms == (not any(e[3] == "Violation" for e in expected))


def test_valid_fixtures_expect_nothing_and_invalid_ones_expect_something() -> None:
    for fixture in FIXTURE_FILES:
        expected, _ = read_fixture(fixture)
        assert bool(expected) == fixture.stem.startswith("invalid"), fixture


def _targeted_shapes(shapes: Graph) -> dict[URIRef, set[URIRef]]:
    return {
        shape: set(shapes.objects(shape, URIRef(SH + "targetClass")))
        for shape in set(shapes.subjects(URIRef(SH + "targetClass"), None))
    }


def test_every_targeted_shape_has_a_conforming_fixture_with_an_instance() -> None:
    shapes = load_shapes()
    valid_graphs = [Graph().parse(p) for p in FIXTURE_FILES if p.stem == "valid"]
    for shape, classes in _targeted_shapes(shapes).items():
        assert any(
            any((None, RDF.type, cls) in graph for cls in classes) for graph in valid_graphs
        ), f"no valid fixture has an instance of a target class of {shape}"


def test_every_targeted_shape_and_sparql_constraint_fails_in_some_fixture() -> None:
    shapes = load_shapes()
    reported: set[str] = set()
    for fixture in FIXTURE_FILES:
        expected, _with_reference = read_fixture(fixture)
        if expected:
            report = report_for(fixture)
            reported |= {r.shape for r in report.results} | {r.constraint for r in report.results}
    for shape in _targeted_shapes(shapes):
        own = {str(shape)} | {str(p) for p in shapes.objects(shape, URIRef(SH + "property"))}
        assert own & reported, f"no invalid fixture makes {shape} fail"
    for constraint in shapes.subjects(RDF.type, URIRef(SH + "SPARQLConstraint")):
        assert str(constraint) in reported, f"no invalid fixture makes {constraint} fail"


def test_reference_data_conforms_to_the_shapes() -> None:
    report = validate_graph(reference_graph(), with_reference=False)
    assert report.results == [], "\n".join(f"{r.focus}: {r.message}" for r in report.results)


def test_sparql_messages_fill_in_the_query_bindings() -> None:
    fixture = FIXTURES / "ally-accession" / "invalid-finland-ally-2022.ttl"
    (result,) = validate_graph(Graph().parse(fixture)).results
    assert result.value == "https://w3id.org/natokg/id/state/fi"
    assert "2022-05-14" in result.message and "2023-04-04" in result.message


@pytest.mark.parametrize("shape", ["Commitment-unit", "Observation-unit"])
def test_unit_shapes_list_exactly_the_unit_scheme(shape: str) -> None:
    """A unit added to ontology/vocabularies.ttl must be allowed by the shapes too."""
    shapes = load_shapes()
    listed = Collection(shapes, shapes.value(URIRef(SHAPES_NS + shape), URIRef(SH + "in")))
    vocabulary = Graph().parse(Path(__file__).resolve().parents[2] / "ontology" / "vocabularies.ttl")
    units = vocabulary.subjects(SKOS.inScheme, URIRef(CURIES["id"] + "unit/scheme"))
    # compared by slug: the shapes take the data base NATOKG_BASE names
    assert {str(u).rsplit("/", 1)[1] for u in listed} == {str(u).rsplit("/", 1)[1] for u in units}
