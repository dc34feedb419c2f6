"""Text of a SHACL validation report, as ``natokg validate`` prints it."""

from __future__ import annotations

import re

from natokg.validation import ValidationReport
from natokg.validation.results import namespace_manager


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
        for prefix, ns in namespace_manager().namespaces()
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
