"""The charts: pure renderers on small data of our own, and each chart on a real store."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from natokg.serve.chart_svg import (
    HeatCell,
    MoneyCommitment,
    RecurringPosition,
    SpendingData,
    SpendingTarget,
    TimelineMeeting,
    heatmap_svg,
    recurring_svg,
    spending_svg,
    timeline_svg,
)
from natokg.serve.charts import CHARTS, fallback_label, labels, render_chart, store_runner
from natokg.serve.svg import nice_ticks

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & Co'
SUMMIT = "https://w3id.org/natokg/ontology#Summit"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # raises on anything not well-formed
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
    return root


def marks(root: ET.Element) -> list[ET.Element]:
    return [element for element in root.iter() if element.get("class") == "mark"]


def tooltips(root: ET.Element) -> list[str]:
    return [element.find(f"{SVG}title").text for element in marks(root)]


def meeting(name: str, kind: str, day: date, letters: int = 1, city: str = "Vilnius") -> TimelineMeeting:
    kind_iri = SUMMIT if kind == "Summit" else f"https://w3id.org/natokg/ontology#{kind}"
    return TimelineMeeting(f"https://w3id.org/natokg/id/meeting/{name}", name, kind, kind_iri, city, day, None, letters)


def test_timeline_one_mark_per_meeting_in_one_row_per_kind() -> None:
    root = parse(timeline_svg([
        meeting("a", "Summit", date(2023, 7, 11), 3),
        meeting("b", "Summit", date(2024, 7, 9)),
        meeting("c", "Foreign ministers meeting", date(2024, 4, 3), city=""),
    ]))
    assert len(marks(root)) == 3
    row_labels = {t.text for t in root.iter(f"{SVG}text") if t.get("font-weight") == "bold"}
    assert row_labels == {"Summit", "Foreign ministers meeting"}
    assert any("a (Summit, Vilnius), 2023-07-11; 3 letter(s)" == tip for tip in tooltips(root))
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "city"] == ["Vilnius", "Vilnius"]


def test_timeline_links_marks_when_given_a_link_function() -> None:
    root = parse(timeline_svg([meeting("a", "Summit", date(2023, 7, 11))], lambda iri: "/page?" + iri))
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert links == ["/page?https://w3id.org/natokg/id/meeting/a"]


def test_renderers_escape_labels_from_the_store() -> None:
    svg = timeline_svg([meeting(HOSTILE, "Summit", date(2023, 7, 11), city=HOSTILE)])
    assert "<script>" not in svg
    root = parse(svg)
    assert HOSTILE in tooltips(root)[0]
    cells = [HeatCell("t", HOSTILE, "m", HOSTILE, HOSTILE, date(2020, 1, 1), 2, 3)]
    assert "<script>" not in heatmap_svg(cells)
    assert HOSTILE in tooltips(parse(heatmap_svg(cells)))[0]


def test_heatmap_one_cell_per_topic_and_meeting_darker_for_more_positions() -> None:
    cells = [
        HeatCell("t1", "Ukraine", "m1", "Summit 1", "Vilnius", date(2023, 7, 11), 4, 5),
        HeatCell("t2", "Arctic", "m1", "Summit 1", "Vilnius", date(2023, 7, 11), 1, 1),
        HeatCell("t1", "Ukraine", "m2", "Summit 2", "Washington", date(2024, 7, 9), 2, 2),
    ]
    root = parse(heatmap_svg(cells))
    fills = {tip.split(":")[0]: mark.get("fill") for tip, mark in zip(tooltips(root), marks(root))}
    assert len(fills) == 3
    # darker = smaller RGB sum
    darkness = {key: -sum(int(fill[i:i + 2], 16) for i in (1, 3, 5)) for key, fill in fills.items()}
    assert darkness["Ukraine at Summit 1"] > darkness["Ukraine at Summit 2"] > darkness["Arctic at Summit 1"]
    # topics ordered by their number of positions: Ukraine's row above the Arctic's
    ys = {t.text: float(t.get("y")) for t in root.iter(f"{SVG}text") if t.text in ("Ukraine", "Arctic")}
    assert ys["Ukraine"] < ys["Arctic"]


def test_spending_draws_targets_and_money_on_their_own_scales() -> None:
    data = SpendingData(
        targets=[
            SpendingTarget("c1", "Allies", date(2014, 9, 4), 2.0, "2024", "Newport summit", 5),
            SpendingTarget("c2", "Allies", date(2025, 6, 24), 5.0, "2035", "", 2),
        ],
        money=[MoneyCommitment("c3", "Netherlands", "financial contribution", date(2024, 7, 9), 3e9, "EUR", "2025", "")],
    )
    root = parse(spending_svg(data))
    assert len(marks(root)) == 3
    assert "Allies: 5% of GDP by 2035 (2025-06-24; 2 letter(s))" in tooltips(root)
    assert "Netherlands: financial contribution, EUR 3 bn for 2025 (2024-07-09)" in tooltips(root)
    # the 5 % target lies inside the plot (the axis reaches past the highest value)
    percents = [float(t.text.rstrip("%")) for t in root.iter(f"{SVG}text") if t.text and t.text.endswith("%")]
    assert max(percents) >= 5


def test_recurring_positions_grouped_by_actor_bar_length_by_meetings() -> None:
    positions = [
        RecurringPosition("nl", "Netherlands", "support", "Ukraine support", 6, date(2014, 1, 1), date(2024, 1, 1)),
        RecurringPosition("nl", "Netherlands", "emphasise", "deterrence", 3, None, None),
        RecurringPosition("de", "Germany", "support", "Ukraine support", 2, None, None),
    ]
    root = parse(recurring_svg(positions))
    widths = [float(m.get("width")) for m in marks(root)]
    assert len(widths) == 3 and widths[0] > widths[1] > widths[2] > 0
    actors = [t.text for t in root.iter(f"{SVG}text") if t.get("font-weight") == "bold"]
    assert actors == ["Netherlands", "Germany"]


@pytest.mark.parametrize("render", [timeline_svg, heatmap_svg, recurring_svg])
def test_no_data_gives_a_chart_that_says_so(render) -> None:
    root = parse(render([]))
    assert not marks(root)
    assert "No data" in root.find(f"{SVG}desc").text
    assert "No data" in spending_svg(SpendingData())


def test_nice_ticks_cover_the_highest_value() -> None:
    assert nice_ticks(0, 5.5) == [0, 2, 4, 6]
    assert nice_ticks(0, 10) == [0, 2, 4, 6, 8, 10]


def test_fallback_label_from_the_iri() -> None:
    assert fallback_label("https://w3id.org/natokg/ontology#ForeignMinistersMeeting") == "Foreign Ministers Meeting"
    assert fallback_label("https://w3id.org/natokg/id/unit/eur") == "Eur"


def test_labels_prefer_the_english_label_and_fall_back_to_the_iri(seed_store) -> None:
    run = store_runner(store=seed_store)
    found = labels(run, ["https://w3id.org/natokg/id/state/nl", "https://w3id.org/natokg/id/nothing-here"])
    assert found == {
        "https://w3id.org/natokg/id/state/nl": "Netherlands",
        "https://w3id.org/natokg/id/nothing-here": "Nothing here",
    }


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_on_the_seed_store_has_marks_with_labels_not_iris(seed_store, name) -> None:
    root = parse(render_chart(name, store_runner(store=seed_store), lambda iri: iri))
    assert marks(root), f"{name} drew nothing on the seed letters"
    for tip in tooltips(root):
        assert "https://" not in tip


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_on_the_corpus_store(corpus_store_dir, name) -> None:
    root = parse(render_chart(name, store_runner(corpus_store_dir)))
    assert len(marks(root)) >= 5


def test_regression_a_money_unit_is_named_by_its_skos_notation_not_its_iri(seed_store) -> None:
    """The unit shown is the vocabulary's skos:notation; the IRI's last part is no name."""
    import pyoxigraph as ox

    from natokg.serve.charts import spending_data

    store = ox.Store()
    store.extend(seed_store.quads_for_pattern(None, None, None, None))
    store.update(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "DELETE { GRAPH ?g { ?unit skos:notation ?code } } INSERT { GRAPH ?g { ?unit skos:notation 'Euro-€' } } "
        "WHERE { BIND(<https://w3id.org/natokg/id/unit/eur> AS ?unit) GRAPH ?g { ?unit skos:notation ?code } }"
    )
    money = spending_data(store_runner(store=store)).money
    assert money and {m.unit for m in money} == {"Euro-€"}
    assert {m.unit for m in spending_data(store_runner(store=seed_store)).money} == {"EUR"}


def test_the_heatmap_names_its_columns_from_the_timelines_own_rows(seed_store) -> None:
    """Drawn one after the other on shared results, the two charts run the timeline's
    query once, and each chart is what it is drawn alone."""
    from collections import Counter

    from natokg.serve.charts import SharedResults

    plain = store_runner(store=seed_store)
    runs: Counter = Counter()

    def counted(query, params=None):
        runs[getattr(query, "name", query)] += 1
        return plain(query, params)

    shared = SharedResults(counted)
    for name in ("meetings-timeline", "topic-heatmap"):
        assert render_chart(name, shared) == render_chart(name, plain)
    assert runs["meetings-timeline"] == 1 and runs["topic-meeting-matrix"] == 1
