"""Saved queries: the ``queries/NAME.rq`` files, their header comment, the list of them.

A saved query starts with a header comment::

    # title: A topic's history
    # description: Every position on one topic over time, with actor, stance
    #   and quote.                          (indented lines continue a field)
    # param: topic (iri) = id:topic/defence-spending -- the topic
    # column: date -- the date of the meeting the position belongs to

A parameter NAME is set in the query body by ``VALUES ?NAME { DEFAULT }`` blocks (one
or more), whose values are the header's default written as SPARQL (``UNDEF`` for an
empty default: no constraint). The file is then a standard SPARQL 1.1 query that any
engine runs as it is; :func:`render` replaces the values of every such block with the
validated term(s) of the value given (natokg.sparql.parameters). A ``$NAME``
placeholder is replaced the same way, for queries that need the value inside an
expression, but such a file only runs through natokg.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from natokg.errors import QueryError
from natokg.namespaces import rebased
from natokg.sparql.parameters import PARAMETER_TYPES, Parameter, term_for
from natokg.sparql.tokens import TOKENS, placeholders, values_blocks


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
    unused = declared - used - {block.variable for block in values_blocks(text)}
    if unused:
        name = sorted(unused)[0]
        raise QueryError(
            f"declares parameter {name} but no VALUES ?{name} {{ ... }} block sets it; "
            f"add one holding the default",
            path=path,
        )
    return SavedQuery(
        name=name,
        title=title or name,
        description=description,
        parameters=tuple(parameters),
        columns=tuple(columns),
        path=path,
        text=text,
    )


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


def render(saved: SavedQuery, params: dict[str, Any] | None = None) -> str:
    """The query text with every parameter's ``VALUES ?name { ... }`` blocks (and
    ``$name`` placeholders) holding the validated term(s) of its value or default.

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

    return _substituted(saved.text, terms)


def _substituted(text: str, terms: dict[str, str]) -> str:
    """``text`` with parameter blocks and placeholders holding ``terms`` and every IRI
    rebased: queries are written against the default data namespace; NATOKG_BASE moves it."""
    blocks = {block.start: block for block in values_blocks(text) if block.variable in terms}
    pieces, position = [], 0
    for match in TOKENS.finditer(text):
        if match.start() < position:
            continue  # inside a block whose values were replaced
        pieces.append(text[position:match.start()])
        position = match.end()
        block = blocks.get(match.end()) if match.group("values") else None
        if block is not None:
            pieces.append(f"{match.group(0)} {terms[block.variable]} ")
            position = block.end
        elif match.group("placeholder"):
            pieces.append(terms[match.group("name")])
        elif match.group("iri"):
            pieces.append("<" + rebased(match.group(0)[1:-1]) + ">")
        else:
            pieces.append(match.group(0))
    pieces.append(text[position:])
    return "".join(pieces)


__all__ = ["Column", "SavedQuery", "list_queries", "load_query", "parse_header", "render"]
