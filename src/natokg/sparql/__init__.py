"""Saved SPARQL queries and running them, read-only, on the store or an endpoint.

The modules, lowest first (each imports only those before it):

- ``tokens``: the SPARQL strings, IRIs and comments that placeholders and checks skip
- ``values``: result terms of every engine as the same Python values
- ``parameters``: ``$name`` placeholders replaced by validated RDF terms
- ``saved``: the ``queries/*.rq`` files and their header comment
- ``safety``: refusing updates, SERVICE, and queries too large or too deep to parse
- ``engine``: running a checked query on a pyoxigraph store, rows as Python values
- ``worker``: the process that runs queries on the store folder and is killed at the
  deadline
- ``run``: running a query on the embedded store (in the worker, or on a Store object
  in this process) or, through natokg.remote.endpoint (which imports only the base
  layer), on a SPARQL 1.1 endpoint; every query has a deadline and a row cap
- ``labels``: the labels of a result's IRIs in one language
- ``explain``: why a saved query came back empty (a value no triple holds)

Formatting results as tables, csv, tsv, json or markdown belongs to natokg.cli.render_query.
"""

from natokg.sparql.parameters import PARAMETER_TYPES, Parameter, expand_iri, term_for
from natokg.sparql.explain import UnknownValue, unknown_values
from natokg.sparql.labels import labels_for, result_iris
from natokg.sparql.run import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, QueryResult, run_query, run_sparql
from natokg.sparql.safety import check_safe
from natokg.sparql.saved import Column, SavedQuery, list_queries, load_query, parse_header, render
from natokg.sparql.tokens import placeholders
from natokg.sparql.values import IRI, LangString, prefixed

__all__ = [
    "DEFAULT_MAX_ROWS",
    "DEFAULT_TIMEOUT",
    "IRI",
    "PARAMETER_TYPES",
    "Column",
    "LangString",
    "Parameter",
    "QueryResult",
    "SavedQuery",
    "UnknownValue",
    "check_safe",
    "expand_iri",
    "labels_for",
    "list_queries",
    "load_query",
    "parse_header",
    "placeholders",
    "prefixed",
    "render",
    "result_iris",
    "run_query",
    "run_sparql",
    "term_for",
    "unknown_values",
]
