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
