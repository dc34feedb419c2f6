"""Fast SHACL validation of letter graphs: shapes/ compiled once, exact to pySHACL.

natokg.validation.reference (pySHACL) stays the reference implementation (``natokg validate``); the
build uses this module because pySHACL costs ~250-430 ms per letter and the build's
target is a few ms. Results are the same ValidationResult/ValidationReport types, and
tests/validation/test_shacl_sparql.py checks that both validators report the same results.

How it works:

- natokg.validation.shape_compiler reads the Turtle shapes
  (natokg.validation.results.load_shapes) into checker objects: one per node shape and
  property shape, one per constraint component. Only what shapes/ uses is supported
  (targets by sh:targetClass; single-IRI paths; sh:minCount, maxCount, datatype, class,
  in, pattern(+flags), nodeKind, node, hasValue, or, qualifiedValueShape with
  qualifiedMin/MaxCount, minLength, minInclusive, sparql).
  Anything else raises UnsupportedShapeError, so an edit to shapes/ can never be
  silently ignored (under-reported).
- Core constraints are evaluated in Python on the rdflib terms (natokg.validation.core_constraints),
  with pySHACL's own rules (ill-typed literals fail sh:datatype, ``compare_literal``
  for sh:minInclusive, ``re.match or re.search`` for sh:pattern...). Compiling them to
  SPARQL instead would change these semantics (XPath regex, SPARQL casts, term vs
  value equality).
- SHACL-SPARQL constraints run in pyoxigraph over an in-memory store holding the
  context (ontology + reference data) in one named graph and the letter in another,
  queried as their union. A query whose WHERE clause starts with a triple pattern on
  $this (and groups by $this if it aggregates) runs once for all focus nodes, joined
  with the targets, which gives the same rows as pySHACL's per-focus pre-binding;
  other queries run once per focus node with $this substituted.
- The context's own focus nodes (~470 states, cities, summits...) are validated once
  per process. Per letter, only focus nodes that the letter's triples can affect are
  re-validated: the letter's own nodes, and context nodes from which a letter subject
  is reachable along the shapes' paths within the shapes' nesting depth. A letter that
  adds rdfs:subClassOf triples re-validates everything.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from natokg.memory import collector_paused
from natokg.identifiers import VALIDATION_CONTEXT_GRAPH, VALIDATION_LETTER_GRAPH_PREFIX
from natokg.rdf.terms import XSD_STRING, from_ox, ntriples_to_rdflib, to_ox
from natokg.validation.contract import LetterValidator
from natokg.validation.core_constraints import (
    RDF_TYPE,
    RDFS_SUBCLASSOF,
    CompiledShape,
    UnsupportedShapeError,
    _Index,
    _key,
    _result,
    _shape_results,
    _superclasses,
    _Union,
)
from natokg.validation.results import (
    SH,
    ValidationReport,
    ValidationResult,
    context_graph,
    load_shapes,
    merged_with,
    namespace_manager,
    pick_message,
    prepared_query,
    term_text,
)
from natokg.validation.shape_compiler import THIS, ShapeCompiler, SparqlConstraint, sh

_CTX_GRAPH = ox.NamedNode(VALIDATION_CONTEXT_GRAPH)
# Each letter goes into a graph of its own name (VALIDATION_LETTER_GRAPH_PREFIX and a
# counter): pyoxigraph's in-memory store keeps a removed quad's key (versioning), so
# reusing one graph name made every scan of it walk all earlier letters' keys
# (validation time grew linearly: 24 -> 65 ms per letter after 1,600 letters in one
# worker). A fresh name starts a fresh key range; the memory
# the old keys hold (a worker grew to 750 MB over 5,000 letters) is given back by a
# fresh store every so many letters.
_FRESH_STORE_EVERY = 200


def _triples_of(index: _Index) -> Iterator[tuple]:
    for key, preds in index.spo.items():
        subject = index.terms[key]
        for p, objs in preds.items():
            predicate = URIRef(p)
            for o in objs:
                yield subject, predicate, o


# ---------------------------------------------------------------- the validator


class ShapeValidator:
    """The shapes compiled once, with one context (ontology, + reference data)."""

    def __init__(self, shapes: Graph, context: Graph, *, with_reference: bool = True) -> None:
        compiler = ShapeCompiler(shapes)
        targeted = sorted(set(shapes.subjects(sh("targetClass"), None)), key=str)
        for node in set(shapes.subjects(None, None)):
            if any(str(p).startswith(SH + "target") and p != sh("targetClass") for p in shapes.predicates(node)):
                compiler.fail(node, "a target other than sh:targetClass")
        self.shapes = [compiler.shape(node) for node in targeted]
        self.targeting_cache: dict = {}  # frozenset of classes -> shapes targeting them
        self.depth = max((_read_depth(s, set()) for s in self.shapes), default=0)
        self.paths = {_key(s.path) for s in compiler.compiled.values() if s.path is not None}
        self.context = _Index(context)
        self.supers = _superclasses([self.context.spo])
        self.context_quads = [
            ox.Quad(to_ox(s), to_ox(p), to_ox(o), _CTX_GRAPH) for s, p, o in _triples_of(self.context)
        ]
        self.store = ox.Store()
        self.store.extend(self.context_quads)
        self.sparql_queries = [
            (shape, constraint, self._query_text(shape, constraint))
            for shape in self.shapes
            for constraint in shape.sparql
        ]
        empty = _Union(self.context, _Index(()), self.supers)
        self.context_results = {}  # focus -> results on the context alone
        for focus in self._focus_nodes(self.context, empty):
            self.context_results[_key(focus)] = list(self._core_results(focus, empty))
        self.affected_by = self._reverse_reach()
        self.with_reference = with_reference
        self.sparql_constraint_iris = {str(c.node) for _s, c, _q in self.sparql_queries}
        self.declared_datatypes: dict = {}  # predicate -> datatypes sh:datatype allows
        for compiled in compiler.compiled.values():
            if compiled.path is not None:
                for dt in shapes.objects(compiled.node, sh("datatype")):
                    self.declared_datatypes.setdefault(_key(compiled.path), set()).add(str(dt))
        self.sparql_predicates = _predicates_used([q for _s, _c, (q, _j) in self.sparql_queries])
        self.context_canonical = None
        self.lock = threading.Lock()
        self.letters_seen = 0

    # ---- focus nodes

    def _targeting(self, focus, union: _Union) -> list[CompiledShape]:
        classes = union.classes_of(focus)
        if not classes:
            return []
        shapes = self.targeting_cache.get(classes)
        if shapes is None:
            shapes = self.targeting_cache[classes] = [s for s in self.shapes if s.targets & classes]
        return shapes

    def _focus_nodes(self, index: _Index, union: _Union) -> list:
        return [t for k, t in index.terms.items() if RDF_TYPE in index.spo[k] and self._targeting(t, union)]

    def _core_results(self, focus, union: _Union) -> Iterator[ValidationResult]:
        for shape in self._targeting(focus, union):
            for component, value, source in _shape_results(shape, focus, union):
                yield _result(focus, source, component, value)

    def _reverse_reach(self) -> dict:
        """node -> context focus nodes whose validation reads that node's triples."""
        affected: dict = {}
        spo = self.context.spo
        for focus in self.context_results:
            frontier, seen = {focus}, {focus}
            for _ in range(self.depth):
                frontier = {_key(o) for n in frontier for p in self.paths for o in spo.get(n, {}).get(p, ())} - seen
                seen |= frontier
            for node in seen:
                affected.setdefault(node, set()).add(focus)
        return affected

    # ---- SPARQL

    def _query_text(self, shape: CompiledShape, constraint: SparqlConstraint) -> tuple[str, bool]:
        text = THIS.sub("?this", constraint.select)
        if not constraint.joinable():
            return constraint.prefixes + text, False
        targets = " ".join(f"<{t}>" for t in sorted(shape.targets))
        head, _sep, rest = text.partition("{")
        joined = (
            f"{head}{{ {{ SELECT DISTINCT ?this WHERE {{ VALUES ?targetClass {{ {targets} }} "
            f"?this <{RDF.type}>/<{RDFS.subClassOf}>* ?targetClass }} }} {rest}"
        )
        return constraint.prefixes + joined, True

    def _sparql_results(
        self, focus_nodes_by_shape: dict, letter: _Index, letter_graph: ox.NamedNode
    ) -> Iterator[ValidationResult]:
        graphs = [_CTX_GRAPH, letter_graph]
        restore = None
        for shape, constraint, (query, joined) in self.sparql_queries:
            rows: list = []
            if joined:
                rows = [(None, row) for row in _rows(self.store.query(query, default_graph=graphs))]
            else:
                for focus in focus_nodes_by_shape.get(shape.node, ()):
                    substitution = {ox.Variable("this"): to_ox(focus)}
                    solutions = self.store.query(query, default_graph=graphs, substitutions=substitution)
                    rows += [(focus, row) for row in _rows(solutions)]
            if rows and restore is None:
                restore = self._literal_restorer(letter)
            yield from self._sparql_rows(
                shape, constraint, [(f, {k: restore(t) for k, t in row.items()}) for f, row in rows]
            )

    def _literal_restorer(self, letter: _Index):
        """ox term -> the rdflib term of the data. The store keeps literals in canonical
        form ("5.0"^^xsd:decimal comes back as "5", xsd:nonNegativeInteger as
        xsd:integer); pySHACL reports the data's own term, so map back to it."""
        if self.context_canonical is None:
            self.context_canonical = _canonical_literals(
                o for preds in self.context.spo.values() for objs in preds.values() for o in objs
            )
        letter_canonical = _canonical_literals(
            o for preds in letter.spo.values() for objs in preds.values() for o in objs
        )

        def restore(term):
            if isinstance(term, ox.Literal):
                key = _literal_key(term)
                original = letter_canonical.get(key) or self.context_canonical.get(key)
                if original is not None:
                    return original
            return from_ox(term)

        return restore

    def _sparql_rows(self, shape: CompiledShape, constraint: SparqlConstraint, rows) -> Iterator[ValidationResult]:
        """``rows``: (pre-bound focus or None, bindings) pairs, read as pySHACL reads them."""
        nsm, seen = namespace_manager(), set()
        for pre_bound, bound in rows:
            this, path, value = bound.pop("this", None), bound.pop("path", None), bound.pop("value", None)
            if this is None and path is None and value is None:
                continue
            key = (pre_bound, this, path, value, tuple(sorted(bound.items())))
            if key in seen:  # pySHACL drops duplicate rows (per focus node)
                continue
            seen.add(key)
            focus = this or pre_bound
            if value is None:
                value = focus
            fdict = {"this": this, "path": path, "value": value, **bound}
            messages = []
            for m in constraint.messages + shape.messages:
                text = str(m.value)
                for var, val in fdict.items():
                    if val is not None:
                        text = re.sub("{{[?$]{}}}".format(var), str(val), text)
                messages.append(Literal(text, lang=m.language))
            yield ValidationResult(
                focus=term_text(focus, nsm),
                path=str(path) if path is not None else None,
                value=term_text(value, nsm) if value is not None else None,
                constraint=str(constraint.node),
                severity=shape.severity,
                message=pick_message(messages),
                shape=term_text(shape.node, nsm),
            )

    # ---- one letter

    def validate(self, triples: Iterable[tuple]) -> ValidationReport:
        # The cyclic garbage collector would otherwise run every few hundred of the
        # thousands of small dicts and lists made here and scan the whole heap (rdflib
        # graphs included) each time: 4.5 ms of a 1,200-triple letter's 5 ms index.
        # What is made here is freed by reference counting (natokg.memory).
        with collector_paused():
            return self._validate(triples)

    def _validate(self, triples: Iterable[tuple]) -> ValidationReport:
        letter = _Index(triples, skip=self.context.spo)
        lspo = letter.spo
        rebuild_hierarchy = any(RDFS_SUBCLASSOF in preds for preds in lspo.values())
        supers = _superclasses([self.context.spo, lspo]) if rebuild_hierarchy else self.supers
        union = _Union(self.context, letter, supers)
        if rebuild_hierarchy:  # any context node may have become (or stopped being) a target
            dirty = set(self.context.spo)
        else:
            dirty = set()
            for subject in lspo:
                dirty |= self.affected_by.get(subject, set())
        results = [r for f, rs in self.context_results.items() if f not in dirty for r in rs]
        candidates = dirty | set(lspo)
        focus_by_shape: dict = {}
        for key in candidates:
            focus = letter.terms.get(key) or self.context.terms[key]
            for shape in self._targeting(focus, union):
                focus_by_shape.setdefault(shape.node, []).append(focus)
                for component, value, source in _shape_results(shape, focus, union):
                    results.append(_result(focus, source, component, value))
        if self.sparql_queries and not self._engines_agree(letter):
            results += self._sparql_results_rdflib(union, letter)
        elif self.sparql_queries:
            try:
                with self.lock:
                    self.letters_seen += 1
                    letter_graph = ox.NamedNode(f"{VALIDATION_LETTER_GRAPH_PREFIX}{self.letters_seen}")
                    try:
                        self.store.extend(self._letter_quads(letter, letter_graph))
                        if any(not joined for _s, _c, (_q, joined) in self.sparql_queries):
                            focus_by_shape = self._all_focus_by_shape(union, letter)
                        results += self._sparql_results(focus_by_shape, letter, letter_graph)
                    finally:
                        self.store.remove_graph(letter_graph)
                        if self.letters_seen % _FRESH_STORE_EVERY == 0:
                            # the removed letters' keys and strings stay in the store:
                            # start again from the context (~5k quads, ~8 ms)
                            self.store = ox.Store()
                            self.store.extend(self.context_quads)
            except ValueError:  # a term pyoxigraph rejects (an IRI with a space): rdflib
                results = [r for r in results if r.constraint not in self.sparql_constraint_iris]
                results += self._sparql_results_rdflib(union, letter)
        results.sort()
        conforms = not any(r.severity == "Violation" for r in results)
        return ValidationReport(conforms=conforms, results=results, graph=Graph())

    def _engines_agree(self, letter: _Index) -> bool:
        """True when pyoxigraph gives the SHACL-SPARQL queries rdflib's answers.

        The engines differ only on literals: rdflib compares a date with a plain string
        where SPARQL says type error, casts leniently, and so on. So the fast path is
        taken when every literal the queries can match in the letter is well-formed and
        has the datatype that the shapes' sh:datatype declares for its predicate;
        otherwise (a letter that is faulty anyway) the queries run on rdflib, as in
        pySHACL. Context literals conform to the shapes (tests/validation/test_shapes.py)."""
        wanted, declared = self.sparql_predicates, self.declared_datatypes
        for preds in letter.spo.values():
            for p, objs in preds.items():
                if wanted is not None and p not in wanted:
                    continue
                for o in objs:
                    if type(o) is not Literal:
                        continue
                    datatypes = declared.get(p)
                    if datatypes is None or getattr(o, "ill_typed", None) is True:
                        return False
                    if (str.__str__(o.datatype) if o.datatype is not None else XSD_STRING) not in datatypes:
                        return False
        return True

    def _sparql_results_rdflib(self, union: _Union, letter: _Index) -> Iterator[ValidationResult]:
        """The SHACL-SPARQL constraints run as pySHACL runs them: per focus node, with
        $this pre-bound, on rdflib's engine over the context merged with the letter."""
        focus_by_shape = self._all_focus_by_shape(union, letter)
        out: list = []
        with merged_with(_triples_of(letter), self.with_reference, normalise=False) as merged:
            for shape, constraint, _query in self.sparql_queries:
                query = prepared_query(constraint.prefixes + constraint.select)
                rows = []
                for focus in focus_by_shape.get(shape.node, ()):
                    for row in merged.query(query, initBindings={"this": focus}):
                        rows.append((focus, {str(k): v for k, v in row.asdict().items()}))
                out += self._sparql_rows(shape, constraint, rows)
        return out

    def _letter_quads(self, letter: _Index, letter_graph: ox.NamedNode) -> Iterator[ox.Quad]:
        """The letter's triples the SPARQL constraints can match (all of them when a
        query has a variable predicate): loading fewer triples is the main saving."""
        wanted, terms = self.sparql_predicates, letter.terms
        for key, preds in letter.spo.items():
            subject = None
            for p, objs in preds.items():
                if wanted is not None and p not in wanted:
                    continue
                if subject is None:
                    subject = to_ox(terms[key])
                predicate = to_ox(URIRef(p))
                for o in objs:
                    yield ox.Quad(subject, predicate, to_ox(o), letter_graph)

    def _all_focus_by_shape(self, union: _Union, letter: _Index) -> dict:
        out: dict = {}
        for index in (self.context, letter):
            for focus in index.terms.values():
                for shape in self._targeting(focus, union):
                    out.setdefault(shape.node, set()).add(focus)
        return out


def _rows(solutions) -> list[dict]:
    variables = solutions.variables
    return [{v.value: row[v] for v in variables if row[v] is not None} for row in solutions]


def _literal_key(term: ox.Literal) -> tuple:
    return term.value, term.datatype.value, term.language


_CANONICAL: dict = {}  # (lexical, datatype, language) -> the store's canonical key


def _canonical_literals(terms: Iterable) -> dict:
    """canonical ox literal key -> original rdflib literal (sorted first on a tie).

    The canonical form is what the store gives back; computed in a scratch store for
    literals not seen before (dates and numbers recur across letters)."""
    literals = sorted({t for t in terms if isinstance(t, Literal)}, key=lambda t: t.n3())
    keys = [(str.__str__(t), t.datatype and str.__str__(t.datatype), t.language) for t in literals]
    new = [i for i, k in enumerate(keys) if k not in _CANONICAL]
    if new:
        if len(_CANONICAL) > 200_000:
            _CANONICAL.clear()
        scratch = ox.Store()
        p, g = ox.NamedNode("urn:natokg:p"), ox.NamedNode("urn:natokg:g")
        scratch.extend(ox.Quad(ox.NamedNode(f"urn:natokg:{i}"), p, to_ox(literals[i]), g) for i in new)
        for quad in scratch.quads_for_pattern(None, None, None, g):
            _CANONICAL[keys[int(quad.subject.value.rsplit(":", 1)[1])]] = _literal_key(quad.object)
    out: dict = {}
    for original, k in zip(literals, keys):
        canonical = _CANONICAL[k]
        if canonical not in out:  # literals are sorted: the first is the smallest
            out[canonical] = original
    return out


def _predicates_used(queries: list[str]) -> set[str] | None:
    """Every IRI the queries use as a predicate (in paths too); None when a query has a
    variable predicate or a negated property set, i.e. can match any triple."""
    from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
    from rdflib.plugins.sparql import prepareQuery

    found: set[str] = set()

    def path(p) -> bool:
        if isinstance(p, URIRef):
            found.add(str.__str__(p))
            return True
        if isinstance(p, (SequencePath, AlternativePath)):
            return all(path(a) for a in p.args)
        if isinstance(p, MulPath):
            return path(p.path)
        if isinstance(p, InvPath):
            return path(p.arg)
        return False  # a Variable, a NegatedPath

    def walk(node) -> bool:
        if isinstance(node, dict):  # rdflib's CompValue is an OrderedDict
            if "triples" in node and node["triples"]:
                if not all(path(t[1]) for t in node["triples"]):
                    return False
            return all(walk(v) for v in node.values())
        if isinstance(node, (list, tuple)):
            return all(walk(v) for v in node)
        return True

    for text in queries:
        if not walk(prepareQuery(text).algebra):
            return None
    return found


def _read_depth(shape: CompiledShape, stack: set) -> int:
    """How many path steps from the focus node validating ``shape`` can read."""
    if shape.node in stack:
        return 0
    stack = stack | {shape.node}
    # A property shape reads its values' triples one step out (sh:class: their types);
    # shapes nested with sh:node/sh:or/sh:qualifiedValueShape read from their own focus
    # (the value) onwards.
    step = 1 if shape.path is not None else 0
    inner = max((_read_depth(s, stack) for s in shape.nested), default=0)
    props = max((_read_depth(p, stack) for p in shape.properties), default=0)
    return max(step + inner, step, props)


@cache
def shape_validator(with_reference: bool = True) -> ShapeValidator:
    """The compiled shapes and context, built once per process."""
    return ShapeValidator(load_shapes(), context_graph(with_reference), with_reference=with_reference)


def validate_graph_fast(data: Graph | str | bytes, *, with_reference: bool = True) -> ValidationReport:
    """Like natokg.validation.reference.validate_graph (same report), in a few milliseconds.

    ``data`` is an rdflib Graph or N-Triples text (graphs' texts may be concatenated;
    repeated triples count once)."""
    return shape_validator(with_reference).validate(_triples(data))


def validate_letters(letters: list, *, with_reference: bool = True) -> list[ValidationReport]:
    """One report per letter graph (rdflib Graphs or N-Triples strings), in order."""
    validator = shape_validator(with_reference)
    return [validator.validate(_triples(letter)) for letter in letters]


def _triples(letter) -> Iterable[tuple]:
    if isinstance(letter, Graph):
        return letter
    if isinstance(letter, (str, bytes)):
        return ntriples_to_rdflib(letter)
    raise TypeError(f"cannot validate a {type(letter).__name__}; pass an rdflib Graph or N-Triples")



#: What the build validates each letter with: the N-Triples text goes in as it is.
LETTER_VALIDATOR = LetterValidator(validate_graph_fast, reads_ntriples=True)


__all__ = [
    "LETTER_VALIDATOR",
    "ShapeValidator",
    "UnsupportedShapeError",
    "shape_validator",
    "validate_graph_fast",
    "validate_letters",
]
