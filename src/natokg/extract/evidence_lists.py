"""Evidence added to records once each, without scanning their lists.

A record (person, meeting, participation, commitment, topic) keeps its evidence as a
list in the order found. A long letter names the same thing on every page, so "is
this evidence already there?" must not scan the list: each list gets a set beside it,
made on first use and made again when the list grew elsewhere (evidence merged in from
a twin record).
"""

from __future__ import annotations

from natokg.records import Evidence


class EvidenceLists:
    """Appends evidence to evidence lists, each piece once per list."""

    def __init__(self) -> None:
        # id(list) -> (the list, kept so that its id is not reused; its evidence as a set)
        self._sets: dict[int, tuple[list[Evidence], set[Evidence]]] = {}

    def add(self, evidence: list[Evidence], item: Evidence) -> bool:
        """Append ``item`` to ``evidence`` unless it is there; whether it was appended."""
        entry = self._sets.get(id(evidence))
        if entry is None or len(entry[1]) != len(evidence):
            entry = self._sets[id(evidence)] = (evidence, set(evidence))
        if item in entry[1]:
            return False
        entry[1].add(item)
        evidence.append(item)
        return True


__all__ = ["EvidenceLists"]
