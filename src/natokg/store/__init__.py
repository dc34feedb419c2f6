"""The embedded store: build a corpus into it, open it, export it.

``build`` and ``export`` here are the functions; their modules are
``natokg.store.build`` and ``natokg.store.export`` (importlib.import_module).
"""

from __future__ import annotations

from natokg.store.build import BuildEvent, BuildSummary, SkippedLetter, build, find_letters
from natokg.store.export import GraphTexts, export, nquads
from natokg.store.layout import (
    Manifest,
    close_store,
    default_store_path,
    list_graphs,
    open_store,
    read_manifest,
    resolve_store_path,
)
from natokg.store.steps import CROSS_LETTER_STEPS, StepResult

__all__ = [
    "BuildEvent",
    "BuildSummary",
    "CROSS_LETTER_STEPS",
    "GraphTexts",
    "Manifest",
    "SkippedLetter",
    "StepResult",
    "build",
    "close_store",
    "default_store_path",
    "export",
    "find_letters",
    "list_graphs",
    "nquads",
    "open_store",
    "read_manifest",
    "resolve_store_path",
]
