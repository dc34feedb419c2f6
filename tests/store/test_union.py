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
    """A store built by an older natokg (or whose copy was deleted by hand) has no union
    copy: a query says which command makes it, and that build, with nothing else to do,
    makes it."""
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


def all_quads(copy) -> list[bytes]:
    store = ox.Store.read_only(str(copy))
    try:
        return sorted(store.dump(format=ox.RdfFormat.N_QUADS).splitlines())
    finally:
        del store


def test_an_incremental_build_updates_the_previous_copy_to_what_a_whole_copy_holds(tmp_path, monkeypatch):
    """One letter changed, one removed, one added: the build changes the previous copy
    by that (without making a whole copy), and the result holds every graph and the
    default graph a copy made whole from the same generation holds."""
    import importlib

    from natokg.store.export import GraphTexts
    from natokg.store.layout import manifest_graph_files
    from natokg.store.union import make_union_copy

    corpus = write_fake_corpus(tmp_path / "letters", 5)
    store_dir = tmp_path / "store"
    fake_build(corpus, store_dir)
    (corpus / "001_fake.txt").write_text(fake_letter_text(1, amount="7"), encoding="utf-8")
    (corpus / "003_fake.txt").unlink()
    (corpus / "042_fake.txt").write_text(fake_letter_text(42), encoding="utf-8")
    whole = []
    build_module = importlib.import_module("natokg.store.build")  # the module, not natokg.store.build()
    monkeypatch.setattr(build_module, "make_union_copy", lambda *args: whole.append(args))
    fake_build(corpus, store_dir)
    assert whole == []  # the previous copy was updated
    manifest = read_manifest(store_dir)
    generation = ox.Store(str(store_dir / manifest.generation))  # make_union_copy flushes it
    other = tmp_path / "other"
    made = make_union_copy(generation, other, manifest.generation,
                           GraphTexts(generation, files=manifest_graph_files(manifest, store_dir)))
    del generation
    updated = union_generation_dir(store_dir)
    assert all_quads(updated) == all_quads(made)
    assert not any(b"fk00003" in line for line in all_quads(updated))
    assert any(b"fk00042" in line for line in default_graph_lines(updated))
