"""The union copy of a build: its default graph is the RDF merge of the named graphs,
made by the build before it commits."""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

import natokg
from natokg.errors import StoreError
from natokg.sparql import run_sparql
from natokg.store.layout import UNION_FOLDER, read_manifest
from natokg.store.union import hold, remove_other_union_copies, union_generation_dir
from support.fake_corpus import fake_build, fake_letter_text, letter_graph, write_fake_corpus

COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_DISTINCT_NAMED = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"


def union_copies(store_dir) -> list[str]:
    return sorted(p.name for p in (store_dir / UNION_FOLDER).iterdir())


def default_graph_lines(copy) -> list[bytes]:
    store = ox.Store.read_only(str(copy))
    try:
        return sorted(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).splitlines())
    finally:
        del store


def test_ad_hoc_query_reads_the_union_of_the_named_graphs_each_triple_once(served_store_dir):
    union = run_sparql(COUNT_ALL, store_path=served_store_dir).rows[0].n
    distinct = run_sparql(COUNT_DISTINCT_NAMED, store_path=served_store_dir).rows[0].n
    assert union == distinct > 1000


def test_open_store_default_graph_is_the_union(served_store_dir):
    store = natokg.open_store(served_store_dir)
    (solution,) = store.query(COUNT_ALL)
    assert int(solution["n"].value) == run_sparql(COUNT_DISTINCT_NAMED, store_path=served_store_dir).rows[0].n


def test_graph_restricts_the_default_graph_to_one_named_graph(served_store_dir):
    graphs = run_sparql(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g", store_path=served_store_dir
    ).rows
    first = graphs[0]
    assert run_sparql(COUNT_ALL, store_path=served_store_dir, graph=first.g).rows[0].n == first.n


def test_the_build_commits_its_union_copy_and_readers_only_open_it(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 3)
    store_dir = tmp_path / "store"
    fake_build(corpus, store_dir)
    generation = read_manifest(store_dir).generation
    assert union_copies(store_dir) == [generation]  # made by the build, before any query
    assert union_generation_dir(store_dir) == store_dir / UNION_FOLDER / generation
    assert union_copies(store_dir) == [generation]


def test_the_copies_of_the_committed_and_the_previous_build_are_kept(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 2)
    store_dir = tmp_path / "store"
    generations = []
    for amount in ("3", "4", "5"):
        (corpus / "000_fake.txt").write_text(fake_letter_text(0, amount=amount), encoding="utf-8")
        fake_build(corpus, store_dir)
        generations.append(read_manifest(store_dir).generation)
    assert union_copies(store_dir) == generations[1:]


def test_an_incremental_build_and_a_rebuild_make_the_same_union_default_graph(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 4)
    incremental, rebuilt = tmp_path / "incremental", tmp_path / "rebuilt"
    fake_build(corpus, incremental)
    (corpus / "001_fake.txt").write_text(fake_letter_text(1, amount="7"), encoding="utf-8")
    (corpus / "003_fake.txt").unlink()
    fake_build(corpus, incremental)
    fake_build(corpus, rebuilt, rebuild=True)
    lines = default_graph_lines(union_generation_dir(incremental))
    assert lines and lines == default_graph_lines(union_generation_dir(rebuilt))
    # the removed letter left the union too: its reference, its graph, its IRIs
    assert not any(b"FK00003" in line or b"fk00003" in line for line in lines)
    assert not ox.Store.read_only(str(union_generation_dir(incremental))).contains_named_graph(
        ox.NamedNode(letter_graph(3))
    )


def test_missing_union_copy_regression_says_to_build_again_and_the_build_makes_it(tmp_path):
    """A store whose union copy is missing (deleted by hand, or made before the build
    made copies): a query says which command makes it, and that build, with nothing else
    to do, makes it."""
    corpus = write_fake_corpus(tmp_path / "letters", 2)
    store_dir = tmp_path / "store"
    fake_build(corpus, store_dir)
    expected = run_sparql(COUNT_ALL, store_path=store_dir).rows[0].n
    shutil.rmtree(store_dir / UNION_FOLDER)
    with pytest.raises(StoreError) as caught:
        run_sparql(COUNT_ALL, store_path=store_dir)
    assert f"run `natokg build {corpus} --store {store_dir}`" in caught.value.message
    summary = fake_build(corpus, store_dir)
    assert summary.letters_unchanged == 2 and summary.letters_read == 0
    assert run_sparql(COUNT_ALL, store_path=store_dir).rows[0].n == expected


def test_a_copy_left_by_a_killed_build_is_replaced(tmp_path):
    """A build killed after making its copy leaves union/db-N uncommitted; the next build
    reuses the name db-N and must not take that copy for its own."""
    corpus = write_fake_corpus(tmp_path / "letters", 2)
    store_dir = tmp_path / "store"
    fake_build(corpus, store_dir)
    committed = read_manifest(store_dir).generation
    number = int(committed.split("-")[1])
    left = store_dir / UNION_FOLDER / f"db-{number + 1:06d}"
    shutil.copytree(store_dir / UNION_FOLDER / committed, left)
    (store_dir / UNION_FOLDER / f".making-db-{number + 1:06d}").mkdir()
    (corpus / "000_fake.txt").write_text(fake_letter_text(0, amount="9"), encoding="utf-8")
    fake_build(corpus, store_dir)
    assert read_manifest(store_dir).generation == left.name
    assert any(b'"9"' in line for line in default_graph_lines(left))
    assert union_copies(store_dir) == [committed, left.name]


def test_a_held_copy_outlives_later_builds_until_its_holder_lets_go(tmp_path):
    """A server holds its copy: builds remove the older copies, but not one a live
    process holds; a mark left by a dead process is ignored."""
    folder = tmp_path / UNION_FOLDER
    for name in ("db-000001", "db-000002", "db-000003"):
        (folder / name).mkdir(parents=True)
    mark = hold(folder / "db-000001")
    (folder / "db-000002" / ".held-by-999999999").touch()  # no such process
    remove_other_union_copies(tmp_path, keep={"db-000003"})
    assert sorted(p.name for p in folder.iterdir()) == ["db-000001", "db-000003"]
    mark.unlink()
    remove_other_union_copies(tmp_path, keep={"db-000003"})
    assert [p.name for p in folder.iterdir()] == ["db-000003"]


def test_regression_a_held_copy_keeps_its_generation_name_from_being_reused(tmp_path):
    """A server can hold a copy whose generation folders are all gone; the next build
    must not take that name for its own generation."""
    from natokg.store.layout import next_generation_name

    (tmp_path / UNION_FOLDER / "db-000007").mkdir(parents=True)
    assert next_generation_name(tmp_path, None) == "db-000008"


def all_quads(copy) -> tuple[list[str], list[bytes]]:
    """A store's graph names (empty graphs too) and its sorted N-Quads."""
    from natokg.store.layout import list_graphs

    store = ox.Store.read_only(str(copy))
    try:
        return list_graphs(store), sorted(store.dump(format=ox.RdfFormat.N_QUADS).splitlines())
    finally:
        del store


def whole_copy(store_dir, tmp_path):
    """A union copy made whole from the committed generation, elsewhere."""
    from natokg.store.export import GraphTexts
    from natokg.store.layout import manifest_graph_files
    from natokg.store.union import make_union_copy

    manifest = read_manifest(store_dir)
    generation = ox.Store(str(store_dir / manifest.generation))  # make_union_copy flushes it
    try:
        files = manifest_graph_files(manifest, store_dir)
        return make_union_copy(generation, tmp_path / "whole", manifest.generation, GraphTexts(generation, files=files))
    finally:
        del generation


@pytest.mark.parametrize("change", ["changed-removed-added", "renamed"])
def test_an_incremental_build_updates_the_previous_copy_to_what_a_whole_copy_holds(tmp_path, monkeypatch, change):
    """A few letters changed: the build changes the previous copy by that (without
    making a whole copy), and the result holds every graph, empty ones too, and the
    default graph a copy made whole from the same generation holds. A renamed letter has
    the same bytes (the same graph file) but another nkg:sourceFile."""
    import importlib

    corpus = write_fake_corpus(tmp_path / "letters", 30)
    store_dir = tmp_path / "store"
    fake_build(corpus, store_dir)
    if change == "renamed":
        (corpus / "001_fake.txt").rename(corpus / "001_renamed.txt")
    else:
        (corpus / "001_fake.txt").write_text(fake_letter_text(1, amount="7"), encoding="utf-8")
        (corpus / "003_fake.txt").unlink()
        (corpus / "042_fake.txt").write_text(fake_letter_text(42), encoding="utf-8")
    whole = []
    build_module = importlib.import_module("natokg.store.build")  # the module, not natokg.store.build()
    monkeypatch.setattr(build_module, "make_union_copy", lambda *args: whole.append(args[2]))
    fake_build(corpus, store_dir)
    assert whole == []  # the previous copy was updated
    monkeypatch.undo()
    updated = union_generation_dir(store_dir)
    assert all_quads(updated) == all_quads(whole_copy(store_dir, tmp_path))
    if change == "renamed":
        assert any(b"001_renamed.txt" in line for line in default_graph_lines(updated))
    else:
        assert not any(b"fk00003" in line for line in all_quads(updated)[1])
        assert any(b"fk00042" in line for line in default_graph_lines(updated))


def test_a_large_change_or_an_unreadable_previous_copy_makes_the_copy_whole(tmp_path, monkeypatch):
    import importlib

    from natokg.store.union import worth_updating

    assert worth_updating(3, 30) and not worth_updating(4, 30) and worth_updating(1, 2)
    corpus = write_fake_corpus(tmp_path / "letters", 4)
    store_dir = tmp_path / "store"
    fake_build(corpus, store_dir)
    (store_dir / UNION_FOLDER / read_manifest(store_dir).generation / "CURRENT").unlink()
    (corpus / "000_fake.txt").write_text(fake_letter_text(0, amount="5"), encoding="utf-8")
    build_module = importlib.import_module("natokg.store.build")
    made = []
    whole = build_module.make_union_copy
    monkeypatch.setattr(build_module, "make_union_copy", lambda *args: made.append(args[2]) or whole(*args))
    fake_build(corpus, store_dir)
    assert len(made) == 1
    assert not list((store_dir / UNION_FOLDER).glob(".making-*"))
    assert all_quads(union_generation_dir(store_dir)) == all_quads(whole_copy(store_dir, tmp_path))


def test_regression_a_graph_that_became_empty_stays_a_graph_and_leaves_the_default_graph():
    """graph/pairing is added even without pairs: a whole copy keeps it empty, so must an update."""
    from natokg.store.export import GraphTexts
    from natokg.store.layout import list_graphs
    from natokg.store.union import _apply_changes

    ex = "http://example.org/"
    pairing, other = ox.NamedNode(ex + "pairing"), ox.NamedNode(ex + "a")
    t1 = (ox.NamedNode(ex + "s"), ox.NamedNode(ex + "p"), ox.Literal("1"))
    t2 = (ox.NamedNode(ex + "s"), ox.NamedNode(ex + "p"), ox.Literal("2"))
    copy = ox.Store()
    copy.extend([ox.Quad(*t1, pairing), ox.Quad(*t1, ox.DefaultGraph())])
    build = ox.Store()
    build.add_graph(pairing)
    build.add(ox.Quad(*t2, other))
    _apply_changes(copy, GraphTexts(build, files={}), set())
    assert list_graphs(copy) == [other.value, pairing.value]
    assert [q.object for q in copy.quads_for_pattern(None, None, None, ox.DefaultGraph())] == [t2[2]]


def test_regression_a_renamed_letter_does_not_overwrite_the_graph_file_of_the_build_before(tmp_path):
    """The graph states the letter's file name; a renamed copy gets a graph file of its
    own, so readers of the previous build read that build's graph."""
    corpus = write_fake_corpus(tmp_path / "letters", 2)
    store_dir = tmp_path / "store"
    fake_build(corpus, store_dir)
    before = read_manifest(store_dir).letters["001_fake.txt"]
    written = (store_dir / before.graph_file).read_bytes()
    (corpus / "001_fake.txt").rename(corpus / "001_renamed.txt")
    fake_build(corpus, store_dir)
    after = read_manifest(store_dir).letters["001_renamed.txt"]
    assert after.graph_file != before.graph_file
    assert (store_dir / before.graph_file).read_bytes() == written
