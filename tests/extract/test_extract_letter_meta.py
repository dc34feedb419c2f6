"""Letter metadata (natokg.extract.letter_meta) on the seed letters and older styles."""

from datetime import date
from pathlib import Path

import pytest

from natokg.read.reader import read_letter

from support.letter_records import extract_text, records

LETTERS = Path(__file__).resolve().parents[2] / "corpus" / "letters"


@pytest.mark.parametrize(
    "name, kind, day, reference, addressee",
    [
        ("000_d473f0d0e8325814.txt", "report", date(2026, 6, 3), "bz2628703", "eerste-kamer"),
        ("001_cd1c5c75dbeda8f3.txt", "agenda", None, None, None),
        ("002_7ea007089aa3c9f1.txt", "agenda", date(2026, 6, 23), "bz2629412", "eerste-kamer"),
        ("003_a8b24aadb98f3dfc.txt", "report", None, None, None),
        ("004_645f0c655bd661fc.txt", "agenda", None, None, None),
    ],
)
def test_letter_fields(name, kind, day, reference, addressee):
    letter = records(name).letter
    assert (letter.kind, letter.date, letter.reference, letter.addressee) == (kind, day, reference, addressee)
    assert letter.key == (reference or letter.sha256[:12])
    assert letter.source_file == name


def test_memo_date_is_never_the_letter_date():
    # 000's memo ("nota") is dated 28 mei 2026, the letter 3 juni 2026
    assert records("000_d473f0d0e8325814.txt").letter.date == date(2026, 6, 3)
    assert records("002_7ea007089aa3c9f1.txt").letter.date == date(2026, 6, 23)


def test_titles():
    assert records("000_d473f0d0e8325814.txt").letter.title == "Verslag NATO Foreign Ministers Meeting van 21 en 22 mei 2026"
    assert records("001_cd1c5c75dbeda8f3.txt").letter.title == (
        "Geannoteerde agenda informele NAVO Foreign Ministers Meeting 14-15 mei 2025"
    )


def test_signatories_are_person_keys():
    assert records("000_d473f0d0e8325814.txt").letter.signatories == ["t-b-w-berendsen"]
    assert records("002_7ea007089aa3c9f1.txt").letter.signatories == ["t-b-w-berendsen", "dilan-yesilgoz-zegerius"]
    persons = {p.key: p for p in records("002_7ea007089aa3c9f1.txt").persons}
    # two signature blocks side by side: each name gets its own post
    assert [(p.office, p.of.key) for p in persons["dilan-yesilgoz-zegerius"].posts] == [("minister-of-defence", "nl")]
    assert [(p.office, p.of.key) for p in persons["t-b-w-berendsen"].posts] == [("minister-of-foreign-affairs", "nl")]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("000_d473f0d0e8325814.txt", []),
        ("001_cd1c5c75dbeda8f3.txt", [("28676", "499"), ("28676", "489"), ("31125", "134")]),
        ("003_a8b24aadb98f3dfc.txt", [("36850", "X-2")]),
        ("004_645f0c655bd661fc.txt", [("28676", "404"), ("28676", "386"), ("28676-36045", "403")]),
    ],
)
def test_kamerstukken(name, expected):
    found = records(name).letter.kamerstukken
    assert [(k.dossier, k.number) for k in found] == expected
    raw = read_letter(LETTERS / name).raw
    for k in found:
        assert raw[k.evidence.start : k.evidence.end] == k.evidence.quote
        assert k.evidence.quote.startswith("Kamerstuk")


OLD_STYLE = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2009–2010
28 676 NAVO
Nr. 101 BRIEF VAN DE MINISTER VAN DEFENSIE
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Den Haag, 17 mei 2010

Hierbij informeer ik u over de informele bijeenkomst van de NAVO-ministers van Defensie die op 10 en 11 juni a.s. plaatsvindt op het NAVO-hoofdkwartier. Zie ook Kamerstukken II 2009/10, 28 676, nr. 95.

DE MINISTER VAN DEFENSIE,

E. van Middelkoop
"""


def test_portal_letter_with_den_haag_date(tmp_path):
    _, result = extract_text(tmp_path, OLD_STYLE)
    letter = result.letter
    assert letter.date == date(2010, 5, 17)
    assert letter.addressee == "tweede-kamer"
    assert letter.kind == "letter"
    assert letter.reference is None and letter.key == letter.sha256[:12]
    assert [(k.dossier, k.number) for k in letter.kamerstukken] == [("28676", "95")]
    assert letter.signatories == ["eimert-van-middelkoop"]
    person = next(p for p in result.persons if p.key == "eimert-van-middelkoop")
    assert [(p.office, p.of.key) for p in person.posts] == [("minister-of-defence", "nl")]


def test_regression_cited_kamerstuk_keeps_its_toevoeging(tmp_path):
    """A dossier's toevoeging is read where the citation is extracted, not re-read by
    the mapper: "Kamerstuk 36 200 V, nr. 12" is paper 12 of dossier 36200-V."""
    text = OLD_STYLE.replace("Zie ook Kamerstukken II 2009/10, 28 676, nr. 95.",
                             "Zie ook Kamerstuk 36 200 V, nr. 12 en Kamerstuk 28 676, nr. 95.")
    _, result = extract_text(tmp_path, text)
    assert [(k.dossier, k.number) for k in result.letter.kamerstukken] == [("36200-V", "12"), ("28676", "95")]


def test_cited_kamerstukken_of_every_dossier_form(tmp_path):
    """Numbered and lettered toevoegingen, as natokg.identifiers reads them."""
    text = OLD_STYLE.replace("Zie ook Kamerstukken II 2009/10, 28 676, nr. 95.",
                             "Zie Kamerstuk 21 501-20, nr. 1234 en Kamerstuk 35 000 A, nr. 5.")
    _, result = extract_text(tmp_path, text)
    assert [(k.dossier, k.number) for k in result.letter.kamerstukken] == [("21501-20", "1234"), ("35000-A", "5")]


def test_a_section_label_names_the_title_below_it_only_nearby(tmp_path):
    page = "Ministerie van Defensie\n\n---\nBrieven aan de Kamer\n---\nVerslag van de NAVO-top in Vilnius\n\n10-3-2031\n"
    assert extract_text(tmp_path, page + "\nOp 11 juli vond de NAVO-top plaats.\n")[1].letter.title == (
        "Verslag van de NAVO-top in Vilnius"
    )
    # rules and a date line may stand between
    page = "Ministerie van Defensie\n\nBrieven aan de Kamer\n---\n10-3-2031 11:02:00\n---\nVerslag van de NAVO-top in Vilnius\n"
    assert extract_text(tmp_path, page + "\nOp 11 juli vond de NAVO-top plaats.\n")[1].letter.title == (
        "Verslag van de NAVO-top in Vilnius"
    )
    # more than two date lines: the label names nothing, so the letter's first sentence is no title
    page = "Ministerie van Defensie\n\nBrieven aan de Kamer\n10-3-2031\n11-3-2031\n12-3-2031\n\nOp 11 juli vond de NAVO-top plaats in Vilnius.\n"
    assert "11 juli" not in (extract_text(tmp_path, page)[1].letter.title or "")
