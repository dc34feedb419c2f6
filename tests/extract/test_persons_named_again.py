"""A person named once in full and later by the surname alone: the later mention is the
same person's, and speaks for the state of the post the letter gave them; offices written
the way some states name them ("minister van Nationale Defensie") (natokg.extract.actors,
natokg.extract.position_actors, ontology/reference/offices.ttl)."""

from __future__ import annotations

from support.letter_records import defence_report, extract_text


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
