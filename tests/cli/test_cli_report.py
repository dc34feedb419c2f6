"""`natokg report -o DIR`: the static site from the command line."""

from __future__ import annotations

from typer.testing import CliRunner

from natokg.cli import app

runner = CliRunner()


def test_report_writes_the_site_and_says_where(served_store_dir, tmp_path):
    result = runner.invoke(app, ["report", "-o", str(tmp_path / "site"), "--store", str(served_store_dir)])
    assert result.exit_code == 0, result.output
    assert "open " in result.output and "index.html" in result.output
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="charts/index.html"' in home
    letters = list((tmp_path / "site" / "letters").glob("*.html"))
    assert letters
    for letter in letters:
        assert "<script>" not in letter.read_text(encoding="utf-8")  # a letter carries <script> markup


def test_report_into_a_file_is_bad_input_with_a_hint(served_store_dir, tmp_path):
    target = tmp_path / "site.html"
    target.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["report", "-o", str(target), "--store", str(served_store_dir)])
    assert result.exit_code == 2
    assert "give a folder" in result.output
