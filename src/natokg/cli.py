"""The natokg command line: one thin function per command over the library.

This is the only module that prints. Library errors (natokg.errors) become a one-line
message on stderr and their exit code: 0 ok, 1 findings, 2 bad input.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer
from rich.console import Console

from natokg import __version__
from natokg.errors import EXIT_FINDINGS, BadInputError, NatokgError



app = typer.Typer(
    name="natokg",
    help="Turn Dutch government letters about NATO meetings into a knowledge graph, "
    "validate it with SHACL and query it with SPARQL.\n\nExample: natokg build && natokg query --list",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
ontology_app = typer.Typer(
    help="Work on the ontology: HTML docs and consistency checks.\n\nExample: natokg ontology check",
    no_args_is_help=True,
)
app.add_typer(ontology_app, name="ontology")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def handles_errors(command: Callable) -> Callable:
    """Turn natokg errors into one line on stderr and the error's exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except NatokgError as error:
            err.print(f"natokg: error: {error}", markup=False)
            raise typer.Exit(error.exit_code) from None

    return wrapper


def version_callback(value: bool) -> None:
    if value:
        out.print(f"natokg {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """natokg command line."""



# ---------------------------------------------------------------- map


@app.command("map")
@handles_errors
def map_command(
    letter: Annotated[Path, typer.Argument(help="A letter file (.txt, .pdf, .docx, .html, .xml).")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="turtle, nt, nquads, trig or jsonld.")
    ] = "turtle",
) -> None:
    """Print the RDF of one letter (its named graph and the entities it describes).

    Example: natokg map corpus/letters/000_d473f0d0e8325814.txt --format trig
    """
    from natokg.mapping import SERIALISATION_FORMATS
    from natokg.pipeline import map_letter

    if fmt not in SERIALISATION_FORMATS:
        raise BadInputError(f"unknown format {fmt!r}; use one of {', '.join(SERIALISATION_FORMATS)}")
    if not letter.is_file():
        raise BadInputError("no such file", path=letter)
    graphs = map_letter(letter)
    sys.stdout.write(graphs.serialize(fmt))


# ---------------------------------------------------------------- validate


@app.command("validate")
@handles_errors
def validate_command(
    files: Annotated[list[Path], typer.Argument(help="RDF files in any format rdflib reads.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="text (grouped by focus node) or turtle (the SHACL report graph).")
    ] = "text",
) -> None:
    """Validate RDF files against natokg's SHACL shapes and ontology.

    Exit code 0 when the data conforms, 1 on violations, 2 when a file is unreadable.

    Example: natokg validate letter.ttl entities.ttl
    """
    from natokg.validate import format_report, validate_files

    if fmt not in ("text", "turtle"):
        raise BadInputError(f"unknown format {fmt!r}; use text or turtle")
    report = validate_files(files)
    if fmt == "turtle":
        sys.stdout.write(report.graph.serialize(format="turtle"))
    else:
        out.print(format_report(report), markup=False)
    if not report.conforms:
        raise typer.Exit(EXIT_FINDINGS)


# ---------------------------------------------------------------- eval


@app.command("eval")
@handles_errors
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Folder with the gold facts (seeds.yaml).")] = Path("corpus/gold"),
    letters: Annotated[
        Optional[Path], typer.Option("--letters", help="Folder with the letters (default: GOLD/../letters).")
    ] = None,
    misses: Annotated[bool, typer.Option("--misses/--no-misses", help="List misses and false hits.")] = True,
    fail: Annotated[
        bool, typer.Option("--fail/--no-fail", help="Exit 1 when a category is below its required F1.")
    ] = True,
) -> None:
    """Score the extraction against hand-written gold facts: precision, recall, F1.

    Example: natokg eval corpus/gold --letters corpus/letters
    """
    from natokg.evaluate import evaluate, format_report

    report = evaluate(gold, letters)
    out.print(format_report(report, show_misses=misses), markup=False)
    if fail and report.failing():
        raise typer.Exit(EXIT_FINDINGS)


# ---------------------------------------------------------------- ontology


@ontology_app.command("docs")
@handles_errors
def ontology_docs_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write the HTML into.")] = Path("docs/ontology"),
) -> None:
    """Write HTML documentation of the ontology with pyLODE.

    Example: natokg ontology docs -o site/ontology
    """
    from natokg.ontology_tools import write_docs

    for path in write_docs(output):
        out.print(str(path), markup=False)


@ontology_app.command("check")
@handles_errors
def ontology_check_command(
    reasoner: Annotated[
        bool, typer.Option("--reasoner/--no-reasoner", help="Run HermiT (needs Java).")
    ] = True,
) -> None:
    """Check the ontology: labels and comments, HermiT consistency, OWL-RL closure.

    Exit code 0 when consistent, 1 with findings.

    Example: natokg ontology check --no-reasoner
    """
    from natokg.ontology_tools import check_ontology

    result = check_ontology(reasoner=reasoner)
    for finding in result.findings:
        out.print(f"finding: {finding}", markup=False)
    for skipped in result.skipped:
        out.print(f"skipped: {skipped}", markup=False)
    for note in result.notes:
        out.print(f"note: {note}", markup=False)
    out.print("consistent" if result.consistent else "INCONSISTENT", markup=False)
    if not result.ok:
        raise typer.Exit(EXIT_FINDINGS)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
