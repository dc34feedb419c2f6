"""The layout natokg.rdf.jsonld writes, checked on any JSON-LD document natokg wrote."""

from __future__ import annotations

import json

from natokg.rdf.jsonld import INDENT, jsonld_context


def assert_written_by_the_one_writer(data: bytes) -> dict:
    """Its indentation and sorted keys, and the shipped context embedded."""
    document = json.loads(data)
    assert json.dumps(document, indent=INDENT, sort_keys=True, ensure_ascii=False).encode("utf-8") == data
    assert document["@context"] == jsonld_context()
    return document
