"""What a position is about: the topic choice of the position rules (natokg.extract.positions).

A stance's topics are those its complement names (after the verb, up to the next
verb; coordinated items each give one; a bare country name only when nothing more
specific is named); else a topic before the verb in the same clause; else what a
referring noun phrase points back to ("deze toezegging"); else a topic later in the
sentence; else the last topic of the previous sentence under the same heading; else
the heading's. The topic words live in ontology/topics.ttl; this module holds grammar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from natokg.extract.function_words import PREPOSITIONS
from natokg.extract.phrases import Lexicons, Match, Token, tokenize
from natokg.folding import fold
from natokg.records import Sentence

ITEM_SEPARATORS = frozenset([",", "en", "evenals", "alsook", "of", "in"])
# "deze toezegging", "dit besluit": a noun phrase that points back to an earlier sentence
DEMONSTRATIVES = frozenset("deze dit".split())
# "het principebesluit": a definite noun phrase points back only when its noun was named before
DEFINITE_ARTICLES = frozenset("de het".split())
#: how many earlier sentences under the same heading a referring noun phrase may point back to
ANTECEDENT_REACH = 5
# After the first topic, these end a list of topics (a subordinate clause begins).
TOPIC_LIST_STOPS = frozenset(
    "dat die om omdat zodat waardoor gezien vanwege wegens zodra want maar doordat waarmee waarbij wat welke "
    "waaronder zoals bijvoorbeeld inclusief : ; .".split()
)
# "samenwerking met de EU, onder meer op het gebied van cyber": what follows gives
# examples of the topic, it does not name the topic itself.
EXAMPLE_MARKERS = (("onder", "meer"), ("onder", "andere"), ("in", "het", "bijzonder"), ("met", "name"),
                   ("waaronder",), ("bijvoorbeeld",), ("zoals",), ("inclusief",))
_MARKER_HEADS = frozenset(marker[0] for marker in EXAMPLE_MARKERS)  # most words start no marker
# ", die de stabiliteit ... ten goede komt", ", omdat ...": a clause set off by a comma
# after the object says something about it, it is not what the stance is about.
CLAUSE_OPENERS = frozenset(
    "die dat omdat waardoor waarin waarbij waarmee waarvan zodat wat welke terwijl aangezien nu".split()
)
# ", gelet op de conflicten in Georgië en ...": a reason set off by a comma names no topic;
# right after the verb it is a parenthesis that ends at the next comma ("steunt, gezien de
# situatie, de NRF"), after the object it runs to the end of the sentence.
REASON_OPENERS = frozenset("gelet gezien vanwege wegens".split())
_ASIDE_OPENERS = CLAUSE_OPENERS | REASON_OPENERS


def topics_in(topic_matches, lo: int, hi: int, skip: set[int]) -> list[Match]:
    return [m for m in topic_matches if lo <= m.first < hi and m.first not in skip]


def scope_topics(tokens: Sequence[Token], topic_matches, lo: int, hi: int, skip: set[int], weak: set[int]) -> list[Match]:
    """The topics a verb's complement names.

    The complement is cut into list items at "," / "en" / "evenals" / "in" (a region
    after "in" is a topic of its own: "terrorisme in het Midden-Oosten"); each item
    gives its first topic (the head of "X van Y" is X). A bare country name
    ("Oekraïne") is an item's topic only when the item names no other, and never after
    "in" when an earlier item named a topic ("terrorisme in Syrië": the place of the
    topic; but "de missie in Afghanistan" is about Afghanistan), nor when the countries are
    listed right before a specific topic ("Georgië en Oekraïne een MAP toe te kennen": whom
    the topic concerns). The list ends at a subordinate clause ("om", "dat", "wegens" ...)
    or an example ("waaronder", "bijvoorbeeld").
    """
    in_scope = topics_in(topic_matches, lo, hi, skip)
    starts = {m.first: m for m in in_scope}
    covered = {k for m in in_scope for k in range(m.first, m.last + 1)}
    chosen: list[Match] = []
    item: list[Match] = []
    opened_by = ""
    countries: list[Match] = []  # bare countries chosen from the items just before this one

    def close() -> None:
        strong = [m for m in item if id(m) not in weak]
        if strong:
            # "trans-Atlantische lastenverdeling": of an adjective topic and the noun
            # topic right after it, the noun is the head
            head = strong[1] if len(strong) > 1 and strong[1].first == strong[0].last + 1 else strong[0]
            if id(item[0]) in weak and not any(
                tokens[k].norm in PREPOSITIONS for k in range(item[0].last + 1, head.first)
            ):
                # "om Georgië en Oekraïne een MAP toe te kennen": countries listed right
                # before a specific topic are whom it concerns, not topics of their own (but
                # "steunt Oekraïne en Georgië bij de opbouw van ...": a topic of their own)
                chosen[:] = [m for m in chosen if m not in countries]
            chosen.append(head)
            countries.clear()
        elif item and (not chosen or (opened_by != "in" and not _party(item[0]))):
            # After "in" a bare country is the place of a topic already named ("de
            # oorlog in Oekraïne"); when nothing before it named one, the place is
            # what the complement is about ("het belang van de missie in Afghanistan").
            chosen.append(item[0])
            countries.append(item[0])

    def _party(match: Match) -> bool:
        # "transparantie over kernwapens en maatregelen met Rusland": after a topic, a
        # country "met" whom something is done is a party to it, not a topic of its own
        return match.first > 0 and tokens[match.first - 1].norm == "met"

    for k in range(lo, hi):
        if k in starts:
            item.append(starts[k])
            continue
        if k in covered or k in skip:
            continue
        norm = tokens[k].norm
        if (chosen or item) and norm in TOPIC_LIST_STOPS:
            break
        if norm in ITEM_SEPARATORS:
            close()
            item, opened_by = [], norm
    close()
    return chosen


def heading_topics(sentence: Sentence, lex: Lexicons) -> list[str]:
    if not sentence.heading:
        return []
    return [m.target for m in lex.topics.find(tokenize(sentence.heading))]


@dataclass(frozen=True)
class Said:
    """An earlier sentence as a referring noun phrase sees it: its words and its topics."""

    norms: tuple[str, ...]
    topics: tuple[tuple[int, str], ...]  # (token index, topic slug) of its strong topics


def antecedent_topics(
    tokens: Sequence[Token], lo: int, hi: int, history: Sequence[Said], actors: set[int]
) -> list[str]:
    """The topic of the sentence a referring noun phrase in [lo, hi) points back to.

    "Nederland steunde het principebesluit" after "namen de ministers een principebesluit
    over de commandostructuur": the latest earlier sentence that names the noun (or a
    compound ending in it: "besluit" in "principebesluit") gives its first topic from the
    noun on. A demonstrative ("deze toezegging") whose noun was not named points to the
    previous sentence, whose first topic is what the sentence was about. Only the noun
    phrases before a subordinate clause or comma that name no actor count ("het kabinet
    acht het van belang dat zij bij de top zijn" points back neither to a cabinet nor to a top).
    """
    for k in range(lo, min(hi, len(tokens) - 1)):
        article, noun = tokens[k].norm, tokens[k + 1].norm
        if article in TOPIC_LIST_STOPS or article == ",":
            break  # a noun phrase inside a subordinate clause is not what the stance is about
        if article not in DEMONSTRATIVES | DEFINITE_ARTICLES or k + 1 in actors or not noun.isalpha() or len(noun) < 4:
            continue
        for said in reversed(history):
            named = next((j for j, word in enumerate(said.norms) if _names_noun(word, noun)), None)
            if named is not None and said.topics:
                after = [slug for first, slug in said.topics if first >= named]
                return (after or [said.topics[0][1]])[:1]
        if article in DEMONSTRATIVES and history and history[-1].topics:
            return [history[-1].topics[0][1]]
    return []


def _names_noun(word: str, noun: str) -> bool:
    """Whether an earlier word names the noun: itself, a compound ending in it
    ("principebesluit"), or its plural ("besluiten", "plannen")."""
    return word == noun or word.endswith(noun) or word in (noun + "en", noun + "s", noun + noun[-1] + "en")


def topics_referred_to(tokens, topic_matches, scope: tuple[int, int], skip, actor_words, history, shared_topics, weak):
    """The topic of a stance whose clause names none: the previous verb's when the
    subject is shared ("steunde deze toezegging, maar drong aan op ..."), else the
    antecedent of a referring noun phrase, else a topic later in the sentence.
    Returns (topic matches in this sentence, topic slugs)."""
    if shared_topics:
        return [], shared_topics[:1]
    lo, hi = scope
    referred = antecedent_topics(tokens, lo, hi, history[-ANTECEDENT_REACH:], actor_words)
    if referred:
        return [], referred
    # a bare country after the clause ("op voorwaarde dat Rusland wordt uitgenodigd") is
    # a party to what follows, not what the stance is about
    later = [m for m in topics_in(topic_matches, hi, len(tokens), skip) if id(m) not in weak][:1]
    return later, [m.target for m in later]


def weak_topics(topic_matches: Sequence[Match], tokens: Sequence[Token], text: str, lex: Lexicons) -> set[int]:
    """Topics named only by a bare country name ("Oekraïne", "Rusland")."""
    weak = set()
    lexicon = lex.lexicon
    for match in topic_matches:
        surface = text[tokens[match.first].start : tokens[match.last].end]
        actor = lexicon.actor_by_surface(surface) if lexicon is not None else None
        if actor is not None and actor.kind == "state":
            weak.add(id(match))
    return weak


def aside_words(tokens: Sequence[Token], lo: int, skip: set[int]) -> set[int]:
    """The token indices, from ``lo`` (right after the stance verb) on, of the examples
    or comma clause that end what a stance's complement names (EXAMPLE_MARKERS,
    CLAUSE_OPENERS, REASON_OPENERS) up to the sentence end, and of a reason in
    parenthesis right after the verb. A marker in ``skip`` (inside parentheses: "de
    Balkan (inclusief ...)") ends nothing."""
    norms = [t.norm for t in tokens]
    aside: set[int] = set()
    if lo + 1 < len(norms) and norms[lo] == "," and norms[lo + 1] in REASON_OPENERS:
        end = next((j for j in range(lo + 2, len(norms)) if norms[j] == ","), len(norms))
        aside, lo = set(range(lo, end + 1)), end + 1
    for k in range(lo, len(norms)):
        if k in skip:
            continue
        opens_clause = norms[k] == "," and k + 1 < len(norms) and norms[k + 1] in _ASIDE_OPENERS
        if opens_clause or (
            norms[k] in _MARKER_HEADS and any(tuple(norms[k : k + len(m)]) == m for m in EXAMPLE_MARKERS)
        ):
            return aside | set(range(k, len(norms)))
    return aside


@dataclass(frozen=True)
class SentenceTopics:
    """The topics one sentence names and what came before it under the same heading."""

    sentence: Sentence
    tokens: Sequence[Token]
    matches: Sequence[Match]  # every topic named in the sentence
    weak: set[int]  # ids of the matches that are bare country names
    history: Sequence[Said]  # the earlier sentences under the same heading
    previous: Sequence[str]  # the strong topics of the latest sentence that named one


def choose_topics(
    scene: SentenceTopics, lex: Lexicons, stance_match: Match, scope: tuple[int, int], skip: set[int],
    shared: Sequence[str], actor_words: set[int],
) -> tuple[list[Match], list[str]]:
    """The topics of one stance verb whose clause runs over ``scope`` = [clause start,
    next verb): (topic matches in the sentence, topic slugs). ``shared`` are the
    topics of the previous verb when this one shares its subject."""
    clause_lo, scope_end = scope
    tokens, matches = scene.tokens, scene.matches
    skip = skip | aside_words(tokens, stance_match.last + 1, skip)
    topics = scope_topics(tokens, matches, stance_match.first, scope_end, skip, scene.weak)
    slugs = [m.target for m in topics]
    if shared and topics and all(id(m) in scene.weak for m in topics):
        return [], list(shared[:1])  # "verwelkomden X en benadrukten ..."
    if topics and all(id(m) in scene.weak for m in topics):
        # "steunt dit besluit, op voorwaarde dat ... Rusland ...": what "dit besluit" refers to
        referred = antecedent_topics(
            tokens, stance_match.last + 1, scope_end, scene.history[-ANTECEDENT_REACH:], actor_words
        )
        if referred:
            return [], referred
    if not slugs:
        topics = topics_in(matches, clause_lo, stance_match.first, skip)[-1:]
        slugs = [m.target for m in topics]
    if not slugs:
        topics, slugs = topics_referred_to(
            tokens, matches, (clause_lo, scope_end), skip, actor_words, scene.history, shared, scene.weak
        )
    if not slugs:
        topics, slugs = [], list(scene.previous[-1:]) or heading_topics(scene.sentence, lex)[:1]
    if slugs and all(slug in lex.broad_topics for slug in slugs):
        specific = paragraph_topic(scene, lex)
        if specific is not None:
            return [], [specific]
    placed = [_country_instead(scene, lex, m, skip) for m in topics]
    if any(placed):
        slugs = [p or m.target for p, m in zip(placed, topics)]
    return topics, slugs


def _country_instead(scene: SentenceTopics, lex: Lexicons, match: Match, skip: set[int]) -> str | None:
    """The topic of the country the sentence names as the place ("in", "voor"; never its
    speaker, in ``skip``), else its heading's, instead of a topic about another state named
    by a label that does not name that state ("het vredesproces in Afghanistan":
    Afghanistan's, not Ukraine's peace process; nkg:topicPlace). None when the label names
    the place, when the sentence names the state, when it gives no other place and the
    paragraph before it names the state, or when neither the sentence nor its heading names
    another country with a topic ("het vredesproces in Colombia" keeps the topic)."""
    place, placeless = lex.placed_topics.get(match.target, (None, ()))
    if place is None:
        return None
    tokens = scene.tokens
    words = fold(scene.sentence.text[tokens[match.first].start : tokens[match.last].end])
    if not any(words == f or (f.endswith("*") and words.startswith(f[:-1])) for f in placeless):
        return None
    # the place the sentence gives the process ("in Afghanistan", "voor Libië"), not a party
    # to it ("zolang Rusland geen staakt-het-vuren aanvaardt")
    placed_in = [m for m in scene.matches if id(m) in scene.weak and m.first not in skip
                 and m.first > 0 and tokens[m.first - 1].norm in _PLACE_PREPOSITIONS]
    other = _other_country(scene.sentence.text, tokens, placed_in, place, lex, skip)
    if other != "":
        return other
    if any(_names_state(said.norms, place, lex) for said in scene.history):
        return None
    heading = scene.sentence.heading or ""
    heading_tokens = tokenize(heading)
    heading_matches = lex.topics.find(heading_tokens)
    weak = weak_topics(heading_matches, heading_tokens, heading, lex)
    return _other_country(heading, heading_tokens, [m for m in heading_matches if id(m) in weak], place, lex, set()) or None


_PLACE_PREPOSITIONS = frozenset(["in", "voor"])


def _other_country(text: str, tokens: Sequence[Token], countries: Sequence[Match], place: str, lex: Lexicons,
                   skip: set[int]) -> str | None:
    """Of the bare country names ``countries`` (topic matches) in ``text``: None when the
    text names the state ``place`` (by name or adjective), the topic of the first other
    country, else ""."""
    if _names_state([t.norm for k, t in enumerate(tokens) if k not in skip], place, lex):
        return None
    lexicon = lex.lexicon
    for m in countries:
        actor = lexicon.actor_by_surface(text[tokens[m.first].start : tokens[m.last].end]) if lexicon else None
        if actor is not None and actor.key != place:
            return m.target
    return ""


def _names_state(norms: Sequence[str], key: str, lex: Lexicons) -> bool:
    """Whether a word names the state or is its adjective ("Oekraïne", "Oekraïense")."""
    lexicon = lex.lexicon
    if lexicon is None:
        return False
    for norm in norms:
        actor, state = lexicon.actor_by_surface(norm), lexicon.state_by_demonym(norm)
        if (actor is not None and actor.key == key) or (state is not None and state.iso == key):
            return True
    return False


def paragraph_topic(scene: SentenceTopics, lex: Lexicons) -> str | None:
    """The first specific topic of the heading."""
    broad = lex.broad_topics
    named = heading_topics(scene.sentence, lex)
    return next((slug for slug in named if slug not in broad), None)
