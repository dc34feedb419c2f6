"""Extraction stays linear in a letter's length: the per-sentence look-ups read only
what lies near the sentence, and evidence is kept without rescanning what was found.

Work is counted (calls, items read), not timed: benchmarks/bench_long_letter.py times it.
"""

from __future__ import annotations

from pathlib import Path

from natokg.extract.context import LetterContext
from natokg.extract.spans import inside
from natokg.extract.stage import Found
from natokg.read.reader import read_letter
from natokg.records import Evidence
from natokg.text.segment import segment

from support.letter_records import extract_text

LETTERS = Path(__file__).resolve().parents[2] / "corpus" / "letters"
LETTER = "000_d473f0d0e8325814.txt"


def test_regression_span_lookup_reads_only_the_candidates():
    items = [(i * 10, i * 10 + 5) for i in range(10_000)]
    read = []

    def end_of(item):
        read.append(item)
        return item[1]

    found = inside(items, [a for a, _ in items], 50_000, 50_026, end_of)
    assert found == [(50_000, 50_005), (50_010, 50_015), (50_020, 50_025)]
    assert len(read) <= 3  # only the spans starting in the stretch, not all 10,000


def test_span_lookup_keeps_a_span_ending_at_the_stretch_end_and_drops_one_beyond():
    items = [(0, 4), (2, 9), (4, 4), (5, 10), (10, 12)]
    assert inside(items, [a for a, _ in items], 2, 10, lambda s: s[1]) == [(2, 9), (4, 4), (5, 10)]


def test_look_ups_by_sentence_agree_with_a_scan_of_the_whole_letter(lexicon):
    from natokg.extract import STAGES

    ctx = LetterContext(segment(read_letter(LETTERS / LETTER)), lexicon)
    found = Found()
    for stage in STAGES[:4]:  # letter, reference, persons, meetings
        found = stage.apply(ctx, found)
        if stage.name == "reference":
            ctx.set_reference(found.reference)
    assert ctx.dates and found.meetings.spans and found.persons.spans
    for sentence in ctx.sentences:
        a, b = sentence.start, sentence.end
        assert ctx.dates_in(a, b) == [d for d in ctx.dates if a <= d.start and d.end <= b]
        assert found.meetings.at(a, b) == [s for s in found.meetings.spans if a <= s[0] and s[1] <= b]
        assert found.persons.within(a, b) == [s for s in found.persons.spans if a <= s[0] and s[1] <= b]


def _evidence_comparisons(tmp_path: Path, copies: int, monkeypatch) -> int:
    """Evidence comparisons and hashes (a list scan compares, a set rebuilt hashes)."""
    text = (LETTERS / LETTER).read_text(encoding="utf-8")
    calls = [0]
    compare, hashed = Evidence.__eq__, Evidence.__hash__

    def counted_compare(self, other):
        calls[0] += 1
        return compare(self, other)

    def counted_hash(self):
        calls[0] += 1
        return hashed(self)

    with monkeypatch.context() as patch:
        patch.setattr(Evidence, "__eq__", counted_compare)
        patch.setattr(Evidence, "__hash__", counted_hash)
        extract_text(tmp_path, "\n\n".join([text] * copies), name=f"letter-{copies}.txt")
    return calls[0]


def test_regression_evidence_kept_without_rescanning_what_was_found(tmp_path, monkeypatch):
    """The evidence of a person, meeting or topic named on every page is kept in a set,
    not searched in a list: four times the text costs about four times the
    comparisons, not sixteen."""
    once = _evidence_comparisons(tmp_path, 1, monkeypatch)
    four_times = _evidence_comparisons(tmp_path, 4, monkeypatch)
    assert four_times <= 5 * once + 50


def test_regression_the_sessions_day_is_read_once_per_letter(tmp_path, monkeypatch):
    # every undated working session used to scan the whole text again for the sessions' day
    import natokg.extract.sessions as sessions

    calls = []
    scan = sessions._sessions_day
    monkeypatch.setattr(sessions, "_sessions_day", lambda ctx, main: calls.append(1) or scan(ctx, main))
    paragraph = ("Sessie {n}: Oekraïne\nIn de sessie spreken de ministers over de steun aan Oekraïne.\n\n")
    text = ("Den Haag, 12 mei 2026\n\nHierbij zend ik u de geannoteerde agenda van de informele bijeenkomst van de "
            "NAVO-ministers van Buitenlandse Zaken op 21 en 22 mei a.s. in Helsingborg. Het programma bestaat uit "
            "twee informele sessies op 22 mei.\n\n" + "".join(paragraph.format(n=n) for n in ("I", "II", "III", "IV")))
    extract_text(tmp_path, text)
    assert len(calls) == 1
