"""Golden tests: each folder in tests/golden/ holds a short letter and the RDF it should
map to, written by hand from reading the letter (tests/golden/README.md).

The comparison is graph isomorphism per named graph (the letter's graph and
id/graph/entities); on failure the message lists the triples only in the expected
graph and only in the actual graph.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic

from natokg.rdf.mapping import ENTITIES_GRAPH
from natokg.namespaces import PREFIXES
from natokg.pipeline import map_letter

GOLDEN_DIR = Path(__file__).parent / "golden"

# case name -> why the pipeline is wrong there (the expectation stays as written)
KNOWN_EXTRACTION_BUGS: dict[str, str] = {}


def golden_cases() -> list[Path]:
    return sorted(p for p in GOLDEN_DIR.iterdir() if (p / "letter.txt").is_file())


def _params():
    for case in golden_cases():
        marks = []
        if case.name in KNOWN_EXTRACTION_BUGS:
            marks.append(pytest.mark.xfail(reason=KNOWN_EXTRACTION_BUGS[case.name], strict=True))
        yield pytest.param(case, id=case.name, marks=marks)


def load_expected(case: Path) -> dict[URIRef, Graph]:
    """The named graphs of expected.trig, by graph IRI (empty default graph ignored)."""
    dataset = Dataset()
    dataset.parse(case / "expected.trig", format="trig")
    graphs: dict[URIRef, Graph] = {}
    for named in dataset.graphs():
        if len(named) == 0:
            continue
        graph = Graph()
        for triple in named:
            graph.add(triple)
        graphs[URIRef(named.identifier)] = graph
    return graphs


def _short(term) -> str:
    if isinstance(term, Literal) and term.datatype is not None:
        return f'"{term}"^^{_short(URIRef(term.datatype))}'
    text = term.n3()
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if text.startswith(f"<{namespace}") and text.endswith(">"):
            return f"{prefix}:{text[len(namespace) + 1 : -1]}"
    return text


def describe_diff(name: str, expected: Graph, actual: Graph) -> str:
    """A readable listing of what differs between two graphs (empty when isomorphic)."""
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    if not len(only_expected) and not len(only_actual):
        return ""
    lines = [f"graph {name}:"]
    for label, graph in (("only in expected", only_expected), ("only in actual", only_actual)):
        triples = sorted(" ".join(_short(term) for term in triple) for triple in graph)
        lines.append(f"  {label} ({len(triples)}):")
        lines.extend(f"    {t} ." for t in triples)
    return "\n".join(lines)


def test_golden_cases_exist():
    assert len(golden_cases()) >= 3
    for case in golden_cases():
        assert (case / "expected.trig").is_file(), f"{case.name}: expected.trig missing"


@pytest.mark.parametrize("case", list(_params()))
def test_golden_case(case: Path):
    result = map_letter(case / "letter.txt")
    expected = load_expected(case)
    actual = {result.graph: result.assertions, ENTITIES_GRAPH: result.entities}
    assert set(expected) == set(actual), (
        f"{case.name}: expected graphs {sorted(map(str, expected))}, got {sorted(map(str, actual))}"
    )
    problems = [describe_diff(_short(name), expected[name], actual[name]) for name in sorted(expected)]
    problems = [p for p in problems if p]
    assert not problems, f"{case.name} differs from expected.trig\n" + "\n".join(problems)


def test_describe_diff_lists_both_sides():
    """The failure message names triples missing and triples extra (it can fail)."""
    from natokg.namespaces import ID, NKG

    expected, actual = Graph(), Graph()
    expected.add((ID["letter/x"], NKG.sha256, Literal("a")))
    expected.add((ID["letter/x"], NKG.statedCount, Literal(1)))
    actual.add((ID["letter/x"], NKG.sha256, Literal("b")))
    text = describe_diff("g", expected, actual)
    assert "only in expected (2):" in text
    assert '    id:letter/x nkg:statedCount "1"^^xsd:integer .' in text
    assert '    id:letter/x nkg:sha256 "a" .' in text
    assert 'only in actual (1):\n    id:letter/x nkg:sha256 "b" .' in text
    assert describe_diff("g", expected, expected) == ""
