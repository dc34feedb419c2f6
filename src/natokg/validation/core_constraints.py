"""The core SHACL constraint components, evaluated in Python on rdflib terms.

natokg.validation.compiled compiles shapes/ into checker objects; the per-rule checks they
run (sh:minCount, maxCount, datatype, class, in, pattern, nodeKind, node, hasValue,
or, qualifiedValueShape with its counts, minLength, minInclusive) and the graph view they read live here. They follow
pySHACL's own rules (ill-typed literals fail sh:datatype, ``compare_literal`` for
sh:minInclusive, ``re.match or re.search`` for sh:pattern...), so that the fast
validator reports exactly what pySHACL reports. SHACL-SPARQL constraints are run by
natokg.validation.compiled.

A check is ``check(values, focus, union) -> failing values`` (None for a failure that
has no value, as sh:minCount's), listed with its component; a check listed with
``SEVERAL_COMPONENTS`` returns (component, failing value) pairs instead, for the rules
that share one evaluation (sh:qualifiedMinCount and sh:qualifiedMaxCount of one shape).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from pyshacl.rdfutil.compare import compare_literal
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from natokg.paths import shapes_dir
from natokg.rdf.terms import XSD_STRING
from natokg.errors import ReferenceDataError
from natokg.validation.results import SH, ValidationResult, namespace_manager, pick_message, term_text

# Plain constants: rdflib's namespace attribute lookup is slow in the per-letter loops.
RDF_TYPE, RDFS_SUBCLASSOF = str(RDF.type), str(RDFS.subClassOf)  # plain str: dict keys


class UnsupportedShapeError(ReferenceDataError):
    """shapes/ uses a SHACL feature the fast validator does not implement."""


# ---------------------------------------------------------------- compiled shapes


@dataclass
class CompiledShape:
    node: URIRef | BNode
    path: URIRef | None  # None for a node shape
    severity: str
    messages: list[Literal]
    targets: frozenset = frozenset()
    checks: list = field(default_factory=list)  # (component IRI or SEVERAL_COMPONENTS, function)
    nested: list["CompiledShape"] = field(default_factory=list)  # via sh:node / sh:or / sh:qualifiedValueShape
    properties: list["CompiledShape"] = field(default_factory=list)
    sparql: list = field(default_factory=list)  # shape_compiler.SparqlConstraint
    _plan: list | None = None

    def message(self) -> str:
        return pick_message(self.messages)

    def plan(self) -> list[tuple]:
        """(path, checks, source shape) for this shape and its sh:property shapes, flat."""
        if self._plan is None:
            path_key = _key(self.path) if self.path is not None else None
            self._plan = [(path_key, self.checks, self)]
            for prop in self.properties:
                self._plan += prop.plan()
        return self._plan


# ---------------------------------------------------------------- data access


def _key(term) -> str:
    """A plain str for an IRI or blank node, used as dict key.

    Looking up rdflib terms in a dict calls rdflib's Python __eq__ on every hit (the
    letter's term objects are not the context's); plain strings compare in C, which
    makes the per-letter evaluation several times faster."""
    return "_:" + term if type(term) is BNode else str.__str__(term)


class _Index:
    """Subject key -> predicate key -> objects (rdflib terms), and key -> subject term.

    Objects are lists: a graph holds each triple once, and a letter's index skips the
    triples the context already has, so context + letter lists never share a term."""

    __slots__ = ("spo", "terms")

    def __init__(self, triples: Iterable[tuple], skip: dict | None = None) -> None:
        spo: dict = {}
        terms: dict = {}
        plain = str.__str__
        for s, p, o in triples:
            # As natokg.validation.results.normalise_literals: "x"^^xsd:string is the plain "x".
            if type(o) is Literal and o.datatype is not None and plain(o.datatype) == XSD_STRING:
                o = Literal(plain(o))
            k = "_:" + s if type(s) is BNode else plain(s)
            pk = plain(p)  # rdflib terms never equal plain strings: key with plain ones
            if skip is not None:
                in_context = skip.get(k)
                if in_context is not None and o in in_context.get(pk, ()):
                    continue
            preds = spo.get(k)
            if preds is None:
                preds = spo[k] = {}
                terms[k] = s
            objs = preds.get(pk)
            if objs is None:
                preds[pk] = [o]
            else:
                objs.append(o)
        self.spo, self.terms = spo, terms


class _Union:
    """Read access to context + letter, as pySHACL sees the merged graph."""

    def __init__(self, context: _Index, letter: _Index, supers: dict) -> None:
        self.context, self.letter, self.supers = context.spo, letter.spo, supers
        self._classes: dict = {}

    def objects(self, subject: str, predicate: str) -> list:
        a = self.context.get(subject)
        b = self.letter.get(subject)
        va = a.get(predicate) if a else None
        vb = b.get(predicate) if b else None
        if vb is None:
            return va or []
        return vb if va is None else va + vb

    def classes_of(self, term) -> frozenset:
        """Every class (key) ``term`` is an instance of (rdf:type/rdfs:subClassOf*)."""
        node = _key(term)
        out = self._classes.get(node)
        if out is None:
            found: set = set()
            for t in self.objects(node, RDF_TYPE):
                k = _key(t)
                found |= self.supers.get(k) or {k}
            self._classes[node] = out = frozenset(found)
        return out


def _superclasses(spo_list: list[dict]) -> dict:
    """class key -> itself and its transitive superclasses (keys), over the indexes."""
    direct: dict = {}
    for spo in spo_list:
        for s, preds in spo.items():
            for o in preds.get(RDFS_SUBCLASSOF, ()):
                direct.setdefault(s, set()).add(_key(o))
    closure = {}
    for cls in direct:
        seen, todo = {cls}, [cls]
        while todo:
            for sup in direct.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        closure[cls] = seen
    return closure


# ---------------------------------------------------------------- per-rule checks


def _per_value(ok, param):
    return lambda values, focus, union: [v for v in values if not ok(v, param)]


def _datatype_check(dt):
    plain, key = str.__str__, str(dt)

    def check(values, focus, union):
        bad = []
        for v in values:
            if type(v) is Literal and v.datatype is not None and plain(v.datatype) == key:
                ok = getattr(v, "ill_typed", None) is not True and _actual(v, dt)  # fast path
            else:
                ok = _datatype_ok(v, dt)
            if not ok:
                bad.append(v)
        return bad

    return check


def _min_count(n: int):
    return lambda values, focus, union: [None] if len(values) < n else []


def _max_count(n: int):
    return lambda values, focus, union: [None] if len(values) > n else []


def _has_value(term):
    return lambda values, focus, union: [] if term in values else [None]


def _class_check(cls):
    cls = _key(cls)

    def check(values, focus, union):
        return [v for v in values if isinstance(v, Literal) or cls not in union.classes_of(v)]

    return check


def _shape_check(shapes: list[CompiledShape], combine):
    def check(values, focus, union):
        return [v for v in values if not combine(_conforms(s, v, union) for s in shapes)]

    return check


SEVERAL_COMPONENTS = None  # the component of a check that names its components itself
_QUALIFIED_MAX = URIRef(SH + "QualifiedMaxCountConstraintComponent")
_QUALIFIED_MIN = URIRef(SH + "QualifiedMinCountConstraintComponent")


def _qualified_counts(shape: CompiledShape, least: int | None, most: int | None):
    """sh:qualifiedMinCount and sh:qualifiedMaxCount of one sh:qualifiedValueShape: the
    values conforming to ``shape`` are counted once, and each count the number breaks
    gives one result without a value (the maximum's first, as pySHACL reports them)."""

    def check(values, focus, union):
        conforming = sum(1 for v in values if _conforms(shape, v, union))
        failed = []
        if most is not None and conforming > most:
            failed.append((_QUALIFIED_MAX, None))
        if least is not None and conforming < least:
            failed.append((_QUALIFIED_MIN, None))
        return failed

    return check


# pySHACL's DatatypeConstraintComponent._assert_actual_datatype, by datatype.
_PYTHON_TYPES: dict = {}


def _python_types():
    if not _PYTHON_TYPES:
        from datetime import date, datetime, time
        from decimal import Decimal

        _PYTHON_TYPES.update(
            {
                XSD.string: (str, bytes),
                RDF.langString: (str, bytes),
                XSD.integer: int,
                XSD.float: float,
                XSD.decimal: Decimal,
                XSD.boolean: bool,
                XSD.date: date,
                XSD.time: time,
                XSD.dateTime: datetime,
            }
        )
    return _PYTHON_TYPES


def _actual(v: Literal, dt) -> bool:
    types = _python_types().get(dt)
    return True if types is None else isinstance(v.value, types)


def _datatype_ok(v, dt) -> bool:
    if not isinstance(v, Literal):
        return False
    if v.datatype == dt:
        return False if getattr(v, "ill_typed", None) is True else _actual(v, dt)
    if dt == RDFS.Literal:
        return True
    if dt == RDFS.Datatype and v.datatype:
        return True
    if v.datatype is None and v.language is None and dt == XSD.string:
        return _actual(v, dt)
    if dt == RDF.langString and v.language:
        return _actual(v, dt)
    return False


def _value_string(v) -> str:
    # pySHACL's StringBasedConstraintBase.value_node_to_string
    if isinstance(v, Literal) and v.value is not None and v.datatype in (None, RDF.langString, XSD.string):
        return str(v.value)
    return str(v)


def _pattern_ok(v, matcher) -> bool:
    if isinstance(v, BNode):
        return False
    text = _value_string(v)
    return bool(matcher.match(text) or matcher.search(text))


def _min_length_ok(v, n) -> bool:
    return n == 0 or (not isinstance(v, BNode) and len(_value_string(v)) >= n)


def _min_inclusive_ok(v, m) -> bool:
    if not isinstance(v, Literal):
        return False
    if isinstance(m.value, str) != isinstance(v.value, str):
        return False
    try:
        return compare_literal(v, m) >= 0
    except (TypeError, NotImplementedError):
        return False


def _node_kind_ok(v, kind) -> bool:
    name = str(kind)[len(SH):]
    if isinstance(v, BNode):
        return name in ("BlankNode", "BlankNodeOrLiteral", "BlankNodeOrIRI")
    if isinstance(v, Literal):
        return name in ("Literal", "BlankNodeOrLiteral", "IRIOrLiteral")
    return name in ("IRI", "IRIOrLiteral", "BlankNodeOrIRI")


# ---------------------------------------------------------------- core evaluation


def _shape_results(shape: CompiledShape, focus, union: _Union) -> Iterator[tuple]:
    """(component, value or None, shape) for every failure of ``shape`` on ``focus``;
    property shapes report themselves, as pySHACL's sh:sourceShape does."""
    key = _key(focus)
    for path, checks, source in shape.plan():
        values = union.objects(key, path) if path is not None else [focus]
        for component, check in checks:
            if component is SEVERAL_COMPONENTS:
                for named, value in check(values, focus, union):
                    yield named, value, source
                continue
            for value in check(values, focus, union):
                yield component, value, source


def _conforms(shape: CompiledShape, focus, union: _Union) -> bool:
    if shape.sparql:
        raise UnsupportedShapeError(
            f"shape {shape.node} has sh:sparql and is used by sh:node/sh:or", path=shapes_dir()
        )
    return next(_shape_results(shape, focus, union), None) is None


def _result(focus, shape: CompiledShape, component, value) -> ValidationResult:
    nsm = namespace_manager()
    return ValidationResult(
        focus=term_text(focus, nsm),
        path=str(shape.path) if shape.path is not None else None,
        value=term_text(value, nsm) if value is not None else None,
        constraint=str(component),
        severity=shape.severity,
        message=shape.message(),
        shape=term_text(shape.node, nsm),
    )
