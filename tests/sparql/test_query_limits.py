"""Every query has a deadline and a row cap; queries on a store folder run in a worker
process that is killed at the deadline, and give the same rows as in-process."""

from __future__ import annotations

import time

import psutil
import pytest
from typer.testing import CliRunner

from natokg.cli.app import app
from natokg.errors import QueryLimitError
from natokg.sparql import list_queries, run_query, run_sparql
from natokg.sparql.worker import stop_workers, worker_for
from natokg.store.union import union_generation_dir
from support.seed_dataset import seed_store_dir

CARTESIAN = (
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s1 ?p1 ?o1 } GRAPH ?b { ?s2 ?p2 ?o2 } "
    "GRAPH ?c { ?s3 ?p3 ?o3 } GRAPH ?d { ?s4 ?p4 ?o4 } }"
)
EVERY_TRIPLE = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    folder = seed_store_dir(tmp_path_factory.mktemp("store") / "store")
    yield folder
    stop_workers()


def test_a_query_past_its_deadline_is_stopped(store_dir):
    worker = worker_for(union_generation_dir(store_dir))
    process = psutil.Process(worker.process.pid)
    started = time.monotonic()
    with pytest.raises(QueryLimitError, match=r"stopped: the query ran past its deadline of 1.5 s; .*--timeout") as caught:
        run_sparql(CARTESIAN, store_path=store_dir, timeout=1.5)
    assert time.monotonic() - started < 5
    assert "\n" not in str(caught.value)
    assert not process.is_running() or process.status() == psutil.STATUS_ZOMBIE  # its memory is freed
    # the next query gets a new worker and works
    assert run_sparql("ASK { GRAPH ?g { ?s ?p ?o } }", store_path=store_dir).rows == [(True,)]
    assert worker_for(union_generation_dir(store_dir)).process.pid != worker.process.pid


def test_a_query_past_the_row_cap_is_stopped(store_dir, seed_store):
    for where in ({"store_path": store_dir}, {"store": seed_store}):
        with pytest.raises(QueryLimitError, match=r"more than 10 rows \(the row cap\).*--max-rows"):
            run_sparql(EVERY_TRIPLE, max_rows=10, **where)
        assert len(run_sparql(EVERY_TRIPLE + " LIMIT 10", max_rows=10, **where)) == 10


def test_the_worker_gives_the_same_rows_values_and_types(store_dir, seed_store):
    for saved in list_queries():
        in_process = run_query(saved, store=seed_store)
        in_worker = run_query(saved, store_path=store_dir)
        assert in_worker.columns == in_process.columns, saved.name
        assert [tuple(r) for r in in_worker] == [tuple(r) for r in in_process], saved.name
        assert [[(type(v), getattr(v, "lang", None)) for v in r] for r in in_worker] == [
            [(type(v), getattr(v, "lang", None)) for v in r] for r in in_process
        ], saved.name
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o LIMIT 50"
    assert run_sparql(construct, store_path=store_dir).rows == run_sparql(construct, store=seed_store).rows


def test_cli_timeout_and_max_rows_exit_2_with_one_line(store_dir, tmp_path):
    runner = CliRunner()
    cartesian = tmp_path / "cartesian.rq"
    cartesian.write_text("# title: Cartesian\n" + CARTESIAN + "\n", encoding="utf-8")
    result = runner.invoke(app, ["query", str(cartesian), "--store", str(store_dir), "--timeout", "1"])
    assert result.exit_code == 2
    assert "past its deadline of 1 s" in result.output and result.output.count("\n") == 1
    every = tmp_path / "every.rq"
    every.write_text("# title: Every\n" + EVERY_TRIPLE + "\n", encoding="utf-8")
    result = runner.invoke(app, ["query", str(every), "--store", str(store_dir), "--max-rows", "5"])
    assert result.exit_code == 2
    assert "more than 5 rows" in result.output


def test_a_query_that_crashes_the_engine_ends_the_worker_not_the_caller(store_dir):
    """A flat chain of 10,000 `||` is within the size and nesting limits but overflows
    pyoxigraph's stack; in the worker it is an error message and a new worker."""
    chain = "SELECT * WHERE { FILTER(" + "||".join(["true"] * 10_000) + ") }"
    with pytest.raises(QueryLimitError, match=r"the query stopped the query engine \(signal \d+"):
        run_sparql(chain, store_path=store_dir)
    assert run_sparql("ASK { GRAPH ?g { ?s ?p ?o } }", store_path=store_dir).rows == [(True,)]


def test_the_worker_has_no_network_even_past_the_check(store_dir):
    """Defence in depth: a SERVICE call handed to the worker directly, skipping the safety
    check, finds no network (Linux with unprivileged user namespaces)."""
    from support.listener import Listener

    worker = worker_for(union_generation_dir(store_dir))
    if not worker.isolated:
        pytest.skip("this kernel does not allow unprivileged network namespaces")
    listener = Listener()
    try:
        with pytest.raises(Exception):
            worker.run(f"SELECT * {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}", None, None, None)
        assert listener.settle() == 0
    finally:
        listener.close()
