"""``natokg fetch`` on the command line, against the loopback stand-in of the API."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from natokg.cli.app import app
from support.listener import Listener
from support.tk_api import FakeTkApi
from support.tk_corpus import fake_documents

runner = CliRunner()


@pytest.fixture()
def api():
    documents = fake_documents()
    for document in documents:
        document.fail = []  # the CLI waits for real: retries are tested in test_fetch.py
    server = FakeTkApi(documents)
    yield server
    server.close()


def test_dry_run_lists_dates_and_titles(api, tmp_path):
    result = runner.invoke(app, ["fetch", "--api-root", api.root, "--out", str(tmp_path / "out"), "--dry-run", "--delay", "0"])
    assert result.exit_code == 0, result.output
    assert "2013-06-17" in result.stdout and "2013D24680" in result.stdout and "28676-465" in result.stdout
    assert "Geannoteerde agenda NAVO-top Washington" in result.stdout
    assert "2025D10001" not in result.stdout  # not about a meeting
    assert not (tmp_path / "out").exists()


def test_fetch_reports_failures_and_exits_1(api, tmp_path):
    result = runner.invoke(app, ["fetch", "--api-root", api.root, "--out", str(tmp_path), "--delay", "0"])
    assert result.exit_code == 1
    assert "failed: 2025D20002: HTTP 404" in result.stderr
    assert "fetched" in result.stderr and "selected" in result.stderr
    assert (tmp_path / "2024D26911.pdf").is_file()


def test_unreachable_api_is_one_line_and_exit_2(tmp_path):
    closed = Listener()
    closed.close()
    root = f"http://127.0.0.1:{closed.port}/OData/v4/2.0/"
    result = runner.invoke(app, ["fetch", "--api-root", root, "--out", str(tmp_path), "--delay", "0", "--retries", "0", "--quiet"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("natokg: error: cannot reach the Tweede Kamer API")


def test_bad_date_is_bad_input(tmp_path):
    result = runner.invoke(app, ["fetch", "--since", "1 juni", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def _listed_dossier(monkeypatch, *args: str) -> str | None:
    """The dossier `natokg fetch ARGS` lists (the listing itself stubbed: nothing found)."""
    listed = []

    def list_documents(session, root, dossier, since, until):
        listed.append(dossier)
        return [], []

    monkeypatch.setattr("natokg.fetch.run.list_documents", list_documents)
    result = runner.invoke(app, ["fetch", "--dry-run", "--quiet", "--delay", "0", *args])
    assert result.exit_code == 0, result.output
    return listed[0] if listed else None


def test_regression_the_default_dossier_is_read_from_the_ontology(tmp_path, monkeypatch):
    from support.edited_ontology import edited_ontology

    assert "[default: 28676]" in runner.invoke(app, ["fetch", "--help"]).stdout
    assert _listed_dossier(monkeypatch, "--out", str(tmp_path / "a")) == "28676"
    assert _listed_dossier(monkeypatch, "--out", str(tmp_path / "b"), "--dossier", "36200-V") == "36200-V"
    file, shipped = "reference/document-selection.ttl", 'nkg:defaultDossier "28676"'
    with edited_ontology(tmp_path / "home", monkeypatch, file, shipped, 'nkg:defaultDossier "36045"'):
        assert "[default: 36045]" in runner.invoke(app, ["fetch", "--help"]).stdout
        assert _listed_dossier(monkeypatch, "--out", str(tmp_path / "c")) == "36045"


def test_a_selection_without_one_default_dossier_says_how_to_fix_it(tmp_path, monkeypatch):
    from support.edited_ontology import edited_ontology

    with edited_ontology(tmp_path, monkeypatch, "reference/document-selection.ttl", ' ;\n    nkg:defaultDossier "28676"', ""):
        result = runner.invoke(app, ["fetch", "--dry-run", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "exactly one nkg:defaultDossier" in result.stderr
