"""natokg.namespaces: the data namespace (NATOKG_BASE) and content-hashed local names."""

from __future__ import annotations

import pytest
from rdflib import Namespace

from natokg import namespaces
from natokg.rdf.jsonld import jsonld_context
from natokg.namespaces import DEFAULT_DATA_BASE, content_hash, data_base, data_base_problem, rebased

OTHER = "https://example.org/kg/"


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_natokg_base_means_the_default(monkeypatch, value):
    monkeypatch.setenv("NATOKG_BASE", value)  # `NATOKG_BASE= natokg build`
    assert data_base() == DEFAULT_DATA_BASE and data_base_problem() is None


def test_natokg_base_gets_its_closing_slash(monkeypatch):
    monkeypatch.setenv("NATOKG_BASE", "https://example.org/kg")
    assert data_base() == OTHER and data_base_problem() is None


@pytest.mark.parametrize(
    "value", ["example.org/kg/", "urn:natokg:", "https://example.org/k g/", "https://example.org/kg#", "ftp://x/"]
)
def test_natokg_base_must_be_an_http_iri_namespace(monkeypatch, value):
    monkeypatch.setenv("NATOKG_BASE", value)
    assert f"NATOKG_BASE={value!r} is not an absolute http(s) IRI" in data_base_problem()


def test_rebased_moves_only_data_iris(monkeypatch):
    monkeypatch.setenv("NATOKG_BASE", OTHER)
    assert rebased(DEFAULT_DATA_BASE + "state/nl") == OTHER + "state/nl"
    assert rebased("https://w3id.org/natokg/ontology#State") == "https://w3id.org/natokg/ontology#State"
    monkeypatch.delenv("NATOKG_BASE")
    assert rebased(DEFAULT_DATA_BASE + "state/nl") == DEFAULT_DATA_BASE + "state/nl"


def test_content_hashes_do_not_depend_on_the_data_namespace(monkeypatch):
    # the same commitment is commitment/<hash> under any base: only the namespace moves
    parts = ("state/nl", "financial-contribution", "250", "EUR-million", None)
    default = content_hash(*(DEFAULT_DATA_BASE + p if p and "/" in p else p for p in parts))
    monkeypatch.setattr(namespaces, "ID", Namespace(OTHER))
    assert content_hash(*(OTHER + p if p and "/" in p else p for p in parts)) == default
    assert content_hash(OTHER + "state/nl") != content_hash(OTHER + "state/be")


def test_the_jsonld_context_names_the_data_namespace(monkeypatch):
    assert jsonld_context()["id"] == DEFAULT_DATA_BASE
    monkeypatch.setenv("NATOKG_BASE", OTHER)
    context = jsonld_context()
    assert context["id"] == OTHER and context["nkg"] == "https://w3id.org/natokg/ontology#"


def test_slugify_transliterates_letters_without_a_decomposition():
    from natokg.namespaces import slugify

    assert slugify("Đukanović") == "dukanovic" and slugify("Jonas Gahr Støre") == "jonas-gahr-store"
    assert slugify("Łukasz Błaszczak") == "lukasz-blaszczak" and slugify("Erdoğan") == "erdogan"
