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


def test_a_surname_that_is_a_place_is_left_alone(tmp_path):
    body = "De Poolse minister van Defensie Jan Warschau sprak in Warschau over de oostflank."
    _, found = extract_text(tmp_path, defence_report(body))
    assert all(len(p.evidence) == 1 for p in found.persons if "warschau" in p.key)


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
