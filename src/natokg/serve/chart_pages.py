"""The chart pages: ``/charts`` lists the charts, ``/charts/{name}`` shows one (its SVG
inline in the page, and as ``/charts/{name}.svg`` on its own).

A server serves one build, so each chart is drawn once, on first request, and kept.
"""

from __future__ import annotations

import threading

from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from natokg.serve.charts import CHARTS, SharedResults, render_chart, store_runner
from natokg.serve.pages import render_page

_LOCK = threading.Lock()


class _Drawn:
    """The charts drawn so far, one lock per chart, and the query results they share:
    many requests for a chart not yet drawn wait for one drawing instead of each running
    its queries, which at 1,000 letters would outlast the query deadline, and a query two
    charts need runs once."""

    def __init__(self, app) -> None:
        self.svg: dict[str, str] = {}
        self.locks = {name: threading.Lock() for name in CHARTS}
        config = app.state.config
        self.run = SharedResults(store_runner(store=app.state.served.store, timeout=config.timeout, max_rows=None))


def _drawn(app) -> _Drawn:
    with _LOCK:
        if not hasattr(app.state, "charts_drawn"):
            app.state.charts_drawn = _Drawn(app)
        return app.state.charts_drawn


def _draw(app, name: str) -> str:
    """The chart's SVG, drawn on the served store at most once per server."""
    drawn = _drawn(app)
    with drawn.locks[name]:
        if name not in drawn.svg:
            drawn.svg[name] = render_chart(name, drawn.run, app.state.site.path_for)
    return drawn.svg[name]


async def charts_index(request: Request) -> Response:
    return render_page(request, "charts.html", charts=list(CHARTS.values()))


async def chart_page(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in CHARTS:
        return render_page(request, "charts.html", status_code=404, charts=list(CHARTS.values()), missing=name)
    svg = await run_in_threadpool(_draw, request.app, name)
    saved = request.app.state.saved
    return render_page(
        request, "chart.html", chart=CHARTS[name], svg=Markup(svg),
        saved_queries=[query for query in CHARTS[name].queries if query in saved],
    )


async def chart_svg_file(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in CHARTS:
        return Response(f"no chart {name!r}; the charts are listed at /charts\n", status_code=404,
                        media_type="text/plain")
    svg = await run_in_threadpool(_draw, request.app, name)
    return Response(svg, media_type="image/svg+xml")


def chart_routes() -> list[Route]:
    return [
        Route("/charts", charts_index, name="charts"),
        Route("/charts/{name}.svg", chart_svg_file, name="chart_svg"),
        Route("/charts/{name}", chart_page, name="chart"),
    ]


__all__ = ["chart_routes"]
