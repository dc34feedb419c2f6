"""What a position is about (natokg.extract.position_topics): sentences of our own,
then the same construction in the development letters."""

from __future__ import annotations

import pytest

from support.letter_records import defence_report, extract_text, fixture_records, records, sentence_positions


def facts(name: str) -> set[tuple[str, str, str]]:
    return {(p.actor.key, p.stance, p.topic) for p in records(name).positions}


@pytest.mark.parametrize(
    "body, expected, not_expected",
    [
        # examples after "onder meer", "in het bijzonder" illustrate the topic named before them
        ("Nederland waardeerde de nauwe samenwerking tussen de NAVO en de EU, onder meer op het gebied van "
         "militaire mobiliteit.", ("nl", "welcome", "nato-eu-cooperation"), ("nl", "welcome", "military-mobility")),
        # nothing named before the examples: what a referring noun phrase points back to
        ("De NAVO en de EU werken samen bij de bestrijding van hybride dreigingen en cyberaanvallen.\n\n"
         "Ook wordt gesproken over de samenwerking tussen de NAVO en de EU. Nederland steunde deze samenwerking, in het "
         "bijzonder op het gebied van cyberverdediging.",
         ("nl", "support", "nato-eu-cooperation"), ("nl", "support", "cyber-defence")),
        # a clause set off by a comma after the object says something about it
        ("De bondgenoten bespraken de aanpassing van de commandostructuur. Nederland steunde de aanpassing, omdat "
         "de collectieve verdediging daarmee sterker wordt.",
         ("nl", "support", "command-structure"), ("nl", "support", "deterrence-and-defence")),
        # but "inclusief" inside parentheses ends nothing
        ("Nederland vroeg aandacht voor terrorisme (inclusief de financiering ervan) en de Arctische regio.",
         ("nl", "emphasise", "arctic"), None),
    ],
)
def test_examples_and_comma_clauses_do_not_name_the_topic(tmp_path, body, expected, not_expected):
    found = sentence_positions(tmp_path, body)
    assert expected in found, sorted(found)
    assert not_expected not in found, sorted(found)


@pytest.mark.parametrize(
    "name, expected, not_expected",
    [
        ("dev_2023_fmm_agenda_oslo-informeel.txt", ("nl", "emphasise", "partnerships"),
         ("nl", "emphasise", "cyber-defence")),
        ("dev_2018_summit_agenda_brussel-nota.txt", ("nl", "support", "nato-enlargement"),
         ("nl", "support", "western-balkans")),
        ("dev_2017_dmm_agenda_brussel-commandostructuur.txt", ("nl", "support", "command-structure"),
         ("nl", "support", "deterrence-and-defence")),
    ],
)
def test_letters_examples_and_comma_clauses(name, expected, not_expected):
    assert expected in facts(name)
    assert not_expected not in facts(name)


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Nederland veroordeelde het Russische optreden in de Zwarte Zee.", ("nl", "oppose", "russia-threat")),
        ("Nederland onderstreepte het belang van de bijstandsverplichting van artikel 5.",
         ("nl", "emphasise", "deterrence-and-defence")),
        ("Nederland steunde de Euro-Atlantische integratie van Moldavië.", ("nl", "support", "nato-enlargement")),
        ("Nederland pleitte voor een grotere productiecapaciteit in Europa.", ("nl", "call-for", "defence-industry")),
        ("Denemarken riep op tot meer gezamenlijke verwerving van munitie.", ("dk", "call-for", "defence-industry")),
        ("Nederland riep op tot uitvoering van de Defence Investment Pledge.", ("nl", "call-for", "defence-spending")),
        ("Canada wees op de noodzaak van meer investeringen in defensie.", ("ca", "emphasise", "defence-spending")),
        ("Nederland benadrukte het belang van interoperabiliteit met partners.", ("nl", "emphasise", "partnerships")),
        ("Nederland steunde de samenwerking via jaarlijkse nationale programma's.", ("nl", "support", "partnerships")),
        # stance forms: regret stresses, considering intends, "niet kon instemmen" opposes
        ("Nederland betreurde dat de oefening werd afgelast wegens de piraterij.", ("nl", "emphasise", "piracy")),
        ("Het kabinet overweegt een bijdrage aan de NATO Response Force.", ("nl", "intend", "nato-response-force")),
        ("Frankrijk kon niet instemmen met de nieuwe commandostructuur.", ("fr", "oppose", "command-structure")),
        ("Italië meldde dat Spanje hier niet kon instemmen met de NRF.", ("es", "oppose", "nato-response-force")),
        # topic words of ontology/topics.ttl beyond the topics' names
        ("Litouwen riep op tot een roulerende aanwezigheid van Amerikaanse troepen.",
         ("lt", "call-for", "deterrence-and-defence")),
        ("Italië pleitte voor een plafond voor de gasprijzen.", ("it", "call-for", "energy-security")),
        ("Nederland wees op de dreiging van de Russische schaduwvloot.", ("nl", "emphasise", "hybrid-threats")),
        ("Frankrijk riep Rusland op de Minsk-akkoorden na te leven.", ("fr", "call-for", "peace-process-ukraine")),
        ("Nederland benadrukte dat het atoomakkoord met Iran behouden moet blijven.",
         ("nl", "emphasise", "middle-east")),
        ("Nederland hecht aan het consensusbeginsel.", ("nl", "emphasise", "nato-reform")),
        ("Duitsland blijft de opleiding van de Oekraïense strijdkrachten steunen.", ("de", "support", "ukraine-support")),
        ("Denemarken steunt de inzet van fregatten voor Baltic Sentry.", ("dk", "support", "deterrence-and-defence")),
        ("Nederland riep op de bezuinigingen op defensie terug te draaien.", ("nl", "call-for", "defence-spending")),
        ("Griekenland benadrukte dat eerst het naamgeschil moet worden opgelost.", ("gr", "emphasise", "western-balkans")),
    ],
)
def test_topic_words_and_stance_forms(tmp_path, body, expected):
    assert expected in sentence_positions(tmp_path, body)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("dev_2023_summit_report_vilnius.txt", ("allies", "support", "nato-enlargement")),
        ("dev_2024_summit_agenda_washington.txt", ("nl", "support", "defence-industry")),
        ("dev_2019_summit_report_londen-watford.txt", ("allies", "emphasise", "deterrence-and-defence")),
        ("dev_2015_fmm_report_antalya.txt", ("allies", "call-for", "russia-threat")),
        ("dev_2025_summit_report_den-haag.txt", ("nl", "emphasise", "defence-spending")),
        ("dev_2014_fmm_report_brussel-april.txt", ("nl", "emphasise", "partnerships")),
        ("dev_2008_fmm_agenda_brussel-razeb.txt", ("nl", "support", "partnerships")),
        ("dev_2023_dmm_report_brussel-udcg.txt", ("nl", "emphasise", "nato-enlargement")),
        ("dev_2010_fmm_agenda_tallinn.txt", ("nl", "emphasise", "nato-russia-relations")),
        ("dev_2008_summit_report_boekarest.txt", ("gr", "oppose", "nato-enlargement")),
        ("dev_2014_summit_agenda_wales.txt", ("nl", "intend", "ukraine-support")),
    ],
)
def test_letters_topic_words_and_stance_forms(name, expected):
    assert expected in facts(name)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("2022_extraordinary_summit_and_european_council.txt", ("es", "call-for", "energy-security")),
        ("2022_extraordinary_summit_and_european_council.txt", ("pl", "call-for", "energy-security")),
        ("2016_foreign_ministers_report.txt", ("pl", "call-for", "deterrence-and-defence")),
    ],
)
def test_fixture_letters_topic_words(name, expected):
    assert expected in {(p.actor.key, p.stance, p.topic) for p in fixture_records(name).positions}


@pytest.mark.parametrize(
    "body, expected, not_expected",
    [
        # "niet" just before the form in a subordinate clause negates it, as inside its gap
        ("Noorwegen liet weten dat Noorwegen de nieuwe commandostructuur niet steunde.",
         ("no", "oppose", "command-structure"), ("no", "support", "command-structure")),
        ("De NRF kwam aan de orde, omdat Canada daarmee niet kon instemmen.",
         ("ca", "oppose", "nato-response-force"), ("ca", "support", "nato-response-force")),
        # a negation further away is not the form's
        ("Nederland, dat niet aan de oefening deelnam, steunde de nieuwe commandostructuur.",
         ("nl", "support", "command-structure"), ("nl", "oppose", "command-structure")),
        # right after the form, or closing its clause
        ("Frankrijk steunde niet de nieuwe commandostructuur.",
         ("fr", "oppose", "command-structure"), ("fr", "support", "command-structure")),
        ("Frankrijk steunt de nieuwe commandostructuur niet.",
         ("fr", "oppose", "command-structure"), ("fr", "support", "command-structure")),
        ("Frankrijk steunde niet alleen de nieuwe commandostructuur, maar ook de NRF.",
         ("fr", "support", "command-structure"), ("fr", "oppose", "command-structure")),
        # inside a relative clause in the form's gap it negates the relative clause's verb
        ("Canada riep de bondgenoten die nog niet bijdragen op de nieuwe commandostructuur te vullen.",
         ("ca", "call-for", "command-structure"), ("ca", "oppose", "command-structure")),
    ],
)
def test_negation_just_before_stance_form(tmp_path, body, expected, not_expected):
    found = sentence_positions(tmp_path, body)
    assert expected in found
    assert not_expected not in found


@pytest.mark.parametrize(
    "body, expected, not_expected",
    [
        # the passive of the main clause is not the subordinate verb's: Canada holds it
        ("De NRF werd besproken, omdat Canada daarmee niet kon instemmen.",
         ("ca", "oppose", "nato-response-force"), ("allies", "oppose", "nato-response-force")),
        # a passive in the subordinate clause has its own agent
        ("Het voorstel werd door Canada ingediend, omdat de NRF door Noorwegen werd gesteund.",
         ("no", "support", "nato-response-force"), ("ca", "support", "nato-response-force")),
        # a subject pronoun right after "dat" is the main clause's subject
        ("Duitsland en Frankrijk lieten weten dat zij de NRF niet steunden.",
         ("fr", "oppose", "nato-response-force"), ("nl", "oppose", "nato-response-force")),
        ("De bondgenoten verklaarden dat zij de NRF steunden.",
         ("allies", "support", "nato-response-force"), ("nl", "support", "nato-response-force")),
    ],
)
def test_the_subject_of_a_subordinate_clause(tmp_path, body, expected, not_expected):
    found = sentence_positions(tmp_path, body)
    assert expected in found
    assert not_expected not in found


@pytest.mark.parametrize(
    "body, expected, not_expected",
    [
        # a verb right after "en" shares the previous verb's subject, not its object
        ("Canada dankte de bondgenoten voor hun inzet en riep op tot versterking van de NRF.",
         ("ca", "call-for", "nato-response-force"), ("allies", "call-for", "nato-response-force")),
        # a new subject after "en" holds its own verb
        ("Nederland steunde de NRF en de bondgenoten riepen op tot versterking van de NRF.",
         ("allies", "call-for", "nato-response-force"), ("nl", "call-for", "nato-response-force")),
    ],
)
def test_a_verb_after_en_keeps_the_previous_subject(tmp_path, body, expected, not_expected):
    found = sentence_positions(tmp_path, body)
    assert expected in found
    assert not_expected not in found


@pytest.mark.parametrize(
    "body, expected",
    [
        # stance paradigms written out: "drong er ... op aan", "is ... terughoudend", "zal
        # ... zich inzetten voor" (an inverted subject in the gap)
        ("Canada drong er bij de partners op aan de NRF te versterken.", ("ca", "call-for", "nato-response-force")),
        # what is repeated holds its own stance
        ("Turkije herhaalde dat het bezwaren had tegen de uitbreiding van de NRF.", ("tr", "oppose", "nato-response-force")),
        ("Noorwegen was terughoudend over de uitbreiding van de NRF.", ("no", "oppose", "nato-response-force")),
        # inflected topic words through a stem: "gemeenschappelijk gefinancierde budgetten"
        ("Nederland steunde een verhoging van de gemeenschappelijk gefinancierde budgetten.", ("nl", "support", "common-funding")),
        ("In het najaar zal Nederland zich inzetten voor een sterkere NRF.", ("nl", "intend", "nato-response-force")),
        # one's own readiness underlined is an intention; another's intention welcomed is welcome
        ("Nederland onderstreepte de bereidheid bij te dragen aan de NRF.", ("nl", "intend", "nato-response-force")),
        ("Nederland verwelkomt het voornemen de NRF uit te breiden.", ("nl", "welcome", "nato-response-force")),
        ("Het kabinet steunt het voornemen de NRF uit te breiden.", ("nl", "support", "nato-response-force")),
        # criticism, warnings, objections, agreement and plural insistence
        ("Frankrijk toonde zich kritisch over de uitbreiding van de NRF.", ("fr", "oppose", "nato-response-force")),
        ("Italië waarschuwde voor een te snelle afbouw van de NRF.", ("it", "concern", "nato-response-force")),
        ("Turkije gaf aan bezwaren te hebben tegen de uitbreiding van de NRF.", ("tr", "oppose", "nato-response-force")),
        ("De ministers waren het erover eens dat de NRF wordt versterkt.", ("allies", "support", "nato-response-force")),
        ("Enkele bondgenoten zullen naar verwachting aandringen op een snellere NRF.", ("several-allies", "call-for", "nato-response-force")),
        ("Een ruime meerderheid van de bondgenoten, waaronder Nederland, steunde de NRF.", ("most-allies", "support", "nato-response-force")),
        # a state named by its government
        ("De Russische regering heeft de uitbreiding van de NRF veroordeeld.", ("ru", "oppose", "nato-response-force")),
        # objections voiced or kept, criticism, accusations, a blocked decision
        ("Turkije uitte bezwaren tegen de uitbreiding van de NRF.", ("tr", "oppose", "nato-response-force")),
        ("Turkije hield zijn bezwaar tegen de uitbreiding van de NRF aan.", ("tr", "oppose", "nato-response-force")),
        ("Frankrijk en Griekenland uitten kritiek op de omvang van de NRF.", ("gr", "oppose", "nato-response-force")),
        ("Rusland beschuldigde de bondgenoten van provocaties met de NRF.", ("ru", "oppose", "nato-response-force")),
        ("Hongarije blokkeerde het besluit over de uitbreiding van de NRF.", ("hu", "oppose", "nato-response-force")),
        ("Italië stelde een grotere NRF voor. Spanje verzette zich daartegen.", ("es", "oppose", "nato-response-force")),
        # reluctance, holding to, sharing a view, joining a call
        ("Frankrijk staat terughoudend tegenover de uitbreiding van de NRF.", ("fr", "oppose", "nato-response-force")),
        ("De voorstellen voor de NRF worden door het kabinet met terughoudendheid bezien.", ("nl", "oppose", "nato-response-force")),
        ("Nederland acht het niet opportuun de NRF uit te breiden.", ("nl", "oppose", "nato-response-force")),
        ("Duitsland en Frankrijk hielden vast aan de omvang van de NRF.", ("fr", "support", "nato-response-force")),
        ("Hongarije deelde dit standpunt over de NRF.", ("hu", "support", "nato-response-force")),
        ("Nederland sloot zich aan bij de oproep tot een sterkere NRF.", ("nl", "support", "nato-response-force")),
        ("Canada drong bij de bondgenoten aan op aanvullende bijdragen aan de NRF.", ("ca", "call-for", "nato-response-force")),
        # objections had or made, a proposal rejected or left without support
        ("De Verenigde Staten hebben ernstige bezwaren tegen de omvang van de NRF.", ("us", "oppose", "nato-response-force")),
        ("Hongarije heeft bezwaar gemaakt tegen de uitbreiding van de NRF.", ("hu", "oppose", "nato-response-force")),
        ("Een grotere NRF werd door de bondgenoten afgewezen.", ("allies", "oppose", "nato-response-force")),
        ("Dit voorstel voor de NRF kreeg geen steun.", ("allies", "oppose", "nato-response-force")),
        # opposition in the perfect tense, misgivings, appeals, shared worry
        ("Duitsland en Frankrijk hebben zich verzet tegen uitbreiding van de NRF.", ("fr", "oppose", "nato-response-force")),
        ("Frankrijk heeft bedenkingen bij de omvang van de NRF.", ("fr", "oppose", "nato-response-force")),
        ("Canada deed een beroep op de bondgenoten meer bij te dragen aan de NRF.", ("ca", "call-for", "nato-response-force")),
        ("Nederland deelt de zorg over de NRF.", ("nl", "concern", "nato-response-force")),
        ("De ministers uitten hun bezorgdheid over de NRF.", ("allies", "concern", "nato-response-force")),
        # against it, doubts voiced, agreeing with, asking for
        ("Polen stelde een grotere NRF voor. Duitsland en Frankrijk waren daartegen.", ("de", "oppose", "nato-response-force")),
        ("Polen uitte twijfels over de omvang van de NRF.", ("pl", "oppose", "nato-response-force")),
        ("Nederland gaat akkoord met de nieuwe omvang van de NRF.", ("nl", "support", "nato-response-force")),
        ("De Baltische staten en Finland vragen om een sterkere NRF.", ("fi", "call-for", "nato-response-force")),
        # the Comprehensive Assistance Package (inside a compound) is support to Ukraine
        ("Het kabinet roept de bondgenoten op bij te dragen aan het CAP-trustfonds.", ("nl", "call-for", "ukraine-support")),
        # NATO's battlegroups on the eastern flank are deterrence, the EU's are the EU's
        ("Nederland steunt de eFP-battlegroup in Litouwen.", ("nl", "support", "deterrence-and-defence")),
        ("Nederland steunt de battlegroup in Slowakije.", ("nl", "support", "deterrence-and-defence")),
        ("Nederland steunt de EU-battlegroups.", ("nl", "support", "eu-battlegroups")),
        # the topics of Syria and Libya
        ("Frankrijk steunde het voorstel over Syrië.", ("fr", "support", "syria")),
        ("Nederland steunt de operatie Unified Protector in Libië.", ("nl", "support", "libya")),
    ],
)
def test_stance_paradigms(tmp_path, body, expected):
    assert expected in sentence_positions(tmp_path, body)


@pytest.mark.parametrize("body, expected", [
    ("De premier sprak over de NRF. Hij riep de bondgenoten op de NRF te versterken.", ("nl", "call-for", "nato-response-force")),
    ("President Poetin sprak de top toe. Hij herhaalde de Russische bezwaren tegen de NRF.", ("ru", "oppose", "nato-response-force")),
])
def test_a_pronoun_after_a_sentence_without_a_position_is_who_spoke_in_it(tmp_path, body, expected):
    _, result = extract_text(tmp_path, defence_report(body))
    found = {(p.actor.key, p.stance, p.topic) for p in result.positions}
    assert expected in found and not any(actor == "allies" for actor, *_ in found)


def test_a_passive_in_the_clause_before_comma_en_is_not_the_next_verbs(tmp_path):
    body = "Nederland benadrukte dat de NRF sneller moet worden, en kondigde aan dat Nederland de NRF-staf versterkt."
    found = sentence_positions(tmp_path, body)
    assert ("nl", "intend", "nato-response-force") in found
    assert not any(actor == "allies" for actor, *_ in found)


def test_a_participle_after_en_and_its_auxiliary_shares_the_subject(tmp_path):
    body = "Nederland heeft zich ingezet voor een sterkere NRF en heeft bondgenoten opgeroepen bij te dragen aan de NRF."
    found = sentence_positions(tmp_path, body)
    assert ("nl", "call-for", "nato-response-force") in found
    assert not any(actor == "allies" for actor, *_ in found)


@pytest.mark.parametrize("body", [
    # another's objection understood, a preposition "Uit", support received, a war that
    # takes lives, a view communicated ("deelde ... mee"): no stance of the subject
    "Nederland heeft begrip voor het bezwaar van Turkije tegen de uitbreiding van de NRF.",
    "Uit de discussie over de NRF bleek veel kritiek op Rusland.",
    "Zweden kreeg steun van Turkije voor de NRF.",
    "De oorlog om de NRF eist veel slachtoffers.",
    "Hongarije deelde zijn standpunt over de NRF mee.",
])
def test_forms_that_name_no_stance_of_their_subject(tmp_path, body):
    assert sentence_positions(tmp_path, body) == set()


def test_sharing_an_opinion_takes_its_topic_and_a_question_states_none(tmp_path):
    found = sentence_positions(tmp_path, "Polen pleitte voor een sterkere NRF. Het kabinet deelt die opvatting.")
    assert ("nl", "support", "nato-response-force") in found
    assert sentence_positions(tmp_path, "Deelt u de mening dat de NRF moet worden versterkt?") == set()


def test_pronouns_and_coordinated_verbs_keep_their_subjects(tmp_path):
    # the pronoun is the subject of the sentence before, not its object
    _, result = extract_text(tmp_path, defence_report("Rusland viel Oekraïne binnen. Zij riepen op tot een kleinere NRF."))
    assert {(p.actor.key, p.stance) for p in result.positions} == {("ru", "call-for")}
    # "en" and a finite verb after a demand go on the main clause; the name after the verb is its object
    body = "Nederland benadrukte dat de NRF moet groeien en riep Canada op bij te dragen aan de NRF."
    found = sentence_positions(tmp_path, body)
    assert ("nl", "call-for", "nato-response-force") in found and not any(a == "ca" for a, *_ in found)


def test_what_a_stance_demands_of_others_is_no_stance_of_theirs(tmp_path):
    found = sentence_positions(tmp_path, "Het kabinet zal benadrukken dat de bondgenoten de NRF moeten blijven steunen.")
    assert ("nl", "emphasise", "nato-response-force") in found
    assert not any(actor == "allies" for actor, *_ in found)
    # without a modal of obligation the other holds it; after ", en" the main clause goes on
    said = "Nederland benadrukte dat Duitsland de NRF steunt."
    assert ("de", "support", "nato-response-force") in sentence_positions(tmp_path, said)
    coordinated = "Nederland benadrukte dat de bondgenoten de NRF moeten steunen, en pleitte voor een snellere NRF."
    assert ("nl", "call-for", "nato-response-force") in sentence_positions(tmp_path, coordinated)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("dev_2007_dmm_report_noordwijk.txt", ("us", "call-for", "afghanistan")),  # "drong er bij ... op aan"
        ("dev_2004_summit_report_istanboel.txt", ("nl", "intend", "nato-eu-cooperation")),  # "zal Nederland zich inzetten voor"
        # "is Nederland terughoudend ten aanzien van een verhoging van de gemeenschappelijk gefinancierde budgetten"
        ("dev_2010_fmm_agenda_tallinn.txt", ("nl", "oppose", "common-funding")),
    ],
)
def test_letters_stance_paradigms(name, expected):
    assert expected in facts(name)


def test_letter_welcoming_an_intention():
    # "Nederland verwelkomt het voornemen de NAVO-AWACS-vliegtuigen in te zetten ter
    # ondersteuning van de anti-ISIS coalitie" (a 2016 agenda in PDF text, written for the tests)
    letter = "2016_defence_ministers_agenda_pdf.txt"
    found = fixture_records(letter).positions
    welcomed = [p for p in found if p.actor.key == "nl" and "verwelkomt" in p.verb]
    assert welcomed and all(p.stance == "welcome" for p in welcomed)


def test_a_verb_after_en_keeps_the_previous_subject_in_letter():
    # "President Karzai dankte de bondgenoten voor hun inzet en riep op tot ...": the 2004 Istanbul report
    found = facts("dev_2004_summit_report_istanboel.txt")
    assert ("af", "call-for", "afghanistan") in found and ("allies", "call-for", "afghanistan") not in found


def test_negation_just_before_stance_form_in_letter():
    # "omdat Griekenland daarmee niet kon instemmen zolang ...": the 2008 Bucharest report
    assert ("gr", "oppose", "nato-enlargement") in facts("dev_2008_summit_report_boekarest.txt")
    assert ("gr", "support", "nato-enlargement") not in facts("dev_2008_summit_report_boekarest.txt")


@pytest.mark.parametrize(
    "body, expected, not_expected",
    [
        # a country "met" whom something is done is a party, not a topic of its own
        ("Nederland pleitte voor afspraken over kernwapens en voor overleg met China.",
         ("nl", "call-for", "nuclear-policy-and-arms-control"), ("nl", "call-for", "china")),
        # a list of bare countries names each
        ("Nederland herhaalde zijn steun voor de soevereiniteit van Georgië en Oekraïne.",
         ("nl", "support", "ukraine-support"), None),
        ("Nederland hecht aan praktische samenwerking met Rusland.", ("nl", "emphasise", "nato-russia-relations"),
         ("nl", "emphasise", "russia-threat")),
        ("De bondgenoten bevestigden dat de deur van de NAVO open blijft.", ("allies", "support", "nato-enlargement"),
         None),
        ("Nederland steunde de uitbreiding van de PRT's in het noorden.", ("nl", "support", "afghanistan"), None),
        ("Nederland steunde het raketschild boven Europa.", ("nl", "support", "missile-defence"), None),
    ],
)
def test_specific_topic_words_and_parties(tmp_path, body, expected, not_expected):
    found = sentence_positions(tmp_path, body)
    assert expected in found, sorted(found)
    assert not_expected not in found, sorted(found)


def test_broad_topic_under_a_specific_heading_is_the_heading_topic(tmp_path):
    body = ("Verslag van de bijeenkomst\n\nDe ministers kwamen bijeen.\n\nIrak\n\nDe ministers spraken over de trainingsmissie.\n\n"
            "Nederland riep op tot meer capaciteitsopbouw bij de politie.")
    assert ("nl", "call-for", "iraq") in sentence_positions(tmp_path, body)
    # without a specific heading the broad topic stands
    assert ("nl", "call-for", "capacity-building") in sentence_positions(
        tmp_path, "Nederland riep op tot meer capaciteitsopbouw bij de politie.")


def test_letter_broad_topic_under_a_specific_heading():
    assert ("nl", "support", "capacity-building") not in facts("dev_2014_summit_agenda_wales.txt")


def test_bare_country_after_the_clause_is_a_party(tmp_path):
    body = ("Geannoteerde agenda\n\nDe bondgenoten bespreken de raketverdediging van het verdragsgebied.\n\n"
            "Nederland steunt dit plan en hecht eraan dat ook Rusland wordt uitgenodigd.")
    found = sentence_positions(tmp_path, body, kind="agenda")
    assert ("nl", "support", "missile-defence") in found, sorted(found)
    assert ("nl", "support", "russia-threat") not in found


def test_letter_bare_country_after_the_clause():
    assert ("nl", "support", "missile-defence") in facts("dev_2008_summit_report_boekarest.txt")


def test_a_referring_object_outranks_a_bare_country_in_its_condition(tmp_path):
    body = ("De bondgenoten besluiten tot een capaciteit voor raketverdediging. "
            "Nederland steunt dit besluit, op voorwaarde dat Rusland wordt uitgenodigd.")
    found = sentence_positions(tmp_path, body)
    assert ("nl", "support", "missile-defence") in found, sorted(found)
    assert ("nl", "support", "russia-threat") not in found
    # a country the stance names itself stays its topic
    assert ("nl", "support", "ukraine-support") in sentence_positions(
        tmp_path, "Nederland steunt Oekraïne, op voorwaarde dat Rusland wordt uitgenodigd.")


def test_letter_referring_object_and_a_condition():
    # "Nederland steunt dit besluit, op voorwaarde dat de kosten beheersbaar blijven en Rusland
    # wordt uitgenodigd tot samenwerking." (2010 Lisbon agenda)
    found = facts("dev_2010_summit_agenda_lissabon.txt")
    assert ("nl", "support", "missile-defence") in found  # "besluiten de bondgenoten ... te ontwikkelen"
    assert ("nl", "support", "russia-threat") not in found


def test_noun_topic_after_an_adjective_topic_is_the_head(tmp_path):
    found = sentence_positions(tmp_path, "Denemarken pleitte voor een eerlijke trans-Atlantische lastenverdeling.")
    assert ("dk", "call-for", "burden-sharing") in found, sorted(found)
    assert ("dk", "call-for", "transatlantic-cooperation") not in found


def test_letter_noun_topic_after_an_adjective_topic():
    assert ("several-allies", "call-for", "burden-sharing") in facts("dev_2014_fmm_report_brussel-april.txt")


@pytest.mark.parametrize(
    "body, expected, not_expected",
    [
        # an opinion that a step is premature opposes it; "acht de tijd niet rijp" says so itself
        ("Nederland was, met onder meer België, van oordeel dat de tijd voor een missie in Irak nog niet rijp is.",
         ("be", "oppose", "iraq"), ("be", "emphasise", "iraq")),
        ("Noorwegen was van mening dat een besluit over de NRF voorbarig zou zijn.", ("no", "oppose", "nato-response-force"),
         ("no", "emphasise", "nato-response-force")),
        ("Het kabinet acht de tijd niet rijp voor een permanente NAVO-missie in Irak.", ("nl", "oppose", "iraq"),
         ("nl", "support", "iraq")),
        # an opinion without such words keeps its stance
        ("Nederland was, met onder meer België, van mening dat de NRF moet worden versterkt.",
         ("nl", "call-for", "nato-response-force"), ("nl", "oppose", "nato-response-force")),
        # negated, or in the next clause, the words do not oppose; a relative clause is no next clause
        ("Nederland is van mening dat een besluit over de NRF niet voorbarig is.",
         ("nl", "emphasise", "nato-response-force"), ("nl", "oppose", "nato-response-force")),
        ("Nederland was van oordeel dat de NRF belangrijk is, terwijl Frankrijk een besluit over de NRF voorbarig vond.",
         ("nl", "emphasise", "nato-response-force"), ("nl", "oppose", "nato-response-force")),
        ("Nederland is van mening dat een besluit over de NRF, die nog in opbouw is, voorbarig is.",
         ("nl", "oppose", "nato-response-force"), ("nl", "emphasise", "nato-response-force")),
        # an opinion that something must not happen opposes it
        ("Nederland is van mening dat de NRF niet moet worden uitgebreid.",
         ("nl", "oppose", "nato-response-force"), ("nl", "call-for", "nato-response-force")),
        # a negated stance without an opposite says no stance
        ("Nederland zal zich niet verzetten tegen de uitbreiding van de NRF.", None, ("nl", "oppose", "nato-response-force")),
    ],
)
def test_an_opinion_that_a_step_is_premature_opposes_it(tmp_path, body, expected, not_expected):
    found = sentence_positions(tmp_path, body)
    assert expected is None or expected in found, sorted(found)
    assert not_expected not in found, sorted(found)


@pytest.mark.parametrize(
    "name, expected, not_expected",
    [
        # "Nederland was, met Duitsland, Frankrijk en een aantal andere bondgenoten, van oordeel dat
        # de tijd daarvoor niet rijp is."
        ("dev_2008_fmm_report_brussel-december.txt", ("de", "oppose", "nato-enlargement"), ("de", "emphasise", "nato-enlargement")),
        # "Nederland was, met onder meer Duitsland en Frankrijk, van mening dat de tijd daarvoor nog
        # niet rijp was, gelet op de onopgeloste conflicten in Georgië ..."
        ("dev_2008_summit_report_boekarest.txt", ("fr", "oppose", "nato-enlargement"), ("fr", "oppose", "georgia")),
        # "Het kabinet acht de tijd niet rijp om Georgië en Oekraïne thans een MAP toe te kennen."
        ("dev_2008_fmm_agenda_brussel-razeb.txt", ("nl", "oppose", "nato-enlargement"), ("nl", "oppose", "georgia")),
    ],
)
def test_letters_premature_steps_and_their_topic(name, expected, not_expected):
    found = facts(name)
    assert expected in found and not_expected not in found


@pytest.mark.parametrize(
    "body, expected, not_expected",
    [
        # countries listed right before a specific topic are whom it concerns
        ("Nederland steunt het voorstel om Moldavië en Georgië een nieuw partnerschap aan te bieden.",
         ("nl", "support", "partnerships"), ("nl", "support", "georgia")),
        # but a country listed as an item of its own stays a topic
        ("Nederland steunt Georgië en de versterking van de NRF.", ("nl", "support", "georgia"), None),
        # but not when a preposition stands between them and the topic
        ("Nederland steunt Oekraïne en Georgië bij de opbouw van hun cyberverdediging.",
         ("nl", "support", "ukraine-support"), None),
        # what follows "gelet op", "gezien" gives the reason, not the topic, up to the next comma
        ("Het kabinet steunt het voorstel voor de NRF, gelet op de situatie in Georgië.",
         ("nl", "support", "nato-response-force"), ("nl", "support", "georgia")),
        ("Nederland steunt, vanwege de situatie in Georgië, de versterking van de NRF.",
         ("nl", "support", "nato-response-force"), ("nl", "support", "georgia")),
    ],
)
def test_countries_before_a_topic_and_reasons_name_no_topic(tmp_path, body, expected, not_expected):
    found = sentence_positions(tmp_path, body)
    assert expected in found, sorted(found)
    assert not_expected not in found, sorted(found)


@pytest.mark.parametrize(
    "body, expected",
    [
        # a one-word name as the subject after the finite verb, inside a stance form
        ("Daarnaast pleit Duitsland ervoor de NRF te versterken.", {("de", "call-for", "nato-response-force")}),
        ("Daarnaast zet Nederland zich in voor een sterkere NRF.", {("nl", "intend", "nato-response-force")}),
        # a name before the verb that is no subject ("Naast X", "Voor X") leaves the stance to
        # the name after it; a subject before the verb keeps it, the name after is its object
        ("Naast Oekraïne pleit Nederland ervoor de NRF te versterken.", {("nl", "call-for", "nato-response-force")}),
        ("Voor Oekraïne pleit Nederland ervoor de NRF te versterken.", {("nl", "call-for", "nato-response-force")}),
        ("Het voorzitterschap riep Oekraïne op tot hervormingen.", {("allies", "call-for", "ukraine-support")}),
        ("Nederland steunt de NRF. Zij riepen Oekraïne op tot hervormingen.",
         {("nl", "support", "nato-response-force"), ("nl", "call-for", "ukraine-support")}),
        # the inverted subject is who holds the stance, not what it is about
        ("Naar verwachting zal Spanje zich tegen de uitbreiding van de NRF verzetten.", {("es", "oppose", "nato-response-force")}),
        # a passive without agent: the allies
        ("Er werd breed waardering uitgesproken voor de bijdrage aan de NRF.", {("allies", "appreciate", "nato-response-force")}),
        # co-actors named before the verb hold the stance too
        ("Samen met Noorwegen pleit Denemarken ervoor de NRF te versterken.",
         {("dk", "call-for", "nato-response-force"), ("no", "call-for", "nato-response-force")}),
    ],
)
def test_an_inverted_named_subject_and_fronted_co_actors(tmp_path, body, expected):
    assert sentence_positions(tmp_path, body) == expected


def test_letter_inverted_named_subject_is_no_topic():
    # "Naar verwachting zal Rusland zich tegen beide besluiten verzetten." (the 2011 OSCE agenda)
    found = facts("dev_2011_other_agenda_ovse-vilnius.txt")
    assert ("ru", "oppose", "internet-freedom") in found and ("ru", "oppose", "russia-threat") not in found


def test_letter_inverted_named_subject_and_fronted_co_actors():
    # "Samen met België en Luxemburg pleit Nederland ervoor dat de NAVO zich inzet voor verdere
    # vermindering van de substrategische kernwapens in Europa" (the 2010 Lisbon agenda)
    found = facts("dev_2010_summit_agenda_lissabon.txt")
    assert {(a, "call-for", "nuclear-policy-and-arms-control") for a in ("nl", "be", "lu")} <= found


def test_letter_joint_procurement_is_defence_industry():
    # "Verschillende bondgenoten, waaronder Nederland, riepen op tot meer gezamenlijke
    # verwerving en standaardisatie." (a 2025 report written for the tests)
    letter = "2025_defence_ministers_report.txt"
    found = {(p.actor.key, p.stance, p.topic) for p in fixture_records(letter).positions}
    assert ("nl", "call-for", "defence-industry") in found


def test_disagreement_and_a_physical_blockade_are_no_stances(tmp_path):
    assert not sentence_positions(tmp_path, "De bondgenoten waren het niet eens over de uitbreiding van de NRF.")
    assert not sentence_positions(tmp_path, "De Russische marine blokkeerde de havens van Oekraïne.")


def test_a_label_before_a_colon_names_no_speaker_when_its_clause_has_one(tmp_path):
    assert ("nl", "intend", "ukraine-support") in sentence_positions(tmp_path, "Oekraïne: Nederland zet in op steun aan Oekraïne.")
    assert ("fr", "emphasise", "nato-response-force") in sentence_positions(tmp_path, "Frankrijk: benadrukte het belang van de NRF.")


def test_letter_criticism_and_warnings():
    # "Frankrijk toonde zich kritisch over ..." and "Duitsland en Italië waarschuwden voor ..."
    # (a 2020 report in PDF text, written for the tests)
    letter = "2020_defence_ministers_report_vtc.txt"
    found = {(p.actor.key, p.stance) for p in fixture_records(letter).positions}
    assert {("fr", "oppose"), ("de", "concern"), ("it", "concern")} <= found


def test_letter_a_state_named_by_its_government():
    # "De Russische regering heeft de toetreding scherp veroordeeld." (a 2016 report written
    # for the tests)
    found = {(p.actor.key, p.stance) for p in fixture_records("2016_foreign_ministers_report.txt").positions}
    assert ("ru", "oppose") in found and ("allies", "oppose") not in found


@pytest.mark.parametrize(
    "body, expected",
    [
        # a label of a topic about one state that does not name it: the country the sentence names
        ("Nederland steunt het vredesproces in Afghanistan.", ("nl", "support", "afghanistan")),
        ("Nederland riep op tot een staakt-het-vuren in Libië.", ("nl", "call-for", "libya")),
        # the state itself named in the sentence, or before it under the heading: its own topic
        ("Nederland steunt een duurzaam vredesproces in Oekraïne.", ("nl", "support", "peace-process-ukraine")),
        ("Oekraïne blijft centraal staan. Nederland wil geen sancties opheffen zolang Rusland geen staakt-het-vuren "
         "aanvaardt en steunt een rechtvaardige vrede.", ("nl", "support", "peace-process-ukraine")),
    ],
)
def test_a_topic_of_one_state_named_without_it_is_the_named_countrys(tmp_path, body, expected):
    assert expected in sentence_positions(tmp_path, body)


def test_a_country_the_paragraph_names_before_the_place_the_sentence_gives(tmp_path):
    body = "Oekraïne blijft centraal staan. Nederland steunt het vredesproces in Afghanistan."
    assert ("nl", "support", "afghanistan") in sentence_positions(tmp_path, body)


def test_the_speaker_or_a_party_is_not_the_place(tmp_path):
    topics = {topic for _, _, topic in sentence_positions(tmp_path, "Syrië steunt een staakt-het-vuren.")}
    assert "syria" not in topics


def test_a_topic_of_one_state_named_without_it_is_the_headings_country(tmp_path):
    body = "Afghanistan\nDe ministers spraken hun steun uit voor een vredesproces dat door Afghanen wordt geleid."
    _, found = extract_text(tmp_path, defence_report(body))
    assert ("allies", "support", "afghanistan") in {(p.actor.key, p.stance, p.topic) for p in found.positions}


def test_letter_the_ceasefire_in_libya():
    found = fixture_records("2011_foreign_ministers_report_berlin_joined.txt").positions
    assert ("nl", "call-for", "libya") in {(p.actor.key, p.stance, p.topic) for p in found}


@pytest.mark.parametrize(
    "body, expected",
    [
        # who takes the stance is not what it is about: the heading's topic
        ("Raketverdediging\nDe Verenigde Staten lichtten hun plannen toe. Rusland verzet zich fel tegen de Amerikaanse "
         "plannen.", ("ru", "oppose", "missile-defence")),
        ("Cyberverdediging\nDe NAVO lichtte het nieuwe centrum toe. Oekraïne verwelkomt het centrum.",
         ("ua", "welcome", "cyber-defence")),
    ],
)
def test_the_speakers_name_is_not_the_topic(tmp_path, body, expected):
    _, found = extract_text(tmp_path, defence_report(body, written="20 februari 2008"))
    assert expected in {(p.actor.key, p.stance, p.topic) for p in found.positions}


@pytest.mark.parametrize(
    "body",
    [
        "Frankrijk pleitte ervoor de verhouding met Rusland opnieuw te doordenken.",
        "De Amerikaanse minister gaf aan dat normale betrekkingen met Rusland niet mogelijk zijn.",
        "Duitsland pleitte voor het hervatten van het gesprek met Moskou.",
    ],
)
def test_relations_with_russia_are_nato_russia_relations(tmp_path, body):
    topics = {topic for _, _, topic in sentence_positions(tmp_path, body)}
    assert topics == {"nato-russia-relations"}
