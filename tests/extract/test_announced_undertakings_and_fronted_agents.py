"""An announcement whose gap says only when it was made, followed by an infinitive
("kondigden op 27 mei jl. aan ... te handhaven"); a passive offer whose agent opens the
sentence ("Door Nederland werd aangeboden ..."), but not one in a relative clause; forces
assigned ("toe te wijzen"); and a deadline year after "tot ten minste"."""

from __future__ import annotations

import pytest

from support.letter_records import defence_report, extract_text


def pledges(tmp_path, body: str, written: str = "20 februari 2023") -> set[tuple]:
    _, found = extract_text(tmp_path, defence_report(body, written=written))
    return {(c.actor.key, c.kind, c.target_year) for c in found.commitments}


@pytest.mark.parametrize(
    "body, written, expected",
    [
        # the letter's sentence: the date of the announcement between the verb and its particle
        ("De Verenigde Staten kondigden op 27 mei jl. aan in 2015 9.800 militairen in Afghanistan te handhaven.",
         "28 mei 2014", ("us", "capability-pledge", 2015)),
        ("Noorwegen maakte tijdens de bijeenkomst bekend vanaf 2024 een fregat te stationeren in de Oostzee.",
         "20 februari 2023", ("no", "capability-pledge", 2024)),
    ],
)
def test_an_announcement_of_an_infinitive_is_the_undertaking_it_names(tmp_path, body, written, expected):
    assert expected in pledges(tmp_path, body, written)


def test_the_undertaking_is_quoted_to_its_infinitive(tmp_path):
    body = "Noorwegen maakte tijdens de bijeenkomst bekend vanaf 2024 een fregat te stationeren in de Oostzee."
    _, found = extract_text(tmp_path, defence_report(body))
    [pledge] = [c for c in found.commitments if c.actor.key == "no"]
    assert pledge.evidence[0].quote == "maakte tijdens de bijeenkomst bekend vanaf 2024 een fregat te stationeren"


@pytest.mark.parametrize(
    "body",
    [
        # the gap holds what is announced; it names no contribution
        "Duitsland kondigde een nieuwe strategie aan.",
        # what is announced is a clause of its own
        "Frankrijk kondigde op 3 mei aan dat het overleg wordt voortgezet.",
        # the gap holds what is announced, the infinitive is its purpose
        "Duitsland kondigde gisteren een nieuwe strategie aan om de luchtverdediging te versterken.",
        # no undertaking after "te": being somewhere, a place
        "Frankrijk kondigde op 3 mei aan in Londen te zijn.",
        "Frankrijk kondigde op 3 mei aan te Kopenhagen een conferentie te beleggen.",
    ],
)
def test_an_announcement_without_an_infinitive_of_its_own_pledges_nothing_here(tmp_path, body):
    assert not pledges(tmp_path, body)


@pytest.mark.parametrize(
    "body, written, expected",
    [
        # the letter's sentence, with its deadline after "tot ten minste"
        ("Door Nederland werd aangeboden het Nederlandse PRT in de provincie Baghlan tot ten minste september 2005 te "
         "handhaven.", "26 oktober 2004", ("nl", "capability-pledge", 2005)),
        ("Door Denemarken werd een extra fregat aangeboden.", "20 februari 2023", ("dk", "capability-pledge", None)),
    ],
)
def test_an_offer_in_the_passive_with_its_agent_first_is_the_agents_pledge(tmp_path, body, written, expected):
    assert expected in pledges(tmp_path, body, written)


def test_an_offer_in_a_clause_a_verb_governs_is_the_agents_pledge(tmp_path):
    # "dat" after a verb opens no relative clause
    body = "De minister meldde dat door Denemarken een extra fregat werd aangeboden."
    assert ("dk", "capability-pledge", None) in pledges(tmp_path, body)


@pytest.mark.parametrize(
    "body",
    [
        # the letter's sentence: the dinner the president gives pledges nothing
        "Op 11 juli vindt de bijeenkomst plaats, gevolgd door een diner dat wordt aangeboden door de Litouwse president.",
        "Het diner dat door de Franse president werd aangeboden, stond in het teken van Libië.",
    ],
)
def test_an_offer_in_a_relative_clause_describes_its_noun(tmp_path, body):
    assert not pledges(tmp_path, body)


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Nederland is voornemens vanaf 2020 een gemechaniseerd bataljon, een squadron F-16's en een fregat aan het "
         "initiatief toe te wijzen.", ("nl", "capability-pledge", 2020)),
        ("België wijst twee mijnenjagers toe aan de NATO Response Force.", ("be", "capability-pledge", None)),
    ],
)
def test_forces_assigned_are_a_capability_pledge(tmp_path, body, expected):
    assert expected in pledges(tmp_path, body, written="1 juni 2018")


def test_what_is_assigned_must_be_forces(tmp_path):
    assert not pledges(tmp_path, "Het kabinet wijst de voorstellen toe aan de werkgroep.", written="1 juni 2018")
