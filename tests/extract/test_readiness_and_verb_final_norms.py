"""Pledges told as readiness ("gaven aan bereid te zijn ... te ondersteunen"), a share of
GDP committed to with "zich eraan committeren ... te besteden", and a norm whose verb comes
last in a subordinate clause ("dat Nederland de norm van 3,5% zal halen")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from support.letter_records import defence_report, extract_text, records


def pledges(tmp_path, body: str, written: str = "20 februari 2023") -> set[tuple]:
    _, found = extract_text(tmp_path, defence_report(body, written=written))
    return {(c.actor.key, c.kind, c.amount, c.target_year) for c in found.commitments}


def test_said_to_be_ready_to_support_is_a_pledge_of_each_named_ally(tmp_path):
    body = ("Bondgenoten, waaronder Nederland, gaven aan bereid te zijn Finland en Zweden in de periode tussen aanvraag "
            "en toetreding te ondersteunen.")
    found = pledges(tmp_path, body)
    assert {("allies", "policy-pledge", None, None), ("nl", "policy-pledge", None, None)} <= found


def test_ready_to_contribute_pledges_forces_and_quotes_the_readiness(tmp_path):
    body = "Nederland heeft aangegeven bereid te zijn aan de versterkte aanwezigheid in Litouwen bij te dragen."
    _, found = extract_text(tmp_path, defence_report(body))
    [pledge] = [c for c in found.commitments if c.actor.key == "nl"]
    assert pledge.kind == "capability-pledge"
    assert pledge.evidence[0].quote.startswith("bereid te zijn")


def test_letter_ready_to_contribute_to_the_reassurance_measures():
    found = records("dev_2014_fmm_report_brussel-april.txt").commitments
    assert any(c.actor.key == "nl" and c.kind == "capability-pledge" and "bereid te" in c.evidence[0].quote for c in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Duitsland zei niet bereid te zijn extra troepen te sturen.",
        # ready to study or explore a proposal is considering it, not pledging
        "Nederland heeft laten weten bereid te zijn het Russische voorstel serieus te bestuderen.",
    ],
)
def test_not_ready_or_ready_only_to_consider_pledges_nothing(tmp_path, sentence):
    assert not pledges(tmp_path, sentence)


def test_committing_to_spend_a_share_of_gdp_is_a_spending_target(tmp_path):
    body = ("De bondgenoten committeren zich eraan jaarlijks 5% van het bbp aan defensie en daaraan gerelateerde uitgaven "
            "te besteden, uiterlijk in 2035.")
    assert ("allies", "spending-target", Decimal("5"), 2035) in pledges(tmp_path, body, written="8 juli 2025")


def test_the_verb_last_in_a_subordinate_clause_governs_the_norm_before_it(tmp_path):
    found = pledges(tmp_path, "Premier Schoof onderstreepte dat Nederland de norm van 3,5% voor kernuitgaven zal halen.")
    assert ("nl", "spending-target", Decimal("3.5"), None) in found
    assert not any(actor == "allies" for actor, *_ in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nederland vindt dat Canada de norm van 2% moet halen.",  # an opinion of what another should do
        "Het is onzeker of Nederland de norm van 2% in 2024 zal halen.",  # a doubt
        "De NAVO verwacht dat Nederland de norm van 2% pas in 2030 haalt.",  # an expectation
        "Het kabinet verwacht dat Nederland de norm van 2% in 2024 zal halen.",
        "Daarom is het onwaarschijnlijk dat Canada de norm van 2% in 2030 zal halen.",
    ],
)
def test_an_opinion_doubt_or_expectation_about_the_norm_pledges_nobody_to_it(tmp_path, sentence):
    assert not any(actor in ("nl", "ca") for actor, *_ in pledges(tmp_path, sentence))


def test_an_agreed_norm_stays_the_allies_when_no_subject_stands_before_it(tmp_path):
    found = pledges(tmp_path, "De bondgenoten spraken af dat ieder de norm van 2% in 2024 haalt.")
    assert any(actor == "allies" and amount == Decimal("2") for actor, _, amount, _ in found)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # money set aside ("trekt ... uit") is money given
        ("Nederland trekt EUR 40 miljoen uit voor de uitbreiding van de capaciteit voor bijtanken in de lucht.",
         ("nl", "financial-contribution", Decimal("40000000"), None)),
        ("Voor de wederopbouw trekt het kabinet in 2008 ruim vijfendertig miljoen euro uit.",
         ("nl", "financial-contribution", Decimal("35000000"), 2008)),
        # an offer told in the passive with its agent after "werd door"
        ("Tevens werd door Nederland een C-130 transportvliegtuig aangeboden voor de ondersteuning van ISAF.",
         ("nl", "capability-pledge", None, None)),
        # money given in the passive, by the letter's own government named before
        ("Nederland steunt de Afghaanse politie. Voor het LOTFA wordt dit jaar € 8 miljoen bijgedragen.",
         ("nl", "financial-contribution", Decimal("8000000"), 2007)),
        # an agreement reached on acquiring a system
        ("De ministers bereikten overeenstemming over de aanschaf van het Alliance Ground Surveillance-systeem.",
         ("allies", "capability-pledge", None, None)),
        # a reaffirmed intention is a decision reaffirmed
        ("De bondgenoten herbevestigden hun voornemen om na afloop van ISAF een trainingsmissie te starten.",
         ("allies", "policy-pledge", None, None)),
    ],
)
def test_funds_set_aside_offers_in_the_passive_and_reaffirmed_intentions(tmp_path, sentence, expected):
    assert expected in pledges(tmp_path, sentence, written="20 juni 2007")


def test_a_dinner_offered_by_a_host_is_no_pledge(tmp_path):
    assert not pledges(tmp_path, "Daarna volgt een diner dat wordt aangeboden door de Litouwse president Nausėda.")
