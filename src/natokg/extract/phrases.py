"""Word and phrase matching shared by the position and commitment rules.

Tokens (``tokenize``, ``fold``), surface forms with gaps and prefix stems (``Phrase``,
``PhraseMatcher``: "riep ... op", "defensie*"), the matchers built once per lexicon
from natokg.knowledge.lexicon and ontology/extraction-cues.ttl (``lexicons``), the regexes the
meeting, participant and letter-kind rules build from that file's meeting cues
(``cue_regex``); the actors a sentence names are read over these matchers in
natokg.extract.actor_mentions. The Dutch function words these read (articles,
pronouns, negations) are grammar, kept in natokg.extract.function_words.
"""

from __future__ import annotations

import re
from os import environ
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, NamedTuple, Sequence

from natokg.folding import fold
from natokg.knowledge.cues import COMMITMENT_CUE_SCHEME, CueInfo, cue_concepts, cue_word_set, cue_words
from natokg.records import Evidence, SegmentedLetter, Sentence
from natokg.extract.function_words import (
    ARTICLES,
    AUXILIARY_PERSONS,
    SUBJECT_PRONOUNS,
    NEGATIONS,
    NETHERLANDS,
    ALLIES,
)

# ---------------------------------------------------------------- tokens

# a number keeps its thousands dots and decimal comma: "5.000" is one word, no sentence end
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
MAX_GAP = 30  # tokens in a " ... " gap; gaps never cross . ; : ? ! or a digit
_GAP_STOPS = frozenset(".;:?!")


def _abbreviation_dot(norms: Sequence[str], j: int) -> bool:
    """"in november a.s. met ...", "op 3 mei jl. ...", "EUR 100 mln. bekend": the dot
    after a single letter or an abbreviation of cue:unbroken-abbreviation ends no gap."""
    if norms[j] != "." or j == 0:
        return False
    before = norms[j - 1]
    return (len(before) == 1 and before.isalpha()) or before in _abbreviation_stems(environ.get("NATOKG_HOME"))


@lru_cache(maxsize=4)  # per NATOKG_HOME, as the cue words
def _abbreviation_stems(home: str | None) -> frozenset[str]:
    return frozenset(fold(a).rstrip(".") for a in cue_words("unbroken-abbreviation"))


class Token(NamedTuple):  # a tuple: a letter makes thousands, a dataclass is ~5x slower
    norm: str
    start: int  # offsets into the sentence text
    end: int


_new_token = tuple.__new__
_UNSEEN = object()
# emphasis marks and dashes are not words
_DROPPED = frozenset("*-–—")


class Tokens(list):
    """A text's tokens, with what the matchers found in them.

    The position and commitment rules tokenise and match the same sentences and
    headings; the token list carries the norms and the matches made on it, so they are
    made once, and nothing about a letter is kept outside its own token lists."""

    __slots__ = ("norms", "found")


@lru_cache(maxsize=1 << 13)  # the same sentence is tokenised by several rules
def tokenize(text: str) -> Tokens:
    """Words and punctuation; hyphens split words ("Den Haag-afspraken" -> den haag afspraken),
    as natokg.knowledge.lexicon.normalise_surface does for the forms; emphasis marks are dropped.

    The same text gives the same list: callers must not change it."""
    tokens = Tokens(
        _new_token(Token, (fold(m.group()), m.start(), m.end()))  # skips NamedTuple's __new__
        for m in _TOKEN.finditer(text)
        if m.group() not in _DROPPED
    )
    tokens.norms = None
    tokens.found = {}
    return tokens


def _norms(tokens: Sequence[Token]) -> list[str]:
    """The tokens' norms, made once per token list (every matcher reads them)."""
    norms = getattr(tokens, "norms", None)
    if norms is None:
        norms = [token.norm for token in tokens]
        if isinstance(tokens, Tokens):
            tokens.norms = norms
    return norms


# ---------------------------------------------------------------- phrases with gaps


@dataclass(frozen=True)
class Phrase:
    """A surface form as token segments; the last word of a stem form is a prefix."""

    segments: tuple[tuple[str, ...], ...]
    target: object
    prefix: bool = False
    form: str = ""

    size: int = field(init=False, repr=False, compare=False)  # words in all segments

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", sum(len(s) for s in self.segments))


@dataclass(frozen=True)
class Match:
    phrase: Phrase
    first: int  # token index of the first matched token
    last: int  # token index of the last matched token (inclusive)
    words: tuple[int, ...]  # indices of the matched tokens
    gaps: tuple[int, ...]  # indices of the tokens in the gaps
    inverted: int = -1  # index of the inverted subject's name after the first word (a gap token), or -1
    inverted_last: int = -1  # index of the inverted subject's last word, or -1

    @property
    def target(self):
        return self.phrase.target


def phrase_of(form: str, target: object, prefix: bool = False) -> Phrase | None:
    parts = [p for p in re.split(r"\s*\.\.\.\s*|\s*…\s*", form) if p.strip()]
    segments = tuple(tuple(t.norm for t in tokenize(p) if t.norm not in (".", ",")) for p in parts)
    segments = tuple(s for s in segments if s)
    if not segments:
        return None
    return Phrase(segments, target, prefix, form)




def in_all_persons(phrases: Iterable[Phrase | None]) -> list[Phrase]:
    """The phrases, and each one that opens with a finite auxiliary again with the
    auxiliary's other persons (function_words.AUXILIARY_PERSONS), after all of them and
    under the same form: "hebben er ... op aangedrongen" finds "Ik heb er ... op
    aangedrongen" as that form."""
    given = [p for p in phrases if p]
    known = {p.segments for p in given}
    persons = {word: group for group in AUXILIARY_PERSONS for word in group}
    added = []
    for phrase in given:
        first = phrase.segments[0]
        for other in persons.get(first[0], ()):
            segments = ((other, *first[1:]), *phrase.segments[1:])
            if segments not in known:
                known.add(segments)
                added.append(Phrase(segments, phrase.target, phrase.prefix, phrase.form))
    return given + added


class PhraseMatcher:
    """Finds phrases (with gaps and prefix stems) in a token list."""

    def __init__(
        self, phrases: Iterable[Phrase], digits_in_gaps: bool = False,
        inverted_subjects: Iterable[tuple[tuple[str, ...], int]] = (),
    ) -> None:
        """``inverted_subjects``: (words, where the name starts in them) of the subjects
        that may stand between a phrase's first word and its second, as a subject after a
        finite verb does in Dutch main clauses ("Daarnaast zetten zij zich in voor",
        "Tegelijk blijft het kabinet voorstander van" match "zetten zich in voor", "blijft
        voorstander van"); their words are kept as gap tokens of the match."""
        self.digits_in_gaps = digits_in_gaps
        # by first word: the lengths of the words after it, longest first, and by those
        # words where the name starts (looked up, not compared with every subject: "de" opens hundreds)
        self.inverted_subjects: dict[str, tuple[list[int], dict[tuple[str, ...], int]]] = {}
        name_starts: dict[tuple[str, ...], int] = {}
        for words, name_at in inverted_subjects:
            # a subject given as a whole ("de bondgenoten", name at 0) before one made from a name
            name_starts[words] = min(name_at, name_starts.get(words, name_at))
        for words, name_at in name_starts.items():
            lengths, rests = self.inverted_subjects.setdefault(words[0], ([], {}))
            rests[words[1:]] = name_at
            if len(words) - 1 not in lengths:
                lengths.append(len(words) - 1)
        for lengths, _ in self.inverted_subjects.values():
            lengths.sort(reverse=True)
        self.by_first: dict[str, list[Phrase]] = {}
        self.prefixed_first: list[Phrase] = []
        for phrase in phrases:
            head = phrase.segments[0][0]
            if phrase.prefix and len(phrase.segments) == 1 and len(phrase.segments[0]) == 1:
                self.prefixed_first.append(phrase)
            else:
                self.by_first.setdefault(head, []).append(phrase)
        # the words after the head of a gapless phrase, compared as one list slice
        self.rest: dict[int, list[str]] = {
            id(phrase): list(phrase.segments[0][1:])
            for group in self.by_first.values()
            for phrase in group
            if len(phrase.segments) == 1 and not phrase.prefix
        }
        # single-word stems by stem, with their list order (which breaks ties between
        # stems matching the same word), so a token is looked up, not compared to all
        self.by_stem: dict[str, list[tuple[int, Phrase]]] = {}
        for order, phrase in enumerate(self.prefixed_first):
            self.by_stem.setdefault(phrase.segments[0][0], []).append((order, phrase))
        self.stem_lengths = sorted({len(stem) for stem in self.by_stem})
        # by word (words repeat across letters): the phrases it heads and the stems it
        # starts with, or None when there are none
        self.candidates: dict[str, tuple[list[Phrase], tuple[Phrase, ...]] | None] = {}

    @staticmethod
    def _segment_at(
        phrase: Phrase, seg_index: int, norms: Sequence[str], start: int, inverted: int = 0
    ) -> list[int] | None:
        """The token indices of segment ``seg_index`` at ``start`` (with an inverted
        subject of ``inverted`` words after its first word: skipped), or None; the last
        word of a stem form is a prefix."""
        segment = phrase.segments[seg_index]
        if start + inverted + len(segment) > len(norms):
            return None
        at = [start, *range(start + 1 + inverted, start + inverted + len(segment))] if inverted else list(range(start, start + len(segment)))
        stem = phrase.prefix and seg_index == len(phrase.segments) - 1
        for k, word in enumerate(segment):
            norm = norms[at[k]]
            if norm != word and not (stem and k == len(segment) - 1 and norm.startswith(word)):
                return None
        return at

    def _inverts(self, segment: tuple[str, ...], norms: Sequence[str], i: int, hi: int) -> tuple[int, int]:
        """(its length, where its name starts) of an inverted subject after the word at
        i, the first of ``segment``, that the segment's second word follows; (0, 0) when
        none does (callers try the segment without one first)."""
        if len(segment) < 2 or i + len(segment) >= hi:
            return 0, 0
        subjects = self.inverted_subjects.get(norms[i + 1])
        if subjects is None:
            return 0, 0
        lengths, rests = subjects
        for length in lengths:
            end = i + 2 + length
            if end + len(segment) - 1 > hi or norms[end] != segment[1]:
                continue
            name_at = rests.get(tuple(norms[i + 2 : end]))
            if name_at is not None:
                return 1 + length, name_at
        return 0, 0

    def _at(self, phrase: Phrase, norms: Sequence[str], i: int, hi: int) -> Match | None:
        words: list[int] = []
        gaps: list[int] = []
        inverted, name_at = 0, 0
        if self._segment_at(phrase, 0, norms, i) is None:  # "droegen de ministers de Secretaris-Generaal op"
            inverted, name_at = self._inverts(phrase.segments[0], norms, i, hi)
        pos = i
        for seg_index, segment in enumerate(phrase.segments):
            if seg_index == 0:
                starts = [i]
            else:
                starts = []
                for j in range(pos, min(hi, pos + MAX_GAP + 1)):
                    if (norms[j] in _GAP_STOPS and not _abbreviation_dot(norms, j)) or (
                        norms[j][0].isdigit() and not self.digits_in_gaps
                    ):
                        break
                    starts.append(j)
            matched = None
            for start in starts:
                if start + len(segment) > hi:
                    break
                matched = self._segment_at(phrase, seg_index, norms, start, inverted if seg_index == 0 else 0)
                if matched is not None:
                    gaps.extend(k for k in range(pos, matched[-1]) if k not in matched)
                    words.extend(matched)
                    pos = matched[-1] + 1
                    break
            if matched is None:
                return None
        return Match(phrase, words[0], words[-1], tuple(words), tuple(gaps),
                     i + 1 + name_at if inverted else -1, i + inverted if inverted else -1)

    def find(self, tokens: Sequence[Token], lo: int = 0, hi: int | None = None) -> list[Match]:
        """Every match in tokens[lo:hi], overlaps resolved: more words first, then earlier."""
        hi = len(tokens) if hi is None else hi
        found = getattr(tokens, "found", None)
        if found is None:  # a token list not made by tokenize
            return self._find(tokens, lo, hi)
        key = (self, lo, hi)
        chosen = found.get(key)
        if chosen is None:
            chosen = found[key] = self._find(tokens, lo, hi)
        return list(chosen)

    def _candidates(self, norm: str) -> tuple[list[Phrase], tuple[Phrase, ...]] | None:
        heads, stems = self.by_first.get(norm, []), self._stems(norm)
        entry = self.candidates[norm] = (heads, stems) if heads or stems else None
        return entry

    def _stems(self, norm: str) -> tuple[Phrase, ...]:
        """The single-word stems ``norm`` starts with, in list order."""
        stems: list[tuple[int, Phrase]] = []
        for length in self.stem_lengths:
            if length > len(norm):
                break
            stems.extend(self.by_stem.get(norm[:length], ()))
        stems.sort(key=lambda item: item[0])
        return tuple(phrase for _, phrase in stems)

    def _find(self, tokens: Sequence[Token], lo: int, hi: int) -> list[Match]:
        norms = _norms(tokens)
        found: list[Match] = []
        candidates, rests = self.candidates, self.rest
        for i in range(lo, hi):
            norm = norms[i]
            entry = candidates.get(norm, _UNSEEN)
            if entry is _UNSEEN:
                entry = self._candidates(norm)
            if entry is None:  # most words start no phrase
                continue
            heads, stems = entry
            for phrase in heads:
                rest = rests.get(id(phrase))
                if rest is not None:  # gapless and exact: the words after the head
                    end = i + 1 + len(rest)
                    if end <= hi and norms[i + 1 : end] == rest:
                        found.append(Match(phrase, i, end - 1, tuple(range(i, end)), ()))
                    else:
                        skip, name_at = self._inverts(phrase.segments[0], norms, i, hi)
                        if skip and end + skip <= hi and norms[i + 1 + skip : end + skip] == rest:
                            found.append(Match(phrase, i, end - 1 + skip, (i, *range(i + 1 + skip, end + skip)),
                                               tuple(range(i + 1, i + 1 + skip)), i + 1 + name_at, i + skip))
                    continue
                match = self._at(phrase, norms, i, hi)
                if match:
                    found.append(match)
            if stems:
                found.extend(Match(phrase, i, i, (i,), ()) for phrase in stems)
        # more words first; then the tighter match (fewer gap tokens); then the earlier
        found.sort(key=lambda m: (-m.phrase.size, len(m.gaps), m.first, m.last))
        chosen: list[Match] = []
        used: set[int] = set()
        for match in found:
            span = set(match.words)
            if span & used:
                continue
            chosen.append(match)
            used |= span
        return sorted(chosen, key=lambda m: m.first)


# ---------------------------------------------------------------- lexicons


@dataclass
class Lexicons:
    """The matchers the position and commitment rules use, built once per Lexicon."""

    actors: PhraseMatcher
    cities: PhraseMatcher
    topics: PhraseMatcher
    stances: PhraseMatcher
    cues: PhraseMatcher
    negated: dict[str, str]
    instruments: dict[str, str | None]  # organisation key -> parent key, for instruments
    cue_info: dict[str, CueInfo] = field(default_factory=dict)
    cue_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lexicon: object = None
    speakers: PhraseMatcher | None = None  # the Dutch government speaking (cue:government-speaker)
    members: PhraseMatcher | None = None  # the meeting's delegations as one body (cue:meeting-members)
    contribution_nouns: frozenset[str] = frozenset()  # folded, of cue:contribution-noun
    # topics a specific heading overrides (topic:broad-topics, natokg.extract.position_topics)
    broad_topics: frozenset[str] = frozenset()
    # topics about one state, named also by labels without it (nkg:topicPlace): slug ->
    # (the state's key, those labels folded)
    placed_topics: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)


_LEXICON_CACHE: dict[int, Lexicons] = {}


def lexicons(lexicon=None) -> Lexicons:
    """Matchers over the natokg.knowledge.lexicon Lexicon (loaded when None) and extraction-cues.ttl."""
    if lexicon is None:
        from natokg.knowledge.lexicon import load_lexicon

        lexicon = load_lexicon()
    cached = _LEXICON_CACHE.get(id(lexicon))
    if cached is not None and cached.lexicon is lexicon:
        return cached
    from natokg.paths import ontology_dir

    actors = [phrase_of(form, target) for form, target in lexicon.surface_forms("actor")]
    # "de Russische regering", "de Oekraïense autoriteiten": a state named by its government
    actors += [
        phrase_of(f"{demonym} {noun}", target)
        for demonym, target in lexicon.surface_forms("demonym") for noun in cue_words("government-noun")
    ]
    cities = [phrase_of(form, target) for form, target in lexicon.surface_forms("city")]
    topics = [phrase_of(form, target) for form, target in lexicon.surface_forms("topic")]
    topics += [phrase_of(stem, slug, prefix=True) for stem, slug in lexicon.prefix_forms("topic")]
    for record in lexicon.topics.values():  # the Dutch preferred label is a form too
        topics.append(phrase_of(record.name_nl, record.slug))
    stances = in_all_persons([phrase_of(form, target) for form, target in lexicon.surface_forms("stance")])
    cue_phrases = []
    cue_info: dict[str, CueInfo] = {}
    cue_forms: dict[str, tuple[str, ...]] = {}
    cue_file = ontology_dir() / "extraction-cues.ttl"
    if cue_file.is_file():
        for info, forms, _stems in cue_concepts(str(cue_file)):
            cue_info[info.slug] = info
            cue_forms[info.slug] = forms
            if info.scheme == COMMITMENT_CUE_SCHEME:  # meeting cues are read by cue_regex
                cue_phrases += [phrase_of(form, info.slug) for form in forms]
    instruments = {key: org.parent for key, org in lexicon.organisations.items() if org.instrument}
    # "pleit Nederland ervoor", "zetten zij zich in voor", "blijft het kabinet voorstander
    # van": a pronoun or a name (after an article) as the subject after the finite verb
    inverted = _inverted_subjects(actors, cue_forms.get("government-speaker", ()) + cue_forms.get("meeting-members", ()))
    result = Lexicons(
        actors=PhraseMatcher(p for p in actors if p),
        cities=PhraseMatcher(p for p in cities if p),
        topics=PhraseMatcher(p for p in topics if p),
        stances=PhraseMatcher((p for p in stances if p), inverted_subjects=inverted),
        cues=PhraseMatcher((p for p in cue_phrases if p), digits_in_gaps=True, inverted_subjects=inverted),
        negated={slug: s.negated for slug, s in lexicon.stances.items() if s.negated},
        instruments=instruments,
        cue_info=cue_info,
        cue_forms=cue_forms,
        lexicon=lexicon,
        speakers=PhraseMatcher(p for p in (phrase_of(form, NETHERLANDS) for form in cue_forms.get("government-speaker", ())) if p),
        members=PhraseMatcher(p for p in (phrase_of(form, ALLIES) for form in cue_forms.get("meeting-members", ())) if p),
        broad_topics=frozenset(t.slug for t in lexicon.topics.values() if t.broad),
        placed_topics={t.slug: (t.place, t.placeless) for t in lexicon.topics.values() if t.place and t.placeless},
        contribution_nouns=frozenset(
            fold(form) for slug, forms in cue_forms.items() if cue_info[slug].role == "contribution-noun" for form in forms
        ),
    )
    _LEXICON_CACHE[id(lexicon)] = result
    return result


def stance_forms(tokens: Sequence[Token], lex: Lexicons) -> list[Match]:
    """The stance forms of a sentence, without one whose first word is a noun there: a
    word that is also a noun (cue:verb-or-noun) right after an article, demonstrative or
    possessive, or after one and an adjective ("de vragen van de bondgenoten", "de recente
    vragen"); "De bondgenoten vragen om" is the verb."""
    nouns = cue_word_set("verb-or-noun")
    return [m for m in lex.stances.find(tokens) if tokens[m.first].norm not in nouns or m.inverted >= 0
            or not _after_determiner(tokens, m.first)]


def _after_determiner(tokens: Sequence[Token], k: int) -> bool:
    """Whether the word at k follows a determiner, with at most an adjective ("-e") between."""
    if k and tokens[k - 1].norm in _NOUN_DETERMINERS:
        return True
    return k > 1 and tokens[k - 1].norm.endswith("e") and tokens[k - 2].norm in _NOUN_DETERMINERS


_NOUN_DETERMINERS = ARTICLES | frozenset(["deze", "dit", "zijn", "haar"])


def negates(tokens: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` negates its clause: "geen", "niet", "niets", but not "niet
    alleen/slechts ..., maar ook" (which adds) nor "niets/niet minder dan" (which stresses)."""
    if tokens[k].norm not in NEGATIONS:
        return False
    following = [t.norm for t in tokens[k + 1 : k + 3]]
    if tokens[k].norm in ("niet", "niets") and following[:1] in (["minder"], ["meer"]) and following[1:] == ["dan"]:
        return False
    return not (tokens[k].norm == "niet" and following[:1] in (["alleen"], ["slechts"]))


def _inverted_subjects(actors: Iterable[Phrase | None], subject_forms: Iterable[str]) -> list[tuple[tuple[str, ...], int]]:
    """The subjects that may follow a finite verb: a pronoun; a name of up to three words,
    alone or after an article ("Nederland", "het kabinet", "de Verenigde Staten"); the
    government's and the meeting's own words ("de minister", "de ministers")."""
    subjects = [((pronoun,), 0) for pronoun in SUBJECT_PRONOUNS]
    for phrase in actors:
        if not phrase or phrase.prefix or len(phrase.segments) != 1 or phrase.size > 3:
            continue
        words = phrase.segments[0]
        if not all(w.replace("-", "").isalpha() for w in words):
            continue
        subjects.append((words, 0))
        if words[0] not in ARTICLES:
            subjects += [(("de", *words), 1), (("het", *words), 1)]
    for form in subject_forms:  # their mentions start at the article ("de ministers")
        words = tuple(t.norm for t in tokenize(form))
        if words:
            subjects.append((words, 0))
    return subjects


def contribution_nouns(lex: Lexicons) -> frozenset[str]:
    """The folded forms of the contribution nouns ("bijdrage", "steun" ...) of extraction-cues.ttl."""
    return lex.contribution_nouns


def parenthesised(tokens: Sequence[Token]) -> frozenset[int]:
    """The indices of the tokens inside brackets; made once per token list of tokenize
    (the commitment and position rules both ask)."""
    found = getattr(tokens, "found", None)
    if found is None:  # a token list not made by tokenize
        return _parenthesised(tokens)
    inside = found.get(_PARENTHESISED)
    if inside is None:
        inside = found[_PARENTHESISED] = _parenthesised(tokens)
    return inside


_PARENTHESISED = "parenthesised"  # its key in Tokens.found, beside the matchers' (matcher, lo, hi)


def _parenthesised(tokens: Sequence[Token]) -> frozenset[int]:
    inside: set[int] = set()
    depth = 0
    for i, token in enumerate(tokens):
        if token.norm == "(":
            depth += 1
        elif token.norm == ")":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(i)
    return frozenset(inside)


def sentence_evidence(seg: SegmentedLetter, sentence: Sentence, tokens: Sequence[Token], first: int, last: int) -> Evidence:
    start = sentence.start + tokens[first].start
    end = sentence.start + tokens[last].end
    return seg.doc.evidence(start, end)


__all__ = [
    "stance_forms",
    "negates",
    "Lexicons",
    "Match",
    "Phrase",
    "PhraseMatcher",
    "Token",
    "contribution_nouns",
    "fold",
    "lexicons",
    "parenthesised",
    "phrase_of",
    "sentence_evidence",
    "tokenize",
]
