"""The letters' text layers written beside an export: every evidence of the export
resolves in them (text[start:end] == the quote)."""

from __future__ import annotations

import io

import pyoxigraph as ox
from typer.testing import CliRunner

from natokg.cli import app
from natokg.store.export import export
from natokg.store.snapshot import open_snapshot
from natokg.store.text_layers import write_text_layers

OA = "http://www.w3.org/ns/oa#"


def resolved_evidence(nquads: bytes, texts_dir) -> int:
    """How many evidence nodes of ``nquads`` were checked against their text layer file."""
    quads = list(ox.parse(nquads, ox.RdfFormat.N_QUADS))
    by_subject: dict = {}
    for quad in quads:
        by_subject.setdefault(quad.subject, {})[quad.predicate.value] = quad.object
    checked = 0
    for subject, values in by_subject.items():
        source = values.get(OA + "hasSource")
        if source is None or OA + "exact" not in values:
            continue
        key = source.value.rstrip("/").rsplit("/", 2)[-2]
        text = (texts_dir / f"{key}.txt").read_text(encoding="utf-8")
        start, end = int(values[OA + "start"].value), int(values[OA + "end"].value)
        assert text[start:end] == values[OA + "exact"].value
        checked += 1
    return checked


def test_every_evidence_of_the_export_resolves_in_the_text_layers_beside_it(served_store_dir, tmp_path):
    with open_snapshot(served_store_dir) as snapshot:
        written = write_text_layers(snapshot, tmp_path / "texts")
        out = io.BytesIO()
        export(snapshot, "nquads", out=out)
        assert {p.stem for p in written} == {entry.key for entry in snapshot.manifest.letters.values()}
    assert resolved_evidence(out.getvalue(), tmp_path / "texts") > 100


def test_export_to_a_file_writes_texts_beside_it_for_its_letter_only(served_store_dir, tmp_path):
    with open_snapshot(served_store_dir) as snapshot:
        key = sorted(entry.key for entry in snapshot.manifest.letters.values())[0]
    result = CliRunner().invoke(app, ["export", "--store", str(served_store_dir), "--graph", key,
                                      "--format", "nquads", "-o", str(tmp_path / "letter.nq")])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "texts").iterdir()] == [f"{key}.txt"]
    assert resolved_evidence((tmp_path / "letter.nq").read_bytes(), tmp_path / "texts") > 0


def test_texts_go_where_asked_and_stdout_exports_write_none_unasked(served_store_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["export", "--store", str(served_store_dir), "-f", "nt"]).exit_code == 0
    assert not (tmp_path / "texts").exists()
    asked = runner.invoke(app, ["export", "--store", str(served_store_dir), "-f", "nt", "--texts", str(tmp_path / "layers")])
    assert asked.exit_code == 0 and any((tmp_path / "layers").iterdir())
