"""The charts: each is a SPARQL query on the store and a pure renderer from its rows to SVG.

A chart's data come from a saved query (queries/*.rq) where researchers can run the same
rows themselves, or from a query beside this module (serve/chart_queries/) where only
the chart needs them; every query runs through natokg.sparql (the deadline, the row cap,
the safety checks). Labels, not IRIs, name every mark: they are looked up in the store
by natokg.sparql.labels' rule. The renderers are in natokg.serve.chart_svg.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable

from natokg.namespaces import NKG
from natokg.serve.chart_svg import (
    HeatCell,
    Linker,
    MoneyCommitment,
    RecurringPosition,
    SpendingTarget,
    SpendingData,
    TimelineMeeting,
    heatmap_svg,
    recurring_svg,
    spending_svg,
    timeline_svg,
)
from natokg.sparql import QueryResult, run_query
from natokg.sparql.labels import label_candidates, label_rows
from natokg.sparql.saved import load_query

CHART_QUERIES = Path(__file__).resolve().parent / "chart_queries"

# (name or .rq path, parameters) -> rows; natokg.serve binds it to the served store
QueryRunner = Callable[[Any, "dict[str, Any] | None"], QueryResult]


def store_runner(store_path: Path | None = None, *, store=None, timeout: float | None = 30.0,
                 max_rows: int | None = 100_000) -> QueryRunner:
    """A runner on the embedded store at ``store_path`` (or on a pyoxigraph ``store`` object)."""

    def run(query: Any, params: dict[str, Any] | None = None) -> QueryResult:
        return run_query(query, params, store=store, store_path=store_path, timeout=timeout, max_rows=max_rows)

    return run


class SharedResults:
    """A QueryRunner that runs each distinct query once and hands every later caller the
    same result: the charts of one served build share their rows (the heatmap names its
    columns by the cities of the timeline's meetings, and both label the same meetings).
    A caller asking for a query that another thread is running waits for its result."""

    def __init__(self, run: QueryRunner) -> None:
        self._run = run
        self._lock = threading.Lock()
        self._results: dict[tuple, QueryResult] = {}
        self._running: dict[tuple, threading.Lock] = {}

    def __call__(self, query: Any, params: dict[str, Any] | None = None) -> QueryResult:
        key = (getattr(query, "text", query), tuple(sorted((params or {}).items())))
        with self._lock:
            running = self._running.setdefault(key, threading.Lock())
        with running:
            if key not in self._results:
                self._results[key] = self._run(query, params)
            return self._results[key]


def _chart_query(name: str):
    return load_query(CHART_QUERIES / f"{name}.rq")


def fallback_label(iri: str) -> str:
    """A readable name for a thing without a label: the last part of its IRI, spaced."""
    tail = re.split(r"[/#]", iri.rstrip("/"))[-1]
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", tail).replace("-", " ")
    return spaced[:1].upper() + spaced[1:] if spaced else iri


def labels(run: QueryRunner, things: Iterable[str]) -> dict[str, str]:
    """A label for every IRI in ``things`` (its store label, else :func:`fallback_label`)."""
    wanted = sorted({str(thing) for thing in things if thing})
    found = label_rows(label_candidates(wanted, lambda query: run(query, None).rows))
    return {iri: found.get(iri) or fallback_label(iri) for iri in wanted}


def _kind_iri(local_name: str) -> str:
    return str(NKG[local_name])


def timeline_data(run: QueryRunner) -> list[TimelineMeeting]:
    """Every meeting (sessions left out) with a start date, its kind, city and letters."""
    letters: dict[str, set[str]] = defaultdict(set)
    first: dict[str, Any] = {}
    for row in run("meetings-timeline", None):
        if not isinstance(row.start, date):
            continue
        first.setdefault(str(row.meeting), row)
        letters[str(row.meeting)].add(str(row.letter))
    names = labels(run, [*first, *(_kind_iri(r.kind) for r in first.values()), *(r.city for r in first.values() if r.city)])
    return [
        TimelineMeeting(
            meeting=meeting, label=names[meeting], kind=names[_kind_iri(row.kind)], kind_iri=_kind_iri(row.kind),
            city=names[str(row.city)] if row.city else "", start=row.start,
            end=row.end if isinstance(row.end, date) else None, letters=len(letters[meeting]),
        )
        for meeting, row in first.items()
    ]


def heatmap_data(run: QueryRunner) -> list[HeatCell]:
    """Positions per topic per summit, foreign and defence ministers meeting. Its columns
    are named from the timeline's rows: with SharedResults, the timeline chart's own."""
    rows = [row for row in run("topic-meeting-matrix", None)]
    names = labels(run, [*(r.topic for r in rows), *(r.meeting for r in rows)])
    # a column is named by its city, from the timeline's rows (a meeting label is long)
    places = {m.meeting: m.city or m.kind for m in timeline_data(run)}
    return [
        HeatCell(
            topic=str(r.topic), topic_label=names[str(r.topic)], meeting=str(r.meeting),
            meeting_label=names[str(r.meeting)], meeting_place=places.get(str(r.meeting), names[str(r.meeting)]),
            start=r.start if isinstance(r.start, date) else None,
            positions=int(r.positions), statements=int(r.statements),
        )
        for r in rows
    ]


def spending_data(run: QueryRunner) -> SpendingData:
    """Percentage-of-GDP targets by the date first mentioned, money commitments by meeting date."""
    targets = [row for row in run("spending-targets", None) if isinstance(row.first_date, date)]
    money = list(run(_chart_query("commitment-amounts"), None))
    names = labels(run, [
        *(r.actor for r in targets), *(r.made_at for r in targets if r.made_at),
        *(r.actor for r in money), *(r.kind for r in money), *(r.made_at for r in money if r.made_at),
        *(r.unit for r in money if not r.unit_code),
    ])
    return SpendingData(
        targets=[
            SpendingTarget(
                commitment=str(r.commitment), actor=names[str(r.actor)], date=r.agreed_on or r.first_date,
                percent=float(r.amount), target_year=str(r.target_year or ""),
                meeting=names[str(r.made_at)] if r.made_at else "", letters=int(r.letters),
            )
            for r in targets
        ],
        money=[
            MoneyCommitment(
                commitment=str(r.commitment), actor=names[str(r.actor)], kind=names[str(r.kind)],
                date=r.date, amount=float(r.amount), unit=str(r.unit_code or names[str(r.unit)]),
                target_year=str(r.target_year or ""), meeting=names[str(r.made_at)] if r.made_at else "",
            )
            for r in money if isinstance(r.date, date)
        ],
    )


def recurring_data(run: QueryRunner) -> list[RecurringPosition]:
    """Positions (actor, stance, topic) held at two or more meetings."""
    rows = list(run("recurring-positions", None))
    names = labels(run, [iri for r in rows for iri in (r.actor, r.stance, r.topic)])
    return [
        RecurringPosition(
            actor=str(r.actor), actor_label=names[str(r.actor)], stance=names[str(r.stance)],
            topic=names[str(r.topic)], meetings=int(r.meetings),
            first=r.first_date if isinstance(r.first_date, date) else None,
            last=r.last_date if isinstance(r.last_date, date) else None,
        )
        for r in rows
    ]


@dataclass(frozen=True)
class Chart:
    """One chart: where its rows come from (``load``) and how they are drawn (``render``)."""

    name: str
    title: str
    description: str
    queries: tuple[str, ...]
    load: Callable[[QueryRunner], Any]
    render: Callable[..., str]


CHARTS: dict[str, Chart] = {
    chart.name: chart
    for chart in (
        Chart(
            "meetings-timeline", "Meetings over time",
            "Every meeting the letters are about or mention, by date, one row per kind of meeting; "
            "summits are named by their city. Larger marks: more letters.",
            ("meetings-timeline",), timeline_data, timeline_svg,
        ),
        Chart(
            "topic-heatmap", "Topics x meetings",
            "How many positions the letters record on each topic at each summit, foreign and "
            "defence ministers meeting; darker cells: more positions.",
            ("topic-meeting-matrix", "meetings-timeline"), heatmap_data, heatmap_svg,
        ),
        Chart(
            "spending", "Spending targets and commitments over time",
            "Above: percentage-of-GDP spending targets, placed at the meeting that agreed them "
            "(else the first letter naming them). Below: money commitments (EUR, USD) on a "
            "logarithmic scale, at the meeting they were made at.",
            ("spending-targets", "chart_queries/commitment-amounts"), spending_data, spending_svg,
        ),
        Chart(
            "recurring-positions", "Recurring positions per actor",
            "Positions (actor, stance, topic) held at two or more summits, foreign or defence "
            "ministers meetings; bar length: number of meetings, colour: stance.",
            ("recurring-positions",), recurring_data, recurring_svg,
        ),
    )
}


def render_chart(name: str, run: QueryRunner, link: Linker | None = None) -> str:
    """The SVG of chart ``name`` over the store ``run`` queries (KeyError: no such chart)."""
    chart = CHARTS[name]
    return chart.render(chart.load(run), link)


__all__ = ["CHARTS", "Chart", "QueryRunner", "SharedResults", "fallback_label", "labels", "render_chart", "store_runner"]
