"""Who took part, told by a presence or a relative clause: "in aanwezigheid van president
Zelensky" names those present after it, not a military presence the sentence asks for;
"waaraan ... deelnemen" is taking part in what comes before it, a meeting or not
(natokg.extract.actors)."""

from __future__ import annotations

import pytest

from support.letter_records import defence_report, extract_text, fixture_records, records


def participants(tmp_path, body: str) -> set[tuple[str, str]]:
    _, found = extract_text(tmp_path, defence_report(body))
    return {(p.actor.key, p.capacity) for p in found.participations}


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Op 14 februari kwam de NAVO-Oekraïne Commissie bijeen in aanwezigheid van president Zelensky.",
         {("ua", "partner")}),
        # a military presence asked for: nobody attends
        ("Polen en de Baltische staten drongen aan op een permanente aanwezigheid van bondgenootschappelijke troepen.", set()),
        # the company of a session and those present after the phrase
        ("Op 15 februari volgen een sessie met de partners uit de Indo-Pacific, Australië en Japan, en een vergadering "
         "van de NAVO-Oekraïne Raad in aanwezigheid van president Zelensky.",
         {("au", "partner"), ("jp", "partner"), ("ua", "partner")}),
        # taking part in a programme, not in the meeting
        ("Mogherini lichtte de Permanente Gestructureerde Samenwerking (PESCO) toe, waaraan vijfentwintig EU-lidstaten "
         "deelnemen.", set()),
        ("Er was een werkdiner, waaraan ook Oekraïne en de EU deelnamen.", {("ua", "partner"), ("eu", "partner")}),
    ],
)
def test_presence_and_relative_participation(tmp_path, body, expected):
    assert expected <= participants(tmp_path, body)
    if not expected:
        assert not participants(tmp_path, body)


def test_letter_a_presence_asked_for_is_no_participation():
    found = {(p.actor.key, p.capacity) for p in fixture_records("2016_defence_ministers_report_february.txt").participations}
    assert ("baltic-states", "partner") not in found


def test_letter_the_president_present_at_the_council():
    found = {(p.actor.key, p.capacity) for p in records("dev_2023_summit_report_vilnius.txt").participations}
    assert ("ua", "partner") in found


def test_ministers_who_join_named_in_a_list_after_a_colon_take_part(tmp_path):
    # the letter's sentence: the accession countries of 2003 join the foreign ministers
    body = ("Voor het eerst schuiven ook de ministers aan van de zeven landen die op 26 maart jl. de "
            "toetredingsprotocollen hebben ondertekend: Bulgarije, Estland, Letland, Litouwen, Roemenië, Slowakije en "
            "Slovenië.")
    _, found = extract_text(tmp_path, defence_report(body, written="20 februari 2003"))
    partners = {p.actor.key for p in found.participations if p.capacity == "partner"}
    assert {"bg", "ee", "lv", "lt", "ro", "sk", "si"} <= partners


@pytest.mark.parametrize(
    "text, actor",
    [
        # a council of the EU: Ukraine takes part, not as NATO's partner
        ("Den Haag, 12 maart 2031\n\nHierbij bied ik u het verslag aan van de Raad Buitenlandse Zaken van 3 maart "
         "2031.\n\nAan de lunch nam ook de Oekraïense minister van Buitenlandse Zaken deel.\n", "ua"),
        # the letter's case: a summit outside NATO with outreach guests
        ("Den Haag, 30 juni 2031\n\nHierbij bied ik u het verslag aan van de G7-top van 26 tot en met 28 juni 2031.\n\n"
         "Aan de tweede dag namen ook de leiders van India en Indonesië deel.\n", "in"),
    ],
)
def test_a_meeting_outside_nato_has_participants_not_partners(tmp_path, text, actor):
    found = extract_text(tmp_path, text)[1]
    capacities = {p.capacity for p in found.participations if p.actor.key == actor}
    assert capacities == {"participant"}


def test_a_nato_meeting_keeps_its_partners(tmp_path):
    body = "Aan de werklunch op 14 februari nam ook de Oekraïense minister van Defensie deel."
    assert ("ua", "partner") in participants(tmp_path, body)


@pytest.mark.parametrize(
    "body, expected, absent",
    [
        # the letter's case: the company of a session ends at the verb of its clause
        ("In de sessie met de partners uit de Indo-Pacific op 14 februari staat de samenwerking tussen Rusland, "
         "Noord-Korea en Iran centraal.", {"ip4"}, {"ru", "kp", "ir"}),
        # a relative clause inside the company keeps it going to the names after "waaronder"
        ("Op 14 februari volgt een bijeenkomst met dertien partnerlanden die aan NAVO-operaties hebben bijgedragen, "
         "waaronder Australië en Japan.", {"au", "jp"}, set()),
        # not present: the negation three words before the cue
        ("Rice bepleitte samenwerking met landen zoals Australië en Japan. Deze landen waren niet bij de bijeenkomst "
         "aanwezig.", set(), {"au", "jp"}),
        # a requirement, not a participation
        ("Nederland steunt de Mediterrane Dialoog, maar het initiatief moet aansluiten bij de wensen van Marokko.",
         set(), {"ma", "mediterranean-dialogue"}),
    ],
)
def test_who_takes_part_in_a_clause_a_negation_or_a_requirement(tmp_path, body, expected, absent):
    found = {key for key, _ in participants(tmp_path, body)}
    assert expected <= found and not absent & found
