"""Decisions told in the passive or by the meeting itself, requests that pledge nothing,
leading a unit, and the stance forms of older letters (wishes, conditions, objections
shown, warnings, what is held necessary). Each rule with a sentence of our own and one
from a letter."""

from __future__ import annotations

from decimal import Decimal

import pytest

from support.letter_records import defence_report, extract_text

from test_extract_pledges import own_commitments, pledges
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
])
def test_a_decision_in_the_passive_or_by_the_meeting_is_the_allies(tmp_path, body, expected):
    assert expected in pledges(tmp_path, body)


@pytest.mark.parametrize("body, expected", [
    ("Nederland zal vanaf het najaar een PRT in de provincie Baghlan leiden.", ("nl", "capability-pledge", None, None, None)),
    ("Duitsland zal de nieuwe battlegroup in Litouwen leiden.", ("de", "capability-pledge", None, None, None)),
    ("Nederland zal tot eind 2027 de gevechtsgroep in Roemenië leiden.", ("nl", "capability-pledge", None, None, 2027)),
    ("Nederland zal tot juli 2027 de gevechtsgroep in Litouwen leiden.", ("nl", "capability-pledge", None, None, 2027)),
])
def test_leading_a_unit_is_a_capability_pledge(tmp_path, body, expected):
    assert expected in pledges(tmp_path, body)


@pytest.mark.parametrize("body", [
    "Een sterker Europa in de NAVO zal leiden tot een gelijkwaardiger bondgenootschap.",
    "Duitsland vreest dat dit besluit tot meer spanningen met Rusland zal leiden.",
    # the noun "besluit tot" (cue:verb-or-noun) decides nothing
    "Frankrijk noemde een besluit tot uitbreiding van de missie voorbarig.",
    "Nederland verwelkomt het recente besluit tot verlenging van de missie.",
])
def test_leading_to_a_result_and_the_noun_besluit_pledge_nothing(tmp_path, body):
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
    ("De Verenigde Staten en enkele andere bondgenoten die geen lid zijn van de EU, waaronder Noorwegen en Turkije, "
     "benadrukten dat PESCO de NAVO moet versterken.", "tr"),
])
def test_members_named_after_a_longer_group_phrase_hold_its_position(tmp_path, body, member):
    assert member in {actor for actor, _, _ in positions(tmp_path, body)}


def test_regression_members_of_another_plural_noun_are_not_the_groups(tmp_path):
    body = "De bondgenoten met troepen in de landen van de Sahel, waaronder Mali en Niger, riepen op tot meer steun voor de Sahel."
    assert not {"ml", "ne"} & {actor for actor, _, _ in positions(tmp_path, body)}


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


@pytest.mark.parametrize("body, expected", [
    ("Nederland zet in 2027 de bijdrage van ongeveer honderd militairen in Litouwen voort en zegde toe in 2027 "
     "vijftien miljoen euro bij te dragen aan het trustfonds.",
     {("nl", "capability-pledge", None, None, 2027), ("nl", "financial-contribution", D(15000000), "eur", 2027)}),
    ("Denemarken verlengt de inzet van zijn fregat en draagt EUR 4 mln. bij aan het fonds.",
     {("dk", "capability-pledge", None, None, None), ("dk", "financial-contribution", D(4000000), "eur", None)}),
])
def test_a_verb_after_en_opens_a_clause_of_its_own_beside_an_amount(tmp_path, body, expected):
    assert expected <= pledges(tmp_path, body)


@pytest.mark.parametrize("body, expected", [
    ("Voor NATO Mission Iraq stelt Nederland vanaf het najaar een team van ongeveer tien militairen beschikbaar.", "nl"),
    ("Voor de NAVO-missie in Kosovo levert Duitsland een extra compagnie.", "de"),
])
def test_a_fronted_voor_phrase_names_no_subject(tmp_path, body, expected):
    assert {actor for actor, *_ in pledges(tmp_path, body)} == {expected}


@pytest.mark.parametrize("body, expected", [
    ("Ook werd de aangepaste commandostructuur bekrachtigd.", ("allies", "policy-pledge", None, None, None)),
    ("De bondgenoten besloten tot een nieuwe trainings- en adviesmissie in Irak.", ("allies", "capability-pledge", None, None, None)),
    ("Nederland stelt voor de politiemissie in 2027 vijftien extra functionarissen beschikbaar.",
     ("nl", "capability-pledge", None, None, 2027)),
])
def test_ratifying_and_missions_in_compounds(tmp_path, body, expected):
    assert expected in pledges(tmp_path, body)


def test_a_tot_that_opens_a_deadline_is_no_decision_tot(tmp_path):
    found = own_commitments(tmp_path, "Tijdens de bijeenkomst besloten de bondgenoten en partners de missie voort te zetten "
                                      "en de financiering van de Afghaanse strijdkrachten tot en met 2028 te verzekeren.")
    assert not any(e.quote.endswith("tot") for c in found for e in c.evidence)


@pytest.mark.parametrize("body, expected", [
    ("De bondgenoten spraken met president Porosjenko. Zij riepen Rusland op zijn troepen uit Oost-Oekraïne terug te trekken.", "allies"),
    ("De Baltische staten spraken met de Russische delegatie. Zij riepen Rusland op de akkoorden van Minsk uit te voeren.", "baltic-states"),
])
def test_a_pronoun_subject_is_never_the_object_after_the_verb(tmp_path, body, expected):
    actors = {actor for actor, _, _ in positions(tmp_path, body)}
    assert expected in actors and "ru" not in actors


@pytest.mark.parametrize("body, expected", [
    ("Op 4 april kwam de NAVO-Oekraïne Raad bijeen met de Oekraïense minister van Buitenlandse Zaken Koeleba. "
     "Hij riep de bondgenoten op met spoed extra Patriot-systemen en andere luchtverdediging te leveren.", "ua"),
    ("De Raad sprak daarna met de Georgische premier Garibasjvili. Hij riep de bondgenoten op tot meer steun voor "
     "het NAVO-lidmaatschap van Georgië.", "ge"),
])
def test_hij_after_a_sentence_without_a_speaking_subject_is_the_person_it_names(tmp_path, body, expected):
    found = extract_text(tmp_path, defence_report(body))[1].positions
    assert expected in {p.actor.key for p in found if p.stance == "call-for"}


def test_a_name_in_apposition_after_a_prepositional_phrase_is_no_subject(tmp_path):
    body = ("Al bij het ontbijt met de secretaris-generaal van de NAVO, Jens Stoltenberg, op de ochtend van 11 juli uitte "
            "president Trump scherpe kritiek op de Europese bondgenoten vanwege hun lage defensie-uitgaven.")
    found = extract_text(tmp_path, defence_report(body))[1].positions
    assert {p.actor.key for p in found} == {"us"}


@pytest.mark.parametrize("body, expected", [
    ("Minister Szijjártó verklaarde dat Hongarije geen voorstellen zal steunen die het bondgenootschap dichter bij een "
     "oorlog met Rusland kunnen brengen.", ("hu", "oppose", "russia-threat")),
    ("Duitsland verwacht dat Turkije de uitbreiding van de missie in Irak niet zal steunen.", ("tr", "oppose", "iraq")),
])
def test_a_negation_before_a_verb_at_the_end_of_its_clause_negates_it(tmp_path, body, expected):
    assert expected in positions(tmp_path, body)


@pytest.mark.parametrize("body", [
    "Militair ingrijpen in Syrië is niet aan de orde; geen enkele bondgenoot bepleitte een vliegverbod boven Syrië.",
    "Geen enkele bondgenoot steunde het Russische voorstel voor een nieuw veiligheidsverdrag met Rusland.",
])
def test_nobody_holds_a_stance_whose_subject_is_geen_enkele(tmp_path, body):
    assert not positions(tmp_path, body)


@pytest.mark.parametrize("body, expected", [
    ("Hongarije houdt zijn bezwaren tegen de kandidatuur vooralsnog aan.", ("hu", "oppose", "nato-leadership")),
    ("België bleef bezwaar maken tegen de herstellening voor Oekraïne.", ("be", "oppose", "ukraine-support")),
    ("Nederland had een voorkeur voor de herstellening voor Oekraïne.", ("nl", "support", "ukraine-support")),
    ("Ik heb gemeld dat Nederland zich aan de 2%-norm gebonden acht.", ("nl", "support", "defence-spending")),
    ("Het kabinet acht zich gebonden aan de 2%-norm.", ("nl", "support", "defence-spending")),
    ("Spanje gaf aan zich niet gebonden te achten aan de 3,5%-norm.", ("es", "oppose", "defence-spending")),
    ("Frankrijk opperde dat de defensie-uitgaven op termijn naar 3% van het bbp moeten groeien.", ("fr", "call-for", "defence-spending")),
])
def test_stance_forms_of_preference_objection_and_being_bound(tmp_path, body, expected):
    assert expected in positions(tmp_path, body)


@pytest.mark.parametrize("body, expected", [
    ("In de meerjarenraming is voor de jaren 2029 en 2030 indicatief een bedrag van EUR 15 mln per jaar opgenomen.",
     ("nl", "financial-contribution", D(15000000), "eur")),
    ("Voor de steun aan Moldavië is in de begroting een bedrag van EUR 2 mln. opgenomen.", ("nl", "financial-contribution", D(2000000), "eur")),
])
def test_an_amount_taken_up_in_the_budget_is_a_contribution(tmp_path, body, expected):
    assert expected in {found[:4] for found in pledges(tmp_path, body)}


# ---------------------------------------------------------------- regressions found in review


def test_regression_an_agreement_told_in_the_passive_keeps_its_target(tmp_path):
    found = pledges(tmp_path, "In Wales werd afgesproken dat de bondgenoten in 2027 2% van hun bbp aan defensie besteden.")
    assert ("allies", "spending-target", D(2), "percent-gdp", 2027) in found
    assert not any(kind == "policy-pledge" for _, kind, *_ in found)


@pytest.mark.parametrize("body", [
    "De minister-president zal de Nederlandse delegatie leiden.",
    "De minister zal in Leiden een toespraak houden over de NAVO.",
    "Ook werd tijdens de lunch gesproken over China, maar er werd niets overeengekomen.",
    "Dit geeft ons de opdracht om de krijgsmacht verder te versterken.",
    "In Belarus worden sinds vorig jaar Russische kernwapens gestationeerd.",
    "Nederland werd door de NAVO gevraagd de leiding van de gevechtsgroep op zich te nemen.",
    "Nederland is gevraagd de leiding van de gevechtsgroep op zich te nemen.",
])
def test_regression_leading_a_delegation_nothing_agreed_and_being_asked_pledge_nothing(tmp_path, body):
    assert not pledges(tmp_path, body)


def test_regression_the_noun_vragen_is_no_request(tmp_path):
    body = "Naar aanleiding van de vragen van bondgenoten stelt Nederland twee fregatten beschikbaar voor de missie."
    assert ("nl", "capability-pledge", None, None, None) in pledges(tmp_path, body)
    assert not positions(tmp_path, "Nederland beantwoordde de vragen van de bondgenoten over de Nederlandse luchtverdediging.")


def test_regression_the_agent_inside_a_passive_ratifies(tmp_path):
    assert {actor for actor, *_ in pledges(tmp_path, "Het toetredingsprotocol werd door Hongarije bekrachtigd.")} == {"hu"}


@pytest.mark.parametrize("body, expected", [
    ("Nog geen jaar later steunde Finland de toetreding van Zweden tot de NAVO.", ("fi", "support", "nato-enlargement")),
    ("Niet minder dan twaalf bondgenoten steunden de toetreding van Zweden tot de NAVO.", ("allies", "support", "nato-enlargement")),
    ("De minister constateerde dat Hongarije de toetreding van Zweden op geen enkele wijze steunt.", ("hu", "oppose", "nato-enlargement")),
])
def test_regression_a_negation_in_a_fronted_phrase_leaves_a_main_verb_alone(tmp_path, body, expected):
    assert expected in positions(tmp_path, body)


def test_regression_zij_with_no_stance_before_is_the_meeting(tmp_path):
    body = "De vergadering vond plaats in Brussel. Zij spraken hun steun uit voor de toetreding van Zweden tot de NAVO."
    assert ("allies", "support", "nato-enlargement") in positions(tmp_path, body)


@pytest.mark.parametrize("body, expected", [
    ("Premier Rutte sprak in de vergadering over de steun aan Oekraïne. Daarbij werd verwezen naar de recente uitspraken "
     "van president Poetin. Hij riep de bondgenoten op de steun aan Oekraïne te verhogen.", "nl"),
    ("Door de bondgenoten werd Secretaris-Generaal Stoltenberg bedankt voor zijn inzet. Hij riep de bondgenoten op de "
     "steun aan Oekraïne te verhogen.", "nato"),
    ("De ministers spraken met de Oekraïense minister Koeleba over de oorlog. Hij riep de bondgenoten op de steun aan "
     "Oekraïne te verhogen.", "ua"),
])
def test_regression_hij_is_the_speaking_person_not_one_owned_or_thanked_by_a_group(tmp_path, body, expected):
    found = extract_text(tmp_path, defence_report(body))[1].positions
    assert {p.actor.key for p in found if p.stance == "call-for"} == {expected}


def test_regression_a_co_actor_aside_ends_at_its_comma(tmp_path):
    body = "Nederland zal, samen met België en Luxemburg, Oekraïne blijven steunen in de strijd tegen Rusland."
    assert {actor for actor, _, _ in positions(tmp_path, body)} == {"nl", "be", "lu"}


def test_regression_objections_of_another_are_not_held(tmp_path):
    body = ("Turkije houdt rekening met de bezwaren van Griekenland tegen de toetreding van Zweden tot de NAVO en past "
            "zijn standpunt aan.")
    assert ("tr", "oppose", "nato-enlargement") not in positions(tmp_path, body)


@pytest.mark.parametrize("body, expected", [
    ("De bondgenoten vragen om meer steun voor Oekraïne.", ("allies", "call-for", "ukraine-support")),
    ("De VS en het VK vragen om meer steun voor Oekraïne.", ("gb", "call-for", "ukraine-support")),
    ("Nederland steunt niets minder dan een volledige toetreding van Oekraïne tot de NAVO.", ("nl", "support", "nato-enlargement")),
    ("Turkije wil de toetreding van Zweden niet langer steunen.", ("tr", "oppose", "nato-enlargement")),
    ("Hongarije kon de toetreding van Zweden niet volledig steunen.", ("hu", "oppose", "nato-enlargement")),
])
def test_regression_a_subject_before_vragen_niets_minder_dan_and_modal_negation(tmp_path, body, expected):
    assert expected in positions(tmp_path, body)


@pytest.mark.parametrize("body, expected", [
    ("Nederland zal niets minder dan twee F-35's leveren voor de air policing missie.", ("nl", "capability-pledge")),
    ("Zoals gevraagd is Nederland bereid een extra bataljon te leveren voor de NRF.", ("nl", "capability-pledge")),
])
def test_regression_niets_minder_dan_and_zoals_gevraagd_keep_the_pledge(tmp_path, body, expected):
    assert expected in {(actor, kind) for actor, kind, *_ in pledges(tmp_path, body)}


def test_regression_a_list_inside_a_co_actor_aside_is_whole(tmp_path):
    body = "Nederland pleit, net als Duitsland, Frankrijk en Italië, voor meer steun aan Oekraïne."
    assert {actor for actor, _, _ in positions(tmp_path, body)} == {"nl", "de", "fr", "it"}


def test_regression_zij_with_a_singular_verb_is_no_meeting(tmp_path):
    body = "Daarna volgde een lunch met de Oekraïense minister. Zij riep op tot meer luchtverdediging voor Oekraïne."
    assert "allies" not in {actor for actor, _, _ in positions(tmp_path, body)}


@pytest.mark.parametrize("body, expected", [
    ("Ik sprak met de Amerikaanse minister Austin over de luchtverdediging. Hij benadrukte het belang van steun aan Oekraïne.",
     "us"),
    ("Ik heb gesproken met de Oekraïense minister Koeleba. Hij riep de bondgenoten op tot meer luchtverdediging voor Oekraïne.",
     "ua"),
])
def test_hij_after_the_writer_speaking_is_the_person_spoken_with(tmp_path, body, expected):
    found = extract_text(tmp_path, defence_report(body))[1].positions
    assert {p.actor.key for p in found} == {expected}
