"""The union copy of a build: its default graph is the RDF merge of the named graphs."""

from __future__ import annotations

import natokg
from natokg.sparql import run_sparql
from natokg.store.union import UNION_FOLDER, union_generation_dir

COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_DISTINCT_NAMED = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"


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


def test_the_copy_is_made_once_per_build(served_store_dir):
    first = union_generation_dir(served_store_dir)
    assert first.parent == served_store_dir / UNION_FOLDER
    assert union_generation_dir(served_store_dir) == first
    assert [p.name for p in first.parent.iterdir()] == [first.name]


def test_a_held_copy_outlives_later_builds_until_its_holder_lets_go(tmp_path):
    """A server holds its copy: the first query after a new build removes the older
    copies, but not one a live process holds; a mark left by a dead process is ignored."""
    from natokg.store.union import _remove_other_copies, hold

    folder = tmp_path / UNION_FOLDER
    for name in ("db-000001", "db-000002", "db-000003"):
        (folder / name).mkdir(parents=True)
    mark = hold(folder / "db-000001")
    (folder / "db-000002" / ".held-by-999999999").touch()  # no such process
    _remove_other_copies(folder, keep="db-000003")
    assert sorted(p.name for p in folder.iterdir()) == ["db-000001", "db-000003"]
    mark.unlink()
    _remove_other_copies(folder, keep="db-000003")
    assert [p.name for p in folder.iterdir()] == ["db-000003"]
