"""The amount rules of the commitments stage (natokg.extract.commitments): every amount
a sentence names is governed by its nearest cue, which makes it a commitment (an
agreement, an intent, a contribution, an announcement), an observation of a realised
figure, or nothing; parts of a whole ("waarvan 3,5% ... en 1,5% ...") and references to
an agreement already found ("onder de 1,5%-afspraken") join what they name.

``AmountRules`` is a mixin of the commitments stage's rules: it uses their helpers
(``info``, ``role``, ``subject``, ``add``, ``target_year`` ...) and state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from natokg.extract.amounts import Amount
from natokg.extract.commitment_forms import (
    PART_MARKERS,
    counts_who_reach,
    is_part_of,
    meeting_of_city,
    negated,
    part_end,
    part_start,
    proposed,
    refused,
    relative_asides,
)
from natokg.extract.function_words import ARTICLES, FUTURE_AUXILIARIES, NEGATIONS
from natokg.extract.percent_shares import percent_unit
from natokg.extract.pledge_requests import called_for
from natokg.extract.actor_mentions import ActorMention
from natokg.extract.phrases import Match, Token
from natokg.extract.pledge_subjects import unnamed_giver
from natokg.folding import fold
from natokg.knowledge.cues import cue_word_set
from natokg.records import Commitment, Observation, Sentence

AMOUNT_ROLES = ("agreement", "intent", "contribution", "announcement", "realised")


@dataclass
class PreparedSentence:
    """One sentence prepared for the commitments stage's rules."""

    sentence: Sentence
    tokens: list[Token]
    mentions: list[ActorMention]
    cues: list[Match]
    amounts: list[tuple[Amount, int, int]]  # amount and its first/last token index
    topics: list[Match]
    stances: list[Match]  # the stance forms: what a call asks is not pledged


_Sentence = PreparedSentence


class AmountRules:
    """Commitments and observations from the amounts of a sentence."""

    def governs_amounts(self, cue: Match) -> bool:
        """An amount cue, or contributing to something ("zal in 2021 nog eens één miljoen
        euro bijdragen": a cue with nkg:carriesAmount)."""
        info = self.info(cue)
        return info is not None and (info.role in AMOUNT_ROLES or info.carries_amount)

    def governing_cue(self, s: _Sentence, first: int, last: int) -> Match | None:
        best, best_distance = None, None
        outside = [c for c in s.cues if self.governs_amounts(c) and not (first <= c.first and c.last <= last)]
        asides = relative_asides(s.tokens)
        subjects = {m.first for m in s.mentions if m.prep is None}
        for cue in s.cues:
            if not self.governs_amounts(cue) or (outside and cue not in outside):
                continue  # "Nederland haalt de 2%-norm": the verb governs, not the noun inside the amount
            if any(a <= cue.first <= b and not a <= first <= b for a, b in asides):
                continue  # "het fonds van 500 miljoen euro, waaraan Nederland bijdraagt, ...": not its amount
            if cue.first > last + 1 and fold(cue.phrase.form) in self.norm_words:
                continue  # "besteedt 1,45% van het bbp ... en blijft onder deze norm": the norm is another
            if cue.first > last + 1 and any(
                s.tokens[k].norm in (";", ",", "en", "maar")
                and (k + 1 in subjects or (s.tokens[k + 1].norm == "dat" and k + 2 in subjects))
                for k in range(last + 1, cue.first)
            ):
                continue  # "... 1,95% van het bbp aan defensie te besteden, en Estland heeft aangekondigd ...": another's clause
            if cue.first <= first and cue.last >= last:
                distance = 0
            else:
                distance = min(abs(cue.last - first), abs(cue.first - last))
                if any(cue.first < k < cue.last for k in range(first, last + 1)):
                    distance = 0  # the amount sits in the cue's gap
            if best_distance is None or distance < best_distance:
                best, best_distance = cue, distance
        if best is not None and self.role(best) == "intent":
            # "Het is afgesproken dat bondgenoten ... streven naar 2%": the agreement governs,
            # unless an intent takes it on ("Het kabinet blijft zich committeren aan de
            # afspraak van Wales om ... toe te groeien naar 2%": the cabinet's own target)
            leading = [c for c in outside if self.role(c) == "agreement" and c.last < best.first]
            if leading:
                taking_on = [c for c in outside if self.role(c) == "intent" and c.last < leading[-1].first]
                return taking_on[-1] if taking_on else leading[-1]
        if best is not None and self.role(best) == "agreement" and best.last < first:
            # "is afgesproken dat Nederland daarnaast € 2,5 miljoen ... bijdraagt": the "dat"
            # clause with a subject of its own pledges with its own verb at its end
            own = self.own_clause_verb(s, best, first, last, outside)
            if own is not None:
                return own
        if best is not None and self.role(best) == "agreement" and fold(best.phrase.form) in self.norm_words:
            # "Nederland haalt de norm van 2%": the verb before the norm governs it
            verbs = [c for c in outside if self.role(c) == "intent" and c.last < best.first]
            if verbs:
                return verbs[-1]
            final = self.verb_last(s, best, last, outside)
            if final is not None:
                return final
        return best

    def own_clause_verb(self, s: _Sentence, agreement: Match, first: int, last: int, outside: list[Match]) -> Match | None:
        """The contribution verb after an amount in a "dat" clause after ``agreement``
        whose subject stands between "dat" and the amount; None if there is none."""
        that = next((k for k in range(agreement.first, first) if s.tokens[k].norm == "dat"), None)
        if that is None or not any(that < m.first < first and m.prep is None for m in s.mentions):
            return None
        for cue in outside:
            if cue.first > last and self.role(cue) == "contribution":
                between = range(last + 1, cue.first)
                return None if any(s.tokens[k].norm in (",", ";", ":") for k in between) else cue
        return None

    def verb_last(self, s: _Sentence, norm: Match, last: int, outside: list[Match]) -> Match | None:
        """Subordinate word order: "dat Nederland de norm van 3,5% zal halen", the subject
        right after "dat", the norm, then "zal ... halen" in the same clause: the future verb governs the
        norm. Not "vindt dat Canada de norm moet halen", "verwacht dat Nederland de norm haalt"
        or "of Nederland de norm zal halen": an opinion, an expectation, a doubt
        (cue:belief-before-that, in the three words before "dat")."""
        subject = next((m for m in s.mentions if m.prep is None and m.last < norm.first
                        and all(t.norm in ARTICLES for t in s.tokens[m.last + 1 : norm.first])), None)
        if subject is None or subject.first == 0 or s.tokens[subject.first - 1].norm != "dat":
            return None
        beliefs = cue_word_set("belief-before-that")
        if any(fold(t.norm) in beliefs for t in s.tokens[max(0, subject.first - 4) : subject.first - 1]):
            return None  # "Het kabinet verwacht dat Nederland de norm ... zal halen"
        for cue in outside:
            if cue.first <= last or self.role(cue) != "intent":
                continue
            if any(t.norm in (",", ";", ":") for t in s.tokens[last + 1 : cue.first]):
                return None
            return cue if s.tokens[cue.first].norm in FUTURE_AUXILIARIES else None
        return None

    def amounts_rule(self, s: _Sentence) -> set[int]:
        """Commitments and observations with an amount; returns the cue indices used."""
        used: set[int] = set()
        explicit_gdp = any(t.norm in self.gdp_words for t in s.tokens)
        # a compound counts by its last part: "defensieuitgaven"
        gdp_sentence = explicit_gdp or any(t.norm.endswith(n) for t in s.tokens for n in self.spending_nouns)
        whole: Commitment | None = None
        for amount, first, last in s.amounts:
            unit = percent_unit(s.sentence.text, amount, gdp_sentence) if amount.unit == "percent" else amount.unit
            if unit is None:
                continue  # "40% van hun landstrijdkrachten": neither money nor GDP
            cue = self.governing_cue(s, first, last)
            if counts_who_reach(s.tokens, s.cues, first):
                continue  # "Naar verwachting halen dit jaar elf bondgenoten de 2%-norm"
            if unit == "percent-gdp" and (cue is None or self.role(cue) != "realised"):
                self.last_norm = amount  # a norm, not a figure reached
            if cue is None:
                if whole is not None and is_part_of(s.tokens, whole, amount, unit, first):
                    # ", waar de bondgenoten afspraken ... 5% ..., waarvan ten minste 3,5% ...": the
                    # whole's cue stands in an aside the part is not in; the part is the whole's
                    self.add_part(s, whole, amount, unit, first, last)
                continue
            role = self.role(cue)
            info = self.info(cue)
            if role == "realised":
                self.observe(s, amount, unit, first, last, explicit_gdp)
                continue
            if unit == "percent":
                continue
            used.add(s.cues.index(cue))
            if negated(s.tokens, cue) or (role == "agreement" and refused(s.tokens, cue)):
                continue  # "Nederland zal de 2%-norm niet in 2024 halen", "zich niet aan een norm ... te willen binden"
            if proposed(s.tokens, first):
                continue  # "een voorstel ...: bondgenoten zouden toegroeien naar 3,5%": proposed, not pledged
            if role in ("contribution", "agreement", "intent", "pledge") and called_for(s.tokens, s.stances, cue):
                continue  # "pleit voor een verhoging ... met EUR 5 miljard", "pleiten voor een norm van 2,5%": asked
            is_part = whole is not None and any(t.norm in PART_MARKERS for t in s.tokens[: first])
            if is_part and whole is not None and not is_part_of(s.tokens, whole, amount, unit, first):
                continue  # "2% van het bbp, en daarvan 20%": a share of the whole, not of GDP
            if role == "agreement":
                actors = self.agent(s, cue.first, len(s.tokens)) or ([self.default_actor(info, s, cue)] if info.default_actor else [])
                status = "agreed"
            else:
                owner = self.share_owner(s, first)
                actors = [owner] if owner else self.subject(s, cue) or unnamed_giver(s.tokens, s.mentions, cue, self.lex.lexicon) or self.context_actor(s)
                status = self.status(info, s, cue)
            if not actors:
                continue
            own_budget = any(tok.norm in self.budget_nouns for tok in s.tokens)
            kind = "spending-target" if amount.is_percent or own_budget else "financial-contribution"
            if is_part and whole is not None:
                self.add_part(s, whole, amount, unit, first, last)
                continue
            year = self.target_year(s, None if amount.is_percent else (first, last), cue.first)
            made_at = (meeting_of_city(s.tokens, self.lex, self.records.meetings, self.main_ref, cue.first)
                       if role == "agreement" else self.made_at(s, status))
            beneficiary = None if amount.is_percent else self.beneficiary(s, last + 1)
            lo = min(cue.first, first)
            for actor in actors:
                commitment = self.add(
                    Commitment(actor, kind, status, [self.evidence(s, lo, max(last, cue.last))], amount.value, unit,
                               year, beneficiary, made_at)
                )
                if whole is None or not is_part:
                    whole = commitment
                self.previous_actor = actor
        return used

    def add_part(self, s: _Sentence, whole: Commitment, amount: Amount, unit: str, first: int, last: int) -> None:
        """A part of ``whole``: its actor, kind, status, year, beneficiary and meeting."""
        evidence = self.evidence(s, part_start(s.tokens, first), part_end(s.tokens, {a for _, a, _ in s.amounts}, last))
        self.add(Commitment(whole.actor, whole.kind, whole.status, [evidence], amount.value, unit, whole.target_year,
                            whole.beneficiary, whole.made_at, whole))

    def norm_reference(self, s: _Sentence) -> set[int]:
        """"Canada zal de norm in 2032 halen", "Nederland zal aan deze norm voldoen": the
        share of GDP named last in the letter, aimed at by the clause's subject."""
        used: set[int] = set()
        if self.last_norm is None or not s.cues:
            return used  # nothing to refer to, or no verb to aim at it: skip the token scan
        norm = next((k for k, t in enumerate(s.tokens) if t.norm in self.norm_words), None)
        if norm is None:
            return used
        for index, cue in enumerate(s.cues):
            if self.role(cue) != "intent" or not (cue.first <= norm <= cue.last or 0 < cue.first - norm <= 4):
                continue  # the norm is the object of the verb: "de norm in 2032 zal halen"
            if any(t.norm in NEGATIONS for t in s.tokens[min(norm, cue.first) : cue.last + 1]):
                continue  # "zullen de norm nog niet halen"
            for actor in self.subject(s, cue):
                self.add(Commitment(actor, "spending-target", self.status(self.info(cue)), [self.evidence(s, norm, cue.last)],
                                    self.last_norm.value, "percent-gdp", self.target_year(s)))
                used.add(index)
        return used

    def observe(self, s: _Sentence, amount: Amount, unit: str, first: int, last: int, explicit_gdp: bool) -> None:
        """A realised figure: an observation of the sentence's first actor."""
        if amount.unit == "percent" and unit != "percent-defence-spending" and not explicit_gdp:
            return  # a growth rate, not a share of GDP
        actor = [m.actor for m in s.mentions] or ([self.previous_actor] if self.previous_actor else [])
        if actor:
            if unit == "percent":
                unit = "percent-gdp"
            year = next((int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", s.sentence.text)), None)
            self.observations.append(Observation(actor[0], [self.evidence(s, first, last)], amount.value, unit, year))


__all__ = ["AMOUNT_ROLES", "AmountRules", "PreparedSentence"]
