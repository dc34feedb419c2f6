"""What a pledge gives, for the commitment rules (natokg.extract.commitments): the
tokens its object is read from (``pledge_scope``), its kind by the nouns it names
(``object_kind``: funds a financial contribution, troops or equipment a capability
pledge, anything else or an ending a policy pledge), whether it names troops or
equipment at all (``names_capability``) and the words that tell two pledges of one actor
apart (``object_phrase``). The nouns live in extraction-cues.ttl (cue:pledge-scheme).
"""

from __future__ import annotations

from typing import Sequence

from natokg.extract.function_words import ARTICLES, PREPOSITIONS, PUNCTUATION, RELATIVE_OPENERS
from natokg.extract.actor_mentions import ActorMention
from natokg.extract.phrases import Match, Token
from natokg.knowledge.cues import cue_regex, cue_word_set

_ENDING_RE = r"\b(?:{cue:ending-verb})\b"
_ENDING_LENGTH = 8
_SENT_ENDING_LENGTH = 6  # what is sent is named, so a shorter ending holds ("grondtroepen")
_OBJECT_WORDS = 2  # words of what is pledged that tell two pledges of one actor apart


def pledge_scope(tokens: Sequence[Token], cue: Match) -> list[int]:
    """The token indices of what a pledge can be a pledge of: the sentence from a colon
    before the cue, up to a colon after its object ("namen een Defence Package aan met als
    doel ...: moderne strijdkrachten"; but "zegden toe: drie fregatten" goes on), without
    the relative clauses set off by a comma (", die ... ," to the next comma or the end;
    ", dat" right after the cue is its complement, not a relative clause); a cue inside
    such a clause pledges what that clause names."""
    lo = next((k + 1 for k in range(cue.first - 1, -1, -1) if tokens[k].norm == ":"), 0)
    colon = next((k for k in range(cue.last + 1, len(tokens)) if tokens[k].norm == ":"), len(tokens))
    has_object = any(tokens[k].norm not in PUNCTUATION for k in (*cue.gaps, *range(cue.last + 1, colon)))
    hi = colon if has_object else len(tokens)
    kept, inside, clause = [], False, []
    for k in range(lo, hi):
        norm = tokens[k].norm
        if inside and norm == ",":
            if cue.first in clause:
                return clause  # the cue's own relative clause: ", waar Italië de leiding op zich neemt"
            inside, clause = False, []
        elif (not inside and norm == "," and k + 1 < hi and tokens[k + 1].norm in RELATIVE_OPENERS
              and k - 1 not in cue.words):
            inside = True
        if inside:
            clause.append(k)
        if not inside or k in cue.words:
            kept.append(k)
    return clause if cue.first in clause else kept


def ends_something(tokens: Sequence[Token], text: str, cue: Match) -> bool:
    """Whether the cue's own verb ends, suspends or withdraws (cue:ending-verb): a form that
    holds or touches the cue's last word ("besloten de SFOR-missie ... af te ronden"), not one
    in another clause ("besloten troepen te sturen om de missie af te ronden")."""
    for found in cue_regex(_ENDING_RE).finditer(text):
        words = [k for k, t in enumerate(tokens) if found.start() <= t.start < found.end()]
        if words and words[0] <= cue.last + 1 and words[-1] >= cue.last - 1:
            return True
    return False


def object_kind(
    tokens: Sequence[Token], text: str, cue: Match, scope: Sequence[int] | None = None, clause: tuple[int, int] | None = None
) -> str:
    """A pledge of funds (cue:funding-object) is a financial contribution, one of troops or
    equipment (cue:capability-object) a capability pledge, else a policy pledge; ``scope``:
    the token indices to read, by default ``pledge_scope`` (not the relative clauses:
    "landen, die een bijdrage leveren, ..." describes the countries, it pledges nothing)
    within ``clause`` (first token, end) when given, where a pledge to end something
    (``ends_something``) is a policy pledge."""
    if scope is None:
        lo, hi = clause or (0, len(tokens))
        scope = [k for k in pledge_scope(tokens, cue) if lo <= k < hi]
        if ends_something(tokens, text, cue):
            return "policy-pledge"  # "besloten de SFOR-missie af te ronden": ending a mission pledges no troops
        if _object_head(tokens, cue) & cue_word_set("policy-object"):
            return "policy-pledge"  # "keurden het concept goed voor de nieuwe missie": a text, not troops
    kind = words_kind(tokens, text, scope)
    if kind is not None:
        return kind
    # the object's own head, or the word right before a verb at the end: "zal ...
    # luchtverdedigingsmunitie aanschaffen"; not "een verbod op clustermunitie"
    object_words = _object_head(tokens, cue) | ({tokens[cue.last - 1].norm} if cue.last - 1 in cue.gaps else set())
    if any(w.endswith(tuple(cue_word_set("capability-compound-head"))) for w in object_words):
        return "capability-pledge"
    return "policy-pledge"


def words_kind(tokens: Sequence[Token], text: str, scope: Sequence[int]) -> str | None:
    """What the words at ``scope`` name: funds (cue:funding-object) a financial contribution,
    troops or equipment (cue:capability-object, a hyphenated compound's head) a capability
    pledge; None if neither."""
    read = [tokens[k] for k in scope]
    # a hyphenated compound counts by its head as well: "Patriot-systeem", "NAVO-trustfonds"
    heads = {t.norm for t in read if t.start > 0 and text[t.start - 1] in "-‑"}
    words = {t.norm for t in read}
    for a, b in zip(read, read[1:]):
        words |= {f"{a.norm} {b.norm}", f"{a.norm}-{b.norm}"}  # "force model", "f-16's"
    for slug, kind in (("funding-object", "financial-contribution"), ("capability-object", "capability-pledge")):
        if cue_word_set(slug) & words:
            return kind
    if cue_word_set("capability-head") & heads:
        return "capability-pledge"
    if any(head.endswith(_capability_endings()) for head in heads):
        return "capability-pledge"  # a named type's compound by its last part: "Apache-gevechtshelikopters"
    return None


def _capability_endings(length: int = _ENDING_LENGTH) -> tuple[str, ...]:
    """The capability nouns of at least ``length`` letters a compound can end in
    ("transporthelikopters"); by default long enough not to end another word by chance
    ("commissie" is no "missie")."""
    return tuple(w for w in cue_word_set("capability-object") if len(w) >= length and " " not in w)


def object_phrase(tokens: Sequence[Token], mentions: Sequence[ActorMention], cue: Match) -> str:
    """What a pledge without amount pledges, as its first words in the cue's gap, else
    after the cue ("besloten een speciale vertegenwoordiger ... aan te stellen":
    "speciale vertegenwoordiger"), so two pledges of one actor on one topic stay two."""
    # an inverted subject is no object: "besloten de bondgenoten ...", "zetten zij zich in voor"
    skipped = {k for m in mentions for k in range(m.first, m.last + 1)} | _inverted_words(cue)
    words = _object_words(tokens, [k for k in cue.gaps if k not in skipped], skipped)
    return " ".join(words or _object_words(tokens, range(cue.last + 1, len(tokens)), skipped))


def _inverted_words(cue: Match) -> set[int]:
    """The words of the subject after the cue's finite verb ("zet het kabinet zich in")."""
    return set(range(cue.first + 1, cue.inverted_last + 1)) if cue.inverted_last >= 0 else set()


def _object_head(tokens: Sequence[Token], cue: Match) -> set[str]:
    """The words of a pledge's object before its first preposition ("een nieuw concept"
    of "een nieuw concept voor de inzet van troepen"): in the cue's gap, else after it."""
    subject = _inverted_words(cue)
    where = [k for k in cue.gaps if k not in subject] or range(cue.last + 1, len(tokens))
    head = set()
    for k in where:
        norm = tokens[k].norm
        if norm in PUNCTUATION or (head and norm in PREPOSITIONS):
            break
        if norm not in ARTICLES:
            head.add(norm)
    return head


def _object_words(tokens: Sequence[Token], where, skipped: set[int]) -> list[str]:
    words = []
    for k in where:
        norm = tokens[k].norm
        if norm in PUNCTUATION:
            break
        if norm.isalnum() and norm not in ARTICLES and k not in skipped:
            words.append(norm)
            if len(words) == _OBJECT_WORDS:
                break
    return words


def names_capability(tokens: Sequence[Token], text: str, cue: Match) -> bool:
    """Whether what the cue pledges is troops or equipment (cue:capability-object), a
    compound counting by its ending ("twee extra Chinook-transporthelikopters"), or a
    contribution its subject names. A gap
    form after "te" is another verb's infinitive: "om te zetten in capaciteiten" converts,
    "zetten ... in" deploys."""
    if len(cue.phrase.segments) > 1 and cue.first > 0 and tokens[cue.first - 1].norm == "te":
        return False
    if object_kind(tokens, text, cue) == "capability-pledge":
        return True
    # "de Nederlandse inzet ... wordt voortgezet": a contribution named (cue:contribution-noun)
    nouns = cue_word_set("contribution-noun")
    if any(tokens[k].norm in nouns for k in pledge_scope(tokens, cue) if k < cue.first):
        return True
    # what is sent names its kind in any compound ("aanvalshelikopters", "grondtroepen")
    return any(tokens[k].norm.endswith(_capability_endings(_SENT_ENDING_LENGTH)) for k in pledge_scope(tokens, cue))


__all__ = ["ends_something", "names_capability", "object_kind", "object_phrase", "pledge_scope", "words_kind"]
