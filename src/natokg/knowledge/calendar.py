"""Month, season and weekday names, from ontology/reference/calendar.ttl."""

from __future__ import annotations

from functools import cache

from rdflib.namespace import SKOS

from natokg.errors import ReferenceDataError
from natokg.knowledge.turtle import parse_turtle
from natokg.paths import reference_dir

_FILE = "calendar.ttl"


@cache
def _named_numbers(scheme: str) -> tuple[tuple[str, int, bool], ...]:
    """(Dutch name, number, is the full name) of the concepts in ``scheme``, full names
    first, in number order."""
    path = reference_dir() / _FILE
    graph = parse_turtle([path])
    rows: list[tuple[str, int, bool]] = []
    for concept in graph.subjects(SKOS.inScheme, None):
        if not str(graph.value(concept, SKOS.inScheme)).endswith(f"/{scheme}/scheme"):
            continue
        number = int(graph.value(concept, SKOS.notation))
        for predicate, full in ((SKOS.prefLabel, True), (SKOS.altLabel, False)):
            for label in graph.objects(concept, predicate):
                if getattr(label, "language", None) == "nl":
                    rows.append((str(label), number, full))
    if not rows:
        raise ReferenceDataError(f"no {scheme} names with a Dutch label; restore the file", path=path)
    return tuple(sorted(rows, key=lambda row: (not row[2], row[1], row[0])))


def month_names() -> dict[str, int]:
    """Dutch month name or abbreviation -> month number; full names first."""
    return {name: number for name, number, _ in _named_numbers("month")}


def full_month_names() -> list[str]:
    """The twelve full month names, January first."""
    return [name for name, _, full in _named_numbers("month") if full]


def season_names() -> dict[str, int]:
    """Dutch season name -> the number of its first month ("najaar" -> 9, "winter" -> 12)."""
    return {name: number for name, number, _ in _named_numbers("season")}


def weekday_names() -> dict[str, int]:
    """Dutch weekday name -> date.weekday() number (Monday 0)."""
    return {name: number for name, number, _ in _named_numbers("weekday")}


__all__ = ["full_month_names", "month_names", "weekday_names"]
