"""Tokenise with spaCy's per-chunk cache actually in use.

spaCy's tokenizer caches the tokens of every whitespace-separated chunk, but stops
caching for the rest of a text as soon as one chunk is a special case (an
abbreviation such as "o.a." or "d.d."): ``Tokenizer._save_cached`` reads a flag that
is set per text, not per chunk (spaCy 3.8). Nearly every letter has such a chunk
near its top, so every letter was tokenised from scratch (~1.4 ms per letter, 7x
the cached cost). Tokenising each chunk not seen before on its own first fills the
cache with what that chunk gives in any text (spaCy tokenises chunks independently;
multi-chunk special cases are applied to the whole text afterwards), so the result is
the same Doc.
"""

from __future__ import annotations

import re

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


__all__ = ["tokenize_cached", "warm_tokenizer"]
