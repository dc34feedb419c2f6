"""Where the ontology, shapes and saved queries live.

In a source checkout they sit at the top of the repository; in an installed wheel they
travel inside the package as ``natokg/_data`` (see pyproject.toml). ``NATOKG_HOME``
points natokg at another checkout, for ontology maintainers editing Turtle elsewhere.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from natokg.errors import ReferenceDataError

_PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The directory holding ontology/, shapes/ and queries/ (NATOKG_HOME when set)."""
    return _project_root(os.environ.get("NATOKG_HOME") or None)


@cache  # per NATOKG_HOME value: a changed variable is never answered from the old one
def _project_root(home: str | None) -> Path:
    candidates = [Path(home)] if home else []
    candidates += [_PACKAGE_DIR / "_data", _PACKAGE_DIR.parent.parent]
    for candidate in candidates:
        if (candidate / "ontology" / "natokg.ttl").is_file():
            return candidate
    raise ReferenceDataError(
        "cannot find ontology/natokg.ttl; reinstall natokg or set NATOKG_HOME to a checkout"
    )


project_root.cache_clear = _project_root.cache_clear  # type: ignore[attr-defined]


def ontology_dir() -> Path:
    return project_root() / "ontology"


def reference_dir() -> Path:
    return ontology_dir() / "reference"


def shapes_dir() -> Path:
    return project_root() / "shapes"


def queries_dir() -> Path:
    return project_root() / "queries"
