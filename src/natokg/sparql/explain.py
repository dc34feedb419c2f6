"""Why a saved query came back empty, when the reason is in its parameters: an IRI
given as a value that no triple of the data holds (a misspelt topic, an actor the
letters never name)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from natokg.namespaces import data_base
from natokg.sparql.labels import iri_batches
from natokg.sparql.parameters import expand_iri
from natokg.sparql.run import DEFAULT_TIMEOUT, run_sparql
from natokg.sparql.saved import SavedQuery
from natokg.sparql.values import prefixed

# the first path segment of a data IRI -> the saved query that lists such things
LISTINGS = {
    "topic": "topics",
    "state": "actors",
    "org": "actors",
    "group": "actors",
    "person": "actors",
    "letter": "letters",
    "meeting": "meetings-timeline",
    "kamerstuk": "kamerstukken",
}


GRAPH_OPTION = "--graph"


@dataclass(frozen=True)
class UnknownValue:
    """``iri``, given for ``parameter``, is in no triple of the data."""

    parameter: str
    iri: str

    @property
    def kind(self) -> str:
        """The IRI's kind as its first path segment says (``topic``), else ``resource``."""
        base = data_base()
        if self.iri.startswith(base):
            return self.iri[len(base):].split("/", 1)[0]
        return "resource"

    @property
    def listing(self) -> str | None:
        """The saved query that lists the values of this kind, if one does."""
        return LISTINGS.get(self.kind)

    @property
    def message(self) -> str:
        if self.parameter == GRAPH_OPTION:
            return f"no named graph {prefixed(self.iri)} in the store; leave out {GRAPH_OPTION} to query them all"
        see = f"`natokg query {self.listing}`" if self.listing else "`natokg query --list`"
        return f"no {self.kind} {prefixed(self.iri)} (parameter {self.parameter}); see {see}"


def unknown_values(
    saved: SavedQuery,
    params: dict[str, Any] | None,
    *,
    graph: str | None = None,
    store=None,
    store_path: str | Path | None = None,
    endpoint: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> list[UnknownValue]:
    """The IRIs given in ``params`` for ``saved``'s iri and iris parameters that no
    triple holds, in the order given (defaults are not checked: they are the query's),
    after ``graph`` when no named graph has that name."""
    where = {"store": store, "store_path": store_path, "endpoint": endpoint, "timeout": timeout}
    unknown = []
    if graph and not run_sparql(f"ASK {{ GRAPH <{expand_iri(graph, GRAPH_OPTION)}> {{ ?s ?p ?o }} }}", **where).rows[0][0]:
        unknown.append(UnknownValue(GRAPH_OPTION, expand_iri(graph, GRAPH_OPTION)))
    given = _given_iris(saved, params)
    held = _held_iris(list(dict.fromkeys(iri for _name, iri in given)), where)
    return unknown + [UnknownValue(name, iri) for name, iri in given if iri not in held]


def _given_iris(saved: SavedQuery, params: dict[str, Any] | None) -> list[tuple[str, str]]:
    """(parameter name, IRI) of every IRI given for an iri or iris parameter, in order."""
    given = []
    for name, value in (params or {}).items():
        parameter = saved.parameter(name.replace("-", "_"))
        if parameter.type not in ("iri", "iris"):
            continue
        for item in re.split(r"[\s,]+", str(value).strip()) if parameter.type == "iris" else [str(value)]:
            if item:
                given.append((parameter.name, expand_iri(item, parameter.name)))
    return given


def _held_iris(iris: list[str], where: dict) -> set[str]:
    """Those of ``iris`` that some triple of some named graph holds, a batch per query;
    FILTER EXISTS stops at the first such triple of each."""
    held: set[str] = set()
    for batch in iri_batches(iris):
        terms = " ".join(f"<{iri}>" for iri in batch)
        query = (
            f"SELECT ?iri WHERE {{ VALUES ?iri {{ {terms} }} "
            "FILTER EXISTS { GRAPH ?g { { ?iri ?p ?o } UNION { ?s ?p ?iri } } } }"
        )
        held.update(str(row[0]) for row in run_sparql(query, max_rows=None, **where).rows)
    return held


__all__ = ["GRAPH_OPTION", "LISTINGS", "UnknownValue", "unknown_values"]
