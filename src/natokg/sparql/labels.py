"""The labels of the IRIs in a result, in one language, for tables people read.

Labels are looked up with a query (so they come from the embedded store and from an
endpoint alike), inside ``GRAPH ?g`` because every triple of a build is in a named
graph. The best label of an IRI: by property (skos:prefLabel, rdfs:label, foaf:name,
dcterms:title, in that order), then by language (the one asked for, then none, then
English, then Dutch, then any other), then the least text, so that it is the same on
every run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from natokg.namespaces import PREFIXES
from natokg.sparql.run import DEFAULT_TIMEOUT, run_sparql
from natokg.sparql.values import IRI

LABEL_PROPERTIES = tuple(
    PREFIXES[prefix] + local
    for prefix, local in (("skos", "prefLabel"), ("rdfs", "label"), ("foaf", "name"), ("dcterms", "title"))
)
LANGUAGES = ("en", "nl")
# IRIs per look-up: keeps each query far below the query size limit (natokg.sparql.safety)
_BATCH = 500


def result_iris(rows: Iterable[Iterable]) -> list[str]:
    """The distinct IRIs among the values of ``rows``, in order of appearance."""
    return list(dict.fromkeys(value for row in rows for value in row if isinstance(value, IRI)))


def labels_for(
    iris: Iterable[str],
    lang: str = "en",
    *,
    store=None,
    store_path: str | Path | None = None,
    endpoint: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> dict[str, str]:
    """IRI -> its best label (module doc); IRIs without one are left out."""
    wanted = list(dict.fromkeys(iris))
    best: dict[str, tuple] = {}
    for start in range(0, len(wanted), _BATCH):
        batch = wanted[start:start + _BATCH]
        result = run_sparql(
            _label_query(batch), store=store, store_path=store_path, endpoint=endpoint, timeout=timeout, max_rows=None
        )
        for iri, prop, label in result.rows:
            rank = (LABEL_PROPERTIES.index(str(prop)), _language_rank(getattr(label, "lang", None), lang), str(label))
            if iri not in best or rank < best[iri]:
                best[iri] = rank
    return {iri: rank[2] for iri, rank in best.items()}


def _language_rank(language: str | None, wanted: str) -> int:
    if language == wanted:
        return 0
    if not language:
        return 1
    return 2 + LANGUAGES.index(language) if language in LANGUAGES else 2 + len(LANGUAGES)


def _label_query(iris: list[str]) -> str:
    # the IRIs come from result rows of this store or endpoint; any character an IRI
    # term may not hold drops the IRI rather than reaching the query text
    terms = " ".join(f"<{iri}>" for iri in iris if _plain_iri(iri))
    properties = " ".join(f"<{iri}>" for iri in LABEL_PROPERTIES)
    return (
        "SELECT ?iri ?property ?label WHERE {\n"
        f"  VALUES ?iri {{ {terms} }}\n  VALUES ?property {{ {properties} }}\n"
        "  GRAPH ?g { ?iri ?property ?label }\n  FILTER(isLiteral(?label))\n}"
    )


def _plain_iri(iri: str) -> bool:
    return bool(iri) and not any(c in iri for c in '<>"{}|^`\\ \t\r\n')


__all__ = ["LABEL_PROPERTIES", "labels_for", "result_iris"]
