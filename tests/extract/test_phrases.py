"""natokg.extract.phrases: tokens and the phrase matcher, on sentences of the seed letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from natokg.extract.phrases import PhraseMatcher, phrase_of, tokenize

LETTERS = Path(__file__).resolve().parents[2] / "corpus" / "letters"


def sentence_in(letter: str, starting: str) -> str:
    text = (LETTERS / letter).read_text(encoding="utf-8")
    start = text.index(starting)
    return text[start : text.index(".", start) + 1]


US_CALL = sentence_in("003_a8b24aadb98f3dfc.txt", "Ook de Verenigde Staten riepen")


def test_tokens_fold_case_and_split_hyphens_with_offsets_into_the_text() -> None:
    tokens = tokenize(US_CALL)
    norms = [t.norm for t in tokens]
    assert norms[:6] == ["ook", "de", "verenigde", "staten", "riepen", "tijdens"]
    assert "navo" in norms and "bondgenoten" in norms and "-" not in norms
    for token in tokens:
        assert US_CALL[token.start : token.end].casefold() == token.norm


def test_a_number_keeps_its_thousands_dots_and_decimal_comma() -> None:
    assert [t.norm for t in tokenize("circa 5.000 militairen, 1,5% en 2014.")] == [
        "circa", "5.000", "militairen", ",", "1,5", "%", "en", "2014", ".",
    ]
    matcher = PhraseMatcher([phrase_of("zegden ... toe", "promise")], digits_in_gaps=True)
    assert len(matcher.find(tokenize("Daarnaast zegden bondgenoten circa 5.000 extra militairen toe."))) == 1


def test_a_phrase_with_a_gap_matches_across_the_words_between() -> None:
    matcher = PhraseMatcher([phrase_of("riepen ... op", "call")])
    tokens = tokenize(US_CALL)
    (match,) = matcher.find(tokens)
    words = [tokens[i].norm for i in match.words]
    assert words == ["riepen", "op"]
    # "tijdens de FMM de NAVO-bondgenoten nogmaals krachtig" lies in the gap
    assert [tokens[i].norm for i in match.gaps] == [
        "tijdens", "de", "fmm", "de", "navo", "bondgenoten", "nogmaals", "krachtig"
    ]


def test_a_stem_form_matches_words_it_starts_and_the_longer_phrase_wins() -> None:
    matcher = PhraseMatcher(
        [
            phrase_of("defensie", "stem", prefix=True),
            phrase_of("defensie uitgaven", "spending"),
        ]
    )
    tokens = tokenize(US_CALL)
    found = [(m.target, tokens[m.first].norm) for m in matcher.find(tokens)]
    # "defensie-uitgaven" is the two-word phrase, not the stem; "defensiecapaciteiten"
    # is the stem
    assert found == [("spending", "defensie"), ("stem", "defensiecapaciteiten")]


def test_a_range_limits_the_matches() -> None:
    matcher = PhraseMatcher([phrase_of("bondgenoten", "allies")])
    tokens = tokenize(US_CALL)
    everywhere = matcher.find(tokens)
    assert len(everywhere) == 1
    assert matcher.find(tokens, 0, everywhere[0].first) == []


def test_matches_live_on_the_token_list_and_the_token_cache_is_bounded() -> None:
    # a worker maps thousands of letters: nothing about a letter may pile up outside
    # its own token lists, and the cache of token lists has a fixed size
    matcher = PhraseMatcher([phrase_of("riepen ... op", "call")])
    tokens = tokenize(US_CALL)
    assert len(matcher.find(tokens)) == 1
    assert tokenize(US_CALL) is tokens and any(key[0] is matcher for key in tokens.found)
    assert not hasattr(matcher, "found")
    assert tokenize.cache_info().maxsize is not None
    own = tokenize("De ministers riepen elkaar op.")
    assert len(matcher.find(own)) == 1 and len(own.found) == 1



INVERTED = [(("zij",), 0), (("we",), 0), (("wij",), 0), (("het", "kabinet"), 1), (("de", "verenigde", "staten"), 1)]


@pytest.mark.parametrize(
    "form, sentence, words, gaps",
    [
        # gapless: the pronoun between the finite verb and the rest is a gap token
        ("zetten zich in voor", "Daarnaast zetten zij zich in voor veilige kabels.",
         ["zetten", "zich", "in", "voor"], ["zij"]),
        # with a gap of its own after the pronoun
        ("blijven zich ... inzetten", "Daarom blijven we zich volledig inzetten.",
         ["blijven", "zich", "inzetten"], ["we", "volledig"]),
        # a subject of several words, its name after the article
        ("blijft voorstander van", "Tegelijk blijft het kabinet voorstander van dialoog.",
         ["blijft", "voorstander", "van"], ["het", "kabinet"]),
        ("vroegen om", "In de Raad vroegen de Verenigde Staten om steun.", ["vroegen", "om"], ["de", "verenigde", "staten"]),
    ],
)
def test_an_inverted_subject_pronoun_is_a_gap_of_the_phrase(form, sentence, words, gaps) -> None:
    tokens = tokenize(sentence)
    (match,) = PhraseMatcher([phrase_of(form, "pledge")], inverted_subjects=INVERTED).find(tokens)
    assert [tokens[i].norm for i in match.words] == words
    assert [tokens[i].norm for i in match.gaps] == gaps
    assert tokens[match.inverted].norm == next(g for g in gaps if g not in ("het", "de"))  # where the name starts
    # without the option the pronoun breaks the phrase
    assert PhraseMatcher([phrase_of(form, "pledge")]).find(tokens) == []


def test_only_the_pronoun_may_stand_between_the_first_words() -> None:
    # "wij ons": the word after the pronoun is not the phrase's second word
    tokens = tokenize("Daarom blijven wij ons volledig inzetten.")
    assert PhraseMatcher([phrase_of("blijven zich ... inzetten", "pledge")], inverted_subjects=INVERTED).find(tokens) == []
