"""Query results and the list of saved queries, as people and programs read them.

The table, markdown, csv and tsv show an IRI's label where the caller passes labels
(natokg.sparql.labels; `natokg query` does unless --iris), else the table and markdown
show prefixed names and csv and tsv full IRIs. json keeps full IRIs; sparql-json and
sparql-xml are the W3C SPARQL 1.1 result formats, with every term as the store holds
it. CONSTRUCT and DESCRIBE results print as Turtle (also for "table"), JSON-LD or
N-Triples. Language-tagged values show their text everywhere but in the W3C formats.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from natokg.errors import QueryError
from natokg.rdf.formats import FORMATS, GRAPH_FORMATS, Format, format_named
from natokg.sparql import IRI, QueryResult, SavedQuery, prefixed
from natokg.sparql.values import Term, term_value

# the formats `natokg query` prints, by canonical name (natokg.rdf.formats)
QUERY_FORMATS = ("table", "csv", "tsv", "json", "markdown", "sparql-json", "sparql-xml", "turtle", "jsonld", "nt")
# the formats whose IRIs show as labels
LABELLED_FORMATS = ("table", "csv", "tsv", "markdown")
# the W3C result formats (natokg.sparql.result_formats.write_results)
_RESULT_FORMATS = ("sparql-json", "sparql-xml")


def _display(value: Any, *, short_iris: bool, labels: dict[str, str] | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, IRI):
        if labels and value in labels:
            return labels[value]
        return prefixed(value) if short_iris else str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _json_value(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and "." not in str(value) else float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def plain_values(result: QueryResult) -> QueryResult:
    """``result`` with RDF terms (natokg.sparql.values.Term) as Python values."""
    first = next((value for row in result.rows for value in row if value is not None), None)
    if not isinstance(first, Term):
        return result
    rows = [tuple(term_value(value) for value in row) for row in result.rows]
    return QueryResult(result.columns, rows, result.title, result.query, result.kind)


def query_format(name: str) -> Format:
    """The format of QUERY_FORMATS that ``name`` (a format name or alias, natokg.rdf.formats) names."""
    return format_named(name, QUERY_FORMATS, QueryError)


def format_result(result: QueryResult, fmt: str = "table", labels: dict[str, str] | None = None):
    """The result in ``fmt`` (a name of QUERY_FORMATS): a rich.table.Table for "table" on
    solutions, else a string. ``labels`` (IRI -> label) name the IRIs of the
    LABELLED_FORMATS. sparql-json, sparql-xml and the RDF formats need rows of Terms
    (run with terms=True)."""
    chosen = query_format(fmt)
    name = chosen.name
    if result.kind == "triples" and (name == "table" or name in GRAPH_FORMATS):
        return _graph_text(result, FORMATS["turtle"] if name == "table" else chosen)
    if name in GRAPH_FORMATS:
        raise QueryError(f"{fmt} is for CONSTRUCT and DESCRIBE queries; a SELECT or ASK prints as sparql-json or sparql-xml")
    if name in _RESULT_FORMATS:
        return _w3c_results(result, chosen)
    return _people_format(plain_values(result), name, labels or {})


def _terms_needed(result: QueryResult, fmt: str) -> None:
    if any(value is not None and not isinstance(value, Term) for row in result.rows for value in row):
        raise QueryError(f"{fmt} needs the rows as RDF terms; run the query with terms=True")


def _w3c_results(result: QueryResult, fmt: Format) -> str:
    from natokg.sparql.result_formats import write_results

    if result.kind != "boolean":
        _terms_needed(result, fmt.name)
    return write_results(fmt.media_type, result.kind, result.columns, result.rows).decode("utf-8")


def _graph_text(result: QueryResult, fmt: Format) -> str:
    from natokg.sparql.result_formats import graph_bytes, triples_of

    _terms_needed(result, fmt.name)
    return graph_bytes(triples_of(result.rows), fmt.media_type).decode("utf-8")


def _people_format(result: QueryResult, fmt: str, labels: dict[str, str]):
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow([_display(value, short_iris=False, labels=labels) for value in row])
        return buffer.getvalue()
    if fmt == "json":
        rows = [{c: _json_value(v) for c, v in zip(result.columns, row)} for row in result.rows]
        return json.dumps({"columns": result.columns, "rows": rows}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":

        def cell(value: Any) -> str:
            return _display(value, short_iris=True, labels=labels).replace("|", "\\|").replace("\n", " ")

        lines = ["| " + " | ".join(result.columns) + " |", "|" + "---|" * len(result.columns)]
        lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in result.rows]
        return "\n".join(lines) + "\n"
    from rich.table import Table

    table = Table(title=result.title or None, show_lines=False)
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*(_display(value, short_iris=True, labels=labels) for value in row))
    return table


def saved_queries_table(queries: list[SavedQuery]):
    """``natokg query --list``: each saved query's name, title and parameters with defaults."""
    from rich.table import Table

    table = Table("name", "title", "parameters (default)")
    for saved in queries:
        params = ", ".join(f"{p.name} ({p.default or '-'})" for p in saved.parameters)
        table.add_row(saved.name, saved.title, params)
    return table


LIST_FORMATS = ("table", "csv", "tsv", "json", "markdown")


def format_query_list(queries: list[SavedQuery], fmt: str = "table"):
    """``natokg query --list --format FMT``: the table, or every header field as csv,
    tsv, json (parameters and columns as lists of objects) or markdown."""
    fmt = format_named(fmt, LIST_FORMATS, QueryError).name
    if fmt == "table":
        return saved_queries_table(queries)
    if fmt == "json":
        entries = [
            {
                "name": q.name, "title": q.title, "description": q.description,
                "parameters": [
                    {"name": p.name, "type": p.type, "default": p.default, "description": p.description}
                    for p in q.parameters
                ],
                "columns": [{"name": c.name, "description": c.description} for c in q.columns],
            }
            for q in queries
        ]
        return json.dumps(entries, ensure_ascii=False, indent=2) + "\n"
    columns = ["name", "title", "parameters", "columns", "description"]
    rows = [
        (
            q.name, q.title, "; ".join(f"{p.name} ({p.type}) = {p.default}".rstrip(" =") for p in q.parameters),
            " ".join(c.name for c in q.columns), q.description,
        )
        for q in queries
    ]
    return _people_format(QueryResult(columns, rows), fmt, {})


__all__ = [
    "LABELLED_FORMATS", "LIST_FORMATS", "format_query_list", "format_result",
    "plain_values", "query_format", "saved_queries_table",
]
