"""Meetings (natokg.extract.meetings): main meeting, sessions, mentioned meetings."""

from datetime import date
from pathlib import Path

import pytest

from natokg.extract.stage import NO_MAIN_MEETING
from natokg.records import ActorRef, MeetingRef

from support.letter_records import defence_report, extract_text, fixture_records, records

HAGUE_SUMMIT = MeetingRef("summit", date(2025, 6, 24), "the-hague")
ANKARA_SUMMIT = MeetingRef("summit", date(2026, 7, 7), "ankara")


def by_role(result, role):
    return [m for m in result.meetings if m.role == role]


@pytest.mark.parametrize(
    "name, kind, start, end, city, country, informal",
    [
        ("000_d473f0d0e8325814.txt", "foreign-ministers", date(2026, 5, 21), date(2026, 5, 22), "helsingborg", "se", False),
        ("001_cd1c5c75dbeda8f3.txt", "foreign-ministers", date(2025, 5, 14), date(2025, 5, 15), "antalya", "tr", True),
        ("002_7ea007089aa3c9f1.txt", "summit", date(2026, 7, 7), date(2026, 7, 8), "ankara", "tr", False),
        ("003_a8b24aadb98f3dfc.txt", "foreign-ministers", date(2025, 12, 3), date(2025, 12, 3), "brussels", "be", False),
        ("004_645f0c655bd661fc.txt", "foreign-ministers", date(2022, 5, 14), date(2022, 5, 15), "berlin", "de", True),
    ],
)
def test_main_meeting(name, kind, start, end, city, country, informal):
    main = records(name).main_meeting
    assert (main.ref.kind, main.ref.start, main.end, main.ref.city, main.country, main.informal) == (
        kind, start, end, city, country, informal,
    )
    assert main.evidence


def test_summit_host_comes_from_reference_data():
    assert records("002_7ea007089aa3c9f1.txt").main_meeting.host == ActorRef("state", "tr")
    # at NATO headquarters nobody hosts
    assert records("003_a8b24aadb98f3dfc.txt").main_meeting.host is None


@pytest.mark.parametrize(
    "name, expected",
    [
        ("000_d473f0d0e8325814.txt", {("council-session", None), ("social-event", None)}),
        (
            "001_cd1c5c75dbeda8f3.txt",
            {("social-event", date(2025, 5, 14)), ("council-session", date(2025, 5, 15))},
        ),
        (
            "003_a8b24aadb98f3dfc.txt",  # one-day meeting: sessions on its day
            {("council-session", date(2025, 12, 3))},
        ),
        (
            "004_645f0c655bd661fc.txt",
            {("social-event", date(2022, 5, 14)), ("working-session", date(2022, 5, 15))},
        ),
    ],
)
def test_session_kinds_and_dates(name, expected):
    sessions = by_role(records(name), "session")
    assert {(s.ref.kind, s.ref.start) for s in sessions} == expected
    main = records(name).main_meeting
    assert all(s.ref.parent == main.ref for s in sessions)


def test_summit_sessions_from_body_and_memo_schedule():
    sessions = by_role(records("002_7ea007089aa3c9f1.txt"), "session")
    found = sorted((s.ref.kind, s.ref.name_key, s.ref.start) for s in sessions)
    july7, july8 = date(2026, 7, 7), date(2026, 7, 8)
    assert found == sorted(
        [
            ("social-event", "reception", july7),
            ("social-event", "social-dinner", july7),
            ("council-session", "north-atlantic-council", july8),
            # the memo's "NAR-bijeenkomst ... met aanwezigheid van ICI-partners" is the ICI meeting
            ("council-session", "ici-meeting", july7),
            # "NUC-diner": a council session, not a dinner
            ("council-session", "nato-ukraine-council", july7),
            # dated only by the memo's "- 7 juli:" bullet
            ("social-event", "informal-reception", july7),
            ("social-event", "working-dinner", july7),
            ("forum", "defence-industry-forum", july7),
        ]
    )
    dinner = next(s for s in sessions if s.ref.name_key == "social-dinner")
    assert dinner.host == ActorRef("person", "recep-tayyip-erdogan")


def test_working_sessions_named_by_their_headings():
    sessions = [s for s in by_role(records("004_645f0c655bd661fc.txt"), "session") if s.ref.kind == "working-session"]
    assert sorted(s.name for s in sessions) == [
        "Werksessie I: Oekraïne",
        "Werksessie II: Strategisch Concept, Asia-Pacific en NAVO2030",
    ]


def test_dinner_host_from_gastheerschap():
    dinner = next(s for s in by_role(records("001_cd1c5c75dbeda8f3.txt"), "session") if s.ref.kind == "social-event")
    assert dinner.host == ActorRef("person", "hakan-fidan")
    assert dinner.ref.name_key == "informal-dinner"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("000_d473f0d0e8325814.txt", {ANKARA_SUMMIT, HAGUE_SUMMIT}),
        ("001_cd1c5c75dbeda8f3.txt", {HAGUE_SUMMIT}),
        ("002_7ea007089aa3c9f1.txt", {HAGUE_SUMMIT, MeetingRef("external", date(2026, 7, 1), None, "commissiedebat")}),
        (
            "003_a8b24aadb98f3dfc.txt",
            {HAGUE_SUMMIT, ANKARA_SUMMIT, MeetingRef("external", date(2025, 12, 18), None, "european-council")},
        ),
        (
            "004_645f0c655bd661fc.txt",
            {
                MeetingRef("external", date(2022, 4, 26), "ramstein", ""),
                MeetingRef("summit", date(2022, 6, 28), "madrid"),
                MeetingRef("external", date(2022, 5, 16), None, "foreign-affairs-council"),
                MeetingRef("external", date(2022, 5, 17), None, "foreign-affairs-council-defence"),
            },
        ),
    ],
)
def test_mentioned_meetings_resolve_to_one_ref(name, expected):
    assert {m.ref for m in by_role(records(name), "mentioned")} == expected


def test_european_council_end_date_from_the_range():
    council = next(m for m in by_role(records("003_a8b24aadb98f3dfc.txt"), "mentioned") if m.ref.name_key)
    assert council.end == date(2025, 12, 19)


def test_precedes_the_summit_it_is_the_last_meeting_before():
    assert records("000_d473f0d0e8325814.txt").main_meeting.precedes == ANKARA_SUMMIT
    assert records("001_cd1c5c75dbeda8f3.txt").main_meeting.precedes == HAGUE_SUMMIT
    assert records("003_a8b24aadb98f3dfc.txt").main_meeting.precedes is None


SEVERAL_MEETINGS = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2022–2023
28 676 NAVO
Nr. 420 BRIEF VAN DE MINISTER VAN DEFENSIE
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Den Haag, 20 februari 2023

Hierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers van Defensie van 14 en 15 februari jl. in Brussel, van de bijeenkomst van de Ukraine Defence Contact Group op 14 februari jl. en van de Raad Buitenlandse Zaken op 20 februari.

Op 14 februari kwamen de dertig bondgenoten bijeen in de Noord-Atlantische Raad, met deelname van Finland en Zweden. Daarna vond een werkdiner plaats.

De minister van Defensie,

K.H. Ollongren
"""


def test_several_meetings_in_one_letter(tmp_path):
    result = extract_text(tmp_path, SEVERAL_MEETINGS)[1]
    main = result.main_meeting
    assert (main.ref.kind, main.ref.start, main.end, main.ref.city) == (
        "defence-ministers", date(2023, 2, 14), date(2023, 2, 15), "brussels",
    )
    assert {m.ref for m in by_role(result, "mentioned")} == {
        MeetingRef("external", date(2023, 2, 14), None, "ukraine-defence-contact-group"),
        MeetingRef("external", date(2023, 2, 20), None, "foreign-affairs-council"),
    }
    # "Daarna vond een werkdiner plaats": the date of the session before
    assert {(s.ref.kind, s.ref.start) for s in by_role(result, "session")} == {
        ("council-session", date(2023, 2, 14)), ("social-event", date(2023, 2, 14)),
    }


def test_headquarters_means_brussels_and_informal(tmp_path):
    text = (
        "Den Haag, 17 mei 2010\n\nHierbij informeer ik u over de informele bijeenkomst van de "
        "NAVO-ministers van Defensie die op 10 en 11 juni a.s. plaatsvindt op het NAVO-hoofdkwartier.\n"
    )
    main = extract_text(tmp_path, text)[1].main_meeting
    assert (main.ref.kind, main.ref.start, main.ref.city, main.informal) == (
        "defence-ministers", date(2010, 6, 10), "brussels", True,
    )


def test_no_meeting_is_a_warning_not_an_error(tmp_path):
    records = extract_text(tmp_path, "Den Haag, 17 mei 2010\n\nHierbij zend ik u de jaarcijfers van het ministerie.\n")[1]
    assert records.main_meeting is None
    assert records.warnings == (NO_MAIN_MEETING,)
    assert records.letter.date == date(2010, 5, 17)


def test_european_council_as_body_and_as_meeting(tmp_path):
    text = (
        "Den Haag, 3 juni 2026\n\nOp 21 en 22 mei vond de NATO Foreign Ministers Meeting plaats in "
        "Helsingborg. De president van de Europese Raad was uitgenodigd. De Europese Raad van 25 juni "
        "bespreekt dit ook.\n"
    )
    result = extract_text(tmp_path, text)[1]
    assert [m.ref for m in by_role(result, "mentioned")] == [
        MeetingRef("external", date(2026, 6, 25), None, "european-council")
    ]
    partners = {(p.actor, p.meeting) for p in result.participations if p.capacity == "partner"}
    assert partners == {(ActorRef("organisation", "eu"), result.main_meeting.ref)}


def test_an_undated_council_named_as_a_forum_is_no_session(tmp_path):
    text = (
        "Den Haag, 3 juni 2026\n\nOp 21 en 22 mei vond de NATO Foreign Ministers Meeting plaats in "
        "Helsingborg. Nederland wil de praktische samenwerking in de NAVO-Rusland Raad uitbouwen. "
        "Op 22 mei kwam ook de Euro-Atlantische Partnerschapsraad bijeen.\n"
    )
    sessions = [m.name for m in extract_text(tmp_path, text)[1].meetings if m.role == "session"]
    assert not any("Rusland" in name for name in sessions)
    assert any("Partnerschapsraad" in name for name in sessions)


def test_an_undated_council_named_as_a_forum_in_letters():
    # "De politieke dialoog in de NAVO-Rusland Raad kan ... worden voortgezet": the 2014 FMM report
    assert not any("Rusland" in m.name for m in records("dev_2014_fmm_report_brussel-april.txt").meetings if m.role == "session")
    # a dated council session stays: the 2008 Bucharest report's NATO-Russia Council of 4 April
    assert any("Rusland" in m.name for m in records("dev_2008_summit_report_boekarest.txt").meetings if m.role == "session")


TWO_DAYS = (
    "Den Haag, 20 februari 2023\n\nHierbij bied ik u het verslag aan van de bijeenkomst van de "
    "NAVO-ministers van Defensie op 14 en 15 februari jl. in Brussel.\n\n"
)


def sessions_of(tmp_path, body: str) -> set[tuple[str, date | None]]:
    return {(s.ref.name_key, s.ref.start) for s in by_role(extract_text(tmp_path, TWO_DAYS + body)[1], "session")}


def test_a_sequel_takes_the_day_named_since_the_session_before(tmp_path):
    body = (
        "Op 14 februari vond een werkdiner plaats. Op 15 februari spraken de ministers over Oekraïne. "
        "Aansluitend vergaderde de Nuclear Planning Group.\n"
    )
    assert ("nuclear-planning-group", date(2023, 2, 15)) in sessions_of(tmp_path, body)
    body = "Op 14 februari vond een werkdiner plaats. Aansluitend vergaderde de Nuclear Planning Group.\n"
    assert ("nuclear-planning-group", date(2023, 2, 14)) in sessions_of(tmp_path, body)


def test_a_session_opening_or_closing_the_programme_takes_the_first_or_last_day(tmp_path):
    body = "De bijeenkomst begon met een werkdiner, gevolgd door een vergadering van de Nuclear Planning Group.\n"
    assert ("nuclear-planning-group", date(2023, 2, 14)) in sessions_of(tmp_path, body)
    body = "De bijeenkomst werd afgesloten met een vergadering van de Nuclear Planning Group.\n"
    assert ("nuclear-planning-group", date(2023, 2, 15)) in sessions_of(tmp_path, body)
    # a day the sentence names wins, and a day that begins is no programme's opening
    body = "De bijeenkomst begon op 15 februari met een vergadering van de Nuclear Planning Group.\n"
    assert ("nuclear-planning-group", date(2023, 2, 15)) in sessions_of(tmp_path, body)
    body = "De tweede dag begon met een vergadering van de Nuclear Planning Group.\n"
    assert ("nuclear-planning-group", date(2023, 2, 15)) in sessions_of(tmp_path, body)


def test_sessions_known_by_their_subject_are_one_each(tmp_path):
    body = "Op 14 februari was er een sessie over de uitvoering van de afspraken en een sessie over de defensie-industrie.\n"
    found = sessions_of(tmp_path, body)
    assert {("sessie-over-de-uitvoering-van-de-afspraken", date(2023, 2, 14)),
            ("sessie-over-de-defensie-industrie", date(2023, 2, 14))} <= found
    # the name ends at the next item, where the sentence goes on, and without the particle
    # of "vond ... plaats"
    body = "Op 14 februari vond een sessie plaats met de ministers van Finland en Zweden.\n"
    assert ("sessie-met-de-ministers-van-finland-en-zweden", date(2023, 2, 14)) in sessions_of(tmp_path, body)
    body = "Op 15 februari vond een sessie met de partners plaats en een werkdiner.\n"
    assert {("sessie-met-de-partners", date(2023, 2, 15)), ("working-dinner", date(2023, 2, 15))} <= sessions_of(tmp_path, body)
    # a session of a named council is that council's session
    body = "Op 15 februari volgde een sessie van de NAVO-Oekraïne Commissie.\n"
    assert sessions_of(tmp_path, body) == {("nato-ukraine-commission", date(2023, 2, 15))}
    # a council on the eve of the meeting is its session; a week before it is none of its sessions
    body = "Aan de vooravond van de bijeenkomst, op 13 februari, komt de NAVO-Oekraïne Raad bijeen.\n"
    assert sessions_of(tmp_path, body) == {("nato-ukraine-council", date(2023, 2, 13))}
    assert sessions_of(tmp_path, "Op 7 februari komt de NAVO-Oekraïne Raad bijeen.\n") == set()
    # a day of the meeting itself wins over one on its eve
    body = "Nadat Oekraïne op 13 februari zijn verzoek had ingediend, vergaderde op 15 februari de NAVO-Oekraïne Raad.\n"
    assert sessions_of(tmp_path, body) == {("nato-ukraine-council", date(2023, 2, 15))}
    # what the meeting consisted of was held
    body = "De bijeenkomst bestond uit een werkdiner en een vergadering van de Nuclear Planning Group.\n"
    assert ("nuclear-planning-group", None) in sessions_of(tmp_path, body)


def test_letter_session_of_a_named_council():
    # "... een sessie van de NAVO-Oekraine Commissie ..." (a 2018 report written for the tests)
    result = fixture_records("2018_summit_report.txt")
    keys = {m.ref.name_key for m in result.meetings if m.role == "session"}
    assert "nato-ukraine-commission" in keys and not any(k.startswith("sessie-van") for k in keys)


def test_letter_council_on_the_eve_of_the_meeting():
    # "Aan de vooravond van de bijeenkomst, op woensdag 12 juni a.s., komt in Brussel tevens
    # de NAVO-Oekraine Raad [...] bijeen." (a 2024 agenda written for the tests)
    result = fixture_records("2024_defence_ministers_agenda_two_meetings.txt")
    sessions = {(m.ref.name_key, m.ref.start) for m in result.meetings if m.role == "session"}
    assert ("nato-ukraine-council", date(2024, 6, 12)) in sessions


def test_sessions_dated_by_the_next_day_or_a_weekday(tmp_path):
    body = ("Op 14 februari was er een informeel diner. De volgende dag vergaderde de Noord-Atlantische Raad, "
            "gevolgd door de NAVO-Rusland Raad.\n")
    assert {("north-atlantic-council", date(2023, 2, 15)), ("nato-russia-council", date(2023, 2, 15))} <= sessions_of(tmp_path, body)
    # 14 February 2023 was a Tuesday, the 15th a Wednesday
    body = "Op woensdag vergadert de Nuclear Planning Group.\n"
    assert sessions_of(tmp_path, body) == {("nuclear-planning-group", date(2023, 2, 15))}
    # a council on another day of the month is not one of the meeting's sessions
    body = "Op 2 februari jl. kwam de NAVO-Rusland Raad op het niveau van ambassadeurs bijeen.\n"
    assert sessions_of(tmp_path, body) == set()


def test_letter_sessions_dated_by_the_next_day_or_a_weekday():
    # "[...] een informeel diner [...] De volgende dag vergaderde de Noord-Atlantische Raad"
    # (a 2005 report) and "Op woensdag vergadert de NAR over [...]" (a 2019 agenda), letters
    # written for the tests
    def sessions(name):
        return {(m.ref.name_key, m.ref.start) for m in fixture_records(name).meetings if m.role == "session"}

    assert ("north-atlantic-council", date(2005, 4, 21)) in sessions("2005_foreign_ministers_report_informal.txt")
    assert ("north-atlantic-council", date(2019, 2, 13)) in sessions("2019_defence_ministers_agenda_weekdays.txt")
    # "waarover de Noord-Atlantische Raad op 2 mei jl. een verklaring uitbracht" (2024 Prague report)
    prague = {(m.ref.name_key, m.ref.start) for m in records("dev_2024_fmm_report_praag-informeel.txt").meetings if m.role == "session"}
    assert ("north-atlantic-council", date(2024, 5, 31)) not in prague


def test_letter_council_turned_into_another():
    # "De NAVO-Oekraïne Commissie wordt omgevormd tot de NAVO-Oekraïne Raad, waarin ..." (a
    # 2023 summit agenda with its memo, written for the tests)
    result = fixture_records("2023_summit_agenda_with_memo.txt")
    assert "nato-ukraine-commission" not in {m.ref.name_key for m in result.meetings if m.role == "session"}


def test_a_compounded_meeting_noun_names_the_meeting(tmp_path):
    body = ("Den Haag, 1 juni 2011\n\nOp 8 en 9 juni a.s. vindt in Brussel de reguliere voorjaarsbijeenkomst "
            "van de NAVO-ministers van Defensie plaats.\n")
    main = next(m for m in extract_text(tmp_path, body)[1].meetings if m.role == "main")
    assert main.ref == MeetingRef("defence-ministers", date(2011, 6, 8), "brussels")


def test_letter_compounded_meeting_noun():
    # "Op 8 en 9 juni a.s. vindt in Brussel de reguliere voorjaarsbijeenkomst van de
    # NAVO-ministers van Defensie plaats." (a 2011 agenda written for the tests)
    result = fixture_records("2011_defence_ministers_agenda_compound.txt")
    assert result.main_meeting is not None and not result.warnings
    assert result.main_meeting.ref == MeetingRef("defence-ministers", date(2011, 6, 8), "brussels")


@pytest.mark.parametrize("sentence, expected", [
    # a summit named with its year alone: the one reference summit of that year (and host)
    ("De volgende top vindt in 2026 plaats in Turkije.", ("summit", date(2026, 7, 7), "ankara")),
    ("De eerstvolgende reguliere top staat gepland voor 2021 in Brussel.", ("summit", date(2021, 6, 14), "brussels")),
    ("De volgende top, naar verwachting in 2014 in het Verenigd Koninkrijk, staat in het teken van Afghanistan.",
     ("summit", date(2014, 9, 4), "newport")),
    # ministers gathering on a day marked "a.s.": its dots end no clause
    ("De ministers van Defensie komen op 5 en 6 februari a.s. opnieuw in Brussel bijeen.",
     ("defence-ministers", date(2026, 2, 5), "brussels")),
])
def test_other_meetings_by_year_and_by_a_gathering(tmp_path, sentence, expected):
    body = defence_report(sentence, "20 oktober 2025", "15 oktober")
    others = {(m.ref.kind, m.ref.start, m.ref.city) for m in extract_text(tmp_path, body)[1].meetings if m.role == "mentioned"}
    assert expected in others


@pytest.mark.parametrize("sentence", [
    "De top van het Oostelijk Partnerschap in 2009 was belangrijk.",
    # a year in the clause the summit's "dat" opens is not the summit's
    "Dit is de afspraak van de NAVO-top dat bondgenoten in 2024 2% aan defensie besteden.",
])
def test_another_organisations_top_or_another_clauses_year_is_no_summit(tmp_path, sentence):
    body = defence_report(sentence, "20 oktober 2025", "15 oktober")
    assert not any(m.ref.kind == "summit" for m in extract_text(tmp_path, body)[1].meetings)


@pytest.mark.parametrize("opening, expected", [
    # the letter opens with its ministers gathering, the title names no kind
    ("Onderwerp Geannoteerde agenda NAVO-ministeriële bijeenkomst 8 en 9 december 2004\n\nOp woensdag 8 en "
     "donderdag 9 december a.s. komen de ministers van Buitenlandse Zaken in Brussel bijeen. De volgende NAVO-top "
     "vindt op 22 februari 2005 in Brussel plaats.", ("foreign-ministers", date(2004, 12, 8), "brussels")),
    # "plaats" between the meeting noun and its "van"
    ("Onderwerp Verslag\n\nOp 8 en 9 februari jl. vond in Sevilla een informele bijeenkomst plaats van de "
     "ministers van Defensie van de NAVO-lidstaten.", ("defence-ministers", date(2007, 2, 8), "seville")),
])
def test_a_main_meeting_told_by_its_gathering(tmp_path, opening, expected):
    body = "Den Haag, 19 februari 2007\n\n" + opening + "\n" if "Sevilla" in opening else "Den Haag, 29 november 2004\n\n" + opening + "\n"
    main = next(m for m in extract_text(tmp_path, body)[1].meetings if m.role == "main")
    assert (main.ref.kind, main.ref.start, main.ref.city) == expected


def test_letter_main_meetings_told_by_their_gathering():
    # written for the tests: a 2004 agenda opening "Op woensdag 8 en donderdag 9 december a.s.
    # komen de ministers van Buitenlandse Zaken ... in Brussel bijeen", and a 2007 report in
    # PDF text: "vond in Sevilla een informele bijeen-\nkomst plaats van de ministers van Defensie"
    agenda = fixture_records("2004_foreign_ministers_agenda_gathering.txt").main_meeting.ref
    assert (agenda.kind, agenda.start, agenda.city) == ("foreign-ministers", date(2004, 12, 8), "brussels")
    report = fixture_records("2007_defence_ministers_report_sevilla.txt").main_meeting.ref
    assert (report.kind, report.start, report.city) == ("defence-ministers", date(2007, 2, 8), "seville")


def test_another_head_noun_names_the_meeting(tmp_path):
    body = ("Den Haag, 9 november 2020\n\nHierbij bied ik u het verslag aan van de videoconferentie van de "
            "NAVO-ministers van Defensie op 22 en 23 oktober jl. De volgende bijeenkomst van de ministers van "
            "Defensie is voorzien voor 17 en 18 februari a.s.\n")
    main = next(m for m in extract_text(tmp_path, body)[1].meetings if m.role == "main")
    assert (main.ref.kind, main.ref.start) == ("defence-ministers", date(2020, 10, 22))


def test_letter_videoconference_of_the_defence_ministers():
    # "het verslag aan van de videoconferentie van de NAVO-ministers van Defensie op donderdag
    # 22 en vrijdag 23 oktober jl." (a 2020 report written for the tests)
    result = fixture_records("2020_defence_ministers_report_videoconference.txt")
    assert (result.main_meeting.ref.kind, result.main_meeting.ref.start) == ("defence-ministers", date(2020, 10, 22))


def test_letter_subject_sessions_of_a_programme():
    # "De bijeenkomst opende met een sessie over de Resolute Support missie in Afghanistan,
    # gevolgd door ..." (2015 Antalya report)
    report = {m.ref.name_key for m in records("dev_2015_fmm_report_antalya.txt").meetings if m.role == "session"}
    assert "sessie-over-de-resolute-support-missie-in-afghanistan" in report


def test_a_meeting_of_a_partner_group_named_by_its_members(tmp_path):
    body = "Op 15 februari vond een vergadering plaats met de landen die troepen leveren aan ISAF.\n"
    assert ("isaf-meeting", date(2023, 2, 15)) in sessions_of(tmp_path, body)
    body = "Op 15 februari vond een bijeenkomst van de ISAF-partners plaats.\n"
    assert ("isaf-meeting", date(2023, 2, 15)) in sessions_of(tmp_path, body)
    body = "Op 15 februari vond een bijeenkomst plaats van de ISAF-partners.\n"
    assert ("isaf-meeting", date(2023, 2, 15)) in sessions_of(tmp_path, body)
    # a meeting of others that names the group later, or the group's next meeting, is not it
    body = "Tijdens de bijeenkomst van de NAVO-ministers werd gesproken over de rol van de ICI-partners.\n"
    assert not any(key == "ici-meeting" for key, _ in sessions_of(tmp_path, body))
    body = "De volgende bijeenkomst van de ISAF-partners vindt in juni plaats.\n"
    assert not any(key == "isaf-meeting" for key, _ in sessions_of(tmp_path, body))


def test_letter_meeting_of_the_countries_contributing_to_isaf():
    # "Aansluitend vindt een vergadering plaats met de landen die troepen leveren aan ISAF."
    # (a 2009 agenda written for the tests)
    result = fixture_records("2009_foreign_ministers_agenda_headed_letter.txt")
    assert "isaf-meeting" in {m.ref.name_key for m in result.meetings if m.role == "session"}


def test_letter_sessions_in_the_order_of_the_programme():
    # "Op woensdag 13 en donderdag 14 mei jl. kwamen de ministers ... bijeen [...]. De bijeenkomst
    # opende met een sessie over de Resolute Support missie in Afghanistan, gevolgd door een
    # bijeenkomst van de Navo-Oekraïne Commissie." (2015 Antalya report)
    report = {(m.ref.name_key, m.ref.start) for m in records("dev_2015_fmm_report_antalya.txt").meetings if m.role == "session"}
    assert ("nato-ukraine-commission", date(2015, 5, 13)) in report


def test_a_gathering_with_a_partner_group_is_its_session(tmp_path):
    body = "Op 15 februari kwamen de ministers bijeen met de ISAF-partners.\n"
    assert ("isaf-meeting", date(2023, 2, 15)) in sessions_of(tmp_path, body)
    body = "Op 15 februari vergaderden de ministers met de landen die aan ISAF bijdragen.\n"
    assert ("isaf-meeting", date(2023, 2, 15)) in sessions_of(tmp_path, body)
    # a gathering about something else, and talks with the group in another clause
    body = "Op 15 februari vergaderden de ministers over Afghanistan en spraken zij met de ISAF-partners.\n"
    assert not any(key == "isaf-meeting" for key, _ in sessions_of(tmp_path, body))


def test_plural_dinners_of_one_evening_are_one_social_event(tmp_path):
    body = "Op 14 februari volgen afzonderlijke werkdiners voor de ministers van Defensie en hun gasten.\n"
    assert ("working-dinner", date(2023, 2, 14)) in sessions_of(tmp_path, body)


def test_an_undated_council_not_said_to_meet_is_no_session(tmp_path):
    body = "De ministers besloten de bijeenkomsten van de NAVO-Rusland Raad op ambassadeursniveau te hervatten.\n"
    assert not any(key == "nato-russia-council" for key, _ in sessions_of(tmp_path, body))
    body = "Er was een sessie over Oekraïne, gevolgd door een bijeenkomst van de NAVO-Rusland Raad.\n"
    assert ("nato-russia-council", None) in sessions_of(tmp_path, body)
    body = "Later kwam de NAVO-Rusland Raad bijeen.\n"
    assert ("nato-russia-council", None) in sessions_of(tmp_path, body)
    # a meeting named as such is no standing body: it was held wherever it is named
    body = "De ISAF-bijeenkomst resulteerde in een gezamenlijke strategische visie.\n"
    assert ("isaf-meeting", None) in sessions_of(tmp_path, body)
    # a council named first as the body and then said to meet is a session with every mention
    body = "Rusland wil de NAVO-Rusland Raad versterken. Later kwam de NAVO-Rusland Raad bijeen.\n"
    (council,) = [m for m in extract_text(tmp_path, TWO_DAYS + body)[1].meetings if m.ref.name_key == "nato-russia-council"]
    assert len(council.evidence) == 2


def test_a_council_that_did_not_meet_is_no_session(tmp_path):
    assert not sessions_of(tmp_path, "Op 15 februari kwam de NAVO-Rusland Raad niet bijeen.\n")
    # a council turned into another is not held
    body = "Op 15 februari wordt de NAVO-Oekraïne Commissie omgevormd tot de NAVO-Oekraïne Raad.\n"
    assert ("nato-ukraine-commission", date(2023, 2, 15)) not in sessions_of(tmp_path, body)
    assert not sessions_of(tmp_path, "Een bijeenkomst van de NAVO-Oekraïne Commissie kwam op 15 februari niet tot stand.\n")


def test_letter_undated_councils_not_said_to_meet_and_plural_dinners():
    # "De bondgenoten besloten de formele bijeenkomsten van de NAVO-Rusland Raad [...] te hervatten."
    strasbourg = records("dev_2009_summit_report_straatsburg-kehl.txt").meetings
    assert not any(m.ref.name_key == "nato-russia-council" for m in strasbourg if m.role == "session")
    # "De bijeenkomst opende met een sessie over [...], gevolgd door een bijeenkomst van de Navo-Oekraïne Commissie."
    antalya = records("dev_2015_fmm_report_antalya.txt").meetings
    assert any(m.ref.name_key == "nato-ukraine-commission" for m in antalya if m.role == "session")
    # "’s Avonds volgen afzonderlijke werkdiners voor de regeringsleiders, de ministers van [...]"
    lisbon = {(m.ref.name_key, m.ref.start) for m in records("dev_2010_summit_agenda_lissabon.txt").meetings if m.role == "session"}
    assert ("working-dinner", date(2010, 11, 19)) in lisbon


def mentioned(tmp_path, body: str) -> set[MeetingRef]:
    return {m.ref for m in by_role(extract_text(tmp_path, TWO_DAYS + body)[1], "mentioned")}


def test_the_next_meeting_of_the_main_kind_is_another_meeting(tmp_path):
    body = "De volgende bijeenkomst van ministers van Defensie vindt plaats op 13 juni 2023 in Brussel.\n"
    assert mentioned(tmp_path, body) == {MeetingRef("defence-ministers", date(2023, 6, 13), "brussels")}
    # without such a word a day that is not the main meeting's is not its meeting's
    body = "De bijeenkomst van ministers van Defensie op 14 februari ging aan de top van 13 juni vooraf.\n"
    assert MeetingRef("defence-ministers", date(2023, 6, 13), None) not in mentioned(tmp_path, body)


def test_ministers_gathering_with_a_verb_their_month_and_city(tmp_path):
    # the present tense tells the coming December, the past tense the last one
    body = "De ministers van Buitenlandse Zaken komen in december bijeen in Riga.\n"
    assert mentioned(tmp_path, body) == {MeetingRef("foreign-ministers", None, "riga", month="2023-12")}
    body = "De ministers van Buitenlandse Zaken kwamen in december bijeen in Riga.\n"
    assert mentioned(tmp_path, body) == {MeetingRef("foreign-ministers", None, "riga", month="2022-12")}
    body = "De ministers van Buitenlandse Zaken kwamen op 2 maart bijeen in Oslo, waarna de top in Vilnius volgt.\n"
    found = mentioned(tmp_path, body)
    assert MeetingRef("foreign-ministers", date(2023, 3, 2), "oslo") in found
    # the day is not the Vilnius summit's, which keeps its own days
    assert all(m.start != date(2023, 3, 2) for m in found if m.kind == "summit")
    # a verb without the words that say they gather is no meeting
    assert mentioned(tmp_path, "De ministers van Defensie komen in juni met een voorstel.\n") == set()
    assert mentioned(tmp_path, "De ministers van Buitenlandse Zaken treffen op 3 april maatregelen.\n") == set()
    # ministers meeting in the margins of the main meeting: no other meeting
    assert mentioned(tmp_path, "De ministers van Buitenlandse Zaken komen op 15 februari samen met de partners.\n") == set()


def test_a_summit_named_with_its_month_is_that_months_summit(tmp_path):
    # years before the letter: the month, not the nearest summit of the city, tells which
    body = "De NAVO-top in Brussel in juli 2018 stond in het teken van de lastenverdeling.\n"
    assert MeetingRef("summit", date(2018, 7, 11), "brussels") in mentioned(tmp_path, body)


def test_letter_summit_named_with_its_month():
    # "de voorbereiding van de NAVO-top die in juli 2018 in Brussel zal plaatsvinden" (an EU
    # Council report written for the tests; Brussels held summits in 2017, 2018, 2021 and
    # 2022); "de top van het Oostelijk Partnerschap op 24 november" is no NATO summit
    result = fixture_records("2017_eu_council_report.txt")
    summits = {m.ref for m in result.meetings if m.ref.kind == "summit"}
    assert MeetingRef("summit", date(2018, 7, 11), "brussels") in summits
    assert not any(m.start == date(2017, 11, 24) for m in summits)


def test_letter_next_meetings_of_a_summit_report():
    # "De volgende top vindt in 2022 plaats in Madrid. De ministers van Buitenlandse Zaken
    # komen in december bijeen in Riga." (a 2021 summit report written for the tests)
    result = fixture_records("2021_summit_report.txt")
    assert MeetingRef("foreign-ministers", None, "riga", month="2021-12") in {m.ref for m in result.meetings}


def test_a_meeting_named_by_its_month_is_known_by_its_month(tmp_path):
    body = (
        "De bijeenkomst in Brussel bereidde de bijeenkomst van ministers van Defensie in Vilnius in juni a.s. voor. "
        "Ook de Europese Raad van december a.s. bespreekt dit.\n"
    )
    assert mentioned(tmp_path, body) == {
        MeetingRef("defence-ministers", None, "vilnius", month="2023-06"),
        MeetingRef("external", None, None, "european-council", month="2023-12"),
    }
    # the main meeting's own month is the main meeting; a later day of that month joins the mention
    body = "De bijeenkomst van ministers van Defensie in februari was de eerste van dit jaar.\n"
    assert mentioned(tmp_path, body) == set()
    body = "De Europese Raad van maart a.s. volgt. De Europese Raad van 23 maart bespreekt ook Oekraïne.\n"
    assert mentioned(tmp_path, body) == {MeetingRef("external", date(2023, 3, 23), None, "european-council")}


def test_ministers_gathering_in_a_month_are_their_meeting(tmp_path):
    body = "Afgesproken is dat de ministers van Buitenlandse Zaken in december a.s. de voortgang beoordelen.\n"
    assert mentioned(tmp_path, body) == {MeetingRef("foreign-ministers", None, None, month="2023-12")}
    # the main meeting's ministers in its own month are the main meeting
    assert mentioned(tmp_path, "Zo besloten de ministers van Defensie in februari.\n") == set()


def test_an_informal_meeting_of_another_month_leaves_the_main_meeting_formal(tmp_path):
    body = "De uitwerking is doorgeschoven naar de informele bijeenkomst van ministers van Defensie in mei.\n"
    result = extract_text(tmp_path, TWO_DAYS + body)[1]
    assert not result.main_meeting.informal
    assert {m.ref for m in by_role(result, "mentioned")} == {MeetingRef("defence-ministers", None, None, month="2023-05")}
    # "dev_2013_dmm_report_brussel-juni.txt": the June meeting, the informal one in October
    assert not records("dev_2013_dmm_report_brussel-juni.txt").main_meeting.informal


def test_a_meeting_on_the_same_day_takes_the_day_named_before(tmp_path):
    body = "Op 15 februari spreken de ministers over Oekraïne. Dezelfde dag houden de EU en de VS in Washington een EU-VS-top.\n"
    assert MeetingRef("external", date(2023, 2, 15), "washington") in mentioned(tmp_path, body)


def test_letter_meetings_named_by_their_month():
    # "de informele bijeenkomst van ministers van Defensie in Vilnius in februari 2008"
    noordwijk = {m.ref for m in records("dev_2007_dmm_report_noordwijk.txt").meetings if m.role == "mentioned"}
    assert MeetingRef("defence-ministers", None, "vilnius", month="2008-02") in noordwijk
    # "informele bijeenkomst van ministers van Defensie in oktober", "de Europese Raad van december a.s."
    june = {m.ref for m in records("dev_2013_dmm_report_brussel-juni.txt").meetings if m.role == "mentioned"}
    assert {MeetingRef("defence-ministers", None, None, month="2013-10"),
            MeetingRef("external", None, None, "european-council", month="2013-12")} <= june
    # "de ministers van Buitenlandse Zaken in december a.s. de voortgang beoordelen" (2008),
    # "de jaarlijkse nationale programma's waartoe de ministers van Buitenlandse Zaken in december 2008 besloten"
    december = MeetingRef("foreign-ministers", None, None, month="2008-12")
    for name in ("dev_2008_summit_report_boekarest.txt", "dev_2009_summit_report_straatsburg-kehl.txt"):
        assert december in {m.ref for m in records(name).meetings if m.role == "mentioned"}
    # "Dezelfde dag houden de Europese Unie en de Verenigde Staten in Lissabon een EU-VS-top."
    lisbon = {m.ref for m in records("dev_2010_summit_agenda_lissabon.txt").meetings if m.role == "mentioned"}
    assert MeetingRef("external", date(2010, 11, 20), "lisbon") in lisbon


def test_letter_sessions_of_the_isaf_partners_and_a_sequel():
    # "Op woensdag 5 juni kwamen de ministers bijeen met de partnerlanden die aan ISAF bijdragen
    # [...]. Aansluitend vergaderde de Nuclear Planning Group."
    report = {(m.ref.name_key, m.ref.start) for m in records("dev_2013_dmm_report_brussel-juni.txt").meetings if m.role == "session"}
    assert {("isaf-meeting", date(2013, 6, 5)), ("nuclear-planning-group", date(2013, 6, 5))} <= report


# ---------------------------------------------------------------- regressions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "letters"


def test_regression_main_meeting_is_the_titled_meeting_not_the_summit_it_prepares():
    """2023_defence_ministers.txt: title "Verslag bijeenkomst NAVO-ministers van Defensie
    van 14 en 15 februari", no year anywhere; "de voorbereiding van de NAVO-top in Vilnius
    op 11 en 12 juli" is what the meeting prepares for (the 2023 summit, by its days)."""
    result = fixture_records("2023_defence_ministers.txt")
    main = result.main_meeting
    assert (main.ref.kind, main.ref.start, main.end, main.ref.city) == (
        "defence-ministers", date(2023, 2, 14), date(2023, 2, 15), "brussels",
    )
    assert {m.ref for m in by_role(result, "mentioned")} == {
        MeetingRef("summit", date(2023, 7, 11), "vilnius"),
        MeetingRef("external", date(2023, 2, 14), None, "ukraine-defence-contact-group"),
        # "Op 15 februari sprak ik daarnaast tijdens een informeel overleg van EU-ministers van Defensie"
        MeetingRef("external", date(2023, 2, 15), None, "eu-defence-ministers"),
    }
    assert {s.ref.parent for s in by_role(result, "session")} == {main.ref}


def test_regression_headline_title_without_van_de_names_the_meeting(tmp_path):
    """A title in headline style drops "van de": "Verslag bijeenkomst NAVO-ministers van
    Buitenlandse Zaken" is a foreign ministers meeting."""
    text = (
        "Verslag bijeenkomst NAVO-ministers van Buitenlandse Zaken van 4 en 5 april 2023\n\n"
        "De bondgenoten spraken over de voorbereiding van de NAVO-top in Vilnius.\n"
    )
    main = extract_text(tmp_path, text)[1].main_meeting
    assert (main.ref.kind, main.ref.start, main.end) == ("foreign-ministers", date(2023, 4, 4), date(2023, 4, 5))


MINISTRY_PAGE = """Ministerie van Defensie

[nieuws.brieven_aan_de_kamer.2031-03-10_verslag_eu_defensieministers_sintra]

---
Brieven aan de Kamer
---
Verslag van de informele bijeenkomst van EU-ministers van Defensie in Sintra op 3 en 4 maart jl.

10-3-2031 11:02:00

Op maandag 3 en dinsdag 4 maart jl. kwamen de ministers van Defensie van de Europese Unie
informeel bijeen in Sintra. Op 4 maart spraken de ministers over de EU-battlegroups. Tijdens
de werklunch werd gesproken over terrorismebestrijding. De informele bijeenkomst van
NAVO-ministers van Defensie in Oslo op 20 en 21 maart a.s. bespreekt de NRF.
"""


def test_a_ministry_page_names_its_document_under_the_section_label(tmp_path):
    """The title under "Brieven aan de Kamer" says the page is about an EU meeting: a look-
    alike, whose NATO meeting named later is a meeting mentioned, not the main one."""
    records = extract_text(tmp_path, MINISTRY_PAGE)[1]
    assert records.letter.kind == "other"
    assert records.letter.title.startswith("Verslag van de informele bijeenkomst van EU-ministers")
    main = records.main_meeting
    assert (main.ref.kind, main.ref.start, main.end, main.ref.city) == ("external", date(2031, 3, 3), date(2031, 3, 4), "sintra")
    assert ("defence-ministers", date(2031, 3, 20)) in {(m.ref.kind, m.ref.start) for m in by_role(records, "mentioned")}
    # "Op 4 maart spraken de ministers ... Tijdens de werklunch": the day its paragraph names
    assert {(s.ref.kind, s.ref.start) for s in by_role(records, "session")} == {("social-event", date(2031, 3, 4))}


def test_regression_eu_defence_ministers_page_took_the_nato_meeting_it_mentions_as_main():
    """The 2004 report on the EU defence ministers in Noordwijk: the page's letterhead was
    taken for its title, and the NATO meeting in Poiana Brasov it mentions for its main one."""
    records_ = records("dev_2004_other_report_noordwijk-eu.txt")
    main = records_.main_meeting
    assert (records_.letter.kind, main.ref.kind, main.ref.start, main.ref.city) == (
        "other", "external", date(2004, 9, 16), "noordwijk",
    )


def test_a_month_belongs_to_a_meeting_only_in_its_own_phrase(tmp_path):
    body = "Tijdens de bijeenkomst van de NAVO-ministers van Defensie werd afgesproken dat de NAVO in juni een plan presenteert.\n"
    assert mentioned(tmp_path, body) == set()
    assert mentioned(tmp_path, "De Europese Raad besloot dat de missie in juni zal eindigen.\n") == set()


def test_held_and_not_held_are_read_in_the_councils_clause(tmp_path):
    assert ("nato-russia-council", None) in sessions_of(tmp_path, "Ook vond een bijeenkomst van de NAVO-Rusland Raad plaats.\n")
    body = "De ministers kwamen bijeen en besloten de bijeenkomsten van de NAVO-Rusland Raad te hervatten.\n"
    assert not any(key == "nato-russia-council" for key, _ in sessions_of(tmp_path, body))
    body = "Op 15 februari kwam de NAVO-Oekraïne Commissie bijeen, hoewel een akkoord niet tot stand kwam.\n"
    assert ("nato-ukraine-commission", date(2023, 2, 15)) in sessions_of(tmp_path, body)


def test_what_is_told_of_a_council_past_an_aside_and_up_to_the_next_meeting(tmp_path):
    body = "Daarna kwam de NAVO-Rusland Raad, voor het eerst sinds 2019, bijeen.\n"
    assert ("nato-russia-council", None) in sessions_of(tmp_path, body)
    body = "Op 15 februari kwam de NAVO-Oekraïne Commissie bijeen; de NAVO-Georgië Commissie kwam niet bijeen.\n"
    found = {key for key, _ in sessions_of(tmp_path, body)}
    assert "nato-ukraine-commission" in found and "nato-georgia-commission" not in found
    body = "De NAVO-Rusland Raad, die sinds augustus niet bijeen was gekomen, vergaderde op 15 februari.\n"
    assert ("nato-russia-council", date(2023, 2, 15)) in sessions_of(tmp_path, body)


def test_sessions_named_by_headings_take_the_day_given_to_the_sessions(tmp_path):
    text = ("Den Haag, 12 mei 2026\n\nHierbij zend ik u de geannoteerde agenda van de informele bijeenkomst van de "
            "NAVO-ministers van Buitenlandse Zaken op 21 en 22 mei a.s. in Helsingborg. Het programma bestaat uit een "
            "informeel diner op 21 mei en twee informele sessies van de Noord-Atlantische Raad op 22 mei.\n\n"
            "Sessie I: Oekraïne\nIn de eerste sessie spreken de ministers over de steun aan Oekraïne.\n\n"
            "Sessie II: de noordflank\nDe tweede sessie is gewijd aan de veiligheid in het Hoge Noorden.\n")
    sessions = [m for m in extract_text(tmp_path, text)[1].meetings if m.ref.kind == "working-session"]
    assert len(sessions) == 2 and {m.ref.start for m in sessions} == {date(2026, 5, 22)}


def test_letter_sessions_named_by_headings_take_the_day_given_to_the_sessions():
    # the heading sessions of an informal meeting whose programme gives the sessions one day
    sessions = [m for m in records("dev_2024_fmm_report_praag-informeel.txt").meetings if m.ref.kind == "working-session"]
    assert sessions and all(m.ref.start == date(2024, 5, 31) for m in sessions)


def test_regression_a_main_meeting_found_in_the_body_has_evidence():
    # a letter whose title names no NATO meeting: the main meeting comes from a body
    # sentence's meeting word, which is its evidence (it had none)
    from support.letter_records import fixture_records

    main = fixture_records("2022_ukraine_contact_group_ramstein.txt").main_meeting
    assert main is not None and main.evidence and main.evidence[0].quote == "NAVO-top"


def test_a_session_named_by_its_subject_is_named_by_a_prepositional_phrase(tmp_path):
    body = "Op 14 februari was er een sessie over de luchtverdediging. Tijdens die sessie ondertekenden tien landen een verklaring.\n"
    keys = {key for key, _ in sessions_of(tmp_path, body)}
    assert "sessie-over-de-luchtverdediging" in keys
    assert not any("ondertekenden" in key for key in keys)


def test_an_adjective_between_article_and_session_refers_back(tmp_path):
    body = ("Op 15 februari vond een werkdiner plaats. Nederland zal in de plenaire sessie Rusland "
            "aanspreken op de aanvallen.\n")
    assert not any(key.startswith("sessie") for key, _ in sessions_of(tmp_path, body))


def test_letter_osce_plenary_session_is_no_session_of_the_nato_meeting():
    # "Nederland zal, samen met gelijkgezinde landen, Rusland in de plenaire sessie rechtstreeks aanspreken"
    result = fixture_records("2023_foreign_ministers_agenda_and_osce_council.txt")
    assert not any(s.ref.name_key.startswith("sessie") for s in by_role(result, "session"))


def test_osce_ministerial_council_named_in_full_or_with_ministerraad(tmp_path):
    text = (
        "Den Haag, 20 november 2031\n\nHierbij bied ik u de geannoteerde agenda aan van de bijeenkomst "
        "van de NAVO-ministers van Buitenlandse Zaken op 27 november a.s. in Brussel. Aansluitend vindt "
        "op 4 december a.s. de Ministerraad van de OVSE in Wenen plaats.\n"
    )
    mentioned = {m.ref for m in by_role(extract_text(tmp_path, text)[1], "mentioned")}
    assert MeetingRef("external", date(2031, 12, 4), "vienna") in mentioned
    # "de Ministerraad van de Organisatie voor Veiligheid en Samenwerking in Europa (OVSE) op
    # donderdag 30 november en vrijdag 1 december a.s. in Skopje"
    result = fixture_records("2023_foreign_ministers_agenda_and_osce_council.txt")
    assert MeetingRef("external", date(2023, 11, 30), "skopje") in {m.ref for m in by_role(result, "mentioned")}


def test_main_meeting_city_from_the_title_when_no_body_sentence_gives_one(tmp_path):
    text = (
        "Datum 21 april 2031\nBetreft Informele bijeenkomst NAVO-ministers van Buitenlandse Zaken te Tallinn\n\n"
        "Graag bied ik u de geannoteerde agenda aan van de informele bijeenkomst van de ministers van "
        "Buitenlandse Zaken van de NAVO op 27 april a.s. in de Estse hoofdstad.\n"
    )
    main = extract_text(tmp_path, text)[1].main_meeting
    assert (main.ref.kind, main.ref.start, main.ref.city) == ("foreign-ministers", date(2031, 4, 27), "tallinn")


def test_letter_main_meeting_city_from_the_title():
    # "Betreft Informele bijeenkomst NAVO-ministers van Buitenlandse Zaken te Sofia"; the body
    # says "in de Bulgaarse hoofdstad"
    main = fixture_records("2006_foreign_ministers_agenda_sofia_informal.txt").main_meeting
    assert (main.ref.kind, main.ref.start, main.ref.city, main.informal) == (
        "foreign-ministers", date(2006, 4, 27), "sofia", True,
    )


def test_main_meeting_from_a_portal_title(tmp_path):
    text = (
        "Tweede Kamer der Staten-Generaal\nHome | Kamerstukken\n\n"
        "Brief regering : Verslag NAVO-bijeenkomst van staatshoofden en regeringsleiders te Rome, 5 en 6 mei 2031\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 12 mei 2031\n\n"
        "Hierbij bied ik u het verslag aan. Anders dan een reguliere top had de bijeenkomst een sober programma.\n"
    )
    main = extract_text(tmp_path, text)[1].main_meeting
    assert (main.ref.kind, main.ref.start, main.ref.city) == ("summit", date(2031, 5, 5), "rome")


def test_external_main_meeting_placed_by_a_city_listed_in_the_title(tmp_path):
    text = (
        "Datum 20 januari 2031\nOnderwerp Verslag bijeenkomst Ukraine Defense Contact Group, Ramstein, 9 januari 2031\n\n"
        "Geachte voorzitter,\n\nOp 9 januari jl. heb ik deelgenomen aan de bijeenkomst van de Ukraine Defense "
        "Contact Group. Het is uitdrukkelijk geen NAVO-gremium.\n"
    )
    found = extract_text(tmp_path, text)[1]
    main = found.main_meeting
    assert (main.ref.kind, main.ref.start, main.ref.city) == ("external", date(2031, 1, 9), "ramstein")


def test_regression_the_main_meetings_title_city_is_not_a_visits(tmp_path):
    for title, city in (("Geannoteerde agenda bijeenkomst NAVO-ministers van Defensie en werkbezoek aan Vilnius", None),
                        ("Geannoteerde agenda NAVO-top; bezoek aan Kyiv", None),
                        ("Geannoteerde agenda bijeenkomst NAVO-ministers van Buitenlandse Zaken, Tallinn, 27-28 april 2031",
                         "tallinn")):
        text = f"Datum 21 april 2031\nBetreft {title}\n\nGraag bied ik u de agenda aan van de bijeenkomst op 27 april a.s.\n"
        assert extract_text(tmp_path, text)[1].main_meeting.ref.city == city


def test_regression_another_session_after_an_adjective_is_its_own(tmp_path):
    body = "Op 14 februari vond een werkdiner plaats. Op 15 februari vond de volgende sessie plaats over cyberverdediging.\n"
    assert any(day == date(2023, 2, 15) for key, day in sessions_of(tmp_path, body) if key.startswith("sessie"))
    body = ("Op 15 februari vond eerst een sessie gewijd aan Oekraïne plaats. Later die dag volgde een sessie gewijd aan "
            "de luchtverdediging.\n")
    keys = {key for key, _ in sessions_of(tmp_path, body)}
    assert {"sessie-gewijd-aan-oekraine", "sessie-gewijd-aan-de-luchtverdediging"} <= keys
