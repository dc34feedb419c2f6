"""The one Turtle reader for ontology/, its reference data and shapes/.

Every Turtle file natokg ships is read here, so a missing or malformed file fails the
same way everywhere: a ReferenceDataError that names the file and says how to fix it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from natokg.errors import ReferenceDataError
from natokg.namespaces import DEFAULT_DATA_BASE, data_base


def parse_turtle(paths: Iterable[Path], graph: Graph | None = None, *, rebase: bool = False) -> Graph:
    """Parse Turtle files into one rdflib graph (``graph`` or a new one).

    ``rebase``: IRIs written under the default data base follow NATOKG_BASE, as the IRIs
    the mapper mints do (ontology/ and shapes/ name states and controlled values there).
    """
    graph = graph if graph is not None else Graph()
    default_base, base = DEFAULT_DATA_BASE, data_base()
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise ReferenceDataError("file is missing; restore it from the natokg repository", path=path)
        try:
            text = path.read_text(encoding="utf-8")
            if rebase and base != default_base:
                text = text.replace(default_base, base)
            graph.parse(data=text, format="turtle", publicID=path.resolve().as_uri())
        except Exception as error:  # rdflib raises many types for bad syntax
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise ReferenceDataError(
                f"not valid Turtle ({type(error).__name__}: {first_line}); fix the syntax", path=path
            ) from error
    return graph


__all__ = ["parse_turtle"]
