"""`natokg export --graph LETTER` stands alone: every letter of corpus/letters exported by
itself conforms to the shapes (alone, its graph does not: the meeting types are in
graph/entities), names its entities with types and labels, and the README's example
(export, then validate) exits 0."""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from natokg.cli.app import app
from natokg.identifiers import ENTITIES_GRAPH
from natokg.store.export import export, ntriples
from natokg.store.snapshot import open_snapshot
from natokg.store.standalone import TYPE_AND_LABELS, is_letter_graph
from natokg.validation.compiled import validate_graph_fast

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture(scope="module")
def corpus(corpus_store_dir):
    return open_snapshot(corpus_store_dir)


@pytest.fixture(scope="module")
def letters(corpus):
    found = sorted(g.value for g in corpus.store.named_graphs() if is_letter_graph(corpus.store, g))
    assert len(found) == 40
    return found


def exported(corpus, graph: str, fmt: str = "nquads") -> bytes:
    out = io.BytesIO()
    export(corpus, fmt, graph=graph, out=out)
    return out.getvalue()


def test_every_letter_exported_alone_conforms_and_its_bare_graph_does_not(corpus, letters):
    not_conforming = [g for g in letters if not validate_graph_fast(exported(corpus, g, "nt").decode()).conforms]
    assert not_conforming == []
    bare = [g for g in letters if not validate_graph_fast(ntriples(corpus, ox.NamedNode(g)).decode()).conforms]
    assert len(bare) > 30  # what the context adds is what makes them conform


def test_every_iri_the_letter_names_has_a_type_and_the_context_keeps_its_graphs(corpus, letters):
    graph = next(g for g in letters if g.endswith("/bz2628703"))
    quads = list(ox.parse(exported(corpus, graph), ox.RdfFormat.N_QUADS))
    in_letter = [q for q in quads if q.graph_name.value == graph]
    assert len(in_letter) == len(list(corpus.store.quads_for_pattern(None, None, None, ox.NamedNode(graph))))
    typed = {q.subject for q in quads if q.predicate.value == RDF_TYPE}
    named = {q.object for q in in_letter if isinstance(q.object, ox.NamedNode) and q.predicate.value != RDF_TYPE}
    untyped = sorted(term.value for term in named - typed)
    assert untyped == [], untyped[:5]
    for quad in quads:  # outside the letter and its entities: only what things are and are called
        if quad.graph_name.value not in (graph, ENTITIES_GRAPH):
            assert quad.predicate.value in TYPE_AND_LABELS, quad
    helsingborg = ox.NamedNode("https://w3id.org/natokg/id/place/helsingborg")
    assert any(q.subject == helsingborg and q.predicate.value.endswith("prefLabel") for q in quads)
    assert exported(corpus, graph) == exported(corpus, graph)  # the same bytes every time


def test_the_readme_export_example_validates(corpus_store_dir, tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = re.search(r"^natokg export --format turtle --graph \S+ -o \S+$", readme, re.M).group(0)
    arguments = shlex.split(line)[1:]
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    exporting = runner.invoke(app, [*arguments, "--store", str(corpus_store_dir)])
    assert exporting.exit_code == 0, exporting.output
    validating = runner.invoke(app, ["validate", arguments[-1]])
    assert validating.exit_code == 0, validating.output
    assert "conforms" in validating.output
