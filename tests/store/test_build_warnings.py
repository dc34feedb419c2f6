"""A readable letter without a resolved main meeting is loaded, with a warning."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from natokg.extract.stage import NO_MAIN_MEETING
from natokg.namespaces import NKG
from natokg.store.build import LetterWarning, build
from natokg.store.layout import open_store, read_manifest
from natokg.cli.render_build import build_findings

# a letter written for this test that names no meeting at all
NO_MEETING_LETTER = (
    "Den Haag, 12 maart 2031\n\n"
    "Hierbij zend ik u de jaarcijfers van het ministerie over het afgelopen jaar.\n\n"
    "Jaarcijfers 2030\n\n"
    "De uitgaven bleven binnen de begroting. Nederland benadrukte het belang van de rechtsstaat.\n"
)


def test_letter_without_a_main_meeting_builds_and_loads_with_the_warning(tmp_path: Path):
    corpus = tmp_path / "corpus"
    (corpus / "letters").mkdir(parents=True)
    (corpus / "letters" / "raad.txt").write_text(NO_MEETING_LETTER, encoding="utf-8")
    summary = build(corpus, tmp_path / "store", jobs=1)
    assert summary.skipped == []
    assert summary.letters_loaded == 1
    assert summary.warnings == [LetterWarning("letters/raad.txt", NO_MAIN_MEETING)]
    assert f"warning: letters/raad.txt: {NO_MAIN_MEETING}" in build_findings(summary)
    entry = read_manifest(tmp_path / "store").letters["letters/raad.txt"]
    store = open_store(tmp_path / "store", read_only=True)
    try:
        about = list(store.quads_for_pattern(None, ox.NamedNode(str(NKG.about)), None, None))
        graphs = {str(q.graph_name.value) for q in store.quads_for_pattern(None, None, None, None)}
    finally:
        del store
    assert about == []
    assert entry.graph in graphs
