"""Tests for natokg.store.layout: location, opening, one-transaction graph replacement, manifest."""

from __future__ import annotations

import json
import subprocess
import sys

import pyoxigraph as ox
import pytest

from natokg.errors import StoreError
from natokg.store.layout import (
    LetterEntry,
    Manifest,
    build_lock,
    count_triples,
    default_store_path,
    list_graphs,
    open_store,
    read_manifest,
    replace_graph,
    write_manifest,
)

G = "https://w3id.org/natokg/id/graph/bz1"
S = "https://w3id.org/natokg/id/letter/bz1"


def test_default_store_path_honours_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NATOKG_STORE", str(tmp_path / "elsewhere"))
    assert default_store_path() == tmp_path / "elsewhere"
    monkeypatch.delenv("NATOKG_STORE")
    path = default_store_path()
    assert path.name == "store" and path.parent.name == "natokg"


def test_open_store_errors_name_the_fix(tmp_path):
    with pytest.raises(StoreError, match=r"no store at .*; run `natokg build` first"):
        open_store(tmp_path)
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreError, match="--rebuild"):
        open_store(tmp_path)
    (tmp_path / "manifest.json").write_text(json.dumps({"format": 1, "generation": "db-000004"}), encoding="utf-8")
    with pytest.raises(StoreError, match="db-000004 but it is missing"):
        open_store(tmp_path)


def test_replace_graph_replaces_in_one_update_and_keeps_other_graphs():
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(S), ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal("oud"),
                      ox.NamedNode(G)))
    store.add(ox.Quad(ox.NamedNode(S), ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal("ander"),
                      ox.NamedNode(G + "x")))
    replace_graph(store, G, f'<{S}> <http://purl.org/dc/terms/title> "nieuw \\"quote\\" é"@nl .\n'
                            f'<{S}> <http://purl.org/dc/terms/identifier> "BZ1" .\n')
    titles = {(q.object.value, q.graph_name.value) for q in store.quads_for_pattern(
        None, ox.NamedNode("http://purl.org/dc/terms/title"), None)}
    assert titles == {('nieuw "quote" é', G), ("ander", G + "x")}
    assert count_triples(store, G) == 2 and count_triples(store) == 3
    assert list_graphs(store) == [G, G + "x"]


def test_a_failing_replacement_leaves_the_old_graph():
    store = ox.Store()
    replace_graph(store, G, f'<{S}> <http://example.org/p> "1" .\n')
    with pytest.raises(SyntaxError):
        replace_graph(store, G, f'<{S}> <http://example.org/p> "2" .\n<{S}> this is not rdf .\n')
    assert [q.object.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode(G))] == ["1"]


def test_replace_with_nothing_drops_the_graph():
    store = ox.Store()
    replace_graph(store, G, f'<{S}> <http://example.org/p> "1" .\n')
    replace_graph(store, G, "")
    assert list_graphs(store) == []


def test_manifest_round_trips_and_is_written_atomically(tmp_path):
    manifest = Manifest(generation="db-000001", fingerprint="abc", corpus="corpus/letters")
    manifest.letters["b.txt"] = LetterEntry("ff", "bz2", G, 12, "entities/ff-abc.nt", "sources/ff.txt", "2026-06-03")
    manifest.letters["a.txt"] = LetterEntry("ee", "bz1", G + "a", 3, "entities/ee-abc.nt", "sources/ee.txt")
    write_manifest(tmp_path, manifest)
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]  # no temporary file left
    data = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert list(data["letters"]) == ["a.txt", "b.txt"]  # sorted: deterministic bytes
    again = read_manifest(tmp_path)
    assert again.letters["b.txt"].date == "2026-06-03" and again.letters["a.txt"].date is None
    assert again.generation == "db-000001" and again.fingerprint == "abc"


def test_only_one_build_holds_the_lock(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from natokg.store.layout import build_lock\n"
         "with build_lock(Path(sys.argv[1])):\n    print('locked', flush=True); time.sleep(30)",
         str(tmp_path)],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline().strip() == b"locked"
        with pytest.raises(StoreError, match="another `natokg build` is writing this store"):
            with build_lock(tmp_path):
                pass
    finally:
        holder.kill()
        holder.wait()
    with build_lock(tmp_path):  # released when the holder died
        pass
