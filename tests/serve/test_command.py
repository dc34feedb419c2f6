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
