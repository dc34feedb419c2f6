"""``natokg describe IRI``: what the store says about one resource, as a table or RDF."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import pyoxigraph as ox
import typer
from rich.console import Console
from rich.table import Table

from natokg.errors import BadInputError
from natokg.rdf.formats import GRAPH_FORMATS
from natokg.sparql.values import prefixed

out = Console(highlight=False, soft_wrap=True)
# by canonical name (natokg.rdf.formats)
DESCRIBE_FORMATS = ("table", *GRAPH_FORMATS)


def describe_command(
    iri: Annotated[str, typer.Argument(help="The resource: an IRI, <IRI> or a prefixed name such as id:state/nl.")],
    store: Annotated[
        Optional[Path], typer.Option("--store", "-s", help="The store folder (default: NATOKG_STORE or the user data folder).")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, or the RDF formats turtle, nt, jsonld.")] = "table",
    lang: Annotated[str, typer.Option("--lang", help="The language of the labels shown for IRIs (en, nl).")] = "en",
) -> None:
    """Describe a resource: its label and types, its properties with labelled values,
    what points to it, and the quotes behind it; as RDF, what dereferencing its IRI gives.

    Example: natokg describe id:meeting/summit/2025-06-24-the-hague
    """
    from natokg import open_store
    from natokg.serve.describe import describe, description_triples, exists, store_labels
    from natokg.rdf.formats import format_named
    from natokg.sparql.result_formats import graph_bytes
    from natokg.sparql.parameters import expand_iri

    chosen = format_named(format, DESCRIBE_FORMATS)
    resource = expand_iri(iri)
    union = open_store(store)
    if not exists(union, resource):
        raise BadInputError(f"{resource} is not in the store; find resources with `natokg query actors`, "
                            "`natokg query topics` or `natokg query letters`")
    if chosen.name != "table":
        sys.stdout.buffer.write(graph_bytes(description_triples(union, resource), chosen.media_type))
        return
    description = describe(union, resource)
    labels = store_labels(union, description.iris(), lang)
    render_description(description, labels)


def _name(iri: str, labels: dict[str, str]) -> str:
    return labels.get(iri) or prefixed(iri)


def _shown(value, labels: dict[str, str]) -> str:
    if isinstance(value, ox.NamedNode) or isinstance(value, str):
        iri = getattr(value, "value", value)
        label = labels.get(iri)
        return f"{label} ({prefixed(iri)})" if label else prefixed(iri)
    language = getattr(value, "language", None)
    return f"{value.value} @{language}" if language else str(getattr(value, "value", value))


def render_description(description, labels: dict[str, str]) -> None:
    out.print(f"{_name(description.iri, labels)}  ({prefixed(description.iri)})", markup=False)
    if description.types:
        out.print("a " + ", ".join(_name(t, labels) for t in description.types), markup=False)
    table = Table("property (← : pointing here)", "value", show_lines=False)
    for predicate, values in description.properties.items():
        for value in values:
            table.add_row(_name(predicate, labels), _shown(value, labels))
    for predicate, subjects in description.incoming.items():
        for subject in subjects:
            table.add_row(f"← {_name(predicate, labels)}", _shown(subject, labels))
    out.print(table)
    if description.incoming_truncated:
        out.print("(more incoming links than shown)", markup=False)
    for quote in description.quotes:
        out.print(f'"{quote.exact}"  {_name(quote.letter, labels)} [{quote.start}:{quote.end}]', markup=False)
