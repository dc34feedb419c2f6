"""Stance forms (ontology/stances.ttl) and topics (ontology/topics.ttl) on sentences of
our own, and the same forms in the development letters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from natokg.extract.positions import positions_in
from natokg.read.reader import read_letter
from natokg.records import Evidence, Letter, LetterRecords, Meeting, MeetingRef
from natokg.text.segment import segment

from support.letter_records import defence_report, extract_text, fixture_records, records, sentence_positions

ROOT = Path(__file__).resolve().parents[2]


def positions(tmp_path, body: str, kind: str = "report") -> set[tuple[str, str, str]]:
    path = tmp_path / "letter.txt"
    path.write_text(body + "\n", encoding="utf-8")
    seg = segment(read_letter(path))
    found = LetterRecords(Letter("forms", kind, "", path.name))
    found.meetings.append(Meeting(MeetingRef("defence-ministers", date(2019, 2, 13), "brussels"), "main", "bijeenkomst"))
    found.positions, found.topics = positions_in(seg, found)
    return {(p.actor.key, p.stance, p.topic) for p in found.positions}


@pytest.mark.parametrize(
    "kind, sentence, expected",
    [
        # perfect tense and pronominal adverbs ("erop", "ervoor") in reports
        ("report", "Nederland heeft erop aangedrongen dat de bondgenoten meer investeren in militaire mobiliteit.",
         ("nl", "call-for", "military-mobility")),
        ("report", "Nederland pleitte ervoor de commandostructuur te versterken.", ("nl", "call-for", "command-structure")),
        ("report", "Nederland wees erop dat de piraterij in de Golf van Aden toeneemt.", ("nl", "emphasise", "piracy")),
        ("report", "Denemarken wees daarbij op het belang van de NATO Response Force.",
         ("dk", "emphasise", "nato-response-force")),
        ("report", "Nederland heeft met de nieuwe commandostructuur ingestemd.", ("nl", "support", "command-structure")),
        ("report", "Nederland herhaalde zijn steun voor de territoriale integriteit van Georgië.",
         ("nl", "support", "georgia")),
        ("report", "De minister-president feliciteerde de nieuwe secretaris-generaal met zijn benoeming.",
         ("nl", "welcome", "nato-leadership")),
        ("report", "Enkele bondgenoten toonden zich terughoudend over nieuwe afspraken over kernwapens.",
         ("several-allies", "oppose", "nuclear-policy-and-arms-control")),
        ("report", "Nederland veroordeelde de Noord-Koreaanse raketten.", ("nl", "oppose", "north-korea")),
        ("report", "De bondgenoten waren positief over het verloop van de presidentsverkiezingen in Afghanistan.",
         ("allies", "welcome", "afghanistan")),
        # a passive reaffirmation with its agent after "door"
        ("report", "Door de dertig bondgenoten werd de steun voor de soevereiniteit van Oekraïne herbevestigd.",
         ("allies", "support", "ukraine-support")),
        # intended positions in agendas
        ("agenda", "Het kabinet staat positief tegenover de NAVO-missie in Irak.", ("nl", "support", "iraq")),
        ("agenda", "Nederland zet zich ervoor in dat de NAVO en de EU elkaar aanvullen.",
         ("nl", "intend", "nato-eu-cooperation")),
        ("agenda", "Het kabinet hecht eraan dat de eenheid van het bondgenootschap bewaard blijft.",
         ("nl", "emphasise", "alliance-unity")),
        ("agenda", "Nederland zal erop aandringen dat de politieke consultatie in de Raad wordt versterkt.",
         ("nl", "call-for", "political-consultation")),
        ("agenda", "Nederland vraagt daarbij aandacht voor capaciteitsopbouw bij partners.",
         ("nl", "emphasise", "capacity-building")),
        ("agenda", "Het kabinet zal zich ervoor inzetten dat de gereedheid van de strijdkrachten toeneemt.",
         ("nl", "intend", "readiness")),
        # a perfect "heeft zich voorstander getoond van" (a letter's form), appreciation with a gap
        ("report", "Nederland heeft zich voorstander getoond van een langduriger NAVO-bijdrage aan de bestrijding van "
         "piraterij.", ("nl", "support", "piracy")),
        ("report", "Nederland stelt de inzet van Duitsland voor de NATO Response Force op prijs.",
         ("nl", "welcome", "nato-response-force")),
        # perfect tense with gaps: "heeft zich ... tegen ... uitgesproken", "heeft om ... gevraagd"
        ("report", "Rusland heeft zich in scherpe bewoordingen tegen de toetreding van Montenegro uitgesproken.",
         ("ru", "oppose", "nato-enlargement")),
        ("report", "Turkije heeft om aanvullende steun voor de versterking van de luchtverdediging gevraagd.",
         ("tr", "call-for", "missile-defence")),
    ],
)
def test_stance_form_and_topic(tmp_path, kind, sentence, expected):
    assert expected in positions(tmp_path, sentence, kind)


@pytest.mark.parametrize(
    "letter, expected",
    [
        ("dev_2017_dmm_agenda_brussel-commandostructuur.txt", ("nl", "emphasise", "military-mobility")),
        ("dev_2017_dmm_agenda_brussel-commandostructuur.txt", ("nl", "oppose", "north-korea")),
        ("dev_2017_dmm_agenda_brussel-commandostructuur.txt", ("nl", "intend", "nato-eu-cooperation")),
        ("dev_2016_summit_agenda_warschau.txt", ("nl", "emphasise", "nato-eu-cooperation")),
        ("dev_2015_fmm_report_antalya.txt", ("nl", "emphasise", "alliance-unity")),
    ],
)
def test_forms_in_the_letters(letter, expected):
    assert expected in {(p.actor.key, p.stance, p.topic) for p in records(letter).positions}


def test_letter_a_pledge_reaffirmed_in_the_passive():
    found = {(p.actor.key, p.stance, p.topic) for p in fixture_records("2021_summit_report.txt").positions}
    assert ("allies", "support", "defence-spending") in found


@pytest.mark.parametrize(
    "kind, sentence, expected",
    [
        ("report", "Ik heb benadrukt dat de commandostructuur moet worden versterkt.", ("nl", "emphasise", "command-structure")),
        ("report", "De Minister-President onderstreepte het belang van politiek overleg.",
         ("nl", "emphasise", "political-consultation")),
        ("report", "De minister vroeg aandacht voor piraterij.", ("nl", "emphasise", "piracy")),
    ],
)
def test_the_government_speaking_is_the_netherlands(tmp_path, kind, sentence, expected):
    assert positions(tmp_path, sentence, kind) == {expected}


def test_an_office_of_another_state_is_not_the_netherlands(tmp_path):
    found = positions(tmp_path, "De Amerikaanse minister benadrukte het belang van piraterijbestrijding.")
    assert ("nl", "emphasise", "piracy") not in found
    found = positions(tmp_path, "De minister van Defensie van Canada benadrukte het belang van piraterijbestrijding.")
    assert ("nl", "emphasise", "piracy") not in found


def test_letter_first_person_and_prime_minister():
    found = {(p.actor.key, p.stance, p.topic) for p in records("dev_2013_dmm_report_brussel-juni.txt").positions}
    assert ("nl", "emphasise", "nato-eu-cooperation") in found  # "Ik heb benadrukt dat Europese defensiesamenwerking ..."
    found = {(p.actor.key, p.stance, p.topic) for p in records("dev_2019_summit_report_londen-watford.txt").positions}
    assert ("nl", "call-for", "political-consultation") in found  # "De minister-president ... pleitte voor meer politiek overleg"


def test_regression_verb_after_comma_en_keeps_the_main_subject(tmp_path):
    """"X benadrukte dat de bondgenoten ..., en pleitte voor ...": the second verb is X's,
    not that of the subject inside the "dat" clause."""
    found = positions(
        tmp_path, "Nederland benadrukte dat de bondgenoten eensgezind moeten blijven, en pleitte voor meer politiek overleg."
    )
    assert ("nl", "call-for", "political-consultation") in found
    assert ("allies", "call-for", "political-consultation") not in found


def test_regression_verb_after_en_shares_the_subject_before_the_dat_clause(tmp_path):
    """"X betreurde dat ... en riep Y en Z op ...": X calls, Y and Z are called upon."""
    found = positions(tmp_path, "Denemarken vond dat de uitbreiding van de NAVO te traag gaat en riep Turkije en Hongarije op haast te maken.")
    # the opinion itself ("vond dat") is Denmark's too
    assert found == {("dk", "call-for", "nato-enlargement"), ("dk", "emphasise", "nato-enlargement")}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("De bondgenoten herbevestigden de afspraken over defensie-uitgaven.", ("allies", "support", "defence-spending")),
        ("Het kabinet hoopt dat de toetreding spoedig wordt afgerond.", ("nl", "support", "nato-enlargement")),
        ("Veel bondgenoten verwezen naar hybride dreigingen.", ("many-allies", "emphasise", "hybrid-threats")),
        ("Hongarije herhaalde zijn bezwaren tegen de toetreding.", ("hu", "oppose", "nato-enlargement")),
        ("Nederland heeft vastgehouden aan de afspraken over defensie-uitgaven.", ("nl", "support", "defence-spending")),
    ],
)
def test_more_report_forms(tmp_path, sentence, expected):
    assert expected in positions(tmp_path, sentence)


def test_the_government_named_as_de_regering_is_the_netherlands(tmp_path):
    assert positions(tmp_path, "De regering staat positief tegenover de NATO Response Force.", "agenda") == {
        ("nl", "support", "nato-response-force")
    }
    # another state's government is not the letter's
    assert ("nl", "support", "iraq") not in positions(tmp_path, "De Iraakse regering steunt de NAVO-missie in Irak.")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Nederland was, met enkele andere bondgenoten, van oordeel dat de commandostructuur kleiner kan.",
         ("nl", "emphasise", "command-structure")),
        ("De ministers hebben de secretaris-generaal verzocht een voorstel over piraterijbestrijding te doen.",
         ("allies", "call-for", "piracy")),
        ("Er bestond brede overeenstemming over de militaire mobiliteit.", ("allies", "support", "military-mobility")),
        ("Nederland onderzoekt met Duitsland de vorming van een battlegroup.", ("nl", "intend", "eu-battlegroups")),
    ],
)
def test_early_report_forms(tmp_path, sentence, expected):
    assert expected in positions(tmp_path, sentence)


def test_regression_semicolon_ends_the_clause_before_the_subject(tmp_path):
    """"... wordt besproken; het kabinet zal ... onderstrepen": not a passive, and the
    actor named before the semicolon is not the subject."""
    found = positions(
        tmp_path, "De samenwerking met Georgië wordt besproken; het kabinet zal het belang van hervormingen in Georgië onderstrepen.",
        "agenda",
    )
    assert found == {("nl", "emphasise", "georgia")}


def test_partners_in_an_aside_after_the_subject_hold_the_position(tmp_path):
    """"Nederland heeft, met onder meer Frankrijk en Duitsland, benadrukt ...": one
    position per actor; "met X" elsewhere is no partner."""
    found = positions(tmp_path, "Nederland heeft, met onder meer Denemarken en Noorwegen, benadrukt dat de NRF versterkt moet worden.")
    assert found == {("nl", "emphasise", "nato-response-force"), ("dk", "emphasise", "nato-response-force"),
                     ("no", "emphasise", "nato-response-force")}
    found = positions(tmp_path, "Nederland sprak met Denemarken over de NRF en benadrukte het belang ervan.")
    assert found == {("nl", "emphasise", "nato-response-force")}


def test_letter_aside_and_unspecified_number_of_allies():
    found = records("dev_2008_fmm_report_brussel-december.txt").positions
    # "Nederland was, met Duitsland, Frankrijk en een aantal andere bondgenoten, van oordeel ..."
    judged = {p.actor.key for p in found if p.verb == "was ... van oordeel"}
    assert judged == {"nl", "de", "fr", "several-allies"}


def test_arms_control_treaties_are_nuclear_policy_and_arms_control(tmp_path):
    assert positions(tmp_path, "Nederland benadrukte het belang van het INF-verdrag.") == {
        ("nl", "emphasise", "nuclear-policy-and-arms-control")
    }


def test_partners_from_the_indo_pacific_are_partnerships(tmp_path):
    """The partners themselves (their taking part) are the partnership topic; the region alone is the Indo-Pacific."""
    assert positions(tmp_path, "Nederland verwelkomde de deelname van de partners uit de Indo-Pacific.") == {
        ("nl", "welcome", "partnerships")
    }
    assert positions(tmp_path, "Nederland benadrukte het belang van de veiligheid in de Indo-Pacific.") == {
        ("nl", "emphasise", "indo-pacific")
    }


@pytest.mark.parametrize(
    "body, expected, wrong",
    [
        # a demonstrative points to the previous sentence, whose first topic it is about
        ("De bondgenoten spraken af meer te investeren in cyberdefensie, ook met het oog op piraterij. "
         "Nederland steunde deze afspraak.", ("nl", "support", "cyber-defence"), ("nl", "support", "piracy")),
        # a noun named earlier is found back, also inside a compound
        ("De ministers namen een principebesluit over de commandostructuur. Er komt een nieuw hoofdkwartier. "
         "Duitsland wil het hoofdkwartier voor militaire mobiliteit huisvesten. Nederland steunde het besluit.",
         ("nl", "support", "command-structure"), ("nl", "support", "military-mobility")),
    ],
)
def test_referring_noun_phrase_takes_the_topic_of_its_antecedent(tmp_path, body, expected, wrong):
    found = positions(tmp_path, body)
    assert expected in found
    assert wrong not in found


@pytest.mark.parametrize(
    "letter, expected",
    [
        ("dev_2024_summit_report_washington.txt", ("nl", "support", "ukraine-support")),
        ("dev_2024_summit_report_washington.txt", ("nl", "call-for", "ukraine-support")),
        ("dev_2017_dmm_report_brussel-november.txt", ("nl", "support", "command-structure")),
    ],
)
def test_regression_referring_noun_phrase_in_the_letters(letter, expected):
    assert expected in {(p.actor.key, p.stance, p.topic) for p in records(letter).positions}


@pytest.mark.parametrize(
    "kind, sentence, expected",
    [
        ("agenda", "Het kabinet acht het van groot belang dat de NAVO-missie in Irak wordt voortgezet.",
         ("nl", "emphasise", "iraq")),
        ("agenda", "Nederland vindt het van wezenlijk belang dat de piraterij wordt bestreden.", ("nl", "emphasise", "piracy")),
        ("agenda", "De regering stelt het op prijs dat de bondgenoten investeren in cyberdefensie.",
         ("nl", "welcome", "cyber-defence")),
    ],
)
def test_importance_with_an_adjective_and_valuing(tmp_path, kind, sentence, expected):
    assert expected in positions(tmp_path, sentence, kind)


@pytest.mark.parametrize(
    "expected", [("nl", "emphasise", "iraq"), ("nl", "welcome", "afghanistan")],
)
def test_regression_importance_and_valuing_in_the_praag_agenda(expected):
    assert expected in {(p.actor.key, p.stance, p.topic) for p in records("dev_2002_summit_agenda_praag.txt").positions}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "zowel ... als ..." coordinates: the verb keeps the main clause's subject
        ("Nederland heeft zowel in Brussel als in Den Haag gewezen op de piraterij.", ("nl", "emphasise", "piracy")),
        # a "zoals" clause has its own subject
        ("De bondgenoten besloten meer te investeren in cyberdefensie, zoals Nederland had bepleit.",
         ("nl", "call-for", "cyber-defence")),
        # a short "zoals" aside does not end the main clause
        ("Nederland heeft, zoals aangekondigd, gepleit voor meer aandacht voor piraterij.", ("nl", "call-for", "piracy")),
    ],
)
def test_zowel_als_and_zoals_clauses(tmp_path, sentence, expected):
    assert expected in positions(tmp_path, sentence)


@pytest.mark.parametrize(
    "expected", [("nl", "emphasise", "command-structure"), ("nl", "call-for", "partnerships")],
)
def test_regression_zowel_als_and_zoals_in_the_praag_report(expected):
    assert expected in {(p.actor.key, p.stance, p.topic) for p in records("dev_2002_summit_report_praag.txt").positions}


def _agenda_with_earlier_meeting(tmp_path, body: str, place: str):
    path = tmp_path / "letter.txt"
    path.write_text(body + "\n", encoding="utf-8")
    seg = segment(read_letter(path))
    found = LetterRecords(Letter("forms", "agenda", "", path.name))
    found.meetings.append(Meeting(MeetingRef("summit", date(2019, 12, 3), "london"), "main", "top"))
    start = seg.doc.raw.index(place)
    earlier = Meeting(MeetingRef("defence-ministers", date(2019, 10, 24), "brussels"), "other", "bijeenkomst",
                      evidence=[Evidence(start, start + len(place), place)])
    found.meetings.append(earlier)
    found.positions, found.topics = positions_in(seg, found)
    return {(p.stance, p.topic, p.meeting.city, p.modality) for p in found.positions}


@pytest.mark.parametrize(
    "body, expected",
    [
        # the earlier meeting is where the object was presented: the stance is intended for the main meeting
        ("Het kabinet steunt het plan voor cyberdefensie, dat Duitsland tijdens de bijeenkomst in Brussel "
         "heeft gepresenteerd.",
         ("support", "cyber-defence", "london", "intended")),
        # the earlier meeting is where the stance was held
        ("Nederland pleitte tijdens de bijeenkomst in Brussel voor meer cyberdefensie.",
         ("call-for", "cyber-defence", "brussels", "expressed")),
    ],
)
def test_earlier_meeting_in_a_relative_clause_is_not_where_the_stance_was_held(tmp_path, body, expected):
    assert expected in _agenda_with_earlier_meeting(tmp_path, body, "bijeenkomst in Brussel")


def test_regression_earlier_meeting_in_a_relative_clause_in_the_praag_agenda():
    found = {(p.stance, p.topic, p.modality) for p in records("dev_2002_summit_agenda_praag.txt").positions}
    assert ("support", "nato-response-force", "intended") in found


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Enkele bondgenoten uitten hun zorg over de vulling van de NATO Response Force.",
         ("several-allies", "concern", "nato-response-force")),
        ("Duitsland sprak daarbij zijn zorg uit over de toestand van de piraterij.", ("de", "concern", "piracy")),
        ("Daarnaast toonden de bondgenoten zich bezorgd over de piraterij in de Golf van Aden.", ("allies", "concern", "piracy")),
        # reassurance measures are part of NATO's deterrence and defence
        ("Er werd breed steun uitgesproken voor geruststellende maatregelen voor de oostelijke bondgenoten.",
         ("allies", "support", "deterrence-and-defence")),
    ],
)
def test_concern_in_the_singular_and_reassurance_measures(tmp_path, sentence, expected):
    assert expected in positions(tmp_path, sentence)


def test_letter_concern_in_the_singular_and_reassurance_measures():
    # "Verschillende bondgenoten uitten hun zorg over de vulling van de NATO Response Force"
    noordwijk = {(p.actor.key, p.stance, p.topic) for p in records("dev_2007_dmm_report_noordwijk.txt").positions}
    assert ("several-allies", "concern", "nato-response-force") in noordwijk
    # "Er werd breed steun uitgesproken voor geruststellende maatregelen voor de oos- telijke bondgenoten."
    april = {(p.actor.key, p.stance, p.topic) for p in records("dev_2014_fmm_report_brussel-april.txt").positions}
    assert ("allies", "support", "deterrence-and-defence") in april


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Denemarken had zich ingezet voor een snelle uitbreiding van de NATO Response Force.",
         ("dk", "support", "nato-response-force")),
        ("De nieuwe aanpak van de piraterij werd breed gewaardeerd.", ("allies", "welcome", "piracy")),
        ("Het kabinet zal in het najaar besluiten over een Nederlandse bijdrage aan de missie in Afghanistan.",
         ("nl", "intend", "afghanistan")),
    ],
)
def test_pluperfect_support_passive_welcome_and_a_decision_to_come(tmp_path, sentence, expected):
    assert expected in positions(tmp_path, sentence)


def test_letter_pluperfect_support_and_a_decision_to_come():
    # "Nederland had zich ingezet voor een uitnodiging aan alle drie de kandidaten en betreurt ..."
    bucharest = {(p.actor.key, p.stance, p.topic) for p in records("dev_2008_summit_report_boekarest.txt").positions}
    assert ("nl", "support", "nato-enlargement") in bucharest
    # "Het kabinet zal na de zomer besluiten over een eventuele Nederlandse bijdrage aan de post-2014-missie."
    agenda = {(p.actor.key, p.stance, p.topic) for p in records("dev_2013_dmm_agenda_brussel.txt").positions}
    assert ("nl", "intend", "afghanistan") in agenda


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Frankrijk wil dat de NAVO zich terughoudend opstelt tegenover China.", ("fr", "call-for", "china")),
        ("Duitsland twijfelde aan het nut van een nieuwe missie in Irak.", ("de", "oppose", "iraq")),
        ("Spanje betwijfelde of de trainingsmissie in Irak nodig is.", ("es", "oppose", "iraq")),
        ("Hongarije hield vast aan zijn bezwaren tegen de verklaring over Oekraïne.", ("hu", "oppose", "ukraine-support")),
        ("Turkije stemde uiteindelijk in met de toetreding van Zweden.", ("tr", "support", "nato-enlargement")),
    ],
)
def test_wanting_doubting_held_objections_and_consent_with_a_gap(tmp_path, sentence, expected):
    assert expected in positions(tmp_path, sentence)


def test_holding_to_an_objection_is_no_support(tmp_path):
    found = positions(tmp_path, "Hongarije hield vast aan zijn bezwaren tegen de verklaring over Oekraïne.")
    assert ("hu", "support", "ukraine-support") not in found


def test_letter_wanting_and_consent_with_a_gap():
    found = {(p.actor.key, p.stance, p.topic) for p in records("dev_2017_dmm_report_brussel-november.txt").positions}
    assert ("allies", "support", "cyber-defence") in found
    found = {(p.actor.key, p.stance, p.topic) for p in fixture_records("2023_summit_agenda_with_memo.txt").positions}
    assert ("pl", "call-for", "nato-enlargement") in found  # "Een aantal oostelijke bondgenoten, waaronder Polen ..., wil dat"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Verschillende bondgenoten, waaronder Frankrijk, hebben tegen uitbreiding van de gemeenschappelijke "
         "financiering bezwaar gemaakt.", ("fr", "oppose", "common-funding")),
        ("Frankrijk heeft zich eerder uitgesproken tegen een grotere rol van de NAVO in Darfur.", ("fr", "oppose", "africa")),
        ("Het Verenigd Koninkrijk verzette zich opnieuw tegen een verhoging van de gemeenschappelijke financiering.",
         ("gb", "oppose", "common-funding")),
        ("Het kabinet acht deze voorstellen voor raketverdediging onaanvaardbaar.", ("nl", "oppose", "missile-defence")),
        ("Het kabinet ziet geen aanleiding de missie in Irak uit te breiden.", ("nl", "oppose", "iraq")),
        ("Nederland staat open voor een ruimere rol van de NAVO in Irak.", ("nl", "support", "iraq")),
        ("Ik heb de voorstellen voor de hervorming van de NAVO van harte ondersteund.", ("nl", "support", "nato-reform")),
        ("De ministers stelden met tevredenheid vast dat de NATO Response Force operationeel is.",
         ("allies", "welcome", "nato-response-force")),
        ("De VS deden een dringend beroep op de bondgenoten meer te doen in Afghanistan.", ("us", "call-for", "afghanistan")),
        ("Het Verenigd Koninkrijk en Nederland benadrukten dat het Europees veiligheids- en defensiebeleid de NAVO "
         "moet versterken.", ("gb", "emphasise", "nato-eu-cooperation")),
    ],
)
def test_objections_made_openness_satisfaction_and_appeals(tmp_path, sentence, expected):
    assert expected in positions(tmp_path, sentence)


def test_letter_objections_openness_and_appeals():
    # "Dit standpunt werd door een groot aantal collega's onderschreven": at an EU meeting, EU member states
    found = {(p.actor.key, p.stance, p.topic) for p in records("dev_2004_other_report_noordwijk-eu.txt").positions}
    assert ("eu-member-states", "support", "nato-eu-cooperation") in found
    found = {(p.actor.key, p.stance, p.topic) for p in fixture_records("2011_foreign_ministers_agenda_memo_berlin.txt").positions}
    assert {("nl", "oppose", "missile-defence"), ("nl", "oppose", "libya")} <= found
    found = {(p.actor.key, p.stance) for p in fixture_records("2009_defence_ministers_report_krakow.txt").positions}
    assert ("nl", "support") in found
    found = {(p.actor.key, p.stance) for p in fixture_records("2010_eu_defence_ministers_report_ghent.txt").positions}
    assert {("gb", "oppose"), ("nl", "support")} <= found


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Roemenië en Bulgarije wezen op het belang van een permanente NAVO-aanwezigheid in de Zwarte Zee.",
         ("bg", "emphasise", "black-sea-security")),
        ("Rusland herhaalde zijn eis van juridisch bindende garanties over het raketschild.", ("ru", "call-for", "missile-defence")),
        ("De bondgenoten wezen de Russische eis over het raketschild van de hand.", ("allies", "oppose", "missile-defence")),
        ("Tegelijk werd door diverse bondgenoten zorg uitgesproken over de arrestaties in Georgië.",
         ("several-allies", "concern", "georgia")),
        ("Oekraïne vroeg de bondgenoten om meer maritieme aanwezigheid in de Zwarte Zee.", ("ua", "call-for", "black-sea-security")),
        ("De Verenigde Staten hebben duidelijk gemaakt dat zij een inhaalslag verwachten bij de defensie-uitgaven.",
         ("us", "emphasise", "defence-spending")),
        ("Het kabinet zal erop wijzen dat Nederland naar verhouding veel bijdraagt aan de lastenverdeling.",
         ("nl", "emphasise", "burden-sharing")),
    ],
)
def test_demands_rejections_worry_requests_and_making_clear(tmp_path, sentence, expected):
    assert expected in positions(tmp_path, sentence)


def test_letter_joining_and_black_sea():
    found = {(p.actor.key, p.stance) for p in fixture_records("2016_foreign_ministers_report.txt").positions}
    # "Steinmeier pleitte ervoor de dialoog met Rusland voort te zetten. Frankrijk sloot zich daarbij aan."
    assert ("fr", "call-for") in found
    found = {(p.actor.key, p.stance, p.topic) for p in fixture_records("2021_summit_report.txt").positions}
    assert ("allies", "oppose", "black-sea-security") in found


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Spanje wil zich niet binden aan een vast percentage van het bbp voor defensie.", ("es", "oppose", "defence-spending")),
        ("Het kabinet is geen voorstander van een aparte planning naast de samenwerking met de EU.",
         ("nl", "oppose", "nato-eu-cooperation")),
        ("Hongarije blijft zich verzetten tegen het vrijgeven van de middelen voor Oekraïne.", ("hu", "oppose", "ukraine-support")),
        ("Turkije zal als gastland aandacht vragen voor terrorismebestrijding.", ("tr", "emphasise", "terrorism")),
        ("Ik heb gepleit voor de oprichting van een speciaal tribunaal voor het misdrijf agressie.", ("nl", "call-for", "accountability")),
        ("Nederland heeft hier samen met onder meer Canada op aangedrongen bij de klimaatverandering.",
         ("nl", "call-for", "climate-and-security")),
    ],
)
def test_refusals_opposition_going_on_asking_attention_and_tribunals(tmp_path, sentence, expected):
    assert expected in positions(tmp_path, sentence)


def test_a_court_of_a_region_names_its_region_not_accountability():
    found = {(p.stance, p.topic) for p in records("dev_2006_summit_report_riga.txt").positions if p.actor.key == "nl"}
    assert ("emphasise", "accountability") not in found


def test_letter_refusals_and_opposition():
    found = {(p.actor.key, p.stance) for p in fixture_records("2025_defence_ministers_report_october.txt").positions}
    assert ("es", "oppose") in found
    found = {(p.actor.key, p.stance) for p in fixture_records("2025_eu_defence_council_report.txt").positions}
    assert {("hu", "oppose"), ("nl", "oppose")} <= found


def test_a_reported_stance_is_the_stance_taken(tmp_path):
    found = positions(tmp_path, "Spanje gaf opnieuw aan zich niet gebonden te achten aan de norm voor defensie-uitgaven.")
    assert found == {("es", "oppose", "defence-spending")}
    found = positions(tmp_path, "Nederland gaf aan dat het de inzet in Irak steunt.")
    assert found == {("nl", "support", "iraq")}


def test_a_report_before_a_new_main_clause_stays_a_report(tmp_path):
    found = positions(tmp_path, "Duitsland gaf het belang van de defensie-uitgaven aan, en Nederland steunde dit.")
    assert ("de", "emphasise", "defence-spending") in found


def test_letter_a_reported_stance():
    found = {(p.actor.key, p.stance, p.topic) for p in records("dev_2017_dmm_report_brussel-november.txt").positions}
    assert ("us", "support", "nato-eu-cooperation") in found and ("us", "emphasise", "nato-eu-cooperation") not in found


def test_solidarity_expressed_is_support(tmp_path):
    found = positions(tmp_path, "De aanvallen op Turkije ondermijnen de eenheid van het bondgenootschap. De bondgenoten, waaronder "
                                "Nederland, betuigden hun solidariteit met Turkije.")
    assert {("allies", "support", "alliance-unity"), ("nl", "support", "alliance-unity")} <= found


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Nederland vroeg in het bijzonder om steun voor de missie in Afghanistan.", ("nl", "call-for", "afghanistan")),
        ("Polen vroeg nadrukkelijk om meer luchtverdediging aan de oostflank.", ("pl", "call-for", "missile-defence")),
    ],
)
def test_asking_for_with_an_adverb_between(tmp_path, sentence, expected):
    assert expected in positions(tmp_path, sentence)


def test_letter_asking_for_with_an_adverb_between():
    found = {(p.actor.key, p.stance) for p in fixture_records("2025_defence_ministers_report.txt").positions}
    assert ("ua", "call-for") in found  # "Minister Sjmyhal ... vroeg in het bijzonder om extra luchtverdedigingssystemen"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the auxiliary before "en" serves both participles: the name between is the object
        ("Ik heb de arrestaties veroordeeld en de Georgische regering opgeroepen de vrijheid van vergadering te eerbiedigen.",
         ("nl", "call-for", "human-rights")),
        ("Nederland heeft de aanslag veroordeeld en de Turkse autoriteiten opgeroepen de fundamentele vrijheden te respecteren.",
         ("nl", "call-for", "human-rights")),
        ("Nederland verwelkomt de Russische deelname aan de oefening.", ("nl", "welcome", "nato-russia-relations")),
        ("Het kabinet steunt de Comprehensive Political Guidance.", ("nl", "support", "capabilities")),
    ],
)
def test_shared_auxiliary_and_topics_of_rights_and_russian_cooperation(tmp_path, sentence, expected):
    found = positions(tmp_path, sentence)
    assert expected in found
    assert not any(actor in ("ge", "tr") for actor, *_ in found)


def test_letter_shared_auxiliary_and_topics_of_rights():
    found = {(p.actor.key, p.stance, p.topic) for p in fixture_records("2013_osce_report_kyiv.txt").positions}
    assert {("nl", "call-for", "human-rights"), ("nl", "oppose", "human-rights")} <= found
    assert not any(actor == "ua" for actor, *_ in found)  # "de Oekraïense regering opgeroepen": the object


def test_the_host_speaks_for_the_host_state(tmp_path):
    text = ("Den Haag, 12 mei 2026\n\nHierbij zend ik u de geannoteerde agenda van de informele bijeenkomst van de "
            "NAVO-ministers van Buitenlandse Zaken op 21 en 22 mei a.s. in Helsingborg.\n\n"
            "De gastheer zal aandacht vragen voor de sabotage van onderzeese infrastructuur.\n")
    found = {(p.actor.key, p.stance) for p in extract_text(tmp_path, text)[1].positions}
    assert ("se", "emphasise") in found and ("nl", "emphasise") not in found


def test_pointing_out_with_er_before_op(tmp_path):
    assert ("nl", "emphasise", "military-mobility") in positions(
        tmp_path, "Nederland zal er tevens op wijzen dat de militaire mobiliteit achterblijft.")


def test_hij_refers_to_a_person_not_to_a_group_named_since(tmp_path):
    body = ("Secretaris-Generaal Stoltenberg presenteerde de ramingen van de defensie-uitgaven. Daaruit blijkt dat de "
            "uitgaven nog dalen, al verwacht een groeiend aantal bondgenoten een stijging. Hij riep de bondgenoten op "
            "meer te investeren in militaire mobiliteit.")
    found = {(p.actor.key, p.stance, p.topic) for p in extract_text(tmp_path, defence_report(body))[1].positions}
    assert ("nato", "call-for", "military-mobility") in found
    assert ("allies", "call-for", "military-mobility") not in found


def test_members_named_after_a_groups_own_phrase(tmp_path):
    found = positions(tmp_path, "De bondgenoten aan de oostflank, waaronder Polen en Litouwen, bepleiten meer militaire mobiliteit.")
    assert {("pl", "call-for", "military-mobility"), ("lt", "call-for", "military-mobility")} <= found


def test_letter_members_named_after_a_groups_own_phrase():
    found = {(p.actor.key, p.stance) for p in records("dev_2025_summit_report_den-haag.txt").positions}
    assert {("pl", "call-for"), ("baltic-states", "call-for")} <= found


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Denemarken en Noorwegen gaven aan te onderzoeken of zij kunnen bijdragen aan de missie in Irak.", ("dk", "intend", "iraq")),
        ("Ierland gaf aan zich later bij het project voor militaire mobiliteit te willen aansluiten.",
         ("ie", "intend", "military-mobility")),
        ("Duitsland gaf aan op korte termijn niet bereid te zijn tot een grotere rol in Irak.", ("de", "oppose", "iraq")),
        ("Frankrijk gaf aan dat de missie in Irak moet worden versterkt.", ("fr", "emphasise", "iraq")),
    ],
)
def test_stating_ones_own_infinitive_is_an_intention(tmp_path, sentence, expected):
    assert expected in positions(tmp_path, sentence)


def test_letter_stating_ones_own_infinitive_is_an_intention():
    found = {(p.actor.key, p.stance) for p in fixture_records("2017_eu_council_report.txt").positions}
    assert {("ie", "intend"), ("pt", "intend")} <= found  # "gaven aan zich later te willen aansluiten"


@pytest.mark.parametrize(
    "body, expected, not_expected",
    [
        # regretting what another actor decided or chose opposes it
        ("Turkije blokkeert de toetreding van Zweden. Nederland betreurt deze opstelling van Turkije.",
         ("nl", "oppose", "nato-enlargement"), ("nl", "emphasise", "nato-enlargement")),
        ("Rusland heeft het INF-verdrag opgezegd. Het kabinet betreurde het besluit van Moskou.",
         ("nl", "oppose", "nuclear-policy-and-arms-control"), ("nl", "emphasise", "nuclear-policy-and-arms-control")),
        # regretting that something happened stresses it, whatever noun the clause holds
        ("Nederland betreurde dat het besluit over de toetreding is uitgesteld.",
         ("nl", "emphasise", "nato-enlargement"), ("nl", "oppose", "nato-enlargement")),
        # only regret: underlining a decision is no opposition to it
        ("Nederland onderstreepte het besluit over de toetreding van Zweden.",
         ("nl", "emphasise", "nato-enlargement"), ("nl", "oppose", "nato-enlargement")),
    ],
)
def test_regretting_a_decision_opposes_it(tmp_path, body, expected, not_expected):
    found = sentence_positions(tmp_path, body)
    assert expected in found, sorted(found)
    assert not_expected not in found, sorted(found)


def test_letter_regretting_a_decision_opposes_it():
    found = {(p.actor.key, p.stance, p.topic) for p in fixture_records("2020_foreign_ministers_agenda_videoconference.txt").positions}
    assert ("nl", "oppose", "nuclear-policy-and-arms-control") in found, sorted(found)


@pytest.mark.parametrize(
    "body, expected",
    [
        # the subject after the finite verb, of several words, splits a stance form
        ("Tegelijk blijft het kabinet voorstander van een dialoog met Rusland in de NAVO-Rusland Raad.",
         ("nl", "support", "nato-russia-relations")),
        ("Daarom houden de Verenigde Staten vast aan de uitbreiding van de NAVO.", ("us", "support", "nato-enlargement")),
        ("In de Raad vroegen de Baltische staten om een grotere aanwezigheid van bondgenootschappelijke troepen.",
         ("baltic-states", "call-for", "deterrence-and-defence")),
    ],
)
def test_an_inverted_subject_of_several_words(tmp_path, body, expected):
    found = sentence_positions(tmp_path, body)
    assert expected in found, sorted(found)


def test_letter_an_inverted_subject_of_several_words():
    # "Tegelijk blijft het kabinet voorstander van het openhouden van de communicatiekanalen met Moskou, ..."
    found = {(p.actor.key, p.stance, p.topic) for p in fixture_records("2021_foreign_ministers_agenda_riga_memo.txt").positions}
    assert ("nl", "support", "nato-russia-relations") in found


@pytest.mark.parametrize(
    "body, expected",
    [
        # one holder of a Dutch cabinet office, named by office alone, is the Dutch government
        ("De minister van Defensie heeft in haar interventie benadrukt dat de steun aan Oekraïne langdurig moet zijn.",
         ("nl", "emphasise", "ukraine-support")),
        # all of them are the meeting's members
        ("De ministers van Defensie benadrukten dat de steun aan Oekraïne langdurig moet zijn.",
         ("allies", "emphasise", "ukraine-support")),
        # an opinion that something must happen calls for it; concern said to come
        ("Het kabinet vindt dat de top moet leiden tot een versterking van de afschrikking.",
         ("nl", "call-for", "deterrence-and-defence")),
        ("Daarnaast zal het kabinet zijn zorg uitspreken over de afscheidingsretoriek in Bosnië en Herzegovina.",
         ("nl", "concern", "western-balkans")),
    ],
)
def test_offices_opinions_and_concern(tmp_path, body, expected):
    found = {(p.actor.key, p.stance, p.topic) for p in extract_text(tmp_path, defence_report(body))[1].positions}
    assert expected in found, sorted(found)


def test_letter_a_dutch_office_named_alone():
    found = {(p.actor.key, p.stance, p.topic) for p in fixture_records("2022_ukraine_contact_group_ramstein.txt").positions}
    assert ("nl", "emphasise", "ukraine-support") in found  # "De minister van Defensie heeft ... benadrukt"
    assert ("nl", "call-for", "defence-industry") in found  # "Zij pleitte ervoor ..."


@pytest.mark.parametrize(
    "body, expected",
    [
        # joining the position just before takes its stance and topic
        ("Secretaris-Generaal Rasmussen riep de bondgenoten op meer vliegtuigen voor Libië te leveren. "
         "Frankrijk sloot zich daarbij aan.", ("fr", "call-for", "libya")),
        ("Turkije verzette zich tegen de toetreding van Zweden. Hongarije sloot zich hierbij aan.",
         ("hu", "oppose", "nato-enlargement")),
    ],
)
def test_joining_takes_the_position_joined(tmp_path, body, expected):
    found = {(p.actor.key, p.stance, p.topic) for p in extract_text(tmp_path, defence_report(body, written="12 april 2011"))[1].positions}
    assert expected in found, sorted(found)


def test_letter_joining_takes_the_position_joined():
    # "... drongen er bij de bondgenoten op aan meer toestellen beschikbaar te stellen ...
    # Secretaris-Generaal Rasmussen sloot zich hierbij aan."
    found = {(p.actor.key, p.stance, p.topic) for p in fixture_records("2011_foreign_ministers_report_berlin_joined.txt").positions}
    assert ("nato", "call-for", "libya") in found, sorted(found)


@pytest.mark.parametrize(
    "body, expected",
    [
        # an objection in a stating verb's infinitive opposes
        ("Slowakije en Roemenië gaven aan moeite te hebben met een erkenning van Kosovo.", ("sk", "oppose", "western-balkans")),
        ("Frankrijk gaf aan bezwaar te hebben tegen verdere uitbreiding van de NAVO.", ("fr", "oppose", "nato-enlargement")),
        # without one it is an intention
        ("Denemarken gaf aan een bijdrage aan de NRF te overwegen.", ("dk", "intend", "nato-response-force")),
        # a warning "ervoor dat" is a concern
        ("Polen waarschuwde ervoor dat de dialoog met Rusland geen erkenning van de annexatie mag betekenen.",
         ("pl", "concern", "nato-russia-relations")),
    ],
)
def test_objections_in_an_infinitive_and_warnings(tmp_path, body, expected):
    found = sentence_positions(tmp_path, body)
    assert expected in found, sorted(found)


def test_letter_an_objection_in_an_infinitive():
    # "Slowakije en Roemenië gaven aan moeite te hebben met een erkenning van Kosovo ..."
    found = {(p.actor.key, p.stance) for p in fixture_records("2007_eu_council_report_kosovo.txt").positions}
    assert {("sk", "oppose"), ("ro", "oppose")} <= found, sorted(found)


@pytest.mark.parametrize("body, expected", [
    ("De Raad benoemde de Noorse oud-premier tot secretaris-generaal van de NAVO.", set()),
    ("Op 26 juni heeft de Noord-Atlantische Raad minister-president Rutte benoemd tot de volgende "
     "secretaris-generaal van de NAVO.", set()),
    # naming something, also with a time after "tot", is a stance
    ("De verklaring benoemt de Russische dreiging tot 2030 als voornaamste zorg.",
     {("allies", "emphasise", "russia-threat")}),
])
def test_appointing_someone_to_a_post_is_no_stance(tmp_path, body, expected):
    assert positions(tmp_path, body) == expected


def test_letter_appointment_is_no_stance():
    # "Op 26 juni jl. heeft de Noord-Atlantische Raad minister-president Rutte benoemd tot de volgende secretaris-generaal"
    found = records("dev_2024_summit_agenda_washington.txt").positions
    assert not any("Rutte benoemd" in e.quote for p in found for e in p.evidence)


@pytest.mark.parametrize("sentence, expected", [
    ("Polen hecht er bijzonder aan dat de defensie-uitgaven de maatstaf blijven.", ("pl", "emphasise", "defence-spending")),
    ("Nederland zal wijzen op de gevolgen voor de defensie-uitgaven.", ("nl", "emphasise", "defence-spending")),
    ("Ook stelde Frankrijk dat de strijd tegen terrorisme prioriteit verdient.", ("fr", "emphasise", "terrorism")),
    ("Duitsland heeft herhaaldelijk gesteld dat de lastenverdeling niet alleen in geld moet worden gemeten.",
     ("de", "emphasise", "burden-sharing")),
    ("Italië heeft gewaarschuwd tegen een verdere escalatie met Rusland.", ("it", "emphasise", "russia-threat")),
    ("Nederland zal voorstellen cyberverdediging als vast agendapunt op te nemen.", ("nl", "call-for", "cyber-defence")),
    ("Het kabinet heet Finland van harte welkom als nieuw lid van de NAVO.", ("nl", "welcome", "nato-enlargement")),
    ("Nederland is ermee ingenomen dat de bondgenoten China gezamenlijk benoemen.", ("nl", "welcome", "china")),
    ("Nederland was verheugd dat Turkije zijn blokkade van de toetreding van Zweden heeft opgeheven.",
     ("nl", "welcome", "nato-enlargement")),
    ("De bijdrage van Japan aan het trustfonds voor Oekraïne wordt door het kabinet op prijs gesteld.",
     ("nl", "welcome", "ukraine-support")),
    ("Nederland deelt de opvatting dat de NAVO meer politiek overleg nodig heeft.", ("nl", "support", "political-consultation")),
    ("Het kabinet herkent zich niet in de kritiek op de lastenverdeling.", ("nl", "oppose", "burden-sharing")),
    ("Enkele bondgenoten hebben over de nieuwe defensie-uitgavennorm voorbehouden gemaakt.",
     ("several-allies", "oppose", "defence-spending")),
    ("De ministers stelden met voldoening vast dat de operatie in Libië succesvol is afgesloten.", ("allies", "welcome", "libya")),
    ("Het kabinet is tevreden met het evenwicht in het Strategisch Concept.", ("nl", "welcome", "strategic-concept")),
    ("Ik heb er daarnaast op gewezen dat Nederland zijn rol in Uruzgan in 2010 beëindigt.", ("nl", "emphasise", "afghanistan")),
    ("Ik heb er bij mijn collega's voor gepleit meer te investeren in cyberverdediging.", ("nl", "call-for", "cyber-defence")),
    ("Het kabinet kiest voor een robuuste roulerende aanwezigheid aan de oostflank.", ("nl", "support", "deterrence-and-defence")),
    ("Duitsland heeft zich tegen een MAP voor Georgië uitgesproken.", ("de", "oppose", "nato-enlargement")),
    ("Het kabinet zal onderzoeken of de radars van de fregatten geschikt zijn voor raketverdediging.",
     ("nl", "intend", "missile-defence")),
])
def test_more_stance_forms(tmp_path, sentence, expected):
    assert expected in positions(tmp_path, sentence)


def test_proposals_as_a_noun_call_for_nothing(tmp_path):
    # "voorstellen" with an infinitive of its own ("voorstellen uitwerken") is the noun
    found = positions(tmp_path, "De SG zal op basis van het rapport voorstellen uitwerken voor cyberverdediging.")
    assert not any(stance == "call-for" for _, stance, _ in found)


def test_a_subordinate_clause_after_terwijl_has_its_own_subject(tmp_path):
    found = positions(tmp_path, "Polen pleit voor snelle toetreding van Oekraïne tot de NAVO, terwijl Duitsland terughoudend is.")
    assert ("pl", "call-for", "nato-enlargement") in found
    assert {actor for actor, stance, _ in found if stance == "oppose"} == {"de"}


@pytest.mark.parametrize("sentence, expected", [
    ("Enkele bondgenoten gaven de voorkeur aan een verdeling van de lasten naar rato van het bbp.",
     ("several-allies", "support", "burden-sharing")),
    # a clause fronted before the main verb: the subject follows the verb
    ("Dat steeds meer bondgenoten meebetalen aan steun voor Oekraïne, juicht het kabinet toe.",
     ("nl", "welcome", "ukraine-support")),
    ("Omdat Rusland de dreiging vergroot, pleit Nederland voor meer luchtverdediging.", ("nl", "call-for", "missile-defence")),
    ("Verwacht wordt dat Canada er bij de bondgenoten op zal aandringen de 2%-norm te halen.",
     ("ca", "call-for", "defence-spending")),
])
def test_preference_and_fronted_clauses(tmp_path, sentence, expected):
    assert expected in positions(tmp_path, sentence)


def test_letter_preference_is_support():
    # "enkele bondgenoten gaven de voorkeur aan een verdeling naar rato van het bbp"
    found = {(p.actor.key, p.stance, p.topic) for p in records("dev_2024_fmm_report_praag-informeel.txt").positions}
    assert ("several-allies", "support", "defence-spending") in found
    assert ("several-allies", "emphasise", "defence-spending") not in found
