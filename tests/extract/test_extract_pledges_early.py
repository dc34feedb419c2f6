"""Pledges in the wordings of older letters (tasks given, readiness, stated
undertakings), on sentences of our own plus the letter cases they were written for."""

from __future__ import annotations

import pytest

from test_extract_pledges import pledges

from support.letter_records import records


def facts(name: str) -> set[tuple]:
    return {(c.actor.key, c.kind, c.target_year) for c in records(name).commitments}


def test_a_task_given_by_the_ministers_is_a_policy_pledge_of_the_allies(tmp_path):
    found = pledges(tmp_path, "De ministers gaven de militaire staf opdracht een plan voor de luchtverdediging op te stellen.")
    assert found == {("allies", "policy-pledge", None, None, None)}


def test_letter_tasks_given_are_policy_pledges():
    assert ("allies", "policy-pledge", None) in facts("dev_2009_summit_report_straatsburg-kehl.txt")
    assert ("allies", "policy-pledge", None) in facts("dev_2014_fmm_report_brussel-april.txt")


def test_readiness_of_a_state_is_its_pledge(tmp_path):
    found = pledges(tmp_path, "Polen toonde zich bereid een bataljon naar Litouwen te sturen.")
    assert found == {("pl", "capability-pledge", None, None, None)}


def test_a_stated_undertaking_commits_its_subject(tmp_path):
    found = pledges(tmp_path, "Canada liet weten zijn troepenmacht in Letland te zullen versterken.")
    assert found == {("ca", "capability-pledge", None, None, None)}


def test_letter_readiness_and_stated_undertakings():
    assert ("nl", "capability-pledge", None) in facts("dev_2002_summit_agenda_praag.txt")
    assert {("de", "capability-pledge", None), ("it", "capability-pledge", None)} <= facts("dev_2013_dmm_report_brussel-juni.txt")
    assert ("us", "capability-pledge", 2009) in facts("dev_2008_fmm_report_brussel-december.txt")


def test_a_launch_in_the_passive_is_the_allies_unless_the_thing_is_an_organisations(tmp_path):
    found = pledges(tmp_path, "Op de top wordt een initiatief voor maritieme veiligheid gelanceerd.", "agenda")
    assert {actor for actor, *_ in found} == {"allies"}
    found = pledges(tmp_path, "Op de top wordt een nieuw NAVO-centrum voor cyberverdediging gelanceerd.", "agenda")
    assert {actor for actor, *_ in found} == {"nato"}


def test_a_joint_plan_is_not_the_organisations_own(tmp_path):
    found = pledges(tmp_path, "Op de top wordt een NAVO-Georgië Actieplan gelanceerd.", "agenda")
    assert "nato" not in {actor for actor, *_ in found}


def test_letter_launches_in_the_passive():
    wales = [c for c in records("dev_2014_summit_agenda_wales.txt").commitments if "gelanceerd" in c.evidence[0].quote]
    assert len(wales) == 2 and {c.actor.key for c in wales} == {"allies"}
    assert ("nato", "capability-pledge", None) in facts("dev_2018_summit_agenda_brussel-nota.txt")


def test_keeping_reserve_troops_available_is_a_capability_pledge(tmp_path):
    found = pledges(tmp_path, "De ministers kwamen overeen dat de reservetroepen voor de missie in Irak beschikbaar blijven.")
    assert found == {("allies", "capability-pledge", None, None, None)}


def test_letter_reserve_troops_for_kfor():
    assert ("allies", "capability-pledge", None) in facts("dev_2007_dmm_report_noordwijk.txt")


def test_signing_a_declaration_of_intent_commits_each_signatory(tmp_path):
    found = pledges(tmp_path, "Na afloop ondertekenden België en Luxemburg een intentieverklaring over een gezamenlijk luchtruimbewakingscentrum.")
    assert {actor for actor, *_ in found} == {"be", "lu"}


def test_signing_an_accession_protocol_is_no_pledge(tmp_path):
    assert pledges(tmp_path, "Na afloop ondertekenden de bondgenoten het toetredingsprotocol van Zweden.") == set()


def test_letter_declaration_of_intent_on_a_gendarmerie_force():
    signatories = {c.actor.key for c in records("dev_2004_other_report_noordwijk-eu.txt").commitments
                   if "intentieverklaring" in c.evidence[0].quote}
    assert signatories == {"fr", "it", "nl", "pt", "es"}


def test_an_expected_decision_in_the_present_tense_is_a_pledge(tmp_path):
    found = pledges(tmp_path, "Naar verwachting besluiten de ministers een nieuw logistiek commando op te richten.", "agenda")
    assert {actor for actor, *_ in found} == {"allies"}


def test_letter_expected_decision_on_missile_defence():
    assert ("allies", "capability-pledge", None) in facts("dev_2010_summit_agenda_lissabon.txt")


def test_the_date_of_the_meeting_that_will_adopt_it_gives_the_target_year(tmp_path):
    found = pledges(tmp_path, "De bondgenoten zullen op 14 en 15 juni 2027 een nieuw actieplan aannemen.", "agenda")
    assert found == {("allies", "policy-pledge", None, None, 2027)}


def test_letter_declaration_adopted_at_the_jubilee_summit():
    assert ("allies", "policy-pledge", 2009) in facts("dev_2008_fmm_agenda_brussel-razeb.txt")


def test_a_number_with_a_thousands_dot_stays_in_the_promise(tmp_path):
    # "5.000" was three tokens, and the "." between them ended the gap of "zegden ... toe"
    found = pledges(tmp_path, "Daarnaast zegde Polen ruim 1.200 extra militairen toe.")
    assert found == {("pl", "capability-pledge", None, None, None)}


def test_pledges_made_commit_their_subject_with_or_without_an_amount(tmp_path):
    assert pledges(tmp_path, "Noorwegen en Denemarken deden toezeggingen voor het fonds voor Oekraïne.") == {
        ("dk", "financial-contribution", None, None, None), ("no", "financial-contribution", None, None, None),
    }
    assert pledges(tmp_path, "Enkele bondgenoten deden toezeggingen voor het trustfonds, in totaal 40 miljoen euro.") == {
        ("several-allies", "financial-contribution", 40_000_000, "eur", None),
    }
    assert pledges(tmp_path, "De bondgenoten deden de toezegging om 2% van het bbp aan defensie te besteden.") == {
        ("allies", "spending-target", 2, "percent-gdp", None),
    }


def test_ending_a_mission_is_a_policy_pledge(tmp_path):
    found = pledges(tmp_path, "De ministers besloten de trainingsmissie in Irak af te bouwen.")
    assert found == {("allies", "policy-pledge", None, None, None)}
    found = pledges(tmp_path, "De ministers besloten de trainingsmissie in Irak met twee bataljons te versterken.")
    assert found == {("allies", "capability-pledge", None, None, None)}


def test_a_relative_clause_or_what_follows_a_colon_is_not_the_pledged_object(tmp_path):
    found = pledges(tmp_path, "De bondgenoten besloten de dialoog met landen, die troepen leveren aan de missie, te verdiepen.")
    assert found == {("allies", "policy-pledge", None, None, None)}
    found = pledges(tmp_path, "De ministers namen een actieplan aan: wendbare strijdkrachten en meer fregatten.")
    assert found == {("allies", "policy-pledge", None, None, None)}


def test_armed_forces_make_a_capability_pledge(tmp_path):
    found = pledges(tmp_path, "De bondgenoten spraken af dat hun strijdkrachten sneller inzetbaar worden.")
    assert found == {("allies", "capability-pledge", None, None, None)}


def test_letter_pledges_with_thousands_subjects_endings_relatives_and_forces():
    strasbourg = facts("dev_2009_summit_report_straatsburg-kehl.txt")
    # "Daarnaast zegden bondgenoten circa 5.000 extra militairen toe"
    assert ("allies", "capability-pledge", None) in strasbourg
    # "Diverse bondgenoten deden tevens toezeggingen voor het trustfonds ..., in totaal ruim 100 miljoen euro."
    assert ("several-allies", "financial-contribution", None) in strasbourg
    istanbul = facts("dev_2004_summit_report_istanboel.txt")
    # "De bondgenoten besloten de SFOR-missie in Bosnië-Herzegovina eind 2004 af te ronden."
    assert ("allies", "policy-pledge", 2004) in istanbul and ("allies", "capability-pledge", 2004) not in istanbul
    # "De bondgenoten, waaronder Nederland, spraken af dat ten minste 40% van hun landstrijdkrachten inzetbaar moet zijn"
    assert {("allies", "capability-pledge", None), ("nl", "capability-pledge", None)} <= istanbul
    # "besloten de praktische samenwerking met landen als Australië, ..., die een belangrijke bijdrage leveren aan NAVO-operaties, te [versterken]"
    riga = [c for c in records("dev_2006_summit_report_riga.txt").commitments if "praktische samenwerking" in c.evidence[0].quote]
    assert [c.kind for c in riga] == ["policy-pledge"]
    # "namen een Defence Package aan met als doel NATO Forces 2020: moderne, verbonden strijdkrachten ..."
    chicago = [c for c in records("dev_2012_summit_report_chicago.txt").commitments if "Defence Package" in c.evidence[0].quote]
    assert [c.kind for c in chicago] == ["policy-pledge"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a negation or another clause in the gap: no pledge
        ("De bondgenoten deden geen nieuwe toezeggingen.", set()),
        ("Nederland deed een beroep op de bondgenoten om toezeggingen na te komen.", set()),
        ("De ministers besloten geen troepen naar Irak te sturen.", set()),
        # "niet alleen ..., maar ook" adds, it does not negate
        ("Nederland zegde niet alleen twee fregatten toe, maar ook geld.", {("nl", "capability-pledge", None, None, None)}),
        # a colon right after the cue introduces what is pledged; ", dat" after the cue is its complement
        ("De bondgenoten zegden toe: drie fregatten en twee onderzeeboten.", {("allies", "capability-pledge", None, None, None)}),
        ("De bondgenoten spraken af, dat zij meer militairen sturen.", {("allies", "capability-pledge", None, None, None)}),
        # an ending verb in another clause does not make the pledge a policy pledge
        ("De ministers besloten extra militairen te sturen om de missie af te ronden.",
         {("allies", "capability-pledge", None, None, None)}),
    ],
)
def test_pledge_forms_that_do_not_read_across_clauses(tmp_path, sentence, expected):
    assert pledges(tmp_path, sentence) == expected
