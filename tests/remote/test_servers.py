"""`natokg push` and `natokg query --endpoint` against two real SPARQL servers, Oxigraph
server and Virtuoso (tests/support/sparql_servers.py starts them on loopback), with the
store of every letter in corpus/letters: the counts match per graph, every saved query
gives the rows of the embedded store, and the typed literals the shapes need arrive.

Both servers keep every value; they write numbers and booleans in canonical form
("2.0"^^xsd:decimal comes back as "2", Virtuoso's false as "0"), and Oxigraph (server
and embedded store alike) gives "5"^^xsd:nonNegativeInteger back as xsd:integer, while
Virtuoso keeps the datatype. README.md ("natokg push") says so and the datatype test
asserts exactly that.
"""

from __future__ import annotations

import collections
import json
from decimal import Decimal

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from natokg.cli.app import app
from natokg.errors import EndpointError
from natokg.identifiers import graph_iri
from natokg.remote.endpoint import ENDPOINT_PASSWORD_ENV, ENDPOINT_USER_ENV, send_query
from natokg.remote.push import push
from natokg.sparql import list_queries, run_query
from natokg.store.export import nquads
from natokg.store.snapshot import open_snapshot
from support.sparql_servers import start_oxigraph, start_virtuoso

pytestmark = pytest.mark.slow

XSD = "http://www.w3.org/2001/XMLSchema#"
SHAPE_DATATYPES = {XSD + name for name in ("date", "gYear", "decimal", "nonNegativeInteger")}
STARTERS = {"oxigraph": start_oxigraph, "virtuoso": start_virtuoso}
INSTALL = {
    "oxigraph": "pip install 'natokg[test]' (the oxigraph package ships the server)",
    "virtuoso": "apt-get install virtuoso-opensource (.ci/run installs it)",
}

# Saved queries Virtuoso 7.2 answers wrongly, with the exact symptom (the test fails when
# it changes, so a fixed query or server shows up):
# - participants: the sort-key sub-selects joined to the rows make Virtuoso's optimizer
#   drop rows (157 of 252 with the corpus): every row it gives is right, some are missing;
# - recurring-positions: Virtuoso cannot compile the query (error SQ156);
# - meeting-diff: the two meeting orders as `VALUES ?a_first { true false }` with
#   BIND(IF(...)) (standard SPARQL 1.1; pyoxigraph and rdflib answer in milliseconds)
#   give Virtuoso no answer within two minutes, and it keeps working on the query after
#   the client gives up, so every later query times out: it is not sent.
VIRTUOSO_DROPS_ROWS = {"participants"}
VIRTUOSO_CANNOT_COMPILE = {"recurring-positions": "SQ156"}
VIRTUOSO_NO_ANSWER = {"meeting-diff"}


@pytest.fixture(scope="module", params=sorted(STARTERS))
def server(request, tmp_path_factory):
    name = request.param
    try:
        running = STARTERS[name](tmp_path_factory.mktemp(name))
    except RuntimeError as error:
        pytest.fail(str(error))
    if running is None:
        pytest.skip(f"the {name} server is not installed: {INSTALL[name]}")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def corpus(corpus_store_dir):
    return open_snapshot(corpus_store_dir)


@pytest.fixture(scope="module")
def pushed(server, corpus, corpus_store_dir):
    with pytest.MonkeyPatch.context() as patch:
        _log_in(patch, server)
        return push(corpus_store_dir, server.endpoint, graph_store=server.graph_store)


def _log_in(patch: pytest.MonkeyPatch, server) -> None:
    if server.credentials:
        patch.setenv(ENDPOINT_USER_ENV, server.credentials[0])
        patch.setenv(ENDPOINT_PASSWORD_ENV, server.credentials[1])
    else:
        patch.delenv(ENDPOINT_USER_ENV, raising=False)
        patch.delenv(ENDPOINT_PASSWORD_ENV, raising=False)


def test_push_sends_every_graph_and_the_server_counts_the_same(pushed, corpus):
    local = [g.value for g in corpus.store.named_graphs()]
    assert pushed.ok, pushed.mismatches
    assert pushed.retries == 0  # each upload sent once (Virtuoso: digest settled by a HEAD first)
    assert pushed.graphs == len(local) > 40  # 40 letters and the shared graphs
    assert {c.graph for c in pushed.counts} == set(local)
    assert pushed.remote_only == [] or all(not g.startswith(str(graph_iri(""))) for g in pushed.remote_only)


def _multiset(result) -> collections.Counter:
    # rows as Python values (natokg.sparql.values): IRIs, numbers, dates, text with its
    # language; row order is not compared, ties may come in either order
    return collections.Counter((tuple(row), tuple(getattr(v, "lang", None) for v in row)) for row in result)


@pytest.mark.parametrize("saved", list_queries(), ids=lambda q: q.name)
def test_every_saved_query_gives_the_embedded_rows(saved, server, pushed, corpus):
    embedded = run_query(saved, store=corpus.store)
    assert len(embedded) > 0  # the default parameters find something in the corpus
    if server.name == "virtuoso" and saved.name in VIRTUOSO_CANNOT_COMPILE:
        with pytest.raises(EndpointError, match=VIRTUOSO_CANNOT_COMPILE[saved.name]):
            run_query(saved, endpoint=server.endpoint, timeout=120)
        return
    if server.name == "virtuoso" and saved.name in VIRTUOSO_NO_ANSWER:
        pytest.skip(f"Virtuoso 7.2 does not answer {saved.name} and stays busy with it (see above)")
    remote = run_query(saved, endpoint=server.endpoint, timeout=120)
    assert remote.columns == embedded.columns
    if server.name == "virtuoso" and saved.name in VIRTUOSO_DROPS_ROWS:
        missing = _multiset(embedded) - _multiset(remote)
        assert not _multiset(remote) - _multiset(embedded) and missing
        return
    assert _multiset(remote) == _multiset(embedded)


def _typed_literals_sent(corpus) -> collections.Counter:
    """(lexical form, datatype) of every typed literal push sends (the build's graph files)."""
    found: collections.Counter = collections.Counter()
    for quad in ox.parse(nquads(corpus), ox.RdfFormat.N_QUADS):
        term = quad.object
        if isinstance(term, ox.Literal) and not term.language:
            found[term.value, term.datatype.value] += 1
    return found


def _typed_literals_on(server) -> collections.Counter:
    namespace = str(graph_iri(""))
    sparql = (
        "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(isLiteral(?o) && LANG(?o) = "" && STRSTARTS(STR(?g), "{namespace}")) }}'
    )
    answer = send_query(sparql, server.endpoint, graph_result=False, timeout=120)
    found: collections.Counter = collections.Counter()
    for binding in json.loads(answer.body)["results"]["bindings"]:
        term = binding["o"]
        found[term["value"], term.get("datatype", XSD + "string")] += 1
    return found


NONNEGATIVE, INTEGER = XSD + "nonNegativeInteger", XSD + "integer"


def _by_value(literals: collections.Counter, datatypes: dict[str, str]) -> collections.Counter:
    """Literals compared by value: numbers and booleans by what they mean ("2.0" and "2",
    "true" and "1" are one value), every other literal by its text; ``datatypes`` renames
    datatypes first."""
    values: collections.Counter = collections.Counter()
    for (text, datatype), count in literals.items():
        datatype = datatypes.get(datatype, datatype)
        if datatype in (NONNEGATIVE, INTEGER):
            value = int(text)
        elif datatype == XSD + "decimal":
            value = Decimal(text)
        elif datatype == XSD + "boolean":
            value = text in ("true", "1")
        else:
            value = text
        values[value, datatype] += count
    return values


# What each server keeps of a literal. Both write numbers and booleans in their own
# canonical form ("2.0"^^xsd:decimal arrives as "2"; Virtuoso writes false as "0");
# Oxigraph, like the embedded store, keeps every integer as xsd:integer.
RENAMED_DATATYPES = {"oxigraph": {NONNEGATIVE: INTEGER}, "virtuoso": {}}


def test_the_datatypes_the_shapes_need_survive_the_round_trip(server, pushed, corpus):
    sent = _typed_literals_sent(corpus)
    assert {datatype for _, datatype in sent} >= SHAPE_DATATYPES
    arrived = _typed_literals_on(server)
    renamed = RENAMED_DATATYPES[server.name]
    assert _by_value(arrived, {}) == _by_value(sent, renamed)
    exact = {XSD + "date", XSD + "gYear", XSD + "string"}  # dates, years and text arrive as written
    assert {k: n for k, n in arrived.items() if k[1] in exact} == {k: n for k, n in sent.items() if k[1] in exact}
    if server.name == "virtuoso":
        assert {datatype for _, datatype in arrived} >= SHAPE_DATATYPES
    else:
        assert {datatype for _, datatype in arrived} >= SHAPE_DATATYPES - {NONNEGATIVE}
        assert NONNEGATIVE not in {datatype for _, datatype in arrived}


def test_the_cli_pushes_and_queries_the_server(server, pushed, corpus_store_dir, monkeypatch):
    _log_in(monkeypatch, server)
    runner = CliRunner()
    pushing = runner.invoke(app, [
        "push", "--store", str(corpus_store_dir), "--endpoint", server.endpoint, "--graph-store", server.graph_store,
    ])
    assert pushing.exit_code == 0, pushing.output
    assert "pushed" in pushing.output
    asking = runner.invoke(app, ["query", "kamerstukken", "--endpoint", server.endpoint, "--format", "csv"])
    assert asking.exit_code == 0, asking.output
    embedded = runner.invoke(app, ["query", "kamerstukken", "--store", str(corpus_store_dir), "--format", "csv"])
    assert sorted(asking.output.splitlines()) == sorted(embedded.output.splitlines())


def test_virtuoso_refuses_a_push_without_credentials_and_says_how_to_log_in(server, pushed, corpus_store_dir, monkeypatch):
    if server.credentials is None:
        pytest.skip(f"{server.name} asks for no credentials")
    monkeypatch.delenv(ENDPOINT_USER_ENV, raising=False)
    with pytest.raises(EndpointError, match="HTTP 401.*set NATOKG_ENDPOINT_USER and NATOKG_ENDPOINT_PASSWORD"):
        push(corpus_store_dir, server.endpoint, graph_store=server.graph_store)
    monkeypatch.setenv(ENDPOINT_USER_ENV, server.credentials[0])
    monkeypatch.setenv(ENDPOINT_PASSWORD_ENV, "not the password")
    with pytest.raises(EndpointError, match="HTTP 401"):
        push(corpus_store_dir, server.endpoint, graph_store=server.graph_store)
