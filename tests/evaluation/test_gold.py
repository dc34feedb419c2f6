"""Tests for natokg.evaluation.gold: reading corpus/gold into typed records, and the errors a
broken gold file gives. Expected values are read off corpus/gold/seeds.yaml."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from natokg.errors import BadInputError
from natokg.evaluation.gold import GoldLetter, load_gold
from support.gold_files import GOLD_DIR, LETTERS_DIR, SEED_FILES, SEED_GOLD


@pytest.fixture(scope="module")
def gold() -> dict[str, GoldLetter]:
    return {letter.file: letter for letter in load_gold(SEED_GOLD)}


def test_gold_has_the_five_seed_letters(gold):
    assert list(gold) == SEED_FILES
    assert sorted(p.name for p in LETTERS_DIR.glob("[0-9]*")) == SEED_FILES


def test_every_corpus_letter_has_gold_in_one_of_the_four_files():
    letters = load_gold(GOLD_DIR)
    assert sorted(g.file for g in letters) == sorted(p.name for p in LETTERS_DIR.iterdir())
    assert len(letters) == 40
    assert sorted(p.name for p in GOLD_DIR.glob("*.yaml")) == [
        "gold-early.yaml", "gold-late.yaml", "gold-pairs.yaml", "seeds.yaml",
    ]


def test_gold_fields_are_typed(gold):
    helsingborg = gold["000_d473f0d0e8325814.txt"]
    assert helsingborg.doc_type == "report"
    assert helsingborg.letter_date == date(2026, 6, 3)
    assert helsingborg.reference == "BZ2628703"
    assert helsingborg.main_meeting.city == "Helsingborg"
    assert helsingborg.main_meeting.start == date(2026, 5, 21)
    assert helsingborg.allies_count == 32
    assert helsingborg.commitments[1].amount == Decimal("3.5")
    purl = gold["003_a8b24aadb98f3dfc.txt"].commitments[4]
    assert (purl.actor, purl.amount, purl.unit) == ("Netherlands", Decimal("250000000"), "EUR")
    assert gold["004_645f0c655bd661fc.txt"].other_meetings[0].city == "Ramstein"
    assert gold["001_cd1c5c75dbeda8f3.txt"].main_meeting.informal is True


def test_bad_yaml_names_the_file(tmp_path):
    bad = tmp_path / "seeds.yaml"
    bad.write_text("- file: a.txt\n  doc_type: [unclosed\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="not valid YAML") as caught:
        load_gold(tmp_path)
    assert caught.value.path == str(bad)
    assert "seeds.yaml" in str(caught.value)


def test_entry_without_file_is_named(tmp_path):
    (tmp_path / "seeds.yaml").write_text(
        "- {file: a.txt, doc_type: report}\n- {doc_type: agenda}\n", encoding="utf-8"
    )
    with pytest.raises(BadInputError, match=r"seeds\.yaml: entry 2 has no 'file'"):
        load_gold(tmp_path)


def test_unknown_enum_value_is_named(tmp_path):
    (tmp_path / "seeds.yaml").write_text(
        "- file: a.txt\n  doc_type: report\n  positions:\n    - {actor: Allies, stance: cheer, topic: Arctic}\n",
        encoding="utf-8",
    )
    with pytest.raises(BadInputError, match=r"entry 1 \(a\.txt\) positions\[1\] has stance 'cheer'"):
        load_gold(tmp_path)


def test_missing_gold_directory(tmp_path):
    with pytest.raises(BadInputError, match="gold directory not found"):
        load_gold(tmp_path / "nowhere")
    with pytest.raises(BadInputError, match=r"no gold \*\.yaml"):
        load_gold(tmp_path)


def test_quote_ws_collapse_collapses_quotes_names_and_roles(tmp_path):
    entry = (
        "- file: a.txt\n  doc_type: report\n"
        "  persons:\n    - {name: \"Mark\\n  Rutte\", role: \"Secretaris-\\nGeneraal\", affiliation: NATO}\n"
        "  positions:\n    - {actor: Netherlands, stance: support, topic: Arctic, quote: \"bond-\\n genoten  steunen\"}\n"
    )
    (tmp_path / "collapsed.yaml").write_text("# quote_ws: collapse\n" + entry, encoding="utf-8")
    [letter] = load_gold(tmp_path / "collapsed.yaml")
    assert letter.collapse_whitespace is True
    assert (letter.persons[0].name, letter.persons[0].role) == ("Mark Rutte", "Secretaris- Generaal")
    assert letter.positions[0].quote == "bond- genoten steunen"
    (tmp_path / "exact.yaml").write_text("# quotes as written\n" + entry, encoding="utf-8")
    [exact] = load_gold(tmp_path / "exact.yaml")
    assert exact.collapse_whitespace is False
    assert exact.positions[0].quote == "bond-\n genoten  steunen"


def test_optional_items_and_pair_fields_are_read_and_extra_fields_ignored(tmp_path):
    (tmp_path / "pairs.yaml").write_text(
        "- file: r.txt\n  doc_type: report\n  pairs_with: a.txt\n  notes: free text\n"
        "  not_mentioned: [\"some agenda quote\"]\n"
        "  persons:\n    - {name: Rutte, role: null, affiliation: NATO, optional: true, as_written: \"Rutte\"}\n"
        "  positions:\n    - {actor: Netherlands, stance: support, topic: Arctic, quote: q, realises: \"agenda q\","
        " pair_status: changed}\n",
        encoding="utf-8",
    )
    [letter] = load_gold(tmp_path)
    assert letter.pairs_with == "a.txt"
    assert letter.persons[0].optional is True
    position = letter.positions[0]
    assert (position.realises, position.pair_status, position.optional) == ("agenda q", "changed", False)
