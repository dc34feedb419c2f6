"""Query results and the list of saved queries, as people and programs read them.

csv, tsv and json keep full IRIs (for programs); markdown and the rich table show
prefixed names (for people). Language-tagged values show their text everywhere.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from natokg.errors import QueryError
from natokg.sparql import IRI, QueryResult, SavedQuery, prefixed

FORMATS = ("table", "csv", "tsv", "json", "markdown")


def _display(value: Any, *, short_iris: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, IRI):
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


def format_result(result: QueryResult, fmt: str = "table"):
    """csv / tsv / json / markdown as a string; "table" as a rich.table.Table."""
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow([_display(value, short_iris=False) for value in row])
        return buffer.getvalue()
    if fmt == "json":
        rows = [{c: _json_value(v) for c, v in zip(result.columns, row)} for row in result.rows]
        return json.dumps({"columns": result.columns, "rows": rows}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":

        def cell(value: Any) -> str:
            return _display(value, short_iris=True).replace("|", "\\|").replace("\n", " ")

        lines = ["| " + " | ".join(result.columns) + " |", "|" + "---|" * len(result.columns)]
        lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in result.rows]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        from rich.table import Table

        table = Table(title=result.title or None, show_lines=False)
        for column in result.columns:
            table.add_column(column, overflow="fold")
        for row in result.rows:
            table.add_row(*(_display(value, short_iris=True) for value in row))
        return table
    raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def saved_queries_table(queries: list[SavedQuery]):
    """``natokg query --list``: each saved query's name, title and parameters with defaults."""
    from rich.table import Table

    table = Table("name", "title", "parameters (default)")
    for saved in queries:
        params = ", ".join(f"{p.name} ({p.default or '-'})" for p in saved.parameters)
        table.add_row(saved.name, saved.title, params)
    return table


__all__ = ["FORMATS", "format_result", "saved_queries_table"]
