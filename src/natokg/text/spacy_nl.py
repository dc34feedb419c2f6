"""The one spaCy Dutch pipeline of natokg, built once per process.

A blank Dutch pipeline (no model: nothing is downloaded) with two tokenizers on one
vocabulary. The matcher's tokenizer (``dutch_pipeline``) splits words at hyphens
("NAR-bijeenkomst" -> NAR - bijeenkomst) and final dots, and a component sets every
token's NORM to its fold (natokg.folding), so a surface form is found case- and
diacritic-tolerantly inside compounds. The sentence tokenizer (``sentence_tokenizer``)
keeps spaCy's Dutch abbreviations whole ("mln.", "o.a.", "nr.", "jl.", "d.d."), so no
sentence ends after them.

Tokenising goes through ``tokenize_cached`` / ``warm_tokenizer``. spaCy's tokenizer
caches the tokens of every whitespace-separated chunk, but stops caching for the rest
of a text as soon as one chunk is a special case (an abbreviation such as "o.a." or
"d.d."): ``Tokenizer._save_cached`` reads a flag that is set per text, not per chunk
(spaCy 3.8), and nearly every letter has such a chunk near its top. Tokenising each
chunk not seen before on its own first fills the cache with what that chunk gives in
any text (spaCy tokenises chunks independently; multi-chunk special cases are applied
to the whole text afterwards), so the result is the same Doc.
"""

from __future__ import annotations

import re
from functools import cache

from natokg.knowledge.cues import cue_words
from natokg.read.limits import max_letter_chars
from natokg.folding import fold

# chunks (whitespace-separated strings) each tokenizer caches; a 10 MB letter has ~200,000
_CHUNK_CACHE_SIZE = 1_000_000
# the hash of fold(text) by the hash of text, per vocab (id -> (vocab, table))
_NORMS: dict[int, tuple[object, dict[int, int]]] = {}


def _folded_norms(vocab) -> dict[int, int]:
    entry = _NORMS.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        entry = _NORMS[id(vocab)] = (vocab, {})
    return entry[1]


def _fold_orth(vocab, orth: int) -> int:
    value = vocab.strings.add(fold(vocab.strings[orth]))
    _folded_norms(vocab)[orth] = value
    return value



def dutch_pipeline():
    """spaCy blank('nl') with the matcher's tokenizer and folded NORMs."""
    return _dutch()[0]


def sentence_tokenizer():
    """spaCy's Dutch tokenizer with its abbreviations (and a few more) kept whole, on the
    pipeline's vocabulary."""
    return _dutch()[1]


@cache
def _dutch():
    import spacy
    from spacy.language import Language
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_suffix_regex

    nlp = spacy.blank("nl")
    # the reader refuses a letter over NATOKG_MAX_LETTER_CHARS with a message that says
    # how to raise it; spaCy's own ceiling (1,000,000) must not refuse it again
    nlp.max_length = max(nlp.max_length, 2 * max_letter_chars())
    dutch = nlp.tokenizer

    def tokenizer(rules, suffix_search, infix_finditer):
        # every setting given at once: each tokenizer setter reloads all ~700 special
        # cases; and a cache as large as a long letter's distinct chunks, since spaCy
        # stops caching (and re-splits affixes of every chunk) past max_cache_size
        return Tokenizer(nlp.vocab, rules=rules, prefix_search=dutch.prefix_search,
                         suffix_search=suffix_search, infix_finditer=infix_finditer,
                         token_match=dutch.token_match, url_match=dutch.url_match,
                         faster_heuristics=dutch.faster_heuristics, max_cache_size=_CHUNK_CACHE_SIZE)

    # the sentence tokenizer keeps spaCy's own Dutch rules, with a few abbreviations more
    abbreviations = cue_words("unbroken-abbreviation")
    sentence = tokenizer({**dutch.rules, **{a: [{ORTH: a}] for a in abbreviations}},
                         dutch.suffix_search, dutch.infix_finditer)

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[\w])[-–](?=[\w])", r"(?<=[\w])/(?=[\w])"]
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[^\W\d_]{2})\."]
    # spaCy's Dutch abbreviation list keeps "top." or "Zaken." whole at a sentence end,
    # which hides the word from the matcher; sentences come from natokg.text.segment, so
    # a word's final dot can always be split off ("T.B.W." keeps its inner dots).
    nlp.tokenizer = tokenizer(
        {text: rule for text, rule in dutch.rules.items() if not re.fullmatch(r"[^\W\d_]+\.", text)},
        compile_suffix_regex(suffixes).search,
        compile_infix_regex(infixes).finditer,
    )

    if not Language.has_factory("natokg_fold_norm"):

        @Language.component("natokg_fold_norm")
        def fold_norm(doc):
            # through arrays, not Token objects (~10x faster); each word folded once
            import numpy
            from spacy.attrs import NORM, ORTH

            norms = _folded_norms(doc.vocab)
            norm_of = norms.get
            orths = doc.to_array(ORTH).tolist()
            values = [norm_of(orth) or _fold_orth(doc.vocab, orth) for orth in orths]
            if values:
                doc.from_array([NORM], numpy.array(values, dtype="uint64").reshape(-1, 1))
            return doc

    nlp.add_pipe("natokg_fold_norm")
    return nlp, sentence


# ---------------------------------------------------------------- spaCy's chunk cache

_CHUNK = re.compile(r"\S+|\s+")
# id(tokenizer) -> (tokenizer, chunks cached); the pipelines are built once per process
_SEEN: dict[int, tuple[object, set[str]]] = {}


def warm_tokenizer(tokenizer, text: str) -> None:
    """Put every chunk of ``text`` in ``tokenizer``'s cache (no-op for known chunks)."""
    entry = _SEEN.get(id(tokenizer))
    if entry is None or entry[0] is not tokenizer:
        entry = _SEEN[id(tokenizer)] = (tokenizer, set())
    seen = entry[1]
    new = set(_CHUNK.findall(text))
    new.difference_update(seen)
    new.discard(" ")  # a single space separates chunks; spaCy never tokenises it
    for chunk in new:
        tokenizer(chunk)
    seen.update(new)


def tokenize_cached(tokenizer, text: str):
    """``tokenizer(text)``, with the chunk cache warmed first."""
    warm_tokenizer(tokenizer, text)
    return tokenizer(text)


__all__ = ["dutch_pipeline", "sentence_tokenizer", "tokenize_cached", "warm_tokenizer"]
