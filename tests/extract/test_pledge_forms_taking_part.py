"""Pledge forms of taking part, acting as framework nation, continuing, signing and
co-actors in the verb group (ontology/extraction-cues.ttl, natokg.extract.pledge_subjects,
natokg.extract.commitment_forms)."""

from __future__ import annotations

import pytest

from test_extract_pledges import pledges


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Het kabinet is voornemens deel te nemen aan de grote NRF-oefening in Noorwegen.", {("nl", "capability-pledge")}),
        ("Nederland neemt dit najaar met een fregat deel aan een Staande NAVO Maritieme Groep.", {("nl", "capability-pledge")}),
        ("Canada en Duitsland maakten bekend als kaderland op te treden in Letland en Litouwen.",
         {("ca", "capability-pledge"), ("de", "capability-pledge")}),
        ("Nederland heeft aangegeven de bijdrage van zestig militairen in Irak ook in 2024 te willen voortzetten.",
         {("nl", "capability-pledge")}),
        ("België zal zijn bijdrage aan de luchtpolitiemissie voortzetten.", {("be", "capability-pledge")}),
        ("Daarnaast tekende Nederland een intentieverklaring over deelname aan de Joint Expeditionary Force.",
         {("nl", "policy-pledge")}),
        ("Nederland zal in 2025, samen met Duitsland en Noorwegen, de kern van de snelle reactiemacht leveren.",
         {("nl", "capability-pledge"), ("de", "capability-pledge"), ("no", "capability-pledge")}),
    ],
)
def test_taking_part_leading_continuing_and_signing(tmp_path, sentence, expected):
    assert {(actor, kind) for actor, kind, *_ in pledges(tmp_path, sentence)} == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Hongarije heeft aangekondigd niet deel te nemen aan de nieuwe missie.",
        "Nederland neemt als waarnemer deel aan de vergaderingen van de Raad.",
        "Georgië en Oekraïne nemen deel aan het Membership Action Plan.",
        "Rusland zet de steun aan de separatisten voort.",
        "Rusland zal zijn aanvallen op Oekraïne voortzetten.",
    ],
)
def test_refusing_attending_and_others_going_on_pledge_nothing(tmp_path, sentence):
    assert pledges(tmp_path, sentence) == set()


def test_a_vague_group_in_the_verb_group_pledges_nothing(tmp_path):
    found = pledges(tmp_path, "Nederland zal, samen met andere bondgenoten, onderdelen leveren voor een Patriot-systeem.")
    assert {actor for actor, *_ in found} == {"nl"}
