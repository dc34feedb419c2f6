"""Cross-letter steps: graph steps run after all letters are loaded, inside the build's
uncommitted generation (the agenda-to-report pairing is one)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pyoxigraph as ox


@dataclass(frozen=True)
class StepResult:
    """What one cross-letter step did, for the build summary and the manifest."""

    name: str
    graph: str | None = None  # the graph the step wrote, if any
    triples: int = 0
    findings: tuple[str, ...] = ()  # violations or notes worth showing in the summary


CrossLetterStep = Callable[[ox.Store], StepResult]

#: Steps run in order after all letters are loaded; each replaces its own graph (e.g.
#: graph/pairing). natokg.store.build registers the pairing; add others with
#: CROSS_LETTER_STEPS.append.
CROSS_LETTER_STEPS: list[CrossLetterStep] = []


def qualified_name(function) -> str:
    """``module.name`` of a step (as the manifest records it), mapper or check."""
    return f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', repr(function))}"


__all__ = ["CROSS_LETTER_STEPS", "CrossLetterStep", "StepResult", "qualified_name"]
