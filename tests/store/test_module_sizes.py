"""The store package's modules stay short enough to read (the project's ~600-line rule)."""

from __future__ import annotations

from pathlib import Path

import natokg.store

STORE = Path(natokg.store.__file__).resolve().parent
LIMIT = 600


def test_store_modules_stay_under_600_lines():
    lengths = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in STORE.glob("*.py")}
    assert len(lengths) > 5
    assert {name: n for name, n in lengths.items() if n > LIMIT} == {}
