"""The document selection is read from ontology/reference/document-selection.ttl."""

from __future__ import annotations

from natokg.fetch.selection import SELECTION_FILE, load_selection
from natokg.paths import ontology_dir


def _selection_with(tmp_path, text: str):
    target = tmp_path / SELECTION_FILE
    target.parent.mkdir(parents=True)
    target.write_text(text, encoding="utf-8")
    return load_selection(tmp_path)


def test_the_shipped_selection_takes_annexes_with_their_letter():
    selection = load_selection()
    assert selection.annex_soorten == {"Bijlage"}
    assert "Brief regering" in selection.soorten


def test_regression_annex_concept_is_read_from_turtle_not_its_iri_suffix(tmp_path):
    shipped = (ontology_dir() / SELECTION_FILE).read_text(encoding="utf-8")
    renamed = shipped.replace("sel:annex-soort", "sel:taken-with-the-letter")
    assert renamed != shipped
    selection = _selection_with(tmp_path, renamed)
    assert selection.annex_soorten == {"Bijlage"}
    unmarked = _selection_with(tmp_path / "unmarked", shipped.replace("nkg:takenWithItsLetter true ;", ""))
    assert unmarked.annex_soorten == frozenset()
