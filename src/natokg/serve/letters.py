"""A letter's text with every extracted statement at its evidence offsets.

The offsets of ``oa:start``/``oa:end`` index the raw text the build kept beside the
store (``DIR/sources/{sha256}.txt``, natokg.store.layout), so ``text[start:end]`` is the
quote. Evidence may overlap (a meeting mention inside a commitment's sentence); the
text is cut at every start and end, and each piece is shown as the shortest statement
that covers it, the others listed in its title.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from natokg.namespaces import NKG, RDFS
from natokg.serve.describe import DEFAULT, EVIDENCE, TYPE, Quote, quote_of

# the kinds a letter page colours, and the class each is read from (with its subclasses)
KIND_CLASSES = {
    "meeting": str(NKG.Meeting),
    "person": str(NKG.Person),
    "commitment": str(NKG.Commitment),
    "position": str(NKG.Position),
}
OTHER_KIND = "other"


@dataclass
class Statement:
    """A thing extracted from the letter (a meeting mention, a commitment, ...) and the
    quote it stands on: ``facts`` are its (predicate, object) pairs."""

    number: int
    thing: str
    kind: str
    types: list[str]
    quote: Quote
    facts: list[tuple[str, object]] = field(default_factory=list)


@dataclass
class Piece:
    """A run of the letter's text and the statements covering it (innermost first)."""

    text: str
    statements: list[Statement]

    @property
    def kind(self) -> str:
        return self.statements[0].kind if self.statements else ""


def class_kinds(store: ox.Store) -> dict[str, str]:
    """Class IRI -> the kind it is coloured as (the ontology's subclasses included)."""
    kinds: dict[str, str] = {}
    for kind, root in KIND_CLASSES.items():
        query = f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>* <{root}> }}"
        for solution in store.query(query):
            kinds.setdefault(solution["c"].value, kind)
        kinds[root] = kind
    return kinds


def statements(store: ox.Store, letter: str, kinds: dict[str, str]) -> list[Statement]:
    """Every statement of the letter that carries evidence in it, in text order."""
    found: list[Statement] = []
    inletter = ox.NamedNode(str(NKG.inLetter))
    for quad in store.quads_for_pattern(None, inletter, ox.NamedNode(letter), DEFAULT):
        quote = quote_of(store, quad.subject)
        if quote is None:
            continue
        for holder in store.quads_for_pattern(None, EVIDENCE, quad.subject, DEFAULT):
            thing = holder.subject
            types = sorted(q.object.value for q in store.quads_for_pattern(thing, TYPE, None, DEFAULT))
            kind = next((kinds[t] for t in types if t in kinds), OTHER_KIND)
            facts = [
                (q.predicate.value, q.object)
                for q in store.quads_for_pattern(thing, None, None, DEFAULT)
                if q.predicate not in (TYPE, EVIDENCE)
            ]
            found.append(Statement(0, thing.value, kind, types, quote, sorted(facts, key=lambda f: (f[0], str(f[1])))))
    found.sort(key=lambda s: (s.quote.start, -s.quote.end, s.kind, s.thing))
    for number, statement in enumerate(found, 1):
        statement.number = number
    return found


def pieces(text: str, found: list[Statement]) -> list[Piece]:
    """The text cut at every statement's start and end; statements outside the text are
    left out (a text layer that does not match the graph)."""
    usable = [s for s in found if 0 <= s.quote.start < s.quote.end <= len(text)]
    cuts = sorted({0, len(text), *(s.quote.start for s in usable), *(s.quote.end for s in usable)})
    result: list[Piece] = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [s for s in usable if s.quote.start <= start and end <= s.quote.end]
        covering.sort(key=lambda s: (s.quote.end - s.quote.start, s.number))
        if result and not covering and not result[-1].statements:
            result[-1].text += text[start:end]
        else:
            result.append(Piece(text[start:end], covering))
    return result


def paired_letters(store: ox.Store, letter: str) -> list[str]:
    """The letters of another kind about the same main meeting: an agenda's report, a
    report's agenda."""
    about = ox.NamedNode(str(NKG.about))
    node = ox.NamedNode(letter)
    kinds = {quad.object for quad in store.quads_for_pattern(node, TYPE, None, DEFAULT)}
    others: set[str] = set()
    for quad in store.quads_for_pattern(node, about, None, DEFAULT):
        for other in store.quads_for_pattern(None, about, quad.object, DEFAULT):
            if other.subject == node or not isinstance(other.subject, ox.NamedNode):
                continue
            other_kinds = {q.object for q in store.quads_for_pattern(other.subject, TYPE, None, DEFAULT)}
            if other_kinds != kinds:
                others.add(other.subject.value)
    return sorted(others)


__all__ = ["KIND_CLASSES", "Piece", "Statement", "class_kinds", "paired_letters", "pieces", "statements"]
