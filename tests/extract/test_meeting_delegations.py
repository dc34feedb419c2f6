"""At a meeting outside NATO the delegations as one body are that meeting's group (the EU
member states in an EU Council, nkg:delegationsGroup), not the allies."""

from __future__ import annotations

import pytest

from support.letter_records import extract_text, fixture_records

EU_COUNCIL = """Brief regering : Verslag Raad Buitenlandse Zaken van 17 november 2031

Den Haag, 20 november 2031

Hierbij bied ik u het verslag aan van de Raad Buitenlandse Zaken van 17 november jl. in Brussel.

De ministers spraken hun steun uit voor de bemiddeling van de VN in Libië. De Raad besloot de sancties tegen Rusland met zes maanden te verlengen. De NAVO-ministers van Defensie besloten eerder deze maand tot een uitbreiding van de missie in Irak.
"""


def test_the_delegations_of_an_eu_council_are_the_eu_member_states(tmp_path):
    found = extract_text(tmp_path, EU_COUNCIL)[1]
    assert ("eu-member-states", "support", "libya") in {(p.actor.key, p.stance, p.topic) for p in found.positions}
    pledgers = {(c.actor.key, c.evidence[0].quote.split()[0]) for c in found.commitments}
    assert ("eu-member-states", "besloot") in pledgers
    # the NATO ministers named as such are the allies
    assert ("allies", "besloten") in pledgers and ("eu-member-states", "besloten") not in pledgers


def test_letter_decisions_of_the_osce_council_are_its_participating_states():
    # "Daarnaast werden besluiten aangenomen over ... Roma en Sinti en over mensenhandel."
    found = fixture_records("2013_osce_report_kyiv.txt").commitments
    assert {c.actor.key for c in found if c.actor.kind == "group"} == {"osce-participating-states"}


def test_letter_an_eu_council_report_keeps_the_nato_ministers_decision_the_allies():
    # "De NAVO-ministers van Defensie hebben op 8 en 9 november jl. besloten tot aanpassing van de commandostructuur"
    found = fixture_records("2017_eu_council_report.txt").commitments
    assert any(c.actor.key == "allies" and "besloten tot" in c.evidence[0].quote for c in found)


def test_regression_nato_ministers_named_elsewhere_leave_the_councils_decision_its_own(tmp_path):
    text = EU_COUNCIL.replace(
        "De Raad besloot de sancties tegen Rusland met zes maanden te verlengen.",
        "Na een terugblik op de bijeenkomst van de NAVO-ministers besloten de ministers de sancties tegen Rusland "
        "met zes maanden te verlengen.")
    found = {(c.actor.key, c.evidence[0].quote.split()[0]) for c in extract_text(tmp_path, text)[1].commitments}
    assert ("eu-member-states", "besloten") in found


def test_the_allies_named_before_an_agreement_in_an_eu_council_report_are_the_allies(tmp_path):
    text = EU_COUNCIL.replace(
        "De NAVO-ministers van Defensie besloten eerder deze maand tot een uitbreiding van de missie in Irak.",
        "Nederland wees erop dat de bondgenoten op de NAVO-top in juni hebben afgesproken in 2035 jaarlijks 5% van het bbp "
        "aan defensie te besteden.",
    )
    targets = {(c.actor.key, c.kind, c.target_year) for c in extract_text(tmp_path, text)[1].commitments}
    assert ("allies", "spending-target", 2035) in targets
    assert not any(actor == "eu-member-states" and kind == "spending-target" for actor, kind, _ in targets)


def test_what_the_european_council_says_the_eu_says(tmp_path):
    text = EU_COUNCIL.replace("De ministers spraken hun steun uit voor de bemiddeling van de VN in Libië.",
                              "De Europese Raad verwelkomde de voortgang van Montenegro in de toetredingsonderhandelingen.")
    found = extract_text(tmp_path, text)[1].positions
    assert ("eu", "welcome") in {(p.actor.key, p.stance) for p in found}
    assert "european-council" not in {p.actor.key for p in found}


def test_regression_the_allies_after_a_preposition_leave_the_councils_decision_its_own(tmp_path):
    text = EU_COUNCIL.replace("De Raad besloot de sancties tegen Rusland met zes maanden te verlengen.",
                              "In overleg met de bondgenoten besloot de Raad de sancties tegen Rusland met zes maanden te verlengen.")
    pledgers = {(c.actor.key, c.evidence[0].quote.split()[0]) for c in extract_text(tmp_path, text)[1].commitments}
    assert ("eu-member-states", "besloot") in pledgers and ("allies", "besloot") not in pledgers


@pytest.mark.parametrize(
    "sentence",
    [
        # the letter's sentence: the G7's leaders by name, and its meeting's leaders unnamed
        "De G7-leiders zegden toe Oekraïne zo lang als nodig financieel te blijven steunen.",
        "De leiders spraken af voor het einde van dit jaar een klimaatclub op te richten.",
    ],
)
def test_the_decisions_of_a_g7_summit_are_the_g7s(tmp_path, sentence):
    text = (f"Den Haag, 30 juni 2031\n\nHierbij bied ik u het verslag aan van de G7-top van 26 tot en met 28 juni "
            f"2031.\n\n{sentence}\n")
    found = extract_text(tmp_path, text)[1]
    assert {c.actor.key for c in found.commitments} == {"g7"}
