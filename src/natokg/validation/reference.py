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
- SHACL-SPARQL query texts are parsed once per process (natokg.validation.results'
  ``PreparedQueryGraph``):
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
from pathlib import Path

import pyshacl
from rdflib import Dataset, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF
from rdflib.util import guess_format

from natokg.errors import BadInputError
from natokg.validation.results import (
    SEVERITIES,
    SH,
    ValidationReport,
    ValidationResult,
    load_shapes,
    merged_with,
    namespace_manager,
    pick_message,
    term_text,
)

_SH_SPARQL_COMPONENT = SH + "SPARQLConstraintComponent"

# pySHACL's validate() attaches a stderr handler to this logger on every call; the
# library never prints (failures still raise), so the logger is switched off.
logging.getLogger("pyshacl-validate").disabled = True


# ---------------------------------------------------------------- validation


def validate_graph(data: Graph, *, with_reference: bool = True) -> ValidationReport:
    """Validate ``data`` against shapes/ with the ontology (+ reference data) merged in.

    ``with_reference=False`` merges only ontology/*.ttl, for graphs that already hold
    the reference data (a whole-store export) or that *are* the reference data.
    The caller's graph is not modified.
    """
    with merged_with(data, with_reference) as merged:
        _conforms, report_graph, _text = pyshacl.validate(
            merged,
            shacl_graph=load_shapes(),
            inference="none",
            allow_warnings=True,
            inplace=True,
        )
    results = sorted(_results(report_graph))
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationReport(conforms=conforms, results=results, graph=report_graph)


def _results(report: Graph) -> list[ValidationResult]:
    sh = lambda name: URIRef(SH + name)  # noqa: E731
    nsm = namespace_manager()
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
                focus=term_text(report.value(node, sh("focusNode")), nsm),
                path=_path_text(report, path) if path is not None else None,
                value=term_text(value, nsm) if value is not None else None,
                constraint=component,
                severity=SEVERITIES.get(
                    str(report.value(node, sh("resultSeverity"))), "Violation"
                ),
                message=pick_message(list(report.objects(node, sh("resultMessage")))),
                shape=term_text(report.value(node, sh("sourceShape")), nsm),
            )
        )
    return out


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


_XML_FORMATS = ("xml", "trix")


def validate_files(paths: list[Path]) -> ValidationReport:
    """Parse RDF files (format guessed from the suffix) into one graph and validate it.

    Quads (TriG, N-Quads) are flattened into one graph. An unreadable or unparsable
    file raises BadInputError naming it. RDF/XML and TriX with DTD entity declarations
    are refused before parsing (a 1 KB "billion laughs" file expands exponentially:
    228 s in rdflib), and nesting deeper than Python's recursion limit is a one-line
    error, not a traceback.
    """
    data = Graph()
    for path in paths:
        _parse_rdf_file(Path(path), data)
    try:
        return validate_graph(data)
    except RecursionError:
        raise BadInputError(
            "the data nests blank nodes or lists too deeply to validate (Python's recursion limit); "
            "flatten the nesting, e.g. give the inner nodes IRIs",
            path=paths[0] if len(paths) == 1 else None,
        ) from None


def refuse_xml_entities(raw: bytes, path: Path) -> None:
    """BadInputError when an XML document declares DTD entities (internal or external).

    expat reads the prolog as a stream and the handler stops it at the first entity
    declaration, before any entity is expanded, so a bomb costs microseconds.
    """
    from xml.parsers import expat

    class _Entity(Exception):
        pass

    def declared(name, *_args):
        raise _Entity(name)

    parser = expat.ParserCreate()
    parser.EntityDeclHandler = declared
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(raw, True)
    except _Entity as entity:
        raise BadInputError(
            f"declares the XML entity {str(entity)!r}; natokg refuses DTD entities in RDF/XML "
            "(they can expand without bound or read local files): remove the <!DOCTYPE> block",
            path=path,
        ) from None
    except expat.ExpatError:
        pass  # malformed XML: rdflib's parser says where


def _is_recursion(error: BaseException) -> bool:
    while error is not None:
        if isinstance(error, RecursionError):
            return True
        error = error.__cause__ or error.__context__
    return False


def _parse_rdf_file(path: Path, into: Graph) -> None:
    fmt = guess_format(str(path)) or "turtle"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BadInputError(
            f"cannot read the file ({exc.strerror or exc}); check the path and permissions",
            path=path,
        ) from exc
    if fmt in _XML_FORMATS:
        refuse_xml_entities(raw, path)
    try:
        if fmt in ("nquads", "trig"):
            dataset = Dataset()
            dataset.parse(data=raw, format=fmt, publicID=path.resolve().as_uri())
            into.addN((s, p, o, into) for s, p, o, _g in dataset.quads())
        else:
            into.parse(data=raw, format=fmt, publicID=path.resolve().as_uri())
    except Exception as exc:  # rdflib raises many unrelated types on bad input
        if _is_recursion(exc):
            raise BadInputError(
                f"nests [ ] or ( ) deeper than the {fmt} parser can follow (Python's recursion limit); "
                "flatten the nesting, e.g. give the inner nodes IRIs",
                path=path,
            ) from None
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise BadInputError(
            f"cannot parse as {fmt} ({detail}); "
            "fix the syntax or give the file the suffix of its format",
            path=path,
        ) from exc


