"""Pledge forms the commitment rules (natokg.extract.commitments) read beyond their cues.

- A promise verb without an amount ("De bondgenoten zegden toe hun steun te
  intensiveren", "Veel landen hebben al een extra bijdrage toegezegd") pledges what it
  names: the verb is one of cue:contribution's forms, whose first word is a form of
  "toezeggen" (cue:promise-verb); with an amount the amount rules read it instead.
- What an announcement pledges: natokg.extract.announcements.
- Taking part (cue:operation-participation) pledges only when what is taken part in
  is no meeting ("zal aan de bijeenkomst deelnemen": a cue:meeting-word in the gap).
- A clause ends at ";" and before a pledge verb that opens a coordinated clause after a
  comma or right after "en" ("..., zetten zij zich in voor X, en nemen zij Y aan",
  "zet de inzet voort en stelt ... ter beschikking"): one actor may pledge
  one thing of a kind per clause, so the verbs of one pledge are not counted twice.
- The Dutch coalition agreement (cue:government-plan) stands for the Netherlands and is
  the subject of what it provides for, whatever preposition names it ("de verhoging uit
  het regeerakkoord, die oploopt tot 1,5 miljard euro").
- A subject pronoun inside or right after the pledge verb ("..., zetten zij zich in
  voor ...") refers back to the actor named last.
"""

from __future__ import annotations

import re
from typing import Sequence

from natokg.folding import fold
from natokg.extract.function_words import (
    ACTOR_RELATIVE_PRONOUNS,
    ARTICLES,
    CONDITIONAL_AUXILIARIES,
    NETHERLANDS,
    PARTICIPLE,
    PASSIVE_AUXILIARIES,
    PERFECT_AUXILIARIES,
    PREPOSITIONS,
    PUNCTUATION,
    RELATIVE_OPENERS,
    SUBJECT_PRONOUNS,
)
from natokg.extract.actor_mentions import ActorMention, coordinated, unique
from natokg.extract.phrases import Match, Token, negates
from natokg.extract.pledge_requests import BETWEEN_CLAUSES, called_for, condemned, demanded, requested
from natokg.records import ActorRef
from natokg.knowledge.calendar import full_month_names, season_names
from natokg.knowledge.cues import CueInfo, cue_word_set
from natokg.text.dates import count_value



def is_promise_without_amount(cue: Match, has_amount: bool) -> bool:
    """A contribution cue whose form is a promise (cue:promise-verb), in a sentence
    without an amount."""
    return not has_amount and fold(cue.phrase.form) in cue_word_set("promise-verb")


def meeting_participation(tokens: Sequence[Token], cue: Match) -> bool:
    """A participation cue whose gap or object names a meeting ("zal aan de bijeenkomst
    deelnemen", "zal deelnemen aan de NAVO-top"), a plan (cue:policy-object: "nemen deel
    aan het Membership Action Plan") or talks (cue:talks-noun: "neemt deel aan de
    onderhandelingen"): attendance or a status, not a pledge."""
    if cue.target != "operation-participation":
        return False
    meeting_words = cue_word_set("meeting-word") | cue_word_set("policy-object") | cue_word_set("talks-noun")
    after = []
    for k in range(cue.last + 1, min(len(tokens), cue.last + 6)):  # "aan het Membership Action Plan"
        if tokens[k].norm in PUNCTUATION:
            break
        after.append(k)
    # a compound counts by its last part ("NAVO-top", "Vredestop"), a plural by its stem
    # ("de vergaderingen van het bondgenootschap")
    heads = tuple(fold(w) for w in meeting_words if len(w) > 2)
    return any(
        word.rsplit("-", 1)[-1] in meeting_words or word.endswith(heads)
        for k in (*cue.gaps, *after) for word in (tokens[k].norm, tokens[k].norm.removesuffix("en"))
    )


def clause_index(tokens: Sequence[Token], cue: Match, cues: Sequence[Match]) -> int:
    """The number of the clause ``cue`` stands in (see the module docstring)."""
    semicolons = sum(1 for k in range(cue.first) if tokens[k].norm == ";")
    return semicolons + sum(1 for c in cues if 0 < c.first <= cue.first and _opens_clause(tokens, c))


def comma_clause(tokens: Sequence[Token], cue: Match) -> tuple[int, int]:
    """The character span, in the sentence, from the comma or semicolon before ``cue`` to
    the next one after it."""
    lo = next((k + 1 for k in range(cue.first - 1, -1, -1) if tokens[k].norm in (",", ";")), 0)
    hi = next((k for k in range(cue.last + 1, len(tokens)) if tokens[k].norm in (",", ";")), len(tokens))
    return (tokens[lo].start if lo < len(tokens) else 0, tokens[hi - 1].end if hi > 0 else 0)


def _opens_clause(tokens: Sequence[Token], cue: Match) -> bool:
    """A cue after a comma, or right after "en" with its own object in its gap ("zet de
    inzet van het PRT voort en stelt ... zes helikopters ter beschikking"), starts a
    predicate of its own; "zal twee fregatten leveren en ter beschikking stellen" is one."""
    before = tokens[cue.first - 1].norm
    if before == "," or (before == "en" and cue.first > 1 and tokens[cue.first - 2].norm == ","):
        return True
    return before == "en" and any(tokens[k].norm not in PREPOSITIONS | ARTICLES for k in cue.gaps)


def government_plan_mentions(
    tokens: Sequence[Token], mentions: list[ActorMention], cues: Sequence[Match], cue_info: dict[str, CueInfo]
) -> list[ActorMention]:
    """``mentions`` with each coalition agreement named as a subject mention of the
    Netherlands; "in het regeerakkoord" is where a decision is written, not who takes it."""
    plans = [
        ActorMention(NETHERLANDS, c.first, c.last, None)
        for c in _plans(cues, cue_info)
        if not (c.first >= 2 and tokens[c.first - 2].norm == "in" and tokens[c.first - 1].norm == "het")
    ]
    if not plans:
        return mentions
    return sorted(mentions + plans, key=lambda m: m.first)


def plan_rise_cues(cues: list[Match], cue_info: dict[str, CueInfo]) -> list[Match]:
    """``cues`` without cue:plan-rise unless the sentence names the coalition agreement."""
    if _plans(cues, cue_info):
        return cues
    return [c for c in cues if c.target != "plan-rise"]


def _plans(cues: Sequence[Match], cue_info: dict[str, CueInfo]) -> list[Match]:
    return [c for c in cues if (info := cue_info.get(c.target)) is not None and info.role == "government-plan"]


def not_adoption(tokens: Sequence[Token], cue: Match) -> bool:
    """Grammar that undoes a pledge cue: the particle "deel" in its gap makes "namen ...
    deel aan" participation, a "dat" in it starts another clause, a reflexive "zich" or
    "kennis" makes another verb ("richtten zich op"), "stelde vast dat" states a finding and
    a verb of a result with "tot" names a result ("zal tot spanningen leiden")."""
    if any(tokens[k].norm in ("deel", "dat", "zich", "kennis") for k in cue.gaps):
        # "deel" as particle; "dat" opens another clause ("zal benadrukken dat ... bijdragen");
        # "richtten zich op", "namen kennis van ... aan": a reflexive or an idiom, no founding or adoption
        return True
    if tokens[cue.last].norm == "tot" and cue.gaps and _deadline_after(tokens, cue.last):
        return True  # "besloten de bondgenoten ... te verzekeren tot en met 2020": a deadline, not "besluiten tot"
    if tokens[cue.last].norm in cue_word_set("result-verb"):
        # "leiden tot", "zal tot spanningen leiden", "dat dit tot spanningen zal leiden"
        before = []
        for k in range(cue.first - 1, -1, -1):
            if tokens[k].norm in _BEFORE_BARRIERS:
                break
            before.append(k)
        after = (cue.last + 1,) if cue.last + 1 < len(tokens) else ()
        return any(tokens[k].norm == "tot" and not _deadline_after(tokens, k) for k in (*before, *cue.gaps, *after))
    return cue.last + 1 < len(tokens) and tokens[cue.last].norm == "vast" and tokens[cue.last + 1].norm == "dat"


def _deadline_after(tokens: Sequence[Token], k: int) -> bool:
    """Whether "tot" at k opens a date ("tot eind 2010", "tot 1 augustus", "tot en met",
    "tot juli 2024", "tot de zomer")."""
    following = [t.norm for t in tokens[k + 1 : k + 3]]
    if not following:
        return False
    first = following[1] if following[0] in ARTICLES and len(following) > 1 else following[0]
    return first[:1].isdigit() or first in _DATE_OPENERS or first in full_month_names() or first in season_names()


# words that open a date after "tot": "tot eind 2010", "tot en met", "tot uiterlijk juni"
_DATE_OPENERS = frozenset(["eind", "begin", "medio", "en", "uiterlijk"])


def relative_clause(tokens: Sequence[Token], mentions: Sequence[ActorMention], first: int) -> bool:
    """"landen die een bijdrage leveren", "partnerlanden die troepen leveren": a
    relative clause describes its noun; it pledges nothing."""
    for k in range(first - 1, max(-1, first - 7), -1):
        if tokens[k].norm in PUNCTUATION:
            return False
        if tokens[k].norm in ACTOR_RELATIVE_PRONOUNS:
            return not any(k < m.first < first for m in mentions)
    # ", dat de coördinatie van ... voor Oekraïne op zich neemt": a clause set off by a comma
    # and a relative pronoun names no subject of its own
    comma = next((k for k in range(first - 1, max(-1, first - 25), -1) if tokens[k].norm in PUNCTUATION), None)
    if comma is None or tokens[comma].norm != "," or comma + 1 >= first or tokens[comma + 1].norm not in ("die", "dat"):
        return False
    return not any(comma + 1 < m.first < first and m.prep is None for m in mentions)


def pronoun_subject(tokens: Sequence[Token], cue: Match) -> bool:
    """A subject pronoun in the cue (inverted after its first word, too) or right after
    it: the clause's subject is said before."""
    hi = min(len(tokens), cue.last + 2)
    return any(
        tokens[k].norm in SUBJECT_PRONOUNS
        for k in range(cue.first, hi)
        if k not in cue.gaps or k in (cue.inverted, cue.first + 1)  # "verplichtten zij zich"
    )


# Modal hedges (grammar): what "kan" or "zou" happen is not pledged.
HEDGES = frozenset("kan kunnen kon konden zou zouden mogelijk eventueel wellicht".split())


def hedges(tokens: Sequence[Token], k: int) -> bool:
    """Whether token k hedges what it stands in ("kan", "mogelijk", "zo mogelijk": if
    possible; a verb of considering, cue:considering-verb: "te overwegen"), not when
    "mogelijk" completes a degree ("zo spoedig mogelijk", "zoveel mogelijk")."""
    norm = tokens[k].norm
    if norm != "mogelijk":
        return norm in HEDGES or norm in cue_word_set("considering-verb")
    degree = (k >= 1 and tokens[k - 1].norm == "zoveel") or (k >= 2 and tokens[k - 2].norm == "zo")
    return not degree


# conditional conjunctions: the clause they open is a condition, not a pledge
_CONDITIONS = frozenset("indien mits tenzij zolang mocht mochten".split())
# a sentence opening with one of these has a subordinate clause up to its first comma
_SUBORDINATORS = _CONDITIONS | frozenset("als wanneer zodra nadat omdat hoewel aangezien nu voordat".split())


def fronted_clause_end(tokens: Sequence[Token], lo: int, anchor: int) -> int:
    """Where the main clause begins when the clause at ``lo`` opens with a subordinate
    clause closed by a comma before ``anchor`` ("Indien de Afghaanse regering instemt, is
    Nederland bereid ...", "Mocht er een fonds voor Moldavië komen, dan ..."): its
    actors are no subject of the main clause's verb. Else ``lo``."""
    if lo >= len(tokens) or tokens[lo].norm not in _SUBORDINATORS:
        return lo
    comma = next((k for k in range(lo + 1, anchor) if tokens[k].norm == ","), None)
    return lo if comma is None else comma + 1


_CLAUSE_ENDS = frozenset(".,;:?!")


def _opens_a_subject(tokens: Sequence[Token], k: int) -> bool:
    """Whether token k starts a subject (an article or a pronoun): "als de bondgenoten
    ..." is a condition, "als kaderland" a role."""
    return k < len(tokens) and (tokens[k].norm in ARTICLES or tokens[k].norm in SUBJECT_PRONOUNS)


# subordinators whose clause has a subject of its own
_OWN_SUBJECT_OPENERS = frozenset("zodat omdat waardoor opdat doordat terwijl".split())


def nobodys_clause(tokens: Sequence[Token], mentions: Sequence[ActorMention], cue: Match) -> bool:
    """Whether the cue stands in a subordinate clause whose subject is no actor ("Nederland
    steunt een nauwe afstemming, zodat Europese financiering bijdraagt aan ..."): the main
    clause's subject does not pledge it."""
    for k in range(cue.first - 1, -1, -1):
        if tokens[k].norm in (";", ":"):
            return False
        if tokens[k].norm in _OWN_SUBJECT_OPENERS or (tokens[k].norm == "dat" and _counted_subject(tokens, k + 1)):
            return k + 1 < cue.first and not any(k < m.first < cue.first and m.prep is None for m in mentions)
    return False


def _counted_subject(tokens: Sequence[Token], k: int) -> bool:
    """'meldde dat vijfentwintig landen ... hebben toegezegd': a counted noun opens the clause."""
    return k < len(tokens) and (tokens[k].norm[:1].isdigit() or count_value(tokens[k].norm) is not None)


def conditional(tokens: Sequence[Token], cue: Match) -> bool:
    """Whether the cue stands in a condition: after "indien", "mits", "tenzij", "zolang"
    with no comma between ("indien zij troepen leveren"; but "Indien de Kamer instemt,
    levert Nederland ..." pledges), or after "als" in a clause whose verb comes last
    ("geloofwaardig is als de bondgenoten de middelen ter beschikking stellen."; "als
    kaderland troepen leveren" names a role, no condition)."""
    verb_last = cue.last + 1 >= len(tokens) or tokens[cue.last + 1].norm in _CLAUSE_ENDS
    for k in range(cue.first - 1, -1, -1):
        norm = tokens[k].norm
        if norm in _CLAUSE_ENDS:
            return False
        if norm in _CONDITIONS or (norm == "als" and verb_last and _opens_a_subject(tokens, k + 1)):
            return True
    return False


# what ends the clause between a passive's "door X" agent and its verb
_AGENT_BARRIERS = frozenset([",", ";", ":", "en", "te"]) | RELATIVE_OPENERS


def passive_clause_agent(
    tokens: Sequence[Token], mentions: Sequence[ActorMention], lo: int, anchor: int, reach: int
) -> list[ActorRef]:
    """The "door X" agent of the passive clause the cue at ``anchor`` stands in ("Door
    Nederland werd ... toegezegd", "Er werd door Nederland ... toegezegd"): a passive
    auxiliary between the agent and the cue and nothing that ends a clause ("Nederland,
    dat door Rusland wordt bedreigd, levert ...", "werd door de NAVO gevraagd ... te
    leveren" keep their own subject)."""
    for m in mentions:
        if m.prep != "door" or not lo <= m.first <= reach:
            continue
        door = max((k for k in range(max(0, m.first - 4), m.first) if tokens[k].norm == "door"), default=None)
        if door is not None and door > 0 and opens_relative_clause(tokens, door - 1):
            continue  # "het diner dat door de president werd aangeboden": describes the dinner
        agents = coordinated(m, mentions, tokens)
        # "Door Hongarije, Slovenië en Portugal werden ... toegezegd": from the last of them
        first, last = (agents[-1].last + 1, anchor) if m.first < anchor else (anchor, m.first)
        between = {tokens[k].norm for k in range(first, last)}
        if not any(tokens[k].norm in PASSIVE_AUXILIARIES for k in range(lo, max(anchor, m.first))):
            continue
        if not _AGENT_BARRIERS & between:
            return unique(x.actor for x in agents)
    return []


def opens_relative_clause(tokens: Sequence[Token], k: int) -> bool:
    """Whether token ``k`` opens a relative clause: a pronominal adverb ("waaraan"), or
    "dat"/"die" after a comma or a noun phrase's article ("het diner dat ..."), not the
    "dat" of a clause a verb governs ("De minister meldde dat door Denemarken ...")."""
    norm = tokens[k].norm
    if norm not in RELATIVE_OPENERS:
        return False
    if norm not in ("dat", "die"):
        return True
    return k > 0 and (tokens[k - 1].norm == "," or any(tokens[j].norm in ARTICLES for j in range(max(0, k - 2), k)))


def relative_asides(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(first, last) token indices of the relative clauses set off by a comma (", waaraan
    Nederland bijdraagt," to the next comma or the sentence's end)."""
    asides = []
    for k in range(len(tokens) - 1):
        if tokens[k].norm == "," and tokens[k + 1].norm in RELATIVE_OPENERS:
            end = next((j for j in range(k + 1, len(tokens)) if tokens[j].norm in PUNCTUATION), len(tokens))
            asides.append((k, end))
    return asides


# what ends a clause before a cue ("als besluit", "nu" as adverbs open no clause)
_BEFORE_BARRIERS = frozenset([",", ";", ":", "dat", "om", "die", "en", "maar", "of"]) | (_SUBORDINATORS - {"als", "nu"})
# a participle: "toegezegd", "gereserveerd", "vrijgemaakt", "beschikbaar gesteld"
# the simple past of a weak verb: "zegde ... toe", "stelden ... beschikbaar", "maakte ... bekend"
# (a vowel before "-ten"/"-den" makes an infinitive: "besluiten", "bieden")
_WEAK_PAST = re.compile(r"^\w{2,}[^aeiouytd\W](?:de|te|den|ten)$")
# the present and the future: "zal ... worden aangenomen", "kunnen worden gevonden"
_NOT_PAST = frozenset("zal zullen zou zouden wordt worden kan kunnen gaat gaan".split())


def undone(
    tokens: Sequence[Token], cue: Match, stances: Sequence[Match], promise: bool, subjects: frozenset[int]
) -> bool:
    """Whether the grammar around a pledge cue undoes it: a hedge ("kunnen worden
    gepresenteerd", "zo mogelijk"), a participation or finding (not_adoption), a condition
    ("indien ... leveren"), a call or request for it ("riep op ... te leveren", "het verzoek
    om bij te dragen"), a negation in its gap
    ("deden geen toezeggingen"), "om" in a promise's gap ("deed een beroep op ... om
    toezeggingen": two clauses) or right after it ("levert niet langer") or a meeting
    attended (meeting_participation)."""
    return (
        any(hedges(tokens, k) for k in range(max(0, cue.first - 3), min(len(tokens), cue.last + 2)))
        or not_adoption(tokens, cue) or conditional(tokens, cue) or called_for(tokens, stances, cue)
        or condemned(tokens, stances, cue) or demanded(tokens, cue) or requested(tokens, cue)
        or any(promise and tokens[k].norm == "om" for k in cue.gaps) or negated(tokens, cue)
        or nominalised(tokens, cue, subjects)
        or meeting_participation(tokens, cue)
    )


def refused(tokens: Sequence[Token], cue: Match) -> bool:
    """'Spanje heeft laten weten zich niet aan een norm van 5% te willen binden': a
    negation a few words before an agreed norm, in its clause, refuses it."""
    for k in range(cue.first - 1, max(-1, cue.first - 5), -1):
        if tokens[k].norm in _BEFORE_BARRIERS:
            return False
        if negates(tokens, k):
            return True
    return False


def nominalised(tokens: Sequence[Token], cue: Match, subjects: frozenset[int]) -> bool:
    """'zich ingezet voor het zo snel mogelijk leveren van militaire goederen': a verb used
    as a noun ("het ... leveren van") names an activity, not a pledge; so does a verb form
    that is also a noun (cue:verb-or-noun) without a subject right before it or after it
    ("het recente besluit tot", not "De top besluit tot", "besluit de top tot"); ``subjects``:
    the tokens where the sentence's subject mentions end."""
    if tokens[cue.first].norm in cue_word_set("verb-or-noun") and cue.inverted < 0 and cue.first - 1 not in subjects:
        return True
    if cue.first != cue.last or cue.last + 1 >= len(tokens) or tokens[cue.last + 1].norm != "van":
        return False
    if not tokens[cue.first].norm.endswith("en"):
        return False  # a finite verb ("Het kabinet levert van 2025 tot 2027 ...") is no noun
    return any(tokens[k].norm == "het" for k in range(max(0, cue.first - 4), cue.first))


def negated(tokens: Sequence[Token], cue: Match) -> bool:
    """A negation in the cue's gap ("zal de 2%-norm niet in 2024 halen", "deden geen
    toezeggingen"), right after it ("levert niet langer") or before it in its clause ("zal
    niet worden aangenomen", "kon wegens Russisch verzet niet als besluit worden aangenomen")."""
    before = []
    # a finite verb that goes on its clause ("Nu de VS niet deelnemen levert Nederland ...")
    # has what stands before it in another constituent; a verb group ("zal niet worden
    # aangenomen") or a verb at its clause's end ("dat Nederland niet levert.") has not
    first = tokens[cue.first].norm
    verb_group = first in _NOT_PAST or first.endswith("en") or bool(PARTICIPLE.match(first))
    at_end = cue.last + 1 >= len(tokens) or tokens[cue.last + 1].norm in PUNCTUATION
    # the word right before the cue always counts: "niet deel te nemen", "dat Nederland niet levert"
    for k in range(cue.first - 1, max(-1, cue.first - 9) if verb_group or at_end else max(-1, cue.first - 2), -1):
        if tokens[k].norm in _BEFORE_BARRIERS:
            break
        # "Nooit eerder zegde Nederland zoveel toe", "niet minder dan": no negation of the pledge
        if k + 1 < len(tokens) and tokens[k + 1].norm in ("eerder", "minder", "meer"):
            continue
        before.append(k)
    return any(negates(tokens, k) for k in (*cue.gaps, *before)) or any(
        negates(tokens, k) for k in range(cue.last + 1, min(len(tokens), cue.last + 3))
    )


def token_span(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """The first and last token index of the characters [start, end) of the sentence."""
    inside = [i for i, t in enumerate(tokens) if t.start < end and t.end > start]
    return (inside[0], inside[-1]) if inside else (0, 0)


# "waarvan 3,5% ... en 1,5% ...": the parts of a whole
PART_MARKERS = frozenset(["waarvan", "daarvan"])


def is_part_of(tokens: Sequence[Token], whole, amount, unit: str, first: int) -> bool:
    """Whether the amount at token ``first``, after "waarvan"/"daarvan", is a part of the
    commitment ``whole``: not a larger share of the same unit ("2% van het bbp, en daarvan
    20%" is a share of the whole)."""
    if not any(t.norm in PART_MARKERS for t in tokens[:first]):
        return False
    return not (amount.is_percent and unit == whole.unit and whole.amount is not None and amount.value > whole.amount)


def part_end(tokens: Sequence[Token], amount_starts: set[int], last: int) -> int:
    """The end of one part of "waarvan X% voor ... en Y% voor ...": the next , en ) or amount."""
    k = last + 1
    while k < len(tokens) and tokens[k].norm not in (",", "en", ")", ";", ".") and k not in amount_starts:
        k += 1
    return k - 1


def part_start(tokens: Sequence[Token], first: int) -> int:
    """The start of one part: its "waarvan", else the word after the "en" or comma before it."""
    for k in range(first, -1, -1):
        if tokens[k].norm in PART_MARKERS or tokens[k].norm in ("en", ","):
            return k if tokens[k].norm in PART_MARKERS else k + 1
    return first


def made_before(tokens: Sequence[Token], cue: Match) -> bool:
    """'Nederland heeft in oktober 10 miljoen euro toegezegd', 'Nederland zegde in oktober
    ... toe': a pledge made before the letter, told in the perfect tense (an auxiliary
    before the cue's participle) or the simple past; not with a present or future
    auxiliary ("zal ... worden aangenomen")."""
    around = {tokens[k].norm for k in (*cue.words, *range(max(0, cue.first - 4), cue.first))}
    if around & _NOT_PAST:
        return False
    if _WEAK_PAST.match(tokens[cue.first].norm) and tokens[cue.first].norm not in cue_word_set("present-like-past"):
        return True
    participle = any(PARTICIPLE.match(tokens[k].norm) for k in cue.words)
    return participle and any(tokens[k].norm in PERFECT_AUXILIARIES for k in range(max(0, cue.first - 8), cue.first + 1))


def counts_who_reach(tokens: Sequence[Token], cues: Sequence[Match], first: int) -> bool:
    """'Naar verwachting halen dit jaar elf bondgenoten de 2%-norm': a reaching verb
    (cue:reaching-verb) with a counted number of allies, in the clause of the amount at
    token ``first``, tallies who reach a share (a forecast or a finding), no pledge;
    "alle bondgenoten" counts nobody."""
    lo = max((k + 1 for k in range(first) if tokens[k].norm in (";", ":")), default=0)
    hi = next((k for k in range(first, len(tokens)) if tokens[k].norm in (";", ":")), len(tokens))
    if not any(fold(c.phrase.form) in cue_word_set("reaching-verb") and lo <= c.first < hi for c in cues):
        return False
    nouns = cue_word_set("allies-count-noun")
    return any(
        tokens[k + 1].norm in nouns and (tokens[k].norm.isdigit() or count_value(tokens[k].norm) is not None)
        for k in range(lo, hi - 1)
    )


def clause_break(
    tokens: Sequence[Token], mentions: Sequence[ActorMention], one: Match, other: Match, cues: Sequence[Match]
) -> int | None:
    """Where the clauses of two cues part, if they stand in clauses of their own: a
    semicolon between them, or a comma, "en" or "maar" right before the later cue, before
    a named subject of it or before another cue (``cues``) that opens the later clause
    ("... EUR 20 mln. bij en stelt twee fregatten beschikbaar", "... bij, en Frankrijk stelt
    ... beschikbaar", "zet de bijdrage ... voort en zegde toe ... EUR 15 mln. bij te
    dragen"); None for one clause ("zegde toe EUR 5 mln. bij te dragen")."""
    first, later = sorted((one, other), key=lambda c: c.first)
    starts = {m.first for m in mentions if m.prep is None} | {c.first for c in cues if first.last < c.first < later.first}
    for k in range(later.first - 1, first.last, -1):
        if tokens[k].norm == ";" or (tokens[k].norm in BETWEEN_CLAUSES and (k + 1 == later.first or k + 1 in starts)):
            return k
    return None


def proposed(tokens: Sequence[Token], first: int) -> bool:
    """Whether the amount at token ``first`` stands in a clause in the conditional that
    no "dat" reports ("een voorstel ...: bondgenoten zouden toegroeien naar 3,5%"); "zegde
    toe dat het in 2025 zou toegroeien naar 2%" is a pledge in reported speech."""
    lo = max((k + 1 for k in range(first) if tokens[k].norm in (":", ";", ",")), default=0)
    conditional_at = [k for k in range(lo, first) if tokens[k].norm in CONDITIONAL_AUXILIARIES]
    return bool(conditional_at) and not any(tokens[k].norm == "dat" for k in range(0, conditional_at[0]))


def meeting_of_city(tokens: Sequence[Token], lex, meetings, main_ref, anchor: int):
    """The meeting of the city named nearest an agreement ("de in Den Haag gemaakte
    afspraak"): a meeting of the letter there, else the last summit there before the main
    meeting."""
    cities = sorted(lex.cities.find(tokens), key=lambda m: min(abs(m.first - anchor), abs(m.last - anchor)))
    for match in cities[:1]:
        for meeting in meetings:
            if meeting.ref.city == match.target:
                return meeting.ref
        summits = list(lex.lexicon.summits_in_city(match.target))
        if main_ref and main_ref.start:
            summits = [x for x in summits if x.start <= main_ref.start]
        if summits:
            return summits[-1].ref
    return None


__all__ = [
    "PART_MARKERS",
    "clause_break",
    "clause_index",
    "comma_clause",
    "conditional",
    "counts_who_reach",
    "government_plan_mentions",
    "hedges",
    "is_part_of",
    "is_promise_without_amount",
    "made_before",
    "meeting_of_city",
    "meeting_participation",
    "nobodys_clause",
    "not_adoption",
    "opens_relative_clause",
    "part_end",
    "part_start",
    "passive_clause_agent",
    "plan_rise_cues",
    "pronoun_subject",
    "proposed",
    "refused",
    "relative_asides",
    "relative_clause",
    "token_span",
    "undone",
]
