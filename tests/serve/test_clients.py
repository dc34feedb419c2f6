"""Standard SPARQL clients against ``natokg serve`` started for real: SPARQLWrapper,
rdflib's SPARQLStore and natokg's own endpoint client return the rows the embedded
store gives; Ctrl-C stops the server cleanly."""

from __future__ import annotations

import pytest

from support.running_server import running_server

pytestmark = pytest.mark.slow

SAVED = "spending-targets"


@pytest.fixture(scope="module")
def server(served_store_dir, tmp_path_factory):
    with running_server(served_store_dir, tmp_path_factory.mktemp("serve-tmp")) as running:
        yield running


@pytest.fixture(scope="module")
def embedded(served_store_dir):
    from natokg.sparql import run_query

    result = run_query(SAVED, store_path=served_store_dir)
    assert len(result) > 0
    return result


def test_sparqlwrapper_returns_the_rows_of_natokg_query(server, embedded):
    from SPARQLWrapper import JSON, SPARQLWrapper

    from natokg.sparql.values import json_binding_value

    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(embedded.query)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    columns = data["head"]["vars"]
    rows = [tuple(json_binding_value(b.get(c)) for c in columns) for b in data["results"]["bindings"]]
    assert columns == embedded.columns
    assert rows == [tuple(row) for row in embedded.rows]


def test_rdflib_sparqlstore_returns_the_rows_of_natokg_query(server, embedded):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    from natokg.sparql.values import rdflib_value

    store = SPARQLStore(query_endpoint=server.url + "/sparql", returnFormat="json")
    result = store.query(embedded.query)
    rows = [tuple(rdflib_value(term) if term is not None else None for term in row) for row in result]
    assert [str(v) for v in result.vars] == embedded.columns
    assert rows == [tuple(row) for row in embedded.rows]


def test_natokg_query_endpoint_returns_the_same_rows(server, embedded):
    from natokg.sparql import run_query

    remote = run_query(SAVED, endpoint=server.url + "/sparql")
    assert [tuple(row) for row in remote.rows] == [tuple(row) for row in embedded.rows]


def test_ctrl_c_stops_the_server_and_lets_go_of_the_union_copy(served_store_dir, tmp_path):
    with running_server(served_store_dir, tmp_path / "tmp") as running:
        marks = list((served_store_dir / "union").glob(f"*/.held-by-{running.process.pid}"))
        assert len(marks) == 1  # the server holds the store's union copy while it runs
        code = running.stop()
    assert code == 0
    assert not marks[0].exists()
    assert marks[0].parent.is_dir()  # the copy stays for the next query or server
    assert b"Traceback" not in running.process.stderr.read()


def test_the_server_binds_loopback_by_default(server):
    import socket

    port = int(server.url.rsplit(":", 1)[1])
    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1"}
    for address in addresses:
        with socket.socket() as probe:
            probe.settimeout(1)
            assert probe.connect_ex((address, port)) != 0
