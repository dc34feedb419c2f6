"""The pages that are not a resource: home, the query page, the saved queries, search."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from natokg.errors import QueryError
from natokg.serve.describe import store_labels, search
from natokg.serve.overview import HOME_LETTERS
from natokg.serve.pages import iri_terms, render_page
from natokg.serve.protocol import Answer, QueryRunner, status_of
from natokg.sparql.saved import SavedQuery, render

DEFAULT_EXAMPLE = "meetings-timeline"


async def home(request: Request) -> Response:
    state = request.app.state
    return render_page(
        request, "home.html", overview=state.overview, labels=state.overview.labels, saved=list(state.saved.values()),
        home_letters=HOME_LETTERS,
    )


async def _form(request: Request) -> dict[str, str]:
    """The request's parameters: the query string, and a POSTed form's fields (the pages'
    forms are url-encoded; read here rather than with a multipart parser)."""
    values = dict(request.query_params)
    if request.method == "POST":
        body = (await request.body()).decode("utf-8", "replace")
        values.update({key: found[-1] for key, found in parse_qs(body, keep_blank_values=True).items()})
    return values


async def page_not_found(request: Request, exc: Exception) -> Response:
    """Any path no route serves: the not-found page (text for a client not asking for HTML)."""
    from natokg.serve.linked_data import not_found

    return not_found(request, request.url.path, request.url.path.rstrip("/").rsplit("/", 1)[-1])


def download_links(sparql: str) -> dict[str, str]:
    return {name: "/sparql?" + urlencode({"query": sparql, "format": name}) for name in ("csv", "json")}


def _run(request: Request, sparql: str) -> tuple[Answer | None, dict[str, str], str | None, int]:
    """(answer, labels, error message, status) of a query run for a page."""
    runner: QueryRunner = request.app.state.runner
    try:
        answer = runner.run(sparql)
    except QueryError as error:
        return None, {}, error.message, status_of(error)
    rows = answer.rows if answer.kind != "boolean" else []
    return answer, store_labels(request.app.state.served.store, iri_terms(rows)), None, 200


async def query_page(request: Request) -> Response:
    saved: dict[str, SavedQuery] = request.app.state.saved
    examples = {name: render(query) for name, query in saved.items()}
    values = await _form(request)
    sparql = values.get("query", "")
    answer, labels, error, status = (None, {}, None, 200)
    if sparql.strip():
        answer, labels, error, status = await run_in_threadpool(_run, request, sparql)
    shown = sparql or examples.get(DEFAULT_EXAMPLE) or next(iter(examples.values()), "")
    return render_page(
        request, "query.html", status_code=status, sparql=shown, answer=answer, labels=labels, error=error,
        downloads=download_links(sparql) if answer is not None else {}, examples=saved, example_texts=examples,
    )


async def saved_list(request: Request) -> Response:
    return render_page(request, "queries.html", saved=list(request.app.state.saved.values()), labels={})


async def saved_page(request: Request) -> Response:
    saved: dict[str, SavedQuery] = request.app.state.saved
    query = saved.get(request.path_params["name"])
    if query is None:
        return render_page(
            request, "not_found.html", status_code=404, what=f"the saved query {request.path_params['name']!r}",
            hint="", labels={},
        )
    values = await _form(request)
    given = {p.name: values[p.name] for p in query.parameters if values.get(p.name, "").strip()}
    answer, labels, error, status = None, {}, None, 200
    sparql = ""
    try:
        sparql = render(query, given)
    except QueryError as bad:
        error, status = bad.message, 400
    if error is None:
        answer, labels, error, status = await run_in_threadpool(_run, request, sparql)
    return render_page(
        request, "saved_query.html", status_code=status, query=query, given=given, answer=answer, labels=labels,
        error=error, sparql=sparql, downloads=download_links(sparql) if answer is not None else {},
    )


async def search_page(request: Request) -> Response:
    text = request.query_params.get("q", "")
    store = request.app.state.served.store
    found = await run_in_threadpool(search, store, text) if text.strip() else []
    return render_page(request, "search.html", text=text, found=found, labels=dict(found))


__all__ = ["download_links", "home", "page_not_found", "query_page", "saved_list", "saved_page", "search_page"]
