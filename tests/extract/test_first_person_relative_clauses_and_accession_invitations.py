"""A stance form written with one person of "hebben" found in the others ("Ik heb er
... op aangedrongen" as "hebben er ... op aangedrongen"); a relative clause without a
subject of its own said of the name before it ("Rusland, dat zich ... verzet"); agreeing
("zijn het erover eens") and objecting to what was just said ("hebben zich daartegen
uitgesproken"); and an invitation to accession talks, which is no taking part in a
meeting (natokg.extract.phrases, position_actors, actors)."""

from __future__ import annotations

import pytest

from natokg.extract.phrases import in_all_persons, phrase_of
from support.letter_records import defence_report, extract_text


def positions(tmp_path, body: str) -> set[tuple[str, str, str]]:
    _, found = extract_text(tmp_path, defence_report(body))
    return {(p.actor.key, p.stance, p.topic) for p in found.positions}


def participants(tmp_path, body: str) -> set[str]:
    _, found = extract_text(tmp_path, defence_report(body))
    return {p.actor.key for p in found.participations}


def test_a_form_with_a_person_of_hebben_stands_for_the_others():
    given = [phrase_of("hebben er ... op aangedrongen", "call-for"), phrase_of("steunt", "support")]
    found = in_all_persons(given)
    assert found[:2] == given
    added = {p.segments: p for p in found[2:]}
    assert set(added) == {(("heb", "er"), ("op", "aangedrongen")), (("heeft", "er"), ("op", "aangedrongen"))}
    # the same form, for the rules that read a form's words (cue:reporting-stance ...)
    assert {p.form for p in added.values()} == {"hebben er ... op aangedrongen"}


def test_a_person_written_already_is_not_added_twice():
    given = [phrase_of("heeft ... gesteund", "support"), phrase_of("heb ... gesteund", "support")]
    assert sorted(p.segments for p in in_all_persons(given)) == sorted(
        [(("heeft",), ("gesteund",)), (("heb",), ("gesteund",)), (("hebben",), ("gesteund",))]
    )


@pytest.mark.parametrize(
    "body, expected",
    [
        # the letter's sentence: the first person, the subject after the auxiliary
        ("Tevens heb ik er bij de bondgenoten op aangedrongen de resterende tekorten aan helikopters in "
         "Afghanistan snel aan te vullen.", ("nl", "call-for", "capabilities")),
        ("Ik heb er bij de bondgenoten op aangedrongen de missie in Afghanistan voort te zetten.",
         ("nl", "call-for", "afghanistan")),
        # "zal zich er ... voor inzetten": the adverb split around a word
        ("Nederland zal zich er voorts voor inzetten dat de missie in Afghanistan wordt voortgezet.",
         ("nl", "intend", "afghanistan")),
        ("De bondgenoten zijn het erover eens dat de missie in Afghanistan moet worden voortgezet.",
         ("allies", "support", "afghanistan")),
        # the letter's sentence and one of our own: the relative clause's verb is said of the name
        ("Rusland, dat zich fel tegen een MAP voor Georgië verzet, dreigt met tegenmaatregelen.",
         ("ru", "oppose", "nato-enlargement")),
        ("Duitsland, dat de missie in Afghanistan steunt, stuurt troepen.", ("de", "support", "afghanistan")),
        # objecting to what the sentence before named
        ("De Verenigde Staten willen Georgië en Oekraïne in Boekarest een MAP aanbieden. Duitsland en Frankrijk "
         "hebben zich daartegen uitgesproken.", ("fr", "oppose", "nato-enlargement")),
    ],
)
def test_stance_forms_in_the_first_person_relative_clauses_and_agreement(tmp_path, body, expected):
    assert expected in positions(tmp_path, body)


def test_a_relative_clause_with_a_subject_of_its_own_is_not_said_of_the_name(tmp_path):
    body = "Hongarije, dat Nederland de missie in Afghanistan steunt, is bekend."
    assert ("hu", "support", "afghanistan") not in positions(tmp_path, body)


@pytest.mark.parametrize(
    "body",
    [
        # the letter's sentence: invited to accession talks, not to a meeting
        "Albanië, Kroatië en Macedonië hopen in Boekarest een uitnodiging voor toetredingsbesprekingen te ontvangen.",
        "Montenegro werd uitgenodigd tot toetreding tot het bondgenootschap.",
    ],
)
def test_an_invitation_to_join_is_no_taking_part(tmp_path, body):
    assert not participants(tmp_path, body) & {"al", "hr", "mk", "me"}


def test_an_invitation_to_a_meeting_is_still_taking_part(tmp_path):
    body = "Voor het werkdiner zijn ook Zweden en Finland uitgenodigd voor de bijeenkomst van de ministers."
    assert {"se", "fi"} <= participants(tmp_path, body)


def test_a_relative_clause_after_a_preposition_describes_the_name(tmp_path):
    # the letter's sentence: what China does is described, not a position it takes
    body = ("Verschillende bondgenoten wezen ook op de rol van China, dat de Russische oorlogsindustrie met goederen "
            "voor tweeërlei gebruik ondersteunt.")
    assert not {p for p in positions(tmp_path, body) if p[0] == "cn"}


def pledges(tmp_path, body: str) -> set[tuple]:
    _, found = extract_text(tmp_path, defence_report(body, written="20 juni 2022"))
    return {(c.actor.key, c.kind, c.target_year) for c in found.commitments}


@pytest.mark.parametrize(
    "body, expected",
    [
        # the letter's sentence: the subject is a state's unit, not the state
        ("De Nederlandse Patriot-eenheid blijft tot het einde van dit jaar in Slowakije gestationeerd.",
         ("nl", "capability-pledge", 2022)),
        ("De Duitse F-16's blijven tot eind 2023 in Polen gestationeerd.", ("de", "capability-pledge", 2023)),
    ],
)
def test_a_subject_that_is_a_states_forces_pledges_for_that_state(tmp_path, body, expected):
    assert expected in pledges(tmp_path, body)
