"""Who pledges: the subject of the clause a pledge cue stands in.

The clause opens after the last clause opener before the cue (":", ";", "dat", "maar",
", en" before a named subject; not the "maar ook" of "niet alleen ... maar ook"), past a
fronted subordinate clause ("Indien ..., is Nederland bereid"). A passive clause's "door
X" agent commits; else the first actor before the cue with what is coordinated with it,
or a subject right after a comma or "en" and right before its verb ("..., Italië zegde
... toe", "... beschikbaar en Duitsland draagt ... bij"), or an inverted subject after
the verb ("Met de Pledge ... zeggen de bondgenoten toe"); a list's label ("- Oekraïne:
aan het fonds werd ... toegezegd") is no subject. A passive's subject is what is
pledged: its owner pledges ("de Nederlandse bijdrage ... wordt voortgezet", "wordt een
nieuwe NAVO-trainingsmissie gelanceerd"), and without one nobody does ("zal benadrukken
dat de samenwerking met Rusland wordt voortgezet"); an infinitive's pledge is made by
who decides it ("De ministers besloten ... te sturen").
"""

from __future__ import annotations

from typing import Sequence

from natokg.extract.commitment_forms import fronted_clause_end, passive_clause_agent
from natokg.extract.function_words import (
    ALLIES,
    ARTICLES,
    NETHERLANDS,
    PARTICIPLE,
    PASSIVE_AUXILIARIES,
    PREPOSITIONS,
    PUNCTUATION,
    SUBJECT_PRONOUNS,
)
from natokg.extract.actor_mentions import ActorMention, co_actors, coordinated, is_subject, passive_agent, unique
from natokg.extract.phrases import Match, Token
from natokg.records import ActorRef

# A subject stands after the last of these before its verb ("bereikten X een akkoord:
# Turkije zal ...", "gaf aan dat Nederland ...", "... maar Nederland zegde toe").
CLAUSE_OPENERS = frozenset([":", ";", "dat", "maar", "en"])


def _opens(tokens: Sequence[Token], k: int, starts: set[int]) -> bool:
    """Whether the opener at ``k`` opens a clause: "maar" does only before a named subject
    ("..., maar Nederland zegde toe"; not "... te houden, maar zal ... beschikbaar stellen",
    whose subject is the one before, nor the "maar ook" of "niet alleen X maar ook Y"),
    ", en" too (", en Estland heeft aangekondigd ... te halen")."""
    if tokens[k].norm == "en":
        return k > 0 and tokens[k - 1].norm == "," and bool({k + 1, k + 2} & starts)
    if tokens[k].norm != "maar":
        return True
    if k + 1 < len(tokens) and tokens[k + 1].norm == "ook" and any(t.norm == "alleen" for t in tokens[:k]):
        return False
    return bool({k + 1, k + 2} & starts)


def _fresh_subject(tokens: Sequence[Token], before: Sequence[ActorMention], anchor: int) -> list[ActorMention]:
    """The subject right before the verb at ``anchor``, with the members coordinated
    with it, when its first member follows a comma or "en" after words that name no
    actor: "..., Italië zegde toe", "... bij en Duitsland en Frankrijk stellen ...
    beschikbaar"; not a list's last member ("Nederland, Duitsland en Italië zegden")."""
    ends = {m.last: m for m in before}
    last = next((m for m in before if m.last + 1 == anchor), None)
    if last is None:
        return []
    chain = [last]
    while chain[0].first > 1 and tokens[chain[0].first - 1].norm in (",", "en") and chain[0].first - 2 in ends:
        chain.insert(0, ends[chain[0].first - 2])
    head = chain[0]
    if head.first > 1 and tokens[head.first - 1].norm in (",", "en"):
        return chain
    return []


def _inverted_singular_subject(tokens: Sequence[Token], lo: int, anchor: int, m: ActorMention) -> bool:
    """Whether a state right after a singular verb is its subject: "Daarom besloot Nederland
    om ... te leveren"; not the object of a plural verb ("besloten Albanië uit te nodigen")
    nor of a verb whose subject opens the clause ("De Raad besloot Albanië ...")."""
    verb = tokens[anchor].norm
    # what precedes the verb is one adverb ("Daarom") or a prepositional phrase ("Op 5 juni"),
    # not a subject of its own ("Elke bondgenoot besloot", "Men besloot")
    fronted = anchor == lo + 1 and tokens[lo].norm not in ARTICLES | SUBJECT_PRONOUNS | _INDEFINITE_SUBJECTS
    return (
        m.first == anchor + 1 and m.actor.kind == "state" and not verb.endswith("en")
        and lo < anchor and (fronted or tokens[lo].norm in PREPOSITIONS)
    )


# pronouns and determiners that open a subject ("Men besloot", "Elke bondgenoot besloot")
_INDEFINITE_SUBJECTS = frozenset("men elke elk iedere ieder geen".split())


def clause_subject(
    tokens: Sequence[Token], mentions: Sequence[ActorMention], anchor: int, hi: int | None = None, window: int = 4,
    groups_after: bool = False, through: int | None = None,
) -> list[ActorRef]:
    """The actor(s) of the clause whose verb or cue starts at ``anchor``; ``groups_after``:
    after the verb only a group is a subject ("besloten de bondgenoten"), a state is
    the object of a decision ("besloten Albanië ... uit te nodigen"); ``through``: the
    cue's last token, up to which co-actors are read ("zal in 2015, samen met Duitsland,
    de kern leveren")."""
    hi = len(tokens) if hi is None else hi
    starts = {m.first for m in mentions}
    lo = max((k + 1 for k in range(anchor) if tokens[k].norm in CLAUSE_OPENERS and _opens(tokens, k, starts)), default=0)
    lo = fronted_clause_end(tokens, lo, anchor)
    agent = passive_clause_agent(tokens, mentions, lo, anchor, min(hi, anchor + window))
    if agent:
        return agent  # "Door Nederland werd ... toegezegd": in a passive clause the agent commits
    before = [m for m in mentions if m.first < anchor and is_subject(m) and m.prep != "door"]
    if lo < len(tokens) and tokens[lo].norm in SUBJECT_PRONOUNS:
        before, lo = [m for m in before if m.first < lo], 0  # "maakten X en Y bekend dat zij ...": refers back
    elif any(m.first >= lo for m in before):
        before = [m for m in before if m.first >= lo]
    elif (lo > 1 and tokens[lo - 1].norm == ":" and tokens[lo].norm in PREPOSITIONS | ARTICLES
          and any(m.first <= 1 and m.last == lo - 2 for m in before)):
        before = []  # "- Oekraïne: aan het fonds werd ... toegezegd": a list's label, no subject
    else:
        lo = 0
    inverted = [
        m for m in mentions
        if anchor < m.first <= anchor + 2 and m.prep is None and not any(tokens[k].norm in PUNCTUATION for k in range(anchor, m.first))
    ]
    if before and inverted and (
        before[0].first > 1 or before[0].prep is not None or any(tokens[k].norm == "," for k in range(before[0].last + 1, anchor))
    ):
        # "Met de Pledge ... for Ukraine zeggen de bondgenoten toe", "Voor NATO Mission Iraq
        # stelt Nederland ... beschikbaar": a sentence that opens with another phrase has its
        # subject right after the verb
        before = []
    # "Duitsland kondigde aan ... te handhaven, Italië zegde een bijdrage toe": a
    # subject right after a comma and right before its verb opens a clause of its own
    # "Frankrijk stelt een fregat beschikbaar en Duitsland draagt ... bij": after "en" as well
    fresh = _fresh_subject(tokens, before, anchor)
    if fresh:
        before = fresh
    if before:
        chain = coordinated(before[0], mentions, tokens)
        co_lo = before[0].last + 1
        if anchor > co_lo and tokens[anchor - 1].norm == "en":
            # "Nederland leidt samen met Denemarken de coalitie en neemt deel aan ...": the
            # co-actors of the verb before "en" are not the second verb's
            co_lo = anchor
        extra = co_actors(tokens, mentions, co_lo, min(hi, max(anchor, through or anchor)))
        # "dat Nederland met Duitsland een Patriot-eenheid levert": a state right after the subject
        k = chain[-1].last + 1
        if k + 1 < anchor and tokens[k].norm == "met" and not any(tokens[j].norm == "en" for j in range(k + 2, anchor)):
            # not "met Polen als gastland"
            extra += [m for m in mentions if m.first == k + 1 and m.actor.kind == "state"
                      and m.last + 1 < len(tokens) and tokens[m.last + 1].norm != "als"]
        # in the verb group a named state joins ("zal, samen met Duitsland, ... leveren"),
        # a vague group does not ("zal, samen met andere bondgenoten, ... leveren")
        extra = [c for m in extra for c in coordinated(m, mentions, tokens) if c.first < anchor or c.actor.kind != "group"]
        return unique([m.actor for m in chain] + [m.actor for m in extra])
    after = [m for m in mentions if anchor <= m.first <= anchor + window and m.prep is None]
    if groups_after:
        after = [m for m in after if m.actor.kind == "group" or _inverted_singular_subject(tokens, lo, anchor, m)]
    if after:
        # "Samen met Duitsland en Denemarken zal Nederland ...": the co-actors come first
        extra = [c for m in co_actors(tokens, mentions, lo, anchor) for c in coordinated(m, mentions, tokens)]
        return unique([m.actor for m in coordinated(after[0], mentions, tokens)] + [m.actor for m in extra])
    return []


def passive_owner(tokens: Sequence[Token], cue: Match, lexicon) -> list[ActorRef]:
    """Whose a passive's subject is, in its own clause ("de Nederlandse bijdrage ... wordt
    voortgezet"); a state named as that subject is what is continued, not who continues
    it ("Mocht het pakket voor Oekraïne worden voortgezet")."""
    # the clause opens after its "dat", past the asides set off by commas inside it
    that = max((k + 1 for k in range(cue.first) if tokens[k].norm in (";", ":", "dat")), default=None)
    lo = that if that is not None else max((k + 1 for k in range(cue.first) if tokens[k].norm == ","), default=0)
    # the clause's first noun phrase: "de Nederlandse bijdrage"; not "Ondanks Russische
    # bezwaren" nor "de missie ter bescherming van de Turkse bevolking"
    if lo + 1 < cue.first and tokens[lo].norm in ARTICLES:
        state = lexicon.state_by_demonym(tokens[lo + 1].norm)
        if state is not None:
            return [state.ref]
    return []


def deciders(
    tokens: Sequence[Token], cues: Sequence[Match], cue: Match, cue_info, collective: ActorRef | None = None
) -> list[ActorRef]:
    """Who decides, agrees or announces what an infinitive pledges ("De ministers
    besloten 200 militairen naar Irak te sturen"): the default actor of a cue before it
    in its clause; ``collective`` for the allies' (the meeting's delegations)."""
    if cue.first == 0 or tokens[cue.first - 1].norm != "te" and "te" not in {tokens[k].norm for k in cue.words}:
        return []
    for other in reversed([c for c in cues if c.last < cue.first]):
        info = cue_info.get(other.target)
        if any(tokens[k].norm in (",", ";", ":") for k in range(other.last + 1, cue.first)):
            return []
        if info is not None and info.default_actor is not None:
            return [collective if collective is not None and info.default_actor == ALLIES else info.default_actor]
    return []


def compound_owner(tokens: Sequence[Token], text: str, actors: Sequence[Match], cue: Match) -> list[ActorRef]:
    """"wordt een nieuwe NAVO-trainingsmissie gelanceerd": what a passive launches is the
    organisation's own when its name (one of ``actors``, the sentence's actor matches)
    starts a compound in the cue's gap."""
    for match in actors:
        end = tokens[match.last].end
        if cue.first < match.first and match.last < cue.last and text[end : end + 1] in ("-", "‑"):
            if any(m.first == match.last + 1 for m in actors):
                return []  # "het NAVO-Oekraïne Actieplan": a joint plan, not the organisation's own
            if match.target.kind == "organisation":
                return [match.target]
    return []


def pledged_in_complement(tokens: Sequence[Token], mentions: Sequence[ActorMention], cues: Sequence[Match], cue: Match, lex) -> bool:
    """Whether the "dat" clause right after the cue pledges itself, by an actor it names
    ("bevestigd dat de Franse bijdrage ... wordt voortgezet"); "bevestigd dat de inzet
    ... wordt voortgezet" is the confirmer's own pledge."""
    if cue.last + 1 >= len(tokens) or tokens[cue.last + 1].norm != "dat":
        return False
    pledging = [c for c in cues if c.first > cue.last and getattr(lex.cue_info.get(c.target), "role", "") == "pledge"]
    if not pledging:
        return False
    later = pledging[0]
    named = any(cue.last < m.first < later.first and m.prep is None for m in mentions)
    return named or bool(passive_owner(tokens, later, lex.lexicon))


def unnamed_giver(tokens: Sequence[Token], mentions: Sequence[ActorMention], cue: Match, lexicon) -> list[ActorRef]:
    """"Voor militaire steun aan Oekraïne is voor 2023 ... € 2,5 miljard vrijgemaakt": money
    made available in the passive, in a sentence that names no subject, is its agent's
    ("Door Duitsland is ... vrijgemaakt"), else the state's whose budget is named ("In de
    Duitse begroting is ..."), else the letter's own government's."""
    passive = PARTICIPLE.match(tokens[cue.last].norm) and any(
        tokens[k].norm in PASSIVE_AUXILIARIES | {"is", "zijn"} for k in range(max(0, cue.first - 12), cue.first + 1)
    )
    if not passive or any(m.prep is None for m in mentions):
        return []
    owners = [lexicon.state_by_demonym(t.norm) for t in tokens[: cue.first]]
    return passive_agent(tokens, mentions, 0, cue.first) or [o.ref for o in owners if o is not None][:1] or [NETHERLANDS]


__all__ = [
    "CLAUSE_OPENERS",
    "clause_subject",
    "compound_owner",
    "deciders",
    "passive_owner",
    "pledged_in_complement",
    "unnamed_giver",
]
