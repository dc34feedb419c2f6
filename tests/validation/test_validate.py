"""natokg.validation.reference: files, formats, bad input, literal normalisation, the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from natokg.cli.render_validation import format_report
from natokg.errors import BadInputError
from natokg.validation import (
    ValidationResult,
    normalise_literals,
    validate_files,
    validate_graph,
)
from natokg.validation import results as validate_module

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "shapes"
ID = "https://w3id.org/natokg/id/"
NKG = "https://w3id.org/natokg/ontology#"
SH = "http://www.w3.org/ns/shacl#"
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
XSD_GYEAR = URIRef("http://www.w3.org/2001/XMLSchema#gYear")


def test_valid_fixture_file_conforms_with_no_results() -> None:
    report = validate_files([FIXTURES / "commitment" / "valid.ttl"])
    assert report.conforms
    assert report.results == []


def test_invalid_fixture_file_reports_its_violations() -> None:
    report = validate_files([FIXTURES / "commitment" / "invalid-kind-and-status.ttl"])
    assert not report.conforms
    assert [(r.path, r.value, r.severity) for r in report.violations] == [
        (NKG + "commitmentKind", '"spending target"', "Violation"),
        (NKG + "status", ID + "status/afgesproken", "Violation"),
    ]


def test_several_files_are_validated_as_one_graph(tmp_path: Path) -> None:
    # The identifier missing from the fixture arrives in a second file.
    extra = tmp_path / "identifier.nt"
    identifier = "<http://purl.org/dc/terms/identifier>"
    extra.write_text(f'<{ID}letter/bz2628703> {identifier} "BZ2628703" .\n')
    missing = FIXTURES / "letter" / "invalid-missing-identifier.ttl"
    assert not validate_files([missing]).conforms
    assert validate_files([missing, extra]).conforms


@pytest.mark.parametrize(
    "suffix,fmt",
    [(".nt", "nt"), (".jsonld", "json-ld"), (".rdf", "xml"), (".trig", "trig"), (".nq", "nquads")],
)
def test_any_rdflib_format_is_read_by_its_suffix(tmp_path: Path, suffix: str, fmt: str) -> None:
    source = FIXTURES / "ally-accession" / "invalid-finland-ally-2022.ttl"
    graph = Graph().parse(source)
    if fmt in ("trig", "nquads"):
        from rdflib import Dataset

        dataset = Dataset()
        named = dataset.graph(URIRef(ID + "graph/0a8040f54ed2"))
        for triple in graph:
            named.add(triple)
        data = dataset.serialize(format=fmt)
    else:
        data = graph.serialize(format=fmt)
    path = tmp_path / f"letter{suffix}"
    path.write_text(data, encoding="utf-8")
    report = validate_files([path])
    assert [(r.focus, r.constraint) for r in report.results] == [
        (ID + "participation/5d1e0f3a9c2b7e44", "https://w3id.org/natokg/shapes#AllyNotYetAcceded")
    ]


def test_missing_file_is_bad_input_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.ttl"
    with pytest.raises(BadInputError) as caught:
        validate_files([missing])
    assert str(missing) in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "name,content",
    [
        ("broken.ttl", b"<a> <b> .\n"),  # no object
        ("binary.ttl", bytes(range(256))),
        ("broken.jsonld", b"{ not json"),
    ],
)
def test_unparsable_file_is_bad_input_naming_the_file(
    tmp_path: Path, name: str, content: bytes
) -> None:
    good = FIXTURES / "evidence" / "valid.ttl"
    bad = tmp_path / name
    bad.write_bytes(content)
    with pytest.raises(BadInputError) as caught:
        validate_files([good, bad])
    message = str(caught.value)
    assert str(bad) in message and str(good) not in message
    assert "\n" not in message


def _xsd_string_everywhere(graph: Graph) -> Graph:
    """What terms converted from pyoxigraph look like: plain strings typed xsd:string."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype is None and o.language is None:
            o = Literal(str(o), datatype=XSD_STRING)
        out.add((s, p, o))
    return out


def test_xsd_string_literals_still_pass_sh_in_on_strings() -> None:
    data = _xsd_string_everywhere(Graph().parse(FIXTURES / "actor-group" / "valid.ttl"))
    assert (None, URIRef(NKG + "quantifier"), Literal("several", datatype=XSD_STRING)) in data
    assert validate_graph(data, with_reference=False).results == []


def test_without_normalisation_xsd_string_would_fail_sh_in(monkeypatch: pytest.MonkeyPatch) -> None:
    # Guards the test above: it only proves something if the un-normalised graph fails.
    data = _xsd_string_everywhere(Graph().parse(FIXTURES / "actor-group" / "valid.ttl"))
    monkeypatch.setattr(validate_module, "normalise_literals", lambda graph: graph)
    constraints = {r.constraint for r in validate_graph(data, with_reference=False).results}
    assert SH + "InConstraintComponent" in constraints


def test_xsd_string_names_do_not_duplicate_reference_names() -> None:
    # Sybiha's foaf:name arriving as "..."^^xsd:string must not become a second name
    # next to the reference's plain "Andrii Sybiha".
    data = _xsd_string_everywhere(Graph().parse(FIXTURES / "participation" / "valid.ttl"))
    sybiha = URIRef(ID + "person/andrii-sybiha")
    foaf_name = URIRef("http://xmlns.com/foaf/0.1/name")
    data.add((sybiha, foaf_name, Literal("Andrii Sybiha", datatype=XSD_STRING)))
    assert validate_graph(data).results == []


def test_normalise_literals_keeps_language_and_other_datatypes() -> None:
    s, p = URIRef(ID + "x"), URIRef(NKG + "p")
    graph = Graph()
    graph.add((s, p, Literal("a", datatype=XSD_STRING)))
    graph.add((s, p, Literal("b", lang="nl")))
    graph.add((s, p, Literal("2035", datatype=XSD_GYEAR)))
    assert set(normalise_literals(graph).objects(s, p)) == {
        Literal("a"), Literal("b", lang="nl"), Literal("2035", datatype=XSD_GYEAR)
    }


def test_validation_leaves_caller_graph_and_context_unchanged() -> None:
    data = Graph().parse(FIXTURES / "position" / "invalid-no-topic.ttl")
    before = set(data)
    context_size = len(validate_module._merged_context(True))
    first = validate_graph(data)
    assert set(data) == before
    assert len(validate_module._merged_context(True)) == context_size
    # the per-process context graph is restored: a conforming graph after an
    # invalid one does not inherit its triples
    assert validate_graph(Graph().parse(FIXTURES / "position" / "valid.ttl")).results == []
    assert validate_graph(data).results == first.results


def test_report_groups_results_by_focus_node() -> None:
    report = validate_files(
        [
            FIXTURES / "observation" / "invalid-unit-and-letter.ttl",
            FIXTURES / "evidence" / "invalid-no-letter.ttl",
        ]
    )
    grouped = report.by_focus()
    assert list(grouped) == [
        ID + "evidence/bz2628703/2552-2621",
        ID + "observation/6c2e9d4b8a1f0735",
    ]
    # within a focus node, results are sorted by path
    assert [r.path for r in grouped[ID + "observation/6c2e9d4b8a1f0735"]] == [
        "http://www.w3.org/ns/prov#wasDerivedFrom",
        NKG + "unit",
    ]
    assert sum(len(v) for v in grouped.values()) == len(report.results) == 4


def test_warnings_alone_conform() -> None:
    report = validate_files([FIXTURES / "allies-count" / "invalid-32-in-2022.ttl"])
    assert report.conforms
    assert report.violations == []
    (warning,) = report.warnings
    assert warning.value == '"32"^^xsd:integer'
    assert "30" in warning.message  # 30 allies on 2022-05-14


def test_results_sort_deterministically_with_missing_paths() -> None:
    a = ValidationResult("x", None, None, "c", "Violation", "m", "s")
    b = ValidationResult("x", "p", "v", "c", "Violation", "m", "s")
    assert sorted([b, a]) == [a, b]


def test_format_report_is_grouped_and_readable() -> None:
    report = validate_files([FIXTURES / "ally-accession" / "invalid-finland-ally-2022.ttl"])
    text = format_report(report)
    assert text.splitlines()[0] == "Validation: does not conform (1 violation(s), 0 warning(s))"
    assert "\nid:participation/5d1e0f3a9c2b7e44\n" in text
    assert "    path:  nkg:participant" in text
    assert "    value: id:state/fi" in text
    assert "Violation: id:state/fi takes part as an ally" in text


def test_format_report_of_conforming_graph() -> None:
    text = format_report(validate_files([FIXTURES / "letter" / "valid.ttl"]))
    assert text == "Validation: conforms (0 violation(s), 0 warning(s))\n"


def test_relative_paths_are_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    assert validate_files([Path("letter") / "valid.ttl"]).conforms


@pytest.mark.slow
@pytest.mark.parametrize(
    "letter", sorted((Path(__file__).resolve().parents[2] / "corpus" / "letters").glob("[0-9]*.*")),  # the seed letters
    ids=lambda p: p.name,
)
def test_every_corpus_letter_conforms(letter: Path) -> None:
    from natokg.pipeline import map_letter

    report = validate_graph(map_letter(letter).merged())
    assert report.violations == [], format_report(report)
