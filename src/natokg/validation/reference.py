"""SHACL validation of natokg graphs against shapes/ (pySHACL).

What the shapes see: the caller's data graph (for the build, one letter's graph
UNIONed with its entity descriptions) merged with a *context* graph that is parsed
once per process: the ontology (ontology/*.ttl: class hierarchy, controlled values,
topic and stance schemes) and, with ``with_reference=True``, the reference data
(ontology/reference/*.ttl: allies with accession dates, cities, summits, groups).

Design choices (measured on a 939-triple letter graph + 4840 context triples; see
shapes/README.md):

- No pySHACL inference. ``inference="rdfs"`` over the union takes ~6 s per call; the
  shapes instead name each subclass in sh:targetClass, sh:class follows
  rdfs:subClassOf* in the data graph (the merged ontology supplies the hierarchy),
  and the SPARQL constraints walk ``rdf:type/rdfs:subClassOf*`` themselves.
- The context is merged into a plain in-memory ``rdflib.Graph`` rather than passed as
  ``ont_graph``: pySHACL's ont_graph copies only RDFS/OWL axioms, not the reference
  facts (accession dates) the SPARQL constraints need. The merged graph is built once
  per process; each call adds the data and removes it again (copying the context per
  call would cost ~100 ms).
- SHACL-SPARQL query texts are parsed once per process (``_PreparedQueryGraph``):
  pySHACL re-submits the text per focus node and rdflib's parser took ~90% of the
  time (2.9 s -> 0.2 s per letter).
- Reference nodes are validated on every call too: filtering them out with pySHACL's
  focus_nodes option was slower (its list membership test) and would also skip the
  value nodes of sh:node.
- ``allow_warnings=True``: a report with warnings only conforms; ``conforms`` is
  False exactly when there is at least one sh:Violation.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from functools import cache, lru_cache, total_ordering
from pathlib import Path

import pyshacl
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, XSD, NamespaceManager
from rdflib.plugins.sparql import prepareQuery
from rdflib.util import guess_format

from natokg.errors import BadInputError, ReferenceDataError
from natokg.namespaces import DEFAULT_DATA_BASE, PREFIXES, data_base
from natokg.paths import ontology_dir, reference_dir, shapes_dir

SH = "http://www.w3.org/ns/shacl#"
SHAPES_NS = "https://w3id.org/natokg/shapes#"
_SEVERITIES = {SH + "Violation": "Violation", SH + "Warning": "Warning", SH + "Info": "Info"}
_SH_SPARQL_COMPONENT = SH + "SPARQLConstraintComponent"

# pySHACL's validate() attaches a stderr handler to this logger on every call; the
# library never prints (failures still raise), so the logger is switched off.
logging.getLogger("pyshacl-validate").disabled = True


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


def _parse_turtle_files(files: list[Path], graph: Graph, *, rebase: bool) -> Graph:
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
    return _parse_turtle_files(files, Graph(), rebase=True)


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
def _context(with_reference: bool) -> Graph:
    """Ontology (+ reference data) every data graph is merged with; parsed once."""
    files = sorted(ontology_dir().glob("*.ttl"))
    if with_reference:
        files += sorted(reference_dir().glob("*.ttl"))
    # under NATOKG_BASE, as the letters' IRIs and the shapes' controlled values are
    return normalise_literals(_parse_turtle_files(files, Graph(), rebase=True))


def reference_graph() -> Graph:
    """A copy of the ontology and the reference data as one graph (the context)."""
    copy = Graph()
    copy.addN((s, p, o, copy) for s, p, o in _context(True))
    return copy


# ---------------------------------------------------------------- validation


@lru_cache(maxsize=64)
def _prepared(query_text: str):
    return prepareQuery(query_text)


class _PreparedQueryGraph(Graph):
    """A Graph that parses each SPARQL text once per process.

    pySHACL hands the query text of a SHACL-SPARQL constraint to ``Graph.query`` once
    per focus node; rdflib's pyparsing-based parser then dominates validation time
    (about 90% of it on a letter-sized graph). Prepared queries take the same
    ``initBindings`` ($this) and give the same results.
    """

    def query(self, query_object, *args, **kwargs):  # type: ignore[override]
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


def validate_graph(data: Graph, *, with_reference: bool = True) -> ValidationReport:
    """Validate ``data`` against shapes/ with the ontology (+ reference data) merged in.

    ``with_reference=False`` merges only ontology/*.ttl, for graphs that already hold
    the reference data (a whole-store export) or that *are* the reference data.
    The caller's graph is not modified.
    """
    merged = _merged_context(with_reference)
    # Add the data to the per-process context graph and take it out again afterwards:
    # copying the ~5000 context triples into a fresh graph per call would cost more
    # than validating a letter. The lock keeps threads from seeing each other's data.
    with _MERGE_LOCK:
        added = [t for t in normalise_literals(data) if t not in merged]
        merged.addN((s, p, o, merged) for s, p, o in added)
        try:
            _conforms, report_graph, _text = pyshacl.validate(
                merged,
                shacl_graph=load_shapes(),
                inference="none",
                allow_warnings=True,
                inplace=True,
            )
        finally:
            for triple in added:
                merged.remove(triple)
    results = sorted(_results(report_graph))
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationReport(conforms=conforms, results=results, graph=report_graph)


_MERGE_LOCK = threading.Lock()


@cache
def _merged_context(with_reference: bool) -> _PreparedQueryGraph:
    graph = _PreparedQueryGraph()
    graph.addN((s, p, o, graph) for s, p, o in _context(with_reference))
    return graph


def _results(report: Graph) -> list[ValidationResult]:
    sh = lambda name: URIRef(SH + name)  # noqa: E731
    nsm = _namespace_manager()
    out = []
    # Only the report's own results: results nested under sh:detail (from sh:node)
    # repeat the outer result's cause on the value node.
    for node in report.objects(None, sh("result")):
        component = str(report.value(node, sh("sourceConstraintComponent")))
        named_constraint = report.value(node, sh("sourceConstraint"))
        if component == _SH_SPARQL_COMPONENT and isinstance(named_constraint, URIRef):
            component = str(named_constraint)
        path = report.value(node, sh("resultPath"))
        value = report.value(node, sh("value"))
        out.append(
            ValidationResult(
                focus=_term(report.value(node, sh("focusNode")), nsm),
                path=_path_text(report, path) if path is not None else None,
                value=_term(value, nsm) if value is not None else None,
                constraint=component,
                severity=_SEVERITIES.get(
                    str(report.value(node, sh("resultSeverity"))), "Violation"
                ),
                message=_message(report, node),
                shape=_term(report.value(node, sh("sourceShape")), nsm),
            )
        )
    return out


def _message(report: Graph, node) -> str:
    messages = list(report.objects(node, URIRef(SH + "resultMessage")))
    english = [m for m in messages if getattr(m, "language", None) in (None, "en")]
    return str(sorted(english or messages)[0]) if messages else ""


def _term(term, nsm: NamespaceManager) -> str:
    if isinstance(term, Literal):
        return term.n3(nsm)
    if isinstance(term, BNode):
        return "_:" + str(term)
    return str(term)


def _path_text(graph: Graph, path) -> str:
    """A SHACL property path in SPARQL syntax (full IRIs in angle brackets if complex)."""
    if isinstance(path, URIRef):
        return str(path)
    if (path, RDF.first, None) in graph:
        return "/".join(_path_atom(graph, p) for p in Collection(graph, path))
    for name, template in (
        ("inversePath", "^{}"),
        ("zeroOrMorePath", "{}*"),
        ("oneOrMorePath", "{}+"),
        ("zeroOrOnePath", "{}?"),
    ):
        inner = graph.value(path, URIRef(SH + name))
        if inner is not None:
            return template.format(_path_atom(graph, inner))
    alternatives = graph.value(path, URIRef(SH + "alternativePath"))
    if alternatives is not None:
        return "(" + "|".join(_path_atom(graph, p) for p in Collection(graph, alternatives)) + ")"
    return "_:" + str(path)


def _path_atom(graph: Graph, path) -> str:
    return f"<{path}>" if isinstance(path, URIRef) else _path_text(graph, path)


# ---------------------------------------------------------------- files


def validate_files(paths: list[Path]) -> ValidationReport:
    """Parse RDF files (format guessed from the suffix) into one graph and validate it.

    Quads (TriG, N-Quads) are flattened into one graph. An unreadable or unparsable
    file raises BadInputError naming it.
    """
    data = Graph()
    for path in paths:
        _parse_rdf_file(Path(path), data)
    return validate_graph(data)


def _parse_rdf_file(path: Path, into: Graph) -> None:
    fmt = guess_format(str(path)) or "turtle"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BadInputError(
            f"cannot read the file ({exc.strerror or exc}); check the path and permissions",
            path=path,
        ) from exc
    try:
        if fmt in ("nquads", "trig"):
            dataset = Dataset()
            dataset.parse(data=raw, format=fmt, publicID=path.resolve().as_uri())
            into.addN((s, p, o, into) for s, p, o, _g in dataset.quads())
        else:
            into.parse(data=raw, format=fmt, publicID=path.resolve().as_uri())
    except Exception as exc:  # rdflib raises many unrelated types on bad input
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise BadInputError(
            f"cannot parse as {fmt} ({detail}); "
            "fix the syntax or give the file the suffix of its format",
            path=path,
        ) from exc


# ---------------------------------------------------------------- text rendering


@cache
def _namespace_manager() -> NamespaceManager:
    nsm = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, namespace in {**PREFIXES, "nkgsh": SHAPES_NS}.items():
        nsm.bind(prefix, namespace, override=True, replace=True)
    return nsm


def compact(text: str | None) -> str:
    """An IRI, or IRIs in angle brackets inside a path, shortened with natokg prefixes."""
    if not text:
        return ""
    if text.startswith('"'):  # a literal, already in N3 with a prefixed datatype
        return text
    if "<" in text:
        return re.sub(r"<([^<>]*)>", lambda m: _compact_iri(m.group(1)), text)
    return _compact_iri(text)


def _compact_iri(iri: str) -> str:
    matches = [
        (len(str(ns)), prefix, str(ns))
        for prefix, ns in _namespace_manager().namespaces()
        if str(ns) and iri.startswith(str(ns))
    ]
    if not matches:
        return f"<{iri}>" if ":" in iri else iri
    _len, prefix, namespace = max(matches)
    return f"{prefix}:{iri[len(namespace):]}"


def _compact_iris_in(text: str) -> str:
    """Shorten the IRIs pySHACL substitutes into messages ({?value}, {$this})."""

    def shorten(match: re.Match) -> str:
        iri = match.group(0).rstrip(".,;:")
        return _compact_iri(iri) + match.group(0)[len(iri):]

    return re.sub(r"https?://[^\s<>\"(){}]+", shorten, text)


def format_report(report: ValidationReport) -> str:
    """The report as plain text grouped by focus node (the CLI prints it as is)."""
    n_viol, n_warn = len(report.violations), len(report.warnings)
    n_info = len(report.results) - n_viol - n_warn
    verdict = "conforms" if report.conforms else "does not conform"
    counts = f"{n_viol} violation(s), {n_warn} warning(s)" + (f", {n_info} info" if n_info else "")
    lines = [f"Validation: {verdict} ({counts})"]
    for focus, results in report.by_focus().items():
        lines.append("")
        lines.append(compact(focus))
        for r in results:
            lines.append(f"  {r.severity}: {_compact_iris_in(r.message)}")
            if r.path:
                lines.append(f"    path:  {compact(r.path)}")
            if r.value is not None:
                lines.append(f"    value: {compact(r.value)}")
            lines.append(f"    check: {compact(r.constraint)} ({compact(r.shape)})")
    return "\n".join(lines) + "\n"
