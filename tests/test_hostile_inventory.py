"""tests/support/hostile.py lists every hostile input the tests try; each entry names a
test that exists, so the list cannot drift from the tests."""

from __future__ import annotations

import ast
from pathlib import Path

from support.hostile import HOSTILE

TESTS = Path(__file__).resolve().parent


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def test_every_entry_names_a_test_that_exists():
    missing = []
    for entry in HOSTILE:
        file, _, name = entry.test.partition("::")
        path = TESTS / file
        if not path.is_file() or name.split("[")[0] not in _test_names(path):
            missing.append(f"{entry.name}: {entry.test}")
    assert missing == []


def test_entries_are_unique_and_complete():
    names = [entry.name for entry in HOSTILE]
    assert len(names) == len(set(names))
    for entry in HOSTILE:
        assert entry.area and entry.what and entry.expected, entry.name
