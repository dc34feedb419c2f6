"""The many names of a main meeting (meeting-terms.ttl) and the dates and places that
go with them."""

from datetime import date

import pytest

from natokg.records import MeetingRef

from support.letter_records import extract_text, records


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("het verslag van de bijeenkomst van de Noord-Atlantische Raad op het niveau van ministers "
         "van Buitenlandse Zaken, die op 3 en 4 maart jl. in Riga plaatsvond", "foreign-ministers"),
        ("het verslag van de bijeenkomst van de Noord-Atlantische Raad in de samenstelling van ministers "
         "van Defensie, die op 3 en 4 maart jl. in Riga plaatsvond", "defence-ministers"),
        ("het verslag van de Navo-defensieministeriële bijeenkomst, die op 3 en 4 maart jl. in Riga "
         "plaatsvond", "defence-ministers"),
        ("het verslag van de bijeenkomst van NAVO-regeringsleiders op 3 en 4 maart jl. in Riga", "summit"),
        ("het verslag van de NATO Leaders' Meeting op 3 en 4 maart jl. in Riga", "summit"),
    ],
)
def test_main_meeting_named_by_its_council_level_or_leaders(tmp_path, sentence, kind):
    text = f"Den Haag, 20 maart 2017\n\nHierbij bied ik u {sentence}.\n"
    main = extract_text(tmp_path, text)[1].main_meeting
    assert (main.ref.kind, main.ref.start, main.end, main.ref.city) == (kind, date(2017, 3, 3), date(2017, 3, 4), "riga")


def test_regression_council_at_foreign_ministers_level_not_the_summit_it_follows():
    """The first sentence names "de bijeenkomst van de Noord-Atlantische Raad op het niveau
    van ministers van Buitenlandse Zaken" of 13-14 May; a later sentence dates the Wales
    summit the meeting came after."""
    main = records("dev_2015_fmm_report_antalya.txt").main_meeting
    assert (main.ref.kind, main.ref.start, main.end, main.ref.city) == (
        "foreign-ministers", date(2015, 5, 13), date(2015, 5, 14), "antalya",
    )


def test_regression_virtual_council_at_ministers_level_has_no_city():
    main = records("dev_2020_fmm_report_videoconferentie.txt").main_meeting
    assert (main.ref.kind, main.ref.start, main.ref.city) == ("foreign-ministers", date(2020, 12, 1), None)


def test_regression_leaders_meeting_is_the_summit():
    main = records("dev_2019_summit_report_londen-watford.txt").main_meeting
    assert (main.ref.kind, main.ref.start, main.end, main.ref.city) == (
        "summit", date(2019, 12, 3), date(2019, 12, 4), "london",
    )


def test_session_takes_the_day_its_paragraph_names_before_it(tmp_path):
    text = (
        "Den Haag, 20 maart 2017\n\nHierbij bied ik u de agenda van de bijeenkomst van de NAVO-ministers van Defensie "
        "die op 3 en 4 mei a.s. in Riga plaatsvindt.\n\n"
        "Op 4 mei spreken de ministers over cyber. Daarna volgt een werkdiner over de begroting.\n\n"
        "Er is ook een werksessie over mobiliteit.\n"
    )
    sessions = {(m.ref.kind, m.ref.start) for m in extract_text(tmp_path, text)[1].meetings if m.role == "session"}
    # the next paragraph names no day: its session stays undated
    assert sessions == {("social-event", date(2017, 5, 4)), ("working-session", None)}


def test_regression_sessions_of_a_two_day_summit_dated_by_their_paragraph():
    """"Op 9 juli vindt een sessie ... plaats. ... De top sluit af met een bijeenkomst van
    de NAVO-Oekraïne Commissie": the commission meets on 9 July."""
    result = records("dev_2016_summit_agenda_warschau.txt")
    sessions = {(m.ref.name_key, m.ref.start) for m in result.meetings if m.role == "session"}
    assert ("nato-ukraine-commission", date(2016, 7, 9)) in sessions


def _sessions(tmp_path, paragraph):
    text = (
        "Den Haag, 20 maart 2017\n\nHierbij bied ik u de agenda van de bijeenkomst van de NAVO-ministers "
        f"van Defensie die op 3 en 4 mei a.s. in Riga plaatsvindt.\n\n{paragraph}\n"
    )
    return [m for m in extract_text(tmp_path, text)[1].meetings if m.role == "session"]


def test_session_named_by_its_subject_is_a_council_session(tmp_path):
    sessions = _sessions(tmp_path, "Op 3 mei is er een sessie over de Zwarte Zee, en daarna een bijeenkomst over Irak.")
    assert sorted((m.ref.kind, m.ref.start, m.name) for m in sessions) == [
        ("council-session", date(2017, 5, 3), "bijeenkomst over Irak"),
        ("council-session", date(2017, 5, 3), "sessie over de Zwarte Zee"),
    ]


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        # numbered sessions are working sessions; "deze sessie" is the one before
        ("Op 4 mei volgen twee sessies. In de eerste sessie gaat het over cyber. Tijdens deze sessie "
         "spreekt ook de EU. In de tweede sessie gaat het over de begroting.",
         [("working-session", date(2017, 5, 4), "1"), ("working-session", date(2017, 5, 4), "2")]),
        # "op de eerste / tweede dag" dates the sessions; the NPG is a council session
        ("Op de eerste dag komt de Nuclear Planning Group (NPG) bijeen. Op de tweede dag volgt een "
         "sessie met de partners.",
         [("council-session", date(2017, 5, 3), "nuclear-planning-group"),
          ("council-session", date(2017, 5, 4), "sessie-met-de-partners")]),
    ],
)
def test_sessions_by_number_and_by_day(tmp_path, paragraph, expected):
    sessions = _sessions(tmp_path, paragraph)
    assert sorted((m.ref.kind, m.ref.start, m.ref.name_key) for m in sessions) == expected


def test_council_holding_a_working_session_is_no_session_of_its_own(tmp_path):
    sessions = _sessions(tmp_path, "Op 3 mei is er een werksessie van de Noord-Atlantische Raad over cyber.")
    assert [(m.ref.kind, m.ref.start) for m in sessions] == [("working-session", date(2017, 5, 3))]


def test_regression_informal_sessions_of_the_council_under_their_headings():
    """'twee informele sessies van de Noord-Atlantische Raad op 1 juni', then the headings
    'Sessie I: Oekraïne' and 'Sessie II: ...'; 'Diner:' is the informal dinner of 31 May."""
    sessions = [m for m in records("dev_2023_fmm_agenda_oslo-informeel.txt").meetings if m.role == "session"]
    kinds = {(m.ref.kind, m.ref.start, m.ref.name_key) for m in sessions}
    assert {("working-session", date(2023, 6, 1), "1"), ("working-session", date(2023, 6, 1), "2")} <= kinds
    assert ("social-event", date(2023, 5, 31), "informal-dinner") in kinds
    assert not any(m.ref.name_key == "north-atlantic-council" for m in sessions)


def test_regression_second_day_of_a_defence_ministers_meeting():
    """'Op de tweede dag volgt een bijeenkomst over de Resolute Support missie ... en een
    sessie over EU-NAVO samenwerking': both on 9 November."""
    sessions = [m for m in records("dev_2017_dmm_agenda_brussel-commandostructuur.txt").meetings if m.role == "session"]
    assert sum(1 for m in sessions if m.ref.kind == "council-session" and m.ref.start == date(2017, 11, 9)) == 2


def test_titled_meeting_told_as_its_ministers_gathering(tmp_path):
    text = (
        "Datum 20 maart 2017\nBetreft Verslag Navo-defensieministeriële\n\n"
        "Op 3 en 4 maart jl. waren de ministers van Defensie in Riga bijeen voor overleg.\n"
    )
    main = extract_text(tmp_path, text)[1].main_meeting
    assert (main.ref.kind, main.ref.start, main.end, main.ref.city) == (
        "defence-ministers", date(2017, 3, 3), date(2017, 3, 4), "riga",
    )


def test_regression_defence_ministerial_told_as_ministers_gathering():
    """Title 'Navo-defensieministeriële' without a date; 'Op woensdag 24 en donderdag 25
    oktober jl. waren de Navo-ministers van Defensie in Noordwijk aan Zee bijeen'."""
    main = records("dev_2007_dmm_report_noordwijk.txt").main_meeting
    assert (main.ref.kind, main.ref.start, main.end, main.ref.city) == (
        "defence-ministers", date(2007, 10, 24), date(2007, 10, 25), "noordwijk",
    )


def _mentioned(tmp_path, sentence):
    text = (
        "Den Haag, 20 maart 2017\n\nHierbij bied ik u de agenda van de bijeenkomst van de NAVO-ministers "
        f"van Defensie die op 3 en 4 mei a.s. in Riga plaatsvindt. {sentence}\n"
    )
    return {m.ref for m in extract_text(tmp_path, text)[1].meetings if m.role == "mentioned"}


def test_meeting_named_after_its_city(tmp_path):
    refs = _mentioned(tmp_path, "De Europese Raad van Kopenhagen van 12 en 13 juni a.s. bespreekt dit ook.")
    assert refs == {MeetingRef("external", date(2017, 6, 12), "copenhagen", "")}


def test_day_before_a_summit_is_not_its_date(tmp_path):
    refs = _mentioned(tmp_path, "Op 4 mei spreken de ministers over de NAVO-top in Brussel.")
    assert refs == {MeetingRef("summit", date(2017, 5, 25), "brussels")}


def test_regression_preparing_the_wales_summit_on_the_second_day():
    """'Op 2 april spraken de ministers over ... de NAVO-top in Wales in september': one
    Wales summit, on its own dates."""
    refs = {m.ref for m in records("dev_2014_fmm_report_brussel-april.txt").meetings if m.role == "mentioned"}
    assert {r for r in refs if r.kind == "summit"} == {MeetingRef("summit", date(2014, 9, 4), "newport")}


def test_regression_jubilee_summit_in_two_cities():
    refs = {m.ref for m in records("dev_2008_fmm_report_brussel-december.txt").meetings if m.role == "mentioned"}
    assert MeetingRef("summit", date(2009, 4, 3), "strasbourg") in refs


def test_meeting_told_as_its_ministers_with_a_day(tmp_path):
    refs = _mentioned(
        tmp_path,
        "Zij bouwen voort op het besluit van de ministers van Buitenlandse Zaken van 6 maart jl. en op "
        "wat de ministers van Defensie op 3 mei bespreken.",
    )
    # the defence ministers on 3 May are the main meeting itself
    assert refs == {MeetingRef("foreign-ministers", date(2017, 3, 6), None)}


def test_regression_defence_ministers_who_set_the_targets_on_5_june():
    refs = {m.ref for m in records("dev_2025_summit_report_den-haag.txt").meetings if m.role == "mentioned"}
    assert MeetingRef("defence-ministers", date(2025, 6, 5), None) in refs


def test_regression_peace_summit_in_burgenstock():
    refs = {m.ref for m in records("dev_2024_fmm_report_praag-informeel.txt").meetings if m.role == "mentioned"}
    assert MeetingRef("external", date(2024, 6, 15), "burgenstock", "") in refs


def test_regression_working_session_of_the_council_keeps_its_day():
    """'De werksessie van de Noord-Atlantische Raad vond op 4 december plaats': the day is
    the working session's, not a council session's."""
    sessions = {(m.ref.kind, m.ref.start) for m in records("dev_2019_summit_report_londen-watford.txt").meetings
                if m.role == "session"}
    assert ("working-session", date(2019, 12, 4)) in sessions
    assert not any(kind == "council-session" for kind, _ in sessions)


def test_session_that_is_not_held(tmp_path):
    sessions = _sessions(tmp_path, "Op 4 mei is er een werkdiner. Een bijeenkomst van de NAVO-Rusland Raad is niet voorzien.")
    assert [m.ref.name_key for m in sessions] == ["working-dinner"]


@pytest.mark.parametrize("sentence", [
    "Er vindt op deze top geen bijeenkomst van de NAVO-Rusland Raad plaats.",
    "Er vindt geen zitting van de NAVO-Rusland Raad plaats.",
    "De NAVO-Rusland Raad zal tijdens deze ministeriële niet bijeenkomen.",
    "Een ministeriële vergadering van de NAVO-Rusland Raad zal ditmaal niet plaatsvinden.",
    "Een sessie van de NAVO-Rusland Raad staat deze keer niet op de agenda.",
    "Sinds april is de NAVO-Rusland Raad niet op ministerieel niveau bijeengekomen.",
])
def test_no_meeting_of_a_council_is_no_session(tmp_path, sentence):
    sessions = _sessions(tmp_path, "Op 4 mei is er een werkdiner. " + sentence)
    assert [m.ref.name_key for m in sessions] == ["working-dinner"]


@pytest.mark.parametrize("sentence, expected", [
    ("Op 4 mei vergaderde de NAR, waarna de ISAF-partners bijeenkwamen met de Afghaanse minister.", ["isaf-meeting"]),
    ("Op 4 mei kwamen de ISAF-partners bijeen.", ["isaf-meeting"]),
    ("De ISAF-partners kwamen niet bijeen.", []),
])
def test_a_partner_group_gathering_is_its_session(tmp_path, sentence, expected):
    sessions = _sessions(tmp_path, sentence)
    assert [m.ref.name_key for m in sessions if m.ref.name_key != "north-atlantic-council"] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Op 4 mei vond een bijeenkomst plaats over ISAF met de partnerlanden.", "isaf-meeting"),
    ("Op 4 mei spraken de ministers in ISAF-samenstelling over de transitie.", "isaf-meeting"),
    ("Op 4 mei vond een sessie over Resolute Support plaats.", "resolute-support-meeting"),
])
def test_a_meeting_about_an_operation_is_its_contributors_session(tmp_path, sentence, expected):
    assert expected in [m.ref.name_key for m in _sessions(tmp_path, sentence)]


def test_regression_partnership_council_not_foreseen_at_the_summit():
    """'Een bijeenkomst van de Euro-Atlantische Partnerschapsraad (EAPR) is in Warschau niet voorzien.'"""
    sessions = [m for m in records("dev_2016_summit_agenda_warschau.txt").meetings if m.role == "session"]
    assert not any(m.ref.name_key == "euro-atlantic-partnership-council" for m in sessions)


def test_a_summit_of_the_european_political_community_is_no_nato_summit(tmp_path):
    refs = _mentioned(tmp_path, "De EPG-top in Kopenhagen op 2 oktober a.s. staat in het teken van migratie.")
    assert {(r.kind, r.start, r.city) for r in refs} == {("external", date(2017, 10, 2), "copenhagen")}
