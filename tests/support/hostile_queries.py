"""Generators of hostile SPARQL (tests/support/hostile.py lists them): queries that try
to make the engine connect to ``url`` past natokg's safety check, and queries that are
too large or too deep for a parser. Built at test time, never stored as files."""

from __future__ import annotations


def service_variants(url: str) -> list[tuple[str, str]]:
    """(name, query) pairs, each of which some SPARQL parser reads as a SERVICE call to
    ``url`` (or a LOAD or update that fetches it)."""
    host, _, path = url.partition("://")[2].partition("/")
    base = f"http://{host}/"
    u = lambda text: "".join(f"\\u{ord(c):04X}" for c in text)  # noqa: E731
    big_u = lambda text: "".join(f"\\U{ord(c):08X}" for c in text)  # noqa: E731
    body = "{ ?s ?p ?o }"
    return [
        ("plain", f"SELECT * {{ SERVICE <{url}> {body} }}"),
        ("silent", f"SELECT * {{ SERVICE SILENT <{url}> {body} }}"),
        ("lower-case", f"select * {{ service <{url}> {body} }}"),
        ("mixed-case", f"SeLeCt * {{ SeRvIcE <{url}> {body} }}"),
        ("u-escaped-quote-literals", f'SELECT * {{ BIND("\\u0022" AS ?x) SERVICE <{url}> {body} BIND("\\u0022" AS ?y) }}'),
        ("u-escaped-apostrophe-literals", f"SELECT * {{ BIND('\\u0027' AS ?x) SERVICE <{url}> {body} BIND('\\u0027' AS ?y) }}"),
        ("big-u-escaped-quote-literals", f'SELECT * {{ BIND("\\U00000022" AS ?x) SERVICE <{url}> {body} BIND("\\U00000022" AS ?y) }}'),
        ("escaped-quote-in-long-string", f'SELECT * {{ BIND("""a\\u0022""" AS ?x) SERVICE <{url}> {body} BIND("""\\u0022b""" AS ?y) }}'),
        ("cr-ends-comment", f"SELECT * {{ # a comment\r SERVICE <{url}> {body} }}"),
        ("cr-ends-comment-lower", f"select * {{ # c\rservice <{url}> {body} }}"),
        ("cr-comment-then-long-string", f'SELECT * {{ # c\r"""\n}} SELECT * {{ SERVICE <{url}> {body} }} # """\n'),
        ("escaped-newline-in-comment", f"SELECT * {{ # c \\u000A SERVICE <{url}> {body} }}"),
        ("escaped-keyword", f"SELECT * {{ SERVI\\u0043E <{url}> {body} }}"),
        ("fully-escaped-keyword", f"SELECT * {{ {u('SERVICE')} <{url}> {body} }}"),
        ("big-u-escaped-keyword", f"SELECT * {{ {big_u('SERVICE')} <{url}> {body} }}"),
        ("escaped-iri", f"SELECT * {{ SERVICE <{base}{u(path)}> {body} }}"),
        ("big-u-escaped-iri-scheme", f"SELECT * {{ SERVICE <\\U00000068ttp://{host}/{path}> {body} }}"),
        ("nested-subquery", f"SELECT * {{ {{ SELECT * {{ {{ SELECT * {{ SERVICE <{url}> {body} }} }} }} }} }}"),
        ("exists", f"SELECT * {{ BIND(1 AS ?a) FILTER EXISTS {{ SERVICE <{url}> {body} }} }}"),
        ("not-exists", f"SELECT * {{ BIND(1 AS ?a) FILTER NOT EXISTS {{ SERVICE <{url}> {body} }} }}"),
        ("optional", f"SELECT * {{ BIND(1 AS ?a) OPTIONAL {{ SERVICE <{url}> {body} }} }}"),
        ("union", f"SELECT * {{ {{ BIND(1 AS ?a) }} UNION {{ SERVICE <{url}> {body} }} }}"),
        ("minus", f"SELECT * {{ BIND(1 AS ?a) MINUS {{ SERVICE <{url}> {body} }} }}"),
        ("graph", f"SELECT * {{ GRAPH ?g {{ ?s ?p ?o }} SERVICE <{url}> {body} }}"),
        ("prefixed-endpoint", f"PREFIX e: <{base}> SELECT * {{ SERVICE e:{path} {body} }}"),
        ("base-relative-endpoint", f"BASE <{base}> SELECT * {{ SERVICE <{path}> {body} }}"),
        ("variable-endpoint", f"SELECT * {{ VALUES ?e {{ <{url}> }} SERVICE ?e {body} }}"),
        ("tabs-and-newlines", f"SELECT\t*\n{{\n\tSERVICE\n\t<{url}>\n{body}\n}}"),
        ("no-whitespace", f"SELECT*{{?s ?p ?o .SERVICE<{url}>{body}}}"),
        ("after-group", f"SELECT*{{{{}}SERVICE<{url}>{body}}}"),
        ("dotless-i", f"SELECT * {{ SERV\u0131CE <{url}> {body} }}"),
        ("long-s", f"SELECT * {{ \u017fERVICE <{url}> {body} }}"),
        ("less-than-as-iri", f"SELECT * {{ BIND(1 AS ?b) FILTER(0<?b)SERVICE<{url}>#>\n{body} }}"),
        ("construct", f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {body} }}"),
        ("ask", f"ASK {{ SERVICE <{url}> {body} }}"),
        ("ask-escaped-quote", f'ASK {{ BIND("\\u0022" AS ?x) SERVICE <{url}> {body} BIND("\\u0022" AS ?y) }}'),
        ("describe", f"DESCRIBE ?s WHERE {{ SERVICE <{url}> {body} }}"),
        ("load", f"LOAD <{url}>"),
        ("load-escaped", f"L\\u004FAD <{url}>"),
        ("load-silent-into", f"LOAD SILENT <{url}> INTO GRAPH <urn:g>"),
        ("insert-where-service", f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {body} }}"),
        ("update-after-query", f"SELECT * {{ }} ; LOAD <{url}>"),
    ]


def nested_parentheses(depth: int) -> str:
    """A small query with ``depth`` nested parentheses (5,000 crashed pyoxigraph's parser)."""
    return "SELECT * WHERE { FILTER(" + "(" * depth + "1" + ")" * depth + ") }"


def oversized(size: int) -> str:
    """A syntactically plain query of about ``size`` bytes (a long VALUES block)."""
    rows = " ".join(f"<urn:x:{i}>" for i in range(size // 11 + 1))
    return f"SELECT ?x WHERE {{ VALUES ?x {{ {rows} }} }}"
