"""natokg.validation.compiled reports exactly what pySHACL (natokg.validation.reference) reports.

Compared on every shape fixture, every corpus letter, and generated letters with
injected faults: the multiset of (focus, path, constraint, severity, value, message,
shape) must be equal. Each faulted graph must also make pySHACL report something, so
no comparison passes by both validators finding nothing.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from natokg.pipeline import map_letter
from natokg.validation.compiled import (
    ShapeValidator,
    UnsupportedShapeError,
    validate_graph_fast,
    validate_letters,
)
from natokg.validation import reference
from natokg.validation.reference import validate_graph

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "shapes"
FIXTURE_FILES = sorted(FIXTURES.glob("*/*.ttl"))
LETTERS = sorted((REPO / "corpus" / "letters").glob("[0-9]*.txt"))  # the seed letters, not the dev_* set
NKG = "https://w3id.org/natokg/ontology#"
ID = "https://w3id.org/natokg/id/"
OA = "http://www.w3.org/ns/oa#"


def results(report) -> Counter:
    return Counter(
        (r.focus, r.path, r.constraint, r.severity, r.value, r.message, r.shape)
        for r in report.results
    )


def assert_same(graph: Graph, *, with_reference: bool = True) -> Counter:
    expected = validate_graph(graph, with_reference=with_reference)
    got = validate_graph_fast(graph, with_reference=with_reference)
    assert results(got) == results(expected), (
        f"pySHACL only: {results(expected) - results(got)}\nfast only: {results(got) - results(expected)}"
    )
    assert got.conforms == expected.conforms
    return results(expected)


# ---------------------------------------------------------------- fixtures and corpus


@pytest.mark.parametrize(
    "fixture", FIXTURE_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FIXTURE_FILES]
)
def test_fixture_results_equal_pyshacl(fixture: Path) -> None:
    with_reference = "# with-reference: false" not in fixture.read_text(encoding="utf-8")
    found = assert_same(Graph().parse(fixture), with_reference=with_reference)
    assert bool(found) == fixture.stem.startswith("invalid")


@cache
def mapped(path: Path):
    return map_letter(path)


@pytest.mark.parametrize("letter", LETTERS, ids=[p.stem for p in LETTERS])
def test_corpus_letter_results_equal_pyshacl(letter: Path) -> None:
    graphs = mapped(letter)
    assert_same(graphs.assertions + graphs.entities)


def test_ntriples_input_gives_the_graph_input_results() -> None:
    graphs = mapped(LETTERS[0])
    graph = graphs.assertions + graphs.entities
    graph.remove((graphs.letter, DCTERMS.identifier, None))  # one violation to compare
    text = graph.serialize(format="nt")
    # Concatenated texts repeat triples: they must count once (sh:maxCount).
    by_text, by_graph = validate_letters([text + text, graph])
    assert results(by_text) == results(by_graph) == results(validate_graph(graph))
    assert [r.constraint.rsplit("#")[-1] for r in by_text.results] == ["MinCountConstraintComponent"]


def test_validation_slowdown_letters_leave_no_keys_in_the_graph_the_next_letter_scans() -> None:
    """Regression: validation grew from 24 to 65 ms per letter over 1,600 letters in one
    worker. pyoxigraph's in-memory store keeps a removed quad's key, and every letter was
    loaded into (and cleared from) the same graph, so each query walked all earlier
    letters. Each letter now gets a graph of its own name, left empty afterwards."""
    from natokg.validation.compiled import shape_validator

    validator = shape_validator(True)
    text = mapped(LETTERS[0]).assertions_ntriples
    before = len(validator.store)
    names = set()
    for _ in range(3):
        validate_graph_fast(text)
        names.add(validator.letters_seen)
    assert len(names) == 3  # a new graph name for every letter
    assert len(validator.store) == before  # and nothing of the letters stays behind
    assert not [g for g in validator.store.named_graphs() if "validation:letter" in g.value]


def test_worker_memory_growth_the_validator_starts_a_fresh_store_and_reports_the_same(monkeypatch) -> None:
    """Regression: a build worker grew to 750 MB over 5,000 letters (the memory store
    keeps what was removed). Every so many letters the validator starts a fresh store
    from the context; the reports stay the same across the switch."""
    import natokg.validation.compiled as shacl_sparql

    monkeypatch.setattr(shacl_sparql, "_FRESH_STORE_EVERY", 2)
    validator = shacl_sparql.shape_validator(True)
    graph = mapped(LETTERS[0]).assertions + mapped(LETTERS[0]).entities
    graph.remove((mapped(LETTERS[0]).letter, DCTERMS.identifier, None))
    text = graph.serialize(format="nt")
    stores, reports = [], []  # the stores are kept alive, so their ids cannot be reused
    for _ in range(4):
        reports.append(results(validate_graph_fast(text)))
        stores.append(validator.store)
    assert len({id(store) for store in stores}) >= 2 and len(validator.store) == len(validator.context_quads)
    assert all(report == reports[0] for report in reports) and reports[0]


# ---------------------------------------------------------------- injected faults


def _first(graph: Graph, cls: str):
    return sorted(graph.subjects(RDF.type, URIRef(NKG + cls)))[0]


def _letter(graph: Graph):
    # Letters are typed with a subclass (nkg:MeetingReport...); each has one nkg:sha256.
    return sorted(graph.subjects(URIRef(NKG + "sha256"), None))[0]


def drop_letter_identifier(g: Graph) -> None:
    g.remove((_letter(g), DCTERMS.identifier, None))


def participation_without_meeting(g: Graph) -> None:
    g.remove((_first(g, "Participation"), URIRef(NKG + "inMeeting"), None))


def start_date_as_text(g: Graph) -> None:
    meeting = sorted(g.subjects(URIRef(NKG + "startDate"), None))[0]
    g.set((meeting, URIRef(NKG + "startDate"), Literal("14 mei 2022")))


def offsets_as_strings(g: Graph) -> None:
    evidence = _first(g, "Evidence")
    g.set((evidence, URIRef(OA + "start"), Literal("12")))


def amount_without_unit(g: Graph) -> None:
    commitment = _first(g, "Participation")
    g.add((commitment, RDF.type, URIRef(NKG + "Commitment")))
    g.add((commitment, URIRef(NKG + "amount"), Literal("5.0", datatype=XSD.decimal)))


def ukraine_as_ally(g: Graph) -> None:
    participation = _first(g, "Participation")
    g.set((participation, URIRef(NKG + "capacity"), URIRef(ID + "capacity/ally")))
    g.set((participation, URIRef(NKG + "participant"), URIRef(ID + "state/ua")))


def finland_as_ally_before_accession(g: Graph) -> None:
    participation = _first(g, "Participation")
    meeting = g.value(participation, URIRef(NKG + "inMeeting"))
    g.set((meeting, URIRef(NKG + "startDate"), Literal("2022-05-14", datatype=XSD.date)))
    g.remove((meeting, URIRef(NKG + "endDate"), None))
    g.set((participation, URIRef(NKG + "capacity"), URIRef(ID + "capacity/ally")))
    g.set((participation, URIRef(NKG + "participant"), URIRef(ID + "state/fi")))


def two_letter_dates(g: Graph) -> None:
    g.add((_letter(g), DCTERMS.date, Literal("1999-01-01", datatype=XSD.date)))
    g.add((_letter(g), DCTERMS.date, Literal("1999-01-02", datatype=XSD.date)))


def capacity_as_string(g: Graph) -> None:
    g.set((_first(g, "Participation"), URIRef(NKG + "capacity"), Literal("ally")))


def meeting_ends_before_start(g: Graph) -> None:
    meeting = sorted(g.subjects(URIRef(NKG + "startDate"), None))[0]
    g.set((meeting, URIRef(NKG + "startDate"), Literal("2030-01-02", datatype=XSD.date)))
    g.set((meeting, URIRef(NKG + "endDate"), Literal("2030-01-01", datatype=XSD.date)))


def allies_count_wrong_and_zero(g: Graph) -> None:
    participation = _first(g, "Participation")
    g.set((participation, URIRef(NKG + "participant"), URIRef(ID + "group/allies")))
    g.set((participation, URIRef(NKG + "statedCount"), Literal(0)))


def untyped_partner_and_bad_iri(g: Graph) -> None:
    g.add((URIRef(ID + "org/Nowhere Fund"), RDF.type, URIRef(NKG + "Partner")))


def second_iso_code_on_a_reference_state(g: Graph) -> None:
    # A context (reference) focus node changed by the letter: must be re-validated.
    g.add((URIRef(ID + "state/nl"), URIRef(NKG + "isoCode"), Literal("NLD")))


def new_subclass_of_state(g: Graph) -> None:
    # A letter that extends the class hierarchy re-targets nodes of the context too.
    micro = URIRef(ID + "class/micro-state")
    g.add((micro, RDFS.subClassOf, URIRef(NKG + "State")))
    g.add((URIRef(ID + "state/xx-micro"), RDF.type, micro))
    g.add((URIRef(ID + "state/ua"), RDF.type, micro))


def location_is_a_state(g: Graph) -> None:
    meeting = sorted(g.subjects(URIRef(NKG + "startDate"), None))[0]
    g.set((meeting, URIRef(NKG + "location"), URIRef(ID + "state/nl")))


FAULTS = [
    drop_letter_identifier,
    participation_without_meeting,
    start_date_as_text,
    offsets_as_strings,
    amount_without_unit,
    ukraine_as_ally,
    finland_as_ally_before_accession,
    two_letter_dates,
    capacity_as_string,
    meeting_ends_before_start,
    allies_count_wrong_and_zero,
    untyped_partner_and_bad_iri,
    second_iso_code_on_a_reference_state,
    new_subclass_of_state,
    location_is_a_state,
]


@cache
def generated_letters(tmp_dir: Path, count: int) -> list[Path]:
    spec = importlib.util.spec_from_file_location("generate_letters", REPO / "benchmarks" / "generate_letters.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(tmp_dir, count, seed=11)


@pytest.mark.slow
def test_generated_letters_with_injected_faults_equal_pyshacl(tmp_path_factory) -> None:
    paths = generated_letters(tmp_path_factory.mktemp("letters"), 40)
    compared = 0
    for number, path in enumerate(paths):
        try:
            graphs = map_letter(path)
        except Exception:  # a generated letter without a NATO meeting is skipped
            continue
        graph = graphs.assertions + graphs.entities
        assert_same(graph)  # as mapped
        for offset in range(len(FAULTS)):  # the first fault the letter has nodes for
            fault = FAULTS[(number + offset) % len(FAULTS)]
            try:
                fault(graph)
                break
            except IndexError:
                continue
        found = assert_same(graph)
        assert found, f"{fault.__name__} on {path.name} made pySHACL report nothing"
        compared += 1
    assert compared >= 30


@pytest.mark.parametrize("fault", FAULTS, ids=[f.__name__ for f in FAULTS])
def test_injected_fault_on_a_corpus_letter_equals_pyshacl(fault) -> None:
    graphs = mapped(LETTERS[2])
    graph = graphs.assertions + graphs.entities
    fault(graph)
    assert assert_same(graph), f"{fault.__name__} made pySHACL report nothing"


# ---------------------------------------------------------------- refusing what it cannot do

SHAPES_PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
"""


@pytest.mark.parametrize(
    "shape",
    [
        "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:nodeKind sh:IRI .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:qualifiedMinCount 1 ] .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true .",
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:ask \"ASK {}\" ] .",
    ],
    ids=["targetNode", "sequence-path", "qualified", "closed", "ask"],
)
def test_unsupported_shape_features_are_refused(shape: str) -> None:
    shapes = Graph().parse(data=SHAPES_PREFIXES + shape, format="turtle")
    with pytest.raises(UnsupportedShapeError):
        ShapeValidator(shapes, Graph())


def test_evidence_with_two_position_selectors_is_a_violation_in_both_validators() -> None:
    fixture = FIXTURES / "evidence-selectors" / "invalid-two-position-selectors.ttl"
    found = assert_same(Graph().parse(fixture))
    components = {key[2].rsplit("#", 1)[-1] for key in found if key[0] == f"{ID}evidence/bz2628703/309-339"}
    assert components == {"QualifiedMaxCountConstraintComponent", "QualifiedMinCountConstraintComponent"}
    assert not validate_graph_fast(Graph().parse(fixture)).conforms


QUALIFIED_SHAPES = SHAPES_PREFIXES + """
ex:S a sh:NodeShape ; sh:targetClass ex:C ;
    sh:property [ sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:D ] ;
                  sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ] .
"""
QUALIFIED_DATA = """
@prefix ex: <http://example.org/> .
ex:none a ex:C ; ex:p ex:x1 .
ex:one a ex:C ; ex:p ex:d1, ex:x1 .
ex:two a ex:C ; ex:p ex:d1, ex:d2, ex:x1 .
ex:d1 a ex:D . ex:d2 a ex:D .
"""


def test_qualified_counts_regression_each_value_is_checked_against_the_shape_once(monkeypatch) -> None:
    """A qualified value shape with sh:qualifiedMinCount and sh:qualifiedMaxCount is
    evaluated once per value, both counts read from that one evaluation, and the results
    stay pySHACL's."""
    import pyshacl

    from natokg.validation import core_constraints

    shapes = Graph().parse(data=QUALIFIED_SHAPES, format="turtle")
    data = Graph().parse(data=QUALIFIED_DATA, format="turtle")
    validator = ShapeValidator(shapes, Graph())
    evaluated = Counter()
    conforms = core_constraints._conforms

    def counting(shape, focus, union):
        evaluated[str(focus)] += 1
        return conforms(shape, focus, union)

    monkeypatch.setattr(core_constraints, "_conforms", counting)
    report = validator.validate(data)
    assert evaluated == {"http://example.org/x1": 3, "http://example.org/d1": 2, "http://example.org/d2": 1}
    _conforms, graph, _text = pyshacl.validate(data, shacl_graph=shapes)
    # the report's own results as natokg reads pySHACL's; messages and blank shape ids aside
    # (pySHACL writes default messages, these shapes have none)
    cause = lambda found: Counter((r.focus, r.path, r.constraint, r.severity, r.value) for r in found)  # noqa: E731
    assert cause(report.results) == cause(reference._results(graph))
    assert Counter((r.focus.rsplit("/", 1)[-1], r.constraint.rsplit("#", 1)[-1]) for r in report.results) == Counter(
        {("none", "QualifiedMinCountConstraintComponent"): 1, ("two", "QualifiedMaxCountConstraintComponent"): 1}
    )
