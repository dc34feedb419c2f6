"""The ASGI application: routes, the served store, the query workers.

Starlette rather than a larger framework: the endpoint negotiates RDF and SPARQL result
formats itself, which an OpenAPI/validation layer would only be in the way of, and the
pages are plain server-rendered Jinja2.
"""

from __future__ import annotations

import atexit
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from natokg.serve.chart_pages import chart_routes
from natokg.serve.config import ServeConfig
from natokg.serve.describe import clear_label_cache
from natokg.serve.limits import BodyLimit, ResponseCache
from natokg.serve.linked_data import dataset, ontology, resource
from natokg.serve.overview import overview
from natokg.serve.pages import STATIC, Site, make_environment
from natokg.serve.protocol import QueryRunner, sparql_endpoint
from natokg.serve.served import open_served
from natokg.serve.views import home, page_not_found, query_page, saved_list, saved_page, search_page
from natokg.sparql.saved import list_queries


def routes() -> list:
    return [
        Route("/", home, name="home"),
        Route("/sparql", sparql_endpoint, methods=["GET", "POST"], name="sparql"),
        Route("/query", query_page, methods=["GET", "POST"], name="query"),
        Route("/queries", saved_list, name="queries"),
        Route("/queries/{name}", saved_page, methods=["GET", "POST"], name="saved_query"),
        Route("/search", search_page, name="search"),
        Route("/id/{rest:path}", resource, name="resource"),
        Route("/ontology", ontology, name="ontology"),
        Route("/ontology.{suffix}", ontology, name="ontology_file"),
        Route("/.well-known/void", dataset, name="void"),
        Route("/dataset", dataset, name="dataset"),
        Mount("/static", app=StaticFiles(directory=str(STATIC)), name="static"),
    ]


def create_app(config: ServeConfig) -> Starlette:
    """The server over the last committed build of ``config.store_dir`` (read-only).

    It serves the build's union copy (natokg.serve.served), held until shutdown or the
    end of the process (``app.state.close()`` lets go of it at once)."""
    served = open_served(config.store_dir)

    def close() -> None:
        clear_label_cache()
        served.close()

    atexit.register(close)
    site = Site(config.base)

    @asynccontextmanager
    async def lifespan(app: Starlette):
        yield
        close()

    app = Starlette(routes=routes() + chart_routes(), middleware=[Middleware(BodyLimit, limit=config.max_body_bytes)], lifespan=lifespan,
        exception_handlers={404: page_not_found},
    )
    app.state.config = config
    app.state.close = close
    app.state.pages = ResponseCache(config.cache_bytes)
    app.state.served = served
    app.state.site = site
    app.state.templates = make_environment(site)
    app.state.runner = QueryRunner(served.directory, timeout=config.timeout, max_rows=config.max_rows, workers=config.workers)
    app.state.overview = overview(served.store)
    app.state.saved = {query.name: query for query in list_queries()}
    return app


__all__ = ["create_app", "routes"]
