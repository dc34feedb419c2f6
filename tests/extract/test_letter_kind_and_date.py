"""Document type and letter date (natokg.extract.letter_meta) on texts written for the
tests and on the development letters whose layout each rule is for."""

from datetime import date

import pytest

from support.letter_records import extract_text, records

SIGNED_COVER = (
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
    "Den Haag, 2 oktober 2031\n\n"
    "Hierbij zenden wij u, mede namens de Minister-President, {what} van de NAVO-top die op "
    "14 en 15 oktober a.s. in Oslo plaatsvindt.\n\n"
    "De Minister van Buitenlandse Zaken,\nA.B. Jansen\n\n"
    "{title}\n\n"
    "Inleiding\n\n"
    "De bondgenoten spreken over de steun aan Oekraïne en over de versterking van de "
    "afschrikking. Nederland zal daarbij pleiten voor een eerlijke lastenverdeling. "
    "De regeringsleiders nemen ook een besluit over de commandostructuur van het bondgenootschap.\n"
)


def test_covering_sentence_names_an_agenda(tmp_path):
    text = SIGNED_COVER.format(what="de inzet van het kabinet", title="Inzet NAVO-top Oslo")
    assert extract_text(tmp_path, text)[1].letter.kind == "agenda"


def test_covering_sentence_names_a_report(tmp_path):
    text = (
        "Den Haag, 9 maart 2031\n\nHierbij bied ik u, mede namens de minister van Defensie, het "
        "verslag aan van de bijeenkomst van de NAVO-ministers van Buitenlandse Zaken op 2 maart jl. "
        "in Brussel.\n\nDe ministers spraken over de steun aan Oekraïne en over de NAVO-EU-samenwerking "
        "in het licht van de nieuwe dreigingen.\n"
    )
    assert extract_text(tmp_path, text)[1].letter.kind == "report"


def test_body_title_after_the_signature_wins_over_the_portal_brief_line(tmp_path):
    text = "28 676 NAVO\n\nNr. 999 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\n\n" + SIGNED_COVER.format(
        what="de stukken", title="Geannoteerde agenda NAVO-top Oslo, 14 en 15 oktober 2031"
    )
    document, found = extract_text(tmp_path, text)
    assert found.letter.kind == "agenda"
    assert found.main_meeting.ref.start == date(2031, 10, 14)


PORTAL_TITLE_LETTER = (
    "Tweede Kamer der Staten-Generaal > Kamerstukken > Brieven regering\n\n"
    "Brief regering : Verslag van de NAVO-top in Oslo op 14 en 15 oktober 2031\n\n"
    "Documentnummer 2031D12345\nDatum brief 21-10-2031\n\n"
    "De regeringsleiders spraken over de steun aan Oekraïne. Nederland benadrukte het belang "
    "van een eerlijke lastenverdeling binnen het bondgenootschap.\n"
)
WRITTEN_QUESTIONS = (
    "Aanhangsel van de Handelingen\n\n"
    "Vragen van het lid De Vries aan de Minister van Defensie over de NAVO-top in Oslo "
    "(ingezonden 3 november 2031).\n\n"
    "Antwoord van Minister Jansen (Defensie) (ontvangen 24 november 2031).\n\n"
    "Vraag 1\nWat is er op de NAVO-top in Oslo op 14 oktober jl. afgesproken?\n\n"
    "Antwoord 1\nDe bondgenoten hebben afgesproken hun steun aan Oekraïne voort te zetten.\n"
)
DATUM_BELOW_PORTAL_INTRODUCTION = (
    "Kamerbrief met verslag NAVO-ministeriële Defensie maart 2031\n\n"
    "De minister stuurt de Tweede Kamer het verslag van de bijeenkomst van de NAVO-ministers van "
    "Defensie in Brussel, zoals eerder toegezegd aan de Kamer.\n\n"
    "Datum 18 maart 2031\nBetreft Verslag bijeenkomst NAVO-ministers van Defensie\n\n"
    "De ministers spraken over de commandostructuur.\n"
)


@pytest.mark.parametrize(
    "text, kind, day",
    [
        # the portal's title line names the document, its "Datum brief" dates it
        (PORTAL_TITLE_LETTER, "report", date(2031, 10, 21)),
        # written questions are another document, dated by the answers
        (WRITTEN_QUESTIONS, "other", date(2031, 11, 24)),
        # a Datum line below a portal introduction of prose
        (DATUM_BELOW_PORTAL_INTRODUCTION, "report", date(2031, 3, 18)),
    ],
    ids=["portal-title", "written-questions", "datum-below-portal-introduction"],
)
def test_kind_and_date_of_portal_and_question_texts(tmp_path, text, kind, day):
    letter = extract_text(tmp_path, text)[1].letter
    assert (letter.kind, letter.date) == (kind, day)


def test_report_of_a_council_outside_nato_is_another_document(tmp_path):
    text = (
        "Den Haag, 12 maart 2031\n\n"
        "Hierbij bied ik u het verslag aan van de Raad Buitenlandse Zaken van 3 maart 2031.\n\n"
        "De ministers spraken over de betrekkingen met de buurlanden. Zij verwezen ook naar de "
        "NAVO-top in Oslo van oktober jl.\n"
    )
    found = extract_text(tmp_path, text)[1]
    assert (found.letter.kind, found.letter.date) == ("other", date(2031, 3, 12))
    main = found.main_meeting
    assert (main.ref.kind, main.ref.start, main.name) == ("external", date(2031, 3, 3), "Raad Buitenlandse Zaken")
    assert found.warnings == ()


@pytest.mark.parametrize(
    "opening",
    [
        # the letter's title line, and a sentence of our own
        "Betreft Verslag bijeenkomst regeringsleiders Joint Expeditionary Force, Riga, 19 december 2031\n\n"
        "Hierbij informeer ik uw Kamer over de bijeenkomst van de regeringsleiders van de landen van de Joint "
        "Expeditionary Force (JEF) die op 19 december jl. in Riga plaatsvond.",
        "Hierbij bied ik u het verslag aan van de JEF-top van 19 december 2031 in Riga.",
    ],
)
def test_report_of_a_joint_expeditionary_force_meeting_is_another_document(tmp_path, opening):
    text = (
        f"Den Haag, 22 december 2031\n\n{opening}\n\n"
        "De leiders onderstreepten dat de JEF complementair is aan de NAVO. De NAVO-top in Vilnius zet "
        "verdere stappen.\n"
    )
    main = extract_text(tmp_path, text)[1].main_meeting
    assert (main.ref.kind, main.ref.start, main.ref.city) == ("external", date(2031, 12, 19), "riga")


def test_regression_eu_council_report_has_its_council_as_main_meeting():
    found = records("dev_2021_other_other_raad-buitenlandse-zaken.txt")
    assert (found.main_meeting.ref.kind, found.main_meeting.ref.start) == ("external", date(2021, 2, 22))
    assert any(m.role == "mentioned" for m in found.meetings)


def test_a_memo_date_line_is_not_the_letter_date(tmp_path):
    text = (
        "VERSLAG NAVO-TOP OSLO\n\nDe regeringsleiders spraken over Oekraïne en over de "
        "afschrikking van het bondgenootschap in het licht van de dreigingen.\n\n"
        "Aan\nMinister\nVan\nDirecteur\nDatum\n2 november 2031\nTER INFORMATIE\n\n"
        "Kernpunten\nDe top verliep zonder verrassingen.\n"
    )
    assert extract_text(tmp_path, text)[1].letter.date is None


@pytest.mark.parametrize(
    "name, kind, day",
    [
        ("dev_2016_summit_agenda_warschau.txt", "agenda", date(2016, 7, 1)),
        ("dev_2017_dmm_report_brussel-november.txt", "report", date(2017, 11, 21)),
        ("dev_2019_summit_report_londen-watford.txt", "report", date(2019, 12, 13)),
        ("dev_2023_dmm_report_brussel-udcg.txt", "report", date(2023, 3, 1)),
        ("dev_2024_fmm_report_praag-informeel.txt", "report", date(2024, 6, 10)),
        ("dev_2024_summit_agenda_washington.txt", "agenda", date(2024, 6, 28)),
        ("dev_2021_other_other_raad-buitenlandse-zaken.txt", "other", date(2021, 3, 3)),
        ("dev_2025_other_other_kamervragen-capaciteitsdoelstellingen.txt", "other", date(2025, 7, 1)),
    ],
)
def test_regression_development_letter_kind_and_date(name, kind, day):
    letter = records(name).letter
    assert (letter.kind, letter.date) == (kind, day)


def test_regression_reference_with_slashes_and_dots_gives_a_valid_letter_key(tmp_path):
    text = (
        "Datum 4 mei 2031\nOnze referentie DVB/NW-123/31\nBetreft Verslag NAVO-top Oslo\n\n"
        "De regeringsleiders spraken over de steun aan Oekraïne en de afschrikking.\n"
    )
    letter = extract_text(tmp_path, text)[1].letter
    assert (letter.reference, letter.key) == ("dvb/nw-123/31", "dvb-nw-123-31")
    assert records("dev_2015_fmm_report_antalya.txt").letter.key == "minbuza-2015-118632"


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Met deze brief zenden wij u de geannoteerde agenda voor de NAVO-top in Oslo.", "agenda"),
        ("Hierbij doen wij u verslag van de NAVO-top die op 14 oktober jl. in Oslo werd gehouden.", "report"),
        # the kind word named first decides, not a later one in the same sentence
        ("Hierbij bied ik u het verslag aan van de top, ter voorbereiding van de volgende.", "report"),
    ],
)
def test_covering_sentence_variants(tmp_path, sentence, kind):
    text = f"Den Haag, 2 november 2031\n\n{sentence}\n\nDe bondgenoten spraken over Oekraïne en de afschrikking.\n"
    assert extract_text(tmp_path, text)[1].letter.kind == kind


def test_agenda_of_an_osce_council_is_another_document_with_that_council_as_main_meeting(tmp_path):
    text = (
        "Brief regering : Geannoteerde agenda OVSE Ministeriële Raad 4 en 5 december 2031 te Helsinki\n\n"
        "Den Haag, 20 november 2031\n\n"
        "De ministers bespreken de toekomst van de organisatie. Aansluitend reis ik naar Brussel voor "
        "de bijeenkomst van NAVO-ministers van Buitenlandse Zaken op 6 december.\n"
    )
    found = extract_text(tmp_path, text)[1]
    main = found.main_meeting
    assert found.letter.kind == "other"
    assert (main.ref.kind, main.ref.start, main.ref.city) == ("external", date(2031, 12, 4), "helsinki")


@pytest.mark.parametrize(
    "name, kind",
    [
        ("dev_2004_summit_report_istanboel.txt", "report"),
        ("dev_2010_summit_agenda_lissabon.txt", "agenda"),
        ("dev_2011_other_agenda_ovse-vilnius.txt", "other"),
    ],
)
def test_regression_early_letter_kinds(name, kind):
    assert records(name).letter.kind == kind


MEMO_UNDER_A_LETTERHEAD = (
    "Ministerie van Buitenlandse Zaken\n\nnota\n\nAan:          de Minister\nVan:          DVB\n"
    "Datum:        16 december 2011\nKenmerk:      DVB/VD-563/11\n"
    "Betreft:      Voorbereiding NAVO-top Chicago (20-21 mei 2012); Nederlandse inzet\n\nTER INFORMATIE\n\n"
    "Aanleiding\nOp zondag 20 en maandag 21 mei 2012 vindt in Chicago de volgende NAVO-top plaats. Tijdens de "
    "bijeenkomst van NAVO-ministers van Buitenlandse Zaken op 7 en 8 december jl. in Brussel heeft de SG de "
    "contouren van de top geschetst.\n"
)


def test_a_memo_that_travels_alone_is_dated_and_titled_by_its_own_label_block(tmp_path):
    # the letter's case: a memo preparing a summit under the ministry's letterhead
    _, found = extract_text(tmp_path, MEMO_UNDER_A_LETTERHEAD)
    assert found.letter.kind == "memo"
    assert found.letter.date == date(2011, 12, 16)
    main = found.main_meeting.ref
    assert (main.kind, main.start, main.city) == ("summit", date(2012, 5, 20), "chicago")


def test_a_memo_alone_without_a_letterhead_is_dated_by_its_own_datum(tmp_path):
    text = ("nota\n\nAan\nMinister van Defensie\n\nVan\nDirecteur Beleid\n\nDatum\n3 februari 2025\n\n"
            "Betreft\nBijeenkomst NAVO-ministers van Defensie 12 en 13 februari 2025\n\n"
            "Op 12 en 13 februari a.s. komen de ministers van Defensie in Brussel bijeen.\n")
    _, found = extract_text(tmp_path, text)
    assert (found.letter.kind, found.letter.date) == ("memo", date(2025, 2, 3))
    assert found.main_meeting.ref.start == date(2025, 2, 12)


def test_report_of_the_summit_on_peace_in_ukraine_is_another_document(tmp_path):
    # the letter's title, the summit's official name in Dutch
    text = ("Den Haag, 20 juni 2031\n\nBetreft Uitkomsten Top over Vrede in Oekraïne, Bürgenstock, 15-16 juni 2031\n\n"
            "Hierbij informeer ik uw Kamer over de uitkomsten van de Top over Vrede in Oekraïne, die op 15 en 16 juni "
            "jl. op de Bürgenstock plaatsvond. De NAVO-top in Washington volgt in juli.\n")
    main = extract_text(tmp_path, text)[1].main_meeting
    assert (main.ref.kind, main.ref.start) == ("external", date(2031, 6, 15))
