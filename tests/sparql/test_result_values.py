"""natokg.sparql.values: every engine's terms become the same Python values."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from natokg.sparql.values import (
    IRI,
    XSD,
    LangString,
    json_binding_value,
    literal_value,
    oxigraph_value,
    prefixed,
    rdflib_value,
)

# (lexical form, datatype, language, expected value)
LITERALS = [
    ("42", XSD + "integer", None, 42),
    ("-7", XSD + "long", None, -7),
    ("250.5", XSD + "decimal", None, Decimal("250.5")),
    ("0.5", XSD + "double", None, 0.5),
    ("true", XSD + "boolean", None, True),
    ("0", XSD + "boolean", None, False),
    ("2025-06-24", XSD + "date", None, date(2025, 6, 24)),
    ("2025-06-24T10:00:00Z", XSD + "dateTime", None, datetime(2025, 6, 24, 10, tzinfo=timezone.utc)),
    ("2035", XSD + "gYear", None, 2035),
    ("Den Haag", None, None, "Den Haag"),
    ("NAVO-top", None, "nl", LangString("NAVO-top", "nl")),
]


@pytest.mark.parametrize(("text", "datatype", "lang", "expected"), LITERALS)
def test_the_three_engines_give_the_same_value(text, datatype, lang, expected):
    if lang:
        oxigraph_term, rdflib_term = ox.Literal(text, language=lang), Literal(text, lang=lang)
        binding = {"type": "literal", "value": text, "xml:lang": lang}
    elif datatype:
        oxigraph_term, rdflib_term = ox.Literal(text, datatype=ox.NamedNode(datatype)), Literal(text, datatype=datatype)
        binding = {"type": "literal", "value": text, "datatype": datatype}
    else:
        oxigraph_term, rdflib_term = ox.Literal(text), Literal(text)
        binding = {"type": "literal", "value": text}
    values = [oxigraph_value(oxigraph_term), json_binding_value(binding), rdflib_value(rdflib_term)]
    assert values == [expected] * 3
    assert {type(value) for value in values} == {type(expected)}
    if lang:
        assert {value.lang for value in values} == {lang}


def test_iris_and_blank_nodes():
    iri = "https://w3id.org/natokg/id/state/nl"
    values = [oxigraph_value(ox.NamedNode(iri)), json_binding_value({"type": "uri", "value": iri}),
              rdflib_value(URIRef(iri))]
    assert values == [iri] * 3 and all(type(value) is IRI for value in values)
    assert oxigraph_value(ox.BlankNode("b1")) == json_binding_value({"type": "bnode", "value": "b1"}) == "_:b1"
    assert rdflib_value(BNode("b1")) == "_:b1"
    assert oxigraph_value(None) is None and json_binding_value(None) is None


@pytest.mark.parametrize(("text", "datatype"), [
    ("many", XSD + "integer"), ("2025-13-45", XSD + "date"), ("1,5", XSD + "decimal"), ("x", XSD + "gYear"),
])
def test_a_malformed_lexical_form_stays_its_text(text, datatype):
    assert literal_value(text, datatype) == text


def test_an_rdf_langstring_datatype_without_a_tag_is_plain_text():
    binding = {"type": "literal", "value": "tekst", "datatype": "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
    assert json_binding_value(binding) == "tekst" and type(json_binding_value(binding)) is str


def test_prefixed_takes_the_longest_namespace():
    prefixes = {"id": "https://w3id.org/natokg/id/", "state": "https://w3id.org/natokg/id/state/"}
    assert prefixed("https://w3id.org/natokg/id/state/nl", prefixes) == "state:nl"
    assert prefixed("https://w3id.org/natokg/id/org/eu", prefixes) == "id:org/eu"
    assert prefixed("https://example.org/x", prefixes) == "https://example.org/x"


def test_every_engine_value_is_term_value_of_its_term():
    """Each engine's value is term_value of its term: one conversion core, so a value and
    the re-serialised term of the same cell never disagree."""
    from natokg.sparql.values import RDF_LANG_STRING, json_binding_term, oxigraph_term, rdflib_term, term_value

    ox_terms = [None, ox.NamedNode("urn:a"), ox.BlankNode("b1"), ox.Literal("x", language="nl")]
    ox_terms += [ox.Literal(text, datatype=ox.NamedNode(datatype or XSD + "string")) for text, datatype, _, _ in LITERALS[:-1]]
    ox_terms += [ox.Literal("oops", datatype=ox.NamedNode(XSD + "date"))]
    for term in ox_terms:
        assert oxigraph_value(term) == term_value(oxigraph_term(term))
    bindings = [None, {"type": "uri", "value": "urn:a"}, {"type": "bnode", "value": "b1"},
                {"type": "literal", "value": "x", "xml:lang": "nl"},
                {"type": "literal", "value": "x", "datatype": RDF_LANG_STRING},
                {"type": "typed-literal", "value": "42", "datatype": XSD + "integer"},
                {"type": "literal", "value": "plain"}]
    for binding in bindings:
        assert json_binding_value(binding) == term_value(json_binding_term(binding))
    for term in [URIRef("urn:a"), BNode("b1"), Literal("x", lang="nl"), Literal("42", datatype=XSD + "integer"), Literal("plain")]:
        assert rdflib_value(term) == term_value(rdflib_term(term))
        assert type(rdflib_value(term)) is type(term_value(rdflib_term(term)))
