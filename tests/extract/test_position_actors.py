"""Who holds a position: a person or an office speaks for the state or organisation of
its post (natokg.extract.position_actors), groups named as holding positions
(ontology/reference/partners.ttl), and actor names inside compound names. Sentences of
our own, then the letter cases."""

from __future__ import annotations

import pytest

from support.letter_records import extract_text, records


def _holders(tmp_path, body: str) -> set[tuple[str, str, str, str]]:
    document, found = extract_text(tmp_path, body + "\n")
    for position in found.positions:
        for evidence in position.evidence:
            assert document.text[evidence.start : evidence.end] == evidence.quote
    return {(p.actor.kind, p.actor.key, p.stance, p.topic) for p in found.positions}


@pytest.mark.parametrize(
    "sentence, holder",
    [
        # the title before the name picks the post: Stoltenberg was Norway's prime minister too
        ("Secretaris-generaal Stoltenberg benadrukte het belang van cyberverdediging.", ("organisation", "nato")),
        # a person with posts of one state only speaks for that state
        ("President Macron riep op tot meer steun aan Oekraïne.", ("state", "fr")),
        # a person the reference data does not know: the post found next to the name
        ("De Russische minister van Defensie Serdjoekov benadrukte het belang van cyberverdediging.", ("state", "ru")),
        ("Minister Serdjoekov van Rusland benadrukte het belang van cyberverdediging.", ("state", "ru")),
        # an office without a name: the one organisation that has it, or the demonym's state
        ("De Secretaris-Generaal wees op het belang van cyberverdediging.", ("organisation", "nato")),
        ("De Amerikaanse minister van Defensie benadrukte het belang van cyberverdediging.", ("state", "us")),
    ],
)
def test_a_person_or_office_speaks_for_the_actor_of_its_post(tmp_path, sentence, holder):
    assert {h[:2] for h in _holders(tmp_path, sentence)} == {holder}


def test_an_actor_after_volgens_is_no_subject(tmp_path):
    found = _holders(tmp_path, "Volgens de Russische minister Serdjoekov benadrukte Nederland het belang van cyberverdediging.")
    assert {h[:2] for h in found} == {("state", "nl")}


@pytest.mark.parametrize(
    "sentence, group",
    [
        ("De meeste bondgenoten steunden een grotere rol voor de NAVO bij cyberverdediging.", "most-allies"),
        ("De Baltische staten vroegen aandacht voor cyberverdediging.", "baltic-states"),
        ("Een aantal Midden- en Oost-Europese bondgenoten benadrukte het belang van cyberverdediging.",
         "several-central-and-eastern-european-allies"),
        ("De ISAF-partners benadrukten het belang van cyberverdediging.", "isaf-partners"),
        ("Verschillende EU-lidstaten benadrukten het belang van cyberverdediging.", "several-eu-member-states"),
    ],
)
def test_groups_that_hold_positions(tmp_path, sentence, group):
    assert {h[:2] for h in _holders(tmp_path, sentence)} == {("group", group)}


def test_regression_actor_inside_a_compound_name_is_no_subject(tmp_path):
    """The "Oekraïne" of "de NAVO-Oekraïne Raad" names a council, not the actor of the
    verb after it."""
    found = _holders(tmp_path, "In de NAVO-Oekraïne Raad benadrukte Nederland het belang van cyberverdediging.")
    assert {h[:2] for h in found} == {("state", "nl")}


# ---------------------------------------------------------------- the letters


def _facts(name: str) -> set[tuple[str, str, str]]:
    return {(p.actor.key, p.stance, p.topic) for p in records(name).positions}


def test_regression_secretary_general_with_title_speaks_for_nato():
    # "Secretaris-Generaal Stoltenberg wees erop dat Noord-Koreaanse raketten ..."
    facts = _facts("dev_2017_dmm_report_brussel-november.txt")
    assert ("nato", "emphasise", "north-korea") in facts
    assert not {f for f in facts if f[0] == "jens-stoltenberg"}


def test_regression_bare_secretary_general_speaks_for_nato():
    # "De Secretaris-Generaal wees erop dat China geen tegenstander is"
    assert ("nato", "emphasise", "china") in _facts("dev_2020_fmm_report_videoconferentie.txt")


def test_regression_compound_council_name_leaves_the_subject():
    # "In de NAVO-Oekraïne Raad gaven alle bondgenoten aan dat steun aan Oekraïne ..."
    assert ("allies", "emphasise", "ukraine-support") in _facts("dev_2025_summit_report_den-haag.txt")
    # "In de NAVO-Oekraïne Raad onderstreepte de minister-president dat ..."
    assert ("nl", "emphasise", "ukraine-support") in _facts("dev_2024_summit_report_washington.txt")


def test_most_allies_in_a_letter():
    # "De meeste bondgenoten steunden een grotere rol van de NAVO."
    assert ("most-allies", "support", "ukraine-support") in _facts("dev_2024_fmm_report_praag-informeel.txt")


def test_a_name_keeps_the_office_it_was_first_named_with(tmp_path):
    # Stoltenberg was Norway's prime minister too; the letter titled him Secretary General
    found = _holders(
        tmp_path,
        "Secretaris-generaal Stoltenberg opende de bijeenkomst.\n\nStoltenberg benadrukte het belang van cyberverdediging.",
    )
    assert {h[:2] for h in found} == {("organisation", "nato")}


def test_the_states_after_a_plural_office_hold_the_position(tmp_path):
    found = _holders(
        tmp_path,
        "De ministers van Defensie van Denemarken en Noorwegen hebben de SG verzocht cyberverdediging te versterken.",
    )
    assert {h[:2] for h in found} == {("state", "dk"), ("state", "no")}


def test_a_passive_holds_the_group_inside_it_not_the_state_it_is_about(tmp_path):
    assert {h[:2] for h in _holders(tmp_path, "Ook werd Georgië breed gesteund bij cyberverdediging.")} == {
        ("group", "allies")
    }
    assert {h[:2] for h in _holders(tmp_path, "Steun aan Afghanistan wordt binnen de EU breed gedeeld.")} == {
        ("group", "eu-member-states")
    }


def test_regression_minister_without_a_country_named_after_his_full_title():
    # "de Russische minister van Defensie Serdjoekov" ... "Minister Serdjoekov herhaalde
    # de Russische bezwaren": Russia's minister, not a Dutch one
    facts = _facts("dev_2007_dmm_report_noordwijk.txt")
    assert ("ru", "oppose", "missile-defence") in facts
    assert not {f for f in facts if f[0] in ("serdjoekov", "anatoli-serdjoekov")}


def test_regression_ministers_of_named_states_ask_not_the_secretary_general():
    # "De ministers van Buitenlandse Zaken van België, Duitsland, Luxemburg, Nederland en
    # Noorwegen hebben op 26 februari jl. de SG in een brief verzocht ..."
    facts = {f[0] for f in _facts("dev_2010_fmm_agenda_tallinn.txt") if f[1:] == ("call-for", "nuclear-policy-and-arms-control")}
    assert {"be", "de", "lu", "nl", "no"} <= facts
    assert "nato" not in facts


@pytest.mark.parametrize(
    "sentence",
    [
        "De ministers riepen Georgië op de samenwerking bij cyberverdediging te versterken.",
        "De regeringsleiders benadrukten het belang van cyberverdediging.",
    ],
)
def test_the_meetings_delegations_as_one_body_are_the_allies(tmp_path, sentence):
    assert {h[:2] for h in _holders(tmp_path, sentence)} == {("group", "allies")}


def test_ministers_with_an_owner_are_not_the_meetings_delegations(tmp_path):
    found = _holders(tmp_path, "De ministers van Defensie van Denemarken en Noorwegen benadrukten het belang van cyberverdediging.")
    assert {h[:2] for h in found} == {("state", "dk"), ("state", "no")}


def test_regression_ministers_calling_on_a_state_are_the_allies():
    # "De ministers riepen Pakistan op de grensregio met Afghanistan beter te controleren."
    facts = _facts("dev_2008_fmm_report_brussel-december.txt")
    assert ("allies", "call-for", "afghanistan") in facts
    assert not {f for f in facts if f[0] == "pk"}


def test_a_passive_in_a_relative_clause_leaves_the_subject(tmp_path):
    found = _holders(
        tmp_path,
        "Het kabinet verwelkomt de verklaring die morgen wordt ondertekend en zal erop aandringen dat "
        "de samenwerking bij cyberverdediging wordt versterkt.",
    )
    assert found and {h[:2] for h in found} == {("state", "nl")}


def test_regression_relative_clause_passive_is_not_the_stance_verbs():
    # "Het kabinet verwelkomt de gezamenlijke verklaring die in Warschau wordt ondertekend
    # en zal erop aandringen dat beide organisaties de verklaring voortvarend uitwerken."
    facts = _facts("dev_2016_summit_agenda_warschau.txt")
    assert ("nl", "call-for", "nato-eu-cooperation") in facts
    assert ("allies", "call-for", "nato-eu-cooperation") not in facts


def test_an_aside_with_met_joins_a_shared_subject(tmp_path):
    found = _holders(
        tmp_path,
        "Nederland steunde het voorstel, maar had, met enkele andere bondgenoten, gepleit voor meer cyberverdediging.",
    )
    assert {h[:2] for h in found if h[2] == "call-for"} == {("state", "nl"), ("group", "several-allies")}


def test_regression_aside_before_a_verb_sharing_the_subject():
    # "Nederland steunde deze toezegging, maar had, met enkele andere bondgenoten,
    # aangedrongen op een meerjarige afspraak."
    facts = _facts("dev_2024_summit_report_washington.txt")
    assert {("nl", "call-for", "ukraine-support"), ("several-allies", "call-for", "ukraine-support")} <= facts


def test_an_actor_after_the_verb_of_a_noun_phrase_subject_is_its_object(tmp_path):
    # the document is the subject; Georgia is what it names, not who holds the position
    found = _holders(tmp_path, "De slotverklaring benoemt Georgië als partner bij cyberverdediging.")
    assert ("state", "ge") not in {h[:2] for h in found}
    # after an adverbial the actor behind the verb is the inverted subject
    found = _holders(tmp_path, "Daarna benadrukte Georgië het belang van cyberverdediging.")
    assert {h[:2] for h in found} == {("state", "ge")}


def test_regression_document_naming_russia_is_no_position_of_russia():
    # "Het nieuwe Strategisch Concept benoemt Rusland als de grootste en meest directe dreiging"
    assert not {f for f in _facts("dev_2022_summit_report_madrid.txt") if f[0] == "ru"}


def test_a_relative_clause_after_the_subject_leaves_it_the_subject(tmp_path):
    found = _holders(
        tmp_path, "Denemarken, dat de oefening heeft georganiseerd, benadrukte het belang van cyberverdediging."
    )
    assert {h[:2] for h in found} == {("state", "dk")}


def test_regression_subject_with_relative_clause_between_commas():
    # "Nederland, dat het initiatief voor dit sanctieregime heeft genomen, steunde dit
    # akkoord nadrukkelijk en riep op ..."
    holders = {f[0] for f in _facts("dev_2021_other_other_raad-buitenlandse-zaken.txt") if f[1] == "support"}
    assert "nl" in holders


@pytest.mark.parametrize("body, expected", [
    ("Enkele bondgenoten aan de oostflank, onder wie Polen en Litouwen, pleitten voor een permanente aanwezigheid.",
     {"several-allies", "pl", "lt"}),
    ("Verschillende bondgenoten, onder wie Noorwegen en Canada, benadrukten het belang van de missie in Afghanistan.",
     {"several-allies", "no", "ca"}),
])
def test_members_named_after_onder_wie_hold_the_position(tmp_path, body, expected):
    assert {key for _, key, _, _ in _holders(tmp_path, body)} == expected
