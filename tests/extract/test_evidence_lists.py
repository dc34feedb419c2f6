"""natokg.extract.evidence_lists: each piece of evidence once per record, in order."""

from __future__ import annotations

from natokg.extract.evidence_lists import EvidenceLists
from natokg.records import Evidence

A, B, C = Evidence(0, 4, "NAVO"), Evidence(10, 14, "NAVO"), Evidence(20, 27, "Den Haag")


def test_each_piece_once_per_list_in_the_order_found():
    lists = EvidenceLists()
    first, second = [], []
    assert [lists.add(first, e) for e in (A, B, A, C, B)] == [True, True, False, True, False]
    assert lists.add(second, A)  # another record's list is another list
    assert first == [A, B, C] and second == [A]


def test_a_list_grown_elsewhere_is_read_again():
    # a meeting draft takes over its twin's evidence: what was merged in counts as there
    lists = EvidenceLists()
    evidence = [A]
    lists.add(evidence, B)
    evidence.append(C)
    assert not lists.add(evidence, C)
    assert evidence == [A, B, C]
