"""The clauses of one sentence pledge each for themselves: a clause with an amount beside
one without, two predicates joined by "en", a relative clause's own object
(natokg.extract.commitments, natokg.extract.commitment_forms, natokg.extract.pledge_subjects)."""

from __future__ import annotations

from decimal import Decimal

from support.letter_records import fixture_records, records

from test_extract_pledges import own_commitments, pledges

D = Decimal


def test_a_subject_after_en_pledges_its_own_amount(tmp_path):
    found = pledges(tmp_path, "Frankrijk stelt een fregat beschikbaar en Duitsland draagt EUR 20 mln. bij aan het fonds.")
    assert ("de", "financial-contribution", D(20000000), "eur", None) in found
    assert not any(actor == "fr" and amount for actor, _, amount, *_ in found)


def test_states_joined_by_en_pledge_together(tmp_path):
    found = pledges(tmp_path, "Nederland en Duitsland dragen samen EUR 20 mln. bij aan het fonds.")
    assert {actor for actor, *_ in found} == {"nl", "de"}


def test_a_pledge_without_amount_beside_a_clause_with_one(tmp_path):
    found = pledges(tmp_path, "Frankrijk stelt een fregat beschikbaar en Duitsland draagt EUR 20 mln. bij aan het fonds.")
    assert ("fr", "capability-pledge", None, None, None) in found


def test_a_second_verb_of_the_same_subject_pledges_too(tmp_path):
    found = pledges(tmp_path, "Nederland zal EUR 5 mln. bijdragen aan het fonds en stelt daarnaast twee F-16's beschikbaar.")
    assert found == {("nl", "financial-contribution", D(5000000), "eur", None), ("nl", "capability-pledge", None, None, None)}


def test_one_clause_with_an_amount_is_one_pledge(tmp_path):
    found = pledges(tmp_path, "Nederland zegde toe EUR 5 mln. bij te dragen aan het fonds.")
    assert found == {("nl", "financial-contribution", D(5000000), "eur", None)}


def test_instructors_are_a_capability(tmp_path):
    found = pledges(tmp_path, "België stuurt vijftien instructeurs naar het trainingscentrum.")
    assert found == {("be", "capability-pledge", None, None, None)}


def test_regression_a_second_pledge_beside_an_amount_is_kept():
    """"Nederland heeft ... 1 miljard euro ... vrijgemaakt en zal, samen met andere
    bondgenoten, onderdelen leveren voor een Patriot-luchtverdedigingssysteem": the
    clause with an amount made every other pledge of the sentence unread."""
    found = records("dev_2024_summit_agenda_washington.txt").commitments
    assert any(c.actor.key == "nl" and c.kind == "capability-pledge" and c.amount is None
               and any("onderdelen leveren" in e.quote for e in c.evidence) for c in found)


def test_letter_instructors_beside_money():
    found = fixture_records("2004_foreign_ministers_agenda_gathering.txt").commitments
    assert any(c.actor.key == "nl" and c.kind == "capability-pledge"
               and any("tien instructeurs" in e.quote for e in c.evidence) for c in found)
    assert any(c.actor.key == "nl" and c.amount == D(500000) for c in found)


def test_deploying_and_stationing_troops_pledges_them(tmp_path):
    assert pledges(tmp_path, "Het Verenigd Koninkrijk zet een extra brigade in voor de versterkte voorwaartse aanwezigheid.") == {
        ("gb", "capability-pledge", None, None, None)}
    assert pledges(tmp_path, "Duitsland zal permanent een brigade in Litouwen stationeren.") == {
        ("de", "capability-pledge", None, None, None)}


def test_converting_money_into_capabilities_deploys_nothing(tmp_path):
    found = pledges(tmp_path, "De bondgenoten benadrukten de noodzaak de hogere uitgaven om te zetten in capaciteiten.")
    assert not any(kind == "capability-pledge" for _, kind, *_ in found)


def test_letter_deploying_helicopters():
    found = fixture_records("2011_defence_ministers_agenda_compound.txt").commitments
    assert {"fr", "gb"} <= {c.actor.key for c in found if any("aanvalshelikopters in" in e.quote for e in c.evidence)}


def test_two_predicates_joined_by_en_pledge_twice(tmp_path):
    found = own_commitments(tmp_path, "Nederland zet de inzet van het PRT in Kunduz voort en stelt zes Apache-gevechtshelikopters ter beschikking.")
    assert len([c for c in found if c.actor.key == "nl" and c.kind == "capability-pledge"]) == 2


def test_a_pledge_in_a_relative_clause_pledges_what_that_clause_names(tmp_path):
    found = pledges(tmp_path, "De missie wordt uitgebreid naar het noorden, waar Duitsland de leiding op zich neemt van een regionaal commando.")
    assert ("de", "capability-pledge", None, None, None) in found


def test_letter_two_predicates_and_a_relative_clause():
    found = fixture_records("2005_summit_report_brussels.txt").commitments
    assert any(c.actor.key == "nl" and c.kind == "capability-pledge" and any("Apache" in e.quote for e in c.evidence) for c in found)
    assert {"it", "es"} <= {c.actor.key for c in found if c.kind == "capability-pledge"}


def test_a_named_subject_after_comma_en_opens_its_clause(tmp_path):
    found = pledges(tmp_path, "Polen besteedt al jaren veel aan defensie, en Estland heeft aangekondigd in 2025 de 2%-norm te halen.")
    assert ("ee", "spending-target", D(2), "percent-gdp", 2025) in found
    assert not any(actor == "pl" and amount == D(2) for actor, _, amount, *_ in found)


def test_letter_a_named_subject_after_comma_en():
    found = fixture_records("2011_foreign_ministers_agenda_memo_berlin.txt").commitments
    assert any(c.actor.key == "ee" and c.amount == D(2) and c.target_year == 2012 for c in found)


def test_coordinating_work_is_no_consent(tmp_path):
    assert pledges(tmp_path, "Nederland pleitte ervoor de werkzaamheden af te stemmen met de NAVO, die in maart bijeenkomt.") == set()
