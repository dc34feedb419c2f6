"""The query library: headers, parameters, safety, results and formats."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

import natokg
import natokg.sparql.run as query_module
from natokg.cli.render_query import format_result
from natokg.errors import MissingDependencyError, QueryError, UnsafeQueryError
from natokg.sparql import (
    IRI,
    LangString,
    check_safe,
    list_queries,
    load_query,
    parse_header,
    render,
    run_query,
    run_sparql,
)
from support.seed_dataset import build_seed_store

ID = "https://w3id.org/natokg/id/"


@pytest.fixture(scope="module")
def store(seed_store):
    return seed_store


# ---------------------------------------------------------------- headers


def test_every_saved_query_has_a_complete_header():
    queries = list_queries()
    assert len(queries) >= 14
    for saved in queries:
        assert saved.title and saved.title != saved.name, saved.name
        assert len(saved.description) > 40, saved.name
        assert saved.columns, saved.name
        for parameter in saved.parameters:
            assert parameter.description, (saved.name, parameter.name)
        # the header lists exactly the columns the query returns, in order
        rendered = render(saved)
        assert check_safe(rendered) == "SELECT"


def test_header_columns_are_the_result_columns(store):
    for saved in list_queries():
        result = run_query(saved, store=store)
        assert result.columns == [c.name for c in saved.columns], saved.name
        assert result.title == saved.title


def test_header_parsing():
    text = (
        "# title: Test\n# description: first line\n#   and a continuation\n"
        "# param: topic (iri) = id:topic/china -- a topic\n# param: n (integer) =  -- optional\n"
        "# column: x -- the x\n\nSELECT ?x WHERE { VALUES ?x { $topic } FILTER($n > 0 || true) }\n"
    )
    saved = parse_header(text, "test")
    assert saved.title == "Test"
    assert saved.description == "first line and a continuation"
    assert [(p.name, p.type, p.default, p.optional) for p in saved.parameters] == [
        ("topic", "iri", "id:topic/china", False), ("n", "integer", "", True),
    ]
    assert [c.name for c in saved.columns] == ["x"]


def test_undeclared_placeholder_is_an_error():
    with pytest.raises(QueryError, match=r"uses \$actor but its header declares no such parameter"):
        parse_header("# title: t\nSELECT * WHERE { VALUES ?a { $actor } }", "t")


def test_placeholders_in_strings_iris_and_comments_are_not_parameters():
    saved = parse_header('# title: t\n# a $comment\nSELECT * WHERE { ?s ?p "$not" . ?s ?p <urn:$x> }', "t")
    assert render(saved).endswith('{ ?s ?p "$not" . ?s ?p <urn:$x> }')


def test_load_query_by_name_and_by_path(tmp_path):
    assert load_query("topic-history").name == "topic-history"
    own = tmp_path / "mine.rq"
    own.write_text("# title: Mine\nSELECT * WHERE { ?s ?p ?o } LIMIT 1\n", encoding="utf-8")
    assert load_query(own).title == "Mine"
    with pytest.raises(QueryError, match="no saved query named 'nope'.*topic-history"):
        load_query("nope")
    with pytest.raises(QueryError, match="no such query file"):
        load_query(tmp_path / "missing.rq")


# ---------------------------------------------------------------- parameters


def test_parameters_are_substituted_as_validated_terms():
    saved = load_query("topic-history")
    assert f"VALUES ?topic {{ <{ID}topic/defence-spending> }}" in render(saved)
    for given in ("id:topic/china", f"{ID}topic/china", f"<{ID}topic/china>"):
        assert f"VALUES ?topic {{ <{ID}topic/china> }}" in render(saved, {"topic": given})


def test_list_optional_and_typed_parameters():
    recurring = render(load_query("recurring-positions"), {"kinds": "nkg:Summit, nkg:Forum", "min_meetings": 3})
    nkg = "https://w3id.org/natokg/ontology#"
    assert f"VALUES ?kinds {{ <{nkg}Summit> <{nkg}Forum> }}" in recurring
    assert "VALUES ?min_meetings { 3 }" in recurring
    timeline = render(load_query("meetings-timeline"), {"from_date": "2025-01-01"})
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert f'VALUES ?from_date {{ "2025-01-01"^^<{xsd}date> }}' in timeline
    assert "VALUES ?to_date { UNDEF }" in timeline  # empty optional: no constraint


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"topik": "id:topic/china"}, r"unknown parameter 'topik' for query topic-history; it takes: topic"),
        ({"topic": "china"}, r"parameter topic: 'china' is not an IRI"),
        ({"topic": "nope:china"}, r"parameter topic: 'nope:china' is not an IRI"),
        ({"topic": f"<{ID}topic/a> }} ; DROP ALL ; {{"}, r"parameter topic: .* is not an IRI"),
        ({"topic": f"{ID}topic/a>"}, r"parameter topic: .* is not a valid IRI"),
        ({"topic": ""}, r"parameter topic needs a value"),
    ],
)
def test_bad_parameters_are_one_line_errors_naming_the_parameter(params, message):
    with pytest.raises(QueryError, match=message) as caught:
        render(load_query("topic-history"), params)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("recurring-positions", {"min_meetings": "two"}, r"min_meetings: 'two' is not a valid integer \(e.g. 2\)"),
        ("meetings-timeline", {"from_date": "2025-13-01"}, r"from_date: '2025-13-01' is not a valid date"),
        ("meetings-timeline", {"sessions": "maybe"}, r"sessions: 'maybe' is not a valid boolean"),
    ],
)
def test_typed_parameters_are_validated(name, params, message):
    with pytest.raises(QueryError, match=message):
        render(load_query(name), params)


def test_string_parameters_are_escaped():
    saved = parse_header('# title: t\n# param: q (string) = x -- text\nSELECT * WHERE { BIND($q AS ?q) }', "t")
    rendered = render(saved, {"q": 'a"b\\c\nd'})
    assert 'BIND("a\\"b\\\\c\\nd" AS ?q)' in rendered
    check_safe(rendered)


def test_data_base_follows_natokg_base(monkeypatch):
    monkeypatch.setenv("NATOKG_BASE", "https://example.org/kg/")
    rendered = render(load_query("spending-targets"))
    assert "<https://example.org/kg/commitment-kind/>" in rendered
    assert "w3id.org/natokg/id/" not in rendered
    assert "<https://example.org/kg/topic/china>" in render(load_query("topic-history"), {"topic": "id:topic/china"})


# ---------------------------------------------------------------- safety


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://example.org/sparql> { ?s ?q ?r } } }",
        "LOAD <http://example.org/data.ttl>",
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX x: <urn:x#> DROP ALL",
    ],
)
def test_service_load_and_updates_are_refused(sparql, store):
    with pytest.raises(UnsafeQueryError, match="refused"):
        check_safe(sparql)
    with pytest.raises(UnsafeQueryError):
        run_sparql(sparql, store=store)
    assert len(store) > 0


def test_the_words_service_and_load_inside_strings_are_fine():
    assert check_safe('SELECT * WHERE { ?s ?p "SERVICE <http://x> LOAD" }') == "SELECT"
    assert check_safe("ASK { ?service ?load ?insert }") == "ASK"


def test_syntax_error_names_line_and_column(store):
    with pytest.raises(QueryError, match=r"SPARQL syntax error at line 3, column 17") as caught:
        run_sparql("SELECT * WHERE {\n ?s ?p ?o .\n FILTER(?o = ) }", store=store)
    assert "\n" not in str(caught.value)


def test_syntax_error_in_a_query_file_names_the_file(tmp_path, store):
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: Bad\nSELECT ?x WHERE {\n  ?x ?y\n}\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"bad.rq: SPARQL syntax error at line \d+, column \d+: expected"):
        run_query(bad, store=store)


# ---------------------------------------------------------------- results


@pytest.mark.parametrize("enabled_before", [True, False])
def test_run_sparql_pauses_the_cycle_collector_and_restores_it(store, enabled_before, monkeypatch):
    """The rows are built with the cycle collector off (a 10,000-letter result ran 12 %
    faster); afterwards it is as the caller left it, also when the query fails."""
    import gc

    import natokg.sparql.engine as engine_module

    seen = []
    real_value = engine_module.oxigraph_value
    monkeypatch.setattr(engine_module, "oxigraph_value", lambda term: seen.append(gc.isenabled()) or real_value(term))
    (gc.enable if enabled_before else gc.disable)()
    try:
        run_sparql("SELECT ?s WHERE { GRAPH ?g { ?s a ?c } } LIMIT 3", store=store)
        assert seen and not any(seen)
        assert gc.isenabled() == enabled_before
        with pytest.raises(QueryError):
            run_sparql("SELECT ?s WHERE { ?s ?p }", store=store)
        assert gc.isenabled() == enabled_before
    finally:
        gc.enable()


def test_values_are_python_values(store):
    result = run_query("spending-targets", store=store)
    row = result.rows[1]
    assert isinstance(row.actor, IRI) and row.actor == f"{ID}group/allies"
    assert row.amount == Decimal(5) and isinstance(row.amount, Decimal)
    assert row.target_year == 2035
    assert row.agreed_on == date(2025, 6, 24)
    assert row.letters == 2
    assert result.rows[0].made_at is None
    timeline = run_query("meetings-timeline", store=store)
    assert timeline.rows[1].informal is True
    assert result.dicts()[1]["amount"] == Decimal(5)


def test_each_term_is_converted_by_its_own_datatype_and_language(store):
    # terms are converted once per query and reused: "1" as an integer, a decimal, a
    # plain string and a Dutch string are four different values, repeated rows are equal
    result = run_sparql(
        'SELECT ?v WHERE { VALUES ?v { 1 1.0 "1" "1"@nl <urn:x:1> 1 "1"@nl } }', store=store
    )
    values = [row.v for row in result]
    assert [type(v) for v in values] == [int, Decimal, str, LangString, IRI, int, LangString]
    assert values[0] == values[5] == 1 and values[1] == Decimal("1.0")
    assert values[6].lang == "nl" and values[4] == "urn:x:1"


def test_lang_strings_come_back_as_their_text(store):
    result = run_sparql(
        'PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?label WHERE { GRAPH ?g {'
        f' <{ID}topic/defence-spending> skos:prefLabel ?label FILTER(LANG(?label) = "nl") }} }}',
        store=store,
    )
    assert result.rows == [("defensie-uitgaven",)]
    assert isinstance(result.rows[0].label, LangString) and result.rows[0].label.lang == "nl"
    assert format_result(result, "csv") == "label\ndefensie-uitgaven\n"


def test_ask_and_construct(store):
    assert run_sparql("ASK { GRAPH ?g { ?s ?p ?o } }", store=store).rows == [(True,)]
    triples = run_sparql(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o FILTER(?s = <{ID}kamerstuk/31125-134>) }} }}",
        store=store,
    )
    assert triples.columns == ["subject", "predicate", "object"]
    # 5 in graph/entities (type, label, dossier, number, its official publication), 2 in the letter's graph
    assert ("31125" in {str(o) for _, _, o in triples.rows}) and len(triples) == 7


def test_to_dataframe_without_pandas_is_a_clear_error(store):
    result = run_query("kamerstukken", store=store)
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(MissingDependencyError, match="pip install pandas"):
            result.to_dataframe()
    else:
        frame = result.to_dataframe()
        assert list(frame.columns) == result.columns and len(frame) == 7


# ---------------------------------------------------------------- formats


def test_formats(store):
    result = run_query("kamerstukken", {"kamerstuk": "id:kamerstuk/31125-134"}, store=store)
    assert format_result(result, "csv") == (
        "kamerstuk,dossier,number,cited_by,letter,date\n"
        f"{ID}kamerstuk/31125-134,31125,134,1,{ID}letter/43f0762dba44,2025-05-14\n"
    )
    assert format_result(result, "tsv").splitlines()[1].split("\t")[:4] == [f"{ID}kamerstuk/31125-134", "31125", "134", "1"]
    assert json.loads(format_result(result, "json")) == {
        "columns": ["kamerstuk", "dossier", "number", "cited_by", "letter", "date"],
        "rows": [{"kamerstuk": f"{ID}kamerstuk/31125-134", "dossier": "31125", "number": "134", "cited_by": 1,
                  "letter": f"{ID}letter/43f0762dba44", "date": "2025-05-14"}],
    }
    assert format_result(result, "markdown") == (
        "| kamerstuk | dossier | number | cited_by | letter | date |\n|---|---|---|---|---|---|\n"
        "| id:kamerstuk/31125-134 | 31125 | 134 | 1 | id:letter/43f0762dba44 | 2025-05-14 |\n"
    )
    with pytest.raises(QueryError, match="unknown format 'yaml'"):
        format_result(result, "yaml")


def test_table_format_is_a_rich_table_with_prefixed_names(store):
    from rich.console import Console
    from rich.table import Table

    result = run_query("persons-posts", store=store)
    table = format_result(result, "table")
    assert isinstance(table, Table)
    assert table.title == "Persons and their posts"
    console = Console(width=250, record=True)
    console.print(table)
    text = console.export_text()
    assert "id:person/andrii-sybiha" in text and "id:state/ua" in text
    assert ID not in text


# ---------------------------------------------------------------- package API


def test_natokg_query_and_open_store(tmp_path):
    build_seed_store(tmp_path / "db").flush()
    import pyoxigraph as ox

    store = ox.Store.read_only(str(tmp_path / "db"))
    result = natokg.query("allies-count-check", store=store, only_mismatches="false")
    assert [r.stated for r in result] == [30, 32, 32, 32]
    from natokg import run_query as module  # query's other name, called the same way

    assert [r.members for r in module("allies-count-check", store=store)] == [30, 32, 32, 32]


def test_run_query_opens_the_default_store(tmp_path, monkeypatch):
    from natokg.errors import StoreError

    monkeypatch.setenv("NATOKG_STORE", str(tmp_path / "nothing"))
    with pytest.raises(StoreError, match="run `natokg build` first"):
        run_query("kamerstukken")
    with pytest.raises(StoreError):
        natokg.open_store()
