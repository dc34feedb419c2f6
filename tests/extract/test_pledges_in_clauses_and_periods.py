"""A pledge in a "dat" clause with its own subject and verb after an agreement ("is
afgesproken dat Nederland ... € 2,5 miljoen ... bijdraagt"), continued participation
("blijft ... aan NTM-I deelnemen", but not in a plan: "blijven deelnemen aan het
Membership Action Plan"), and a target year after "het eerste halfjaar van"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from support.letter_records import defence_report, extract_text


def pledges(tmp_path, body: str, written: str = "15 juni 2005") -> set[tuple]:
    _, found = extract_text(tmp_path, defence_report(body, written=written))
    return {(c.actor.key, c.kind, c.amount, c.target_year) for c in found.commitments}


@pytest.mark.parametrize(
    "body, expected",
    [
        # the letter's sentence (a memo's decision)
        ("In de nota is afgesproken dat Nederland daarnaast € 2,5 miljoen uit het Stabiliteitsfonds bijdraagt aan de "
         "AU-missie.", ("nl", "financial-contribution", Decimal("2500000"), None)),
        ("Er is afgesproken dat Noorwegen vijf miljoen euro aan het trustfonds bijdraagt.",
         ("no", "financial-contribution", Decimal("5000000"), None)),
    ],
)
def test_an_agreement_that_a_named_subject_contributes_is_the_subjects_pledge(tmp_path, body, expected):
    found = pledges(tmp_path, body)
    assert expected in found
    assert not any(actor == "allies" and amount == expected[2] for actor, _, amount, _ in found)


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Nederland blijft met vijfentwintig militairen aan NTM-I deelnemen.", ("nl", "capability-pledge", None, None)),
        ("Nederland levert in het eerste halfjaar van 2006 een fregat voor de operatie.",
         ("nl", "capability-pledge", None, 2006)),
        ("België zet de inzet in het derde kwartaal van 2006 voort.", ("be", "policy-pledge", None, 2006)),
    ],
)
def test_continued_participation_and_a_year_after_a_part_of_it(tmp_path, body, expected):
    assert expected in pledges(tmp_path, body)


@pytest.mark.parametrize(
    "body",
    [
        # the letter's sentence: the Membership Action Plan, beyond four words after the verb
        "Albanië, Kroatië en Macedonië blijven deelnemen aan het Membership Action Plan.",
        "Georgië blijft deelnemen aan het MAP.",
    ],
)
def test_taking_part_in_a_plan_is_no_pledge(tmp_path, body):
    assert not pledges(tmp_path, body, written="25 november 2002")


@pytest.mark.parametrize(
    "body, written, expected",
    [
        # the letter's sentence: a period's first year, for money too
        ("Zoals in Chicago toegezegd, draagt Nederland in de periode 2015-2017 jaarlijks EUR 25 mln bij aan het ANA "
         "Trust Fund.", "3 juni 2014", ("nl", "financial-contribution", Decimal("25000000"), 2015)),
        ("Noorwegen stelt in de periode 2024–2026 twee fregatten beschikbaar.", "20 februari 2023",
         ("no", "capability-pledge", None, 2024)),
        # a pledge made before the letter, its month marked "a.s.": the coming one
        ("Nederland heeft toegezegd in oktober a.s. een fregat te leveren.", "20 februari 2023",
         ("nl", "capability-pledge", None, 2023)),
        ("Nederland heeft toegezegd in oktober aanstaande een fregat te leveren.", "20 februari 2023",
         ("nl", "capability-pledge", None, 2023)),
    ],
)
def test_a_periods_first_year_and_a_coming_month_marked_as(tmp_path, body, written, expected):
    assert expected in pledges(tmp_path, body, written)


def test_a_month_without_a_s_after_a_pledge_made_before_names_no_year(tmp_path):
    body = "Nederland heeft in oktober toegezegd een fregat te leveren."
    found = pledges(tmp_path, body, "20 februari 2023")
    assert ("nl", "capability-pledge", None, None) in found
    assert not any(year == 2023 for *_, year in found)
