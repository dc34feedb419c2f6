"""Decisions told in the passive or by the meeting itself, requests that pledge nothing,
leading a unit, and the stance forms of older letters (wishes, conditions, objections
shown, warnings, what is held necessary). Each rule with a sentence of our own and one
from a letter."""

from __future__ import annotations

from decimal import Decimal

import pytest

from support.letter_records import defence_report, extract_text

from test_extract_pledges import pledges
from test_positions_forms import positions

D = Decimal


@pytest.mark.parametrize("body, expected", [
    ("Ook werd afgesproken dat de NAVO in 2027 een nieuw beleid voor cyberverdediging vaststelt.",
     ("allies", "policy-pledge", None, None, 2027)),
    ("Daarnaast werd afgesproken de oefeningen in het Noordpoolgebied uit te breiden.",
     ("allies", "policy-pledge", None, None, None)),
    ("De top besluit tot een nieuw partnerschap met Jordanië.", ("allies", "policy-pledge", None, None, None)),
    ("Naar verwachting besluit de top tot de oprichting van een NAVO-trainingsmissie voor Afghanistan (NTM-A).",
     ("allies", "capability-pledge", None, None, None)),
    ("De ministers waren het erover eens de steun aan de Afrikaanse Unie voort te zetten.",
     ("allies", "policy-pledge", None, None, None)),
    ("De verklaring geeft tevens opdracht tot het opstellen van een nieuw Strategisch Concept.",
     ("allies", "policy-pledge", None, None, None)),
])
def test_a_decision_in_the_passive_or_by_the_meeting_is_the_allies(tmp_path, body, expected):
    assert expected in pledges(tmp_path, body)


@pytest.mark.parametrize("body, expected", [
    ("Nederland zal vanaf het najaar een PRT in de provincie Baghlan leiden.", ("nl", "capability-pledge", None, None, None)),
    ("Duitsland zal de nieuwe battlegroup in Litouwen leiden.", ("de", "capability-pledge", None, None, None)),
    ("Nederland zal tot eind 2027 het hoofdkwartier in Roemenië leiden.", ("nl", "capability-pledge", None, None, 2027)),
])
def test_leading_a_unit_is_a_capability_pledge(tmp_path, body, expected):
    assert expected in pledges(tmp_path, body)


@pytest.mark.parametrize("body", [
    "Een sterker Europa in de NAVO zal leiden tot een gelijkwaardiger bondgenootschap.",
    "Duitsland vreest dat dit besluit tot meer spanningen met Rusland zal leiden.",
    "Frankrijk noemde een besluit tot uitbreiding van de missie voorbarig.",
])
def test_leading_to_a_result_pledges_nothing(tmp_path, body):
    assert not pledges(tmp_path, body)


def test_taking_the_lead_on_oneself_pledges_for_every_member_of_a_group(tmp_path):
    found = pledges(tmp_path, "Verschillende bondgenoten, waaronder Nederland, Duitsland en het Verenigd Koninkrijk, "
                              "hebben zich bereid verklaard de leiding van een PRT op zich te nemen.")
    assert {(a, k) for a, k, *_ in found} >= {("nl", "capability-pledge"), ("de", "capability-pledge"), ("gb", "capability-pledge")}


@pytest.mark.parametrize("body", [
    "De Verenigde Staten vragen de overige bondgenoten en partners samen ongeveer USD 1,3 miljard per jaar bij te dragen.",
    "Frankrijk vroeg de bondgenoten EUR 50 mln. bij te dragen aan het fonds.",
    "Daarbij zal de Europese bondgenoten worden gevraagd meer verantwoordelijkheid op zich te nemen voor de eigen verdediging.",
    "Nederland werd verzocht een fregat te leveren aan de maritieme missie.",
])
def test_asking_others_to_give_pledges_nothing(tmp_path, body):
    assert not pledges(tmp_path, body)


@pytest.mark.parametrize("body, expected", [
    ("Frankrijk en België wensen dat de opleiding zoveel mogelijk buiten Irak plaatsvindt.",
     {("fr", "call-for", "iraq"), ("be", "call-for", "iraq")}),
    ("Spanje wenste dat de NAVO meer aandacht geeft aan de zuidflank.", {("es", "call-for", "southern-neighbourhood")}),
    ("Turkije stelde als voorwaarde dat het raketschild het gehele grondgebied van de bondgenoten beschermt.",
     {("tr", "call-for", "missile-defence")}),
    ("Voorts acht de regering het noodzakelijk dat KFOR op de huidige sterkte blijft.", {("nl", "emphasise", "western-balkans")}),
    ("Nederland acht het noodzakelijk dat de bondgenoten meer investeren in cyberverdediging.", {("nl", "emphasise", "cyber-defence")}),
    ("Canada waarschuwde dat de bondgenoten hun defensie-uitgaven niet verder mogen verlagen.", {("ca", "emphasise", "defence-spending")}),
    ("Turkije heeft bezwaren laten blijken tegen de kandidatuur van premier Rasmussen.", {("tr", "oppose", "nato-leadership")}),
    ("De regering steunt de kandidatuur van de Noorse premier.", {("nl", "support", "nato-leadership")}),
    ("Er bestond brede steun voor de drie kerntaken in het ontwerp van het Strategisch Concept.",
     {("allies", "support", "strategic-concept")}),
])
def test_stance_forms_of_older_letters(tmp_path, body, expected):
    assert expected <= positions(tmp_path, body)


def test_a_minister_who_warns_speaks_for_his_state(tmp_path):
    body = ("Minister Gates waarschuwde dat de kloof tussen de Verenigde Staten en Europa op het gebied van "
            "defensie-uitgaven verder groeit.")
    found = extract_text(tmp_path, defence_report(body))[1].positions
    assert ("us", "emphasise", "defence-spending") in {(p.actor.key, p.stance, p.topic) for p in found}


@pytest.mark.parametrize("body, member", [
    ("Enkele bondgenoten in Midden- en Oost-Europa, waaronder Polen, vragen om meer aandacht voor artikel 5.", "pl"),
    ("De bondgenoten aan de oostgrens van het verdragsgebied, waaronder Finland, pleiten voor meer luchtverdediging.", "fi"),
])
def test_members_named_after_a_longer_group_phrase_hold_its_position(tmp_path, body, member):
    assert member in {actor for actor, _, _ in positions(tmp_path, body)}


@pytest.mark.parametrize("body, stance", [
    ("Tevens zal de top het agressieve optreden van Rusland veroordelen.", "oppose"),
    ("De top verwelkomde de toetreding van Finland.", "welcome"),
])
def test_the_summit_as_subject_is_the_allies(tmp_path, body, stance):
    found = positions(tmp_path, body, kind="agenda")
    assert {actor for actor, s, _ in found if s == stance} == {"allies"}


@pytest.mark.parametrize("body, expected", [
    ("Nederland zal, net als Duitsland en Noorwegen, pleiten voor een verdere vermindering van het aantal substrategische kernwapens.",
     {"nl", "de", "no"}),
    ("Nederland heeft, samen met Frankrijk en de Verenigde Staten, gepleit voor voortzetting van de waarnemersmissie in Georgië.",
     {"nl", "fr", "us"}),
])
def test_every_co_actor_of_a_list_after_samen_met_or_net_als_holds_the_position(tmp_path, body, expected):
    assert {actor for actor, _, _ in positions(tmp_path, body)} == expected
