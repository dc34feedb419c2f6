"""Work on one long letter without the cyclic garbage collector.

Segmenting and extracting a letter make millions of small tuples, lists and records.
The cyclic collector runs after every few hundred of them and, once a long letter's
spaCy docs, mentions and token lists are alive, each of its full runs scans them all:
about a tenth of a long letter's segmentation and extraction. What these stages make is
freed by reference counting, so they pause the collector; the cycles left over are
collected when it runs again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off inside the block; its previous state after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


__all__ = ["collector_paused"]
