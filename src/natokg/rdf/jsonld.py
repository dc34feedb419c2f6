"""JSON-LD as natokg writes it, wherever it writes it (`natokg map`, `natokg export`,
query and description answers): compacted with the JSON-LD context shipped in
ontology/context.jsonld, which is embedded in the document, so reading it back needs no
network access; keys sorted and one space of indentation, so the same graph always
gives the same bytes and a large export stays small."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Graph

from natokg.namespaces import data_base, rebased

INDENT = 1


def jsonld_context() -> dict:
    """The JSON-LD context shipped in ontology/context.jsonld (no network needed), its
    data namespace moved to NATOKG_BASE; read once per ontology folder and base."""
    from natokg.paths import ontology_dir

    return copy.deepcopy(_context(ontology_dir() / "context.jsonld", data_base()))  # callers may change it


@lru_cache(maxsize=8)
def _context(path: Path, base: str) -> dict:
    from natokg.errors import ReferenceDataError

    try:
        context = json.loads(path.read_text(encoding="utf-8"))["@context"]
        # the shipped file names the default data namespace; data follows NATOKG_BASE
        return {key: rebased(value) if isinstance(value, str) else value for key, value in context.items()}
    except (OSError, ValueError, KeyError) as error:
        raise ReferenceDataError(f"cannot read the JSON-LD context: {error}", path=path) from None


def jsonld_bytes(data: Graph | Dataset) -> bytes:
    """A graph (or a dataset, its named graphs kept) as compacted JSON-LD, UTF-8."""
    text = data.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, indent=INDENT, sort_keys=True)
    return text.encode("utf-8") if isinstance(text, str) else text


__all__ = ["jsonld_bytes", "jsonld_context"]
