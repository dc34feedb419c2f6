"""The labels of the IRIs in a result, in one language, for tables and pages people read.

This module holds the one rule every part of natokg labels a thing by (the CLI's
tables, the server's pages and charts). The best label of an IRI: by property
(skos:prefLabel, rdfs:label, foaf:name, dcterms:title, dcterms:identifier, in that
order), then by language (the one asked for, then none, then English, then Dutch, then
any other), then the least text, so that it is the same on every run.

Labels are looked up with a query (so they come from the embedded store and from an
endpoint alike), inside ``GRAPH ?g`` because every triple of a build is in a named
graph; a caller that reads a store directly ranks what it finds with :func:`best_labels`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from natokg.namespaces import PREFIXES
from natokg.sparql.run import DEFAULT_TIMEOUT, run_sparql
from natokg.sparql.saved import SavedQuery, parse_header
from natokg.sparql.values import IRI

LABEL_PROPERTIES = tuple(
    PREFIXES[prefix] + local
    for prefix, local in (
        ("skos", "prefLabel"), ("rdfs", "label"), ("foaf", "name"), ("dcterms", "title"), ("dcterms", "identifier"),
    )
)
LANGUAGES = ("en", "nl")
DEFAULT_LANGUAGE = "en"
# IRIs per query that names them (VALUES): keeps it far below the query size limit
# (natokg.sparql.safety)
IRIS_PER_QUERY = 400


def iri_batches(iris: list[str]) -> list[list[str]]:
    """``iris`` in slices of IRIS_PER_QUERY, one per query."""
    return [iris[start:start + IRIS_PER_QUERY] for start in range(0, len(iris), IRIS_PER_QUERY)]


def result_iris(rows: Iterable[Iterable]) -> list[str]:
    """The distinct IRIs among the values of ``rows``, in order of appearance."""
    return list(dict.fromkeys(value for row in rows for value in row if isinstance(value, IRI)))


def _label_rank(prop: str, language: str | None, text: str, lang: str = DEFAULT_LANGUAGE) -> tuple:
    """How good ``text`` (in ``language``, a value of ``prop``) is as a label in ``lang``:
    the lowest rank is the best label (module doc)."""
    return LABEL_PROPERTIES.index(prop), _language_rank(language or None, lang), text


def best_labels(candidates: Iterable[tuple[str, str, str | None, str]], lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """IRI -> its best label among ``candidates`` (iri, property, language, text);
    candidates on other properties than LABEL_PROPERTIES are ignored."""
    best: dict[str, tuple] = {}
    for iri, prop, language, text in candidates:
        if prop not in LABEL_PROPERTIES:
            continue
        rank = _label_rank(prop, language, text, lang)
        if iri not in best or rank < best[iri]:
            best[iri] = rank
    return {iri: rank[2] for iri, rank in best.items()}


def label_rows(rows: Iterable[Iterable], lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """IRI -> its best label from the rows (iri, property, label) of :func:`label_query`."""
    return best_labels(
        ((str(iri), str(prop), getattr(label, "lang", None), str(label)) for iri, prop, label in rows), lang
    )


def labels_for(
    iris: Iterable[str],
    lang: str = DEFAULT_LANGUAGE,
    *,
    store=None,
    store_path: str | Path | None = None,
    endpoint: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> dict[str, str]:
    """IRI -> its best label (module doc); IRIs without one are left out."""
    def run(query: SavedQuery) -> list:
        return run_sparql(
            query.text, store=store, store_path=store_path, endpoint=endpoint, timeout=timeout, max_rows=None
        ).rows

    return label_rows(label_candidates(iris, run), lang)


def label_candidates(iris: Iterable[str], run: Callable[[SavedQuery], Iterable]) -> list:
    """The rows (iri, property, label) of every label candidate of ``iris``, asked
    IRIS_PER_QUERY IRIs at a time with ``run`` (a query -> its rows)."""
    rows: list = []
    for batch in iri_batches(list(dict.fromkeys(iris))):
        rows += run(label_query(batch))
    return rows


def _language_rank(language: str | None, wanted: str) -> int:
    if language == wanted:
        return 0
    if not language:
        return 1
    return 2 + LANGUAGES.index(language) if language in LANGUAGES else 2 + len(LANGUAGES)


def label_query(iris: list[str]) -> SavedQuery:
    """The query whose rows (iri, property, label) are every label candidate of ``iris``
    (at most IRIS_PER_QUERY of them); :func:`label_rows` picks the best."""
    # the IRIs come from result rows of this store or endpoint; any character an IRI
    # term may not hold drops the IRI rather than reaching the query text
    terms = " ".join(f"<{iri}>" for iri in iris if _plain_iri(iri))
    properties = " ".join(f"<{iri}>" for iri in LABEL_PROPERTIES)
    text = (
        "# title: Labels\n"
        "SELECT ?iri ?property ?label WHERE {\n"
        f"  VALUES ?iri {{ {terms} }}\n  VALUES ?property {{ {properties} }}\n"
        "  GRAPH ?g { ?iri ?property ?label }\n  FILTER(isLiteral(?label))\n}"
    )
    return parse_header(text, "labels")


def _plain_iri(iri: str) -> bool:
    return bool(iri) and not any(c in iri for c in '<>"{}|^`\\ \t\r\n')


__all__ = [
    "DEFAULT_LANGUAGE", "IRIS_PER_QUERY", "LABEL_PROPERTIES", "best_labels", "label_candidates", "iri_batches", "label_query", "label_rows",
    "labels_for", "result_iris",
]
