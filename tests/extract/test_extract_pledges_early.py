"""Pledges in the wordings of older letters (tasks given, readiness, stated
undertakings), on sentences of our own plus the letter cases they were written for."""

from __future__ import annotations

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
