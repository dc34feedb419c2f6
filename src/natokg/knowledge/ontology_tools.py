"""Ontology maintenance: HTML documentation and consistency checks.

``write_docs`` renders ontology/natokg.ttl with pyLODE, and the concept schemes as a
plain table. ``check_ontology`` is what ``natokg ontology check`` runs: it parses the
ontology Turtle, checks that every nkg term and every concept carries the labels
maintainers and the extractor rely on, that every range is in the OWL 2 datatype map,
asks HermiT whether the ontology with the concept schemes and the reference data is
consistent and has no unsatisfiable class,
checks the OWL 2 DL profile with the OWL API inside HermiT's jar, and computes the
OWL-RL closure to look for clashes.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from natokg.errors import ReferenceDataError
from natokg.namespaces import ID, NKG
from natokg.knowledge.owl_rendering import for_reasoner, reference_files
from natokg.knowledge.turtle import parse_turtle
from natokg.paths import ontology_dir

# The ontology proper and the SKOS schemes it needs (reference data is instance data).
ONTOLOGY_FILES = ("natokg.ttl", "vocabularies.ttl", "topics.ttl", "stances.ttl")

PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
DECLARATION_TYPES = (OWL.Class, *PROPERTY_TYPES)

# Datatypes HermiT reasons with (OWL 2 datatype map); it refuses others, such as xsd:date.
OWL2_DATATYPES = {
    RDFS.Literal, RDF.PlainLiteral, RDF.XMLLiteral, OWL.real, OWL.rational,
    *(XSD[name] for name in (
        "decimal integer nonNegativeInteger nonPositiveInteger positiveInteger negativeInteger "
        "long int short byte unsignedLong unsignedInt unsignedShort unsignedByte double float "
        "string normalizedString token language Name NCName NMTOKEN boolean hexBinary "
        "base64Binary anyURI dateTime dateTimeStamp"
    ).split()),
}

HERMIT_TIMEOUT_SECONDS = 300


@dataclass
class OntologyCheck:
    """The outcome of :func:`check_ontology`.

    ``consistent`` is the reasoners' verdict (HermiT if it ran, and the OWL-RL closure);
    ``findings`` lists every problem found, inconsistency or missing label alike;
    ``skipped`` says which checks did not run and why; ``notes`` are caveats of checks
    that did run; ``seconds`` times each step.
    """

    consistent: bool
    findings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.consistent and not self.findings


# ---------------------------------------------------------------- loading


def ontology_files() -> list[Path]:
    return [ontology_dir() / name for name in ONTOLOGY_FILES]


def load_ontology_graph(extra_files: Sequence[Path] = ()) -> Graph:
    """The ontology and its concept schemes (plus ``extra_files``) as one rdflib Graph."""
    return parse_turtle([*ontology_files(), *extra_files])


def short(node: object) -> str:
    """nkg:Term, id:topic/china, owl:Class or <iri>, for messages."""
    text = str(node)
    for prefix, namespace in (("nkg:", str(NKG)), ("id:", str(ID)), ("owl:", str(OWL)), ("skos:", str(SKOS))):
        if text.startswith(namespace):
            return prefix + text[len(namespace) :]
    return f"<{text}>"


# ---------------------------------------------------------------- label checks


def _languages(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str]:
    return {o.language or "" for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


def term_findings(graph: Graph) -> list[str]:
    """Every nkg term is declared once, labelled @en and @nl and commented; properties
    have a domain and a range; nkg IRIs used anywhere are declared."""
    findings: list[str] = []
    nkg = str(NKG)
    declared = {s for t in DECLARATION_TYPES for s in graph.subjects(RDF.type, t) if str(s).startswith(nkg)}
    for term in sorted(declared):
        name = short(term)
        labels = _languages(graph, term, RDFS.label)
        for lang in ("en", "nl"):
            if lang not in labels:
                findings.append(f"{name} has no rdfs:label @{lang}; add one to ontology/natokg.ttl")
        if "en" not in _languages(graph, term, RDFS.comment):
            findings.append(f"{name} has no rdfs:comment @en; say what it means in ontology/natokg.ttl")
        kinds = [t for t in DECLARATION_TYPES if (term, RDF.type, t) in graph]
        if len(kinds) > 1:
            findings.append(f"{name} is declared as {' and '.join(short(k) for k in kinds)}; OWL 2 DL allows one")
        if kinds and kinds[0] in (OWL.ObjectProperty, OWL.DatatypeProperty):
            for axiom, what in ((RDFS.domain, "rdfs:domain"), (RDFS.range, "rdfs:range")):
                if graph.value(term, axiom) is None:
                    findings.append(f"{name} has no {what}; add one to ontology/natokg.ttl")
    used = {
        node
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(nkg) and node != URIRef(nkg)
    }
    for term in sorted(used - declared):
        findings.append(f"{short(term)} is used but not declared in ontology/natokg.ttl; declare it or fix the name")
    return findings


def concept_findings(graph: Graph) -> list[str]:
    """Every SKOS concept has one prefLabel @en and one @nl, a scheme and an English
    definition; no label is both preferred and alternative/hidden (SKOS S13, S14)."""
    findings: list[str] = []
    for concept in sorted(set(graph.subjects(RDF.type, SKOS.Concept))):
        name = short(concept)
        prefs = [o for o in graph.objects(concept, SKOS.prefLabel) if isinstance(o, Literal)]
        for lang in ("en", "nl"):
            count = sum(1 for o in prefs if o.language == lang)
            if count != 1:
                findings.append(f"concept {name} has {count} skos:prefLabel @{lang}; give it exactly one")
        if graph.value(concept, SKOS.inScheme) is None:
            findings.append(f"concept {name} has no skos:inScheme; add it to its scheme")
        if "en" not in _languages(graph, concept, SKOS.definition):
            findings.append(f"concept {name} has no skos:definition @en; say what it means")
        others = set(graph.objects(concept, SKOS.altLabel)) | set(graph.objects(concept, SKOS.hiddenLabel))
        for label in sorted(set(prefs) & others):
            findings.append(
                f"concept {name}: {label!s}@{label.language} is both prefLabel and alt/hiddenLabel; "
                "remove the alt/hiddenLabel (the prefLabel is matched too)"
            )
        alts = set(graph.objects(concept, SKOS.altLabel))
        for label in sorted(alts & set(graph.objects(concept, SKOS.hiddenLabel))):
            findings.append(f"concept {name}: {label!s} is both altLabel and hiddenLabel; keep one")
    return findings


# ---------------------------------------------------------------- HermiT


def java_executable() -> str | None:
    """The java owlready2 is configured with, if it can be found."""
    import owlready2

    return shutil.which(owlready2.JAVA_EXE)


def hermit_classpath() -> str:
    import owlready2

    hermit_dir = Path(owlready2.__file__).resolve().parent / "hermit"
    return f"{hermit_dir}{os.pathsep}{hermit_dir / 'HermiT.jar'}"


def unsupported_datatypes(graph: Graph) -> list[str]:
    """Datatypes used as ranges that OWL 2 reasoners refuse (not in the OWL 2 map)."""
    ranges = {o for o in graph.objects(None, RDFS.range) if isinstance(o, URIRef)}
    datatypes = {r for r in ranges if str(r).startswith((str(XSD), str(RDF)))}
    return sorted(f"xsd:{str(d)[len(str(XSD)):]}" if str(d).startswith(str(XSD)) else str(d)
                  for d in datatypes - OWL2_DATATYPES)


def run_hermit(graph: Graph, java: str) -> tuple[bool, list[str]]:
    """Ask HermiT (the jar owlready2 ships) whether ``graph`` is consistent and which
    classes are unsatisfiable. The jar is called directly, on an N-Triples copy of the
    graph, so that it can print the unsatisfiable classes and be given a time limit."""
    findings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="natokg-hermit-") as tmp:
        path = Path(tmp) / "ontology.nt"
        path.write_bytes(graph.serialize(format="nt", encoding="utf-8"))
        command = [
            java, "-Xmx1000M", "-cp", hermit_classpath(), "org.semanticweb.HermiT.cli.CommandLine",
            "-k", "-U", path.as_uri(),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=HERMIT_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            return True, [f"HermiT did not finish within {HERMIT_TIMEOUT_SECONDS} s; simplify the ontology's axioms"]
    if "InconsistentOntologyException" in result.stderr:
        return False, ["HermiT: the ontology and concept schemes are inconsistent (no model exists); "
                       "look for an individual in two disjoint classes or a violated range"]
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if "Exception" in line] or result.stderr.splitlines()
        reason = lines[0].strip() if lines else f"exit code {result.returncode}"
        return True, [f"HermiT could not process the ontology: {reason}"]
    unsatisfiable = re.findall(r"^\s+(\S+)\s*$", result.stdout.split("owl:Nothing':", 1)[-1], re.MULTILINE)
    for name in unsatisfiable:
        if name not in ("owl:Nothing", f"<{OWL.Nothing}>"):
            findings.append(f"HermiT: class {short(name.strip('<>'))} is unsatisfiable (can have no members)")
    return True, findings


# The OWL API inside HermiT.jar has an OWL 2 DL profile checker; Java 11+ runs this
# single source file directly (java File.java), so no build step is needed.
DL_PROFILE_JAVA = """
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;
public class DLProfile {
  public static void main(String[] args) throws Exception {
    OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
    OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new java.io.File(args[0]));
    OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
    System.out.println("inProfile=" + report.isInProfile());
    for (OWLProfileViolation v : report.getViolations()) System.out.println(v.toString().replace("\\n", " "));
  }
}
"""
MAX_PROFILE_FINDINGS = 20


def run_dl_profile(graph: Graph, java: str) -> list[str] | None:
    """OWL 2 DL profile violations of ``graph`` (punning between property kinds,
    undeclared entities, reserved vocabulary ...); None if java cannot run the check
    (a JRE without the compiler cannot launch a source file)."""
    with tempfile.TemporaryDirectory(prefix="natokg-dl-") as tmp:
        source, data = Path(tmp) / "DLProfile.java", Path(tmp) / "ontology.nt"
        source.write_text(DL_PROFILE_JAVA, encoding="utf-8")
        data.write_bytes(graph.serialize(format="nt", encoding="utf-8"))
        command = [java, "-cp", hermit_classpath(), str(source), str(data)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=HERMIT_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            return None
    lines = result.stdout.splitlines()
    if not lines or not lines[0].startswith("inProfile="):
        return None
    violations = sorted(set(lines[1:]))
    findings = [f"OWL 2 DL profile: {line}" for line in violations[:MAX_PROFILE_FINDINGS]]
    if len(violations) > MAX_PROFILE_FINDINGS:
        findings.append(f"OWL 2 DL profile: ... and {len(violations) - MAX_PROFILE_FINDINGS} more violations")
    return findings


# ---------------------------------------------------------------- OWL-RL


DISJOINT_CLASH = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT DISTINCT ?x ?a ?b WHERE {
  { ?a owl:disjointWith ?b }
  UNION
  { ?all a owl:AllDisjointClasses ; owl:members ?list .
    ?list rdf:rest*/rdf:first ?a . ?list rdf:rest*/rdf:first ?b . FILTER(?a != ?b) }
  ?x a ?a , ?b .
}"""

SAME_DIFFERENT_CLASH = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT DISTINCT ?x ?y WHERE { ?x owl:sameAs ?y . { ?x owl:differentFrom ?y } UNION { ?y owl:differentFrom ?x } }"""


def closure_findings(graph: Graph) -> list[str]:
    """Compute the OWL-RL closure of a copy of ``graph`` and report contradictions:
    members of owl:Nothing, same-and-different individuals, disjointness clashes, and
    whatever else owlrl flags as an error."""
    import owlrl

    closure = Graph()
    for triple in graph:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
    findings: set[str] = set()
    for x in closure.subjects(RDF.type, OWL.Nothing):
        if isinstance(x, URIRef):
            findings.add(f"OWL-RL: {short(x)} is a member of owl:Nothing")
    for x, a, b in closure.query(DISJOINT_CLASH):
        if isinstance(x, URIRef) and str(a) < str(b):
            findings.add(f"OWL-RL: {short(x)} is both {short(a)} and {short(b)}, which are disjoint")
    for x, y in closure.query(SAME_DIFFERENT_CLASH):
        findings.add(f"OWL-RL: {short(x)} is both owl:sameAs and owl:differentFrom {short(y)}")
    errors = owlrl.Namespaces.ERRNS
    for message in closure.objects(None, errors.error):
        if not str(message).startswith("Disjoint classes"):  # reported above, with short names
            findings.add(f"OWL-RL: {message}")
    return sorted(findings)


# ---------------------------------------------------------------- the check


def check_ontology(*, reasoner: bool = True, extra_files: Sequence[Path] = ()) -> OntologyCheck:
    """Check ontology/natokg.ttl with its concept schemes (see the module docstring).

    ``reasoner=False`` skips the Java checks, HermiT and the DL profile (the OWL-RL
    closure always runs); ``extra_files``
    adds more Turtle (for example a few reference files) to the checked graph.
    """
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    graph = load_ontology_graph(extra_files)
    seconds["parse"] = time.perf_counter() - start

    start = time.perf_counter()
    findings = term_findings(graph) + concept_findings(graph) + [
        f"a range uses {datatype}, which is outside the OWL 2 datatype map and refused by OWL reasoners; "
        "use rdfs:Literal in the axiom and require the datatype in shapes/"
        for datatype in unsupported_datatypes(graph)
    ]
    seconds["labels"] = time.perf_counter() - start

    check = OntologyCheck(consistent=True, findings=findings, seconds=seconds)
    if not reasoner:
        check.skipped.append("HermiT and OWL 2 DL profile: not requested (reasoner=False)")
    elif (java := java_executable()) is None:
        check.skipped.append(
            "HermiT and OWL 2 DL profile: no java on PATH; install a Java 11+ JDK (OpenJDK) to run them"
        )
    else:
        start = time.perf_counter()
        with_reference = graph + parse_turtle(reference_files())
        consistent, hermit = run_hermit(for_reasoner(with_reference), java)
        seconds["hermit"] = time.perf_counter() - start
        check.consistent = consistent
        check.findings += hermit
        start = time.perf_counter()
        profile = run_dl_profile(graph, java)
        seconds["dl-profile"] = time.perf_counter() - start
        if profile is None:
            check.skipped.append("OWL 2 DL profile: java cannot run a source file here (needs a JDK, not a JRE)")
        else:
            check.findings += profile

    start = time.perf_counter()
    clashes = closure_findings(graph)
    seconds["owlrl"] = time.perf_counter() - start
    if clashes:
        check.consistent = False
        check.findings += clashes
    return check


# ---------------------------------------------------------------- documentation


@contextmanager
def _root_logging_kept():
    """pyLODE configures the root logger (``logging.basicConfig(level=DEBUG)`` on import,
    module-level ``logging.info`` calls later), which would make every library in the
    process log to stderr: undo that when it returns."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    if not handlers:
        root.addHandler(logging.NullHandler())  # basicConfig does nothing when a handler exists
    try:
        yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


def write_docs(out_dir: Path) -> list[Path]:
    """Write HTML documentation: ``index.html``, pyLODE's page for ontology/natokg.ttl
    (classes and properties with their English and Dutch labels), and
    ``concepts.html``, the concept schemes with their labels (pyLODE 3.3's VocPub
    profile does not list concepts). Returns the files written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    directory = ontology_dir()

    ontology = english_header(parse_turtle([directory / "natokg.ttl"]))
    index = out_dir / "index.html"
    try:
        with _root_logging_kept():
            from pylode import OntPub

            OntPub(ontology=ontology).make_html(destination=index)
    except Exception as error:  # pyLODE raises bare exceptions for missing metadata
        raise ReferenceDataError(
            f"pyLODE cannot document the ontology ({error}); check the ontology header", path=directory / "natokg.ttl"
        ) from error

    schemes = parse_turtle([directory / name for name in ONTOLOGY_FILES[1:]])
    concepts = out_dir / "concepts.html"
    concepts.write_text(concepts_html(schemes), encoding="utf-8")
    return [index, concepts]


def english_header(ontology: Graph) -> Graph:
    """``ontology`` without the header's non-English titles and descriptions: pyLODE
    joins every language of them into the page title."""
    for header in ontology.subjects(RDF.type, OWL.Ontology):
        for predicate in (DCTERMS.title, DCTERMS.description):
            for value in list(ontology.objects(header, predicate)):
                if isinstance(value, Literal) and value.language not in (None, "en"):
                    ontology.remove((header, predicate, value))
    return ontology


def _labels(graph: Graph, subject: URIRef, predicate: URIRef, lang: str) -> list[str]:
    return sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language == lang)


def concepts_html(graph: Graph) -> str:
    """A plain HTML page listing every concept scheme and its concepts with their
    labels, definition and hierarchy, for maintainers of the lexicons."""
    from html import escape

    def text(values: list[str]) -> str:
        return escape(" · ".join(values))

    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>natokg concept schemes</title>',
        "<style>body{font-family:sans-serif;margin:2em 5em}table{border-collapse:collapse;width:100%}"
        "td,th{border:1px solid #99a;padding:4px;vertical-align:top;text-align:left}"
        "code{font-size:90%}</style></head><body>",
        "<h1>natokg concept schemes</h1>",
        "<p>Controlled values, topics and stance types of the natokg ontology. Dutch alternative "
        "and hidden labels are the surface forms the extractor matches ('...' marks a gap, a "
        "trailing '*' a prefix).</p>",
    ]
    for scheme in sorted(set(graph.subjects(RDF.type, SKOS.ConceptScheme))):
        title = text(_labels(graph, scheme, SKOS.prefLabel, "en"))
        parts.append(f'<h2 id="{escape(short(scheme))}">{title} <small>({text(_labels(graph, scheme, SKOS.prefLabel, "nl"))})</small></h2>')
        parts.append(f"<p><code>{escape(str(scheme))}</code>: {text(_labels(graph, scheme, SKOS.definition, 'en'))}</p>")
        parts.append("<table><tr><th>concept</th><th>label en / nl</th><th>definition</th>"
                     "<th>Dutch surface forms</th><th>related</th></tr>")
        for concept in sorted(set(graph.subjects(SKOS.inScheme, scheme))):
            english = _labels(graph, concept, SKOS.prefLabel, "en") + _labels(graph, concept, SKOS.altLabel, "en")
            dutch = _labels(graph, concept, SKOS.prefLabel, "nl")
            forms = _labels(graph, concept, SKOS.altLabel, "nl") + _labels(graph, concept, SKOS.hiddenLabel, "nl")
            links = [
                f"{name} {short(other)}"
                for predicate, name in ((SKOS.broader, "broader"), (SKOS.narrower, "narrower"),
                                        (SKOS.related, "related"), (NKG.negatedStance, "negated"),
                                        (SKOS.exactMatch, "exact match"), (SKOS.broadMatch, "broad match"))
                for other in sorted(graph.objects(concept, predicate))
            ]
            parts.append(
                f'<tr id="{escape(short(concept))}"><td><code>{escape(short(concept))}</code></td>'
                f"<td>{text(english)}<br>{text(dutch)}</td>"
                f"<td>{text(_labels(graph, concept, SKOS.definition, 'en'))}</td>"
                f"<td>{text(forms)}</td><td>{text(links)}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
