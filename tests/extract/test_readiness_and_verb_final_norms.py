"""Pledges told as readiness ("gaven aan bereid te zijn ... te ondersteunen"), a share of
GDP committed to with "zich eraan committeren ... te besteden", and a norm whose verb comes
last in a subordinate clause ("dat Nederland de norm van 3,5% zal halen")."""

from __future__ import annotations

from decimal import Decimal

from support.letter_records import defence_report, extract_text, records


def pledges(tmp_path, body: str, written: str = "20 februari 2023") -> set[tuple]:
    _, found = extract_text(tmp_path, defence_report(body, written=written))
    return {(c.actor.key, c.kind, c.amount, c.target_year) for c in found.commitments}


def test_said_to_be_ready_to_support_is_a_pledge_of_each_named_ally(tmp_path):
    body = ("Bondgenoten, waaronder Nederland, gaven aan bereid te zijn Finland en Zweden in de periode tussen aanvraag "
            "en toetreding te ondersteunen.")
    found = pledges(tmp_path, body)
    assert {("allies", "policy-pledge", None, None), ("nl", "policy-pledge", None, None)} <= found


def test_ready_to_contribute_pledges_forces(tmp_path):
    body = "Nederland heeft aangegeven bereid te zijn aan de versterkte aanwezigheid in Litouwen bij te dragen."
    assert ("nl", "capability-pledge", None, None) in pledges(tmp_path, body)


def test_letter_ready_to_contribute_to_the_reassurance_measures():
    found = records("dev_2014_fmm_report_brussel-april.txt").commitments
    assert any(c.actor.key == "nl" and c.kind == "capability-pledge" and "bereid te" in c.evidence[0].quote for c in found)


def test_not_ready_pledges_nothing(tmp_path):
    assert not pledges(tmp_path, "Duitsland zei niet bereid te zijn extra troepen te sturen.")


def test_committing_to_spend_a_share_of_gdp_is_a_spending_target(tmp_path):
    body = ("De bondgenoten committeren zich eraan jaarlijks 5% van het bbp aan defensie en daaraan gerelateerde uitgaven "
            "te besteden, uiterlijk in 2035.")
    assert ("allies", "spending-target", Decimal("5"), 2035) in pledges(tmp_path, body, written="8 juli 2025")


def test_the_verb_last_in_a_subordinate_clause_governs_the_norm_before_it(tmp_path):
    found = pledges(tmp_path, "Premier Schoof onderstreepte dat Nederland de norm van 3,5% voor kernuitgaven zal halen.")
    assert ("nl", "spending-target", Decimal("3.5"), None) in found
    assert not any(actor == "allies" for actor, *_ in found)
    other = pledges(tmp_path, "De minister verwacht dat Canada de norm van 2% in 2032 haalt.")
    assert ("ca", "spending-target", Decimal("2"), 2032) in other


def test_an_agreed_norm_stays_the_allies_when_no_subject_stands_before_it(tmp_path):
    found = pledges(tmp_path, "De bondgenoten spraken af dat ieder de norm van 2% in 2024 haalt.")
    assert any(actor == "allies" and amount == Decimal("2") for actor, _, amount, _ in found)
