"""The chart routes of the app, through its test client."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from natokg.serve.charts import CHARTS


def test_charts_index_links_every_chart(serve_client):
    answer = serve_client.get("/charts")
    assert answer.status_code == 200
    for name, chart in CHARTS.items():
        assert f'href="/charts/{name}"' in answer.text
        assert chart.title in answer.text


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_page_holds_the_svg_inline_and_as_a_file(serve_client, name):
    page = serve_client.get(f"/charts/{name}")
    assert page.status_code == 200
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in page.text
    svg = serve_client.get(f"/charts/{name}.svg")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    ET.fromstring(svg.text)
    assert "<script" not in svg.text  # the served store holds a letter carrying <script> markup


def test_chart_marks_link_to_the_served_resource_pages(serve_client):
    svg = serve_client.get("/charts/meetings-timeline.svg").text
    assert 'href="/id/meeting/' in svg


def test_unknown_chart_is_404_with_the_list_of_charts(serve_client):
    page = serve_client.get("/charts/pie")
    assert page.status_code == 404
    assert "pie" in page.text and 'href="/charts/spending"' in page.text
    assert serve_client.get("/charts/pie.svg").status_code == 404


def test_chart_drawn_once_when_many_requests_come_before_it_is_drawn(monkeypatch):
    # 50 clients opening a chart not drawn yet each ran its queries: at 1,000 letters
    # the heatmap timed out
    import threading
    import time
    from types import SimpleNamespace

    from natokg.serve import chart_pages

    calls = []

    def slow_render(name, run, link):
        calls.append(name)
        time.sleep(0.2)
        return f"<svg>{name}</svg>"

    monkeypatch.setattr(chart_pages, "render_chart", slow_render)
    app = SimpleNamespace(state=SimpleNamespace(
        config=SimpleNamespace(timeout=5.0), served=SimpleNamespace(store=None), site=SimpleNamespace(path_for=str),
    ))
    answers = []
    threads = [threading.Thread(target=lambda: answers.append(chart_pages._draw(app, "spending"))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == ["spending"]
    assert answers == ["<svg>spending</svg>"] * 8
