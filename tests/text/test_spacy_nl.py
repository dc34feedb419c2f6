"""natokg.text.spacy_nl: warming spaCy's chunk cache changes speed, never tokens."""

from pathlib import Path

import pytest
import spacy

from natokg.read.reader import read_letter
from natokg.text.spacy_nl import tokenize_cached, warm_tokenizer

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "letters"


def _tokens(doc) -> list[tuple[str, int, str]]:
    return [(t.text, t.idx, t.whitespace_) for t in doc]


@pytest.mark.parametrize("letter", sorted(p.name for p in CORPUS.iterdir()))
def test_cached_tokens_equal_plain_spacy_tokens_on_every_letter(letter):
    text = read_letter(CORPUS / letter).text
    plain = spacy.blank("nl").tokenizer
    warmed = spacy.blank("nl").tokenizer
    assert _tokens(tokenize_cached(warmed, text)) == _tokens(plain(text))
    assert _tokens(tokenize_cached(warmed, text)) == _tokens(plain(text))  # from the cache


def test_special_cases_and_whitespace_runs_keep_their_tokens():
    # "o.a." is a spaCy special case: it switches spaCy's own caching off for the text
    text = "Zij bespraken o.a. de NAVO-top.\n\n  Den Haag-afspraken (2%)  en  meer:\t\"ja\"!"
    plain = spacy.blank("nl").tokenizer
    warmed = spacy.blank("nl").tokenizer
    warm_tokenizer(warmed, "o.a. NAVO-top. (2%)")
    assert _tokens(tokenize_cached(warmed, text)) == _tokens(plain(text))
    assert "o.a." in [t.text for t in tokenize_cached(warmed, text)]
