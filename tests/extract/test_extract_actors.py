"""Persons, participations and evidence (natokg.extract.actors) on the seed letters and
on sentences in the older styles."""

from datetime import date
from pathlib import Path

import pytest

from natokg.extract import extract_letter
from natokg.read.reader import read_letter
from natokg.records import ActorRef
from natokg.text.segment import segment

from support.edited_ontology import edited_ontology
from support.letter_records import defence_report, extract_text, records

LETTERS = Path(__file__).resolve().parents[2] / "corpus" / "letters"
SEEDS = sorted(p.name for p in LETTERS.glob("[0-9]*.txt"))  # the seed letters, not the dev_* set


def posts(result):
    return {p.key: sorted((x.office, x.of.key) for x in p.posts) for p in result.persons}


def test_persons_with_demonym_and_organisation_posts():
    found = posts(records("000_d473f0d0e8325814.txt"))
    assert found == {
        "t-b-w-berendsen": [("minister-of-foreign-affairs", "nl")],
        "andrii-sybiha": [("minister-of-foreign-affairs", "ua")],
        "kaja-kallas": [("eu-high-representative", "eu")],
    }


def test_surname_only_resolves_to_the_full_person():
    found = {p.key: p for p in records("003_a8b24aadb98f3dfc.txt").persons}
    assert set(found) == {"andrii-sybiha", "kaja-kallas"}
    assert [e.quote for e in found["andrii-sybiha"].evidence] == ["Sybiha"]


def test_members_of_parliament_and_bare_minister():
    found = posts(records("001_cd1c5c75dbeda8f3.txt"))
    assert found["jan-paternotte"] == [("member-of-parliament", "nl")]
    assert found["kati-piri"] == [("member-of-parliament", "nl")]
    assert ("minister", "tr") in found["hakan-fidan"]


def test_prime_minister_and_president():
    found = posts(records("002_7ea007089aa3c9f1.txt"))
    assert found["rob-jetten"] == [("prime-minister", "nl")]
    assert found["recep-tayyip-erdogan"] == [("president", "tr")]
    assert set(found) == {"t-b-w-berendsen", "dilan-yesilgoz-zegerius", "rob-jetten", "recep-tayyip-erdogan"}


def test_no_persons_without_names():
    assert records("004_645f0c655bd661fc.txt").persons == []


def partners(result):
    return {
        p.actor
        for p in result.participations
        if p.capacity in ("partner", "guest") and p.actor.kind != "person" and p.actor.kind != "group"
    }


IP4 = {ActorRef("state", s) for s in ("au", "jp", "kr", "nz")}
ICI = {ActorRef("state", s) for s in ("ae", "bh", "kw", "qa")}
UA_EU = {ActorRef("state", "ua"), ActorRef("organisation", "eu")}


@pytest.mark.parametrize(
    "name, expected",
    [
        ("000_d473f0d0e8325814.txt", UA_EU | IP4 | ICI),
        ("001_cd1c5c75dbeda8f3.txt", set()),
        ("002_7ea007089aa3c9f1.txt", UA_EU | IP4 | ICI),
        ("003_a8b24aadb98f3dfc.txt", UA_EU),
        ("004_645f0c655bd661fc.txt", IP4 | {ActorRef("state", "fi"), ActorRef("state", "se")}),
    ],
)
def test_partners(name, expected):
    assert partners(records(name)) == expected


def test_finland_and_sweden_in_2022_are_partners_at_the_dinner():
    result = records("004_645f0c655bd661fc.txt")
    dinner = next(m.ref for m in result.meetings if m.role == "session" and m.ref.kind == "social-event")
    at_dinner = {(p.actor.key, p.capacity) for p in result.participations if p.meeting == dinner}
    assert at_dinner == {("fi", "partner"), ("se", "partner")}


def test_the_partner_of_a_council_held_takes_part_in_it(tmp_path):
    text = (
        "Den Haag, 20 februari 2023\n\nHierbij bied ik u het verslag aan van de bijeenkomst van de "
        "NAVO-ministers van Defensie op 14 en 15 februari jl. in Brussel.\n\n"
        "Op 15 februari kwam de NAVO-Georgië Commissie bijeen.\n\n"
        "De ministers willen de bijeenkomsten van de NAVO-Rusland Raad niet hervatten.\n"
    )
    result = extract_text(tmp_path, text)[1]
    session = next(m.ref for m in result.meetings if m.ref.name_key == "nato-georgia-commission")
    assert {(p.actor.key, p.meeting, p.capacity) for p in result.participations if p.actor.kind == "state"} == {
        ("ge", session, "partner"),  # Russia: its council is named, not said to meet
    }


def test_letter_partners_of_councils_held():
    # "Op 3 december kwamen de NAVO-Oekraïne Commissie en de NAVO-Georgië Commissie bijeen"
    assert {ActorRef("state", "ua"), ActorRef("state", "ge")} <= partners(records("dev_2008_fmm_report_brussel-december.txt"))
    # "een bijeenkomst van de NAVO-Rusland Raad op het hoogste niveau kwam niet tot stand"
    assert ActorRef("state", "ru") not in partners(records("dev_2012_summit_report_chicago.txt"))


def test_groups_are_kept_and_expanded():
    result = records("002_7ea007089aa3c9f1.txt")
    ici = next(m.ref for m in result.meetings if m.ref.name_key == "ici-meeting")
    at_ici = {p.actor for p in result.participations if p.meeting == ici}
    assert at_ici == ICI | {ActorRef("group", "ici")}


@pytest.mark.parametrize(
    "name, count",
    [
        ("000_d473f0d0e8325814.txt", 32),
        ("001_cd1c5c75dbeda8f3.txt", None),
        ("002_7ea007089aa3c9f1.txt", 32),
        ("003_a8b24aadb98f3dfc.txt", 32),
        ("004_645f0c655bd661fc.txt", 30),  # "de dertig bondgenoten"
    ],
)
def test_allies_count(name, count):
    result = records(name)
    counts = {p.stated_count for p in result.participations if p.actor == ActorRef("group", "allies")}
    assert counts == ({count} if count else set())
    for p in result.participations:
        if p.stated_count is not None:
            assert p.capacity == "ally" and p.meeting == result.main_meeting.ref


def test_host_participation_of_the_host_state():
    result = records("001_cd1c5c75dbeda8f3.txt")
    hosts = [(p.actor, p.meeting) for p in result.participations if p.capacity == "host"]
    assert hosts == [(ActorRef("state", "tr"), result.main_meeting.ref)]


OLD_STYLE = """Den Haag, 17 mei 2010

Hierbij informeer ik u over de informele bijeenkomst van de NAVO-ministers van Defensie die op 10 en 11 juni a.s. plaatsvindt op het NAVO-hoofdkwartier. Eenendertig bondgenoten zullen deelnemen, alsook de Oekraïense minister van Defensie. De president Joesjtsjenko van Oekraïne is niet uitgenodigd. Generaal Abrial zal de ministers informeren.

Op 10 juni vindt een werkdiner plaats waaraan ook Zwitserland deelneemt.
"""


def test_older_style_sentences(tmp_path):
    _, result = extract_text(tmp_path, OLD_STYLE)
    found = posts(result)
    assert found["viktor-joesjtsjenko"] == [("president", "ua")]  # "de president X van Y", a known person
    assert found["abrial"] == []  # "Generaal Z": nobody's general in particular
    counts = {p.stated_count for p in result.participations if p.actor == ActorRef("group", "allies")}
    assert counts == {31}  # "Eenendertig bondgenoten"
    dinner = next(m.ref for m in result.meetings if m.role == "session")
    assert dinner.start == date(2010, 6, 10)
    assert {(p.actor.key, p.meeting) for p in result.participations if p.capacity == "partner"} == {
        ("ua", result.main_meeting.ref),  # "de Oekraïense minister van Defensie" takes part
        ("ch", dinner),
    }  # "niet uitgenodigd" is no participation


# ---------------------------------------------------------------- cue words come from Turtle

JOINS_LATER = OLD_STYLE.replace("waaraan ook Zwitserland deelneemt", "waarbij ook Zwitserland aanschuift")


def dinner_partners(result):
    dinner = next(m.ref for m in result.meetings if m.role == "session")
    return {p.actor.key for p in result.participations if p.meeting == dinner and p.capacity == "partner"}


def test_participation_words_are_read_from_the_cue_turtle(tmp_path, monkeypatch):
    """"aanschuift" is no participation word until an ontology maintainer adds it to
    cue:participation in extraction-cues.ttl (here in a copy found through NATOKG_HOME)."""
    _, shipped = extract_text(tmp_path, JOINS_LATER)
    assert dinner_partners(shipped) == set()
    added = '"aanschuiven"@nl , "aanschuift"@nl ,'
    with edited_ontology(tmp_path / "home", monkeypatch, "extraction-cues.ttl", '"aanschuiven"@nl ,', added):
        _, extended = extract_text(tmp_path, JOINS_LATER)
    assert dinner_partners(extended) == {"ch"}


def evidence_of(result):
    yield from (k.evidence for k in result.letter.kamerstukken)
    for group in (result.meetings, result.persons, result.participations):
        for record in group:
            yield from record.evidence


@pytest.mark.parametrize("name", SEEDS)
def test_every_evidence_quotes_the_raw_text(name):
    raw = read_letter(LETTERS / name).raw
    evidence = list(evidence_of(records(name)))
    assert evidence
    for ev in evidence:
        assert raw[ev.start : ev.end] == ev.quote


def test_every_evidence_quotes_the_raw_text_of_a_synthetic_letter(tmp_path):
    document, result = extract_text(tmp_path, OLD_STYLE)
    for ev in evidence_of(result):
        assert document.raw[ev.start : ev.end] == ev.quote


# ---------------------------------------------------------------- regressions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "letters"


def test_regression_academic_title_drs_is_not_a_person():
    """"Drs. K.H. Ollongren" signs 2023_defence_ministers.txt: "Drs." is a title
    (ontology/reference/honorifics.ttl), the signatory is Kajsa Ollongren."""
    result = extract_letter(segment(read_letter(FIXTURES / "2023_defence_ministers.txt")))
    assert result.letter.signatories == ["kajsa-ollongren"]
    keys = {p.key for p in result.persons}
    assert "drs" not in keys
    signatory = next(p for p in result.persons if p.key == "kajsa-ollongren")
    assert [e.quote for e in signatory.evidence] == ["K.H. Ollongren"]


@pytest.mark.parametrize("title", ["Dr.", "Mr.", "Ir.", "Prof. dr.", "mr. drs."])
def test_regression_titles_before_a_signatory_name_are_not_names(tmp_path, title):
    text = (
        "Den Haag, 17 mei 2010\n\nHierbij informeer ik u over de bijeenkomst van de NAVO-ministers "
        "van Defensie die op 10 en 11 juni a.s. plaatsvindt in Brussel.\n\n"
        f"De minister van Defensie,\n\n{title} E. van Oosterbeek\n"
    )
    _, result = extract_text(tmp_path, text)
    assert result.letter.signatories == ["e-van-oosterbeek"]
    assert {p.key for p in result.persons} == {"e-van-oosterbeek"}


# ---------------------------------------------------------------- name grammar and reference persons

HEADS_OF_GOVERNMENT = """Den Haag, 2 mei 2022

Hierbij informeer ik u over de NAVO-top die op 28 en 29 juni a.s. plaatsvindt in Madrid.
Aan de werksessie nemen ook premier Albanese van Australië en president Yoon van Zuid-Korea deel.
Minister Lavrov liet weten dat Rusland niet aanwezig zal zijn.
De Kamerleden Zomers de middag begint met een diner.
"""


def test_name_ends_before_van_and_a_state(tmp_path):
    """"premier Albanese van Australië": the name is "Albanese", the post is Australia's."""
    _, result = extract_text(tmp_path, HEADS_OF_GOVERNMENT)
    found = posts(result)
    assert ("prime-minister", "au") in found["anthony-albanese"]
    assert ("president", "kr") in found["yoon-suk-yeol"]
    assert not any("van" in p.name.split() and "Zuid-Korea" in p.name for p in result.persons)


def test_a_known_name_that_is_also_a_demonym_is_a_name(tmp_path):
    """"Albanese" is also the Dutch adjective of Albania (aliases.ttl); after an office
    the reference data's person wins."""
    _, result = extract_text(tmp_path, HEADS_OF_GOVERNMENT)
    person = next(p for p in result.persons if p.key == "anthony-albanese")
    assert any(e.quote == "Albanese" for e in person.evidence)


def test_known_person_under_a_generic_office_keeps_his_own_state(tmp_path):
    """"Minister Lavrov" is Russia's foreign minister, not a Dutch minister."""
    _, result = extract_text(tmp_path, HEADS_OF_GOVERNMENT)
    found = posts(result)
    assert found["sergey-lavrov"] == [("minister-of-foreign-affairs", "ru")]


def test_an_unqualified_minister_is_dutch_unless_the_letter_says_otherwise(tmp_path):
    body = ("Den Haag, 3 maart 2025\n\nDe Moldavische minister van Defensie Nosatii sprak met de "
            "bondgenoten. Minister Nosatii dankte de bondgenoten voor hun steun. Minister Tuinman "
            "sprak over de begroting.\n")
    found = posts(extract_text(tmp_path, body)[1])
    assert found["nosatii"] == [("minister-of-defence", "md")]
    assert found["tuinman"] == [("minister", "nl")]
    # two Dutch posts, one named outright, are both kept
    body = ("Den Haag, 3 maart 2025\n\nDe minister van Defensie Tuinman sprak met de bondgenoten. "
            "Minister Tuinman dankte hen.\n")
    assert posts(extract_text(tmp_path, body, "two.txt")[1])["tuinman"] == [("minister", "nl"), ("minister-of-defence", "nl")]


def test_letter_foreign_minister_named_again_without_his_state():
    # "... nam de Oekraïense minister van Defensie Sjmyhal deel. [...] Minister Sjmyhal dankte
    # de bondgenoten": a Ukrainian minister, and so are his thanks
    result = extract_letter(segment(read_letter(FIXTURES / "2025_defence_ministers_report.txt")))
    assert posts(result)["sjmyhal"] == [("minister-of-defence", "ua")]
    assert not any(p.actor.key == "nl" and p.stance == "appreciate" for p in result.positions)


def test_an_office_without_its_state_takes_the_state_of_its_sentence(tmp_path):
    body = ("Den Haag, 3 maart 2025\n\nDaarna vergaderde de NAVO-Oekraïne Raad, met minister Petrenko. "
            "Zweden heeft aangegeven dat premier Lindqvist aanwezig zal zijn. "
            "De bondgenoten bespraken de detentie van oud-premier Jansen. Minister Tuinman sprak over de begroting.\n")
    found = posts(extract_text(tmp_path, body)[1])
    assert found["petrenko"] == [("minister", "ua")]
    assert found["lindqvist"] == [("prime-minister", "se")]
    assert found["jansen"] == []  # a former office is no post
    assert found["tuinman"] == [("minister", "nl")]


def test_the_letters_own_state_telling_of_an_office_gives_it_no_post(tmp_path):
    body = "Den Haag, 3 maart 2025\n\nNederland heeft aangegeven dat president Kowalczyk welkom is.\n"
    assert posts(extract_text(tmp_path, body)[1])["kowalczyk"] == []


def test_letter_ministers_of_a_partner_council_and_a_former_premier():
    # "de NAVO-Oekraïne Commissie, met minister Kozhara", "de detentie van oud-premier
    # Tymosjenko3" (a 2013 report in PDF text, written for the tests)
    found = posts(extract_letter(segment(read_letter(FIXTURES / "2013_foreign_ministers_report_pdf.txt"))))
    assert found["kozhara"] == [("minister", "ua")]
    assert found["tymosjenko"] == []
    # "Japan heeft aangegeven dat premier Ishiba mogelijk niet komt" (a 2025 agenda with a memo)
    found = posts(extract_letter(segment(read_letter(FIXTURES / "2025_summit_agenda_with_memo.txt"))))
    assert found["ishiba"] == [("prime-minister", "jp")]


def test_answers_to_questions_are_signed_by_the_minister_who_answers(tmp_path):
    body = ("Vragen van het lid Jansen aan de Minister van Defensie.\n\n"
            "Antwoord van Minister De Vries (Defensie), mede namens de Minister van Buitenlandse Zaken "
            "(ontvangen 1 juli 2025).\n\nVraag 1\nKlopt het bericht?\n")
    assert extract_text(tmp_path, body)[1].letter.signatories == ["de-vries"]
    # a letter with a signature block keeps it
    assert records("dev_2018_summit_agenda_brussel-nota.txt").letter.signatories == ["stef-blok", "ank-bijleveld-schouten"]


def test_a_surname_with_a_capitalised_particle_after_an_office(tmp_path):
    found = posts(extract_text(tmp_path, "Den Haag, 3 juli 2025\n\nMinister De Jonge sprak over de begroting.\n")[1])
    assert found == {"de-jonge": [("minister", "nl")]}
    # a capitalised article before a common noun names nobody
    assert posts(extract_text(tmp_path, "Den Haag, 3 juli 2025\n\nMinister De bondgenoten spraken.\n")[1]) == {}


def test_a_state_after_an_office_word_is_no_person(tmp_path):
    # "lid" is also an office (member of parliament); "Noord" starts the name of a state
    assert posts(extract_text(tmp_path, "Den Haag, 3 juli 2025\n\nHet toekomstige lid Noord-Macedonië nam deel.\n")[1]) == {}


def test_letter_memo_routing_block_names_nobody():
    # "Aan\nMinister van Buitenlandse Zaken\n\nVan\nDirecteur Veiligheidsbeleid ... Kopie aan\n
    # SG, DGPZ, DEU, DAO, minister van Defensie\n\nPlandatum/Deadline" (a memo written for the tests)
    result = extract_letter(segment(read_letter(FIXTURES / "2023_memo_alone.txt")))
    assert not {"plandatum", "van-directeur-veiligheidsbeleid"} & {p.key for p in result.persons}


def test_letter_answers_to_questions_signatory():
    # "Antwoord van Minister Brekelmans (Defensie), mede namens de Minister van Buitenlandse Zaken"
    assert records("dev_2025_other_other_kamervragen-capaciteitsdoelstellingen.txt").letter.signatories == ["ruben-brekelmans"]


def test_a_known_person_holds_the_posts_of_the_letters_date():
    # Mark Rutte: the Dutch prime minister in the 2012 Chicago report, NATO's (coming)
    # Secretary General in the July 2024 Washington report
    chicago = posts(records("dev_2012_summit_report_chicago.txt"))
    washington = posts(records("dev_2024_summit_report_washington.txt"))
    assert chicago["mark-rutte"] == [("prime-minister", "nl")]
    assert washington["mark-rutte"] == [("nato-secretary-general", "nato")]


def test_regression_two_letter_initials_are_one_name_token():
    """"A.Th.B. Bijleveld-Schouten" and "Ph.J. Zandvoort" write two-letter initials."""
    from natokg.extract.persons import _NAME_TOKEN

    assert _NAME_TOKEN.match("A.Th.B. Bijleveld-Schouten").group() == "A.Th.B."
    assert _NAME_TOKEN.match("Ph.J. Zandvoort").group() == "Ph.J."
    assert _NAME_TOKEN.match("K.H. Ollongren").group() == "K.H."


def test_regression_a_plural_office_before_one_capitalised_word_names_nobody(tmp_path):
    """A navigation bar "Kamerleden Stemmingen Open vragen" is no list of members."""
    _, result = extract_text(tmp_path, HEADS_OF_GOVERNMENT)
    assert not any("Zomers" in p.name for p in result.persons)


# ---------------------------------------------------------------- participants named in other ways

PARTICIPANTS = """Den Haag, 3 mei 2019

Hierbij informeer ik u over de bijeenkomst van de NAVO-ministers van Defensie die op 6 en 7 juni a.s. plaatsvindt in Brussel.
Op de eerste dag spreken de negenentwintig ministers over de commandostructuur. Het verdrag werd in 1949 door twaalf landen ondertekend.
Later volgt een sessie over de zuidflank met de ministers van Jordanië en Tunesië.
Daarna spraken de ministers met de Georgische minister van Defensie over de Zwarte Zee.
Moldavië kan in de toekomst als partner deelnemen.
Nederland zal deelnemen aan een conferentie over Armenië.
Ook de Wereldbank is uitgenodigd; de VN-missie is eveneens aanwezig.
Marokko neemt deel als partner uit de Mediterrane Dialoog.
Oostenrijk nam deel als genodigde.
"""


def partner_keys(result):
    return {p.actor.key for p in result.participations if p.capacity in ("partner", "guest")}


def test_participants_after_met_following_a_meeting_word_or_a_verb_of_talking(tmp_path):
    _, result = extract_text(tmp_path, PARTICIPANTS)
    assert {"jo", "tn", "ge"} <= partner_keys(result)


@pytest.mark.parametrize("sentence, expected", [
    # the company after ", samen met", and the members after "waaronder"
    ("Tijdens het werkdiner spraken de ministers, samen met de ministers van Defensie van Finland en Zweden, "
     "over de NAVO-EU-samenwerking.", {"fi", "se"}),
    ("Op 15 juni vond een sessie met partners plaats, waaronder Australië en Georgië.", {"au", "ge"}),
    # a meeting not held in another clause takes no company away
    ("Tijdens het werkdiner, dat werd verschoven omdat de lunch werd geannuleerd, spraken de ministers met "
     "de ministers van Finland en Zweden.", {"fi", "se"}),
    # counterparts named by their demonyms
    ("Tijdens het werkdiner spraken de ministers met hun Finse en Zweedse collega's over de EU.", {"fi", "se"}),
])
def test_participants_in_company_lists(tmp_path, sentence, expected):
    body = defence_report(sentence, "20 juni 2016", "14 en 15 juni")
    assert partner_keys(extract_text(tmp_path, body)[1]) >= expected


@pytest.mark.parametrize("sentence", [
    "Een bijeenkomst met de partners uit de Mediterrane Dialoog is niet voorzien.",
    "Er is dit keer geen bijeenkomst met Australië en Georgië.",
])
def test_the_company_of_a_meeting_not_held_takes_no_part(tmp_path, sentence):
    body = defence_report(sentence, "20 juni 2016", "14 en 15 juni")
    assert partner_keys(extract_text(tmp_path, body)[1]) == set()


def test_a_meeting_named_in_a_comparison_is_not_the_one_taken_part_in(tmp_path):
    body = ("Den Haag, 1 december 2003\n\nOp 4 december vindt in Brussel de bijeenkomst van de NAVO-ministers van "
            "Buitenlandse Zaken plaats. Aan een deel van deze zitting nemen, zoals sinds de top van Praag gebruikelijk, "
            "de ministers van Bulgarije en Roemenië deel.\n")
    found = {(p.actor.key, p.meeting.kind) for p in extract_text(tmp_path, body)[1].participations if p.capacity == "partner"}
    assert found == {("bg", "foreign-ministers"), ("ro", "foreign-ministers")}


def test_split_participation_verbs_and_guests(tmp_path):
    """"nam deel als genodigde"; an organisation outside NATO that is no partner is a guest."""
    _, result = extract_text(tmp_path, PARTICIPANTS)
    assert "at" in partner_keys(result)
    guests = {p.actor.key for p in result.participations if p.capacity == "guest"}
    assert guests == {"world-bank"}


def test_possibility_topic_compound_and_capacity_are_no_participants(tmp_path):
    """"kan deelnemen", "over Armenië", "de VN-missie", "als partner uit de Mediterrane
    Dialoog" name no participant (only Morocco takes part)."""
    _, result = extract_text(tmp_path, PARTICIPANTS)
    keys = partner_keys(result)
    assert not keys & {"md", "am", "un", "dz", "eg", "il", "mr", "mediterranean-dialogue"}
    assert "ma" in keys


def test_a_military_presence_is_no_attendance(tmp_path):
    body = ("Den Haag, 1 juni 2016\n\nHierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst van de "
            "NAVO-ministers van Defensie op 14 en 15 juni a.s. in Brussel.\n\nNederland steunt de versterkte "
            "aanwezigheid in Estland, een signaal aan Rusland. De NAVO-Oekraïne Commissie vergadert in "
            "aanwezigheid van Georgië.\n")
    keys = partner_keys(extract_text(tmp_path, body)[1])
    assert "ru" not in keys and "ge" in keys


def test_a_place_coordinated_with_a_place_is_no_participant(tmp_path):
    body = ("Den Haag, 1 juni 2016\n\nHierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers "
            "van Defensie op 14 en 15 juni jl. in Brussel.\n\nAan de sessie over de missies in Afghanistan en Irak "
            "namen Zweden en Finland deel.\n")
    keys = partner_keys(extract_text(tmp_path, body)[1])
    assert {"se", "fi"} <= keys and not {"af", "iq"} & keys


def test_letter_place_coordinated_with_a_place():
    # "een sessie over de NAVO-missies in Afghanistan en Irak, met deelname van de Resolute
    # Support-partners" (a 2020 report written for the tests)
    result = extract_letter(segment(read_letter(FIXTURES / "2020_defence_ministers_report_vtc.txt")))
    assert "iq" not in partner_keys(result)


def test_letter_military_presence_is_no_attendance():
    # "Nederland steunt de versterkte aanwezigheid, die [...] een evenwichtig en defensief
    # signaal aan Rusland is" (a 2016 agenda written for the tests)
    result = extract_letter(segment(read_letter(FIXTURES / "2016_defence_ministers_agenda_pdf.txt")))
    assert "ru" not in partner_keys(result)


def test_a_count_before_a_delegation_word_is_the_allies_only_when_it_is_the_members(tmp_path):
    """"de negenentwintig ministers" in June 2019 (29 allies) counts; "twaalf landen" not."""
    _, result = extract_text(tmp_path, PARTICIPANTS)
    counts = {p.stated_count for p in result.participations if p.actor == ActorRef("group", "allies")}
    assert counts == {29}


def test_regression_ordinal_count_of_a_future_ally_is_no_allies_count(tmp_path):
    """"Noord-Macedonië wordt de dertigste bondgenoot" in 2019: the allies were 29."""
    text = PARTICIPANTS.replace("Oostenrijk nam deel als genodigde.", "Noord-Macedonië wordt de dertigste bondgenoot.")
    _, result = extract_text(tmp_path, text)
    counts = {p.stated_count for p in result.participations if p.actor == ActorRef("group", "allies")}
    assert counts == {29}


def test_regression_allies_count_of_the_delegations_in_the_letter():
    """dev_2017 agenda: "spreken de negenentwintig ministers" is the allies count."""
    result = records("dev_2017_dmm_agenda_brussel-commandostructuur.txt")
    counts = {p.stated_count for p in result.participations if p.actor == ActorRef("group", "allies")}
    assert counts == {29}


PROGRAMMES = """Den Haag, 3 mei 2006

Hierbij informeer ik u over de NAVO-top die op 28 en 29 november a.s. plaatsvindt in Riga.
Servië en Moldavië blijven deelnemen aan het Membership Action Plan.
Armenië neemt als genodigde deel aan de vergadering.
Het kabinet steunt de uitnodiging aan Azerbeidzjan om besprekingen te beginnen.
Besloten werd Kazachstan uit te nodigen voor het Partnerschap voor Vrede.
Later volgt een werkdiner over de betrekkingen met Rusland.
Daarna spraken de ministers af de banden met Wit-Rusland te herzien.
Ook de Tweede Kamer is uitgenodigd.
De bijeenkomst met de partners werd gewaardeerd, onder meer in Libanon.
Een sessie volgt met de VN-secretaris-generaal Ban Ki-moon.
"""


def test_taking_part_in_a_programme_is_no_participation(tmp_path):
    """"deelnemen aan het Membership Action Plan" is no meeting; "deelnemen aan de
    vergadering" and "de uitnodiging aan Azerbeidzjan" are."""
    _, result = extract_text(tmp_path, PROGRAMMES)
    keys = partner_keys(result)
    assert not keys & {"rs", "md"}
    assert {"am", "az"} <= keys


def test_a_group_one_is_invited_to_is_no_participant(tmp_path):
    """"uit te nodigen voor het Partnerschap voor Vrede": Kazakhstan, not the PfP members."""
    _, result = extract_text(tmp_path, PROGRAMMES)
    keys = partner_keys(result)
    assert "kz" in keys
    assert not keys & {"partnership-for-peace", "ch", "ie"}


def test_the_other_party_of_a_relation_place_and_national_body_are_no_participants(tmp_path):
    """"de betrekkingen met Rusland", "spraken af de banden met", "in Libanon" and the
    Tweede Kamer (skos:note "national") take no part."""
    _, result = extract_text(tmp_path, PROGRAMMES)
    keys = partner_keys(result)
    assert not keys & {"ru", "by", "lb", "tweede-kamer"}


def test_regression_a_known_name_with_a_lowercase_hyphen_part_is_read_whole(tmp_path):
    """"VN-secretaris-generaal Ban Ki-moon": the reference data's full name, the UN's post."""
    _, result = extract_text(tmp_path, PROGRAMMES)
    person = next(p for p in result.persons if p.key == "ban-ki-moon")
    assert [e.quote for e in person.evidence] == ["Ban Ki-moon"]
    assert ("un-secretary-general", "un") in [(x.office, x.of.key) for x in person.posts]
    guests = {p.actor.key for p in result.participations if p.capacity == "guest"}
    assert "un" in guests  # the post's organisation takes part in the session


def test_a_session_about_a_long_subject_with_its_partners(tmp_path):
    body = ("Op 14 februari volgde een sessie over de veiligheid in het Zwarte Zeegebied met de ministers van "
            "Defensie van Georgië en Oekraïne.")
    _, result = extract_text(tmp_path, defence_report(body))
    assert {ActorRef("state", "ge"), ActorRef("state", "ua")} <= partners(result)


@pytest.mark.parametrize("relation", ["de betrekkingen van het bondgenootschap", "de onderhandelingen", "het partnerschap"])
def test_a_relation_named_after_a_meeting_word_brings_no_partner(tmp_path, relation):
    body = f"Tijdens het werkdiner spraken de ministers over {relation} met Rusland."
    _, result = extract_text(tmp_path, defence_report(body))
    assert ActorRef("state", "ru") not in partners(result)


def test_an_unknown_premier_named_after_a_place_abroad_is_not_presumed_dutch(tmp_path):
    body = ("De ministers verwelkomden de uitkomst van de bijeenkomst in Sharm-el-Sheikh op 8 februari jl. tussen "
            "premier Sharon en president Abbas. Minister-president Jansen sprak daarna in Vilnius met president Nausėda.")
    _, result = extract_text(tmp_path, defence_report(body))
    posts = {p.key: p.posts for p in result.persons}
    assert not any(post.of == ActorRef("state", "nl") for post in posts["sharon"])
    assert any(post.of == ActorRef("state", "nl") for post in posts["jansen"])  # the place after the office is his visit


def test_letter_an_unknown_premier_after_a_place_abroad():
    from support.letter_records import fixture_records

    posts = {p.key: p.posts for p in fixture_records("2005_summit_report_brussels.txt").persons}
    assert not any(post.of == ActorRef("state", "nl") for post in posts["sharon"])


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Tijdens de sessie over Resolute Support, met onder meer Australië en Georgië als partners, wordt gesproken "
         "over Afghanistan.", {"au", "ge"}),
        ("Met de partnerlanden die aan Resolute Support bijdragen, waaronder Australië en Georgië, bespraken de "
         "ministers de situatie in Rusland.", {"au", "ge"}),
        ("Tijdens het werkdiner bespreken de ministers de veiligheidssituatie, met bijzondere aandacht voor Noord-Korea.", set()),
    ],
)
def test_company_after_a_comma_or_fronted_before_the_talk(tmp_path, body, expected):
    _, result = extract_text(tmp_path, defence_report(body))
    assert {a.key for a in partners(result)} == expected


def test_an_unknown_office_holder_after_one_state_abroad_holds_its_post(tmp_path):
    body = ("Montenegro, dat naar verwachting in juni toetreedt, neemt met premier Bulatović als genodigde deel. "
            "Oekraïne verzocht, in een brief van premier Timosjenko en parlementsvoorzitter Jatsenjoek, om een MAP. "
            "De ministers spraken met Georgië en Moldavië, met minister Ivanov als gast.")
    _, result = extract_text(tmp_path, defence_report(body))
    posts = {p.key: [(post.office, post.of.key) for post in p.posts] for p in result.persons}
    assert posts["bulatovic"] == [("prime-minister", "me")]
    assert posts["timosjenko"] == [("prime-minister", "ua")]
    assert not any(of == "nl" for _, of in posts["ivanov"])  # two states before: whose is not said


def test_letter_an_unknown_premier_of_the_state_named_before():
    from support.letter_records import fixture_records

    # "Montenegro, dat naar verwachting begin juni als negenentwintigste lid toetreedt, neemt met premier Marković als genodigde deel."
    posts = {p.key: p.posts for p in fixture_records("2017_summit_agenda_brussels_may.txt").persons}
    assert [(post.office, post.of.key) for post in posts["markovic"]] == [("prime-minister", "me")]
