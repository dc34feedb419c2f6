"""The whole pipeline (read -> segment -> extract -> map) on every real letter and every
letter fixture: invariants that must hold for any letter, whatever was extracted.

Each letter is mapped once per session (``mapped``); the determinism test maps it a
second time on purpose.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import PROV, RDF

from natokg.errors import BadInputError
from natokg.extract.stage import NO_MAIN_MEETING
from natokg.rdf.mapping import LetterGraphs
from natokg.namespaces import NKG, OA
from natokg.pipeline import map_letter
from natokg.read.text_layers import LETTER_SUFFIXES
from natokg.cli.render_validation import format_report
from natokg.validation import validate_graph

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "letters"
FIXTURE_LETTERS = ROOT / "tests" / "fixtures" / "letters"
BAD = ROOT / "tests" / "fixtures" / "bad"


def letter_files() -> list[Path]:
    # every letter of the corpus (seeds and the dev_* set) and the fixtures
    files = [*sorted(CORPUS.iterdir()), *sorted(FIXTURE_LETTERS.iterdir())]
    return [p for p in files if p.is_file() and p.suffix.lower() in LETTER_SUFFIXES]


LETTERS = letter_files()
LETTER_IDS = [("corpus/" if p.parent == CORPUS else "fixtures/") + p.name for p in LETTERS]


@lru_cache(maxsize=None)
def _map_cached(path: Path) -> LetterGraphs:
    return map_letter(path)


@pytest.fixture(params=LETTERS, ids=LETTER_IDS)
def letter_path(request) -> Path:
    return request.param


@pytest.fixture
def mapped(letter_path: Path) -> LetterGraphs:
    return _map_cached(letter_path)


def test_every_letter_is_collected():
    # the five corpus letters and the ten fixtures in every supported format
    assert len([p for p in LETTERS if p.parent == CORPUS]) >= 40
    assert {p.suffix for p in LETTERS if p.parent == FIXTURE_LETTERS} >= {".txt", ".pdf", ".docx", ".html", ".xml"}


def test_map_letter_gives_a_letter_in_its_own_graph(mapped: LetterGraphs, letter_path: Path):
    assert (mapped.letter, NKG.sourceFile, None) in mapped.assertions
    assert str(mapped.assertions.value(mapped.letter, NKG.sourceFile)) == letter_path.name
    assert mapped.graph.endswith(f"/graph/{mapped.key}")
    assert (mapped.letter, NKG.about, None) in mapped.assertions, "no main meeting"
    assert len(mapped.entities) > 0


def _evidence_nodes(graph: Graph) -> list:
    return sorted(graph.subjects(RDF.type, NKG.Evidence))


def test_evidence_quotes_the_source_text(mapped: LetterGraphs):
    nodes = _evidence_nodes(mapped.assertions)
    assert nodes, "a letter with a main meeting has evidence for it"
    wrong = []
    for node in nodes:
        start = int(mapped.assertions.value(node, OA.start))
        end = int(mapped.assertions.value(node, OA.end))
        exact = str(mapped.assertions.value(node, OA.exact))
        if not (0 <= start < end <= len(mapped.source_text)) or mapped.source_text[start:end] != exact:
            wrong.append(f"{node}: [{start}:{end}] = {mapped.source_text[start:end]!r}, oa:exact {exact!r}")
        if (node, NKG.inLetter, mapped.letter) not in mapped.assertions:
            wrong.append(f"{node}: no nkg:inLetter {mapped.letter}")
    assert not wrong, "\n".join(wrong)


def test_merged_graph_conforms_to_shapes(mapped: LetterGraphs):
    report = validate_graph(mapped.merged())
    assert report.conforms, format_report(report)


def test_no_blank_nodes(mapped: LetterGraphs):
    for name, graph in (("assertions", mapped.assertions), ("entities", mapped.entities)):
        blank = [t for t in graph if any(isinstance(term, BNode) for term in t)]
        assert not blank, f"{name}: blank nodes in {blank[:3]}"


def test_mapping_twice_gives_identical_nquads(mapped: LetterGraphs, letter_path: Path):
    again = map_letter(letter_path)
    first = mapped.serialize("nquads")
    assert first, "empty serialisation"
    assert again.serialize("nquads") == first


def _claims(mapped: LetterGraphs) -> list[URIRef]:
    """Every commitment, position, participation and meeting mention of the letter."""
    graph = mapped.assertions
    claims = [
        node
        for cls in (NKG.Commitment, NKG.Position, NKG.Participation)
        for node in graph.subjects(RDF.type, cls)
    ]
    claims += [m for rel in (NKG.about, NKG.mentions) for m in graph.objects(mapped.letter, rel)]
    return sorted(set(claims))


def test_every_claim_has_provenance_and_evidence(mapped: LetterGraphs):
    graph = mapped.assertions
    claims = _claims(mapped)
    assert claims
    missing = []
    for node in claims:
        if (node, PROV.wasDerivedFrom, mapped.letter) not in graph:
            missing.append(f"{node}: no prov:wasDerivedFrom {mapped.letter}")
        evidence = list(graph.objects(node, NKG.evidence))
        if not evidence:
            missing.append(f"{node}: no nkg:evidence")
        for item in evidence:
            if (item, RDF.type, NKG.Evidence) not in graph:
                missing.append(f"{node}: evidence {item} is not described in the letter graph")
    assert not missing, "\n".join(missing)


# ---------------------------------------------------------------- bad input


BAD_FILES = sorted(p for p in BAD.iterdir() if p.is_file())


@pytest.mark.parametrize("path", BAD_FILES, ids=[p.name for p in BAD_FILES])
def test_bad_input_raises_bad_input_error_naming_the_file(path: Path):
    with pytest.raises(BadInputError) as caught:
        map_letter(path)
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_bad_inputs_are_there():
    assert {p.name for p in BAD_FILES} >= {"empty.txt", "binary.txt", "image_only.pdf"}


def test_letter_without_a_nato_meeting_is_mapped_with_a_warning(tmp_path: Path):
    path = tmp_path / "brief.txt"
    path.write_text(
        "Geachte voorzitter,\n\nHierbij informeer ik u over de voortgang van de "
        "begrotingsbehandeling. Het kabinet streeft naar afronding voor de zomer.\n",
        encoding="utf-8",
    )
    graphs = map_letter(path)
    assert graphs.warnings == (NO_MAIN_MEETING,)
    assert not list(graphs.assertions.triples((None, NKG.about, None)))
    report = validate_graph(graphs.merged())
    assert report.conforms, format_report(report)
    assert [r.severity for r in report.results] == ["Warning"]


def test_regression_eu_council_report_is_not_refused():
    graphs = map_letter(CORPUS / "dev_2021_other_other_raad-buitenlandse-zaken.txt")
    assert list(graphs.assertions.triples((URIRef(graphs.letter), NKG.signedBy, None)))
    assert validate_graph(graphs.merged()).conforms


def test_missing_file_raises_bad_input_error(tmp_path: Path):
    path = tmp_path / "missing.txt"
    with pytest.raises(BadInputError) as caught:
        map_letter(path)
    assert caught.value.path == str(path)
