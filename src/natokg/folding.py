"""How words are compared: one fold for every rule, matcher and lexicon.

Case, diacritics and the typographic apostrophe do not distinguish Dutch words in
these letters ("Oekraïne", "OEKRAINE" and "oekraine" are one word), so every
comparison of words goes through ``fold``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=1 << 16)  # every token of every letter is folded: words repeat
def fold(text: str) -> str:
    """Case-folded, without accents, with straight apostrophes: 'Oekraïne’s' -> "oekraine's"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold().replace("’", "'").replace("‘", "'")


__all__ = ["fold"]
