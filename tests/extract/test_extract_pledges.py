"""Pledges without an amount and amount rules of natokg.extract.commitments, on short
report and agenda texts of our own, plus the letter cases they were written for."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from natokg.extract import extract_letter
from natokg.extract.amounts import find_amounts
from natokg.extract.commitments import commitments_in
from natokg.read.reader import read_letter
from natokg.records import Letter, LetterRecords, Meeting, MeetingRef
from natokg.text.segment import segment

from support.letter_records import fixture_records, records

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "letters"

D = Decimal
HEADER = {
    "report": "VERSLAG VAN DE NAVO-TOP IN VILNIUS, 11 EN 12 JULI 2023\n\nOp 11 en 12 juli 2023 vond de NAVO-top plaats in Vilnius.\n\n",
    "agenda": "GEANNOTEERDE AGENDA VOOR DE NAVO-TOP IN VILNIUS, 11 EN 12 JULI 2023\n\nOp 11 en 12 juli 2023 vindt de NAVO-top plaats in Vilnius.\n\n",
}


def own_commitments(tmp_path: Path, body: str, kind: str = "report", main_meeting: bool = True) -> list:
    """The commitments of a letter of ``kind`` whose body is ``body`` (about the 2023
    Vilnius summit, unless ``main_meeting`` is False); each quote checked against the text."""
    path = tmp_path / f"own_{kind}.txt"
    path.write_text(HEADER[kind] + "Onderwerpen\n\n" + body + "\n", encoding="utf-8")
    letter = read_letter(path)
    records = LetterRecords(Letter("own", kind, "", path.name))
    if main_meeting:
        records.meetings.append(Meeting(MeetingRef("summit", date(2023, 7, 11), "vilnius"), "main", "NAVO-top"))
    commitments, _ = commitments_in(segment(letter), records)
    for c in commitments:
        for e in c.evidence:
            assert letter.raw[e.start : e.end] == e.quote
    return commitments


def pledges(tmp_path: Path, body: str, kind: str = "report") -> set[tuple]:
    commitments = own_commitments(tmp_path, body, kind)
    return {(c.actor.key, c.kind, c.amount and c.amount.normalize(), c.unit, c.target_year) for c in commitments}


def test_a_decision_of_the_ministers_is_a_pledge_of_the_allies(tmp_path):
    found = pledges(tmp_path, "De ministers namen een principebesluit over een nieuw hoofdkwartier voor logistiek.")
    assert found == {("allies", "policy-pledge", None, None, None)}


@pytest.mark.parametrize("body, expected", [
    ("De ministers richtten het Defence Innovation Accelerator op.", {("allies", "policy-pledge", None, None, None)}),
    ("De ministers namen ook een strategie voor kunstmatige intelligentie aan.", {("allies", "policy-pledge", None, None, None)}),
    # a reflexive makes another verb: focusing on something founds nothing
    ("De ministers richtten zich op de situatie in Afghanistan.", set()),
])
def test_founding_and_adopting_are_decisions(tmp_path, body, expected):
    assert pledges(tmp_path, body) == expected


def test_adopting_a_plan_is_a_pledge_but_taking_part_is_not(tmp_path):
    found = pledges(tmp_path, "Ook namen zij een actieplan voor kritieke grondstoffen aan. Daarna namen de ministers deel aan een werklunch.")
    assert found == {("allies", "policy-pledge", None, None, None)}


def test_mogelijk_of_degree_is_no_hedge(tmp_path):
    # "zo spoedig mogelijk" says how soon, not whether
    found = pledges(tmp_path, "De bondgenoten besloten de oefeningen zo snel mogelijk te hervatten.")
    assert found == {("allies", "policy-pledge", None, None, None)}
    assert pledges(tmp_path, "De bondgenoten besloten de oefeningen mogelijk te hervatten.") == set()


def test_letter_decision_to_resume_as_soon_as_possible():
    # "De bondgenoten besloten de formele bijeenkomsten van de NAVO-Rusland Raad, ook op
    # ministerieel niveau, zo spoedig mogelijk te hervatten." (2009 Strasbourg-Kehl report)
    found = records("dev_2009_summit_report_straatsburg-kehl.txt").commitments
    assert any("zo spoedig mogelijk te" in c.evidence[0].quote for c in found if c.actor.key == "allies")


def test_adopting_a_text_is_a_policy_pledge_whatever_its_modifiers_name(tmp_path):
    found = pledges(tmp_path, "De ministers stelden een plan vast voor de inzet van troepen in het oosten.")
    assert found == {("allies", "policy-pledge", None, None, None)}
    found = pledges(tmp_path, "De ministers stelden extra troepen vast voor het plan in het oosten.")
    assert found == {("allies", "capability-pledge", None, None, None)}


def test_letter_approving_a_concept_for_a_mission():
    # "De ministers keurden het concept goed voor de nieuwe missie na 2014, Resolute Support" (2013 report)
    found = records("dev_2013_dmm_report_brussel-juni.txt").commitments
    assert {c.kind for c in found if "keurden het concept goed" in c.evidence[0].quote} == {"policy-pledge"}


def test_in_a_passive_clause_the_agent_pledges(tmp_path):
    assert pledges(tmp_path, "Door Duitsland werd een Patriot-systeem toegezegd.") == {("de", "capability-pledge", None, None, None)}
    # the subject of a passive receives: "Oekraïne werd ... toegezegd"
    assert pledges(tmp_path, "Oekraïne werd door Duitsland een Patriot-systeem toegezegd.") == {("de", "capability-pledge", None, None, None)}
    assert pledges(tmp_path, "Er werd door Nederland EUR 5 miljoen toegezegd.") == {("nl", "financial-contribution", Decimal("5E+6"), "eur", None)}
    found = pledges(tmp_path, "Er werden nieuwe bijdragen aangekondigd door Duitsland en Frankrijk.")
    assert found == {("de", "capability-pledge", None, None, None), ("fr", "capability-pledge", None, None, None)}


@pytest.mark.parametrize("body, actor", [
    ("Nederland stelt twee F-35's beschikbaar.", "nl"),
    ("Nederland stelt 250 militairen beschikbaar voor de missie.", "nl"),
    ("België stelt een Patriot-eenheid ter beschikking.", "be"),
])
def test_making_troops_or_equipment_available_is_a_capability_pledge(tmp_path, body, actor):
    assert pledges(tmp_path, body) == {(actor, "capability-pledge", None, None, None)}


def test_a_pledge_inside_a_condition_is_none(tmp_path):
    body = "Nederland benadrukte dat de steun alleen geloofwaardig is als de bondgenoten de middelen ook ter beschikking stellen."
    assert pledges(tmp_path, body) == set()
    assert pledges(tmp_path, "Nederland levert fregatten, mits de Kamer instemt.") == {("nl", "capability-pledge", None, None, None)}
    assert pledges(tmp_path, "De ministers spraken over de missie, die alleen doorgaat indien de bondgenoten troepen leveren.") == set()
    # "als" as a preposition is no condition
    assert pledges(tmp_path, "Als kaderland levert Nederland 200 militairen.") == {("nl", "capability-pledge", None, None, None)}


def test_letter_passive_pledges_of_a_summit_report():
    # "Door de bondgenoten werd toegezegd de Afghaanse veiligheidstroepen [...] financieel te
    # blijven steunen" (a 2021 summit report written for the tests)
    found = extract_letter(segment(read_letter(FIXTURES / "2021_summit_report.txt"))).commitments
    assert any(c.actor.key == "allies" and c.evidence[0].quote == "toegezegd" for c in found)


def test_a_contribution_called_for_is_no_pledge(tmp_path):
    assert pledges(tmp_path, "Nederland pleit voor een verhoging van het fonds met EUR 5 miljard.") == set()
    assert pledges(tmp_path, "De bondgenoten riepen op tot een bijdrage van EUR 100 miljoen aan het fonds.") == set()
    # a call and a gift in one sentence
    found = pledges(tmp_path, "Nederland pleit voor meer steun en draagt zelf EUR 5 miljoen bij.")
    assert found == {("nl", "financial-contribution", Decimal("5E+6"), "eur", None)}


@pytest.mark.parametrize("body, expected", [
    ("Nederland zet de inzet van vier F-16's voort tot eind 2026.", {("nl", "capability-pledge", None, None, 2026)}),
    ("Nederland verlengt de inzet van de fregatten tot eind 2026.", {("nl", "capability-pledge", None, None, 2026)}),
    ("Voorts verlengt Nederland de deelname aan de missie tot en met 2026.", {("nl", "capability-pledge", None, None, 2026)}),
    ("Nederland zal achttien F-16-trainingsvliegtuigen overdragen aan Roemenië.", {("nl", "capability-pledge", None, None, None)}),
    ("Nederland zal aankondigen dat het EUR 150 miljoen bijdraagt aan het fonds.",
     {("nl", "financial-contribution", Decimal("1.5E+8"), "eur", None)}),
    # what an adversary continues or extends is no pledge: the forms need a deployment
    ("Rusland zet de steun aan de separatisten voort.", set()),
    ("Rusland verlengt de oorlog.", set()),
])
def test_continuing_extending_and_handing_over(tmp_path, body, expected):
    assert pledges(tmp_path, body) == expected


def test_letter_continuing_and_handing_over():
    # "Nederland zet de inzet van vier F-16 jachtvliegtuigen boven Irak en Oost-Syrië voort tot
    # eind 2016" and "zal Nederland [...] achttien F-16-trainingsvliegtuigen overdragen"
    # (letters written for the tests)
    for name in ("2016_defence_ministers_agenda_pdf.txt", "2025_defence_ministers_report.txt"):
        found = extract_letter(segment(read_letter(FIXTURES / name))).commitments
        assert any(c.actor.key == "nl" and c.kind == "capability-pledge" and
                   ("voort" in c.evidence[0].quote or "overdragen" in c.evidence[0].quote) for c in found), name


@pytest.mark.parametrize("body, expected", [
    ("Nederland zal met een fregat deelnemen aan de missie in de Middellandse Zee.", {("nl", "capability-pledge", None, None, None)}),
    ("Nederland zal het leiderschap van de PRT op zich nemen.", {("nl", "capability-pledge", None, None, None)}),
    ("Nederland zal honderd Iraakse militairen opleiden.", {("nl", "capability-pledge", None, None, None)}),
    ("Voor de missie bevestigde Nederland de bijdrage van tien instructeurs.", {("nl", "capability-pledge", None, None, None)}),
    # attending a meeting pledges nothing
    ("Minister-president Jetten zal deelnemen aan de NAVO-top.", set()),
    ("De minister zal tevens deelnemen aan de Vredestop over Oekraïne.", set()),
    # what a call or a proposal asks of others is not pledged
    ("Nederland riep de bondgenoten op meer troepen te leveren.", set()),
    ("Nederland heeft ervoor gepleit dat de NAVO een bijdrage levert aan ontwapening.", set()),
    ("De Secretaris-Generaal heeft voorgesteld dat de bondgenoten jaarlijks EUR 40 miljard bijdragen.", set()),
    ("Nederland riep op tot steun en zal zelf twee fregatten leveren.", {("nl", "capability-pledge", None, None, None)}),
    # a subordinate clause before the main clause: its subject is not the pledger's
    ("Terwijl Frankrijk opriep meer troepen te leveren, zegde Nederland twee fregatten toe.",
     {("nl", "capability-pledge", None, None, None)}),
])
def test_taking_part_leading_training_and_what_is_asked(tmp_path, body, expected):
    assert pledges(tmp_path, body) == expected


def test_letter_taking_the_lead_and_a_plea():
    # "Nederland zal het leiderschap op zich nemen van een project [...]" pledges; "[Ik heb]
    # ervoor gepleit dat de NAVO een bijdrage levert aan verdere ontwapening" asks NATO
    # (a 2012 report written for the tests)
    found = extract_letter(segment(read_letter(FIXTURES / "2012_defence_ministers_report.txt"))).commitments
    assert any(c.actor.key == "nl" and "op zich nemen" in c.evidence[0].quote for c in found)
    assert not any(c.actor.key == "nato" for c in found)


@pytest.mark.parametrize("body, expected", [
    # the agent of another clause does not pledge
    ("Nederland, dat door Rusland wordt bedreigd, levert een fregat.", {("nl", "capability-pledge", None, None, None)}),
    ("Nederland wordt door de bondgenoten gewaardeerd en levert een fregat.", {("nl", "capability-pledge", None, None, None)}),
    # "als" before a bare noun is a role, "zo mogelijk" a hedge
    ("Nederland blijft als kaderland troepen leveren.", {("nl", "capability-pledge", None, None, None)}),
    ("Nederland zal zo mogelijk F-16's leveren.", set()),
    # a negation right after the cue, and what could not be done
    ("Nederland levert niet langer experts aan de missie.", set()),
    ("Ook het voorzitterschap voor 2024 kon niet worden vastgesteld.", set()),
    ("Nederland levert niet alleen geld maar ook twee fregatten.", {("nl", "capability-pledge", None, None, None)}),
    # an equipment noun counts alone only as the head of a compound
    ("De bondgenoten zegden toe de eenheid van het bondgenootschap te bewaren.", {("allies", "policy-pledge", None, None, None)}),
    ("De ministers stelden een nieuw concept vast voor de inzet van troepen.", {("allies", "policy-pledge", None, None, None)}),
    # a relative clause's cue does not govern the amount of the noun it describes
    ("Het fonds van 500 miljoen euro, waaraan Nederland bijdraagt, steunt Oekraïne.", set()),
])
def test_clauses_and_objects_that_pledge_or_not(tmp_path, body, expected):
    assert pledges(tmp_path, body) == expected


@pytest.mark.parametrize("body, expected", [
    # a task the meeting gives, and a body founded now, are the allies' pledges
    ("De ministers droegen de militaire autoriteiten op een plan uit te werken.",
     {("allies", "policy-pledge", None, None, None)}),
    ("In Roemenië wordt een opleidingscentrum opgericht.", {("allies", "policy-pledge", None, None, None)}),
    # founded in the past: history, not a pledge
    ("Het centrum werd in 2004 opgericht.", set()),
])
def test_tasks_and_foundings(tmp_path, body, expected):
    assert pledges(tmp_path, body) == expected


def test_letter_tasking_the_secretary_general():
    found = {(c.actor.key, c.kind, c.target_year) for c in fixture_records("2021_summit_report_portal_table.txt").commitments}
    # "De bondgenoten droegen de Secretaris-Generaal op een nieuw Strategisch Concept op te stellen, dat ... in 2022 ..."
    assert ("allies", "policy-pledge", 2022) in found


@pytest.mark.parametrize("body, expected", [
    # a relative clause describing a force pledges nothing, unless it gives a count
    ("De VJTF, waaraan Nederland dit jaar bijdraagt, is operationeel.", set()),
    ("Het centrum is geopend, waarvoor Nederland achttien F-16's beschikbaar stelt.",
     {("nl", "capability-pledge", None, None, None)}),
    ("De missie, waaraan Duitsland 300 militairen bijdraagt, is begonnen.", {("de", "capability-pledge", None, None, None)}),
])
def test_a_relative_clause_pledges_when_it_gives_a_count(tmp_path, body, expected):
    assert pledges(tmp_path, body) == expected


def test_letter_a_relative_clause_that_gives_a_count():
    found = fixture_records("2023_foreign_ministers_agenda_and_osce_council.txt").commitments
    # "..., waarvoor Nederland achttien F-16's beschikbaar stelt."
    assert ("nl", "capability-pledge", "beschikbaar stelt") in {(c.actor.key, c.kind, c.evidence[0].quote) for c in found}


@pytest.mark.parametrize("body, expected", [
    # a name after "naast", "behalve" is no subject: those named after the verb give
    ("Naast de bondgenoten dragen ook Zweden en Finland bij aan de operatie.",
     {("se", "policy-pledge", None, None, None), ("fi", "policy-pledge", None, None, None)}),
    # staff of a civilian mission are a capability
    ("Nederland stelt voor de politiemissie vijftien extra politieagenten beschikbaar.",
     {("nl", "capability-pledge", None, None, None)}),
    # one ship, aircraft or vehicle is a capability as much as several, also ending a compound
    ("Denemarken stuurt een mijnenjager naar de Oostzee.", {("dk", "capability-pledge", None, None, None)}),
    ("Frankrijk stelt een tankvliegtuig beschikbaar.", {("fr", "capability-pledge", None, None, None)}),
    ("Noorwegen levert twaalf pantserhouwitsers aan Oekraïne.", {("no", "capability-pledge", None, None, None)}),
    # money budgeted is money given; the next verb's systems are a pledge of their own
    ("Duitsland heeft dit jaar vier miljard euro voor militaire steun begroot en zegde aanvullende "
     "IRIS-T-systemen toe.", {("de", "financial-contribution", 4000000000, "eur", 2023),
                               ("de", "capability-pledge", None, None, None)}),
    # money one will invest is money given; a call to invest, or what another invests, names none
    ("Nederland zal 200 miljoen euro in munitieproductie investeren.", {("nl", "financial-contribution", 200000000, "eur", None)}),
    ("Rusland investeert jaarlijks 10 miljard dollar in nieuwe raketten.", set()),
    ("De Verenigde Staten riepen de bondgenoten op meer te investeren in defensie.", set()),
    # the members named after "onder wie" pledge as "waaronder" ones do
    ("Enkele bondgenoten, onder wie Zweden en Noorwegen, stellen elk een fregat beschikbaar.",
     {("several-allies", "capability-pledge", None, None, None), ("se", "capability-pledge", None, None, None),
      ("no", "capability-pledge", None, None, None)}),
    # an adversary's missiles are no capability pledged ("in reactie op de inzet van de Russische raketten")
    ("De ministers stemden in met een pakket maatregelen in reactie op de Russische SSC-8-raketten.",
     {("allies", "policy-pledge", None, None, None)}),
])
def test_subjects_after_a_preposition_and_capability_nouns(tmp_path, body, expected):
    assert pledges(tmp_path, body) == expected


def test_letter_partners_named_after_the_verb_give():
    found = {c.actor.key for c in fixture_records("2011_foreign_ministers_agenda_berlin_partners.txt").commitments}
    # "Naast de bondgenoten dragen onder meer Zweden, Jordanië, Qatar en de Verenigde Arabische Emiraten bij."
    assert {"se", "jo", "qa", "ae"} <= found


def test_a_finding_with_stelde_vast_dat_is_no_pledge(tmp_path):
    assert pledges(tmp_path, "De Raad stelde vast dat de dreiging is toegenomen.") == set()


def test_troops_make_a_capability_pledge_with_its_year(tmp_path):
    found = pledges(tmp_path, "Nederland blijft tot en met 2026 met circa tachtig militairen bijdragen aan de missie in Kosovo.")
    assert found == {("nl", "capability-pledge", None, None, 2026)}


@pytest.mark.parametrize(
    "body, expected",
    [
        # the letter is about July 2023: the coming October, the next year
        ("Nederland zal het nationale plan in oktober indienen.", {("nl", "policy-pledge", None, None, 2023)}),
        ("Nederland zal volgend jaar een fregat aan de NAVO leveren.", {("nl", "capability-pledge", None, None, 2024)}),
        # a month after a meeting word dates the meeting; "eerder dit jaar" looks back
        ("De ministers zullen het actieplan op de bijeenkomst in oktober aannemen.", {("allies", "policy-pledge", None, None, None)}),
        ("Nederland heeft eerder dit jaar toegezegd een fregat te leveren.", {("nl", "capability-pledge", None, None, None)}),
    ],
)
def test_a_target_year_named_from_the_letters_date(tmp_path, body, expected):
    assert pledges(tmp_path, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Indien de Afghaanse regering het akkoord tekent, is Nederland bereid met honderd militairen aan de missie bij te dragen.",
        "Mocht er een trustfonds voor Moldavië worden opgericht, dan is Nederland bereid daaraan bij te dragen.",
        "Nadat Duitsland zijn brigade had aangekondigd, zegde Nederland een bataljon toe.",
    ],
)
def test_a_fronted_subordinate_clause_names_no_pledger(tmp_path, body):
    assert {actor for actor, *_ in pledges(tmp_path, body)} == {"nl"}


@pytest.mark.parametrize(
    "body",
    [
        "Nederland zal uiterlijk in 2035 3,5 procent van het bbp aan defensie besteden.",
        "Nederland zal toezeggen uiterlijk in 2035 3,5 procent van het bbp aan defensie te besteden.",
        "Ik heb toegelicht dat Nederland uiterlijk in 2035 3,5% van het bbp aan defensie zal besteden.",
    ],
)
def test_a_share_of_gdp_the_netherlands_will_spend_is_its_target(tmp_path, body):
    assert pledges(tmp_path, body) == {("nl", "spending-target", D("3.5"), "percent-gdp", 2035)}


def test_a_norm_a_call_asks_for_is_no_agreed_target(tmp_path):
    body = "Enkele bondgenoten, waaronder Polen, pleiten voor een norm van 2,5% van het bbp."
    assert pledges(tmp_path, body) == set()
    agreed = "De bondgenoten kwamen een norm van 3,5% van het bbp overeen."
    assert pledges(tmp_path, agreed) == {("allies", "spending-target", D("3.5"), "percent-gdp", None)}


@pytest.mark.parametrize("body", [
    "Naar verwachting halen dit jaar elf bondgenoten de 2%-norm.",
    "Dit jaar zullen 23 bondgenoten de 2%-norm halen.",
])
def test_a_tally_of_allies_reaching_a_share_is_no_pledge(tmp_path, body):
    assert pledges(tmp_path, body) == set()


def test_a_share_agreed_to_be_spent_is_a_spending_target(tmp_path):
    body = "De bondgenoten spraken af dat jaarlijks ten minste 2% van het bbp aan defensie wordt besteed."
    assert pledges(tmp_path, body) == {("allies", "spending-target", D(2), "percent-gdp", None)}


def test_growing_towards_a_share_is_a_spending_target(tmp_path):
    body = "De bondgenoten kwamen overeen binnen tien jaar toe te groeien naar 2% van het bbp voor defensie."
    assert pledges(tmp_path, body) == {("allies", "spending-target", D(2), "percent-gdp", None)}


@pytest.mark.parametrize("body, expected", [
    # "de norm van N%" is a share of GDP, the verb before the norm says whose target it is
    ("Alle bondgenoten zullen in 2035 de norm van 3,5% halen.", {("allies", "spending-target", D("3.5"), "percent-gdp", 2035)}),
    ("Nederland haalt in 2024 de NAVO-norm van 2%.", {("nl", "spending-target", D(2), "percent-gdp", 2024)}),
    ("Nederland haalt de norm van 20% voor investeringen.", set()),
])
def test_the_norm_of_a_percentage(tmp_path, body, expected):
    assert pledges(tmp_path, body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Het Verenigd Koninkrijk heeft laten weten vijfhonderd extra militairen te sturen.", ("gb", "capability-pledge")),
    ("President Macron kondigde aan dat Frankrijk een extra bataljon naar Estland stuurt.", ("fr", "capability-pledge")),
    ("Nederland houdt de twee Patriot-eenheden tot eind januari 2014 in Turkije gestationeerd.", ("nl", "capability-pledge")),
    ("Het Verenigd Koninkrijk heeft USD 110 miljoen per jaar in het vooruitzicht gesteld.", ("gb", "financial-contribution")),
])
def test_sending_stationing_and_holding_out_are_pledges(tmp_path, body, expected):
    assert expected in {(actor, kind) for actor, kind, *_ in pledges(tmp_path, body)}


def test_a_subject_after_a_comma_opens_a_clause_of_its_own(tmp_path):
    body = "Duitsland kondigde aan na 2014 achthonderd militairen in Noord-Afghanistan te handhaven, Italië zegde een bijdrage in het westen toe."
    assert {actor for actor, *_ in pledges(tmp_path, body)} == {"de", "it"}
    # a list's last member is no such subject
    assert {actor for actor, *_ in pledges(tmp_path, "Nederland, Duitsland, Italië zegden troepen toe.")} == {"nl", "de", "it"}


@pytest.mark.parametrize("body, status", [
    ("Nederland heeft in oktober 10 miljoen euro toegezegd aan het trustfonds voor Oekraïne.", "announced"),
    ("Nederland zegde in oktober twee fregatten toe.", "announced"),
    ("Nederland zal 10 miljoen euro bijdragen aan het trustfonds voor Oekraïne.", "intended"),
])
def test_an_agendas_pledge_made_before_is_announced(tmp_path, body, status):
    assert {c.status for c in own_commitments(tmp_path, body, "agenda")} == {status}


def test_a_share_named_by_its_demonym_is_that_states(tmp_path):
    body = ("Duitsland, Noorwegen en Nederland kondigden een gezamenlijk pakket van 1 miljard dollar aan; "
            "het Nederlandse aandeel bedraagt 250 miljoen euro.")
    shares = {(actor, amount) for actor, _, amount, *_ in pledges(tmp_path, body) if amount == D(250000000)}
    assert shares == {("nl", D(250000000))}


def test_a_pledge_made_earlier_was_not_made_at_the_meeting(tmp_path):
    found = own_commitments(tmp_path, "Eerder dit jaar werd door Nederland al 500 miljoen euro aan het fonds toegezegd.")
    assert [(c.actor.key, c.made_at) for c in found] == [("nl", None)]
    found = own_commitments(tmp_path, "Nederland zegde 500 miljoen euro aan het fonds toe.")
    assert [c.made_at.kind for c in found] == ["summit"]


def test_a_list_label_is_no_pledger(tmp_path):
    body = ("- Oekraïne: Nederland levert in 2023 aanvullend 100 miljoen euro aan munitie.\n"
            "- Oekraïne: aan het trustfonds werd een bijdrage van 5 miljoen euro toegezegd.")
    assert {(actor, amount) for actor, _, amount, *_ in pledges(tmp_path, body)} == {("nl", D(100000000)), ("nl", D(5000000))}


def test_offers_are_pledges_and_considering_one_is_not(tmp_path):
    body = "Frankrijk, Italië en Spanje hebben aangeboden vanaf 2016 bij toerbeurt de leiding van de VJTF op zich te nemen."
    assert {actor for actor, *_ in pledges(tmp_path, body)} == {"fr", "it", "es"}
    assert {actor for actor, *_ in pledges(tmp_path, "Turkije bood aan te bemiddelen tussen de partijen.")} == {"tr"}
    assert pledges(tmp_path, "Nederland is bereid een bijdrage aan de missie te overwegen.") == set()


@pytest.mark.parametrize("body", [
    "De minister-president heeft toegezegd honderd militairen te leveren.",
    "Ik heb toegezegd twee fregatten te leveren.",
])
def test_the_letters_government_pledges_for_the_netherlands(tmp_path, body):
    assert {(actor, kind) for actor, kind, *_ in pledges(tmp_path, body)} == {("nl", "capability-pledge")}


def test_a_verb_used_as_a_noun_is_no_pledge(tmp_path):
    body = "Nederland heeft zich ingezet voor het zo snel mogelijk leveren van militaire goederen aan Oekraïne."
    assert pledges(tmp_path, body) == set()


@pytest.mark.parametrize("body, expected", [
    # a negation in another clause, or one that compares, undoes nothing
    ("Hongarije deed niet mee maar Nederland zegde twee fregatten toe.", {("nl", "capability-pledge")}),
    ("Nu de VS niet deelnemen levert Nederland twee fregatten.", {("nl", "capability-pledge")}),
    ("Nooit eerder zegde Nederland zoveel geld toe: 100 miljoen euro.", {("nl", "financial-contribution")}),
    # a demonym names a share only with a share noun
    ("Het Amerikaanse verzoek is dat Nederland 100 miljoen euro bijdraagt aan het fonds.", {("nl", "financial-contribution")}),
    # a tally in another clause leaves the amount of this one
    ("Nederland besteedt in 2024 2% van het bbp aan defensie; daarmee halen 23 bondgenoten de norm.", {("nl", "spending-target")}),
    # a label before a verb is the subject
    ("- Duitsland: levert twee fregatten aan de missie.", {("de", "capability-pledge")}),
    # a finite verb before "van" is no noun
    ("Het kabinet levert van 2025 tot 2027 jaarlijks een fregat aan de missie.", {("nl", "capability-pledge")}),
    # sending what is no troop or equipment, an offer of apologies, another state's spending
    ("Het kabinet zal u voor de bijeenkomst een geannoteerde agenda sturen.", set()),
    ("Nederland stuurt een brief naar de secretaris-generaal.", set()),
    ("Nederland bood aan de bondgenoten excuses aan en beloofde te verbeteren.", set()),
    ("De Russische defensie-uitgaven groeien naar 7% van het bbp.", set()),
    # equipment in a compound is sent; "maar" before no name keeps the subject before it
    ("Nederland zal twee extra Chinook-transporthelikopters naar Kandahar sturen.", {("nl", "capability-pledge")}),
    ("Duitsland gaf aan zijn eenheden te houden, maar zal Tornado-verkenningsvliegtuigen voor heel Afghanistan "
     "beschikbaar stellen.", {("de", "capability-pledge")}),
    # a call with a contrast inside ("niet in 2024 maar onmiddellijk") asks, it pledges nothing
    ("President Trump riep de bondgenoten op de 2%-norm niet in 2024 maar onmiddellijk te halen.", set()),
    # taking the lead, accepting targets, raising a contribution; a refused norm is none
    # (who takes the lead "samen met" another shares it, as "Samen met Noorwegen ... zal Nederland")
    ("Nederland neemt samen met Denemarken het voortouw in de coalitie die piloten op de F-16 opleidt.",
     {("nl", "capability-pledge"), ("dk", "capability-pledge")}),
    ("Nederland zal de aan Nederland toegewezen doelstellingen aanvaarden.", {("nl", "policy-pledge")}),
    ("Nederland verhoogt zijn bijdrage aan de missie in Irak.", {("nl", "capability-pledge")}),
    ("Spanje heeft laten weten zich niet aan een norm van 5% te willen binden.", set()),
    # founding is told in the past; "richten op" is no founding
    ("De ministers zullen de bijeenkomst kort houden en richten op Oekraïne.", set()),
])
def test_negations_subjects_and_objects_in_other_clauses(tmp_path, body, expected):
    assert {(actor, kind) for actor, kind, *_ in pledges(tmp_path, body)} == expected


def test_a_past_pledge_has_no_coming_year_and_the_future_is_intended(tmp_path):
    # the letter is about July 2023: "In maart heeft ... toegezegd" is the last March, no target year
    assert [c.target_year for c in own_commitments(tmp_path, "In maart heeft Nederland toegezegd een fregat te leveren.")] == [None]
    assert {c.status for c in own_commitments(tmp_path, "Tijdens de top zal het Strategisch Concept worden aangenomen.", "agenda")} == {"intended"}
    # "eerder" that fronts no time keeps the meeting
    found = own_commitments(tmp_path, "Nederland kondigde, zoals de minister eerder meldde, een bijdrage van EUR 250 mln. aan.")
    assert [c.made_at is not None for c in found] == [True]


def test_sending_a_letter_is_no_pledge(tmp_path):
    assert pledges(tmp_path, "Hierbij sturen wij u het verslag van de top.") == set()


def test_an_abbreviations_dot_ends_no_gap(tmp_path):
    # "zal in november a.s. ... deelnemen": the dots of "a.s." stood between the cue's words
    found = pledges(tmp_path, "Nederland zal in november a.s. met vijfhonderd militairen deelnemen aan oefening Steadfast Jazz.")
    assert {(actor, kind) for actor, kind, *_ in found} == {("nl", "capability-pledge")}
    # a sentence's own end still ends it
    assert pledges(tmp_path, "Nederland zal de missie bespreken. Duitsland levert twee fregatten.") == {
        ("de", "capability-pledge", None, None, None)
    }


@pytest.mark.parametrize("body, expected", [
    ("De verklaring kon wegens Russisch verzet niet als besluit van de Raad worden aangenomen.", set()),
    ("De verklaring zal niet worden aangenomen.", set()),
    # a negation in a relative clause before the cue is the relative clause's
    ("Nederland, dat niet deelnam, levert twee fregatten.", {("nl", "capability-pledge", None, None, None)}),
])
def test_a_negation_before_the_cue_in_its_clause_undoes_it(tmp_path, body, expected):
    assert pledges(tmp_path, body) == expected


def test_a_negated_amount_is_no_pledge(tmp_path):
    assert pledges(tmp_path, "Nederland zal de 2%-norm niet in 2024 halen.") == set()
    assert pledges(tmp_path, "Nederland levert niet langer 5 miljoen euro aan het fonds.") == set()
    assert pledges(tmp_path, "Nederland zal de 2%-norm in 2024 halen.") == {("nl", "spending-target", D(2), "percent-gdp", 2024)}


def test_money_for_a_year_named_from_the_letters_date(tmp_path):
    body = "Ook voor volgend jaar reserveert het kabinet drie en een half miljard euro."
    assert pledges(tmp_path, body) == {("nl", "financial-contribution", D(3500000000), "eur", 2024)}


def test_two_amounts_of_two_clauses_keep_their_own_verbs(tmp_path):
    body = ("Nederland droeg tijdens de pandemie drie miljoen euro bij aan het trustfonds, "
            "en zal in 2024 nog eens één miljoen euro bijdragen.")
    found = own_commitments(tmp_path, body)
    assert sorted((c.amount, c.evidence[0].quote.split()[0]) for c in found) == [(D(1000000), "zal"), (D(3000000), "droeg")]


def test_letter_two_amounts_of_two_clauses():
    # "Nederland droeg tijdens de pandemie drie miljoen euro bij aan het NAVO-trustfonds voor
    # pandemische respons, en zal in 2021 nog eens één miljoen euro bijdragen." (a 2020 report
    # written for the tests)
    amounts = {c.amount for c in fixture_records("2020_defence_ministers_report_videoconference.txt").commitments
               if c.actor.key == "nl" and c.unit == "eur"}
    assert {D(3000000), D(1000000)} <= amounts


def test_money_in_number_words_is_the_pledges_amount(tmp_path):
    found = pledges(tmp_path, "Door Nederland werd een bijdrage van vijf miljoen euro toegezegd aan het trustfonds voor Oekraïne.")
    assert found == {("nl", "financial-contribution", D(5000000), "eur", None)}


def test_funding_makes_a_financial_pledge(tmp_path):
    found = pledges(tmp_path, "De bondgenoten kwamen overeen de financiering van het trustfonds voor Moldavië te verlengen.")
    assert found == {("allies", "financial-contribution", None, None, None)}


def test_the_subject_after_the_verb_of_a_sentence_opening_with_a_phrase(tmp_path):
    found = pledges(tmp_path, "Met het nieuwe steunpakket voor Oekraïne zeggen de bondgenoten toe ten minste 10 miljard euro te leveren.")
    assert ("allies", "financial-contribution", D(10000000000), "eur", None) in found
    assert all(actor != "ua" for actor, *_ in found)


def test_readiness_and_obligation_are_not_pledges(tmp_path):
    body = (
        "Veel bondgenoten toonden de bereidheid aan de missie bij te dragen. "
        "Het verslag dient op de volgende top te worden aangenomen."
    )
    assert pledges(tmp_path, body) == set()


def test_a_question_pledges_nothing(tmp_path):
    assert pledges(tmp_path, "Zal het kabinet de nieuwe norm van 3% van het bbp in de wet verankeren?") == set()


def test_a_national_pledge_stays_within_its_clause(tmp_path):
    found = pledges(tmp_path, "Nederland zal benadrukken dat de lasten eerlijk verdeeld moeten worden en dat iedereen moet bijdragen.", "agenda")
    assert found == set()


def test_meeting_the_norm_in_a_year_is_a_national_target(tmp_path):
    found = pledges(tmp_path, "De premier gaf aan dat Nederland in 2025 de 2%-norm zal halen.")
    assert found == {("nl", "spending-target", D(2), "percent-gdp", 2025)}


def test_meeting_the_norm_now_is_an_observation(tmp_path):
    assert pledges(tmp_path, "Op dit moment voldoen elf bondgenoten aan de 2%-norm.") == set()


def test_a_share_of_the_defence_budget_is_not_a_share_of_gdp(tmp_path):
    body = "De bondgenoten committeren zich om 2% van het bbp aan defensie te besteden en daarvan 25% aan materieel."
    assert pledges(tmp_path, body) == {("allies", "spending-target", D(2), "percent-gdp", None)}
    body = "De bondgenoten spraken af toe te werken naar 2% van het bbp en 25% van de defensiebudgetten aan materieel te besteden."
    assert ("allies", "spending-target", D(25), "percent-gdp", None) not in pledges(tmp_path, body)


def test_reserved_money_for_a_year(tmp_path):
    found = pledges(tmp_path, "Het kabinet heeft voor 2026 3 miljard euro gereserveerd voor steun aan Oekraïne.")
    assert found == {("nl", "financial-contribution", D(3000000000), "eur", 2026)}


def test_the_norm_amount_is_a_share_of_gdp():
    (amount,) = find_amounts("Ook Denemarken haalt de 2%-norm.")
    assert (amount.value, amount.unit, amount.text) == (D(2), "percent-gdp", "2%-norm")


@pytest.mark.parametrize(
    "name, fact",
    [
        # "De ministers nemen naar verwachting een principebesluit over het ontwerp ..."
        ("dev_2017_dmm_agenda_brussel-commandostructuur.txt", ("allies", "policy-pledge", None, None, None)),
        # "Nederland blijft tot eind 2015 met circa honderd militairen bijdragen aan Resolute Support"
        ("dev_2015_fmm_report_antalya.txt", ("nl", "capability-pledge", None, None, 2015)),
        # "Met een nieuwe Defence Investment Pledge committeerden de bondgenoten zich om ... 2% van het bbp"
        ("dev_2023_summit_report_vilnius.txt", ("allies", "spending-target", D(2), "percent-gdp", None)),
        # "Ook Nederland haalt in 2024 de 2%-norm."
        ("dev_2024_summit_agenda_washington.txt", ("nl", "spending-target", D(2), "percent-gdp", 2024)),
        # "Nederland draagt in totaal 250 miljoen euro bij aan dit initiatief"
        ("dev_2024_fmm_report_praag-informeel.txt", ("nl", "financial-contribution", D(250000000), "eur", None)),
        # "Nederland dient het nationale plan in december in."
        ("dev_2017_dmm_report_brussel-november.txt", ("nl", "policy-pledge", None, None, 2017)),
        # "het kabinet voor 2023 2,5 miljard euro heeft gereserveerd"
        ("dev_2023_dmm_report_brussel-udcg.txt", ("nl", "financial-contribution", D(2500000000), "eur", 2023)),
    ],
)
def test_letter_cases(name, fact):
    found = {(c.actor.key, c.kind, c.amount and c.amount.normalize(), c.unit, c.target_year) for c in records(name).commitments}
    assert fact in found


def test_regression_norm_inside_an_amount_does_not_make_it_an_allied_agreement():
    """"dat Nederland in 2024 de 2%-norm zal halen": the noun "norm" inside the amount
    made the allies agree a target; the verb outside it governs."""
    found = {(c.actor.key, c.target_year) for c in records("dev_2023_summit_report_vilnius.txt").commitments if c.amount == 2}
    assert ("allies", 2024) not in found and ("nl", 2024) in found


def test_regression_percent_of_defence_budgets_is_no_gdp_target():
    """"toewerken naar 2% van het bbp en 20% van de defensiebudgetten" made a 20%-of-GDP target."""
    shares = {c.unit for c in records("dev_2016_summit_agenda_warschau.txt").commitments if c.amount == 20}
    assert shares == {"percent-defence-spending"}


def test_a_share_of_defence_spending_is_a_target_of_its_own_unit(tmp_path):
    body = "Daarnaast streven de bondgenoten ernaar binnen vijf jaar 25% van hun defensie-uitgaven aan onderzoek te besteden."
    assert pledges(tmp_path, body) == {("allies", "spending-target", D(25), "percent-defence-spending", None)}
    # a share of something other than money, or of other spending, is no spending target
    body = "De bondgenoten streven ernaar dat 50% van hun landstrijdkrachten inzetbaar is."
    assert pledges(tmp_path, body) == set()
    assert pledges(tmp_path, "De bondgenoten streven ernaar 10% van hun uitgaven aan ontwikkelingshulp te besteden.") == set()
    # without an article, after an adjective, as a compound, and as the part of a share of GDP
    for body in ("De bondgenoten streven ernaar 20% van defensie-uitgaven aan materieel te besteden.",
                 "De bondgenoten streven ernaar 20% van hun jaarlijkse defensie-uitgaven aan materieel te besteden.",
                 "De bondgenoten streven ernaar 20% van hun navo-defensie-uitgaven aan materieel te besteden."):
        assert pledges(tmp_path, body) == {("allies", "spending-target", D(20), "percent-defence-spending", None)}
    body = ("De bondgenoten committeren zich om 2% van het bbp aan defensie te besteden, waarvan 20% van de "
            "defensiebudgetten aan materieel.")
    assert ("allies", "spending-target", D(20), "percent-defence-spending", None) in pledges(tmp_path, body)


def test_letter_share_of_defence_spending():
    # "Daarnaast streven zij ernaar binnen tien jaar ten minste 20% van hun defensie-uitgaven te
    # besteden aan groot materieel." (the 2014 Wales agenda)
    found = {(c.actor.key, c.kind, c.amount, c.unit) for c in records("dev_2014_summit_agenda_wales.txt").commitments}
    assert ("allies", "spending-target", D(20), "percent-defence-spending") in found


def test_bearing_an_amount_is_a_contribution(tmp_path):
    body = "Canada zal de komende drie jaar 300 miljoen dollar per jaar dragen."
    assert pledges(tmp_path, body) == {("ca", "financial-contribution", D(300000000), "usd", None)}
    # without an amount, bearing a responsibility pledges nothing; seeing to a sum ("zorg dragen") neither
    assert pledges(tmp_path, "Canada zal daarvoor de verantwoordelijkheid dragen.") == set()
    assert pledges(tmp_path, "De NAVO zal zorg dragen voor de verdeling van de EUR 50 miljoen over de projecten.") == set()


def test_letter_bearing_an_amount():
    # "Afghanistan zelf zal daarvan aanvankelijk ten minste USD 500 miljoen per jaar dragen." (Chicago 2012)
    found = {(c.actor.key, c.kind, c.amount, c.unit) for c in records("dev_2012_summit_report_chicago.txt").commitments}
    assert ("af", "financial-contribution", D(500000000), "usd") in found


def test_co_actors_named_before_the_subject_pledge_too(tmp_path):
    found = pledges(tmp_path, "Samen met Noorwegen en Zweden zal Nederland vier patrouilleschepen aan de missie leveren.")
    assert {actor for actor, *_ in found} == {"nl", "no", "se"}
    assert {kind for _, kind, *_ in found} == {"capability-pledge"}


def test_the_subject_of_a_clause_after_a_colon(tmp_path):
    found = pledges(tmp_path, "President Biden en premier Trudeau bereikten een akkoord: Canada zal de verdragstekst voorleggen aan het parlement.")
    assert found == {("ca", "policy-pledge", None, None, None)}


def test_a_pronoun_subject_refers_to_the_actors_before_the_clause(tmp_path):
    found = pledges(tmp_path, "Op 3 mei maakten Polen en Finland bekend dat zij Oekraïne twee luchtverdedigingssystemen leveren.")
    assert {actor for actor, *_ in found} == {"pl", "fi"}


def test_the_subject_of_a_passive_decision_is_not_the_actor(tmp_path):
    found = pledges(tmp_path, "Op de top zal Montenegro worden uitgenodigd lid te worden.", "agenda")
    assert found == {("allies", "policy-pledge", None, None, None)}


def test_a_reaffirmed_commitment_is_a_policy_pledge_whatever_it_names(tmp_path):
    found = pledges(tmp_path, "De bondgenoten herbevestigden hun inzet voor de financiering van het trustfonds.")
    assert found == {("allies", "policy-pledge", None, None, None)}


def test_money_in_a_launch_makes_a_financial_contribution(tmp_path):
    found = pledges(tmp_path, "Tijdens de top lanceerden twaalf bondgenoten, waaronder Nederland, een fonds van 2 miljard euro.")
    assert ("nl", "financial-contribution", D(2000000000), "eur", None) in found


def test_regression_a_pledge_after_a_semicolon_is_a_second_pledge():
    """"... bekend dat zij Oekraïne vijf ... leveren; Nederland levert samen met andere
    partners onderdelen ...": the subject after ";" was taken for the first clause, and the
    second clause's pledge was dropped as a duplicate."""
    found = [c for c in records("dev_2024_summit_report_washington.txt").commitments if c.kind == "capability-pledge"]
    assert {"us", "de", "ro", "it", "nl"} <= {c.actor.key for c in found}
    quotes = [e.quote for c in found if c.actor.key == "nl" for e in c.evidence]
    assert any("levert" in q for q in quotes) and any("leveren" in q for q in quotes)


def test_a_state_after_a_decision_verb_is_its_object(tmp_path):
    found = pledges(tmp_path, "De ministers besloten Noorwegen en IJsland uit te nodigen voor een dialoog.")
    assert found == {("allies", "policy-pledge", None, None, None)}


def test_raising_the_own_budget_is_a_spending_target_from_a_year(tmp_path):
    found = pledges(tmp_path, "Het kabinet heeft besloten de defensiebegroting vanaf 2024 structureel met EUR 300 mln. te verhogen.", "agenda")
    assert found == {("nl", "spending-target", D(300000000), "eur", 2024)}


def test_a_guideline_and_an_aim_of_a_share_of_gdp(tmp_path):
    body = (
        "De bondgenoten houden vast aan de richtlijn om 2% van het bbp aan defensie te besteden. "
        "Zij bevestigden dat zij ernaar streven ten minste 3% van het bbp aan defensie te besteden."
    )
    assert pledges(tmp_path, body, "agenda") == {
        ("allies", "spending-target", D(2), "percent-gdp", None),
        ("allies", "spending-target", D(3), "percent-gdp", None),
    }


def test_a_contribution_to_an_operation_is_a_capability_pledge(tmp_path):
    found = pledges(tmp_path, "Het kabinet is voornemens in de tweede helft van 2027 een fregat bij te dragen aan de operatie.", "agenda")
    assert found == {("nl", "capability-pledge", None, None, 2027)}


def test_a_relative_clause_pledges_nothing(tmp_path):
    assert pledges(tmp_path, "De ministers spraken met de partnerlanden die troepen leveren.") == set()


def test_regression_invited_states_are_not_the_inviting_actors():
    """"De 26 bondgenoten besloten Albanië en Kroatië uit te nodigen": Albania and
    Croatia were taken for the actors of the decision."""
    actors = {c.actor.key for c in records("dev_2008_summit_report_boekarest.txt").commitments}
    assert not actors & {"al", "hr"}


def test_the_norm_refers_to_the_share_of_gdp_named_before(tmp_path):
    body = (
        "De bondgenoten houden vast aan de richtlijn om 2% van het bbp aan defensie te besteden. "
        "Polen gaf aan dat het de norm in 2026 zal halen. Spanje zal de norm nog niet halen."
    )
    found = pledges(tmp_path, body, "agenda")
    assert ("pl", "spending-target", D(2), "percent-gdp", 2026) in found
    assert all(actor != "es" for actor, *_ in found)


def test_regression_a_realised_share_is_not_the_norm_referred_to():
    """"Canada ... de norm in 2032 zal halen" took the 2,05% Canada had reached, not the 2% norm."""
    found = {(c.actor.key, c.amount, c.target_year) for c in records("dev_2024_summit_report_washington.txt").commitments}
    assert ("ca", 2, 2032) in found
