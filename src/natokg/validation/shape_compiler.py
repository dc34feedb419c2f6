"""shapes/ compiled into checker objects for natokg.validation.compiled.

One CompiledShape per node shape and property shape, with one check per constraint
component (natokg.validation.core_constraints), and the SHACL-SPARQL constraints as
SparqlConstraint. Only what shapes/ uses is supported; anything else raises
UnsupportedShapeError, so an edit to shapes/ is never silently ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS

from natokg.paths import shapes_dir
from natokg.validation.core_constraints import (
    SEVERAL_COMPONENTS,
    CompiledShape,
    UnsupportedShapeError,
    _class_check,
    _datatype_check,
    _has_value,
    _key,
    _max_count,
    _min_count,
    _min_inclusive_ok,
    _min_length_ok,
    _node_kind_ok,
    _pattern_ok,
    _per_value,
    _qualified_counts,
    _shape_check,
)
from natokg.validation.results import SEVERITIES, SH


def sh(name: str) -> URIRef:
    return URIRef(SH + name)


# ---------------------------------------------------------------- compiled shapes


_SHAPE_KEYS = {
    sh(n)
    for n in (
        "targetClass property path message severity minCount maxCount datatype class in "
        "pattern flags nodeKind node hasValue or minLength minInclusive sparql name "
        "description order group qualifiedValueShape qualifiedMinCount qualifiedMaxCount"
    ).split()
}
_SPARQL_KEYS = {sh("select"), sh("message"), sh("prefixes"), RDF.type}


class ShapeCompiler:
    """shapes/ as CompiledShape objects; anything not implemented raises UnsupportedShapeError."""

    def __init__(self, shapes: Graph) -> None:
        self.g = shapes
        self.compiled: dict = {}

    def fail(self, node, what: str):
        raise UnsupportedShapeError(
            f"shape {node} uses {what}, which natokg.validation.compiled does not implement; "
            "implement it there (and test it against pySHACL) or express the rule "
            "with supported components",
            path=shapes_dir(),
        )

    def shape(self, node) -> CompiledShape:
        if node in self.compiled:
            return self.compiled[node]
        g = self.g
        for p in g.predicates(node, None):
            if str(p).startswith(SH) and p not in _SHAPE_KEYS:
                self.fail(node, p.n3(g.namespace_manager))
        for cls in (RDFS.Class, URIRef("http://www.w3.org/2002/07/owl#Class")):
            if (node, RDF.type, cls) in g:
                self.fail(node, "an implicit class target (the shape is also a class)")
        path = self.single(node, sh("path"))
        if path is not None and not isinstance(path, URIRef):
            self.fail(node, "a complex property path")
        severity = self.single(node, sh("severity"))
        shape = CompiledShape(
            node=node,
            path=path,
            severity=SEVERITIES[str(severity)] if severity is not None else "Violation",
            messages=list(g.objects(node, sh("message"))),
            targets=frozenset(_key(c) for c in g.objects(node, sh("targetClass"))),
        )
        self.compiled[node] = shape  # before nested shapes: recursion ends here
        shape.checks = list(self.checks(node, path is not None))
        shape.properties = [self.shape(p) for p in g.objects(node, sh("property"))]
        shape.sparql = [self.sparql(node, c) for c in g.objects(node, sh("sparql"))]
        if shape.sparql and path is not None:
            self.fail(node, "sh:sparql on a property shape")
        return shape

    def single(self, node, predicate):
        values = list(self.g.objects(node, predicate))
        if len(values) > 1:
            self.fail(node, f"several values of {predicate}")
        return values[0] if values else None

    def checks(self, node, is_property: bool):
        g, one = self.g, lambda name: self.single(node, sh(name))
        if is_property:
            if (n := one("minCount")) is not None:
                yield sh("MinCountConstraintComponent"), _min_count(int(n))
            if (n := one("maxCount")) is not None:
                yield sh("MaxCountConstraintComponent"), _max_count(int(n))
        elif one("minCount") is not None or one("maxCount") is not None:
            self.fail(node, "sh:minCount/sh:maxCount on a node shape")
        yield from self.qualified(node, is_property)
        for dt in g.objects(node, sh("datatype")):
            yield sh("DatatypeConstraintComponent"), _datatype_check(dt)
        for cls in g.objects(node, sh("class")):
            yield sh("ClassConstraintComponent"), _class_check(cls)
        for lst in g.objects(node, sh("in")):
            yield sh("InConstraintComponent"), _per_value(lambda v, s: v in s, frozenset(Collection(g, lst)))
        patterns = list(g.objects(node, sh("pattern")))
        if patterns:
            flags = one("flags")
            re_flags = (re.I if flags and "i" in str(flags) else 0) | (re.M if flags and "m" in str(flags) else 0)
            for p in patterns:
                text = str(p.value) if p.value is not None and len(p.value) > 1 else str(p)
                yield sh("PatternConstraintComponent"), _per_value(_pattern_ok, re.compile(text, re_flags))
        for kind in g.objects(node, sh("nodeKind")):
            yield sh("NodeKindConstraintComponent"), _per_value(_node_kind_ok, kind)
        for other in g.objects(node, sh("node")):
            nested = [self.shape(other)]
            self.compiled[node].nested += nested
            yield sh("NodeConstraintComponent"), _shape_check(nested, any)
        for value in g.objects(node, sh("hasValue")):
            yield sh("HasValueConstraintComponent"), _has_value(value)
        for lst in g.objects(node, sh("or")):
            members = [self.shape(m) for m in set(Collection(g, lst))]
            self.compiled[node].nested += members
            yield sh("OrConstraintComponent"), _shape_check(members, any)
        for n in g.objects(node, sh("minLength")):
            yield sh("MinLengthConstraintComponent"), _per_value(_min_length_ok, n.value)
        for m in g.objects(node, sh("minInclusive")):
            yield sh("MinInclusiveConstraintComponent"), _per_value(_min_inclusive_ok, m)

    def qualified(self, node, is_property: bool):
        """sh:qualifiedValueShape with its counts (never disjoint: shapes/ does not use it)."""
        value_shape = self.single(node, sh("qualifiedValueShape"))
        least, most = self.single(node, sh("qualifiedMinCount")), self.single(node, sh("qualifiedMaxCount"))
        if value_shape is None:
            if least is not None or most is not None:
                self.fail(node, "sh:qualifiedMinCount/sh:qualifiedMaxCount without sh:qualifiedValueShape")
            return
        if not is_property or (least is None and most is None):
            self.fail(node, "sh:qualifiedValueShape outside a property shape or without a count")
        nested = self.shape(value_shape)
        self.compiled[node].nested.append(nested)
        least_values = self.count(node, least) if least is not None else None
        most_values = self.count(node, most) if most is not None else None
        yield SEVERAL_COMPONENTS, _qualified_counts(nested, least_values, most_values)

    def count(self, node, literal) -> int:
        """A count of the shapes as an int, read once; pySHACL refuses anything but an
        xsd:integer when it loads the shapes, and so does this."""
        if not isinstance(literal, Literal) or isinstance(literal.value, bool) or not isinstance(literal.value, int):
            self.fail(node, f"a count that is not an integer ({literal.n3()})")
        return literal.value

    def sparql(self, shape_node, constraint) -> "SparqlConstraint":
        g = self.g
        for p in g.predicates(constraint, None):
            if p not in _SPARQL_KEYS:
                self.fail(constraint, p.n3(g.namespace_manager))
        select = self.single(constraint, sh("select"))
        if select is None:
            self.fail(constraint, "a SPARQL constraint without sh:select (sh:ask?)")
        prefixes = "".join(
            f"PREFIX {g.value(decl, sh('prefix'))}: <{g.value(decl, sh('namespace'))}>\n"
            for decls in g.objects(constraint, sh("prefixes"))
            for decl in g.objects(decls, sh("declare"))
        )
        return SparqlConstraint(constraint, prefixes, str(select), list(g.objects(constraint, sh("message"))))


# ---------------------------------------------------------------- SHACL-SPARQL


THIS = re.compile(r"\$this\b")  # the focus node variable of a SHACL-SPARQL query
_WHERE_STARTS_WITH_THIS = re.compile(r"\bWHERE\s*\{\s*\$this\s", re.I)
_GROUP_BY = re.compile(r"\bGROUP\s+BY\b([^}]*?)(?:\bHAVING\b|\bORDER\b|\bLIMIT\b|$)", re.I | re.S)


@dataclass
class SparqlConstraint:
    node: URIRef
    prefixes: str
    select: str
    messages: list[Literal]

    def joinable(self) -> bool:
        """True when one query over all focus nodes gives pySHACL's per-focus rows: $this
        is bound by the first triple pattern, no sub-SELECT, and groups keep $this apart."""
        head, _brace, body = self.select.partition("{")
        if not re.search(r"[?$]this\b|\*", head):
            return False  # the focus node must come back in the rows
        if not _WHERE_STARTS_WITH_THIS.search(self.select) or re.search(r"\bSELECT\b", body, re.I):
            return False
        aggregates = re.search(r"\b(COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(", self.select, re.I)
        group = _GROUP_BY.search(self.select)
        if aggregates or group:
            return bool(group and re.search(r"[?$]this\b", group.group(1)))
        return True
