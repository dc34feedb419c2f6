"""Look-ups of the spans that lie inside a stretch of text.

The stages ask, sentence by sentence, which dates, meeting spans or name spans lie in
the sentence. Scanning every span of the letter for each sentence makes a long letter
quadratic; the spans are kept sorted by start, so a bisect finds the first candidate
and the scan stops at the first span that starts after the stretch.
"""

from __future__ import annotations

import bisect
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")


def inside(items: Sequence[Item], starts: Sequence[int], start: int, end: int,
           end_of: Callable[[Item], int]) -> list[Item]:
    """The items lying inside [start, end] (``start <= item start``, ``item end <= end``),
    in their order. ``items`` are sorted by start and ``starts`` are their starts."""
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_right(starts, end, first)
    return [item for item in items[first:last] if end_of(item) <= end]


__all__ = ["inside"]
