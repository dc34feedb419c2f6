"""Pure renderers of the charts: typed rows in, one escaped SVG string out.

Nothing here reads the store: natokg.serve.charts turns query rows into the records
below. Each mark carries a ``<title>`` tooltip saying what it stands for, and links to
the thing's page when the caller passes a ``link`` function (IRI -> URL, or None).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from natokg.namespaces import NKG
from natokg.serve.svg import (
    LinearScale,
    circle,
    colour,
    date_number,
    document,
    legend,
    line,
    mark,
    nice_ticks,
    number_label,
    rect,
    text,
    year_ticks,
)

Linker = Callable[[str], "str | None"]

# the kinds whose marks carry their city's name on the timeline: few enough not to overlap
CITY_NAMED_KINDS = frozenset({str(NKG.Summit)})

WIDTH = 960
LEFT = 200  # room for row labels
RIGHT = 30
BARS_PER_ACTOR = 8  # recurring positions drawn per actor; the rest are counted in the description
MAX_ACTORS = 12


@dataclass(frozen=True)
class TimelineMeeting:
    meeting: str
    label: str
    kind: str
    kind_iri: str
    city: str
    start: date
    end: date | None
    letters: int


@dataclass(frozen=True)
class HeatCell:
    topic: str
    topic_label: str
    meeting: str
    meeting_label: str
    meeting_place: str
    start: date | None
    positions: int
    statements: int


@dataclass(frozen=True)
class SpendingTarget:
    commitment: str
    actor: str
    date: date
    percent: float
    target_year: str
    meeting: str
    letters: int


@dataclass(frozen=True)
class MoneyCommitment:
    commitment: str
    actor: str
    kind: str
    date: date
    amount: float
    unit: str
    target_year: str
    meeting: str


@dataclass(frozen=True)
class SpendingData:
    targets: list[SpendingTarget] = field(default_factory=list)
    money: list[MoneyCommitment] = field(default_factory=list)


@dataclass(frozen=True)
class RecurringPosition:
    actor: str
    actor_label: str
    stance: str
    topic: str
    meetings: int
    first: date | None
    last: date | None


def _href(link: Linker | None, iri: str) -> str | None:
    return link(iri) if link else None


def _empty(chart_id: str, title: str) -> str:
    return document(WIDTH, 60, title, "No data in the store for this chart.",
                    [text(WIDTH / 2, 35, "No data in the store for this chart.", anchor="middle")],
                    chart_id=chart_id)


def _time_axis(first: date, last: date, y_top: float, y_bottom: float) -> tuple[LinearScale, list[str]]:
    """A year axis from ``first`` to ``last`` across the plot width, with grid lines."""
    low, high = first.year, last.year + 1
    scale = LinearScale(low, high, LEFT, WIDTH - RIGHT)
    parts = [line(LEFT, y_bottom, WIDTH - RIGHT, y_bottom, "#333")]
    for year in year_ticks(low, high):
        x = scale(year)
        parts.append(line(x, y_top, x, y_bottom, "#e3e3e3"))
        parts.append(text(x, y_bottom + 16, year, anchor="middle"))
    return scale, parts


def timeline_svg(meetings: list[TimelineMeeting], link: Linker | None = None) -> str:
    """Meetings over time: one row per kind, a mark per meeting sized by its letters."""
    title = "Meetings over time"
    if not meetings:
        return _empty("timeline", title)
    named = {m.kind for m in meetings if m.kind_iri in CITY_NAMED_KINDS}
    kinds = sorted({m.kind for m in meetings}, key=lambda k: (k not in named, -sum(m.kind == k for m in meetings), k))
    row_height, top = 46, 80
    bottom = top + row_height * len(kinds)
    scale, parts = _time_axis(min(m.start for m in meetings), max(m.start for m in meetings), top, bottom)
    most = max(m.letters for m in meetings)
    for index, kind in enumerate(kinds):
        y = top + row_height * (index + 0.5)
        parts.append(text(LEFT - 10, y + 4, kind, anchor="end", weight="bold"))
        parts.append(line(LEFT, y, WIDTH - RIGHT, y, "#f0f0f0"))
        for m in sorted((m for m in meetings if m.kind == kind), key=lambda m: m.start):
            x = scale(date_number(m.start))
            radius = 4 + 6 * math.sqrt(m.letters / most)
            span = f"{m.start.isoformat()}" + (f" to {m.end.isoformat()}" if m.end and m.end != m.start else "")
            tip = f"{m.label} ({m.kind}{', ' + m.city if m.city else ''}), {span}; {m.letters} letter(s)"
            parts.append(mark(circle(x, y, radius, colour(index)), tip, _href(link, m.meeting)))
            if kind in named and m.city:
                parts.append(text(x, y - radius - 3, m.city, anchor="start", size=9, rotate=-35, css="city"))
    height = bottom + 40
    description = (
        f"{len(meetings)} meetings from {min(m.start for m in meetings).year} to "
        f"{max(m.start for m in meetings).year}: "
        + ", ".join(f"{count} {kind}" for kind, count in Counter(m.kind for m in meetings).most_common())
        + "."
    )
    return document(WIDTH, height, title, description, parts, chart_id="timeline")


def _heat_colour(value: int, most: int) -> str:
    """White to dark blue, on a square-root scale so that single positions still show."""
    share = math.sqrt(value / most) if most else 0
    red, green, blue = (int(255 - share * (255 - target)) for target in (8, 48, 107))
    return f"#{red:02x}{green:02x}{blue:02x}"


def heatmap_svg(cells: list[HeatCell], link: Linker | None = None) -> str:
    """Topics (rows, most discussed first) x meetings (columns, by date): positions per cell."""
    title = "Topics x meetings"
    if not cells:
        return _empty("heatmap", title)
    totals: Counter[str] = Counter()
    topic_names: dict[str, str] = {}
    meetings: dict[str, tuple] = {}
    for cell in cells:
        totals[cell.topic] += cell.positions
        topic_names[cell.topic] = cell.topic_label
        meetings.setdefault(cell.meeting, (cell.start or date.max, cell.meeting, cell.meeting_place))
    topics = sorted(totals, key=lambda t: (-totals[t], topic_names[t]))
    columns = sorted(meetings.values())
    size = max(10.0, min(22.0, (WIDTH - LEFT - RIGHT) / len(columns)))
    top = 110  # room for the rotated meeting names
    width = LEFT + size * len(columns) + RIGHT
    row_of = {topic: i for i, topic in enumerate(topics)}
    column_of = {meeting: i for i, (_, meeting, _) in enumerate(columns)}
    most = max(cell.positions for cell in cells)
    parts = []
    for i, (start, meeting, place) in enumerate(columns):
        x = LEFT + size * (i + 0.5)
        when = start.isoformat()[:7] + " " if start != date.max else ""
        parts.append(text(x + 3, top - 6, f"{when}{place}", size=9, rotate=-60))
    for topic, row in row_of.items():
        parts.append(text(LEFT - 8, top + size * (row + 0.5) + 4, topic_names[topic], anchor="end", size=11))
    for cell in cells:
        x, y = LEFT + size * column_of[cell.meeting], top + size * row_of[cell.topic]
        tip = f"{cell.topic_label} at {cell.meeting_label}: {cell.positions} position(s), {cell.statements} statement(s)"
        parts.append(mark(rect(x + 0.5, y + 0.5, size - 1, size - 1, _heat_colour(cell.positions, most)), tip,
                          _href(link, cell.meeting)))
    scale_y = top + size * len(topics) + 24
    steps = sorted({1, max(1, most // 4), max(1, most // 2), most})
    swatches = [(f"{value} position{'s' if value != 1 else ''}", _heat_colour(value, most)) for value in steps]
    legend_markup, legend_height = legend(LEFT, scale_y, swatches, width=width - LEFT - RIGHT)
    parts.append(legend_markup)
    description = (
        f"{len(cells)} cells: {len(topics)} topics x {len(columns)} meetings; the most positions "
        f"in one cell: {most}. Most discussed: " + ", ".join(topic_names[t] for t in topics[:5]) + "."
    )
    return document(width, scale_y + legend_height + 10, title, description, parts, chart_id="heatmap")


def _actor_colours(actors: list[str]) -> dict[str, str]:
    return {actor: colour(i) for i, actor in enumerate(actors)}


def spending_svg(data: SpendingData, link: Linker | None = None) -> str:
    """Two panels on one time axis: percent-of-GDP targets above, money commitments below."""
    title = "Spending targets and commitments over time"
    if not data.targets and not data.money:
        return _empty("spending", title)
    days = [t.date for t in data.targets] + [m.date for m in data.money]
    panel, gap, top = 220, 60, 30
    actors = [a for a, _ in Counter([t.actor for t in data.targets] + [m.actor for m in data.money]).most_common()]
    fills = _actor_colours(actors)
    upper = (top, top + panel)
    lower = (top + panel + gap, top + 2 * panel + gap)
    scale, parts = _time_axis(min(days), max(days), upper[0], lower[1])
    parts.append(line(LEFT, upper[1], WIDTH - RIGHT, upper[1], "#333"))
    parts += _percent_panel(data.targets, scale, upper, fills, link)
    parts += _money_panel(data.money, scale, lower, fills, link)
    legend_markup, legend_height = legend(LEFT, lower[1] + 40, [(a, fills[a]) for a in actors],
                                          width=WIDTH - LEFT - RIGHT)
    parts.append(legend_markup)
    description = (
        f"{len(data.targets)} percentage-of-GDP spending targets and {len(data.money)} money "
        f"commitments from {min(days).year} to {max(days).year}, by {len(actors)} actors."
    )
    return document(WIDTH, lower[1] + 50 + legend_height, title, description, parts, chart_id="spending")


def _percent_panel(targets: list[SpendingTarget], scale: LinearScale, band: tuple[float, float],
                   fills: dict[str, str], link: Linker | None) -> list[str]:
    parts = [text(LEFT - 10, band[0] - 10, "% of GDP", anchor="end", weight="bold")]
    high = max([t.percent for t in targets], default=5.0)
    ticks = nice_ticks(0, high * 1.1)
    y_of = LinearScale(0, ticks[-1] if ticks[-1] > 0 else 1, band[1], band[0])
    for tick in ticks:
        parts.append(line(LEFT, y_of(tick), WIDTH - RIGHT, y_of(tick), "#eee"))
        parts.append(text(LEFT - 6, y_of(tick) + 4, f"{tick:g}%", anchor="end"))
    for t in targets:
        year = f" by {t.target_year}" if t.target_year else ""
        where = f", agreed at {t.meeting}" if t.meeting else ""
        tip = f"{t.actor}: {t.percent:g}% of GDP{year}{where} ({t.date.isoformat()}; {t.letters} letter(s))"
        parts.append(mark(circle(scale(date_number(t.date)), y_of(t.percent), 6, fills[t.actor]), tip,
                          _href(link, t.commitment)))
    return parts


def _money_panel(money: list[MoneyCommitment], scale: LinearScale, band: tuple[float, float],
                 fills: dict[str, str], link: Linker | None) -> list[str]:
    units = " / ".join(sorted({m.unit for m in money})) or "Amount"  # the units' notations
    parts = [text(LEFT - 10, band[0] - 10, f"{units} (log)", anchor="end", weight="bold")]
    amounts = [m.amount for m in money if m.amount > 0] or [1e6, 1e9]
    low, high = math.floor(math.log10(min(amounts))), math.ceil(math.log10(max(amounts)))
    high = max(high, low + 1)
    y_of = LinearScale(low, high, band[1], band[0])
    for power in range(low, high + 1):
        parts.append(line(LEFT, y_of(power), WIDTH - RIGHT, y_of(power), "#eee"))
        parts.append(text(LEFT - 6, y_of(power) + 4, number_label(10.0 ** power), anchor="end"))
    for m in money:
        if m.amount <= 0:
            continue
        year = f" for {m.target_year}" if m.target_year else ""
        where = f" at {m.meeting}" if m.meeting else ""
        tip = f"{m.actor}: {m.kind}, {m.unit} {number_label(m.amount)}{year}{where} ({m.date.isoformat()})"
        shape = rect(scale(date_number(m.date)) - 5, y_of(math.log10(m.amount)) - 5, 10, 10, fills[m.actor])
        parts.append(mark(shape, tip, _href(link, m.commitment)))
    return parts


def recurring_svg(positions: list[RecurringPosition], link: Linker | None = None) -> str:
    """Per actor (most recurring positions first), a bar per position: meetings held at."""
    title = "Recurring positions per actor"
    if not positions:
        return _empty("recurring", title)
    by_actor: dict[str, list[RecurringPosition]] = defaultdict(list)
    for p in positions:
        by_actor[p.actor].append(p)
    actors = sorted(by_actor, key=lambda a: (-len(by_actor[a]), by_actor[a][0].actor_label))
    shown = [
        p for actor in actors[:MAX_ACTORS]
        for p in sorted(by_actor[actor], key=lambda p: (-p.meetings, p.topic, p.stance))[:BARS_PER_ACTOR]
    ]
    stances = [s for s, _ in Counter(p.stance for p in shown).most_common()]
    fills = {stance: colour(i) for i, stance in enumerate(stances)}
    bar, top, left = 16, 20, 320
    most = max(p.meetings for p in shown)
    x_of = LinearScale(0, most, left, WIDTH - RIGHT - 30)
    parts, y, current = [], top, None
    for p in shown:
        if p.actor != current:
            current = p.actor
            y += 8
            parts.append(text(10, y + 12, p.actor_label, weight="bold"))
            y += 18
        parts.append(text(left - 8, y + 12, f"{p.stance} · {p.topic}", anchor="end", size=11))
        span = f", {p.first.isoformat()} to {p.last.isoformat()}" if p.first and p.last else ""
        tip = f"{p.actor_label} {p.stance}: {p.topic}, at {p.meetings} meetings{span}"
        parts.append(mark(rect(left, y + 2, x_of(p.meetings) - left, bar - 3, fills[p.stance]), tip,
                          _href(link, p.actor)))
        parts.append(text(x_of(p.meetings) + 4, y + 12, p.meetings, size=11))
        y += bar
    legend_markup, legend_height = legend(left, y + 24, [(s, fills[s]) for s in stances], width=WIDTH - left - RIGHT)
    parts.append(legend_markup)
    hidden = len(positions) - len(shown)
    description = (
        f"{len(positions)} recurring positions of {len(actors)} actors"
        + (f"; the {len(shown)} most recurring per actor are drawn, {hidden} more in the table" if hidden else "")
        + f". The most recurring: {shown[0].actor_label} {shown[0].stance} {shown[0].topic} at {shown[0].meetings} meetings."
    )
    return document(WIDTH, y + 34 + legend_height, title, description, parts, chart_id="recurring")
