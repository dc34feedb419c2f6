"""Another meeting of the main meeting's kind: the next summit of a year the sentence names,
a bare meeting noun with a day of its own ("de vorige bijeenkomst, van 8 en 9 november
jl."), and a place a named meeting gets from a later mention (natokg.extract.meetings)."""

from __future__ import annotations

from datetime import date

import pytest

from support.letter_records import defence_report, extract_text, records


def mentioned(found) -> set[tuple]:
    return {(m.ref.kind, m.ref.start, m.ref.city) for m in found.meetings if m.role == "mentioned"}


def summit_report(body: str) -> str:
    return ("Den Haag, 2 juni 2017\n\nHierbij bied ik u het verslag aan van de NAVO-top van 25 mei jl. in Brussel."
            f"\n\n{body}\n")


@pytest.mark.parametrize(
    "body",
    [
        "De volgende reguliere NAVO-top vindt in 2018 in Brussel plaats.",
        "De volgende NAVO-top vindt in juli 2018 in Brussel plaats.",
        "De volgende NAVO-top, in 2018 in Brussel, zal over de lastenverdeling gaan.",
    ],
)
def test_the_next_summit_of_another_year_in_the_same_city_is_not_the_main_one(tmp_path, body):
    _, found = extract_text(tmp_path, summit_report(body))
    assert found.main_meeting.ref.start == date(2017, 5, 25)
    assert ("summit", date(2018, 7, 11), "brussels") in mentioned(found)
    main_quotes = [e.quote for e in found.main_meeting.evidence]
    assert not any("2018" in q for q in main_quotes)


@pytest.mark.parametrize(
    "body, year",
    [
        ("Het is de eerste NAVO-top sinds de annexatie van de Krim in maart 2014.", 2014),
        # the year of the clause, not of the summit
        ("Tijdens de volgende top moeten de bondgenoten in 2024 de 2%-norm halen.", 2024),
        # "volgende" with an earlier year
        ("Op de volgende top wordt gekeken naar de voortgang sinds 2014.", 2014),
    ],
)
def test_a_year_that_is_not_the_next_summits_leaves_the_summit_word_the_main_ones(tmp_path, body, year):
    _, found = extract_text(tmp_path, summit_report(body))
    assert not any(start is not None and start.year == year for _, start, _ in mentioned(found))
    assert found.main_meeting.ref.start == date(2017, 5, 25)


def test_letter_the_next_summit_in_turkey():
    found = records("dev_2025_summit_report_den-haag.txt")
    assert ("summit", date(2026, 7, 7), "ankara") in mentioned(found)
    assert found.main_meeting.ref.start == date(2025, 6, 24)


def test_a_bare_meeting_noun_with_its_own_day_is_another_meeting_of_the_kind(tmp_path):
    body = "Over de vorige bijeenkomst, van 8 en 9 november jl., bent u eerder geïnformeerd."
    _, found = extract_text(tmp_path, defence_report(body, written="20 februari 2018", held="14 en 15 februari"))
    assert ("defence-ministers", date(2017, 11, 8), None) in mentioned(found)


def test_a_bare_noun_whose_owner_follows_the_day_is_the_owners_meeting(tmp_path):
    body = ("Ik verwijs naar de bijeenkomst van 5 december jl. van de NAVO-ministers van Buitenlandse Zaken en naar de "
            "vergadering van 12 maart a.s. van de vaste commissie voor Defensie.")
    _, found = extract_text(tmp_path, defence_report(body))
    assert not any(kind == "defence-ministers" for kind, _, _ in mentioned(found))


def test_the_day_before_the_ministerial_is_its_eve_not_another_ministerial(tmp_path):
    body = ("Daags voor de ministeriële, op 13 februari, komen de ministers van Defensie van de anti-ISIS coalitie "
            "in Rome bijeen.")
    _, found = extract_text(tmp_path, defence_report(body, written="20 februari 2018", held="14 en 15 februari"))
    assert not any(kind == "defence-ministers" and start == date(2018, 2, 13) for kind, start, _ in mentioned(found))


def test_a_bare_noun_under_a_heading_of_another_meeting_is_that_meetings(tmp_path):
    body = ("Ukraine Defense Contact Group\nAan de UDCG nemen ruim vijftig landen deel. Bij de vorige bijeenkomst, op 20 "
            "januari jl., werden nieuwe leveringen aangekondigd.")
    _, found = extract_text(tmp_path, defence_report(body))
    assert not any(kind == "defence-ministers" and start == date(2023, 1, 20) for kind, start, _ in mentioned(found))


def test_letter_the_meeting_of_29_june():
    found = records("dev_2017_dmm_agenda_brussel-commandostructuur.txt")
    assert ("defence-ministers", date(2017, 6, 29), None) in mentioned(found)


def test_a_named_meeting_takes_the_place_a_later_mention_gives(tmp_path):
    body = ("Ook werd kort gesproken over de bijeenkomst van de Ukraine Defense Contact Group die de Verenigde Staten "
            "op 26 januari jl. in Ramstein hadden belegd.")
    _, found = extract_text(tmp_path, defence_report(body))
    assert ("external", date(2023, 1, 26), "ramstein") in mentioned(found)


TWO_MEETINGS = (
    "Kamerbrief met verslagen van de informele NAVO-ministeriële in Tallinn en de NAVO-ministeriële van Defensie "
    "in Brussel\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDatum 1 juli 2010\n"
    "Betreft Verslagen NAVO-bijeenkomsten Tallinn (22-23 april 2010) en Brussel (10-11 juni 2010)\n\n"
    "Geachte Voorzitter,\n\nMet deze brief informeren wij u over de informele bijeenkomst van de ministers van "
    "Buitenlandse Zaken in Tallinn op 22 en 23 april jl. en de bijeenkomst van de ministers van Defensie in "
    "Brussel op 10 en 11 juni jl.\n\nDe ministers spraken over het Strategisch Concept.\n"
)
NEXT_OF_THE_KIND = (
    "Onderwerp   Verslag informele NAVO-defensieministeriële Poiana Brasov\nDatum       26 oktober 2004\n\n"
    "Op woensdag 13 en donderdag 14 oktober jl. kwamen de ministers van Defensie van de zesentwintig "
    "NAVO-lidstaten in informele setting bijeen in Poiana Braşov, Roemenië.\n\n"
    "De volgende bijeenkomst van de ministers van Defensie vindt plaats op 9 december a.s.\n"
)
TITLE_RANGE_OVER_TWO = (
    "Datum 21 februari 2025\nBetreft Verslag Ukraine Defense Contact Group en bijeenkomst NAVO-ministers van "
    "Defensie 12 en 13 februari 2025\n\nGeachte voorzitter,\n\nHierbij informeer ik uw Kamer over de bijeenkomst "
    "van de Ukraine Defense Contact Group (UDCG) op 12 februari jl. en de aansluitende bijeenkomst van de "
    "NAVO-ministers van Defensie op 13 februari jl., beide op het NAVO-hoofdkwartier in Brussel.\n"
)
TITLE_RANGE_OF_ONE = (
    "Datum 20 februari 2023\nBetreft Verslag bijeenkomst NAVO-ministers van Defensie 14 en 15 februari 2023\n\n"
    "Geachte voorzitter,\n\nHierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers van "
    "Defensie op 14 en 15 februari jl. in Brussel.\n"
)

TITLE_WITH_UDCG = (
    "Datum 27 juni 2024\nBetreft Verslag van de NAVO-ministeriële Defensie en de Ukraine Defense Contact Group van 13 "
    "en 14 juni 2024\n\nGeachte voorzitter,\n\nHierbij informeer ik uw Kamer over de bijeenkomst van de Ukraine "
    "Defense Contact Group (UDCG) van 13 juni jl. en over de bijeenkomst van de NAVO-ministers van Defensie die op 13 en "
    "14 juni jl. in Brussel plaatsvond.\n"
)


@pytest.mark.parametrize(
    "text, main, other",
    [
        # a letter on two meetings is about the one the title's first day belongs to
        (TWO_MEETINGS, ("foreign-ministers", date(2010, 4, 22), date(2010, 4, 23), "tallinn"),
         ("defence-ministers", date(2010, 6, 10), "brussels")),
        # the next meeting of the kind does not date the main one
        (NEXT_OF_THE_KIND, ("defence-ministers", date(2004, 10, 13), date(2004, 10, 14), "poiana-brasov"),
         ("defence-ministers", date(2004, 12, 9), None)),
        # a title's range over two meetings: the main one's own day
        (TITLE_RANGE_OVER_TWO, ("defence-ministers", date(2025, 2, 13), date(2025, 2, 13), "brussels"), None),
        # "NAVO-ministeriële Defensie" in the title names the NATO meeting beside the contact group's
        (TITLE_WITH_UDCG, ("defence-ministers", date(2024, 6, 13), date(2024, 6, 14), "brussels"), None),
        # a title's range over the main meeting alone keeps both days
        (TITLE_RANGE_OF_ONE, ("defence-ministers", date(2023, 2, 14), date(2023, 2, 15), "brussels"), None),
    ],
)
def test_the_main_meeting_of_a_letter_naming_several(tmp_path, text, main, other):
    _, found = extract_text(tmp_path, text)
    ref = found.main_meeting.ref
    assert (ref.kind, ref.start, found.main_meeting.end, ref.city) == main
    if other is not None:
        assert other in mentioned(found)


def test_the_eastern_partnership_summit_is_no_nato_summit(tmp_path):
    body = "Op de top van het Oostelijk Partnerschap in Vilnius op 28 en 29 november jl. werd geen akkoord gesloten."
    _, found = extract_text(tmp_path, defence_report(body, written="20 december 2013", held="14 en 15 december"))
    assert ("external", date(2013, 11, 28), "vilnius") in mentioned(found)
    assert not any(kind == "summit" and start == date(2013, 11, 28) for kind, start, _ in mentioned(found))


def test_a_report_on_a_coalition_of_the_willing_meeting_is_about_that_meeting(tmp_path):
    text = ("Datum 1 april 2025\nBetreft Verslag bijeenkomst 'coalition of the willing' over Oekraïne, Parijs 27 maart 2025"
            "\n\nGeachte voorzitter,\n\nHierbij informeer ik uw Kamer over de bijeenkomst van regeringsleiders die op 27 "
            "maart jl. in Parijs plaatsvond. De NAVO-ministers van Buitenlandse Zaken komen op 3 en 4 april a.s. in "
            "Brussel bijeen.\n")
    _, found = extract_text(tmp_path, text)
    assert found.letter.kind == "other"
    assert (found.main_meeting.ref.kind, found.main_meeting.ref.start) == ("external", date(2025, 3, 27))


def mentioned_by_month(found) -> set[tuple]:
    return {(m.ref.kind, m.ref.month, m.ref.city) for m in found.meetings if m.role == "mentioned" and m.ref.month}


@pytest.mark.parametrize(
    "body, written, expected",
    [
        # the letters' sentences: the next meeting of a group with the month its clause gives
        ("De volgende bijeenkomst van de ministers van Defensie is voorzien voor oktober a.s.", "22 juni 2020",
         ("defence-ministers", "2020-10", None)),
        ("De eerstvolgende bijeenkomst van de ministers van Buitenlandse Zaken vindt in april 2019 in Washington plaats.",
         "10 december 2018", ("foreign-ministers", "2019-04", "washington")),
        ("De volgende bijeenkomst van de ministers van Buitenlandse Zaken vindt eind april 2018 plaats.",
         "12 december 2017", ("foreign-ministers", "2018-04", None)),
        # a bare meeting noun with a month of its own: another meeting of the letter's kind
        ("De ministers kwamen overeen dit initiatief voor de volgende bijeenkomst in februari 2013 verder uit te werken.",
         "15 oktober 2012", ("defence-ministers", "2013-02", None)),
        ("Besluitvorming is voorzien tijdens de bijeenkomst van juni a.s.", "20 februari 2023",
         ("defence-ministers", "2023-06", None)),
        ("Het verslag van de vorige ministeriële, in mei jl. in Antalya, ontving uw Kamer op 4 juni jl.",
         "20 februari 2023", ("defence-ministers", "2022-05", "antalya")),
        # an informal one, its place between the noun and the month
        ("Er werd besloten dat het Militair Comité vóór de informele bijeenkomst in Berlijn in september a.s. opties "
         "uitwerkt.", "15 juni 2023", ("defence-ministers", "2023-09", "berlin")),
    ],
)
def test_a_meeting_of_the_kind_named_by_its_month(tmp_path, body, written, expected):
    _, found = extract_text(tmp_path, defence_report(body, written=written))
    assert expected in mentioned_by_month(found)


@pytest.mark.parametrize(
    "body",
    [
        # a verb between and no "volgende": the month is the clause's, not the meeting's
        "De bijeenkomst van de ministers van Defensie besprak de plannen die in oktober worden vastgesteld.",
        # the main meeting's own month
        "De bijeenkomst van februari jl. was de eerste na de aanval.",
        # the leaders the sentence names met there: not a meeting of the letter's kind
        "Tijdens de bijeenkomst in Londen in december 2019 erkenden de regeringsleiders de ruimte als domein.",
        # the next or previous meeting, another verb than scheduling before the month: the clause's month
        "De volgende bijeenkomst van de ministers van Defensie bespreekt plannen die in oktober worden vastgesteld.",
        "De vorige bijeenkomst van de ministers van Defensie besprak de oefening in oktober.",
        # a comma, then the next clause's month
        "Het rapport is gepresenteerd tijdens de bijeenkomst, in oktober volgt een besluit.",
    ],
)
def test_a_month_not_of_another_meeting(tmp_path, body):
    _, found = extract_text(tmp_path, defence_report(body))
    assert not mentioned_by_month(found)


def test_a_summit_of_the_osce_spelled_out_is_not_a_nato_summit(tmp_path):
    text = ("Den Haag, 14 december 2010\n\nHierbij doe ik u verslag van de top van de Organisatie voor Veiligheid en "
            "Samenwerking in Europa (OVSE), die op woensdag 1 en donderdag 2 december jl. in Astana werd gehouden. De "
            "top vond plaats kort na de NAVO-top in Lissabon van 19 en 20 november jl.\n")
    _, found = extract_text(tmp_path, text)
    assert (found.main_meeting.ref.kind, found.main_meeting.ref.city) == ("external", "astana")


def sessions(found) -> set[str]:
    return {m.ref.name_key for m in found.meetings if m.role == "session"}


@pytest.mark.parametrize(
    "body",
    [
        # the letter's sentence: the council meets at the summit the letter prepares
        "De NAVO-Rusland Raad zal tijdens de top in Vilnius bijeenkomen, naar verwachting in aanwezigheid van de Russische minister.",
        "De NAVO-Oekraïne Commissie komt bij de top in Vilnius opnieuw bijeen.",
    ],
)
def test_a_session_of_another_kind_of_meeting_is_not_the_main_meetings(tmp_path, body):
    _, found = extract_text(tmp_path, defence_report(body))
    assert not sessions(found) & {"nato-russia-council", "nato-ukraine-commission"}


@pytest.mark.parametrize(
    "body, session",
    [
        ("Op 14 februari kwam de NAVO-Oekraïne Commissie bijeen.", "nato-ukraine-commission"),
        # the summit is what the dinner is about, or what is prepared
        ("Het werkdiner op 14 februari staat in het teken van de NAVO-top in Vilnius.", "working-dinner"),
        ("Op 14 februari bespreken de ministers in de NAVO-Oekraïne Commissie de voorbereiding van de top.",
         "nato-ukraine-commission"),
    ],
)
def test_a_session_that_only_talks_about_another_meeting_stays_the_main_meetings(tmp_path, body, session):
    _, found = extract_text(tmp_path, defence_report(body))
    assert session in sessions(found)


@pytest.mark.parametrize(
    "body, written, expected",
    [
        # the letter's sentence: informal, with a place of two words before the day
        ("Tijdens de informele bijeenkomst in Colorado Springs op 8 en 9 oktober jl. hebben de ministers een "
         "oefenscenario besproken.", "5 december 2003", ("defence-ministers", date(2003, 10, 8), "colorado-springs")),
        ("De ministers vroegen hem voor de informele bijeenkomst in Bratislava op 22 en 23 oktober a.s. voorstellen "
         "uit te werken.", "15 juni 2009", ("defence-ministers", date(2009, 10, 22), "bratislava")),
    ],
)
def test_a_bare_meeting_noun_with_its_place_and_day_is_another_meeting(tmp_path, body, written, expected):
    _, found = extract_text(tmp_path, defence_report(body, written=written))
    assert expected in mentioned(found)
