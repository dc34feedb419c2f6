"""How the build validates one letter: the validator it calls and what that validator reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol


class Report(Protocol):
    """What the build reads of a report (ValidationReport has it)."""

    conforms: bool
    results: list


@dataclass(frozen=True)
class LetterValidator:
    """A validator the build runs on each mapped letter, in a worker process.

    ``check`` receives the letter's assertions and entity descriptions together: as
    N-Triples text when ``reads_ntriples`` (no rdflib graphs are built), else as one
    rdflib Graph. It must be picklable (a module-level function) for a parallel build.
    """

    check: Callable[[Any], Report]
    reads_ntriples: bool = False

    def __call__(self, graphs) -> Report:
        """Validate one letter's LetterGraphs (natokg.rdf.mapping)."""
        if self.reads_ntriples:
            return self.check(graphs.assertions_ntriples + graphs.entities_ntriples)
        return self.check(graphs.assertions + graphs.entities)


__all__ = ["LetterValidator", "Report"]
