"""Tests for natokg.store.build: parallel, incremental, atomic, validated builds.

Most letters are the small fake letters of tests/support/fake_corpus.py, mapped through
the real mapper; the tests marked "real" build corpus/letters with the whole pipeline.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from natokg.errors import StoreError
from natokg.namespaces import DEFAULT_DATA_BASE, iri
from natokg.store.build import (
    DATASET_GRAPH,
    ENTITIES_GRAPH,
    REFERENCE_GRAPH,
    build,
    find_letters,
)
from natokg.store.export import nquads, sorted_lines
from natokg.store.layout import list_graphs, open_store, read_manifest
from natokg.store.union import union_generation_dir
from support.fake_corpus import (
    fake_build,
    fake_letter_text,
    fake_map_letter,
    letter_graph,
    write_fake_corpus,
)

TESTS_DIR = Path(__file__).resolve().parents[1]
SRC_DIR = TESTS_DIR.parent / "src"


def export_nquads(store_dir: Path) -> bytes:
    store = open_store(store_dir, read_only=True)
    try:
        return nquads(store, store_dir=store_dir)
    finally:
        del store


def union_nquads(store_dir: Path) -> bytes:
    """What a query reads: the committed build's union copy, default graph included."""
    store = ox.Store.read_only(str(union_generation_dir(store_dir)))
    try:
        return sorted_lines(store.dump(format=ox.RdfFormat.N_QUADS))
    finally:
        del store


# ---------------------------------------------------------------- tests


def test_build_loads_one_named_graph_per_letter_plus_shared_graphs(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 3)
    (corpus / "003_fake.txt").write_text(fake_letter_text(3, meeting="summit 2026-07-07 ankara"), encoding="utf-8")
    summary = fake_build(corpus, tmp_path / "store", jobs=2)
    assert (summary.letters_seen, summary.letters_read, summary.letters_loaded) == (4, 4, 4)
    assert summary.skipped == []
    store = open_store(tmp_path / "store", read_only=True)
    graphs = set(list_graphs(store))
    assert {letter_graph(n) for n in range(4)} <= graphs
    assert {REFERENCE_GRAPH, ENTITIES_GRAPH, DATASET_GRAPH, str(iri("graph", "ontology"))} <= graphs
    # a meeting description is shared: once in graph/entities, not in the letter graphs;
    # one the reference data already describes (the Ankara summit) is not repeated there
    start = ox.NamedNode("https://w3id.org/natokg/ontology#startDate")
    meeting = ox.NamedNode(str(iri("meeting", "foreign-ministers", "2026-05-21-helsingborg")))
    assert {q.graph_name.value for q in store.quads_for_pattern(meeting, start, None)} == {ENTITIES_GRAPH}
    summit = ox.NamedNode(str(iri("meeting", "summit", "2026-07-07-ankara")))
    assert {q.graph_name.value for q in store.quads_for_pattern(summit, start, None)} == {REFERENCE_GRAPH}
    assert summary.triples == len(store)
    # the source text the evidence offsets index into is kept beside the graph
    manifest = read_manifest(tmp_path / "store")
    entry = manifest.letters["002_fake.txt"]
    assert entry.key == "fk00002" and entry.graph == letter_graph(2)
    assert (tmp_path / "store" / entry.source_text_file).read_text(encoding="utf-8") == fake_letter_text(2)
    quoted = store.quads_for_pattern(
        None, ox.NamedNode("http://www.w3.org/ns/oa#exact"), ox.Literal("foreign-ministers 2026-05-21 helsingborg"),
        ox.NamedNode(letter_graph(2)))
    evidence = next(q for q in quoted if not q.subject.value.endswith("/quote"))  # not its quote selector
    offsets = evidence.subject.value.rsplit("/", 1)[1].split("-")
    raw = (tmp_path / "store" / entry.source_text_file).read_text(encoding="utf-8")
    assert raw[int(offsets[0]):int(offsets[1])] == "foreign-ministers 2026-05-21 helsingborg"


def test_incremental_build_maps_only_changed_letters_and_drops_removed(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 3)
    store_dir = tmp_path / "store"
    fake_build(corpus, store_dir)
    first = export_nquads(store_dir)

    again = fake_build(corpus, store_dir)
    assert (again.letters_read, again.letters_unchanged, again.letters_loaded) == (0, 3, 3)
    assert export_nquads(store_dir) == first

    (corpus / "001_fake.txt").write_text(fake_letter_text(1, amount="3.5"), encoding="utf-8")
    changed = fake_build(corpus, store_dir)
    assert (changed.letters_read, changed.letters_unchanged) == (1, 2)
    store = open_store(store_dir, read_only=True)
    amounts = sorted(
        q.object.value for q in store.quads_for_pattern(
            None, ox.NamedNode("https://w3id.org/natokg/ontology#amount"), None, ox.NamedNode(letter_graph(1)))
    )
    assert amounts == ["3.5"]  # replaced, not added beside the old 2.0
    del store

    (corpus / "000_fake.txt").unlink()
    removed = fake_build(corpus, store_dir)
    assert removed.letters_removed == 1 and removed.letters_read == 0
    store = open_store(store_dir, read_only=True)
    assert letter_graph(0) not in list_graphs(store)
    assert letter_graph(2) in list_graphs(store)
    assert set(read_manifest(store_dir).letters) == {"001_fake.txt", "002_fake.txt"}


_MAPPED: list[str] = []


def counting_fake_map_letter(path):
    _MAPPED.append(Path(path).name)
    return fake_map_letter(path)


def test_nothing_changed_writes_nothing_and_reports_the_last_build(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 3)
    (corpus / "undated.txt").write_text(fake_letter_text(7).replace("Datum 2026-06-08", "Datum none"), encoding="utf-8")
    store_dir = tmp_path / "store"
    first = fake_build(corpus, store_dir, mapper=counting_fake_map_letter)
    manifest = (store_dir / "manifest.json").read_bytes()
    _MAPPED.clear()
    again = fake_build(corpus, store_dir, mapper=counting_fake_map_letter)
    assert _MAPPED == []  # nothing mapped, not even the refused letter
    assert (store_dir / "manifest.json").read_bytes() == manifest  # no new generation
    assert (again.letters_unchanged, again.letters_loaded, again.triples) == (3, 3, first.triples)
    assert again.skipped == first.skipped and again.violations == first.violations == 1
    assert [step.name for step in again.steps] == [step.name for step in first.steps]


def test_an_unchanged_refused_letter_is_reported_without_mapping_it_again(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 2)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    store_dir = tmp_path / "store"
    fake_build(corpus, store_dir, mapper=counting_fake_map_letter)
    (corpus / "001_fake.txt").write_text(fake_letter_text(1, amount="3.5"), encoding="utf-8")
    _MAPPED.clear()
    summary = fake_build(corpus, store_dir, mapper=counting_fake_map_letter)
    assert _MAPPED == ["001_fake.txt"]
    assert [(item.file, "empty or binary" in item.reason) for item in summary.skipped] == [("empty.txt", True)]
    # fixed: mapped again and loaded
    (corpus / "empty.txt").write_text(fake_letter_text(5), encoding="utf-8")
    fixed = fake_build(corpus, store_dir, mapper=counting_fake_map_letter)
    assert fixed.skipped == [] and fixed.letters_loaded == 3


def test_a_new_sparql_endpoint_is_a_change(tmp_path, monkeypatch):
    corpus = write_fake_corpus(tmp_path / "letters", 1)
    store_dir = tmp_path / "store"
    fake_build(corpus, store_dir)
    generation = read_manifest(store_dir).generation
    monkeypatch.setenv("NATOKG_SPARQL_ENDPOINT", "https://sparql.example.org/natokg")
    fake_build(corpus, store_dir)
    assert read_manifest(store_dir).generation != generation
    assert b"sparql.example.org" in export_nquads(store_dir)


def test_rebuild_maps_everything_again(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 2)
    fake_build(corpus, tmp_path / "store")
    summary = fake_build(corpus, tmp_path / "store", rebuild=True)
    assert (summary.letters_read, summary.letters_unchanged) == (2, 0)
    # only the new generation (and the one it replaced, for readers in flight) remain
    assert len(list((tmp_path / "store").glob("db-*"))) <= 2


def test_bad_and_non_conforming_letters_are_skipped_and_the_rest_load(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 2)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04")
    (corpus / "undated.txt").write_text(fake_letter_text(7).replace("Datum 2026-06-08", "Datum none"), encoding="utf-8")
    summary = fake_build(corpus, tmp_path / "store")
    assert summary.letters_loaded == 2
    skipped = {item.file: item for item in summary.skipped}
    assert set(skipped) == {"binary.txt", "empty.txt", "undated.txt"}
    assert "empty or binary" in skipped["empty.txt"].reason
    file, reason, violations = skipped["undated.txt"]
    assert "does not conform" in reason and summary.violations == 1
    assert violations[0].startswith(f"Violation {iri('letter', 'fk00007')}")
    store = open_store(tmp_path / "store", read_only=True)
    assert letter_graph(7) not in list_graphs(store)
    assert letter_graph(1) in list_graphs(store)


def test_a_letter_that_stops_conforming_leaves_the_store(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 2)
    fake_build(corpus, tmp_path / "store")
    (corpus / "001_fake.txt").write_text(fake_letter_text(1).replace("Datum 2026-06-02", "Datum none"), encoding="utf-8")
    summary = fake_build(corpus, tmp_path / "store")
    assert [item.file for item in summary.skipped] == ["001_fake.txt"]
    store = open_store(tmp_path / "store", read_only=True)
    assert letter_graph(1) not in list_graphs(store)


def test_two_files_with_the_same_letter_key_load_once(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 1)
    (corpus / "copy.txt").write_text(fake_letter_text(0), encoding="utf-8")
    summary = fake_build(corpus, tmp_path / "store")
    assert summary.letters_loaded == 1
    assert [(s.file, s.reason) for s in summary.skipped] == [("copy.txt", "same letter key 'fk00000' as 000_fake.txt")]


def test_open_store_without_a_build_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match="run `natokg build` first"):
        open_store(tmp_path / "nothing")


def test_find_letters_ignores_hidden_and_other_files(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 1)
    (corpus / ".hidden.txt").write_text("x", encoding="utf-8")
    (corpus / "notes.md").write_text("x", encoding="utf-8")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "a.pdf").write_bytes(b"%PDF")
    assert list(find_letters(corpus)) == ["000_fake.txt", "sub/a.pdf"]


def test_progress_reports_every_letter(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 3)
    events = []
    fake_build(corpus, tmp_path / "store", progress=events.append)
    letters = [e for e in events if e.stage == "letter"]
    assert [e.done for e in letters] == [1, 2, 3] and {e.status for e in letters} == {"loaded"}
    assert events[0].stage == "start" and events[-1].stage == "done" and events[-1].total == 3


def test_cross_letter_steps_run_after_loading(tmp_path, monkeypatch):
    build_module = importlib.import_module("natokg.store.build")

    seen = []

    def count_letters(store):
        seen.append(sum(1 for g in list_graphs(store) if "/graph/fk" in g))
        return build_module.StepResult("count", findings=("a note",))

    monkeypatch.setattr(build_module, "CROSS_LETTER_STEPS", [count_letters])
    corpus = write_fake_corpus(tmp_path / "letters", 3)
    summary = fake_build(corpus, tmp_path / "store")
    assert seen == [3]
    assert summary.steps[0].name == "count" and summary.violations == 1


# ---------------------------------------------------------------- subprocess tests

_BUILD_SCRIPT = textwrap.dedent(
    """
    import random, sys
    sys.path[:0] = [{tests!r}, {src!r}]
    from pathlib import Path
    import importlib
    b = importlib.import_module("natokg.store.build")
    from support.fake_corpus import fake_build
    if len(sys.argv) > 3:  # shuffle the order the files are found in
        found = b.scan_letters
        def shuffled(corpus):
            letters, unreadable = found(corpus)
            items = list(letters.items())
            random.Random(int(sys.argv[3])).shuffle(items)
            return dict(items), unreadable
        b.scan_letters = shuffled
    if "{real}" == "1":
        summary = b.build(Path(sys.argv[1]), Path(sys.argv[2]), jobs=2)
    else:
        import os
        rebuild = os.environ.get("TEST_REBUILD") == "1"
        summary = fake_build(Path(sys.argv[1]), Path(sys.argv[2]), jobs=2, rebuild=rebuild)
    print(summary.letters_loaded, flush=True)
    """
)


def run_build_subprocess(corpus: Path, store: Path, *extra: str, env: dict | None = None, real: bool = False,
                         **popen):
    script = _BUILD_SCRIPT.format(tests=str(TESTS_DIR), src=str(SRC_DIR), real="1" if real else "0")
    full_env = {**os.environ, **(env or {})}
    return subprocess.Popen([sys.executable, "-c", script, str(corpus), str(store), *extra], env=full_env, **popen)


@pytest.mark.slow
@pytest.mark.parametrize("pause, rebuild", [("letter", "0"), ("union", "0"), ("commit", "0"), ("letter", "1")])
def test_sigkill_midway_leaves_the_last_completed_build(tmp_path, pause, rebuild):
    corpus = write_fake_corpus(tmp_path / "letters", 6)
    store_dir = tmp_path / "store"
    fake_build(corpus, store_dir)
    before = export_nquads(store_dir)
    union_before = union_nquads(store_dir)
    # change every letter, then kill the build while it loads them / while it makes its
    # union copy / just before commit
    for number in range(6):
        (corpus / f"{number:03d}_fake.txt").write_text(fake_letter_text(number, amount="4"), encoding="utf-8")
    (corpus / "099_fake.txt").write_text(fake_letter_text(99), encoding="utf-8")
    process = run_build_subprocess(corpus, store_dir, env={"NATOKG_BUILD_PAUSE": f"{pause}:30", "TEST_REBUILD": rebuild})
    deadline = time.time() + 60
    generations = lambda: sorted(p.name for p in store_dir.glob("db-*"))  # noqa: E731
    while len(generations()) < 2 and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # well inside the 30 s pause: letters (or everything) written to the clone
    while pause == "union" and not list(store_dir.glob("union/.making-db-*/db")) and time.time() < deadline:
        time.sleep(0.05)  # the union stage comes after every letter's work
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert export_nquads(store_dir) == before
    assert union_nquads(store_dir) == union_before  # the committed build's copy, untouched
    if pause == "letter":  # new letters' quads were being spooled for the bulk load
        assert list(store_dir.glob("db-*.spool.nq"))
    if pause == "union":  # killed with the new copy's checkpoint made, its default graph not loaded
        assert list(store_dir.glob("union/.making-db-*/db"))
    summary = fake_build(corpus, store_dir)
    assert summary.letters_loaded == 7 and summary.letters_read == 7
    assert not list(store_dir.glob("db-*.spool.nq"))  # the killed build's spool is gone
    assert b'#amount> "4.0"^^' in export_nquads(store_dir)  # as mapped (the store says "4")
    assert union_nquads(store_dir) != union_before


@pytest.mark.slow
def test_builds_with_other_hash_seeds_and_file_order_export_identical_nquads(tmp_path):
    corpus = seed_letters_copy(tmp_path / "letters")
    exports = []
    for run, seed in enumerate(["0", "12345"]):
        store_dir = tmp_path / f"store{run}"
        process = run_build_subprocess(corpus, store_dir, str(run + 1), env={"PYTHONHASHSEED": seed},
                                       real=True, stdout=subprocess.PIPE)
        out, _ = process.communicate(timeout=300)
        assert process.returncode == 0 and out.strip() == b"5"
        exports.append(export_nquads(store_dir))
    assert exports[0] == exports[1]
    assert b"_:" not in exports[0]  # no blank nodes: the ontology's are skolemised


# ---------------------------------------------------------------- the real letters

CORPUS = TESTS_DIR.parent / "corpus" / "letters"


def seed_letters_copy(directory: Path) -> Path:
    """A folder with the five seed letters of the corpus (not the dev_* set)."""
    directory.mkdir(parents=True)
    for letter in CORPUS.glob("[0-9]*.txt"):
        (directory / letter.name).write_bytes(letter.read_bytes())
    return directory


def _hash_key(name: str) -> str:
    """Letters without a ministry reference are keyed by sha256[:12] of the file."""
    return hashlib.sha256((CORPUS / name).read_bytes()).hexdigest()[:12]


@pytest.fixture(scope="module")
def real_store(tmp_path_factory):
    real = tmp_path_factory.mktemp("real")
    summary = build(seed_letters_copy(real / "letters"), real / "store", jobs=2)
    store_dir = real / "store"
    return store_dir, summary


@pytest.mark.slow
def test_real_corpus_builds_one_graph_per_letter(real_store):
    store_dir, summary = real_store
    assert (summary.letters_seen, summary.letters_loaded, summary.skipped) == (5, 5, [])
    keys = {name: entry.key for name, entry in read_manifest(store_dir).letters.items()}
    assert keys == {
        "000_d473f0d0e8325814.txt": "bz2628703",  # "Onze referentie BZ2628703"
        "001_cd1c5c75dbeda8f3.txt": _hash_key("001_cd1c5c75dbeda8f3.txt"),
        "002_7ea007089aa3c9f1.txt": "bz2629412",  # "Onze referentie BZ2629412"
        "003_a8b24aadb98f3dfc.txt": _hash_key("003_a8b24aadb98f3dfc.txt"),
        "004_645f0c655bd661fc.txt": _hash_key("004_645f0c655bd661fc.txt"),
    }
    store = open_store(store_dir, read_only=True)
    graphs = set(list_graphs(store))
    assert {str(iri("graph", key)) for key in keys.values()} <= graphs
    # "Datum 3 juni 2026" / "Datum 23 juni 2026": the latest letter date dates the dataset
    modified = next(store.quads_for_pattern(
        ox.NamedNode(str(iri("dataset"))), ox.NamedNode("http://purl.org/dc/terms/modified"), None))
    assert modified.object.value == "2026-06-23"
    # "Op donderdag 21 en vrijdag 22 mei vond de NATO Foreign Ministers Meeting plaats in
    # Helsingborg": described once, in graph/entities
    meeting = ox.NamedNode(str(iri("meeting", "foreign-ministers", "2026-05-21-helsingborg")))
    start = ox.NamedNode("https://w3id.org/natokg/ontology#startDate")
    assert {q.graph_name.value for q in store.quads_for_pattern(meeting, start, None)} == {ENTITIES_GRAPH}


@pytest.mark.slow
def test_natokg_base_regression_reference_data_follows_the_data_namespace(real_store, tmp_path):
    """Regression: under NATOKG_BASE the letters' IRIs moved but the ontology and
    reference graphs kept the default namespace, so nothing joined them (allies-count-
    check found no rows), and content-hashed local names changed with the base."""
    other = "https://example.org/kg/"
    store_dir = tmp_path / "store"
    process = run_build_subprocess(seed_letters_copy(tmp_path / "letters"), store_dir, env={"NATOKG_BASE": other}, real=True,
                                   stdout=subprocess.PIPE)
    out, _ = process.communicate(timeout=300)
    assert process.returncode == 0 and out.strip() == b"5"
    moved = export_nquads(store_dir)
    assert DEFAULT_DATA_BASE.encode() not in moved
    default = export_nquads(real_store[0])
    # the same dataset, IRI for IRI, but for the namespace (and the VoID regex naming it)
    same = sorted(moved.replace(other.encode(), DEFAULT_DATA_BASE.encode()).splitlines())
    expected = sorted(default.splitlines())
    regex = b"<http://rdfs.org/ns/void#uriRegexPattern>"
    assert [line for line in same if regex not in line] == [line for line in expected if regex not in line]


@pytest.mark.slow
def test_export_keeps_nonnegativeinteger_offsets(real_store):
    """Regression: the store gives back "5"^^xsd:nonNegativeInteger as xsd:integer, so
    exported letter graphs failed the shapes' sh:datatype on oa:start / oa:end."""
    from natokg.store.export import export
    from natokg.validation.reference import validate_graph

    store_dir, _ = real_store
    store = open_store(store_dir, read_only=True)
    try:
        from_store = nquads(store)
        out = io.BytesIO()
        export(store, "nt", graph="bz2628703", out=out, store_dir=store_dir)
        whole = nquads(store, store_dir=store_dir)
    finally:
        del store
    assert b"#nonNegativeInteger>" not in from_store  # what the store does
    assert b"oa#start> \"" in whole and b"#nonNegativeInteger>" in whole
    assert len(whole.splitlines()) == len(from_store.splitlines())
    letter = Graph().parse(data=out.getvalue().decode("utf-8"), format="nt")
    entities = Graph().parse(data=store_dir.joinpath(
        next(e.entities_file for e in read_manifest(store_dir).letters.values() if e.key == "bz2628703")
    ).read_text(encoding="utf-8"), format="nt")
    assert validate_graph(letter + entities).conforms


@pytest.mark.slow
def test_real_evidence_offsets_index_into_the_kept_source_text(real_store):
    store_dir, _ = real_store
    store = open_store(store_dir, read_only=True)
    exact = ox.NamedNode("http://www.w3.org/ns/oa#exact")
    checked = 0
    for entry in read_manifest(store_dir).letters.values():
        raw = (store_dir / entry.source_text_file).read_text(encoding="utf-8")
        for quad in store.quads_for_pattern(None, exact, None, ox.NamedNode(entry.graph)):
            if quad.subject.value.endswith("/quote"):
                continue  # a quote selector: its offsets are on its evidence and position selector
            start = int(next(store.quads_for_pattern(
                quad.subject, ox.NamedNode("http://www.w3.org/ns/oa#start"), None)).object.value)
            end = int(next(store.quads_for_pattern(
                quad.subject, ox.NamedNode("http://www.w3.org/ns/oa#end"), None)).object.value)
            assert raw[start:end] == quad.object.value
            checked += 1
    assert checked > 50


@pytest.mark.slow
def test_real_corpus_rebuild_without_changes_maps_nothing(real_store, tmp_path):
    store_dir, _ = real_store
    summary = build(store_dir.parent / "letters", store_dir, jobs=1)
    assert (summary.letters_read, summary.letters_unchanged, summary.skipped) == (0, 5, [])
