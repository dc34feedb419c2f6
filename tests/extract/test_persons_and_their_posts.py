"""Persons and their posts: a person named once in full and later by the surname alone
(the later mention is the same person's and speaks for the state of the post the letter
gave them); offices written the way some states name them ("minister van Nationale
Defensie"); two offices of one person after one demonym ("de Griekse premier en minister
van Buitenlandse Zaken Papandreou"); a name in apposition after a rank ("de Supreme Allied
Commander Europe, generaal Wolters"); an office one organisation has (nkg:officeOf); a
counterpart named after the demonyms of their states ("hun Finse en Zweedse collega's Pekka
Haavisto en Ann Linde")
(natokg.extract.persons, natokg.extract.posts, natokg.extract.position_actors,
ontology/reference/offices.ttl)."""

from __future__ import annotations

import pytest

from support.letter_records import defence_report, extract_text, fixture_records


def test_a_surname_alone_later_is_the_person_named_in_full(tmp_path):
    body = ("In de NAVO-Rusland Raad spraken de ministers met de Russische minister van Defensie Sergej Ivanov. "
            "Ivanov verwelkomde de samenwerking op het gebied van raketverdediging.")
    _, found = extract_text(tmp_path, defence_report(body))
    [ivanov] = [p for p in found.persons if p.key == "sergej-ivanov"]
    assert [e.quote for e in ivanov.evidence] == ["Sergej Ivanov", "Ivanov"]
    assert ("ru", "welcome", "missile-defence") in {(p.actor.key, p.stance, p.topic) for p in found.positions}


def test_a_surname_two_persons_share_is_neither_ones(tmp_path):
    body = ("De Franse minister van Defensie Jean Dupont en de Belgische minister van Defensie Marc Dupont spraken. "
            "Dupont benadrukte de eenheid van het bondgenootschap.")
    _, found = extract_text(tmp_path, defence_report(body))
    quotes = {p.key: [e.quote for e in p.evidence] for p in found.persons}
    assert quotes == {"jean-dupont": ["Jean Dupont"], "marc-dupont": ["Marc Dupont"]}


def test_a_name_in_apposition_after_the_office_and_its_state(tmp_path):
    body = ("Naast de regeringsleiders was de premier van Montenegro, Duško Marković, aanwezig. Ook sprak de minister "
            "van Buitenlandse Zaken van Oekraïne, Dmytro Koeleba.")
    _, found = extract_text(tmp_path, defence_report(body))
    posts = {p.key: [(x.office, x.of.key) for x in p.posts] for p in found.persons}
    assert posts["dusko-markovic"] == [("prime-minister", "me")]
    assert posts["dmytro-koeleba"] == [("minister-of-foreign-affairs", "ua")]


def test_an_office_of_a_state_before_a_list_names_nobody_in_apposition(tmp_path):
    _, found = extract_text(tmp_path, defence_report("De president van Frankrijk, Duitsland en Polen spraken over Rusland."))
    assert not found.persons


def test_a_surname_alone_speaks_for_the_state_of_the_post_given_before(tmp_path):
    body = ("Aan de lunch nam de Oekraïense minister van Buitenlandse Zaken Dmytro Koeleba deel. "
            "Koeleba riep de bondgenoten op meer luchtverdediging aan Oekraïne te leveren.")
    _, found = extract_text(tmp_path, defence_report(body))
    assert any(p.actor.key == "ua" and p.stance == "call-for" for p in found.positions)
    assert not any(p.actor.key == "allies" for p in found.positions)


def test_a_minister_of_national_defence_is_a_defence_minister(tmp_path):
    body = "Gastheer was de Roemeense minister van Nationale Defensie Paşcu."
    _, found = extract_text(tmp_path, defence_report(body))
    [pascu] = [p for p in found.persons if p.key == "pascu"]
    assert [(p.office, p.of.key) for p in pascu.posts] == [("minister-of-defence", "ro")]


@pytest.mark.parametrize(
    "body, key, posts",
    [
        ("Gastheer was de Griekse premier en minister van Buitenlandse Zaken Papandreou.", "papandreou",
         [("minister-of-foreign-affairs", "gr")]),
        ("De Supreme Allied Commander Europe, generaal Wolters, gaf een toelichting op de plannen.", "wolters",
         [("saceur", "nato")]),
        ("Ik sprak met de opperbevelhebber van de NAVO in Europa, generaal Jones.", "jones", [("saceur", "nato")]),
        ("De vergadering werd voorgezeten door plaatsvervangend Secretaris-Generaal Mircea Geoană.", "mircea-geoana",
         [("nato-deputy-secretary-general", "nato")]),
        ("Ook de secretaris-generaal van de VN Guterres sprak de ministers toe.", "guterres", [("un-secretary-general", "un")]),
        # a list after the comma, not a rank in apposition: each keeps the office before the name
        ("Ik sprak met de SACEUR, minister Jansen en de Noorse minister Gram.", "jansen", [("minister", "nl")]),
        ("Ik sprak met de secretaris-generaal, generaal Hodges en Jansen.", "hodges", []),
        # the bare office in a sentence naming another organisation is no office of NATO's
        ("Ik sprak met de secretaris-generaal Guterres over de VN-missie.", "guterres", []),
    ],
)
def test_posts_of_coordinated_offices_ranks_in_apposition_and_offices_of_one_organisation(tmp_path, body, key, posts):
    _, found = extract_text(tmp_path, defence_report(body))
    [person] = [p for p in found.persons if p.key == key]
    assert [(p.office, p.of.key) for p in person.posts] == posts


def test_letter_the_supreme_allied_commander_named_as_a_general():
    found = {p.key: [(x.office, x.of.key) for x in p.posts]
             for p in fixture_records("2015_defence_ministers_report_june.txt").persons}
    assert found["breedlove"] == [("saceur", "nato")]


def signed_report(body: str, signature: str = "De minister van Defensie,\n\nK.H. Ollongren") -> str:
    return (f"Den Haag, 20 februari 2023\n\nHierbij bied ik u het verslag aan van de bijeenkomst van de "
            f"NAVO-ministers van Defensie op 14 en 15 februari jl. in Brussel.\n\n{body}\n\n{signature}\n")


@pytest.mark.parametrize(
    "body, expected",
    [
        # the writer's counterpart: the writer's office in the demonym's state
        ("Mijn Duitse ambtgenoot Struck pleitte ervoor dat de NAVO ook buiten Kabul een rol gaat spelen.",
         {"struck": [("minister-of-defence", "de")]}),
        # one name per demonym, in order; the ministers named before them give the office; the
        # surname alone later is the same person
        ("Op de avond spraken de ministers van Buitenlandse Zaken met hun Finse en Zweedse collega's Pekka Haavisto en "
         "Ann Linde. Minister Haavisto lichtte de stand toe.",
         {"pekka-haavisto": [("minister-of-foreign-affairs", "fi")], "ann-linde": [("minister-of-foreign-affairs", "se")]}),
        # two demonyms and one name: nobody's counterpart in particular
        ("Zij spraken met hun Finse en Zweedse collega's Haavisto.", {}),
        # "zijn": the counterpart of the minister named before, also in the sentence before
        ("De Duitse minister van Buitenlandse Zaken Steinmeier en zijn Franse ambtgenoot Kouchner waren terughoudend.",
         {"steinmeier": [("minister-of-foreign-affairs", "de")], "kouchner": [("minister-of-foreign-affairs", "fr")]}),
        ("De Franse minister van Buitenlandse Zaken, Juppé, lichtte de top van Parijs toe. Zijn Duitse collega "
         "Westerwelle benadrukte dat Duitsland niet aan militaire acties zal deelnemen.",
         {"juppe": [("minister-of-foreign-affairs", "fr")], "westerwelle": [("minister-of-foreign-affairs", "de")]}),
        # the leaders' colleague holds no minister's office: only what the reference data gives
        ("De regeringsleiders spraken met hun Oekraïense collega Zelensky.", {"volodymyr-zelensky": [("president", "ua")]}),
    ],
)
def test_counterparts_after_the_demonyms_of_their_states(tmp_path, body, expected):
    _, found = extract_text(tmp_path, signed_report(body))
    posts = {p.key: [(x.office, x.of.key) for x in p.posts] for p in found.persons if p.key != "kajsa-ollongren"}
    assert {k: v for k, v in posts.items() if v} == expected



@pytest.mark.parametrize(
    "body, expected",
    [
        # the letter's sentence: the name itself in apposition after an office whose state is named
        ("Voor de Amerikaanse minister van Buitenlandse Zaken, Colin Powell, was het de laatste NAVO-bijeenkomst.",
         {"colin-powell": [("minister-of-foreign-affairs", "us")]}),
        ("De Noorse minister van Defensie, Bjørn Arild Gram, lichtte de plannen toe.",
         {"bjorn-arild-gram": [("minister-of-defence", "no")]}),
        # whose office the letter does not say: no post presumed
        ("De mandaten van de Secretaris-Generaal, Helga Schmid, werden verlengd.", {}),
    ],
)
def test_a_name_in_apposition_after_an_office_of_a_named_state(tmp_path, body, expected):
    _, found = extract_text(tmp_path, signed_report(body))
    posts = {p.key: [(x.office, x.of.key) for x in p.posts] for p in found.persons if p.key != "kajsa-ollongren"}
    assert {k: v for k, v in posts.items() if v} == expected


def test_a_name_after_an_office_of_a_state_not_named_gets_no_dutch_post(tmp_path):
    # "zijn minister van Defensie": Zelensky's; the letter names no state for the office
    body = "President Zelensky was aanwezig, vergezeld door zijn minister van Defensie, Rustem Oemerov."
    _, found = extract_text(tmp_path, signed_report(body))
    posts = {p.key: [(x.office, x.of.key) for x in p.posts] for p in found.persons}
    assert ("minister-of-defence", "nl") not in posts.get("rustem-oemerov", [])
