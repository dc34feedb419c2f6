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


@cache
def project_root() -> Path:
    """The directory holding ontology/, shapes/ and queries/."""
    candidates = []
    if os.environ.get("NATOKG_HOME"):
        candidates.append(Path(os.environ["NATOKG_HOME"]))
    candidates += [_PACKAGE_DIR / "_data", _PACKAGE_DIR.parent.parent]
    for candidate in candidates:
        if (candidate / "ontology" / "natokg.ttl").is_file():
            return candidate
    raise ReferenceDataError(
        "cannot find ontology/natokg.ttl; reinstall natokg or set NATOKG_HOME to a checkout"
    )


def ontology_dir() -> Path:
    return project_root() / "ontology"


def reference_dir() -> Path:
    return ontology_dir() / "reference"


def shapes_dir() -> Path:
    return project_root() / "shapes"


def queries_dir() -> Path:
    return project_root() / "queries"
