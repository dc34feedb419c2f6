"""Terms between pyoxigraph and rdflib, and N-Triples text as rdflib triples, memoised.

The compiled validator (natokg.validation.compiled) evaluates rdflib terms, with pySHACL's
literal semantics, and runs its SHACL-SPARQL constraints in pyoxigraph; the build hands
it each letter as N-Triples text. The terms recur across triples and letters
(predicates, classes, meetings, actors, dates), so a term's N-Triples text is converted
once per process instead of once per occurrence.
"""

from __future__ import annotations

from typing import Iterable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LIMIT = 50_000  # entries per memo: evidence IRIs and quotes never recur (~175 new terms a letter)

_OX_IRIS: dict = {}
_OX_LITERALS: dict = {}
_RDFLIB_LITERALS: dict = {}
_TERMS_BY_TEXT: dict = {}  # a term's N-Triples text -> rdflib term
_IRIS_BY_TEXT: dict = {}  # the same, IRIs only: what may stand as subject or predicate
_TERMS_BY_OX: dict = {}  # pyoxigraph term -> the same rdflib term (one object per term)
_TERMS_BY_RDFLIB: dict = {}  # the rdflib term's own form -> that term (one object per term)
_ALIASES: set = set()  # texts of a term first seen written otherwise ("x"^^xsd:string, "x")


def to_ox(term):
    """rdflib -> pyoxigraph term; IRIs memoised by plain string (they recur in every
    letter, and a plain-str dict avoids rdflib's Python __eq__)."""
    if type(term) is URIRef:
        key = str.__str__(term)
        out = _OX_IRIS.get(key)
        if out is None:
            if len(_OX_IRIS) > _LIMIT:
                _OX_IRIS.clear()
            out = _OX_IRIS[key] = ox.NamedNode(key)
        return out
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    key = (str.__str__(term), term.datatype and str.__str__(term.datatype), term.language)
    out = _OX_LITERALS.get(key)
    if out is None:
        if len(_OX_LITERALS) > _LIMIT:
            _OX_LITERALS.clear()
        if term.language:
            out = ox.Literal(term, language=term.language)
        elif term.datatype is not None:
            out = ox.Literal(term, datatype=to_ox(URIRef(term.datatype)))
        else:
            out = ox.Literal(term)
        _OX_LITERALS[key] = out
    return out


def literal_from_ox(term: ox.Literal) -> Literal:
    """Memoised: building an rdflib Literal parses its value (dates, decimals)."""
    key = (term.value, term.datatype.value, term.language)
    out = _RDFLIB_LITERALS.get(key)
    if out is None:
        if len(_RDFLIB_LITERALS) > _LIMIT:
            _RDFLIB_LITERALS.clear()
        out = _RDFLIB_LITERALS[key] = from_ox(term)
    return out


def from_ox(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def ntriples_to_rdflib(text: str | bytes) -> list[tuple]:
    """N-Triples (several graphs' texts may be concatenated) as distinct rdflib triples,
    terms as rdflib's own N-Triples parser makes them.

    Lines in the form pyoxigraph writes (``<s> <p> object .``, one space apart: what the
    mapper and the build produce) are split, and each term's text is parsed by
    pyoxigraph only the first time this process sees it. Any other text (blank nodes,
    comments, other spacing, errors) is parsed whole by pyoxigraph."""
    data = text.decode("utf-8") if isinstance(text, bytes) else text
    if "_:" in data:  # blank node labels are local to one document: never memoised
        return _parsed(data)
    if len(_TERMS_BY_TEXT) > _LIMIT:
        _TERMS_BY_TEXT.clear()
        _IRIS_BY_TEXT.clear()
        _TERMS_BY_OX.clear()
        _TERMS_BY_RDFLIB.clear()
        _ALIASES.clear()
    lines = dict.fromkeys(data.split("\n"))  # distinct, in the text's order (deterministic)
    lines.pop("", None)
    if not all(line.endswith(" .") for line in lines):
        return _parsed(data)
    rows = [line[:-2].split(" ", 2) for line in lines]
    texts = set().union(*rows)
    unseen = texts.difference(_TERMS_BY_TEXT)
    if unseen and not _learn(unseen):
        return _parsed(data)
    iris, terms = _IRIS_BY_TEXT, _TERMS_BY_TEXT
    try:
        triples = [(iris[s], iris[p], terms[o]) for s, p, o in rows]
    except (KeyError, ValueError):  # a literal where an IRI must stand; not 3 terms
        return _parsed(data)
    if texts.isdisjoint(_ALIASES):
        return triples  # distinct lines of distinct terms: distinct triples
    # one rdflib object per term (see _learn), so identity finds a triple written twice
    # (hashing rdflib terms runs Python code per term)
    return list({(id(s), id(p), id(o)): (s, p, o) for s, p, o in triples}.values())


def _learn(texts: Iterable[str]) -> bool:
    """Convert terms not seen before; False when a text is not exactly one N-Triples
    term (then the caller parses the whole document). IRIs without escapes are checked
    by pyoxigraph one by one; the rest (literals) are parsed in one document."""
    by_ox, learned = _TERMS_BY_OX, _TERMS_BY_TEXT
    others: list[str] = []
    for text in texts:
        if text[:1] == "<" and text[-1:] == ">" and "\\" not in text and ">" not in text[1:-1]:
            try:
                node = ox.NamedNode(text[1:-1])
            except ValueError:
                return False
            _remember(text, node, by_ox.get(node))
        else:
            others.append(text)
    if not others:
        return True
    subject, predicate = "<urn:natokg:term:", "<urn:natokg:p>"
    document = "".join(f"{subject}{i}> {predicate} {text} .\n" for i, text in enumerate(others))
    try:
        quads = list(ox.parse(document.encode("utf-8"), ox.RdfFormat.N_TRIPLES))
    except SyntaxError:
        return False
    if len(quads) != len(others):  # a text held more than one term
        return False
    for index, quad in enumerate(quads):
        if quad.subject.value != f"urn:natokg:term:{index}":
            return False
        _remember(others[index], quad.object, by_ox.get(quad.object))
    return all(text in learned for text in others)


def _remember(text: str, term, known) -> None:
    if known is None:
        made = _iri(term.value) if type(term) is ox.NamedNode else literal_from_ox(term)
        # rdflib normalises lexical forms ("01"^^xsd:integer is "1"): two pyoxigraph
        # terms can make one rdflib term, as rdflib's own parser would
        key = (type(made), str.__str__(made), getattr(made, "datatype", None), getattr(made, "language", None))
        known = _TERMS_BY_OX[term] = _TERMS_BY_RDFLIB.setdefault(key, made)
        if known is not made:
            _ALIASES.add(text)
    else:
        _ALIASES.add(text)
    _TERMS_BY_TEXT[text] = known
    if type(known) is URIRef:
        _IRIS_BY_TEXT[text] = known


def _iri(checked: str) -> URIRef:
    # What URIRef(checked) makes, without rdflib's character-by-character check in
    # Python (~3.5 us an IRI, 160 new IRIs a letter): pyoxigraph has parsed the IRI, and
    # its rules are stricter than that check.
    return str.__new__(URIRef, checked)


def _parsed(data: str) -> list[tuple]:
    iris: dict = {}

    def term(t):
        if type(t) is ox.NamedNode:
            iri = iris.get(t.value)
            if iri is None:
                iri = iris[t.value] = URIRef(t.value)
            return iri
        return literal_from_ox(t) if type(t) is ox.Literal else from_ox(t)

    seen = {(q.subject, q.predicate, q.object) for q in ox.parse(data.encode("utf-8"), ox.RdfFormat.N_TRIPLES)}
    # distinct as rdflib sees them (it normalises lexical forms), as in an rdflib Graph
    return list(dict.fromkeys((term(s), term(p), term(o)) for s, p, o in seen))


__all__ = ["from_ox", "literal_from_ox", "ntriples_to_rdflib", "to_ox"]
