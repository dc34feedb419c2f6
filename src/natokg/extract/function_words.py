"""The Dutch function words the extraction rules read: prepositions, articles,
coordinators, auxiliaries, pronouns, negations and clause openers. Grammar, not domain
knowledge (which lives in ontology/*.ttl); and the two actors every letter knows."""

from __future__ import annotations

import re

from natokg.records import ActorRef

PREPOSITIONS = frozenset(
    "aan van voor met tot in bij op over tegen naar uit tussen onder zoals door binnen "
    "tijdens dan als namens jegens richting vanuit sinds na om volgens naast behalve zonder ondanks dankzij".split()
)
ARTICLES = frozenset("de het een 't ons onze hun".split())
COORDINATORS = frozenset(["en", "alsook", ","])
PUNCTUATION = frozenset(list(",;:()."))  # tokens that end a phrase
PASSIVE_AUXILIARIES = frozenset(["wordt", "worden", "werd", "werden"])
PERFECT_AUXILIARIES = frozenset(["heb", "heeft", "hebben", "had", "hadden"])
# a past participle: "toegezegd", "veroordeeld" (weak, "-d" after an unstressed prefix); "opgeroepen", "gegeven" (strong: a
# separable particle or nothing before "ge", a stem of two letters or more; not "geven",
# "bondgenoten")
PARTICIPLE = re.compile(
    r"^(?:\w*ge\w+[dt]|(?:be|ver|ont|her|er)\w+d|(?:op|aan|af|in|uit|toe|voor|na|mee|over|door|bij|om|terug|vast|weg)?ge\w{2,}en)$"
)
# finite auxiliaries before a participle ("... en heeft de bondgenoten opgeroepen")
FUTURE_AUXILIARIES = frozenset(["zal", "zullen"])
FINITE_AUXILIARIES = PERFECT_AUXILIARIES | FUTURE_AUXILIARIES | frozenset(["is", "zijn", "was", "waren"])
SUBJECT_PRONOUNS = frozenset(["zij", "ze", "hij", "wij", "we"])
NEGATIONS = frozenset(["niet", "geen", "nooit", "geenszins", "niets"])
RELATIVE_PRONOUNS = frozenset(["dat", "die", "welke", "waar"])
# a relative clause opens with a relative pronoun or a pronominal adverb ("waarin", "waarmee")
RELATIVE_OPENERS = RELATIVE_PRONOUNS | {
    "waar" + p for p in ("aan", "bij", "door", "in", "mee", "naar", "om", "op", "over", "tegen", "toe", "uit", "van", "voor")
}
# "..., terwijl Frankrijk ...", "..., hoewel ...": a comma and one of these begin another clause
NEXT_CLAUSE = frozenset("terwijl maar omdat aangezien zodat want doordat hoewel doch".split())
# the relative pronouns that stand for actors (de-words and plurals: "landen die")
ACTOR_RELATIVE_PRONOUNS = frozenset(["die", "welke"])
NETHERLANDS = ActorRef("state", "nl")  # the government whose letters these are
ALLIES = ActorRef("group", "allies")  # the delegations of a NATO meeting as one body
NATO = ActorRef("organisation", "nato")
# "waaronder" joins co-actors only right after the subject (see coordinated()).
# "onder wie" ("Enkele bondgenoten, onder wie Zweden en Noorwegen, ...") says the same.
MEMBER_MARKERS = (("waaronder",), ("onder", "wie"))


def member_marker(tokens, k: int) -> int:
    """The length of the marker of a group's members ("waaronder", "onder wie") at ``k``; 0 if none."""
    for marker in MEMBER_MARKERS:
        if tuple(t.norm for t in tokens[k : k + len(marker)]) == marker:
            return len(marker)
    return 0


CO_ACTOR_MARKERS = (("samen", "met"), ("evenals",), ("net", "als"), ("alsook",))
# the persons of a finite auxiliary in one tense: a form written with one stands for the
# others ("hebben er ... op aangedrongen": "Ik heb er ... op aangedrongen")
AUXILIARY_PERSONS = (("heb", "heeft", "hebben"),)
# the modal of a wish: what the allies would agree ("willen vastleggen dat ...") is asked for, not agreed
WISH_AUXILIARIES = frozenset("wil willen wilde wilden".split())
# the conditional of a proposal or a forecast ("bondgenoten zouden toegroeien naar 3,5%")
CONDITIONAL_AUXILIARIES = frozenset(["zou", "zouden"])
# the modal verbs of what is demanded ("dat de bondgenoten ... moeten blijven steunen")
DEONTIC_AUXILIARIES = frozenset("moet moeten dient dienen".split())
# the modal verbs of ability and will ("kon ... niet steunen", "wil ... niet langer steunen")
MODAL_AUXILIARIES = frozenset("kan kunnen kon konden".split()) | WISH_AUXILIARIES

__all__ = [
    "AUXILIARY_PERSONS",
    "CONDITIONAL_AUXILIARIES",
    "MODAL_AUXILIARIES",
    "PREPOSITIONS",
    "ARTICLES",
    "COORDINATORS",
    "PASSIVE_AUXILIARIES",
    "PERFECT_AUXILIARIES",
    "FINITE_AUXILIARIES",
    "FUTURE_AUXILIARIES",
    "SUBJECT_PRONOUNS",
    "NEGATIONS",
    "RELATIVE_PRONOUNS",
    "RELATIVE_OPENERS",
    "NEXT_CLAUSE",
    "ACTOR_RELATIVE_PRONOUNS",
    "NETHERLANDS",
    "ALLIES",
    "NATO",
    "CO_ACTOR_MARKERS",
    "WISH_AUXILIARIES",
    "MEMBER_MARKERS",
    "member_marker",
]
