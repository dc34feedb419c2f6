"""Positions (who argued for what) and the topics a letter treats.

Rules for how Dutch government letters phrase stances, over the sentences of
``segment`` and the lexicons of ontology/stances.ttl, ontology/topics.ttl and
ontology/reference/ (via natokg.knowledge.lexicon); nothing here lists verbs, topics or names.

For each stance verb form found in a sentence (discontinuous forms such as
"riep ... op" included), the rules find:

- the actor: the first actor named before the verb that is not inside a
  prepositional phrase ("aan Oekraïne", "van de NAVO"); "voor X" (experiencer: "Voor
  het kabinet is het van belang") and "door X" (agent) count. Actors coordinated with
  it ("Bondgenoten, waaronder Nederland", "Nederland en diverse andere bondgenoten")
  or added by "samen met", "evenals", "net als" each get the position. A second verb
  in the same sentence without a new subject keeps the previous verb's actors. A
  passive ("werd breed benadrukt") is held by its "door X" agent, else by the allies.
  A sentence that names nobody speaks for the government in a letter that looks ahead
  (the Netherlands) and for the meeting in a report (the allies). A person or office
  named speaks for the state or organisation of its post. These rules are in
  natokg.extract.position_actors;
- the stance: the verb form's concept; "niet"/"geen" inside the form's gap or just
  before it (a subordinate clause: "dat Turkije niet kon instemmen") gives its
  nkg:negatedStance; an intention object ("de bereidheid", extraction-cues.ttl)
  makes it an intention;
- the topics: those named after the verb, up to the next verb; further topics only
  while they are coordinated with the first (a list of regions gives one position
  per region; a subordinate clause "om", "dat", "wegens" ... ends the list). Topics
  in parentheses are details, not topics; a bare country name ("Oekraïne") is a
  topic only when nothing more specific is named. Without a topic after the verb: a
  topic before it ("Het belang van steun aan Oekraïne werd benadrukt"), then later
  in the sentence, then the last topic of the previous sentence under the same
  heading ("onderstreepten de bereidheid daaraan bij te dragen"), then the heading;
- the meeting: the letter's main meeting, unless an agenda refers back to an earlier
  meeting the sentence names (Ramstein): then that meeting, with modality expressed;
- the modality: intended in an agenda or another letter written before its meeting (a
  memo, an EU Council's agenda: LetterRecords.looks_ahead), expressed in a report.

The token, phrase and actor-mention machinery is natokg.extract.phrases, shared with
the commitment rules.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Sequence

from natokg.folding import fold
from natokg.knowledge.cues import cue_word_set
from natokg.extract.function_words import (
    ACTOR_RELATIVE_PRONOUNS,
    ARTICLES,
    CONDITIONAL_AUXILIARIES,
    DEONTIC_AUXILIARIES,
    FINITE_AUXILIARIES,
    MODAL_AUXILIARIES,
    NEGATIONS,
    NEXT_CLAUSE,
    NETHERLANDS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    SUBJECT_PRONOUNS,
)
from natokg.extract.actor_mentions import actor_mentions, coordinated, is_subject, speaker_mentions, unique
from natokg.extract.phrases import (
    Lexicons,
    Match,
    Token,
    contribution_nouns,
    lexicons,
    negates,
    parenthesised,
    sentence_evidence,
    stance_forms,
    tokenize,
)
from natokg.extract.context import LetterContext
from natokg.extract.meeting_words import delegations, delegations_in
from natokg.extract.evidence_lists import EvidenceLists
from natokg.extract.position_actors import Spokesmen, actors_for, host_mentions
from natokg.extract.position_topics import SentenceTopics, Said, choose_topics, weak_topics
from natokg.extract.stage import Found
from natokg.records import (
    ActorRef,
    Evidence,
    LetterRecords,
    MeetingRef,
    Position,
    SegmentedLetter,
    Sentence,
)

def body_sentences(seg: SegmentedLetter) -> list[Sentence]:
    """The sentences of the letter proper: not the header, signature or footnotes, nor a
    memo that travels with a letter (SegmentedLetter.stated_parts)."""
    parts = seg.stated_parts()
    return [s for s in seg.sentences if s.part in parts]


# ---------------------------------------------------------------- meetings named in a sentence


class OtherMeetings:
    """The letter's non-main meetings with the starts of their evidence, listed once:
    every sentence with a stance asks which of them it names."""

    def __init__(self, records: LetterRecords) -> None:
        self.meetings = [(m, [ev.start for ev in m.evidence]) for m in records.meetings if m.role != "main"]

    def named_at(self, seg: SegmentedLetter, sentence: Sentence) -> tuple[MeetingRef, int] | None:
        """A non-main meeting whose evidence lies inside the sentence, and where (raw offset)."""
        try:
            raw_start, raw_end = seg.doc.raw_span(sentence.start, sentence.end)
        except (ValueError, IndexError):
            return None
        for meeting, starts in self.meetings:
            # a meeting's evidence is sorted: bisect to the sentence instead of scanning it all
            evidence = meeting.evidence
            i = bisect.bisect_left(starts, raw_start)
            while i < len(evidence) and evidence[i].start <= raw_end:
                if evidence[i].end <= raw_end:
                    return meeting.ref, evidence[i].start
                i += 1
        return None


def _in_relative_clause(seg, sentence, tokens, stance_match: Match, raw_offset: int) -> bool:
    """Whether a raw offset lies in a relative clause after the stance's object ("staat
    positief tegenover het voorstel, dat X tijdens de bijeenkomst in Warschau heeft
    gepresenteerd"): what is said there is about the object, not where the stance was held."""
    opener = next(
        (k for k in range(stance_match.last + 1, len(tokens) - 1)
         if tokens[k].norm == "," and tokens[k + 1].norm in RELATIVE_PRONOUNS),
        None,
    )
    return opener is not None and raw_offset >= sentence_evidence(seg, sentence, tokens, opener, opener).start


# ---------------------------------------------------------------- positions


@dataclass
class _Clause:
    """What the previous stance verb of the sentence left for the next one."""

    actors: list[ActorRef] = field(default_factory=list)
    end: int = 0
    topics: list[str] = field(default_factory=list)


def extract_positions(ctx: LetterContext, found: Found) -> tuple[tuple[Position, ...], dict[str, list[Evidence]]]:
    """The positions stage: the letter's positions and the topics it names."""
    positions, topics = positions_in(ctx.seg, found.records(), ctx.lexicon, Spokesmen(ctx, found.persons))
    return tuple(positions), topics


def positions_in(
    seg: SegmentedLetter, records: LetterRecords, lexicon=None, spokesmen: Spokesmen | None = None
) -> tuple[list[Position], dict[str, list[Evidence]]]:
    """The positions and topics of a letter whose letter record and meetings ``records``
    holds (read, not changed); ``spokesmen`` turns the persons and offices named into
    the actors they speak for (without it, a named person holds a position).

    One record per actor, stance, topic and sentence: the same position stated in two
    sentences is two records, which the mapper joins into one node (same IRI) with
    two pieces of evidence.
    """
    lex = lexicons(lexicon)
    positions: list[Position] = []
    named_topics: dict[str, list[Evidence]] = {}
    topic_evidence = EvidenceLists()
    kind = records.letter.kind
    main = records.main_meeting
    main_ref = main.ref if main else None
    default_modality = "intended" if records.looks_ahead else "expressed"
    collective = delegations(records, lex.lexicon)  # the allies, or an EU Council's member states
    other_meetings = OtherMeetings(records)

    for heading in seg.headings:
        text = seg.doc.text[heading.start : heading.end]
        for match in lex.topics.find(tokenize(text)):
            topic_evidence.add(named_topics.setdefault(match.target, []), seg.doc.evidence(heading.start, heading.end))

    previous_topics: list[str] = []
    history: list[Said] = []  # the earlier sentences under the same heading
    previous_heading: str | None = None
    stated_before: list[ActorRef] = []  # who held the previous sentence's positions
    said_before: list[tuple[Sentence, list[Token]]] = []  # the last sentences before, under the same heading
    joined: tuple[str, str] | None = None  # (stance, topic) of the last position before, under the same heading
    joining = cue_word_set("joining-form")
    for sentence in body_sentences(seg):
        tokens = tokenize(sentence.text)
        if not tokens:
            continue
        if sentence.heading != previous_heading:
            previous_topics, previous_heading, stated_before, history = [], sentence.heading, [], []
            said_before, joined = [], None
        singular = any(t.norm == "hij" for t in tokens)
        if (not stated_before or singular and all(a.kind == "group" for a in stated_before)) and any(
            t.norm in SUBJECT_PRONOUNS for t in tokens
        ):
            # "De premier sprak over X. Hij riep ... op": the previous sentence took no
            # position, so the pronoun is who spoke in it; "hij" is no group of states
            stated_before = _pronoun_speakers(said_before, singular, lex, spokesmen)
        inside = parenthesised(tokens)
        topic_matches = lex.topics.find(tokens)
        weak = weak_topics(topic_matches, tokens, sentence.text, lex)
        scene = SentenceTopics(sentence, tokens, topic_matches, weak, history, previous_topics)
        for match in topic_matches:
            if match.first not in inside:
                evidence = sentence_evidence(seg, sentence, tokens, match.first, match.last)
                topic_evidence.add(named_topics.setdefault(match.target, []), evidence)
        # a question ("Deelt u de mening dat ...?") states no position
        asked = sentence.text.rstrip().endswith("?")
        stance_matches = [] if asked else [m for m in stance_forms(tokens, lex) if not _infinitive(tokens, m)]
        found: dict[tuple, Position] = {}
        if stance_matches:
            mentions = actor_mentions(tokens, lex, sentence.text)
            if spokesmen is not None:
                mentions = spokesmen.mentions(sentence, tokens, mentions)
            mentions = mentions + host_mentions(tokens, main.host if main else None, mentions)
            mentions = sorted(mentions + speaker_mentions(tokens, lex, mentions, collective), key=lambda m: m.first)
            cue_matches = lex.cues.find(tokens)
            actor_words = {k for m in mentions for k in range(m.first, m.last + 1)}
            other_meeting = other_meetings.named_at(seg, sentence)
            clause = _Clause()
            reported_from = len(tokens)  # where a report of the next stance begins
            for index, stance_match in enumerate(stance_matches):
                verb = stance_match.first
                if index and _demanded(tokens, stance_matches[index - 1], stance_match):
                    continue
                scope_end = stance_matches[index + 1].first if index + 1 < len(stance_matches) else len(tokens)
                clause_lo = clause.end
                delegates = delegations_in(collective, tokens, lex.lexicon, verb)
                actors = actors_for(
                    tokens, mentions, clause_lo, stance_match, scope_end, clause.actors,
                    NETHERLANDS if records.looks_ahead else delegates, stated_before, delegates,
                )
                if not actors:
                    continue
                inherited = bool(clause.actors) and actors[: len(clause.actors)] == clause.actors
                skip = inside | set(stance_match.words)
                inverted = next((m for m in mentions if m.first == stance_match.inverted), None)
                if inverted is not None and inverted.actor in actors:
                    # the subject after the verb ("zal Rusland zich ... verzetten") is who, not
                    # what; after a subject ("Nederland riep Oekraïne op") it is the object
                    skip = skip | {stance_match.inverted}
                # "Rusland verzet zich tegen de plannen": who takes the stance is not what it is about
                skip = skip | {k for m in mentions if m.actor in actors and clause_lo <= m.first < verb
                               for k in range(m.first, m.last + 1)}
                shared = clause.topics if inherited else []
                topics, topic_slugs = choose_topics(
                    scene, lex, stance_match, (clause_lo, scope_end), skip, shared, actor_words
                )
                # "België sloot zich hierbij aan": the position just before, whatever it was
                joins = joined is not None and fold(stance_match.phrase.form) in joining
                if joins:
                    topics, topic_slugs = [], [joined[1]]
                clause = _Clause(actors, stance_match.last + 1, topic_slugs)
                if not topic_slugs or _is_announcement(stance_match, tokens, scope_end, cue_matches, lex):
                    continue
                first = min([verb] + [m.first for m in mentions if m.actor in actors and clause_lo <= m.first < verb])
                if index + 1 < len(stance_matches) and _reports(tokens, stance_match, stance_matches[index + 1]):
                    # "Spanje gaf aan zich niet gebonden te achten ...": the stance reported is taken,
                    # its evidence from the reporter on
                    reported_from = first
                    continue
                first, reported_from = min(first, reported_from), len(tokens)
                stance = _stance_of(stance_match, tokens, scope_end, cue_matches, lex)
                if stance is None:
                    continue
                if joins:
                    stance = joined[0]
                meeting, modality = main_ref, default_modality
                if kind == "agenda" and other_meeting is not None and main_ref is not None:
                    earlier, named_at = other_meeting
                    if earlier.start and main_ref.start and earlier.start < main_ref.start:
                        if not _in_relative_clause(seg, sentence, tokens, stance_match, named_at):
                            meeting, modality = earlier, "expressed"
                verb_text = " ... ".join(
                    sentence.text[tokens[g[0]].start : tokens[g[-1]].end] for g in _groups(stance_match.words)
                )
                for position, topic_slug in enumerate(topic_slugs):
                    topic_match = topics[position] if position < len(topics) else None
                    lo = min(first, topic_match.first) if topic_match else first
                    hi = max(stance_match.last, topic_match.last) if topic_match else stance_match.last
                    evidence = sentence_evidence(seg, sentence, tokens, lo, hi)
                    for actor in actors:
                        key = (actor, stance, topic_slug, meeting, modality)
                        if key not in found:
                            found[key] = Position(actor, stance, topic_slug, meeting, modality, [evidence], verb_text)
                if topic_slugs:
                    joined = (stance, topic_slugs[-1])  # "...; België sloot zich hierbij aan" joins it
            positions.extend(found.values())
        stated_before = unique([key[0] for key in found])
        said_before = [*said_before[-2:], (sentence, tokens)]
        strong = [m.target for m in topic_matches if m.first not in inside and id(m) not in weak]
        if strong:
            previous_topics = strong
        history.append(Said(
            tuple(t.norm for t in tokens),
            tuple((m.first, m.target) for m in topic_matches if m.first not in inside and id(m) not in weak),
        ))
    return positions, named_topics


_MIDDLE_STOPS = frozenset([",", ";", ":", "(", ")", "en", "maar", "of", "dat", "die", "om"])
# a finite verb that puts the main verb at the clause's end: "zal ... niet steunen", "wil ... niet langer steunen"
_VERB_GROUP_AUXILIARIES = FINITE_AUXILIARIES | CONDITIONAL_AUXILIARIES | DEONTIC_AUXILIARIES | MODAL_AUXILIARIES


def _words_before(tokens: Sequence[Token], before: int) -> range:
    """The few words up to and including ``before`` (the word before a stance verb), back
    to a clause mark or coordinator."""
    if before < 0 or tokens[before].norm in _MIDDLE_STOPS:
        return range(0)
    lo = before
    while lo > 0 and before - lo < 4 and tokens[lo - 1].norm not in _MIDDLE_STOPS:
        lo -= 1
    return range(lo, before + 1)


def _verb_final_middle(tokens: Sequence[Token], words: range) -> range:
    """Of ``words`` (_words_before), those where a negation of a verb at the end of its
    clause stands: in a "dat" clause ("dat Hongarije geen voorstellen steunt") or after an
    auxiliary ("Hongarije zal de voorstellen niet steunen"); none for a main clause's verb
    in second place ("Nog geen jaar later steunde Finland")."""
    if not words:
        return words
    stop = next((k for k in range(words.stop - 1, -1, -1) if tokens[k].norm in _MIDDLE_STOPS), None)
    clause_opener = stop is not None and tokens[stop].norm in ("dat", "die", "om")
    auxiliary = any(tokens[k].norm in _VERB_GROUP_AUXILIARIES for k in range((stop or -1) + 1, words.stop))
    return words if clause_opener or auxiliary else range(0)


def _names_nobody(tokens: Sequence[Token], k: int, lex: Lexicons) -> bool:
    """Whether "geen" at k opens a subject that is nobody: "geen enkele bondgenoot", "geen
    bondgenoot" (a delegation noun or an actor's name after it), not "op geen enkele wijze"."""
    j = k + 1 + (k + 1 < len(tokens) and tokens[k + 1].norm in ("enkele", "enkel"))
    if j >= len(tokens) or (k and tokens[k - 1].norm in PREPOSITIONS):
        return False
    return tokens[j].norm in cue_word_set("allies-delegation-noun") or lex.lexicon.actor_by_surface(tokens[j].norm) is not None


def _pronoun_speakers(
    said_before: Sequence[tuple[Sentence, list[Token]]], singular: bool, lex: Lexicons, spokesmen: Spokesmen | None
) -> list[ActorRef]:
    """Who a subject pronoun refers to: who speaks in the sentence before; for "hij" the
    last sentence before whose speaker is one person, state or organisation ("Stoltenberg
    presenteerde ... Daaruit blijkt dat ... bondgenoten .... Hij riep ... op": Stoltenberg)."""
    for said in reversed(said_before if singular else said_before[-1:]):
        speakers = _speakers(said, lex, spokesmen, groups=not singular)
        # "Ik sprak met minister Austin. Hij ...": "hij" is not the writer speaking of himself
        first_person = singular and any(t.norm in _FIRST_PERSON for t in said[1][:3])
        if not singular or (speakers and all(a.kind != "group" for a in speakers) and not first_person):
            return speakers
        if spokesmen is not None:
            # "De NAVO-Oekraïne Raad kwam bijeen met minister Koeleba. Hij riep ... op": with
            # no person or single actor as subject, "hij" is the last person the sentence names
            persons = _named_persons(said, lex, spokesmen)
            if persons:
                return persons[-1:]
    return []


_FIRST_PERSON = frozenset(["ik", "wij", "we"])


def _named_persons(said: tuple[Sentence, list[Token]], lex: Lexicons, spokesmen: Spokesmen) -> list[ActorRef]:
    """The actors the persons of a sentence speak for, in order, but not a person owned by
    a noun before it ("de uitspraken van president Poetin")."""
    sentence, tokens = said
    mentions = spokesmen.mentions(sentence, tokens, actor_mentions(tokens, lex, sentence.text))
    starts = [start - sentence.start for start, _, actor in spokesmen.persons_in(sentence) if actor is not None]
    return [m.actor for m in mentions if m.prep != "van"
            and any(tokens[m.first].start <= p < tokens[m.last].end for p in starts)]


def _speakers(
    said: tuple[Sentence, list[Token]], lex: Lexicons, spokesmen: Spokesmen | None, groups: bool
) -> list[ActorRef]:
    """Who speaks in a sentence: its persons and offices, the Dutch government, the
    delegations, states and organisations, and with ``groups`` groups ("De bondgenoten
    spraken met ... Zij riepen ... op"; "hij" is no group)."""
    sentence, tokens = said
    mentions = actor_mentions(tokens, lex, sentence.text)
    if spokesmen is not None:
        mentions = spokesmen.mentions(sentence, tokens, mentions)
    kinds = ("state", "organisation", "group") if groups else ("state", "organisation")
    spoken = speaker_mentions(tokens, lex, mentions) + [m for m in mentions if m.actor.kind in kinds]
    # the subject only ("Rusland viel Oekraïne binnen": Russia, not Ukraine) with what is coordinated with it
    subject = next((m for m in sorted(spoken, key=lambda m: m.first) if is_subject(m)), None)
    return [] if subject is None else unique([m.actor for m in coordinated(subject, spoken, tokens)])




def _demanded(tokens: Sequence[Token], earlier: Match, match: Match) -> bool:
    """'Het kabinet zal benadrukken dat de bondgenoten Oekraïne moeten blijven steunen':
    what an earlier stance in the sentence asks of others (a "dat" clause whose verb has
    a modal of obligation) is no stance they take."""
    between = [tokens[k].norm for k in range(earlier.last + 1, match.first)]
    if "dat" not in between or between[-1:] == ["en"]:
        return False  # "... moet doorgaan en riep Rusland op": "en" and a finite verb go on the main clause
    clause = between[len(between) - between[::-1].index("dat") :]
    # "benadrukte dat bondgenoten ... moeten ..., en pleitte voor": back in a main clause
    coordinated_back = ";" in clause or any(a == "," and b == "en" for a, b in zip(clause, clause[1:]))
    return bool(DEONTIC_AUXILIARIES & set(clause)) and not coordinated_back


def _reports(tokens: Sequence[Token], match: Match, following: Match) -> bool:
    """Whether ``match`` reports what is said (cue:reporting-stance) and the next stance
    phrase stands in what it reports: in its clause, not after a semicolon or a new main
    clause (", en")."""
    if fold(match.phrase.form) not in cue_word_set("reporting-stance"):
        return False
    between = [tokens[k].norm for k in range(match.last + 1, following.first)]
    return ";" not in between and not any(a == "," and b == "en" for a, b in zip(between, between[1:]))


def _infinitive(tokens: Sequence[Token], match: Match) -> bool:
    """'om ... te geven aan', 'te blijven steunen': a purpose clause, not a stance."""
    before = [tokens[k].norm for k in range(max(0, match.first - 2), match.first)]
    return "te" in before


def _groups(indices: Sequence[int]) -> list[list[int]]:
    groups: list[list[int]] = []
    for i in indices:
        if groups and groups[-1][-1] == i - 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _is_announcement(stance_match: Match, tokens, scope_end: int, cue_matches, lex: Lexicons) -> bool:
    """A "kondigde ... aan" of money or support is recorded as a commitment, not a position."""
    announcing = any(
        lex.cue_info.get(cue.target) is not None
        and lex.cue_info[cue.target].role == "announcement"
        and cue.first == stance_match.first
        for cue in cue_matches
    )
    if not announcing:
        return False
    nouns = contribution_nouns(lex)
    scope = range(stance_match.first, scope_end)
    return any(tokens[k].norm in nouns or tokens[k].norm[0].isdigit() for k in scope)


def _stance_of(stance_match: Match, tokens, scope_end: int, cue_matches, lex: Lexicons) -> str | None:
    """The stance of a stance form in its clause; None when the clause negates a stance that
    has no opposite ("zal zich niet verzetten tegen": no opposition, and no stance said)."""
    stance = stance_match.target
    if fold(stance_match.phrase.form) in cue_word_set("appointing-verb"):
        # "heeft de Raad Rutte benoemd tot secretaris-generaal": an appointment, no stance
        # (not "benoemden Rusland tot de meest directe dreiging", "tot 2030")
        clause = range(stance_match.last + 1, _clause_end(tokens, stance_match.last + 1, scope_end) + 1)
        if any(k < len(tokens) and tokens[k].norm == "tot" and _names_post(tokens, k + 1, lex.lexicon) for k in clause[:10]):
            return None
    stating = fold(stance_match.phrase.form) in cue_word_set("stating-verb")
    infinitive = _infinitive_complement(tokens, stance_match.last + 1, scope_end) if stating else None
    if infinitive is not None:
        # "Denemarken en Noorwegen gaven aan te onderzoeken of zij ...": their own intention;
        # "Duitsland gaf aan daartoe niet in staat te zijn", "gaven aan moeite te hebben met": a refusal
        # (the objection is what the infinitive has: "moeite te hebben", not "twijfels ... weg te nemen")
        objection = tokens[infinitive - 1].norm in cue_word_set("objection-noun")
        refusal = objection or any(tokens[k].norm in NEGATIONS for k in range(stance_match.last + 1, infinitive))
        return "oppose" if refusal else "intend"
    before = stance_match.first - 1
    # "wees niet alleen op X maar ook op Y": emphasis, not its negation; "riepen de
    # bondgenoten die nog niet deelnemen op ...": a relative clause in the gap negates its own verb
    relative = next((k for k in stance_match.gaps if tokens[k].norm in ACTOR_RELATIVE_PRONOUNS), None)
    own_gap = [k for k in stance_match.gaps if relative is None or k < relative]
    # "steunde niet de uitbreiding", "steunt de uitbreiding niet."
    after = stance_match.last + 1
    clause_last = next((k for k in range(after, len(tokens)) if tokens[k].norm in ",;:.()"), len(tokens)) - 1
    words = _words_before(tokens, before)
    middle = _verb_final_middle(tokens, words)
    if any(tokens[k].norm == "geen" and _names_nobody(tokens, k, lex) for k in words):
        return None  # "geen enkele bondgenoot bepleitte ...": nobody holds it
    if any(0 <= k < len(tokens) and negates(tokens, k) for k in [before, *own_gap, after, clause_last, *middle]):
        if stance not in lex.negated:
            return None
        stance = lex.negated[stance]
    form = stance_match.phrase.form
    for cue in cue_matches:
        info = lex.cue_info.get(cue.target)
        if info is None or not info.overrides_stance:
            continue
        if info.role == "stance-modifier":
            # "is van mening dat ... dient te worden opgenomen": an opinion that asks, and
            # "... niet moet worden uitgebreid" one that opposes; only in the opinion's clause
            if fold(form) in info.modifies_forms and stance_match.last < cue.first < _clause_end(
                tokens, stance_match.last + 1, scope_end
            ):
                near = (tokens[cue.first - 1].norm, tokens[cue.last + 1].norm if cue.last + 1 < len(tokens) else "")
                if not set(near) & NEGATIONS:
                    return info.overrides_stance
                if info.overrides_stance in lex.negated:
                    return lex.negated[info.overrides_stance]  # "niet moet": call-for negated
        elif stance_match.last < cue.first <= stance_match.last + 3:
            if info.modifies_stances and stance not in info.modifies_stances:
                continue  # "verwelkomt het voornemen ...": welcoming an intention, not intending
            if info.modifies_forms and fold(form) not in info.modifies_forms:
                continue
            if any(tokens[k].norm == "dat" for k in range(stance_match.last + 1, cue.first - 1)):
                continue  # "betreurde dat het besluit ...": a clause, not the object ("betreurt dat besluit" is)
            return info.overrides_stance  # "onderstreepten de bereidheid", "betreurt dit besluit"
    return stance


def _names_post(tokens, k: int, lexicon) -> bool:
    """Whether an office (offices.ttl) or a post (cue:appointed-post) starts at ``k``, past
    articles and inflected adjectives ("de volgende secretaris-generaal")."""
    while k < len(tokens) and tokens[k].norm in ARTICLES:
        k += 1
    starts = [k]
    while k < len(tokens) and tokens[k].norm.endswith("e"):
        k += 1
        starts.append(k)  # "Hoge Vertegenwoordiger" as well as "volgende secretaris-generaal"
    for start in starts:
        if start < len(tokens) and tokens[start].norm in cue_word_set("appointed-post"):
            return True  # "tot opvolger van ...", "tot speciale gezant"
        words = [t.norm for t in tokens[start : start + 4]]
        candidates = [" ".join(words[:n]) for n in range(1, len(words) + 1)] + ["-".join(words[:2])]
        if any(lexicon.office_by_surface(c) is not None for c in candidates):
            return True
    return False


def _infinitive_complement(tokens, lo: int, hi: int) -> int | None:
    """Where the "te" of an infinitive of the actor's own stands after a stating verb
    ("gaven aan in beginsel bereid te zijn", "gaf aan te onderzoeken"); None for a "dat"
    clause or anything else."""
    for k in range(lo, min(hi, lo + 12)):
        norm = tokens[k].norm
        if norm in ("dat", ",", ";", ":", "of"):
            return None
        if norm == "te":
            return k if k + 1 < len(tokens) and tokens[k + 1].norm.isalpha() else None
    return None


def _clause_end(tokens, lo: int, hi: int) -> int:
    """Where the clause from ``lo`` ends before ``hi``: at a semicolon or a comma that opens
    another clause ("..., terwijl Frankrijk ..."; not at a relative clause inside it: "dat
    de NRF, die nog in opbouw is, voorbarig is")."""
    for k in range(lo, hi):
        norm = tokens[k].norm
        if norm == ";" or (norm == "," and k + 1 < hi and tokens[k + 1].norm in NEXT_CLAUSE):
            return k
    return hi


__all__ = ["extract_positions", "positions_in"]
