"""Plain-text rendering of ``natokg eval``: the totals table, refused letters, misses and
false hits, and the per-letter table (natokg.evaluation.report holds the records)."""

from __future__ import annotations

import natokg.evaluation.report as category
from natokg.evaluation.report import CATEGORIES, EvalReport


def _clip(text: str | None, width: int) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."


def format_report(report: EvalReport, *, show_misses: bool = True, limit: int = 40, width: int = 110) -> str:
    """A table of P / R / F1 and tp/fp/fn per category, then the refused letters, then
    misses and false hits with their quotes (at most ``limit`` of each per category,
    quotes clipped to ``width`` characters)."""
    era = f" ({report.split})" if report.split else ""
    lines = [f"natokg eval: {len(report.letters)} gold letters{era}", ""]
    header = f"{'category':<21} {'P':>6} {'R':>6} {'F1':>6} {'need':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
    lines += [header, "-" * len(header)]
    failing = set(report.failing())
    for score in [*report.categories.values(), report.overall]:
        need = f"{score.threshold:.2f}" if score.threshold is not None else ""
        mark = "  FAIL" if score.name in failing else ""
        if score.name == "overall":
            lines.append("-" * len(header))
        lines.append(
            f"{score.name:<21} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} {need:>6} "
            f"{score.tp:5d} {score.fp:5d} {score.fn:5d}{mark}"
        )
    if report.failures:
        lines += ["", f"Letters refused or unreadable: {len(report.failures)} (all their facts count as misses):"]
        lines += [f"  {f.letter}: {f.message}" for f in report.failures]
    if report.unresolved_names:
        lines += ["", "Gold names the ontology has no label for (resolved by slug): " + ", ".join(report.unresolved_names)]
    if show_misses:
        for score in report.categories.values():
            for title, findings in (("misses", score.misses), ("false hits", score.false_hits)):
                if not findings:
                    continue
                lines += ["", f"{score.name}: {title} ({len(findings)})"]
                for finding in findings[:limit]:
                    lines.append(f"  {finding.letter}: {_clip(finding.fact, width)}")
                    if finding.quote:
                        lines.append(f"      \"{_clip(finding.quote, width - 6)}\"")
                if len(findings) > limit:
                    lines.append(f"  ... and {len(findings) - limit} more")
    return "\n".join(lines) + "\n"


#: Short column heads of the per-letter table, in category order.
_SHORT = {
    category.DOC_TYPE: "doc", category.LETTER_DATE: "date", category.METADATA: "meta",
    category.MAIN_MEETING: "main", category.MAIN_MEETING_DETAILS: "mdet", category.SESSIONS: "sess",
    category.OTHER_MEETINGS: "othm", category.PERSONS: "pers", category.PARTNERS: "part",
    category.ALLIES_COUNT: "allc", category.COMMITMENTS: "comm", category.AMOUNTS: "amnt",
    category.POSITIONS: "posn", category.PAIRING: "pair",
}


def format_by_letter(report: EvalReport) -> str:
    """One row per letter with its F1 per category ("-" where the letter has neither gold
    facts nor predictions in a category, "refused" rows for refused letters)."""
    refused = {f.letter for f in report.failures}
    width = max((len(letter) for letter in report.letters), default=6)
    heads = [_SHORT.get(name, name[:4]) for name in CATEGORIES]
    lines = [f"{'letter':<{width}} " + " ".join(f"{h:>5}" for h in heads)]
    lines.append("-" * len(lines[0]))
    for letter in report.letters:
        scores = report.by_letter.get(letter, {})
        cells = [("    -" if s.empty else f"{s.f1:5.2f}") for s in (scores[name] for name in CATEGORIES if name in scores)]
        mark = "  refused" if letter in refused else ""
        lines.append(f"{letter:<{width}} " + " ".join(cells) + mark)
    lines += ["", "columns: " + ", ".join(f"{_SHORT.get(n, n)} = {n}" for n in CATEGORIES)]
    return "\n".join(lines) + "\n"
