"""Commitments (pledges, targets, agreements) and observations (realised figures).

Rules for how Dutch government letters phrase what was promised, over the sentences
of ``segment``, the amounts of :mod:`natokg.extract.amounts` and the cue words of
ontology/extraction-cues.ttl (which words mean agreement, intent, contribution,
announcement, pledge or realised spending: see that file).

Per sentence:

- Every amount is governed by the nearest cue in the sentence (token distance).
  A realised cue ("gaf ... uit", "groeiden", "uitgegeven", "komen ... uit op") makes
  it an :class:`Observation`, never a commitment. An agreement cue ("afspraak",
  "afgesproken doelstelling", "is afgesproken dat", "het besluit tot") makes it a
  commitment of the cue's nkg:defaultActor (the allies) unless "door X" names the
  agent; an intent, contribution or announcement cue makes it a commitment of the
  sentence's subject ("Het kabinet zet in op ... 3,5% van het bbp in 2035"). Amounts
  with no cue are not commitments.
- A percentage in a sentence about GDP or spending ("bbp", "uitgaven") is a share of
  GDP: a spending target. Money is a financial contribution. "waarvan 3,5% ... en
  1,5% ..." splits a target into parts (``part_of`` the whole).
- A reference to an agreement already found in the letter ("onder de
  1,5%-afspraken") adds evidence to it instead of making a second node.
- Pledges without amount come from pledge cues (policy or capability, by the cue's
  nkg:signalsKind, else by the pledge-object nouns of its part of the sentence, without
  relative clauses: commitment_forms.pledge_scope; a pledge to end something is a policy
  pledge), from "kondigde ... aan" with a contribution noun in its gap
  ("kondigden nieuwe bijdragen aan PURL aan"), and from the noun phrase "de
  vrijgekomen middelen uit X" (X's owner commits). Beside a clause whose amount a cue
  has used, only a cue in a clause of its own pledges, and what it pledges is read in
  that clause ("stelt een fregat beschikbaar en Duitsland draagt EUR 20 mln. bij":
  commitment_forms.clause_break). Their ``key_phrase`` is the cue
  concept plus the first topic, the first two words of what is pledged and the
  beneficiary: the same pledge restated is one node (in one letter or several), two
  pledges of one actor on one topic are two.
- Target year: a year after "in", "tegen", "uiterlijk", "tot (eind)", "vóór", "per"
  that is not before the meeting's year. Beneficiary: the first state or funding
  instrument after the amount or cue. Made at: the summit of a city the sentence
  names with an agreement ("de in Den Haag gemaakte afspraak"); otherwise, for what
  is announced or agreed in a report, the letter's main meeting.
- Who pledges: the subject of the cue's clause; in a passive clause its "door X" agent
  ("Door Duitsland werd ... toegezegd"). A pledge is undone by a hedge, a condition, a
  negation, a call that asks it of others ("riep ... op meer troepen te leveren") or a
  meeting attended (commitment_forms.undone); a cue inside a comma-set relative clause
  governs no amount outside it.
- Status: the cue's nkg:signalsStatus; else intended in a letter written before its
  meeting (an agenda: LetterRecords.looks_ahead), announced in a report.
- A memo shorter than its letter (SegmentedLetter.stated_parts leaves it out) is read
  after the letter: its own pledges count, an amount it repeats joins the letter's.
- Promises, announcements by what they name, clauses: :mod:`natokg.extract.commitment_forms`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from natokg.extract.amounts import Amount, find_amounts
from natokg.extract.evidence_lists import EvidenceLists
from natokg.extract.pledge_subjects import (
    clause_subject,
    compound_owner,
    deciders,
    passive_owner,
    pledged_in_complement,
)
from natokg.extract.pledge_years import clause_target_year, coming_money_year, coming_target_year, stated_target_year
from natokg.extract.announcements import announced_kind, announced_undertaking
from natokg.extract.commitment_forms import (
    opens_relative_clause,
    clause_break,
    comma_clause,
    made_before,
    nobodys_clause,
    clause_index,
    passive_clause_agent,
    relative_asides,
    token_span,
    undone,
    government_plan_mentions,
    is_promise_without_amount,
    plan_rise_cues,
    relative_clause,
    pronoun_subject,
)
from natokg.extract.pledge_objects import names_capability, object_kind, object_phrase
from natokg.knowledge.cues import cue_word_set
from natokg.text.dates import count_value
from natokg.extract.function_words import ALLIES, ARTICLES, NETHERLANDS, PASSIVE_AUXILIARIES, WISH_AUXILIARIES
from natokg.extract.actor_mentions import actor_mentions, passive_agent, speaker_mentions
from natokg.extract.phrases import (
    Lexicons,
    Match,
    contribution_nouns,
    lexicons,
    parenthesised,
    sentence_evidence,
    stance_forms,
    tokenize,
)
from natokg.extract.commitment_amounts import AmountRules, PreparedSentence as _Sentence
from natokg.extract.context import LetterContext
from natokg.extract.listed_pledges import heading_giver, is_list_item, listed_capability, listed_clauses
from natokg.extract.meeting_words import delegations, delegations_in
from natokg.extract.position_actors import Spokesmen
from natokg.extract.stage import Found
from natokg.records import (
    ActorRef,
    Commitment,
    Evidence,
    LetterRecords,
    MeetingRef,
    Observation,
    SegmentedLetter,
    Sentence,
)


# "eerder dit jaar", "eerder deze maand", "eerder in juni": a time before the meeting
_TIME_AFTER_EARLIER = frozenset("dit deze dat die in op al".split())


class _Rules(AmountRules):
    def __init__(self, seg: SegmentedLetter, records: LetterRecords, lex: Lexicons, spokesmen: Spokesmen | None = None) -> None:
        self.seg = seg
        self.spokesmen = spokesmen
        self.records = records
        self.lex = lex
        self.kind = records.letter.kind
        self.looks_ahead = records.looks_ahead
        main = records.main_meeting
        self.main_ref = main.ref if main else None
        self.min_year = (main.ref.start.year if main and main.ref.start else None) or (
            records.letter.date.year if records.letter.date else None
        )
        self.reference_day = records.letter.date or (main.ref.start if main else None)
        self.commitments: list[Commitment] = []
        self.evidence_lists = EvidenceLists()
        self.observations: list[Observation] = []
        self.previous_actor: ActorRef | None = None
        self.in_repeating_memo = False  # reading a memo shorter than its letter (see run)
        self.last_norm: Amount | None = None  # the share of GDP "de norm" refers to
        self.gdp_words, self.spending_nouns = cue_word_set("gdp"), cue_word_set("spending-noun")
        self.obligations, self.norm_words = cue_word_set("obligation"), cue_word_set("gdp-norm")
        self.share_nouns = cue_word_set("share-noun")
        self.budget_nouns = cue_word_set("budget-noun")
        self.collective = delegations(records, lex.lexicon)  # who decides: the allies, or an EU Council's states

    # ------------------------------------------------------------ helpers

    def info(self, cue: Match):
        return self.lex.cue_info.get(cue.target)

    def default_actor(self, info, s: _Sentence, cue: Match) -> ActorRef | None:
        """Who a cue pledges for when the sentence names nobody: the meeting's delegations
        for the allies' decisions."""
        actor = info.default_actor if info is not None else None
        return delegations_in(self.collective, s.tokens, self.lex.lexicon, cue.first) if actor == ALLIES else actor

    def role(self, cue: Match) -> str:
        info = self.info(cue)
        return info.role if info else ""

    def evidence(self, s: _Sentence, first: int, last: int) -> Evidence:
        return sentence_evidence(self.seg, s.sentence, s.tokens, min(first, last), max(first, last))

    def subject(self, s: _Sentence, cue: Match, window: int = 4, groups_after: bool = False) -> list[ActorRef]:
        return clause_subject(s.tokens, s.mentions, cue.first, None, window, groups_after, through=cue.last)

    def share_owner(self, s: _Sentence, first: int) -> ActorRef | None:
        """The state whose share an amount is, when the amount's clause opens with "het/de
        <demonym> <share noun>" ("...; het Nederlandse aandeel bedraagt 250 miljoen euro")."""
        lo = max((k + 1 for k in range(first) if s.tokens[k].norm in (";", ":")), default=0)
        if lo + 2 >= first or s.tokens[lo].norm not in ("de", "het") or s.tokens[lo + 2].norm not in self.share_nouns:
            return None
        state = self.lex.lexicon.state_by_demonym(s.sentence.text[s.tokens[lo + 1].start : s.tokens[lo + 1].end])
        return ActorRef("state", state.iso) if state is not None else None

    def agent(self, s: _Sentence, lo: int, hi: int) -> list[ActorRef]:
        return passive_agent(s.tokens, s.mentions, lo, hi)

    def context_actor(self, s: _Sentence) -> list[ActorRef]:
        """Nobody named: the owner of an instrument or body in the heading, else the last actor."""
        if s.sentence.heading:
            heading_tokens = tokenize(s.sentence.heading)
            for mention in actor_mentions(heading_tokens, self.lex, s.sentence.heading):
                owner = self.owner(mention.actor)
                if owner.kind == "organisation":
                    return [owner]
        return [self.previous_actor] if self.previous_actor else []

    def owner(self, actor: ActorRef) -> ActorRef:
        """A funding instrument or a body stands for the organisation it belongs to."""
        lexicon = self.lex.lexicon
        seen = set()
        while actor.kind == "organisation" and actor.key not in seen:
            seen.add(actor.key)
            record = lexicon.organisations.get(actor.key)
            if record is None or record.parent is None:
                break
            actor = ActorRef("organisation", record.parent)
        return actor

    def beneficiary(self, s: _Sentence, lo: int) -> ActorRef | None:
        for mention in s.mentions:
            if mention.first >= lo and mention.prep in ("aan", "voor", "via", "uit") or (
                mention.first >= lo and mention.actor.key in self.lex.instruments
            ):
                if mention.actor.kind in ("state", "organisation"):
                    return mention.actor
        return None

    def target_year(
        self, s: _Sentence, money_span: tuple[int, int] | None = None, verb: int | None = None
    ) -> int | None:
        """A target year; for money only a deadline next to the amount ("tot eind 2016"), or
        a year in a "voor" phrase before the pledge's verb (token ``verb``)."""
        span = None if money_span is None else (s.tokens[money_span[0]].start, s.tokens[money_span[1]].end)
        verb_start = s.tokens[verb].start if verb is not None else None
        year = stated_target_year(s.sentence.text, self.min_year, span, verb_start)
        if year is None and span is not None and self.reference_day is not None:
            year = coming_money_year(s.sentence.text, self.reference_day, span)
        return year

    def status(self, info, s: _Sentence | None = None, cue: Match | None = None) -> str:
        if info is not None and info.status:
            return info.status
        if self.looks_ahead and (s is None or cue is None or not made_before(s.tokens, cue)):
            return "intended"
        return "announced"

    def made_at(self, s: _Sentence, status: str) -> MeetingRef | None:
        if any(t.norm == "eerder" and (k == 0 or s.tokens[k + 1].norm in _TIME_AFTER_EARLIER)
               for k, t in enumerate(s.tokens[:-1])):
            return None  # "Eerder dit jaar werd door Nederland al 500 miljoen euro toegezegd": not here
        if self.kind == "report" and status in ("announced", "agreed"):
            return self.main_ref
        if self.kind == "agenda" and any(t.norm == "tijdens" for t in s.tokens) and status == "announced":
            return self.main_ref
        return None

    def unpledged(self, s: _Sentence, cue: Match) -> bool:
        """Before the cue, "de bereidheid (... bij te dragen)" is a stated readiness (a
        position) and "dient (... te worden aangenomen)" an obligation still to be met."""
        before = s.tokens[: cue.first]
        if any(self.role(c) == "intention-object" and c.last < cue.first for c in s.cues):
            return True
        info = self.info(cue)
        if before and before[-1].norm in WISH_AUXILIARIES and info is not None and info.default_actor == ALLIES:
            return True  # "willen vastleggen dat ...": a wish for what the allies would agree (a position)
        if relative_clause(s.tokens, s.mentions, cue.first):
            return True
        return any(t.norm in self.obligations for t in before)

    def topic_phrase(self, s: _Sentence, lo: int) -> str:
        after = [m.target for m in s.topics if m.first >= lo] or [m.target for m in s.topics]
        return after[0] if after else ""

    def add(self, commitment: Commitment) -> Commitment:
        """Merge with a commitment of the same content found earlier in the letter; in a
        memo that repeats its letter, with the letter's commitment of the same amount."""
        if self.in_repeating_memo and commitment.amount is not None:
            for known in self.commitments:
                # "de toezegging van 100 miljoen euro": the letter's pledge, whoever the memo names
                if (known.amount == commitment.amount and known.unit == commitment.unit
                        and (known.actor == commitment.actor or commitment.actor.kind == "group")
                        and commitment.target_year in (None, known.target_year)):
                    for item in commitment.evidence:
                        self.evidence_lists.add(known.evidence, item)
                    return known
        for known in self.commitments:
            if (
                known.actor == commitment.actor
                and known.kind == commitment.kind
                and known.amount == commitment.amount
                and known.unit == commitment.unit
                and known.target_year == commitment.target_year
                and (known.amount is not None or known.key_phrase == commitment.key_phrase)
                and (commitment.made_at is None or known.made_at in (None, commitment.made_at))
            ):
                for item in commitment.evidence:
                    self.evidence_lists.add(known.evidence, item)
                known.made_at = known.made_at or commitment.made_at
                return known
        self.commitments.append(commitment)
        return commitment

    # ------------------------------------------------------------ rules

    def prepare(self, sentence: Sentence) -> _Sentence:
        tokens = tokenize(sentence.text)
        amounts = []
        for amount in find_amounts(sentence.text):
            first, last = token_span(tokens, amount.start, amount.end)
            amounts.append((amount, first, last))
        inside = parenthesised(tokens)
        topics = [m for m in self.lex.topics.find(tokens) if m.first not in inside]
        mentions = actor_mentions(tokens, self.lex, sentence.text)
        cues = plan_rise_cues(self.lex.cues.find(tokens), self.lex.cue_info)
        mentions = government_plan_mentions(tokens, mentions, cues, self.lex.cue_info)
        if self.spokesmen is not None:
            # "President Sarkozy kondigde aan ... te sturen": France commits, not the person
            mentions = self.spokesmen.mentions(sentence, tokens, mentions)
        # "Ik heb ... toegezegd", "De minister-president heeft ... toegezegd": the letter's government
        government = [m for m in speaker_mentions(tokens, self.lex, mentions) if m.actor == NETHERLANDS]
        mentions = sorted(mentions + government, key=lambda m: m.first)
        return _Sentence(sentence, tokens, mentions, cues, amounts, topics, stance_forms(tokens, self.lex))

    def pledge_rule(self, s: _Sentence, used: set[int]) -> None:
        """Pledges without an amount."""
        if not s.cues or len(used) == len(s.cues):
            return  # without a cue there is no pledge: skip the target year's scan
        amount_cues = [s.cues[k] for k in used]
        nouns = contribution_nouns(self.lex)
        pledged: set[tuple[ActorRef, str, tuple[int, int | None]]] = set()  # one pledge of a kind per actor and clause
        # where a subject ends: an actor's name or the meeting's members ("De top besluit tot")
        members = self.lex.members.find(s.tokens) if self.lex.members is not None else []
        subjects = frozenset([m.last for m in s.mentions if m.prep is None] + [m.last for m in members])
        year = self.target_year(s)
        if year is None and self.reference_day is not None:
            cities = [s.tokens[c.last].end for c in self.lex.cities.find(s.tokens)]
            before = any(made_before(s.tokens, c) for c in s.cues)
            year = coming_target_year(s.sentence.text, self.reference_day, cities, marked_only=before)
        for index, cue in enumerate(s.cues):
            role = self.role(cue)
            info = self.info(cue)
            if index in used or info is None:
                continue
            if role == "agreement" and info.kind == "policy-pledge":
                # an agreement told in the passive, without an amount: a decision, of the kind
                # its object names ("werd afgesproken Oekraïne te steunen met uitrusting")
                role, info = "pledge", replace(info, kind=None)
            breaks = [clause_break(s.tokens, s.mentions, cue, c, s.cues) for c in amount_cues]
            if None in breaks:
                continue  # one pledge per clause: the amount's cue has made it
            # what a pledge beside an amount's clause pledges stands in its own clause
            lo = max((k + 1 for k in breaks if k < cue.first), default=0)
            hi = min((k for k in breaks if k > cue.last), default=len(s.tokens))
            # beside an amount's clause, a clause without one ("stelt een fregat beschikbaar en
            # Duitsland draagt EUR 20 mln. bij")
            promise = role == "contribution" and is_promise_without_amount(cue, bool(s.amounts) and not amount_cues)
            announced, quoted_to = None, cue.last
            if role == "announcement":
                announced = announced_kind(
                    [s.tokens[k].norm for k in cue.gaps], nouns, object_kind(s.tokens, s.sentence.text, cue, cue.gaps),
                    self.beneficiary(s, cue.first) is not None,
                )
                infinitive = announced_undertaking(s.tokens, s.sentence.text, cue, hi) if announced is None else None
                if infinitive is not None:
                    # "kondigden op 27 mei jl. aan 9.800 militairen te handhaven": of the kind its
                    # object names, quoted to the infinitive
                    role, info, quoted_to = "pledge", replace(info, kind=None), infinitive
            if role == "announcement":
                if announced is None:
                    continue
                actors = self.agent(s, cue.last + 1, cue.last + 3) or self.subject(s, cue)
                kind = announced
            elif role == "contribution-np":
                after = [m for m in s.mentions if cue.last < m.first <= cue.last + 4]
                actors = [self.owner(after[0].actor)] if after else []
                kind = info.kind or "financial-contribution"
            elif role == "pledge" or promise:
                if undone(s.tokens, cue, s.stances, promise, subjects) or self.unpledged(s, cue):
                    continue
                if cue.first > 0 and s.tokens[cue.first - 1].norm == "zoals":
                    continue  # "zoals besloten op 30 november": points to a decision, makes none
                if pledged_in_complement(s.tokens, s.mentions, s.cues, cue, self.lex):
                    continue  # "Door Nederland werd bevestigd dat de Franse bijdrage ... wordt voortgezet": its clause pledges
                passive = any(s.tokens[k].norm in PASSIVE_AUXILIARIES for k in range(cue.first, cue.last + 1))
                if passive and cue.first > 0 and opens_relative_clause(s.tokens, cue.first - 1):
                    continue  # "een diner dat wordt aangeboden door de president": describes the dinner
                if nobodys_clause(s.tokens, s.mentions, cue):
                    continue
                # "de Nederlandse bijdrage ... wordt voortgezet", "De Nederlandse F-16's blijven ...
                # gestationeerd": the subject is a state's contribution or forces
                owner = passive_owner(s.tokens, cue, self.lex.lexicon) if not info.default_actor else []
                if promise and any(
                    a < cue.first <= b and s.tokens[a + 1].norm.startswith("waar")
                    and not any(counts(s.tokens[k].norm) for k in range(a + 1, b))
                    for a, b in relative_asides(s.tokens)
                ):
                    # "de VJTF, waaraan Nederland dit jaar bijdraagt, is operationeel": describes the
                    # force; ", waarvoor Nederland achttien F-16's beschikbaar stelt": a count given
                    continue
                actors = (
                    # "werd door Hongarije bekrachtigd": the agent in the gap or right after it
                    self.agent(s, cue.first + 1 if passive else cue.last + 1, cue.last + 3)
                    # "Door Nederland werd bevestigd dat ...": the agent before the passive cue
                    or (passive_clause_agent(s.tokens, s.mentions, 0, cue.first + 1, cue.first + 1) if passive else [])
                    or (owner if passive else [])
                    or ([self.owner(a) for a in compound_owner(s.tokens, s.sentence.text, self.lex.actors.find(s.tokens), cue)]
                        if passive else [])
                    # "zal Oekraïne worden uitgenodigd": the subject of a passive is no actor
                    # a passive's subject is what is pledged, not who pledges
                    or ([] if passive else self.subject(s, cue, window=3, groups_after=bool(info.default_actor)))
                    or ([] if passive else owner)
                    or ([self.default_actor(info, s, cue)] if info.default_actor else [])
                    or (self.context_actor(s) if pronoun_subject(s.tokens, cue) else [])
                    or deciders(s.tokens, s.cues, cue, self.lex.cue_info,
                                delegations_in(self.collective, s.tokens, self.lex.lexicon, cue.first))
                )
                kind = (object_kind(s.tokens, s.sentence.text, cue, clause=(lo, hi)) if promise
                        else info.kind or object_kind(s.tokens, s.sentence.text, cue, clause=(lo, hi)))
                if info.names_object and not names_capability(s.tokens, s.sentence.text, cue):
                    continue  # "stuurt een brief naar", "zal u een agenda sturen": nothing pledged
                near = (*range(max(lo, cue.first - 4), cue.first), *cue.gaps, *range(cue.last + 1, min(hi, cue.last + 5)))
                if kind == "capability-pledge" and object_kind(s.tokens, s.sentence.text, cue, near) == "financial-contribution":
                    # "bij te dragen aan de financiering van ...", "de vrijgekomen middelen in te
                    # zetten voor ...": money, not troops
                    kind = "financial-contribution"
            else:
                continue
            # a clause of its own stating a year of its own is a pledge of its own ("dat de
            # inzet tot 2010 wordt voortgezet, en dat Nederland in 2008 een OMLT levert")
            own_year = clause_target_year(s.sentence.text, self.min_year, *comma_clause(s.tokens, cue))
            clause = (clause_index(s.tokens, cue, s.cues), own_year)
            actors = [a for a in actors if (a, kind, clause) not in pledged]
            if not actors:
                continue
            pledged.update((a, kind, clause) for a in actors)
            status = self.status(info, s, cue)
            # the money nearest the cue ("droeg drie miljoen euro bij, en zal in 2021 nog eens
            # één miljoen euro bijdragen"), unless a clause beside has used it
            # ... in its own "dat" clause ("dat het kabinet de begroting met EUR 1,5 miljard verhoogt
            # en dat de Nederlandse bijdrage ... wordt voortgezet": the money is the other clause's)
            that = max((k for k in range(cue.first) if s.tokens[k].norm == "dat"), default=None)
            since = s.tokens[that].start if that is not None else 0
            money = None if amount_cues else min((a for a, _, _ in s.amounts if a.is_money and a.start >= since), default=None,
                                                 key=lambda a: abs(a.start - s.tokens[cue.first].start))
            if money is not None:
                kind = "financial-contribution"  # "lanceerden ... een fonds van 1 miljard euro"
            beneficiary = self.beneficiary(s, cue.first) if kind == "financial-contribution" else None
            what = ":".join(x for x in (self.topic_phrase(s, cue.first), object_phrase(s.tokens, s.mentions, cue)) if x)
            key = ":".join(x for x in (info.slug, what, beneficiary.key if beneficiary else "") if x)
            evidence = self.evidence(s, cue.first, quoted_to)
            for actor in actors:
                self.add(Commitment(actor, kind, status, [evidence], money.value if money else None,
                                    money.unit if money else None, own_year or year, beneficiary,
                                    self.made_at(s, status), key_phrase=key))
                self.previous_actor = actor

    def run(self) -> None:
        parts = self.seg.stated_parts() | {"footnote"}
        for sentence in self.seg.sentences:
            if sentence.part in parts:
                self.read(sentence)
        if "memo" not in parts:
            # A memo shorter than its letter mostly repeats or advises on it, but may state
            # pledges of its own: read after the letter, so a repeated amount joins the letter's.
            self.in_repeating_memo, self.previous_actor = True, None
            for sentence in self.seg.sentences:
                if sentence.part == "memo":
                    self.read(sentence)

    def read(self, sentence: Sentence) -> None:
        if sentence.text.rstrip().endswith("?"):
            return  # a question (parliamentary questions) pledges nothing
        s = self.prepare(sentence)
        if sentence.part == "footnote":
            # footnotes carry figures (observations), not pledges
            self.observations_only(s)
            return
        used = self.amounts_rule(s) if s.amounts else self.norm_reference(s)
        self.pledge_rule(s, used)
        if not s.cues and not s.amounts and sentence.text.rstrip().endswith((".", ";")):
            self.listed_rule(s)  # an item, not a heading line
        subjects = [m.actor for m in s.mentions if m.prep is None]
        if subjects:
            self.previous_actor = subjects[0]

    def listed_rule(self, s: _Sentence) -> None:
        """An item without a verb under a heading of one state's contributions: each of its
        clauses that names troops or equipment (natokg.extract.listed_pledges)."""
        giver = heading_giver(s.sentence.heading, self.lex.lexicon)
        if giver is None or not is_list_item(self.seg.doc.text, s.sentence.start, s.tokens):
            return
        for lo, hi in listed_clauses(s.tokens):
            if not listed_capability(s.tokens, s.sentence.text, lo, hi):
                continue
            text = s.sentence.text
            year = stated_target_year(text[s.tokens[lo].start : s.tokens[hi - 1].end], self.min_year)
            status = self.status(None)
            phrase = " ".join(t.norm for t in s.tokens[lo:hi] if t.norm.isalnum() and t.norm not in ARTICLES)
            self.add(Commitment(giver, "capability-pledge", status, [self.evidence(s, lo, hi - 1)], None, None, year,
                                None, self.made_at(s, status), key_phrase=phrase[:60]))

    def observations_only(self, s: _Sentence) -> None:
        commitments = list(self.commitments)
        self.amounts_rule(s)
        self.commitments = commitments


_NUMBER = re.compile(r"\d[\d.,]*")
_YEAR_WORD = re.compile(r"(?:19|20)\d\d")


def counts(word: str) -> bool:
    """A number written in digits or words ("18", "1.200", "achttien"; not the article
    "een", a year or an ordinal "2e")."""
    if word[:1].isdigit():
        return _NUMBER.fullmatch(word) is not None and _YEAR_WORD.fullmatch(word) is None
    return word != "een" and count_value(word) is not None


def extract_commitments(
    ctx: LetterContext, found: Found
) -> tuple[tuple[Commitment, ...], tuple[Observation, ...]]:
    """The commitments stage: the letter's commitments and observed figures."""
    commitments, observations = commitments_in(ctx.seg, found.records(), ctx.lexicon, Spokesmen(ctx, found.persons))
    return tuple(commitments), tuple(observations)


def commitments_in(
    seg: SegmentedLetter, records: LetterRecords, lexicon=None, spokesmen: Spokesmen | None = None
) -> tuple[list[Commitment], list[Observation]]:
    """The commitments and observations of a letter whose letter record and meetings
    ``records`` holds (read, not changed)."""
    rules = _Rules(seg, records, lexicons(lexicon), spokesmen)
    rules.run()
    return rules.commitments, rules.observations


__all__ = ["commitments_in", "extract_commitments"]
