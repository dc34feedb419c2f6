"""Pledge forms of natokg.extract.commitment_forms and the continued, declared and
promised undertakings of ontology/extraction-cues.ttl, on sentences of our own plus the
letter cases they were written for."""

from __future__ import annotations

from test_extract_pledges import own_commitments, pledges
from test_extract_pledges_early import facts

from support.letter_records import records


def test_a_promise_without_amount_pledges_what_it_names(tmp_path):
    found = pledges(tmp_path, "De bondgenoten zegden toe hun politieke steun aan de hervormingen in Moldavië te versterken.")
    assert found == {("allies", "policy-pledge", None, None, None)}


def test_promised_troops_without_amount_are_a_capability_pledge(tmp_path):
    found = pledges(tmp_path, "Enkele bondgenoten hebben al extra militairen voor de missie in Irak toegezegd.")
    assert {kind for _, kind, *_ in found} == {"capability-pledge"}


def test_continued_support_commits_the_subject(tmp_path):
    found = pledges(tmp_path, "De bondgenoten bevestigden dat zij de opbouw van de Moldavische marine blijven ondersteunen.")
    assert found == {("allies", "policy-pledge", None, None, None)}


def test_extending_funding_is_a_financial_pledge_with_its_year(tmp_path):
    found = pledges(tmp_path, "De bondgenoten zullen de financiering van het trustfonds voor Irak verlengen tot en met 2027.", "agenda")
    assert found == {("allies", "financial-contribution", None, None, 2027)}


def test_coordinated_clauses_after_a_comma_are_two_pledges(tmp_path):
    body = "De bondgenoten kwamen overeen de cyberverdediging te versterken, en namen zij een nieuw actieplan voor de Noordpool aan."
    commitments = own_commitments(tmp_path, body, main_meeting=False)
    quotes = sorted(e.quote for c in commitments if c.actor.key == "allies" for e in c.evidence)
    assert len(quotes) == 2 and quotes[0].startswith("kwamen") and quotes[1].startswith("namen")


def test_a_pronoun_after_the_pledge_verb_refers_back(tmp_path):
    body = "De bondgenoten verwelkomden het rapport. Daarnaast zetten zij zich in voor veilige onderzeese kabels."
    assert pledges(tmp_path, body) == {("allies", "policy-pledge", None, None, None)}


def test_letter_promises_continuations_and_coordinated_pledges():
    assert ("allies", "policy-pledge", None) in facts("dev_2020_fmm_report_videoconferentie.txt")
    assert ("allies", "financial-contribution", 2024) in facts("dev_2018_summit_agenda_brussel-nota.txt")
    quotes = [e.quote for c in records("dev_2019_summit_report_londen-watford.txt").commitments for e in c.evidence]
    assert any("zetten zij zich in voor" in q for q in quotes) and any("nemen zij" in q for q in quotes)


def test_a_person_commits_for_the_state_of_the_post():
    actors = {c.actor.key for c in records("dev_2008_summit_report_boekarest.txt").commitments}
    assert "fr" in actors and not any(key.startswith("nicolas") for key in actors)


def test_the_coalition_agreement_commits_the_netherlands(tmp_path):
    body = "Het coalitieakkoord voorziet in een structurele verhoging van de defensiebegroting, oplopend tot 2 miljard euro per jaar."
    assert pledges(tmp_path, body, "agenda") == {("nl", "spending-target", 2000000000, "eur", None)}


def test_a_rise_without_the_coalition_agreement_is_a_forecast(tmp_path):
    body = "Canada heeft zijn uitgaven verhoogd en dit bedrag loopt naar verwachting verder op, oplopend tot 90 miljard euro."
    assert pledges(tmp_path, body) == set()


def test_letter_coalition_agreement_plans():
    found = {(c.actor.key, c.kind, c.amount) for c in records("dev_2017_dmm_report_brussel-november.txt").commitments}
    assert ("nl", "spending-target", 1500000000) in found
    washington = records("dev_2024_summit_agenda_washington.txt").commitments
    assert ("nl", "policy-pledge", None) in {(c.actor.key, c.kind, c.amount) for c in washington}


def test_regression_a_forecast_rise_is_no_commitment():
    """"dat dit bedrag naar verwachting oploopt tot 400 miljard USD" is a forecast of the
    allies' spending, not a contribution NATO promises."""
    amounts = {c.amount for c in records("dev_2019_summit_report_londen-watford.txt").commitments}
    assert 400000000000 not in amounts


def test_an_announced_rise_of_spending_is_a_spending_target(tmp_path):
    found = pledges(tmp_path, "Enkele bondgenoten kondigden een aanzienlijke stijging van hun defensie-uitgaven aan.")
    assert {kind for _, kind, *_ in found} == {"spending-target"}


def test_an_announced_founding_is_a_policy_pledge(tmp_path):
    found = pledges(tmp_path, "De bondgenoten kondigden de oprichting aan van een centrum voor klimaat en veiligheid.")
    assert found == {("allies", "policy-pledge", None, None, None)}


def test_announced_contributions_without_funding_words_are_capability_pledges(tmp_path):
    found = pledges(tmp_path, "De bondgenoten kondigden nieuwe bijdragen aan, vooral op het gebied van helikopters.")
    assert found == {("allies", "capability-pledge", None, None, None)}


def test_announced_funding_stays_a_financial_contribution(tmp_path):
    found = pledges(tmp_path, "De bondgenoten kondigden extra financiering aan voor het trustfonds.")
    assert {kind for _, kind, *_ in found} == {"financial-contribution"}


def test_letter_announcements_by_what_they_name():
    assert ("many-allies", "spending-target", None) in facts("dev_2022_summit_report_madrid.txt")
    assert ("nato", "policy-pledge", None) in facts("dev_2023_dmm_report_brussel-udcg.txt")
    assert ("many-allies", "capability-pledge", None) in facts("dev_2017_dmm_report_brussel-november.txt")


def test_announced_support_for_a_state_is_a_financial_contribution(tmp_path):
    found = pledges(tmp_path, "Verschillende bondgenoten kondigden nieuwe steun voor Moldavië aan.")
    assert {kind for _, kind, *_ in found} == {"financial-contribution"}


def test_an_expected_approval_and_a_reaffirmation_are_policy_pledges(tmp_path):
    body = "De ministers zullen naar verwachting het nieuwe concept voor de luchtverdediging goedkeuren."
    assert pledges(tmp_path, body, "agenda") == {("allies", "policy-pledge", None, None, None)}
    assert pledges(tmp_path, "De bondgenoten herbevestigden dat Moldavië een gewaardeerde partner blijft.") == {
        ("allies", "policy-pledge", None, None, None)
    }


def test_contributing_through_common_funding_is_a_financial_pledge(tmp_path):
    found = pledges(tmp_path, "Alle bondgenoten dragen bij aan het nieuwe radarsysteem via gemeenschappelijke financiering.")
    assert found == {("allies", "financial-contribution", None, None, None)}


def test_letter_approvals_and_common_funding():
    assert ("allies", "policy-pledge", None) in facts("dev_2013_dmm_agenda_brussel.txt")
    assert ("allies", "financial-contribution", None) in facts("dev_2012_summit_report_chicago.txt")


def test_taking_part_in_an_operation_is_a_capability_pledge_but_not_in_a_meeting(tmp_path):
    found = pledges(tmp_path, "Noorwegen zal aan de nieuwe maritieme operatie in de Rode Zee deelnemen.", "agenda")
    assert found == {("no", "capability-pledge", None, None, None)}
    assert pledges(tmp_path, "Noorwegen zal aan de bijeenkomst van de Europese Politieke Gemeenschap deelnemen.", "agenda") == set()


def test_laying_down_that_is_a_decision_of_the_allies(tmp_path):
    found = pledges(tmp_path, "De ministers zullen vastleggen dat Moldavië een nauwer partnerschap krijgt.", "agenda")
    assert found == {("allies", "policy-pledge", None, None, None)}


def test_contributing_to_funding_is_a_financial_pledge(tmp_path):
    found = pledges(tmp_path, "Noorwegen heeft aangegeven bij te dragen aan de financiering van de Moldavische krijgsmacht.")
    assert found == {("no", "financial-contribution", None, None, None)}


def test_letter_participation_decisions_and_funding():
    assert ("nl", "capability-pledge", None) in facts("dev_2004_other_report_noordwijk-eu.txt")
    assert ("allies", "policy-pledge", None) in facts("dev_2008_summit_report_boekarest.txt")
    assert ("nl", "financial-contribution", None) in facts("dev_2012_summit_report_chicago.txt")


def test_two_pledges_without_a_topic_stay_two(tmp_path):
    body = ("De bondgenoten besloten een gezamenlijk opleidingscentrum op te richten. "
            "Ook besloten de bondgenoten een jaarlijkse gezamenlijke oefening te houden.")
    pledged = [c for c in own_commitments(tmp_path, body, main_meeting=False) if c.actor.key == "allies"]
    assert len(pledged) == 2 and all(len(c.evidence) == 1 for c in pledged)


def test_the_same_pledge_restated_stays_one(tmp_path):
    body = ("De bondgenoten besloten een gezamenlijk opleidingscentrum op te richten. "
            "Zoals gezegd besloten de bondgenoten een gezamenlijk opleidingscentrum op te richten.")
    (pledge,) = [c for c in own_commitments(tmp_path, body, main_meeting=False) if c.actor.key == "allies"]
    assert len(pledge.evidence) == 2


def test_two_pledges_without_a_topic_in_a_letter_stay_two():
    # "besloten een speciale vertegenwoordiger ... aan te stellen" is not "spraken af dat
    # ten minste 40% ... inzetbaar": the 2004 Istanbul report
    quotes = [
        [e.quote for e in c.evidence]
        for c in records("dev_2004_summit_report_istanboel.txt").commitments
        if c.actor.key == "allies" and c.kind == "policy-pledge"
    ]
    speaker = next(q for q in quotes if any("vertegenwoordiger" in x for x in q))
    assert not any("spraken af" in x for x in speaker)


def test_regression_an_inverted_pronoun_is_not_what_is_pledged(tmp_path):
    body = ("De bondgenoten verwelkomden het rapport. Ook zetten zij zich in voor een gezamenlijk opleidingscentrum. "
            "Verder zetten zij zich in voor veilige onderzeese kabels.")
    pledged = [c for c in own_commitments(tmp_path, body, main_meeting=False) if c.actor.key == "allies"]
    assert len(pledged) == 2
    assert not any("zij" in c.key_phrase.split(":")[-1].split() for c in pledged)
