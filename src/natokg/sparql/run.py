"""Saved SPARQL queries: headers, parameters, safety, running, result formats.

A saved query is a ``queries/NAME.rq`` file that starts with a header comment::

    # title: A topic's history
    # description: Every position on one topic over time, with actor, stance
    #   and quote.                          (indented lines continue a field)
    # param: topic (iri) = id:topic/defence-spending -- the topic
    # column: date -- the date of the meeting the position belongs to

Parameters are written ``$name`` in the query body (SPARQL's other variable sigil) and
replaced by :func:`render` with a validated RDF term, never with raw user text. Every
parameter is used as ``VALUES ?x { $name }`` (lists and empty values work there: an
empty optional parameter becomes ``UNDEF``, "no constraint") or inside an expression.
Parameter types: iri, iris (a list), string, date, year, integer, decimal, boolean.

Queries run read-only: :func:`check_safe` refuses updates (INSERT, DELETE, LOAD ...)
and SERVICE, so running a saved or user-written query never writes and never makes an
outbound request. They run on the embedded store by default (``natokg.store.layout``) or on
any SPARQL 1.1 endpoint (SPARQLWrapper). Results come back as named tuples with Python
values: IRIs as :class:`IRI` (a ``str``), numbers as int/Decimal, dates as
``datetime.date``, booleans as bool, language-tagged text as its text.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
import sys
import types
from collections import namedtuple
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from natokg.errors import EndpointError, MissingDependencyError, QueryError, UnsafeQueryError
from natokg.namespaces import DEFAULT_DATA_BASE, data_base
from natokg.sparql.values import (
    IRI,
    XSD,
    LangString,
    display_prefixes,
    json_binding_value,
    oxigraph_value,
    prefixed,
    rdflib_value,
)

ENDPOINT_USER_ENV = "NATOKG_ENDPOINT_USER"
ENDPOINT_PASSWORD_ENV = "NATOKG_ENDPOINT_PASSWORD"
FORMATS = ("table", "csv", "tsv", "json", "markdown")
PARAMETER_TYPES = ("iri", "iris", "string", "date", "year", "integer", "decimal", "boolean")


# ---------------------------------------------------------------- saved queries


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: str  # "" = optional, no constraint
    description: str = ""

    @property
    def optional(self) -> bool:
        return self.default == ""


@dataclass(frozen=True)
class Column:
    name: str
    description: str = ""


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    columns: tuple[Column, ...]
    path: Path | None
    text: str  # the whole file, header included

    def parameter(self, name: str) -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        known = ", ".join(p.name for p in self.parameters) or "no parameters"
        raise QueryError(f"unknown parameter {name!r} for query {self.name}; it takes: {known}")


_FIELD = re.compile(r"^#\s?(title|description|param|column):\s*(.*)$")
_CONTINUATION = re.compile(r"^#\s{2,}(\S.*)$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*\(([a-z]+)\)\s*=\s*(.*?)\s*(?:--\s*(.*))?$")
_COLUMN = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:--\s*(.*))?$")
# Tokens that may contain "$" or "#" without being a placeholder or a comment.
_TOKENS = re.compile(
    r'(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\s]*>)'
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<placeholder>\$(?P<name>[A-Za-z_][A-Za-z0-9_]*))"
)


def parse_header(text: str, name: str, path: Path | None = None) -> SavedQuery:
    """Read the header comment of a query file (fields described in the module doc)."""
    fields: list[list[str]] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _FIELD.match(line)
        if match:
            fields.append([match.group(1), match.group(2).strip()])
        elif fields and _CONTINUATION.match(line):
            fields[-1][1] = f"{fields[-1][1]} {_CONTINUATION.match(line).group(1).strip()}".strip()
    title = description = ""
    parameters: list[Parameter] = []
    columns: list[Column] = []
    for key, value in fields:
        if key == "title":
            title = value
        elif key == "description":
            description = value
        elif key == "param":
            match = _PARAM.match(value)
            if not match or match.group(2) not in PARAMETER_TYPES:
                raise QueryError(
                    f"bad parameter line {value!r}; write '# param: NAME (TYPE) = DEFAULT -- "
                    f"description' with TYPE one of {', '.join(PARAMETER_TYPES)}",
                    path=path,
                )
            parameters.append(Parameter(match.group(1), match.group(2), match.group(3), match.group(4) or ""))
        else:
            match = _COLUMN.match(value)
            if not match:
                raise QueryError(f"bad column line {value!r}; write '# column: NAME -- description'", path=path)
            columns.append(Column(match.group(1), match.group(2) or ""))
    declared = {p.name for p in parameters}
    used = set(placeholders(text))
    if used - declared:
        missing = ", ".join(sorted(used - declared))
        raise QueryError(f"uses ${missing} but its header declares no such parameter", path=path)
    return SavedQuery(
        name=name,
        title=title or name,
        description=description,
        parameters=tuple(parameters),
        columns=tuple(columns),
        path=path,
        text=text,
    )


def placeholders(text: str) -> list[str]:
    """The ``$name`` placeholders of a query body (comments, strings and IRIs skipped)."""
    return [m.group("name") for m in _TOKENS.finditer(text) if m.group("placeholder")]


def list_queries(directory: Path | None = None) -> list[SavedQuery]:
    """Every saved query in ``queries/`` (or ``directory``), sorted by name."""
    from natokg.paths import queries_dir

    folder = Path(directory) if directory is not None else queries_dir()
    return [_load_file(path) for path in sorted(folder.glob("*.rq"))]


def load_query(name_or_path: str | Path, directory: Path | None = None) -> SavedQuery:
    """A saved query by name (``topic-history``) or a path to any ``.rq`` file."""
    from natokg.paths import queries_dir

    candidate = Path(name_or_path)
    if candidate.suffix == ".rq" or os.sep in str(name_or_path):
        if not candidate.is_file():
            raise QueryError("no such query file; check the path", path=candidate)
        return _load_file(candidate)
    folder = Path(directory) if directory is not None else queries_dir()
    path = folder / f"{name_or_path}.rq"
    if not path.is_file():
        names = ", ".join(p.stem for p in sorted(folder.glob("*.rq")))
        raise QueryError(f"no saved query named {str(name_or_path)!r}; `natokg query --list` shows: {names}")
    return _load_file(path)


def _load_file(path: Path) -> SavedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"cannot read the query ({error})", path=path) from None
    return parse_header(text, path.stem, path)


# ---------------------------------------------------------------- parameters


_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_PREFIXED = re.compile(r"^([A-Za-z][\w.-]*)?:(.*)$")


def _expand_iri(text: str, name: str) -> str:
    value = text.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    elif not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", value):
        match = _PREFIXED.match(value)
        prefixes = display_prefixes()
        if not match or match.group(1) not in prefixes:
            known = ", ".join(sorted(prefixes))
            raise QueryError(
                f"parameter {name}: {text!r} is not an IRI; give <http://...>, http://... "
                f"or a prefixed name with one of the prefixes {known}"
            )
        value = prefixes[match.group(1)] + match.group(2)
    if not value or _IRI_FORBIDDEN.search(value) or ":" not in value:
        raise QueryError(f"parameter {name}: {text!r} is not a valid IRI (spaces, quotes and <>{{}}|^` are not allowed)")
    return f"<{value}>"


def _escape_string(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def term_for(parameter: Parameter, value: str) -> str:
    """The SPARQL term(s) for one parameter value (validated; raises QueryError)."""
    name, kind, text = parameter.name, parameter.type, str(value).strip()
    if text == "":
        return "UNDEF"
    try:
        if kind == "iri":
            return _expand_iri(text, name)
        if kind == "iris":
            items = [item for item in re.split(r"[\s,]+", text) if item]
            return " ".join(_expand_iri(item, name) for item in items)
        if kind == "string":
            return _escape_string(str(value))
        if kind == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError
            return f'"{date.fromisoformat(text).isoformat()}"^^<{XSD}date>'
        if kind == "year":
            if not re.fullmatch(r"\d{4}", text):
                raise ValueError
            return f'"{text}"^^<{XSD}gYear>'
        if kind == "integer":
            return str(int(text, 10))
        if kind == "decimal":
            number = Decimal(text)
            if not number.is_finite():
                raise ValueError
            literal = format(number, "f")
            return f'"{literal if "." in literal else literal + ".0"}"^^<{XSD}decimal>'
        if kind == "boolean":
            lowered = text.lower()
            if lowered in ("true", "yes", "1"):
                return "true"
            if lowered in ("false", "no", "0"):
                return "false"
            raise ValueError
    except (ValueError, InvalidOperation):
        pass
    examples = {
        "date": "2026-07-07", "year": "2035", "integer": "2", "decimal": "3.5", "boolean": "true or false",
    }
    hint = f" (e.g. {examples[kind]})" if kind in examples else ""
    raise QueryError(f"parameter {name}: {text!r} is not a valid {kind}{hint}")


def render(saved: SavedQuery, params: dict[str, Any] | None = None) -> str:
    """The query text with every ``$name`` replaced by a validated term.

    Unknown parameters and malformed values raise QueryError naming the parameter.
    The ``id:`` prefix follows NATOKG_BASE.
    """
    given = {key.replace("-", "_"): value for key, value in (params or {}).items()}
    for key in given:
        saved.parameter(key)  # raises on unknown names
    terms = {}
    for parameter in saved.parameters:
        value = given.get(parameter.name, parameter.default)
        if value is None:
            value = ""
        terms[parameter.name] = term_for(parameter, str(value))
        if terms[parameter.name] == "UNDEF" and not parameter.optional:
            raise QueryError(f"parameter {parameter.name} needs a value ({parameter.description or parameter.type})")

    base = data_base()

    def replace(match: re.Match) -> str:
        if match.group("placeholder"):
            return terms[match.group("name")]
        token = match.group(0)
        # Queries are written against the default data namespace; NATOKG_BASE moves it.
        if match.group("iri") and base != DEFAULT_DATA_BASE and token.startswith("<" + DEFAULT_DATA_BASE):
            return "<" + base + token[1 + len(DEFAULT_DATA_BASE) :]
        return token

    return _TOKENS.sub(replace, saved.text)


# ---------------------------------------------------------------- safety


_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")
_KEYWORD = r"(?<![\w?$:.-]){word}(?![\w:-])"


def _code_only(sparql: str) -> str:
    """The query with strings, IRIs and comments blanked (same length, same lines)."""

    def blank(match: re.Match) -> str:
        if match.group("placeholder"):
            return match.group(0)
        return re.sub(r"[^\n]", " ", match.group(0))

    return _TOKENS.sub(blank, sparql)


def _walk(node) -> Iterator[Any]:
    """Every node of an rdflib parse tree (pyparsing ParseResults and CompValue dicts)."""
    from pyparsing import ParseResults

    yield node
    if isinstance(node, ParseResults):
        children = list(node) + list(node.values())
    elif isinstance(node, dict):
        children = list(node.values())
    elif isinstance(node, (list, tuple)):
        children = list(node)
    else:
        children = []
    for child in children:
        if not isinstance(child, str):
            yield from _walk(child)


def _node_name(node) -> str:
    return getattr(node, "name", "") if not isinstance(node, str) else ""


@lru_cache(maxsize=512)
def check_safe(sparql: str) -> str:
    """Refuse what would write or reach out; return the query form (SELECT, ASK ...).

    Raises UnsafeQueryError for SERVICE and for updates (INSERT, DELETE, LOAD ...),
    QueryError with the line and column of a syntax error.
    """
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    code = _code_only(sparql)
    try:
        parsed = parseQuery(sparql)
    except Exception as query_error:  # pyparsing raises ParseException and friends
        try:
            update = parseUpdate(sparql)
        except Exception:
            update = None
        if update is not None and any(_node_name(n) for n in update.get("request", [])):
            kinds = sorted({_node_name(n) for n in update["request"]})
            raise UnsafeQueryError(
                f"refused: {', '.join(kinds).upper()} is an update; natokg queries are read-only "
                "(use a SELECT, ASK, CONSTRUCT or DESCRIBE query)"
            ) from None
        if re.search(_KEYWORD.format(word="SERVICE"), code, re.I):
            raise UnsafeQueryError("refused: SERVICE would query another server; natokg queries stay local") from None
        for word in _UPDATE_WORDS:
            if re.search(_KEYWORD.format(word=word) + r"\s+(DATA|WHERE|SILENT|GRAPH|DEFAULT|NAMED|ALL|<|\{)", code, re.I):
                raise UnsafeQueryError(f"refused: {word} is an update; natokg queries are read-only") from None
        raise QueryError(f"SPARQL syntax error {_error_position(sparql, query_error)}") from None
    for node in _walk(parsed):
        if _node_name(node) == "ServiceGraphPattern":
            raise UnsafeQueryError("refused: SERVICE would query another server; natokg queries stay local")
    form = _node_name(parsed[1]) if len(parsed) > 1 else ""
    return form.replace("Query", "").upper() or "SELECT"


def _error_position(sparql: str, rdflib_error: Exception) -> str:
    """'at line L, column C: reason', from pyoxigraph's parser (more precise) or rdflib's."""
    import pyoxigraph as ox

    try:
        ox.Store().query(sparql)  # empty in-memory store: only the parser can fail here
    except SyntaxError as error:
        match = re.search(r"error at (\d+):(\d+): (.*)", str(error))
        if match:
            reason = match.group(3).splitlines()[0]
            return f"at line {match.group(1)}, column {match.group(2)}: {reason}"
        return str(error).splitlines()[0]
    except Exception:
        pass
    line = getattr(rdflib_error, "lineno", None)
    column = getattr(rdflib_error, "col", None)
    reason = str(getattr(rdflib_error, "msg", "")) or str(rdflib_error).splitlines()[0]
    return f"at line {line}, column {column}: {reason}" if line else reason


# ---------------------------------------------------------------- results


@dataclass
class QueryResult:
    """Rows of a query: ``columns`` and ``rows`` (named tuples with Python values)."""

    columns: list[str]
    rows: list[tuple]
    title: str = ""
    query: str = field(default="", repr=False)

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        return self.rows[index]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]

    def to_dataframe(self):
        """The rows as a pandas DataFrame (needs pandas: ``pip install pandas``)."""
        try:
            import pandas
        except ImportError:
            raise MissingDependencyError(
                "to_dataframe() needs pandas, which is not installed; run `pip install pandas`"
            ) from None
        return pandas.DataFrame([tuple(row) for row in self.rows], columns=self.columns)


def _row_type(columns: list[str]):
    return namedtuple("Row", columns, rename=True)


def _make_result(columns: list[str], values: Iterable[list[Any]], title: str, sparql: str) -> QueryResult:
    make_row = _row_type(columns)._make
    return QueryResult(columns, [make_row(row) for row in values], title, sparql)


# ---------------------------------------------------------------- running


def _default_store(store_path: str | Path | None):
    from natokg.store.layout import open_store

    return open_store(store_path, read_only=True)


def run_sparql(
    sparql: str,
    *,
    store=None,
    store_path: str | Path | None = None,
    endpoint: str | None = None,
    title: str = "",
    timeout: float = 120,
) -> QueryResult:
    """Run SPARQL text (checked by :func:`check_safe`) on a store or an endpoint."""
    form = check_safe(sparql)
    if endpoint:
        with _cyclic_gc_paused():
            return _run_on_endpoint(sparql, form, endpoint, title, timeout)
    owned = store is None
    if owned:
        store = _default_store(store_path)
    try:
        with _cyclic_gc_paused():
            return _run_embedded(store, sparql, form, title)
    finally:
        if owned:
            del store


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Python's cycle collector off while the rows are built. A large result allocates
    hundreds of thousands of lists and tuples, none in a cycle, and each allocation burst
    set off collections that walked them all again: the evidence query at 10,000 letters
    (41,357 rows) took 1.96 s with it and 1.72 s without."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_UNCONVERTED = object()


def _run_embedded(store, sparql: str, form: str, title: str) -> QueryResult:
    import pyoxigraph as ox

    try:
        answer = store.query(sparql)
        if isinstance(answer, ox.QueryBoolean):
            return _make_result(["result"], [[bool(answer)]], title, sparql)
        if isinstance(answer, ox.QueryTriples):
            rows = [[oxigraph_value(t.subject), oxigraph_value(t.predicate), oxigraph_value(t.object)] for t in answer]
            return _make_result(["subject", "predicate", "object"], rows, title, sparql)
        columns = [variable.value for variable in answer.variables]
        # each distinct term converted once: results repeat their meetings, actors and
        # letters row after row (2-3x faster on the large results); a solution iterates
        # over its values in column order, None where unbound, faster than indexing it
        values: dict = {None: None}
        known = values.get
        rows = []
        for solution in answer:
            row = []
            for term in solution:
                converted = known(term, _UNCONVERTED)
                if converted is _UNCONVERTED:
                    converted = values[term] = oxigraph_value(term)
                row.append(converted)
            rows.append(row)
    except SyntaxError as error:
        raise QueryError(f"SPARQL syntax error: {str(error).splitlines()[0]}") from None
    except OSError as error:
        raise QueryError(f"the query failed: {str(error).splitlines()[0]}") from None
    return _make_result(columns, rows, title, sparql)


def safe_url(url: str) -> str:
    """A URL without user:password@, for messages."""
    return re.sub(r"^([a-z][a-z0-9+.-]*://)[^/@]*@", r"\1", url, flags=re.I)


def endpoint_credentials() -> tuple[str, str] | None:
    """(user, password) from NATOKG_ENDPOINT_USER / NATOKG_ENDPOINT_PASSWORD, if set."""
    user = os.environ.get(ENDPOINT_USER_ENV)
    if not user:
        return None
    return user, os.environ.get(ENDPOINT_PASSWORD_ENV, "")


def _run_on_endpoint(sparql: str, form: str, endpoint: str, title: str, timeout: float) -> QueryResult:
    from urllib.error import HTTPError, URLError

    from SPARQLWrapper import JSON, N3, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(endpoint)
    client.setQuery(sparql)
    client.setMethod(POST)
    client.setTimeout(int(timeout))
    credentials = endpoint_credentials()
    if credentials:
        client.setCredentials(*credentials)
    graph_result = form in ("CONSTRUCT", "DESCRIBE")
    client.setReturnFormat(N3 if graph_result else JSON)
    where = safe_url(endpoint)
    try:
        answer = client.query().convert()
    except HTTPError as error:
        raise EndpointError(f"{where} answered HTTP {error.code} {error.reason}") from None
    except URLError as error:
        raise EndpointError(f"cannot reach {where}: {_reason(error)}; is the server running?") from None
    except SPARQLWrapperException as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise EndpointError(f"{where} refused the query: {first}") from None
    except (OSError, ValueError) as error:
        raise EndpointError(f"{where}: {error}") from None
    if graph_result:
        from rdflib import Graph

        graph = Graph()
        graph.parse(data=answer if isinstance(answer, (str, bytes)) else answer.serialize(), format="turtle")
        rows = [[rdflib_value(s), rdflib_value(p), rdflib_value(o)] for s, p, o in graph]
        return _make_result(["subject", "predicate", "object"], rows, title, sparql)
    if "boolean" in answer:
        return _make_result(["result"], [[bool(answer["boolean"])]], title, sparql)
    columns = list(answer.get("head", {}).get("vars", []))
    rows = [[json_binding_value(b.get(c)) for c in columns] for b in answer.get("results", {}).get("bindings", [])]
    return _make_result(columns, rows, title, sparql)


def _reason(error) -> str:
    reason = getattr(error, "reason", error)
    text = str(getattr(reason, "strerror", None) or reason)
    return text.lower() if "refused" in text.lower() else text


def run_query(
    name_or_file: str | Path | SavedQuery,
    params: dict[str, Any] | None = None,
    *,
    store=None,
    store_path: str | Path | None = None,
    endpoint: str | None = None,
    timeout: float = 120,
) -> QueryResult:
    """Run a saved query (name, .rq path or SavedQuery) with parameters.

    On ``store`` (a pyoxigraph Store), else on ``endpoint`` (a SPARQL 1.1 query URL),
    else on the embedded store at ``store_path`` (default: natokg.store.layout.default_store_path()).
    """
    saved = name_or_file if isinstance(name_or_file, SavedQuery) else load_query(name_or_file)
    sparql = render(saved, params)
    try:
        return run_sparql(
            sparql, store=store, store_path=store_path, endpoint=endpoint, title=saved.title, timeout=timeout
        )
    except QueryError as error:
        if error.path is None and saved.path is not None:
            raise type(error)(error.message, path=saved.path) from None
        raise


# ---------------------------------------------------------------- formats


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
    """csv / tsv / json / markdown as a string; "table" as a rich.table.Table.

    csv, tsv and json keep full IRIs (for programs); markdown and table show prefixed
    names (for people). Language-tagged values show their text everywhere.
    """
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


class _CallableModule(types.ModuleType):
    """``natokg.sparql.run`` is both this module and the function ``natokg.sparql.run(name, **params)``.

    Importing a submodule sets the package attribute of the same name to the module,
    replacing the function natokg/__init__.py defines; so the module itself is callable
    with the same signature.
    """

    def __call__(self, name: str | Path | SavedQuery, store=None, **params: Any) -> QueryResult:
        return run_query(name, params, store=store)


sys.modules[__name__].__class__ = _CallableModule

__all__ = [
    "FORMATS",
    "IRI",
    "LangString",
    "MissingDependencyError",
    "Parameter",
    "QueryResult",
    "SavedQuery",
    "check_safe",
    "format_result",
    "list_queries",
    "load_query",
    "prefixed",
    "render",
    "run_query",
    "run_sparql",
]
