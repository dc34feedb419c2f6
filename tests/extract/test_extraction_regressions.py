"""Regression tests of the extraction rules, each named after the defect it guards
against (sentences of our own, and the letters where the defect showed)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from natokg.records import ActorRef

from support.letter_records import defence_report, extract_text, records

from test_extract_actors import partners
from test_extract_pledges import own_commitments, pledges
from test_positions_forms import positions

D = Decimal


@pytest.mark.parametrize(
    "name, near",
    [("dev_2018_summit_agenda_brussel-nota.txt", "kan Skopje op de top"),
     ("dev_2002_summit_agenda_praag.txt", "eerste NAVO-top sinds de aanslagen van 11 september 2001")],
)
def test_regression_an_earlier_day_in_an_agenda_sentence_is_no_other_meeting(name, near):
    """An agenda's "Na het akkoord van Prespa ... van 17 juni jl. kan Skopje op de top ..."
    gave the summit word to an earlier meeting: a day before the letter is a recalled event."""
    from pathlib import Path

    from natokg.read.reader import read_letter

    raw = read_letter(Path(__file__).resolve().parents[2] / "corpus" / "letters" / name).raw
    at = raw.index(near)
    assert any(at <= e.start < at + len(near) for e in records(name).main_meeting.evidence)


def test_regression_reported_speech_in_the_conditional_is_a_pledge(tmp_path):
    found = pledges(tmp_path, "Nederland zegde toe dat het in 2025 zou toegroeien naar 2% van het bbp.")
    assert ("nl", "spending-target", D(2), "percent-gdp", 2025) in found


def test_regression_two_verbs_of_one_pledge_pledge_once(tmp_path):
    found = own_commitments(tmp_path, "Nederland zal twee fregatten leveren en ter beschikking stellen aan de NAVO-responsmacht.")
    assert len(found) == 1


def test_regression_a_relative_clause_with_dat_names_no_subject():
    found = records("dev_2024_summit_report_washington.txt").commitments
    assert not any(c.actor == ActorRef("state", "ua") for c in found)


def test_regression_a_coordinated_subject_after_en(tmp_path):
    found = pledges(tmp_path, "Nederland draagt EUR 5 mln. bij aan het fonds en Duitsland en Frankrijk stellen elk een fregat beschikbaar.")
    assert {("de", "capability-pledge"), ("fr", "capability-pledge")} <= {(a, k) for a, k, *_ in found}
    assert ("nl", "capability-pledge") not in {(a, k) for a, k, *_ in found}


def test_regression_money_before_a_sending_verb_is_money(tmp_path):
    found = pledges(tmp_path, "Het kabinet is bereid de vrijgekomen middelen in te zetten voor de luchtverdediging van Oekraïne.")
    assert {kind for _, kind, *_ in found} <= {"financial-contribution"}


def test_regression_talking_after_a_meeting_word_names_no_partner(tmp_path):
    body = "Tijdens de werklunch spraken de ministers uitgebreid over de verdere samenwerking met Japan en Australië."
    _, result = extract_text(tmp_path, defence_report(body))
    assert not {ActorRef("state", "jp"), ActorRef("state", "au")} & partners(result)


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Nederland zet zich in voor een wereldwijd verbod op clustermunitie.", "policy-pledge"),
        ("De NAVO zal de samenwerking met universiteiten en denktanks voortzetten.", None),
    ],
)
def test_regression_a_capability_word_outside_the_object_names_no_capability(tmp_path, sentence, kind):
    kinds = {k for _, k, *_ in pledges(tmp_path, sentence)}
    assert "capability-pledge" not in kinds and (kind is None or kind in kinds)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rusland zal zijn aanvallen op Oekraïne voortzetten.",
        "Nederland neemt deel aan de onderhandelingen over het verdrag.",
        "Nederland stemde met Duitsland in de Raad tegen het voorstel.",
        "Het kabinet houdt vast aan het groeipad, waarbij de defensiebegroting jaarlijks met 1,5% stijgt.",
    ],
)
def test_regression_going_on_talking_voting_and_rates_pledge_nothing(tmp_path, sentence):
    assert pledges(tmp_path, sentence) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Turkije vroeg het woord om zijn bezwaren tegen de verklaring over Oekraïne toe te lichten.",
        "Er zijn berichten die erop wijzen dat Iran drones aan Rusland levert voor de oorlog in Oekraïne.",
        "De oorlog in Oekraïne eist een krachtig antwoord van het bondgenootschap.",
    ],
)
def test_regression_asking_for_the_floor_reports_and_demands_of_events_are_no_stances(tmp_path, sentence):
    assert not {stance for _, stance, _ in positions(tmp_path, sentence)} & {"call-for", "emphasise"}


def test_regression_topic_words_that_belong_to_others(tmp_path):
    found = positions(tmp_path, "Nederland benadrukte dat de bondgenoten elkaar ter verantwoording moeten kunnen roepen over de capaciteitsdoelen.")
    assert not any(topic == "accountability" for *_, topic in found)
    found = positions(tmp_path, "Nederland steunt de hervormingsvoorstellen van de Oekraïense regering.")
    assert not any(topic == "nato-reform" for *_, topic in found)


# ---------------------------------------------------------------- a review of the second round of pledge forms


@pytest.mark.parametrize(
    "sentence",
    [
        "Het kabinet acht het zorgelijk dat Iran met drones bijdraagt aan de Russische oorlog tegen Oekraïne.",
        "Nederland veroordeelt het feit dat Noord-Korea met munitie bijdraagt aan de Russische agressie.",
        "De Russische bombardementen op Oekraïense steden worden voortgezet.",
        "De NAVO vormt de kern van de collectieve verdediging van Europa.",
        "Rusland heeft de opschorting van zijn steun aan het CSE-verdrag aangekondigd.",
    ],
)
def test_regression_helping_an_aggressor_continuing_attacks_describing_and_suspending_pledge_nothing(tmp_path, sentence):
    assert pledges(tmp_path, sentence) == set()


def test_regression_a_state_adjective_outside_the_subject_owns_no_passive_pledge(tmp_path):
    found = pledges(tmp_path, "Ondanks Russische bezwaren wordt de NAVO-trainingsmissie in Irak voortgezet.")
    assert {actor for actor, *_ in found} == {"nato"}


def test_regression_money_in_a_states_budget_is_that_states(tmp_path):
    body = "Duitsland kondigde nieuwe steun aan. In de Duitse begroting voor 2024 is daarvoor € 7 miljard vrijgemaakt."
    assert {actor for actor, kind, amount, *_ in pledges(tmp_path, body) if amount} == {"de"}


def test_regression_a_present_verb_after_en_keeps_its_own_subject(tmp_path):
    found = positions(tmp_path, "Nederland heeft de aanval veroordeeld en de Baltische staten geven prioriteit aan luchtverdediging.")
    assert any(actor == "baltic-states" for actor, *_ in found)


def test_regression_asking_others_then_deciding_for_oneself_pledges(tmp_path):
    body = "Nederland heeft de bondgenoten gevraagd om steun, en besloten zelf twee fregatten te leveren."
    assert ("nl", "capability-pledge") in {(actor, kind) for actor, kind, *_ in pledges(tmp_path, body)}


def test_regression_a_present_plural_like_a_past_looks_ahead(tmp_path):
    found = pledges(tmp_path, "Nederland en België melden dit jaar twee fregatten aan voor de NRF.")
    assert {("nl", 2023), ("be", 2023)} <= {(actor, year) for actor, _, _, _, year in found}


def test_regression_money_doubled_is_money(tmp_path):
    assert ("no", "financial-contribution") in {
        (actor, kind) for actor, kind, *_ in pledges(tmp_path, "Noorwegen zal zijn financiële bijdrage verdubbelen.")}


def test_regression_confirming_anothers_continued_contribution_is_no_pledge_of_ones_own(tmp_path):
    body = "Door Nederland werd bevestigd dat de Franse bijdrage aan de eFP in Roemenië wordt voortgezet."
    assert {actor for actor, *_ in pledges(tmp_path, body)} == {"fr"}


def test_regression_the_host_of_the_next_summit_is_not_this_meetings_host(tmp_path):
    text = ("Den Haag, 1 juli 2023\n\nHierbij zend ik u de geannoteerde agenda van de NAVO-top op 11 en 12 juli a.s. "
            "in Vilnius.\n\nDe gastheer van de volgende top zal aandacht vragen voor de steun aan Oekraïne.\n")
    assert not any(p.actor.key == "lt" for p in extract_text(tmp_path, text)[1].positions)


def test_regression_informal_talks_others_are_invited_to_leave_the_meeting_formal(tmp_path):
    text = ("Den Haag, 1 juni 2023\n\nHierbij zend ik u de geannoteerde agenda van de bijeenkomst van de NAVO-ministers "
            "van Defensie op 15 en 16 juni a.s. in Brussel. Tijdens de bijeenkomst zal de Secretaris-Generaal de "
            "ministers uitnodigen voor informeel overleg in Oslo in oktober.\n")
    assert not extract_text(tmp_path, text)[1].main_meeting.informal


# ---------------------------------------------------------------- review of the rules of 2026-12-05


def _found(tmp_path, body, written="20 november 2023"):
    records_ = extract_text(tmp_path, defence_report(body, written=written))[1]
    return ({(p.actor.key, p.stance, p.topic) for p in records_.positions},
            {(c.actor.key, c.kind, c.amount, c.target_year) for c in records_.commitments})


def test_regression_an_office_with_its_state_after_it_is_not_the_dutch_one(tmp_path):
    found, _ = _found(tmp_path, "De minister van Defensie van Estland benadrukte het belang van de eFP.")
    assert ("ee", "emphasise", "deterrence-and-defence") in found and not any(a == "nl" for a, *_ in found)


def test_regression_regretting_that_decision_is_regretting_a_decision(tmp_path):
    # "dat" right before the noun is a demonstrative, not the start of a clause
    found, _ = _found(tmp_path, "Rusland heeft het INF-verdrag opgezegd. Het kabinet betreurt dat besluit.")
    assert ("nl", "oppose", "nuclear-policy-and-arms-control") in found


def test_regression_a_memo_amount_of_another_state_is_its_own_pledge(tmp_path):
    letter = ("Den Haag, 3 juni 2026\n\nGeachte voorzitter,\n\nHierbij bied ik u de geannoteerde agenda aan van de "
              "NAVO-top die op 7 en 8 juli a.s. in Ankara plaatsvindt. Nederland draagt in 2026 EUR 5 mln. bij aan het "
              "trustfonds voor Oekraïne. De top spreekt over de lastenverdeling en de steun aan Oekraïne. Nederland "
              "zal pleiten voor meer steun aan Oekraïne.\n\nDe minister van Buitenlandse Zaken,\n\nA.B. de Vries\n\n")
    memo = ("TER BESLISSING\n\nAan\nMinister van Buitenlandse Zaken\n\nVan\nDirecteur Veiligheidsbeleid\n\nnota\n\n"
            "Geannoteerde agenda NAVO-top\n\nKernpunten\n\n- Duitsland stelt in 2028 EUR 5 mln. beschikbaar voor het "
            "CBRN-trustfonds.\n")
    found = extract_text(tmp_path, letter + memo)[1].commitments
    assert {(c.actor.key, c.target_year) for c in found if c.amount == 5_000_000} == {("nl", 2026), ("de", 2028)}


def test_regression_a_subject_after_the_verb_is_its_speaker_whatever_the_hash_seed(tmp_path):
    # the name of "de ministers", "de bondgenoten" starts at the article, as their mentions do
    for subject in ("de ministers", "de bondgenoten"):
        found, _ = _found(tmp_path, f"Nederland verwelkomde de toetreding van Finland en daarna riepen {subject} op tot "
                                    "meer steun aan Oekraïne.")
        assert ("allies", "call-for", "ukraine-support") in found and ("nl", "call-for", "ukraine-support") not in found


def test_regression_a_year_of_the_amount_itself_beats_the_one_opening_the_sentence():
    from natokg.extract.pledge_years import stated_target_year

    text = "Voor 2024 is EUR 10 mln. gereserveerd; daarnaast stelt Nederland in 2026 EUR 5 mln. beschikbaar."
    start = text.index("EUR 5 mln.")
    assert stated_target_year(text, 2023, (start, start + len("EUR 5 mln."))) == 2026
    start = text.index("EUR 10 mln.")
    assert stated_target_year(text, 2023, (start, start + len("EUR 10 mln."))) == 2024


def test_regression_joining_takes_the_position_just_before_in_the_same_sentence(tmp_path):
    found, _ = _found(tmp_path, "Nederland pleitte voor meer steun aan Oekraïne. Frankrijk verzette zich tegen de "
                                "uitbreiding van de NAVO; België sloot zich hierbij aan.")
    assert ("be", "oppose", "nato-enlargement") in found and ("be", "call-for", "ukraine-support") not in found


def test_regression_an_objection_must_be_what_the_infinitive_has(tmp_path):
    found, _ = _found(tmp_path, "Duitsland gaf aan twijfels over de munitieleveringen aan Oekraïne te willen wegnemen.")
    assert ("de", "oppose", "ukraine-support") not in found


def test_regression_a_year_in_a_relative_clause_is_no_count(tmp_path):
    _, found = _found(tmp_path, "De VJTF, waaraan Nederland sinds 2015 bijdraagt, is volledig operationeel.")
    assert found == set()


def test_regression_the_subject_after_the_verb_is_no_object(tmp_path):
    _, found = _found(tmp_path, "Tevens zet het kabinet zich in voor een nieuw plan voor de inzet van troepen in Litouwen.")
    assert ("nl", "policy-pledge", None, None) in found


def test_regression_a_request_in_an_opening_phrase_leaves_the_decision_a_pledge(tmp_path):
    _, found = _found(tmp_path, "Naar aanleiding van de oproep van de secretaris-generaal besloot Nederland om twee "
                                "fregatten te leveren.")
    assert ("nl", "capability-pledge", None, None) in found


def test_regression_a_deadline_without_a_year_is_never_past(tmp_path):
    _, found = _found(tmp_path, "Nederland verlengt de inzet van de F-16's tot 1 juli.")
    assert {year for *_, year in found} == {None}  # July 2023 has passed on 20 November 2023


def test_regression_an_article_subject_before_a_form_whose_second_word_is_de(tmp_path):
    _, found = _found(tmp_path, "Daarnaast droegen de ministers de Secretaris-Generaal op een actieplan op te stellen.")
    assert ("allies", "policy-pledge", None, None) in found


def test_regression_a_state_after_a_singular_decision_verb_decides(tmp_path):
    _, found = _found(tmp_path, "Daarom besloot Nederland om twee fregatten te leveren.")
    assert {actor for actor, *_ in found} == {"nl"}
    _, found = _found(tmp_path, "Vervolgens besloot Denemarken een mijnenjager naar de Oostzee te sturen.")
    assert {actor for actor, *_ in found} == {"dk"}
    # a plural verb's state, or a state after a verb whose subject opens the clause, is its object
    _, found = _found(tmp_path, "Daarom besloten de bondgenoten Albanië uit te nodigen.")
    assert "al" not in {actor for actor, *_ in found}
    _, found = _found(tmp_path, "De Raad besloot Albanië uit te nodigen.")
    assert "al" not in {actor for actor, *_ in found}


def test_regression_co_actors_of_the_verb_before_en_are_not_the_next_verbs(tmp_path):
    _, found = _found(tmp_path, "Nederland leidt samen met Denemarken de luchtmachtcoalitie en levert twee fregatten.")
    assert ("dk", "capability-pledge", None, None) not in found and ("nl", "capability-pledge", None, None) in found
    _, found = _found(tmp_path, "Nederland zet zich in voor een Patriot-systeem dat samen met andere landen wordt "
                                "samengesteld, en levert daarnaast 150 miljoen euro voor artilleriemunitie.")
    assert {actor for actor, *_ in found} == {"nl"}
    # co-actors in the verb group stay
    _, found = _found(tmp_path, "Nederland zal samen met Duitsland een fregat leveren.")
    assert {actor for actor, *_ in found} == {"nl", "de"}


def test_regression_an_amount_ending_a_sentence_is_not_the_next_sentences(tmp_path):
    # "... met een bijdrage van EUR 500 mln.1 Voor 2026 heeft het kabinet ... gereserveerd"
    _, found = _found(tmp_path, "Nederland financierde in augustus een pakket, met een bijdrage van EUR 500 mln. "
                                "Voor 2024 heeft het kabinet twee miljard euro gereserveerd.")
    assert ("nl", "financial-contribution", 500000000, 2024) not in found
    assert ("nl", "financial-contribution", 2000000000, 2024) in found


def test_regression_wanting_the_allies_to_agree_is_a_call_not_a_pledge(tmp_path):
    found, pledged = _found(tmp_path, "De Verenigde Staten en Polen willen vastleggen dat 2% van het bbp voortaan een "
                                      "ondergrens is.")
    assert pledged == set()
    assert {("us", "call-for", "defence-spending"), ("pl", "call-for", "defence-spending")} <= found
    # wanting to give is still a pledge
    _, pledged = _found(tmp_path, "Nederland wil twee fregatten leveren.")
    assert ("nl", "capability-pledge", None, None) in pledged


def test_regression_only_list_items_under_a_contributions_heading_pledge(tmp_path):
    text = ("Den Haag, 20 augustus 2031\n\nHierbij bied ik u de geannoteerde agenda aan van de NAVO-top op 4 september "
            "a.s. in Rome.\n\nNederlandse bijdragen\n\nDe Russische marine heeft in de Zwarte Zee meerdere fregatten "
            "verloren.\n\na. Maritiem: een fregat in de Standing NATO Maritime Group 1 gedurende geheel 2032.\n")
    found = {(c.actor.key, c.evidence[0].quote.split()[1]) for c in extract_text(tmp_path, text)[1].commitments}
    assert found == {("nl", "fregat")}


def test_regression_an_estimate_or_anothers_spending_is_no_contribution(tmp_path):
    _, found = _found(tmp_path, "De totale kosten van het nieuwe hoofdkwartier zijn begroot op 1 miljard euro.")
    assert found == set()
    _, found = _found(tmp_path, "De Verenigde Staten verhoogden de druk op Rusland met sancties ter waarde van 5 miljard dollar.")
    assert found == set()


def test_regression_a_vlaggenschip_is_no_ship(tmp_path):
    _, found = _found(tmp_path, "Nederland zal het vlaggenschip van de samenwerking met Duitsland voortzetten.")
    assert ("nl", "capability-pledge", None, None) not in found


def test_regression_a_closed_adverbial_clause_keeps_the_main_subject(tmp_path):
    found, _ = _found(tmp_path, "Nederland heeft, nadat Rusland Oekraïne was binnengevallen, gepleit voor strengere "
                                "sancties tegen Rusland.")
    assert {actor for actor, *_ in found} == {"nl"}
    found, _ = _found(tmp_path, "Omdat Duitsland, ondanks de kritiek, pleit voor een snelle toetreding van Oekraïne, "
                                "is er nog geen consensus.")
    assert {actor for actor, *_ in found} == {"de"}
    found, _ = _found(tmp_path, "Terwijl Duitsland aarzelt, pleit Nederland voor een snelle toetreding van Oekraïne.")
    assert {actor for actor, *_ in found} == {"nl"}


def test_regression_a_subject_before_a_singular_decision_verb_is_no_adverb(tmp_path):
    for sentence in ("Elke bondgenoot besloot Oekraïne munitie te leveren.", "Men besloot Oekraïne twee fregatten te leveren."):
        _, found = _found(tmp_path, sentence)
        assert "allies" in {actor for actor, *_ in found}  # the decision's, not the recipient's


def test_regression_naming_something_as_a_threat_is_no_appointment(tmp_path):
    found, _ = _found(tmp_path, "De bondgenoten benoemden Rusland tot de meest directe dreiging voor het bondgenootschap.")
    assert ("allies", "emphasise", "russia-threat") in found


def test_regression_onder_wie_before_an_article(tmp_path):
    found, pledged = _found(tmp_path, "Enkele bondgenoten, onder wie de Verenigde Staten en Polen, stellen elk een "
                                      "fregat beschikbaar.")
    assert {"us", "pl"} <= {actor for actor, *_ in pledged}


def test_regression_a_month_and_year_after_in_date_an_event_not_a_target(tmp_path):
    _, found = _found(tmp_path, "In januari 2023 kondigde Nederland aan twee fregatten te leveren.")
    assert ("nl", "capability-pledge", None, 2023) not in found
