"""``natokg serve``'s refusals before it starts: a bad --base, a folder without a build."""

from __future__ import annotations

from typer.testing import CliRunner

from natokg.cli import app

runner = CliRunner()


def test_a_base_that_is_not_a_namespace_is_exit_2(served_store_dir):
    result = runner.invoke(app, ["serve", "--store", str(served_store_dir), "--base", "ftp://example.org/data/"])
    assert result.exit_code == 2
    assert "--base" in result.stderr and "https://w3id.org/natokg/id/" in result.stderr


def test_a_folder_without_a_build_is_exit_2(tmp_path):
    result = runner.invoke(app, ["serve", "--store", str(tmp_path / "empty")])
    assert result.exit_code == 2
    assert "natokg build" in result.stderr


def test_regression_idle_connections_outlive_the_clients_keep_alive(served_store_dir, monkeypatch):
    """uvicorn closes an idle connection after 5 s by default, when httpx's pool also lets
    it expire: a request sent on it at that moment failed with a read error (one in
    ~10,000 requests under 50 clients). The server keeps idle connections longer."""
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.update(options))
    result = runner.invoke(app, ["serve", "--store", str(served_store_dir), "--port", "0"])
    assert result.exit_code == 0, result.stderr
    assert started["timeout_keep_alive"] > 60 and started["host"] == "127.0.0.1"
