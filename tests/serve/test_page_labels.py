"""The server's labels follow natokg.sparql.labels' one rule, in the language asked for."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from natokg.namespaces import PREFIXES
from natokg.serve.charts import labels as chart_labels
from natokg.serve.charts import store_runner
from natokg.serve.describe import clear_label_cache, store_labels as page_labels
from natokg.sparql import labels_for as query_labels

THING = "urn:natokg-test:thing"
GRAPH = ox.NamedNode("urn:natokg-test:graph")
LABELS = [  # property, text, language
    ("skos:prefLabel", "Dutch name", "nl"),
    ("skos:prefLabel", "untagged name", None),
    ("skos:prefLabel", "zzz English name", "en"),
    ("skos:prefLabel", "aaa English name", "en"),
    ("rdfs:label", "a shorter rdfs label", "en"),
]


def _literal(text: str, language: str | None) -> ox.Literal:
    return ox.Literal(text, language=language) if language else ox.Literal(text)


@pytest.fixture
def stores():
    """The same labels in a named graph (as a build keeps them) and in the default graph
    (as the served union copy has them)."""
    built, served = ox.Store(), ox.Store()
    for prop, text, language in LABELS:
        prefix, local = prop.split(":")
        triple = (ox.NamedNode(THING), ox.NamedNode(PREFIXES[prefix] + local), _literal(text, language))
        built.add(ox.Quad(*triple, GRAPH))
        served.add(ox.Quad(*triple, ox.DefaultGraph()))
    clear_label_cache()
    yield built, served
    clear_label_cache()


@pytest.mark.parametrize("lang, expected", [("en", "aaa English name"), ("nl", "Dutch name"), ("fr", "untagged name")])
def test_page_and_query_labels_rank_languages_alike(stores, lang, expected):
    built, served = stores
    assert query_labels([THING], lang, store=built) == {THING: expected}
    assert page_labels(served, [THING], lang) == {THING: expected}


def test_untagged_label_outranks_dutch_in_english_pages(stores):
    built, served = stores
    served.remove(ox.Quad(ox.NamedNode(THING), ox.NamedNode(PREFIXES["skos"] + "prefLabel"),
                          ox.Literal("aaa English name", language="en"), ox.DefaultGraph()))
    served.remove(ox.Quad(ox.NamedNode(THING), ox.NamedNode(PREFIXES["skos"] + "prefLabel"),
                          ox.Literal("zzz English name", language="en"), ox.DefaultGraph()))
    assert page_labels(served, [THING]) == {THING: "untagged name"}


def test_chart_labels_follow_the_same_rule():
    store = ox.Store()
    for prop, text, language in [("skos:prefLabel", "Alpha untagged", None), ("skos:prefLabel", "Beta English", "en")]:
        prefix, local = prop.split(":")
        store.add(ox.Quad(ox.NamedNode(THING), ox.NamedNode(PREFIXES[prefix] + local), _literal(text, language), GRAPH))
    assert chart_labels(store_runner(store=store), [THING]) == query_labels([THING], store=store) == {THING: "Beta English"}
