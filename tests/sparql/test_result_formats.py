"""The SPARQL result formats written by natokg.sparql.result_formats, read back with
standard readers (json, csv, ElementTree) and pyoxigraph's own result parser."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree

import pyoxigraph as ox
import pytest

from natokg.sparql.engine import execute, execute_serialized
from natokg.sparql.result_formats import RESULT_FORMATS, write_results
from natokg.sparql.values import Term

XSD = "http://www.w3.org/2001/XMLSchema#"
AWKWARD = 'a "quoted", two-line\r\ntext with <tags> & a tab\t},{"x":1}'
COLUMNS = ["thing", "text", "missing"]
ROWS = [
    [Term("uri", "https://example.org/a?b=1&c=2"), Term("literal", AWKWARD, XSD + "string"), None],
    [Term("bnode", "b0"), Term("literal", "tekst", None, "nl"), Term("literal", "2025", XSD + "gYear")],
    [None, None, None],
]
FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}


def parsed(media_type: str, data: bytes) -> list[list]:
    solutions = ox.parse_query_results(data, format=FORMATS[media_type])
    return [[solution[name] for name in COLUMNS] for solution in solutions]


@pytest.mark.parametrize("media_type", ["application/sparql-results+json", "application/sparql-results+xml", "text/tab-separated-values"])
def test_every_row_and_term_reads_back_with_pyoxigraph(media_type):
    rows = parsed(media_type, write_results(media_type, "solutions", COLUMNS, ROWS))
    assert len(rows) == 3
    thing, text, missing = rows[0]
    assert thing == ox.NamedNode("https://example.org/a?b=1&c=2") and missing is None
    assert text.value == AWKWARD
    assert rows[1][1] == ox.Literal("tekst", language="nl")
    assert rows[1][2] == ox.Literal("2025", datatype=ox.NamedNode(XSD + "gYear"))
    assert rows[2] == [None, None, None]


def test_xml_reads_back_with_a_strict_xml_parser():
    """ElementTree, unlike pyoxigraph, reads a raw CR as LF and refuses control characters."""
    rows = ROWS + [[None, Term("literal", "bell\x07 and cr\r end"), None]]
    root = ElementTree.fromstring(write_results("application/sparql-results+xml", "solutions", COLUMNS, rows))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    literals = [b.find(f"{ns}literal").text for b in root.iter(f"{ns}binding") if b.get("name") == "text"]
    assert literals == [AWKWARD, "tekst", "bell\ufffd and cr\r end"]
    assert len(root.findall(f"{ns}results/{ns}result")) == 4


def test_csv_quotes_as_the_csv_module_reads_it():
    text = write_results("text/csv", "solutions", COLUMNS, ROWS).decode("utf-8")
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        COLUMNS,
        ["https://example.org/a?b=1&c=2", AWKWARD, ""],
        ["_:b0", "tekst", "2025"],
        ["", "", ""],
    ]


def test_csv_one_unbound_column_is_still_a_row():
    text = write_results("text/csv", "solutions", ["x"], [[None], [Term("uri", "u")]]).decode("utf-8")
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["x"], [""], ["u"]]


@pytest.mark.parametrize("media_type", sorted(RESULT_FORMATS))
def test_no_rows_is_the_head_alone(media_type):
    data = write_results(media_type, "solutions", ["a", "b"], [])
    if media_type.endswith("json"):
        assert json.loads(data) == {"head": {"vars": ["a", "b"]}, "results": {"bindings": []}}
    elif media_type.endswith("xml"):
        root = ElementTree.fromstring(data)
        assert [v.get("name") for v in root.iter("{http://www.w3.org/2005/sparql-results#}variable")] == ["a", "b"]
        assert not list(root.iter("{http://www.w3.org/2005/sparql-results#}result"))
    else:
        assert data.decode("utf-8").splitlines() == ["a,b" if media_type == "text/csv" else "?a\t?b"]


@pytest.mark.parametrize("answer", [True, False])
@pytest.mark.parametrize("media_type", ["application/sparql-results+json", "application/sparql-results+xml"])
def test_ask_answers_read_back(media_type, answer):
    data = write_results(media_type, "boolean", ["result"], [[answer]])
    assert bool(ox.parse_query_results(data, format=FORMATS[media_type])) is answer


@pytest.mark.parametrize("media_type", ["text/csv", "text/tab-separated-values"])
def test_ask_answers_in_csv_and_tsv(media_type):
    lines = write_results(media_type, "boolean", ["result"], [[False]]).decode("utf-8").splitlines()
    assert lines == ["result" if media_type == "text/csv" else "?result", "false"]


def test_written_in_the_worker_equals_written_from_rows():
    store = ox.Store()
    for n in range(50):
        store.add(ox.Quad(ox.NamedNode(f"https://example.org/s{n % 7}"), ox.NamedNode("https://example.org/p"),
                          ox.Literal(f"v{n}, \"{n}\"", language="nl")))
    query = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?o"
    for media_type in RESULT_FORMATS:
        kind, columns, rows = execute(store, query, terms=True)
        written = execute_serialized(store, query, result_type=media_type, graph_type="text/turtle")
        assert written == (media_type, write_results(media_type, kind, columns, rows))


def test_the_row_cap_holds_when_written_in_the_worker():
    from natokg.errors import QueryLimitError

    store = ox.Store()
    for n in range(20):
        store.add(ox.Quad(ox.NamedNode(f"https://example.org/s{n}"), ox.NamedNode("https://example.org/p"), ox.Literal("x")))
    with pytest.raises(QueryLimitError, match="more than 10 rows"):
        execute_serialized(store, "SELECT * { ?s ?p ?o }", result_type="text/csv", graph_type="text/turtle", max_rows=10)
