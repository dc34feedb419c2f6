"""Pledges told in more ways: troops sent in the present tense and after an announcement,
passive agents named as a list or before the verb, a year per clause, asides pointing
back at a decision, requests that pledge nothing; on sentences of our own and in letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from natokg.extract.pledge_years import clause_target_year, stated_target_year
from natokg.extract.actor_mentions import actor_mentions, coordinated
from natokg.extract.phrases import lexicons, tokenize

from support.letter_records import defence_report, extract_text, fixture_records


def pledges_in(tmp_path: Path, body: str, written: str = "12 februari 2008") -> set[tuple]:
    """(actor, kind, target year) of the commitments of a defence report with ``body``."""
    _, records = extract_text(tmp_path, defence_report(body, written=written))
    return {(c.actor.key, c.kind, c.target_year) for c in records.commitments}


@pytest.mark.parametrize(
    "body, expected",
    [
        # "zenden" is a present tense, not a weak past ("kenden")
        ("Canada zendt deze zomer 500 extra soldaten naar Kandahar.", ("ca", "capability-pledge", 2008)),
        ("De Verenigde Staten zenden dit voorjaar circa 3.200 mariniers naar Afghanistan.", ("us", "capability-pledge", 2008)),
        ("Het Verenigd Koninkrijk heeft bekendgemaakt circa 3.300 militairen naar de provincie Helmand te zenden.",
         ("gb", "capability-pledge", None)),
        ("Verwacht wordt dat Duitsland voor Kunduz circa 450 militairen beschikbaar wil stellen.",
         ("de", "capability-pledge", None)),
        ("Het kabinet heeft besloten dat Nederland met circa 1.400 militairen deelneemt aan ISAF.",
         ("nl", "capability-pledge", None)),
        ("Noorwegen meldde dat Duitsland de Quick Reaction Force in het noorden overneemt.", ("de", "capability-pledge", None)),
        ("Polen kondigde aan in de loop van 2008 helikopters naar Afghanistan te sturen.", ("pl", "capability-pledge", 2008)),
    ],
)
def test_troops_sent_offered_and_taken_over_are_pledges(tmp_path, body, expected):
    assert expected in pledges_in(tmp_path, body)


def test_sending_a_letter_is_no_pledge(tmp_path):
    assert pledges_in(tmp_path, "Ik ben voornemens u het verslag van de bijeenkomst te zenden.") == set()


def test_a_passive_agent_named_as_a_list_pledges_each_member(tmp_path):
    body = "Door Hongarije, Slovenië en Portugal werden nieuwe mentorteams toegezegd."
    assert {a for a, *_ in pledges_in(tmp_path, body)} == {"hu", "si", "pt"}
    body = "Door België en Denemarken werden twee fregatten toegezegd."
    assert {a for a, *_ in pledges_in(tmp_path, body)} == {"be", "dk"}


def test_the_agent_before_a_passive_cue_commits(tmp_path):
    body = "Door Nederland werd bevestigd dat de Nederlandse inzet in Uruzgan tot 1 augustus 2010 wordt voortgezet."
    assert {a for a, *_ in pledges_in(tmp_path, body)} == {"nl"}


def test_each_clause_keeps_a_year_of_its_own(tmp_path):
    body = ("Door Nederland werd bevestigd dat de inzet in Uruzgan tot 1 augustus 2010 wordt voortgezet, "
            "en dat Nederland in 2009 een tweede OMLT levert.")
    assert {("nl", "capability-pledge", 2010), ("nl", "capability-pledge", 2009)} <= pledges_in(tmp_path, body)
    text = "De missie loopt tot 2012, en Nederland levert in 2010 een team."
    assert clause_target_year(text, 2008, text.index("en Nederland"), len(text)) == 2010
    assert clause_target_year("Nederland levert in 2010 een team.", 2008, 0, 20) is None  # one year: the sentence's


def test_an_aside_pointing_at_a_decision_pledges_nothing(tmp_path):
    body = "Door Nederland werd bevestigd dat de inzet, zoals besloten op 30 november jl., tot 2010 wordt voortgezet."
    assert {a for a, *_ in pledges_in(tmp_path, body)} == {"nl"}


@pytest.mark.parametrize(
    "body",
    [
        "De Amerikaanse minister van Defensie, Robert Gates, had de bondgenoten per brief gevraagd meer "
        "gevechtseenheden, helikopters en trainers te leveren.",
        "De Verenigde Staten hebben de bondgenoten gevraagd meer helikopters te leveren.",
    ],
)
def test_asking_others_to_deliver_pledges_nothing(tmp_path, body):
    assert pledges_in(tmp_path, body) == set()


@pytest.mark.parametrize(
    "body, expected",
    [
        # a request noun before "om ... te <pledge verb>": asked of someone
        ("Frankrijk en het VK zetten de bondgenoten onder druk om bij te dragen aan de operatie.", set()),
        ("Nederland heeft het verzoek ontvangen om bij te dragen aan de operatie.", set()),
        ("De Secretaris-Generaal deed een beroep op de bondgenoten om helikopters te leveren.", set()),
        # a decision to give is a pledge, whoever asked
        ("Op verzoek van de VN heeft Nederland besloten om twee fregatten te leveren.", {"nl"}),
    ],
)
def test_a_request_to_give_pledges_nothing(tmp_path, body, expected):
    assert {a for a, *_ in pledges_in(tmp_path, body)} == expected


def test_letter_a_request_to_give_pledges_nothing():
    # the memo's "druk van Frankrijk en het VK op bondgenoten om bij te dragen aan acties"
    found = fixture_records("2011_foreign_ministers_agenda_memo_berlin.txt").commitments
    assert not any(c.actor.key in ("fr", "gb", "ly") for c in found)


def test_a_clause_with_a_subject_of_its_own_does_not_govern_the_amount_before_it(tmp_path):
    body = "Polen heeft wettelijk vastgelegd jaarlijks 1,95% van het bbp aan defensie te besteden, en Estland heeft aangekondigd de norm te halen."
    assert not any(a == "ee" for a, *_ in pledges_in(tmp_path, body, written="12 februari 2011"))


@pytest.mark.parametrize(
    "text, year",
    [
        ("Polen zal in de loop van 2009 helikopters leveren.", 2009),
        ("Voor ODIHR stelt Nederland in 2014 een extra bijdrage van 500.000 euro beschikbaar.", 2014),
    ],
)
def test_years_in_the_course_of_and_before_a_noun_of_the_amount(text, year):
    money = (text.index("500.000"), text.index("500.000") + 13) if "500.000" in text else None
    assert stated_target_year(text, 2008, money) == year


@pytest.mark.parametrize(
    "sentence, first, expected",
    [
        ("Robert Gates, de bondgenoten per brief", "Robert Gates", 1),  # no list: an apposition, then the object
        ("Turkije de NAVO", "Turkije", 1),
        ("Nederland, Duitsland, Italië", "Nederland", 3),
        ("Nederland, de Verenigde Staten en Duitsland", "Nederland", 3),
    ],
)
def test_a_list_is_joined_by_commas_or_a_conjunction_not_by_an_article(sentence, first, expected):
    lex = lexicons(None)
    tokens = tokenize(sentence)
    mentions = sorted(actor_mentions(tokens, lex, sentence), key=lambda m: m.first)
    assert len(coordinated(mentions[0], mentions, tokens)) == expected


def test_letter_pledges_sent_confirmed_and_listed():
    found = {(c.actor.key, c.kind, c.target_year) for c in fixture_records("2008_defence_ministers_report_vilnius.txt").commitments}
    # "dat Duitsland in de zomer de Quick Reaction Force ... overneemt": the coming summer, 2008
    assert {("us", "capability-pledge", 2008), ("pl", "capability-pledge", 2008), ("de", "capability-pledge", 2008),
            ("hu", "capability-pledge", None), ("si", "capability-pledge", None), ("pt", "capability-pledge", None),
            ("nl", "capability-pledge", 2010), ("nl", "capability-pledge", 2008)} <= found
    assert not any(a in ("allies", "us") and year is None for a, _, year in found)  # "gevraagd ... te leveren"
    found = {(c.actor.key, c.kind) for c in fixture_records("2006_defence_ministers_agenda_taormina.txt").commitments}
    assert {("gb", "capability-pledge"), ("nl", "capability-pledge")} <= found
    found = {(c.actor.key, c.amount, c.target_year) for c in fixture_records("2013_osce_report_kyiv.txt").commitments}
    assert ("nl", 500000, 2014) in found


@pytest.mark.parametrize(
    "body, expected",
    [
        ("De ministers besloten 200 militairen naar Irak te sturen.", ("allies", "capability-pledge", None)),
        ("De ministers besloten het trainingsproject voor Afghaanse functionarissen voort te zetten.",
         ("allies", "policy-pledge", None)),
        ("Duitsland besloot 200 militairen naar Irak te sturen.", ("de", "capability-pledge", None)),
    ],
)
def test_what_an_infinitive_pledges_is_pledged_by_who_decides(tmp_path, body, expected):
    assert expected in pledges_in(tmp_path, body)


@pytest.mark.parametrize(
    "body, expected",
    [
        ("De bondgenoten verklaarden zich bereid de Libische regering te ondersteunen.", ("allies", "policy-pledge", None)),
        ("Daarnaast is Nederland bereid één mijnenbestrijdingsvaartuig in hogere gereedheid te houden.",
         ("nl", "capability-pledge", None)),
        ("Nederland heeft voor het NRI één gemechaniseerd infanteriebataljon en twee fregatten aangemeld.",
         ("nl", "capability-pledge", None)),
        ("De bondgenoten stemden in met het NRI. Daarmee verplichtten zij zich om vanaf 2020 dertig bataljons "
         "inzetbaar te hebben.", ("allies", "capability-pledge", 2020)),
        ("Het kabinet heeft besloten dat de Nederlandse bijdrage aan de missie in Litouwen ook in 2019 wordt voortgezet.",
         ("nl", "capability-pledge", 2019)),
        ("Ik verwacht dat Nederland met circa 150 militairen bijdraagt aan de battlegroup.", ("nl", "capability-pledge", None)),
    ],
)
def test_readiness_registration_obligation_continuation_and_contribution(tmp_path, body, expected):
    assert expected in pledges_in(tmp_path, body, written="16 oktober 2018")


def test_registering_for_an_event_is_no_pledge(tmp_path):
    assert pledges_in(tmp_path, "Nederland heeft zich aangemeld als gastland voor de conferentie.") == set()


@pytest.mark.parametrize(
    "body",
    [
        "Nederland zal benadrukken dat de samenwerking met Rusland op dit terrein wordt voortgezet.",
        "Mocht het NAVO-pakket voor Oekraïne in 2026 worden voortgezet, dan zal het kabinet een bijdrage overwegen.",
        "Nederland steunt een nauwe afstemming, zodat Europese financiering bijdraagt aan de NAVO-prioriteiten.",
        "De Secretaris-Generaal heeft de bondgenoten gevraagd extra troepen en trainers beschikbaar te stellen.",
        "De VJTF, waaraan Nederland dit jaar samen met Duitsland bijdraagt, is operationeel.",
    ],
)
def test_continuations_conditions_purposes_and_requests_pledge_nothing_of_the_speaker(tmp_path, body):
    assert not any(actor in ("nl", "ua", "nato") for actor, *_ in pledges_in(tmp_path, body, written="20 juni 2025"))


def test_money_of_another_that_clause_is_not_the_pledges(tmp_path):
    body = ("Nederland lichtte toe dat het kabinet de defensiebegroting structureel met EUR 1,5 miljard verhoogt en "
            "dat de Nederlandse bijdrage aan de missie in Litouwen ook in 2019 wordt voortgezet.")
    assert ("nl", "capability-pledge", 2019) in pledges_in(tmp_path, body, written="2 mei 2018")


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Voorts is het kabinet voornemens voor de jaren 2018 tot en met 2020 jaarlijks EUR 15 mln beschikbaar te stellen.",
         ("nl", "financial-contribution", 2020)),
        ("Nederland is voornemens dit jaar opnieuw ten minste 250 miljoen euro via PURL beschikbaar te stellen.",
         ("nl", "financial-contribution", 2018)),
    ],
)
def test_an_inverted_intention_and_this_years_money_after_a_hedge(tmp_path, body, expected):
    assert expected in pledges_in(tmp_path, body, written="16 oktober 2018")


def test_letter_a_co_actor_with_met_and_a_second_contribution():
    found = {(c.actor.key, c.kind) for c in fixture_records("2022_extraordinary_summit_and_european_council.txt").commitments}
    assert {("nl", "capability-pledge"), ("de", "capability-pledge")} <= found  # "Nederland met Duitsland ... levert"


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Nederland zal daar dit jaar € 3,5 miljoen aan toevoegen.", ("nl", "financial-contribution", 2015)),
        ("Voorts werd door Nederland toegezegd een half miljoen euro beschikbaar te stellen voor het trustfonds.",
         ("nl", "financial-contribution", None)),
        ("Duitsland vormt dit jaar, samen met Nederland, de kern van de speerpuntmacht.", ("de", "capability-pledge", 2015)),
    ],
)
def test_money_added_and_forces_formed(tmp_path, body, expected):
    assert expected in pledges_in(tmp_path, body, written="20 februari 2015")


def test_letter_half_a_million():
    found = {(c.actor.key, c.amount) for c in fixture_records("2005_summit_report_brussels.txt").commitments}
    assert ("nl", 500000) in found  # "draagt hieraan een half miljoen euro bij"


def test_money_made_available_in_the_passive_is_the_governments(tmp_path):
    body = "De contactgroep komt bijeen. Voor militaire steun aan Oekraïne is voor 2015 in totaal € 2,5 miljard vrijgemaakt."
    assert ("nl", "financial-contribution", 2015) in pledges_in(tmp_path, body, written="20 februari 2015")
    body = "Door Duitsland is voor 2015 € 1 miljard vrijgemaakt."
    assert {a for a, *_ in pledges_in(tmp_path, body, written="20 februari 2015")} == {"de"}


def test_taking_part_in_sessions_is_no_pledge(tmp_path):
    body = "Finland en Zweden nemen als genodigden deel aan alle sessies, met uitzondering van de Nuclear Planning Group."
    assert pledges_in(tmp_path, body, written="20 februari 2023") == set()


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Het Verenigd Koninkrijk bevestigde de uitzending van vijfhonderd extra militairen.", ("gb", "capability-pledge", None)),
        ("President Obama kondigde de uitzending van 30.000 extra militairen naar Afghanistan aan.", ("us", "capability-pledge", None)),
        ("Noorwegen zal zijn bijdrage verdubbelen.", ("no", "capability-pledge", None)),
    ],
)
def test_deployments_confirmed_announced_and_doubled(tmp_path, body, expected):
    assert expected in pledges_in(tmp_path, body, written="10 december 2009")


@pytest.mark.parametrize(
    "body",
    [
        "Naar verwachting zal minister Gates de Europese bondgenoten oproepen eveneens extra troepen te leveren.",
        "Secretaris-Generaal Rasmussen meldde dat vijfentwintig landen voor 2010 ten minste 7.000 extra militairen hebben toegezegd.",
        "De bondgenoten stemden ermee in dat de missie ter bescherming van de Turkse bevolking wordt voortgezet.",
    ],
)
def test_a_call_in_the_gap_a_counted_subject_and_a_demonym_in_a_phrase_pledge_nothing_of_theirs(tmp_path, body):
    assert not any(actor in ("nl", "nato", "tr") for actor, *_ in pledges_in(tmp_path, body, written="10 december 2009"))


def test_an_amount_before_another_subjects_that_clause_stays_the_speakers(tmp_path):
    body = ("Ik heb gemeld dat het kabinet heeft besloten het defensiebudget te verhogen met 220 miljoen euro in 2016, "
            "oplopend tot 345 miljoen euro, en dat Nederland zich aan de afspraak van Wales gebonden acht.")
    found = pledges_in(tmp_path, body, written="30 juni 2015")
    assert not any(actor == "allies" for actor, *_ in found)


@pytest.mark.parametrize(
    "body, expected",
    [
        ("De ministers waren het erover eens dat de missie in 2016 in de huidige omvang wordt voortgezet.",
         {("allies", "capability-pledge", 2016)}),
        ("De ministers waren het erover eens dat de lasten binnen ISAF evenwichtiger moeten worden verdeeld.", set()),
        ("De Verenigde Staten voorpositioneren zwaar materieel in de Baltische staten.", {("us", "capability-pledge", None)}),
    ],
)
def test_agreeing_that_something_is_done_not_that_it_must_be_and_equipment_prepositioned(tmp_path, body, expected):
    assert pledges_in(tmp_path, body, written="30 juni 2015") == expected


def test_taking_part_in_an_exercise_with_the_infinitive_last(tmp_path):
    body = "Nederland is voornemens met een substantiële eenheid aan de oefening Trident Juncture deel te nemen."
    assert ("nl", "capability-pledge", None) in pledges_in(tmp_path, body, written="30 oktober 2013")
    assert pledges_in(tmp_path, "Nederland is voornemens aan de bijeenkomst deel te nemen.", written="30 oktober 2013") == set()
