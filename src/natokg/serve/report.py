"""The static report: the home page, the charts and every letter page as files with
relative links, for reading without a server (opened from disk or put on any web host).

The pages are the server's own: the app is run in this process (called as ASGI, no
socket) and each page is fetched as a browser would. Links are then made to work
from disk: a link to another written page becomes a relative path to its file, the
static files are copied beside the pages, a link to a data resource that is not written
(a person's or a meeting's page) points at its public IRI, and a link to what needs a
server (the query page, /sparql, saved queries) loses its target and stays as text.
"""

from __future__ import annotations

import asyncio
import html
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from natokg.errors import BadInputError, NatokgError
from natokg.identifiers import letter_iri
from natokg.serve.charts import CHARTS
from natokg.serve.pages import DATA_PATH, ONTOLOGY_IRI, STATIC

# an attribute whose value is a path on the server ("/..." but not "//host/...")
_SITE_LINK = re.compile(r'\s(href|src|action)="(/(?!/)[^"]*)"')


@dataclass
class ReportSummary:
    """What :func:`write_report` wrote: ``pages`` maps each server path to its file."""

    out_dir: Path
    pages: dict[str, str] = field(default_factory=dict)

    @property
    def letters(self) -> int:
        return sum(1 for path in self.pages if path.startswith(DATA_PATH))

    @property
    def charts(self) -> int:
        return sum(1 for path in self.pages if path.startswith("/charts/") and not path.endswith(".svg"))


def report_pages(letter_paths: list[str]) -> dict[str, str]:
    """Server path -> file in the report, for the home page, the charts and the letters."""
    pages = {"/": "index.html", "/charts": "charts/index.html"}
    for name in CHARTS:
        pages[f"/charts/{name}"] = f"charts/{name}.html"
        pages[f"/charts/{name}.svg"] = f"charts/{name}.svg"
    for path in letter_paths:
        pages[path] = "letters/" + path.rsplit("/", 1)[-1] + ".html"
    return pages


def relative_links(page: str, file: str, pages: dict[str, str], base: str, static_files: set[str]) -> str:
    """``page`` (the HTML of the page written to ``file``) with every site link made to
    work from disk (see the module's description)."""
    here = PurePosixPath(file).parent

    def rewrite(match: re.Match) -> str:
        attribute, target = match.group(1), html.unescape(match.group(2))
        path, hash_mark, fragment = target.partition("#")
        path = path.split("?", 1)[0]
        suffix = hash_mark + fragment
        if path in pages:
            written = pages[path]
        elif path.startswith("/static/") and path[len("/static/"):] in static_files:
            written = path.lstrip("/")
        elif path.startswith(DATA_PATH):
            return f' {attribute}="{html.escape(base + unquote(path[len(DATA_PATH):]) + suffix)}"'
        elif path == "/ontology":
            return f' {attribute}="{html.escape(ONTOLOGY_IRI + suffix)}"'
        else:
            return ""  # needs a server: the element stays, as text without a target
        relative = os.path.relpath(written, here.as_posix() if str(here) != "." else ".")
        return f' {attribute}="{html.escape(relative + suffix)}"'

    return _SITE_LINK.sub(rewrite, page)


def write_report(store_dir: Path | str | None, out_dir: Path | str) -> ReportSummary:
    """Write the static report of the store's last build into ``out_dir``."""
    from natokg.serve import ServeConfig, create_app
    from natokg.store.layout import resolve_store_path

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise BadInputError(f"{out} is a file; give a folder for the report with -o DIR", path=out)
    config = ServeConfig(store_dir=resolve_store_path(store_dir))
    app = create_app(config)
    try:
        served, site = app.state.served, app.state.site
        letter_paths = sorted(
            path for entry in served.manifest.letters.values()
            if (path := site.path_for(str(letter_iri(entry.key)))) is not None
        )
        pages = report_pages(letter_paths)
        answers = asyncio.run(_fetch_all(app, list(pages)))
    finally:
        app.state.served.close()
    static_files = _copy_static(out)
    for path, file in pages.items():
        status, content = answers[path]
        if status != 200:
            raise NatokgError(f"the report's page {path} answered {status}; "
                              f"rebuild the store with `natokg build` and try again")
        target = out / file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(relative_links(content, file, pages, config.base, static_files), encoding="utf-8")
    return ReportSummary(out, pages)


async def _fetch_all(app, paths: list[str]) -> dict[str, tuple[int, str]]:
    return {path: await _fetch(app, path) for path in paths}


async def _fetch(app, path: str) -> tuple[int, str]:
    """GET ``path`` from the ASGI ``app`` in this process, as a browser asks for a page."""
    messages: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        messages.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": unquote(path), "raw_path": path.encode("ascii"), "query_string": b"",
        "root_path": "", "headers": [(b"host", b"localhost"), (b"accept", b"text/html")],
        "client": ("127.0.0.1", 0), "server": ("localhost", 80),
    }
    await app(scope, receive, send)
    status = next(m["status"] for m in messages if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return status, body.decode("utf-8")


def _copy_static(out: Path) -> set[str]:
    """Copy the server's static files into ``out/static``; their paths under it."""
    copied = set()
    for source in sorted(STATIC.rglob("*")):
        if source.is_file():
            relative = source.relative_to(STATIC).as_posix()
            (out / "static" / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, out / "static" / relative)
            copied.add(relative)
    return copied


__all__ = ["ReportSummary", "relative_links", "report_pages", "write_report"]
