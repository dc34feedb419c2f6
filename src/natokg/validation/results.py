"""What both validators share: the report records, the shapes and the context graph
they read, and the text of a result's terms.

natokg.validation.reference (pySHACL) and natokg.validation.compiled report the same
ValidationResult records; both parse shapes/ and the context (ontology + reference data)
once per process from here. The context merged into one rdflib graph (with SHACL-SPARQL
query texts parsed once) is shared too: pySHACL validates over it, and the compiled
validator runs pySHACL's per-focus SPARQL evaluation on it.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache, total_ordering
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import BNode, Graph, Literal
from rdflib.namespace import XSD, NamespaceManager
from rdflib.plugins.sparql import prepareQuery

from natokg.errors import ReferenceDataError
from natokg.namespaces import DEFAULT_DATA_BASE, PREFIXES, data_base
from natokg.paths import ontology_dir, reference_dir, shapes_dir

SH = "http://www.w3.org/ns/shacl#"
SHAPES_NS = "https://w3id.org/natokg/shapes#"
SEVERITIES = {SH + "Violation": "Violation", SH + "Warning": "Warning", SH + "Info": "Info"}


# ---------------------------------------------------------------- report types


@total_ordering
@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, as plain strings.

    ``focus``, ``path`` and ``shape`` are full IRIs (a path other than a single
    predicate in SPARQL property-path syntax); ``value`` is an IRI, or a literal in
    N3 with a prefixed datatype (``"2022-05-14"^^xsd:date``). ``constraint`` is the
    constraint component IRI, except for SHACL-SPARQL results, where it is the IRI of
    the named sh:SPARQLConstraint (nkgsh:AllyNotYetAcceded), which says more than the
    generic sh:SPARQLConstraintComponent.
    """

    focus: str
    path: str | None
    value: str | None
    constraint: str
    severity: str  # "Violation" | "Warning" | "Info"
    message: str
    shape: str

    def sort_key(self) -> tuple[str, ...]:
        return (
            self.focus,
            self.path or "",
            self.constraint,
            self.value or "",
            self.severity,
            self.shape,
            self.message,
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ValidationResult):
            return NotImplemented
        return self.sort_key() < other.sort_key()


@dataclass
class ValidationReport:
    conforms: bool
    results: list[ValidationResult]
    graph: Graph = field(repr=False)

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Warning"]

    def by_focus(self) -> dict[str, list[ValidationResult]]:
        """Results grouped by focus node, focus nodes and results in sorted order."""
        grouped: dict[str, list[ValidationResult]] = {}
        for result in sorted(self.results):
            grouped.setdefault(result.focus, []).append(result)
        return grouped


# ---------------------------------------------------------------- shapes and context


def parse_turtle_files(files: list[Path], graph: Graph, *, rebase: bool) -> Graph:
    default_base, base = DEFAULT_DATA_BASE, data_base()
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
            if rebase and base != default_base:
                # ontology/ and shapes/ name data (states, controlled values) under the
                # default data base; follow NATOKG_BASE as the IRIs the mapper mints do.
                text = text.replace(default_base, base)
            graph.parse(data=text, format="turtle", publicID=path.resolve().as_uri())
        except (OSError, UnicodeDecodeError, SyntaxError, ValueError) as exc:
            text_of_error = str(exc).strip()
            first_line = text_of_error.splitlines()[0] if text_of_error else type(exc).__name__
            raise ReferenceDataError(
                f"cannot parse as Turtle ({first_line}); fix the syntax", path=path
            ) from exc
    return graph


@cache
def load_shapes() -> Graph:
    """All shapes/*.ttl as one graph, parsed once per process."""
    files = sorted(shapes_dir().glob("*.ttl"))
    if not files:
        raise ReferenceDataError(
            "no shapes found; restore shapes/*.ttl from the repository", path=shapes_dir()
        )
    return parse_turtle_files(files, Graph(), rebase=True)


def normalise_literals(graph: Graph) -> Graph:
    """A copy of ``graph`` in which every ``xsd:string`` literal is a plain literal.

    Terms converted from pyoxigraph carry an explicit xsd:string datatype, and rdflib
    compares ``"x"^^xsd:string`` unequal to ``"x"``, which breaks sh:in and
    sh:hasValue on strings.
    """
    out = Graph()
    out.addN(
        (s, p, Literal(str(o)) if isinstance(o, Literal) and o.datatype == XSD.string else o, out)
        for s, p, o in graph
    )
    return out


@cache
def context_graph(with_reference: bool) -> Graph:
    """Ontology (+ reference data) every data graph is merged with; parsed once."""
    files = sorted(ontology_dir().glob("*.ttl"))
    if with_reference:
        files += sorted(reference_dir().glob("*.ttl"))
    # under NATOKG_BASE, as the letters' IRIs and the shapes' controlled values are
    return normalise_literals(parse_turtle_files(files, Graph(), rebase=True))


def reference_graph() -> Graph:
    """A copy of the ontology and the reference data as one graph (the context)."""
    copy = Graph()
    copy.addN((s, p, o, copy) for s, p, o in context_graph(True))
    return copy


# ---------------------------------------------------------------- the merged context


@lru_cache(maxsize=64)
def prepared_query(query_text: str):
    return prepareQuery(query_text)


class PreparedQueryGraph(Graph):
    """A Graph that parses each SPARQL text once per process.

    pySHACL hands the query text of a SHACL-SPARQL constraint to ``Graph.query`` once
    per focus node; rdflib's pyparsing-based parser then dominates validation time
    (about 90% of it on a letter-sized graph). Prepared queries take the same
    ``initBindings`` ($this) and give the same results.
    """

    def query(self, query_object, *args, **kwargs):  # type: ignore[override]
        if isinstance(query_object, str):
            query_object = prepared_query(query_object)
        return super().query(query_object, *args, **kwargs)


_MERGE_LOCK = threading.Lock()


@cache
def _merged_context(with_reference: bool) -> PreparedQueryGraph:
    graph = PreparedQueryGraph()
    graph.addN((s, p, o, graph) for s, p, o in context_graph(with_reference))
    return graph


@contextmanager
def merged_with(data: Iterable[tuple], with_reference: bool, *, normalise: bool = True) -> Iterator[PreparedQueryGraph]:
    """The per-process context graph with ``data``'s triples added for the ``with`` block.

    The data is taken out again afterwards: copying the ~5000 context triples into a
    fresh graph per call would cost more than validating a letter. The lock keeps
    threads from seeing each other's data. ``normalise`` makes xsd:string literals
    plain first (see normalise_literals).
    """
    merged = _merged_context(with_reference)
    with _MERGE_LOCK:
        triples = normalise_literals(data) if normalise else data
        added = [t for t in triples if t not in merged]
        merged.addN((s, p, o, merged) for s, p, o in added)
        try:
            yield merged
        finally:
            for triple in added:
                merged.remove(triple)


# ---------------------------------------------------------------- terms as text


def pick_message(messages: list) -> str:
    """The first English (or untagged) sh:message / sh:resultMessage, sorted."""
    english = [m for m in messages if getattr(m, "language", None) in (None, "en")]
    return str(sorted(english or messages)[0]) if messages else ""


def term_text(term, nsm: NamespaceManager | None = None) -> str:
    """A result's term as ValidationResult holds it: an IRI, ``_:label``, or a literal
    in N3 with a prefixed datatype."""
    if isinstance(term, Literal):
        return term.n3(nsm or namespace_manager())
    if isinstance(term, BNode):
        return "_:" + str(term)
    return str(term)


@cache
def namespace_manager() -> NamespaceManager:
    nsm = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, namespace in {**PREFIXES, "nkgsh": SHAPES_NS}.items():
        nsm.bind(prefix, namespace, override=True, replace=True)
    return nsm


__all__ = [
    "SEVERITIES",
    "SH",
    "SHAPES_NS",
    "PreparedQueryGraph",
    "ValidationReport",
    "ValidationResult",
    "context_graph",
    "load_shapes",
    "merged_with",
    "namespace_manager",
    "normalise_literals",
    "parse_turtle_files",
    "pick_message",
    "prepared_query",
    "reference_graph",
    "term_text",
]
