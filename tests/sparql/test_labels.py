"""Labels of result IRIs, and why a saved query came back empty."""

from __future__ import annotations

from natokg.sparql import load_query, labels_for, result_iris, unknown_values
from natokg.sparql.values import IRI

ID = "https://w3id.org/natokg/id/"


def test_labels_in_the_language_asked_for(seed_store):
    iris = [f"{ID}stance/call-for", f"{ID}state/nl", f"{ID}topic/defence-spending"]
    assert labels_for(iris, store=seed_store) == {
        f"{ID}stance/call-for": "call for", f"{ID}state/nl": "Netherlands", f"{ID}topic/defence-spending": "defence spending",
    }
    assert labels_for(iris, "nl", store=seed_store)[f"{ID}state/nl"] == "Nederland"


def test_iris_without_a_label_are_left_out(seed_store):
    assert labels_for([f"{ID}topic/no-such-topic", 'urn:x"> } DROP ALL {'], store=seed_store) == {}


def test_result_iris_are_the_distinct_iris_in_row_order():
    rows = [(IRI("urn:b"), "urn:text", 3), (IRI("urn:a"), IRI("urn:b"), None)]
    assert result_iris(rows) == ["urn:b", "urn:a"]


def test_unknown_values_name_the_parameter_and_the_query_that_lists_its_values(seed_store):
    saved = load_query("topic-history")
    (unknown,) = unknown_values(saved, {"topic": "id:topic/x"}, store=seed_store)
    assert unknown.message == "no topic id:topic/x (parameter topic); see `natokg query topics`"
    assert unknown_values(saved, {"topic": "id:topic/defence-spending"}, store=seed_store) == []
    kinds = unknown_values(load_query("recurring-positions"), {"kinds": "nkg:Summit nkg:Nope"}, store=seed_store)
    assert [u.iri for u in kinds] == ["https://w3id.org/natokg/ontology#Nope"]
    assert "see `natokg query --list`" in kinds[0].message


def test_unknown_values_regression_one_query_per_batch_of_iris_not_one_per_iri(seed_store, monkeypatch):
    """The IRIs are asked about together (VALUES), IRIS_PER_QUERY at a time; the answer keeps
    the order given, repeats included, as one look-up per IRI gave it."""
    from natokg.sparql import explain, labels

    sent = []
    run = explain.run_sparql
    monkeypatch.setattr(explain, "run_sparql", lambda query, **where: sent.append(query) or run(query, **where))
    kinds = "nkg:Nope nkg:Summit nkg:Gone nkg:Nope nkg:Meeting nkg:Other"
    found = unknown_values(load_query("recurring-positions"), {"kinds": kinds}, store=seed_store)
    assert [u.iri.rsplit("#", 1)[1] for u in found] == ["Nope", "Gone", "Nope", "Other"]
    assert len(sent) == 1 and "VALUES" in sent[0]
    sent.clear()
    monkeypatch.setattr(labels, "IRIS_PER_QUERY", 2)
    assert unknown_values(load_query("recurring-positions"), {"kinds": kinds}, store=seed_store) == found
    assert len(sent) == 3  # five distinct IRIs, two per query
