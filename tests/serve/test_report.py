"""`natokg report`: the static site's links work from disk."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from natokg.serve.report import relative_links, report_pages

BASE = "https://w3id.org/natokg/id/"
PAGES = report_pages(["/id/letter/bz1", "/id/letter/bz2"])
LINK = re.compile(r'\s(?:href|src|action)="([^"]*)"')


def test_links_between_written_pages_become_relative_paths() -> None:
    page = '<a href="/">home</a> <a href="/charts/spending">s</a> <a href="/id/letter/bz2#ev-3-9">l</a>'
    assert relative_links(page, "letters/bz1.html", PAGES, BASE, set()) == (
        '<a href="../index.html">home</a> <a href="../charts/spending.html">s</a> '
        '<a href="bz2.html#ev-3-9">l</a>'
    )
    assert relative_links('<a href="/charts">c</a>', "index.html", PAGES, BASE, set()) == '<a href="charts/index.html">c</a>'


def test_resources_not_written_link_to_their_public_iri_and_server_only_pages_to_nothing() -> None:
    page = (
        '<a href="/id/meeting/summit/2025-06-24-the-hague">m</a> <a href="/ontology#Summit">k</a> '
        '<a href="/query?query=x&amp;y=1">q</a> <form action="/sparql"></form> <a href="https://example.org/">e</a>'
    )
    assert relative_links(page, "index.html", PAGES, BASE, set()) == (
        f'<a href="{BASE}meeting/summit/2025-06-24-the-hague">m</a> '
        '<a href="https://w3id.org/natokg/ontology#Summit">k</a> '
        '<a>q</a> <form></form> <a href="https://example.org/">e</a>'
    )


def test_static_files_are_linked_where_they_are_copied() -> None:
    page = '<link rel="stylesheet" href="/static/site.css"><img src="/static/gone.png">'
    assert relative_links(page, "charts/x.html", PAGES, BASE, {"site.css"}) == (
        '<link rel="stylesheet" href="../static/site.css"><img>'
    )


def test_report_pages_name_a_file_for_every_chart_and_letter() -> None:
    assert PAGES["/"] == "index.html"
    assert PAGES["/id/letter/bz2"] == "letters/bz2.html"
    assert PAGES["/charts/meetings-timeline"] == "charts/meetings-timeline.html"
    assert len(set(PAGES.values())) == len(PAGES)


@pytest.mark.slow
def test_report_of_the_corpus_every_internal_link_resolves_to_a_written_file(corpus_store_dir, tmp_path) -> None:
    from natokg.serve.report import write_report

    summary = write_report(corpus_store_dir, tmp_path / "site")
    assert summary.letters >= 40 and summary.charts == 4
    written = {path for path in (tmp_path / "site").rglob("*") if path.is_file()}
    checked = 0
    for file in written:
        if file.suffix not in (".html", ".svg"):
            continue
        for target in LINK.findall(file.read_text(encoding="utf-8")):
            parts = urlsplit(target)
            if parts.scheme or not parts.path:  # a public IRI, or a fragment of this page
                continue
            assert not target.startswith("/"), f"{file}: absolute site link {target}"
            resolved = (file.parent / unquote(parts.path)).resolve()
            assert resolved in written, f"{file.name}: {target} is not a written file"
            checked += 1
    assert checked > 100
    letter_page = (tmp_path / "site" / "letters" / "bz2628703.html").read_text(encoding="utf-8")
    assert "Helsingborg" in letter_page
    assert "<svg" in (tmp_path / "site" / "charts" / "spending.html").read_text(encoding="utf-8")
