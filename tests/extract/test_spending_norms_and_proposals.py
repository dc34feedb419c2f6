"""Shares of GDP: the parts of an agreement told in an aside, a figure below the norm, a
proposal, holding to a growth path; and procurement (natokg.extract.commitments)."""

from __future__ import annotations

from decimal import Decimal

from test_extract_pledges import pledges

D = Decimal


def test_the_parts_of_an_agreement_told_in_an_aside(tmp_path):
    found = pledges(tmp_path, "Het was de eerste bijeenkomst sinds de top in Den Haag, waar de bondgenoten afspraken in 2035 "
                              "jaarlijks 5% van het bbp aan defensie te besteden, waarvan ten minste 3,5% aan kerndefensie-"
                              "uitgaven en tot 1,5% aan veiligheidsgerelateerde uitgaven.")
    assert {("allies", "spending-target", D(v), "percent-gdp", 2035) for v in ("5", "3.5", "1.5")} <= found


def test_a_figure_below_the_norm_is_no_agreement(tmp_path):
    found = pledges(tmp_path, "Nederland besteedt dit jaar naar verwachting 1,45% van het bbp aan defensie en blijft daarmee onder deze norm.")
    assert not any(amount == D("1.45") for _, _, amount, *_ in found)


def test_a_proposal_in_the_conditional_pledges_nothing(tmp_path):
    found = pledges(tmp_path, "De secretaris-generaal lichtte zijn voorstel toe voor een nieuwe norm: bondgenoten zouden "
                              "toegroeien naar 3,5% van het bbp.")
    assert found == set()


def test_holding_to_a_growth_path_is_a_target(tmp_path):
    assert ("nl", "spending-target", D("3.5"), "percent-gdp", 2035) in pledges(
        tmp_path, "Het kabinet houdt vast aan het groeipad naar 3,5% in 2035.")


def test_procuring_equipment_is_a_capability_pledge(tmp_path):
    found = pledges(tmp_path, "Nederland zal samen met Denemarken luchtverdedigingsmunitie aanschaffen.")
    assert found == {("nl", "capability-pledge", None, None, None), ("dk", "capability-pledge", None, None, None)}


def test_procuring_told_without_an_auxiliary_pledges_nothing(tmp_path):
    # "aanschaffen" alone is the verb of subordinate clauses that tell others' plans
    found = pledges(tmp_path, "Nederland zet zich ervoor in dat Europese bondgenoten luchtverdedigingsmiddelen gezamenlijk aanschaffen.")
    assert not any(actor == "european-allies" for actor, *_ in found)


def test_the_forces_helped_are_no_capability_given(tmp_path):
    found = pledges(tmp_path, "De bondgenoten besloten Irak te helpen bij de training van zijn veiligheidstroepen.")
    assert ("allies", "policy-pledge", None, None, None) in found


def test_letter_parts_in_an_aside_and_joint_procurement():
    from support.letter_records import fixture_records

    found = fixture_records("2025_defence_ministers_report_october.txt").commitments
    assert {D("3.5"), D("1.5")} <= {c.amount for c in found if c.actor.key == "allies" and c.part_of is not None}
    assert {"nl", "dk", "no"} <= {c.actor.key for c in found if c.kind == "capability-pledge"}


def test_letter_a_figure_below_the_norm():
    from support.letter_records import fixture_records

    found = fixture_records("2021_summit_agenda_june.txt").commitments
    assert not any(c.amount == D("1.45") for c in found)


def test_committing_to_an_agreement_is_a_target_of_ones_own(tmp_path):
    found = pledges(tmp_path, "Het kabinet blijft zich committeren aan de afspraak van Wales om in 2024 toe te groeien naar 2% van het bbp.")
    assert ("nl", "spending-target", D(2), "percent-gdp", 2024) in found
    found = pledges(tmp_path, "Het is afgesproken dat bondgenoten streven naar 2% van het bbp.")
    assert ("allies", "spending-target", D(2), "percent-gdp", None) in found
