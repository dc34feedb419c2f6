"""natokg.knowledge.ontology_tools: pyLODE documentation and the consistency check, on the real
ontology and on broken copies of it (NATOKG_HOME pointing at a temporary checkout)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

import natokg.knowledge.ontology_tools as tools
import natokg.paths
from natokg.errors import ReferenceDataError
from natokg.knowledge.ontology_tools import OntologyCheck, check_ontology, write_docs

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A copy of the ontology that natokg.paths finds through NATOKG_HOME."""
    shutil.copytree(ROOT / "ontology", tmp_path / "ontology")
    monkeypatch.setenv("NATOKG_HOME", str(tmp_path))
    natokg.paths.project_root.cache_clear()
    yield tmp_path
    natokg.paths.project_root.cache_clear()  # monkeypatch restores the variable after this


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# ---------------------------------------------------------------- docs


def test_write_docs_writes_ontology_and_concept_pages(tmp_path):
    handlers = logging.getLogger().handlers[:]
    level = logging.getLogger().level
    written = write_docs(tmp_path / "docs")
    assert [p.name for p in written] == ["index.html", "concepts.html"]
    index = (tmp_path / "docs" / "index.html").read_text(encoding="utf-8")
    assert "Meeting" in index and "Vergadering" in index
    assert "Foreign ministers meeting" in index and "natokg ontology" in index
    assert "<title>natokg ontology</title>" in index and "natokg-ontologie" not in index
    concepts = (tmp_path / "docs" / "concepts.html").read_text(encoding="utf-8")
    assert "defensie-uitgave*" in concepts
    assert "ziet ... niet als wenselijk" in concepts
    assert "id:topic/strait-of-hormuz" in concepts
    # pyLODE configures the root logger on import; write_docs undoes that
    assert logging.getLogger().handlers == handlers and logging.getLogger().level == level


def test_write_docs_reports_an_ontology_without_title(home, tmp_path):
    edit(home / "ontology" / "natokg.ttl",
         'dcterms:title "natokg ontology"@en , "natokg-ontologie"@nl ;', "")
    with pytest.raises(ReferenceDataError, match="natokg.ttl"):
        write_docs(tmp_path / "docs")


# ---------------------------------------------------------------- the real ontology


def test_real_ontology_passes_without_reasoner():
    check = check_ontology(reasoner=False)
    assert isinstance(check, OntologyCheck)
    assert check.consistent is True
    assert check.findings == []
    assert check.ok
    assert check.skipped == ["HermiT and OWL 2 DL profile: not requested (reasoner=False)"]
    assert set(check.seconds) == {"parse", "labels", "owlrl"}


@pytest.mark.slow
def test_real_ontology_is_consistent_under_hermit():
    check = check_ontology()
    if tools.java_executable() is None:
        assert check.skipped and "no java" in check.skipped[0]
        pytest.skip("no java on PATH")
    assert check.consistent is True
    assert check.findings == []
    assert check.skipped == []
    assert set(check.seconds) == {"parse", "labels", "hermit", "dl-profile", "owlrl"}
    assert check.notes == []


def test_missing_java_is_skipped_with_a_reason(monkeypatch):
    monkeypatch.setattr(tools, "java_executable", lambda: None)
    check = check_ontology()
    assert check.consistent is True and check.findings == []
    assert check.skipped == [
        "HermiT and OWL 2 DL profile: no java on PATH; install a Java 11+ JDK (OpenJDK) to run them"
    ]


# ---------------------------------------------------------------- broken copies


def test_removed_dutch_label_is_a_finding(home):
    edit(home / "ontology" / "natokg.ttl", 'rdfs:label "Letter"@en , "Brief"@nl ;', 'rdfs:label "Letter"@en ;')
    check = check_ontology(reasoner=False)
    assert check.consistent is True
    assert check.findings == ["nkg:Letter has no rdfs:label @nl; add one to ontology/natokg.ttl"]
    assert not check.ok


def test_missing_comment_and_range_are_findings(home):
    path = home / "ontology" / "natokg.ttl"
    edit(path, '    rdfs:range nkg:City ;\n    rdfs:label "location"@en', '    rdfs:label "location"@en')
    edit(path, '    rdfs:comment "The city where the meeting takes place."@en .', "    .")
    check = check_ontology(reasoner=False)
    assert check.findings == [
        "nkg:location has no rdfs:comment @en; say what it means in ontology/natokg.ttl",
        "nkg:location has no rdfs:range; add one to ontology/natokg.ttl",
    ]


def test_range_outside_the_owl2_datatype_map_is_a_finding(home):
    edit(home / "ontology" / "natokg.ttl", "nkg:startDate a owl:DatatypeProperty ;\n    rdfs:subPropertyOf schema:startDate ;\n"
         "    rdfs:domain nkg:Meeting ;\n    rdfs:range rdfs:Literal ;",
         "nkg:startDate a owl:DatatypeProperty ;\n    rdfs:subPropertyOf schema:startDate ;\n"
         "    rdfs:domain nkg:Meeting ;\n    rdfs:range xsd:date ;")
    check = check_ontology(reasoner=False)
    assert [f for f in check.findings if "xsd:date" in f] == [
        "a range uses xsd:date, which is outside the OWL 2 datatype map and refused by OWL reasoners; "
        "use rdfs:Literal in the axiom and require the datatype in shapes/"
    ]


def test_undeclared_nkg_term_is_a_finding(home):
    edit(home / "ontology" / "stances.ttl", "nkg:negatedStance stance:oppose .\n\nstance:emphasise",
         "nkg:negatedStnce stance:oppose .\n\nstance:emphasise")
    check = check_ontology(reasoner=False)
    assert check.findings == [
        "nkg:negatedStnce is used but not declared in ontology/natokg.ttl; declare it or fix the name"
    ]


def test_concept_without_dutch_preflabel_is_a_finding(home):
    edit(home / "ontology" / "topics.ttl", 'skos:prefLabel "Arctic"@en , "Arctisch gebied"@nl ;',
         'skos:prefLabel "Arctic"@en ; skos:altLabel "Arctisch gebied"@nl ;')
    check = check_ontology(reasoner=False)
    assert check.findings == ["concept id:topic/arctic has 0 skos:prefLabel @nl; give it exactly one"]


def test_preflabel_repeated_as_altlabel_is_a_finding(home):
    edit(home / "ontology" / "topics.ttl", 'skos:altLabel "Golf-regio"@nl ,', 'skos:altLabel "Midden-Oosten"@nl , "Golf-regio"@nl ,')
    check = check_ontology(reasoner=False)
    assert check.findings == [
        "concept id:topic/middle-east: Midden-Oosten@nl is both prefLabel and alt/hiddenLabel; "
        "remove the alt/hiddenLabel (the prefLabel is matched too)"
    ]


DISJOINT_INDIVIDUAL = "\ntopic:china a nkg:Stance .\n"


def test_individual_of_two_disjoint_classes_is_inconsistent_under_owl_rl(home):
    (home / "ontology" / "topics.ttl").open("a", encoding="utf-8").write(DISJOINT_INDIVIDUAL)
    check = check_ontology(reasoner=False)
    assert check.consistent is False
    assert check.findings == ["OWL-RL: id:topic/china is both nkg:Stance and nkg:Topic, which are disjoint"]


@pytest.mark.slow
def test_individual_of_two_disjoint_classes_is_inconsistent_under_hermit(home):
    if tools.java_executable() is None:
        pytest.skip("no java on PATH")
    (home / "ontology" / "topics.ttl").open("a", encoding="utf-8").write(DISJOINT_INDIVIDUAL)
    check = check_ontology()
    assert check.consistent is False
    assert check.findings == [
        "HermiT: the ontology and concept schemes are inconsistent (no model exists); "
        "look for an individual in two disjoint classes or a violated range",
        "OWL-RL: id:topic/china is both nkg:Stance and nkg:Topic, which are disjoint",
    ]


@pytest.mark.slow
def test_unsatisfiable_class_is_a_hermit_finding(home):
    if tools.java_executable() is None:
        pytest.skip("no java on PATH")
    # a class under two disjoint classes has no members, but the ontology stays consistent
    (home / "ontology" / "natokg.ttl").open("a", encoding="utf-8").write(
        '\nnkg:Chimera a owl:Class ; rdfs:subClassOf nkg:Topic , nkg:Stance ;\n'
        '    rdfs:label "Chimera"@en , "Hersenschim"@nl ; rdfs:comment "Cannot exist."@en .\n'
    )
    check = check_ontology()
    assert check.consistent is True
    assert check.findings == ["HermiT: class nkg:Chimera is unsatisfiable (can have no members)"]


@pytest.mark.slow
def test_punning_between_property_kinds_violates_the_dl_profile(home):
    if tools.java_executable() is None:
        pytest.skip("no java on PATH")
    edit(home / "ontology" / "natokg.ttl", "nkg:amount a owl:DatatypeProperty ;",
         "nkg:amount a owl:DatatypeProperty , owl:ObjectProperty ;")
    check = check_ontology()
    assert "nkg:amount is declared as owl:ObjectProperty and owl:DatatypeProperty; OWL 2 DL allows one" in check.findings
    profile = [f for f in check.findings if f.startswith("OWL 2 DL profile: ")]
    assert profile and all("Cannot pun between properties: <https://w3id.org/natokg/ontology#amount>" in f
                           for f in profile)


def test_same_and_different_individuals_clash(home):
    (home / "ontology" / "topics.ttl").open("a", encoding="utf-8").write(
        "\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "topic:china owl:sameAs topic:arctic .\ntopic:china owl:differentFrom topic:arctic .\n"
    )
    check = check_ontology(reasoner=False)
    assert check.consistent is False
    assert "OWL-RL: id:topic/china is both owl:sameAs and owl:differentFrom id:topic/arctic" in check.findings


def test_malformed_turtle_names_the_file(home):
    edit(home / "ontology" / "stances.ttl", "stance:scheme a skos:ConceptScheme ;", "stance:scheme a skos:ConceptScheme ;;;; ]")
    with pytest.raises(ReferenceDataError, match=r"stances\.ttl: not valid Turtle .*; fix the syntax"):
        check_ontology(reasoner=False)


def test_missing_file_names_the_file(home):
    (home / "ontology" / "vocabularies.ttl").unlink()
    with pytest.raises(ReferenceDataError, match=r"vocabularies\.ttl: file is missing"):
        check_ontology(reasoner=False)
