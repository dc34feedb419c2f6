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

from natokg.version import __version__
from natokg.errors import EXIT_BAD_INPUT, EXIT_FINDINGS, BadInputError, NatokgError
from natokg.identifiers import TK_API_ROOT
from natokg.namespaces import data_base_problem


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


def print_table(table) -> None:
    """A rich table fitted to the terminal; into a file or a pipe at its full width, one
    line per row (rich would otherwise fold every IRI at 80 columns)."""
    if out.is_terminal:
        out.print(table)
        return
    from rich.measure import Measurement

    width = Measurement.get(out, out.options.update_width(1 << 20), table).maximum
    Console(highlight=False, width=max(width, out.width), file=out.file).print(table)


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
    problem = data_base_problem()
    if problem:  # every command mints or reads data IRIs under it
        err.print(f"natokg: error: {problem}", markup=False)
        raise typer.Exit(EXIT_BAD_INPUT)


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
    from natokg.pipeline import map_letter
    from natokg.rdf.formats import SERIALISATION_FORMATS, format_named
    from natokg.read.reader_warnings import collected_reader_warnings

    fmt = format_named(fmt, SERIALISATION_FORMATS).name
    if not letter.is_file():
        raise BadInputError("no such file", path=letter)
    with collected_reader_warnings() as warnings:  # a refused letter's error line says enough
        graphs = map_letter(letter)
    for message in warnings:
        err.print(f"warning: {letter}: {message}", markup=False)
    sys.stdout.write(graphs.serialize(fmt))
    for warning in graphs.warnings:  # the letter is mapped all the same: exit 0
        err.print(f"natokg: warning: {letter.name}: {warning}", markup=False)


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
    from natokg.cli.render_validation import format_report
    from natokg.validation import validate_files

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
    gold: Annotated[
        Path, typer.Argument(help="Folder with the gold facts (every *.yaml in it), or one gold file.")
    ] = Path("corpus/gold"),
    letters: Annotated[
        Optional[Path], typer.Option("--letters", help="Folder with the letters (default: GOLD/../letters).")
    ] = None,
    split: Annotated[
        Optional[str], typer.Option("--split", help="Only the letters of 2014 and before (early) or 2015 and after (late).")
    ] = None,
    by_letter: Annotated[bool, typer.Option("--by-letter", help="Also a table of each letter's F1 per category.")] = False,
    misses: Annotated[bool, typer.Option("--misses/--no-misses", help="List misses and false hits.")] = True,
    fail: Annotated[
        bool, typer.Option("--fail/--no-fail", help="Exit 1 when a category is below its required F1.")
    ] = True,
) -> None:
    """Score the extraction against hand-written gold facts: precision, recall, F1.

    Example: natokg eval corpus/gold --split late --by-letter --no-misses
    """
    from natokg.cli.render_eval import format_by_letter, format_report
    from natokg.evaluation.scoring import evaluate

    report = evaluate(gold, letters, split=split)
    out.print(format_report(report, show_misses=misses), markup=False)
    if by_letter:
        out.print(format_by_letter(report), markup=False)
    if fail and report.failing():
        raise typer.Exit(EXIT_FINDINGS)


# ---------------------------------------------------------------- fetch


def _iso_date(value: Optional[str], option: str):
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInputError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD") from None


class _ShownDefault:
    """An option's default as --help shows it, read from the ontology when help is shown,
    not when the CLI starts. The option's value stays None, so the library reads the same
    default when the command runs and reports a broken Turtle file like any other."""

    def __init__(self, read: Callable[[], str]) -> None:
        self.read = read

    def __call__(self) -> None:
        return None

    def __str__(self) -> str:
        try:
            return self.read()
        except NatokgError as error:
            return f"unreadable: {error}"


def _default_dossier() -> str:
    from natokg.fetch import load_selection

    return load_selection().default_dossier


@app.command("fetch")
@handles_errors
def fetch_command(
    dossier: Annotated[
        Optional[str],
        typer.Option("--dossier", help="Kamerstukdossier number (the default is read from the ontology)."),
    ] = _ShownDefault(_default_dossier),
    since: Annotated[Optional[str], typer.Option("--since", help="Only documents dated on or after DATE (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Only documents dated on or before DATE (YYYY-MM-DD).")] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder the letters and their sidecars go to.")] = Path("corpus/letters"),
    take_all: Annotated[bool, typer.Option("--all", help="Every document of the dossier, not only the meeting letters.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List what would be fetched; download nothing.")] = False,
    api_root: Annotated[str, typer.Option("--api-root", help="The Tweede Kamer OData API v4 root.")] = TK_API_ROOT,
    delay: Annotated[float, typer.Option("--delay", help="Seconds between two requests.", min=0.0)] = 1.0,
    retries: Annotated[
        int, typer.Option("--retries", help="Retries of a request on 429, 5xx or a broken connection.", min=0)
    ] = 4,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary table.")] = False,
) -> None:
    """Fetch the government's letters about NATO meetings from the Tweede Kamer's open data.

    Lists the dossier through the Tweede Kamer OData API, takes the letters ("Brief
    regering") and annexes whose title or subject names a NATO meeting (the words are in
    ontology/reference/document-selection.ttl), and downloads each new one's file to
    OUT/<document number>.pdf|.docx with a provenance sidecar OUT/<document number>.json.
    A document already fetched in the same version is skipped. Exits 1 when a document
    could not be fetched, 2 when the API cannot be reached.

    Example: natokg fetch --since 2020-01-01 --dry-run
    """
    from natokg.cli.render_fetch import dry_run_table, fetch_findings, fetch_progress, fetch_summary_table
    from natokg.fetch import FetchOptions, fetch_documents

    options = FetchOptions(
        dossier=dossier, since=_iso_date(since, "--since"), until=_iso_date(until, "--until"), out=out_dir,
        take_all=take_all, dry_run=dry_run, api_root=api_root, delay=delay, retries=retries,
    )
    with fetch_progress(err, disable=quiet) as progress:
        summary = fetch_documents(options, progress)
    if dry_run:
        print_table(dry_run_table(summary))
    for line in fetch_findings(summary):
        err.print(line, markup=False)
    if not quiet:
        err.print(fetch_summary_table(summary))
    if summary.failed:
        raise typer.Exit(EXIT_FINDINGS)


# ---------------------------------------------------------------- build / export

StoreOption = Annotated[
    Optional[Path],
    typer.Option("--store", help="Store folder (default: the per-user data folder, or $NATOKG_STORE)."),
]


@app.command("build")
@handles_errors
def build_command(
    corpus: Annotated[Path, typer.Argument(help="Corpus folder; letters are read from CORPUS/letters.")] = Path("corpus"),
    store: StoreOption = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Worker processes (default: CPU cores).")] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start over instead of updating.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any letter was skipped.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Build the knowledge graph from the letters into the embedded store.

    Letters are mapped in parallel and validated; a letter that cannot be read or does
    not conform is listed and kept out, the others load. Unchanged letters are not mapped
    again; a changed letter replaces its graph, a removed one's graph is dropped.

    Example: natokg build corpus --jobs 2
    """
    from natokg.cli.render_build import build_findings, build_progress, build_summary_table
    from natokg.store.build import build

    letters_dir = corpus / "letters" if (corpus / "letters").is_dir() else corpus
    if not letters_dir.is_dir():
        raise BadInputError("no such folder; pass the corpus folder that holds letters/", path=corpus)
    with build_progress(err, disable=quiet) as on_event:
        summary = build(letters_dir, store, jobs=jobs, rebuild=rebuild, progress=on_event)
    for line in build_findings(summary):
        err.print(line, markup=False)
    if not quiet:
        err.print(build_summary_table(summary))
    if strict and summary.skipped:
        raise typer.Exit(EXIT_FINDINGS)


@app.command("export")
@handles_errors
def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="turtle, nt, nquads, trig or jsonld.")] = "nquads",
    graph: Annotated[
        Optional[str], typer.Option("--graph", "-g", help="Only this letter's graph (letter key such as bz2628703, or a graph IRI).")
    ] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of stdout.")] = None,
    texts: Annotated[
        Optional[Path],
        typer.Option("--texts", help="Write the letters' text layers here (default with -o: texts/ beside FILE)."),
    ] = None,
    store: StoreOption = None,
) -> None:
    """Export the whole dataset, or one letter's graph, from the store, with the text
    layers its evidence offsets count in ({letter key}.txt, the resource
    id:letter/{key}/text), so that text[start:end] == the quote can be checked.

    Line-based formats are sorted, so the same corpus always gives the same bytes.

    Example: natokg export --format turtle --graph bz2628703 -o helsingborg.ttl
    """
    from natokg.rdf.formats import SERIALISATION_FORMATS, format_named
    from natokg.store.export import export
    from natokg.store.snapshot import open_snapshot

    fmt = format_named(fmt, SERIALISATION_FORMATS).name
    from natokg.store.text_layers import write_text_layers

    snapshot = open_snapshot(store)  # store, manifest and graph files of one build
    if texts is None and output is not None:
        texts = output.parent / "texts"
    if texts is not None:
        write_text_layers(snapshot, texts, graph)
    if output is None:
        export(snapshot, fmt, graph=graph, out=sys.stdout.buffer)
        sys.stdout.flush()
        return
    partial = output.with_name(output.name + ".partial")
    with partial.open("wb") as handle:
        export(snapshot, fmt, graph=graph, out=handle)
    partial.replace(output)


# ---------------------------------------------------------------- report


@app.command("report")
@handles_errors
def report_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write the site into (made if missing).")],
    store: StoreOption = None,
) -> None:
    """Write the home page, the charts and every letter page as a static site.

    The pages are those of `natokg serve`, with relative links: open DIR/index.html
    from disk or put DIR on any web host; no server needed.

    Example: natokg report -o site && xdg-open site/index.html
    """
    from natokg.serve.report import write_report

    summary = write_report(store, output)
    out.print(
        f"wrote {len(summary.pages)} files ({summary.letters} letters, {summary.charts} charts) "
        f"to {summary.out_dir}; open {summary.out_dir / 'index.html'}",
        markup=False,
    )


# ---------------------------------------------------------------- query / push


def _warnings_as_lines() -> None:
    """natokg's warnings (credentials over plain http) as one line each on stderr."""
    import warnings

    from natokg.remote.endpoint import CredentialsWarning

    shown = warnings.showwarning
    if getattr(shown, "natokg_lines", False):
        return

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, CredentialsWarning):
            err.print(f"natokg: warning: {message}", markup=False)
        else:
            shown(message, category, filename, lineno, file, line)

    show.natokg_lines = True
    warnings.showwarning = show


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise BadInputError(f"--param {pair!r}: write it as name=value, e.g. --param topic=id:topic/arctic")
        params[name.strip().replace("-", "_")] = value
    return params


@app.command("query")
@handles_errors
def query_command(
    name: Annotated[Optional[str], typer.Argument(help="A saved query's name (see --list) or a .rq file.")] = None,
    param: Annotated[
        Optional[list[str]], typer.Option("--param", "-p", help="A parameter as name=value; repeatable.")
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f",
            help="table, csv, tsv, json, markdown, sparql-json or sparql-xml; CONSTRUCT and DESCRIBE: "
            "turtle (also for table), jsonld or nt.",
        ),
    ] = "table",
    endpoint: Annotated[
        Optional[str], typer.Option("--endpoint", "-e", help="Run on this SPARQL 1.1 endpoint instead of the embedded store.")
    ] = None,
    store: StoreOption = None,
    graph: Annotated[
        Optional[str],
        typer.Option("--graph", "-g", help="Query this named graph as the default graph (default: the union of all)."),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="The language of the labels shown for IRIs (en, nl).")] = "en",
    iris: Annotated[bool, typer.Option("--iris", help="Show IRIs instead of their labels.")] = False,
    list_all: Annotated[bool, typer.Option("--list", "-l", help="List the saved queries and their parameters.")] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Stop the query after this many seconds (exit 2).", min=0.001)
    ] = 30.0,
    max_rows: Annotated[
        int, typer.Option("--max-rows", help="Stop the query past this many rows (exit 2).", min=1)
    ] = 100_000,
) -> None:
    """Run a saved SPARQL query (or a .rq file) on the embedded store or an endpoint.

    On the embedded store the default graph is the union of the named graphs (each
    triple once); --graph makes one named graph the default graph. Tables and csv show
    labels for IRIs (--lang, --iris). Queries that would make outbound requests
    (SERVICE, LOAD) or change data are refused; a query past --timeout or --max-rows
    stops with exit code 2.

    Example: natokg query topic-history --param topic=id:topic/burden-sharing --format csv
    """
    from natokg.cli.render_query import LABELLED_FORMATS, format_query_list, format_result, plain_values, query_format
    from natokg.sparql import expand_iri, labels_for, list_queries, load_query, result_iris, run_query, unknown_values

    if list_all:
        _print_rendered(format_query_list(list_queries(), fmt))
        return
    if name is None:
        raise BadInputError("name a saved query or a .rq file; `natokg query --list` shows them")
    chosen = query_format(fmt)  # before the query runs
    _warnings_as_lines()
    params = _parse_params(param or [])
    saved = load_query(name)
    where = {"store_path": store, "endpoint": endpoint, "timeout": timeout}
    graph = expand_iri(graph, "--graph") if graph else None
    result = run_query(saved, params, max_rows=max_rows, graph=graph, terms=True, **where)
    labels = None
    if chosen.name in LABELLED_FORMATS and not iris and result.kind != "triples":
        labels = labels_for(result_iris(plain_values(result).rows), lang, **where)
    _print_rendered(format_result(result, chosen.name, labels))
    if not result.rows:
        for unknown in unknown_values(saved, params, graph=graph, **where):
            err.print(unknown.message, markup=False)


def _print_rendered(rendered) -> None:
    if isinstance(rendered, str):
        sys.stdout.write(rendered if rendered.endswith("\n") else rendered + "\n")
    else:
        print_table(rendered)


@app.command("push")
@handles_errors
def push_command(
    endpoint: Annotated[str, typer.Option("--endpoint", "-e", help="The server's SPARQL query URL (used for the count check).")],
    graph_store: Annotated[
        Optional[str],
        typer.Option("--graph-store", help="The Graph Store Protocol URL (default: guessed for Oxigraph and Fuseki)."),
    ] = None,
    store: StoreOption = None,
    prune: Annotated[
        bool, typer.Option("--prune/--no-prune", help="Remove from the server the natokg graphs the store does not have.")
    ] = True,
) -> None:
    """Upload the store to a SPARQL 1.1 server, replacing each named graph (Graph Store PUT).

    Afterwards the server's natokg graphs equal the store's: a graph of a deleted letter
    is removed from the server (--no-prune keeps it). Credentials come from
    NATOKG_ENDPOINT_USER and NATOKG_ENDPOINT_PASSWORD, never from the command line, and
    go only to the servers named. Exit 1 when the server's triple counts differ.

    Example: natokg push --endpoint http://localhost:7878/query
    """
    from natokg.remote.push import push
    from natokg.store.snapshot import open_snapshot

    _warnings_as_lines()

    summary = push(open_snapshot(store), endpoint, graph_store=graph_store, prune=prune)
    out.print(
        f"pushed {summary.graphs} graphs, {summary.triples} triples to {summary.graph_store} "
        f"in {summary.seconds:.1f} s ({summary.retries} retries)",
        markup=False,
    )
    for graph in summary.pruned:
        out.print(f"removed from the server (not in the store): {graph}", markup=False)
    for count in summary.mismatches:
        err.print(f"count mismatch: {count.graph}: local {count.local}, server {count.remote}", markup=False)
    if not summary.ok:
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
    from natokg.knowledge.ontology_tools import write_docs

    for path in write_docs(output):
        out.print(str(path), markup=False)


@ontology_app.command("render")
@handles_errors
def ontology_render_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write the RDF/XML into.")] = Path("ontology/owl"),
) -> None:
    """Write the ontology and the reference data as RDF/XML for OWL tools that cannot read
    Turtle (owlready2, Protege's older versions); dates become xsd:dateTime, years xsd:integer.

    Example: natokg ontology render -o ontology/owl
    """
    from natokg.knowledge.ontology_tools import load_ontology_graph
    from natokg.knowledge.owl_rendering import write_owl_renderings

    for path in write_owl_renderings(load_ontology_graph(), output):
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
    from natokg.knowledge.ontology_tools import check_ontology

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



# ---------------------------------------------------------------- serve

from natokg.cli.serve_command import serve_command  # noqa: E402  (defined apart: a long option list)

app.command("serve")(handles_errors(serve_command))

# ---------------------------------------------------------------- describe

from natokg.cli.describe_command import describe_command  # noqa: E402

app.command("describe")(handles_errors(describe_command))
