"""The CLI is a thin layer: every command has help with an example, errors are one line."""

from __future__ import annotations

import typer.main
from typer.testing import CliRunner

from natokg.cli import app

runner = CliRunner()


def _command_paths(group=None, prefix=()):
    click_group = group or typer.main.get_command(app)
    for name, command in sorted(click_group.commands.items()):
        path = prefix + (name,)
        if hasattr(command, "commands"):
            yield from _command_paths(command, path)
        yield path


def test_top_level_help_lists_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in ("map", "validate", "eval", "ontology"):
        assert name in result.output


def test_every_command_has_help_with_an_example():
    paths = list(_command_paths())
    assert len(paths) >= 5
    for path in paths:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "Example" in result.output, f"natokg {' '.join(path)} --help has no example"


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("natokg ")


def test_map_missing_file_is_one_line_exit_2(tmp_path):
    result = runner.invoke(app, ["map", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "nope.txt: no such file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_map_unknown_format_exit_2(tmp_path):
    result = runner.invoke(app, ["map", "x.txt", "--format", "rdfxml"])
    assert result.exit_code == 2
    assert "unknown format 'rdfxml'" in result.stderr


ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "bad"


def test_map_prints_the_letters_named_graph_as_trig():
    from rdflib import Dataset

    letter = ROOT / "corpus" / "letters" / "000_d473f0d0e8325814.txt"
    result = runner.invoke(app, ["map", str(letter), "--format", "trig"])
    assert result.exit_code == 0, result.stderr
    dataset = Dataset()
    dataset.parse(data=result.stdout, format="trig")
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert "https://w3id.org/natokg/id/graph/bz2628703" in graphs
    assert "https://w3id.org/natokg/id/graph/entities" in graphs


def test_map_jsonld_uses_the_shipped_context():
    import json

    letter = ROOT / "corpus" / "letters" / "003_a8b24aadb98f3dfc.txt"
    result = runner.invoke(app, ["map", str(letter), "--format", "jsonld"])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["@context"]["nkg"] == "https://w3id.org/natokg/ontology#"


import pytest  # noqa: E402


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary file, not a letter"),
        ("image_only.pdf", "PDF has no text layer"),
    ],
)
def test_map_bad_input_is_one_line_on_stderr_and_exit_2(name, reason):
    result = runner.invoke(app, ["map", str(BAD / name)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert name in lines[0] and reason in lines[0]


def test_map_letter_without_a_meeting_warns_and_exits_0(tmp_path):
    letter = tmp_path / "weer.txt"
    letter.write_text("Geachte voorzitter,\n\nHierbij stuur ik u een brief over het weer.\n", encoding="utf-8")
    result = runner.invoke(app, ["map", str(letter)])
    assert result.exit_code == 0
    assert "nkg:sourceFile" in result.stdout
    assert result.stderr.strip() == "natokg: warning: weer.txt: no main meeting resolved"


def test_validate_exit_codes():
    fixtures = ROOT / "tests" / "fixtures" / "shapes" / "commitment"
    ok = runner.invoke(app, ["validate", str(fixtures / "valid.ttl")])
    assert ok.exit_code == 0, ok.stdout
    bad = sorted(fixtures.glob("invalid-*.ttl"))[0]
    violations = runner.invoke(app, ["validate", str(bad)])
    assert violations.exit_code == 1
    assert "Violation" in violations.stdout
    unreadable = runner.invoke(app, ["validate", str(BAD / "binary.txt")])
    assert unreadable.exit_code == 2


def test_build_then_export_nquads(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "letters").mkdir(parents=True)
    source = ROOT / "corpus" / "letters" / "003_a8b24aadb98f3dfc.txt"
    (corpus / "letters" / source.name).write_bytes(source.read_bytes())
    (corpus / "letters" / "empty.txt").write_bytes(b"")
    store = tmp_path / "store"
    built = runner.invoke(app, ["build", str(corpus), "--store", str(store), "--jobs", "1", "--quiet", "--strict"])
    assert built.exit_code == 1, built.stderr  # --strict: the empty letter was skipped
    assert "empty.txt: empty file" in built.stderr
    exported = runner.invoke(app, ["export", "--store", str(store), "--format", "nquads"])
    assert exported.exit_code == 0, exported.stderr
    lines = exported.stdout.splitlines()
    graphs = [line.rsplit(" ", 2)[-2] for line in lines]
    assert sorted(lines, key=lambda line: (line.rsplit(" ", 2)[-2], line)) == lines  # graph by graph
    assert len(set(graphs)) > 3
    # a letter without a ministry reference is keyed by a short hash of its bytes
    key = __import__("hashlib").sha256(source.read_bytes()).hexdigest()[:12]
    assert any(f"/id/graph/{key}>" in line for line in lines)


@pytest.fixture(scope="module")
def built_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("store")
    corpus = tmp_path_factory.mktemp("corpus")  # the seed letters
    (corpus / "letters").mkdir()
    for letter in (ROOT / "corpus" / "letters").glob("[0-9]*.txt"):
        (corpus / "letters" / letter.name).write_bytes(letter.read_bytes())
    result = runner.invoke(app, ["build", str(corpus), "--store", str(store), "--jobs", "1", "--quiet"])
    assert result.exit_code == 0, result.stderr
    return store


def test_query_list_names_every_saved_query():
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0
    for name in ("recurring-positions", "spending-targets", "evidence", "meeting-diff"):
        assert name in result.stdout


def test_query_csv_on_the_built_seed_corpus(built_store):
    import csv
    import io

    result = runner.invoke(app, ["query", "spending-targets", "--store", str(built_store), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # The Hague summit's 5% of GDP by 2035 is stated in letters 000 and 003
    five = [r for r in rows if r["amount"] == "5" and r["target_year"] == "2035"]
    assert five and five[0]["actor"] == "Allies"
    iris = runner.invoke(app, ["query", "spending-targets", "--store", str(built_store), "--format", "csv", "--iris"])
    five = [r for r in csv.DictReader(io.StringIO(iris.stdout)) if r["amount"] == "5" and r["target_year"] == "2035"]
    assert five and five[0]["actor"].endswith("/id/group/allies")


def test_query_table_into_a_pipe_keeps_each_row_on_one_line(built_store):
    """Not a terminal (CliRunner, a pipe, a file): the table is printed at its full width,
    so an IRI is never folded over several lines and every row can be grepped."""
    import re

    result = runner.invoke(app, ["query", "participants", "--store", str(built_store), "--iris"])
    assert result.exit_code == 0, result.stderr
    data_lines = [line for line in result.stdout.splitlines() if "id:participation/" in line]
    csv_rows = runner.invoke(app, ["query", "participants", "--store", str(built_store), "--format", "csv"])
    assert len(data_lines) == len(csv_rows.stdout.splitlines()) - 1 > 0
    assert all(re.search(r"id:participation/[0-9a-f]{16} ", line) for line in data_lines)
    assert all("id:meeting/" in line and "id:capacity/" in line for line in data_lines)


def test_query_bad_parameter_is_one_line_exit_2(built_store):
    result = runner.invoke(app, ["query", "evidence", "--store", str(built_store), "--param", "nope=1"])
    assert result.exit_code == 2
    assert "unknown parameter 'nope'" in result.stderr
    malformed = runner.invoke(app, ["query", "evidence", "--store", str(built_store), "--param", "resource"])
    assert malformed.exit_code == 2
    assert "name=value" in malformed.stderr


def test_query_refuses_service(tmp_path, built_store):
    query = tmp_path / "outbound.rq"
    query.write_text("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }\n", encoding="utf-8")
    result = runner.invoke(app, ["query", str(query), "--store", str(built_store)])
    assert result.exit_code == 2
    assert "SERVICE" in result.stderr


def test_push_to_a_server_that_is_down_exit_2(built_store):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = runner.invoke(
        app, ["push", "--endpoint", f"http://127.0.0.1:{port}/query", "--store", str(built_store)]
    )
    assert result.exit_code == 2
    assert "cannot reach" in result.stderr


def test_a_natokg_base_that_is_not_an_http_iri_is_one_line_exit_2(monkeypatch):
    monkeypatch.setenv("NATOKG_BASE", "example.org/kg")
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "natokg: error: NATOKG_BASE='example.org/kg' is not an absolute http(s) IRI without a "
        "query or fragment; set it to e.g. https://example.org/id/ or unset it"
    ]
