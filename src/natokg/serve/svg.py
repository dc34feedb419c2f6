"""Small SVG building blocks for the server-rendered charts: escaped elements, scales, axes.

Every piece of text that reaches the SVG goes through :func:`esc` (labels come from the
store, and a letter's words are not trusted markup). The charts are plain SVG 1.1 with
``<title>`` tooltips, so they work without JavaScript, offline and inside ``<img>``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from html import escape

SVG_NS = "http://www.w3.org/2000/svg"
FONT = "font-family=\"system-ui, sans-serif\""

# Colour-blind friendly categorical colours (Okabe and Ito), then greys for the rest.
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    "#999999", "#666666",
)


def esc(text: object) -> str:
    """Text or an attribute value, escaped for XML (quotes too)."""
    return escape(str(text), quote=True)


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def document(width: float, height: float, title: str, description: str, body: list[str], *, chart_id: str) -> str:
    """A standalone SVG element with an accessible name (``<title>``) and description."""
    return (
        f'<svg xmlns="{SVG_NS}" class="chart" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT} font-size="12">'
        f'<title id="{chart_id}-title">{esc(title)}</title>'
        f'<desc id="{chart_id}-desc">{esc(description)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def text(x: float, y: float, content: object, *, anchor: str = "start", size: int | None = None,
         rotate: float | None = None, css: str = "", weight: str | None = None) -> str:
    attributes = f'x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"'
    if size:
        attributes += f' font-size="{size}"'
    if weight:
        attributes += f' font-weight="{weight}"'
    if rotate is not None:
        attributes += f' transform="rotate({rotate:.0f} {x:.1f} {y:.1f})"'
    if css:
        attributes += f' class="{esc(css)}"'
    return f"<text {attributes}>{esc(content)}</text>"


def tooltip(content: str) -> str:
    return f"<title>{esc(content)}</title>"


def mark(shape: str, tip: str, href: str | None = None, css: str = "mark") -> str:
    """A data mark (a shape's markup without its closing) with its tooltip, linked when ``href``."""
    element = f'{shape} class="{css}">{tooltip(tip)}</{shape.split()[0][1:]}>'
    if href:
        return f'<a href="{esc(href)}">{element}</a>'
    return element


def circle(cx: float, cy: float, r: float, fill: str) -> str:
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{fill}" fill-opacity="0.85" stroke="#fff"'


def rect(x: float, y: float, width: float, height: float, fill: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" height="{max(height, 0):.1f}" fill="{fill}"'


def line(x1: float, y1: float, x2: float, y2: float, stroke: str = "#bbb") -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}"/>'


def legend(x: float, y: float, entries: list[tuple[str, str]], *, width: float) -> tuple[str, float]:
    """Colour swatches with labels, wrapped to ``width``; returns the markup and its height."""
    parts = ['<g class="legend">']
    cx, cy = x, y
    for label, fill in entries:
        item_width = 22 + 7 * len(label)
        if cx + item_width > x + width and cx > x:
            cx, cy = x, cy + 18
        parts.append(f'<rect x="{cx:.1f}" y="{cy - 9:.1f}" width="12" height="12" fill="{fill}"/>')
        parts.append(text(cx + 16, cy + 1, label))
        cx += item_width
    parts.append("</g>")
    return "".join(parts), cy - y + 18


@dataclass(frozen=True)
class LinearScale:
    """Maps a numeric domain onto a pixel range (ranges may run backwards, as y axes do)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        span = self.high - self.low or 1.0
        return self.start + (float(value) - self.low) / span * (self.end - self.start)


def date_number(day: date) -> float:
    """A date as a fractional year, for time axes."""
    return day.year + (day.timetuple().tm_yday - 1) / 366


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]: steps of 1, 2 or 5 times a power of ten."""
    if high <= low:
        return [low]
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    last = math.ceil(high / step) * step  # the last tick covers ``high``
    ticks = []
    value = first
    while value <= last + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def year_ticks(first: int, last: int, max_ticks: int = 12) -> list[int]:
    step = 1
    while (last - first) / step > max_ticks:
        step = {1: 2, 2: 5, 5: 10}.get(step, step * 2)
    return [year for year in range(first, last + 1) if year % step == 0] or [first]


def number_label(value: float) -> str:
    """1500000000 -> '1.5 bn', 250000000 -> '250 mln', 3.5 -> '3.5'."""
    for size, suffix in ((1e9, " bn"), (1e6, " mln"), (1e3, " k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"
