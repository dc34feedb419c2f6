"""Every format name a place accepts resolves to the media type it always meant there,
and an unknown name is refused with the list of the names that place accepts.

The places: `natokg query --format`, `natokg describe --format`, `natokg export` and
`natokg map --format`, and the server's ``format=`` on /sparql (solutions and graphs).
None: a name for people (a table, markdown) that is accepted but names no RDF or
SPARQL result media type of its own.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from natokg.cli import app
from natokg.errors import BadInputError
from natokg.rdf.formats import format_named
from natokg.serve.negotiation import FOR_GRAPHS, FOR_SOLUTIONS
from natokg.serve.protocol import ProtocolError, media_types_for

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
TURTLE, NT, JSONLD = "text/turtle", "application/n-triples", "application/ld+json"

QUERY_NAMES = {
    "table": None, "csv": None, "tsv": None, "json": None, "markdown": None,
    "sparql-json": SPARQL_JSON, "sparql-xml": SPARQL_XML, "turtle": TURTLE, "json-ld": JSONLD, "ntriples": NT,
}
DESCRIBE_NAMES = {"table": None, "turtle": TURTLE, "nt": NT, "jsonld": JSONLD}
EXPORT_NAMES = {
    "turtle": TURTLE, "nt": NT, "nquads": "application/n-quads", "trig": "application/trig", "jsonld": JSONLD,
}
SERVED_SOLUTION_NAMES = {
    "json": SPARQL_JSON, "xml": SPARQL_XML, "csv": "text/csv", "tsv": "text/tab-separated-values",
    "srj": SPARQL_JSON, "srx": SPARQL_XML, " JSON ": SPARQL_JSON, "CSV": "text/csv",
    SPARQL_JSON: SPARQL_JSON, SPARQL_XML: SPARQL_XML, "text/csv": "text/csv",
    "text/tab-separated-values": "text/tab-separated-values",
    "application/json": SPARQL_JSON, "application/xml": SPARQL_XML, "text/xml": SPARQL_XML,
}
SERVED_GRAPH_NAMES = {
    "turtle": TURTLE, "ttl": TURTLE, "nt": NT, "ntriples": NT, "n-triples": NT, "jsonld": JSONLD, "json-ld": JSONLD,
    "Turtle": TURTLE, TURTLE: TURTLE, NT: NT, JSONLD: JSONLD,
    "application/x-turtle": TURTLE, "text/plain": NT, "application/json-ld": JSONLD,
}


def _query_media(name: str) -> str | None:
    from natokg.cli.render_query import query_format

    return query_format(name).media_type


def _describe_media(name: str) -> str | None:
    from natokg.cli.describe_command import DESCRIBE_FORMATS

    return format_named(name, DESCRIBE_FORMATS).media_type


def _export_media(name: str) -> str | None:
    from natokg.rdf.formats import SERIALISATION_FORMATS

    return format_named(name, SERIALISATION_FORMATS).media_type


def _served_media(offered: tuple[str, ...]):
    def media(name: str) -> str | None:
        return format_named(name, offered).media_type

    return media


PLACES = [
    ("query", QUERY_NAMES, _query_media),
    ("describe", DESCRIBE_NAMES, _describe_media),
    ("export", EXPORT_NAMES, _export_media),
    ("served solutions", SERVED_SOLUTION_NAMES, _served_media(FOR_SOLUTIONS)),
    ("served graphs", SERVED_GRAPH_NAMES, _served_media(FOR_GRAPHS)),
]


@pytest.mark.parametrize(
    ("name", "media_type", "resolve"),
    [(name, media, resolve) for _, names, resolve in PLACES for name, media in names.items()],
)
def test_every_name_a_place_accepted_resolves_to_the_same_media_type(name, media_type, resolve):
    resolved = resolve(name)
    if media_type is not None:
        assert resolved == media_type


def _listed_names(message: str) -> list[str]:
    listed = message.split("one of ", 1)[1].strip().splitlines()[0]
    return [name.strip() for name in listed.rstrip(".").split(",")]


def _cli_error(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 2
    return result.stderr


def _query_error() -> str:
    from natokg.cli.render_query import format_result
    from natokg.sparql import QueryResult

    with pytest.raises(BadInputError) as error:
        format_result(QueryResult(["x"], []), "yaml")
    return str(error.value)


def _served_error() -> str:
    with pytest.raises(ProtocolError) as error:
        media_types_for({"format": ["yaml"]}, None)
    return str(error.value)


def _served_either(name: str) -> str | None:
    for offered in (FOR_SOLUTIONS, FOR_GRAPHS):
        try:
            return _served_media(offered)(name)
        except BadInputError:
            pass
    raise BadInputError(f"{name!r} is not accepted here")


ERRORS = [
    ("query", QUERY_NAMES, _query_media, _query_error),
    ("describe", DESCRIBE_NAMES, _describe_media, lambda: _cli_error("describe", "id:state/nl", "--format", "yaml")),
    ("export", EXPORT_NAMES, _export_media, lambda: _cli_error("export", "--format", "yaml")),
    ("map", EXPORT_NAMES, _export_media, lambda: _cli_error("map", "x.txt", "--format", "yaml")),
    ("served", {**SERVED_SOLUTION_NAMES, **SERVED_GRAPH_NAMES}, _served_either, _served_error),
]


@pytest.mark.parametrize(("place", "names", "resolve", "error"), ERRORS, ids=[place for place, *_ in ERRORS])
def test_an_unknown_name_is_refused_with_the_names_the_place_accepts(place, names, resolve, error):
    message = error()
    assert "unknown format 'yaml'; use one of" in message
    listed = _listed_names(message)
    # every listed name is accepted there, and every format of the place is listed
    assert {resolve(name) for name in listed} == {resolve(name) for name in names}
    assert len(listed) == len(set(listed))


def test_json_is_the_rows_in_the_cli_and_the_sparql_results_on_the_server():
    assert _query_media("json") == "application/json"
    assert _query_media("sparql-json") == SPARQL_JSON
    assert _served_media(FOR_SOLUTIONS)("json") == SPARQL_JSON


def test_an_alias_names_its_format_in_every_place_that_offers_it():
    assert _export_media("ttl") == TURTLE
    assert _describe_media("json-ld") == JSONLD
    assert _query_media("jsonld") == JSONLD
    assert _query_media("nt") == NT
