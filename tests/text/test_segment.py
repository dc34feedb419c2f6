"""Segmentation: header block, parts, signature, title, headings, memo, footnotes, sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from natokg.read.reader import read_letter
from natokg.text.segment import segment, split_sentences
from natokg.text.spacy_nl import sentence_tokenizer

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "corpus" / "letters").glob("[0-9]*.txt"))  # the seed letters, not the dev_* set
FIXTURES = ROOT / "tests" / "fixtures" / "letters"
CORPUS_LETTERS = sorted((ROOT / "corpus" / "letters").glob("*.txt"))  # seeds and the dev_* set
ALL_LETTERS = CORPUS_LETTERS + sorted(p for p in FIXTURES.iterdir() if p.is_file())
_CACHE: dict[Path, object] = {}


def letter(name: str):
    path = next((p for p in SEEDS if p.name.startswith(name)), FIXTURES / name)
    if path not in _CACHE:
        _CACHE[path] = segment(read_letter(path))
    return _CACHE[path]


def text_of(seg, span) -> str:
    return seg.doc.text[span.start : span.end]


def part_kinds(seg) -> list[str]:
    return [p.label for p in seg.parts]


def signatories(seg) -> list[tuple[str, str]]:
    """(post, name) of each signature span, per the convention in segment.py."""
    out = []
    for span in seg.signature:
        text = text_of(seg, span)
        assert text.endswith(span.label)
        out.append((text[: text.index(",") + 1], span.label))
    return out


# ---------------------------------------------------------------- header blocks of the seeds


def segmented(tmp_path: Path, text: str):
    """A letter written from ``text`` into ``tmp_path``, read and segmented."""
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    return segment(read_letter(path))


def test_000_header_block():
    seg = letter("000")
    assert text_of(seg, seg.header.date) == "3 juni 2026"
    assert text_of(seg, seg.header.reference) == "BZ2628703"
    assert text_of(seg, seg.header.title) == "Verslag NATO Foreign Ministers Meeting van 21 en 22 mei 2026"
    assert text_of(seg, seg.header.addressee) == "Aan de Voorzitter van de\nEerste Kamer der Staten-Generaal"
    assert seg.header.addressee.label == "eerste-kamer"
    assert signatories(seg) == [("De minister van Buitenlandse Zaken,", "T.B.W. Berendsen")]
    assert part_kinds(seg) == ["header", "cover", "signature", "body", "memo"]


def test_002_header_and_two_signatories_in_order():
    seg = letter("002")
    assert text_of(seg, seg.header.date) == "23 juni 2026"
    assert text_of(seg, seg.header.reference) == "BZ2629412"
    assert text_of(seg, seg.header.title) == "Geannoteerde Agenda NAVO-top 2026"
    assert seg.header.addressee.label == "eerste-kamer"
    assert signatories(seg) == [
        ("De minister van Buitenlandse Zaken,", "T.B.W. Berendsen"),
        ("De minister van Defensie,", "Dilan Yeşilgöz-Zegerius"),
    ]
    assert part_kinds(seg) == ["header", "cover", "signature", "body", "memo", "footnote"]


@pytest.mark.parametrize("name", ["001", "003", "004"])
def test_letters_without_header_block(name):
    seg = letter(name)
    assert seg.header.date is None and seg.header.reference is None
    assert seg.header.title is None and seg.header.addressee is None
    assert seg.signature == ()
    assert part_kinds(seg)[0] == "body"
    assert "header" not in part_kinds(seg) and "memo" not in part_kinds(seg)


@pytest.mark.parametrize(("name", "memo_date"), [("000", "28 mei 2026"), ("002", "17 juni 2026")])
def test_memo_date_is_never_the_letter_date(name, memo_date):
    seg = letter(name)
    memo = next(p for p in seg.parts if p.label == "memo")
    assert memo_date in text_of(seg, memo)
    assert text_of(seg, seg.header.date) != memo_date
    assert not memo.start <= seg.header.date.start < memo.end
    # the memo's label block ("Datum\n28 mei 2026") yields no sentence
    assert not any(memo_date in s.text for s in seg.sentences)
    assert text_of(seg, memo).startswith("Aan\nVan\nVia\nKopie aan")


MEMO_AHEAD_OF_LETTER = """Ministerie van Defensie

DAOB

TER BESLISSING

Datum
2 maart 2023

Onze referentie
DEFDOC-2023-118

Nota

Verslag bijeenkomst NAVO-ministers van Defensie

Aanleiding
De Kamer ontvangt binnen twee weken een verslag van de bijeenkomst.

------------------------------------------

> Retouradres Postbus 20701 2500 ES Den Haag

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Postbus 20018
2500 EA Den Haag

Datum 7 maart 2023
Betreft Verslag bijeenkomst NAVO-ministers van Defensie 14 en 15 februari 2023
Onze referentie BS2023004417

Geachte Voorzitter,

Hierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers van Defensie.

De minister van Defensie,

K.H. Ollongren
"""


def test_memo_ahead_of_its_letter_gives_no_header_field(tmp_path):
    """A memo sent ahead of the letter it submits: its Datum and reference are the
    memo's; the header is the letter's own, after the memo."""
    seg = segmented(tmp_path, MEMO_AHEAD_OF_LETTER)
    assert text_of(seg, seg.header.date) == "7 maart 2023"
    assert text_of(seg, seg.header.reference) == "BS2023004417"
    memo = next(p for p in seg.parts if p.label == "memo")
    assert "2 maart 2023" in text_of(seg, memo)
    assert not memo.start <= seg.header.date.start < memo.end


def test_memo_ahead_of_a_letter_addressed_without_aan_and_salutation(tmp_path):
    """A Defence letter's addressee under its "> Retouradres" line reads "de Voorzitter van
    de Tweede Kamer" without "Aan", and the letter has no "Geachte voorzitter": the memo
    still ends where the letter begins, and the header is the letter's."""
    text = (MEMO_AHEAD_OF_LETTER.replace("Aan de Voorzitter", "de Voorzitter")
            .replace("Geachte Voorzitter,\n\n", "").replace("Datum 7 maart 2023", "Datum 9 maart 2023"))
    seg = segmented(tmp_path, text)
    assert text_of(seg, seg.header.date) == "9 maart 2023"
    memo = next(p for p in seg.parts if p.label == "memo")
    assert not memo.start <= seg.header.date.start < memo.end


# ---------------------------------------------------------------- titles and headings


def test_title_lines():
    assert text_of(letter("000"), letter("000").title_line) == (
        "VERSLAG NATO FOREIGN MINISTERS MEETING VAN 21 EN 22 MEI 2026"
    )
    assert text_of(letter("001"), letter("001").title_line) == (
        "Geannoteerde agenda informele NAVO Foreign Ministers Meeting 14-15 mei 2025"
    )
    assert text_of(letter("002"), letter("002").title_line) == "Geannoteerde Agenda NAVO-top 7 en 8 juli 2026"
    assert text_of(letter("003"), letter("003").title_line) == (
        "VERSLAG NAVO FOREIGN MINISTER MEETING VAN 3 december 2025"
    )
    assert text_of(letter("004"), letter("004").title_line) == (
        "GEANNOTEERDE AGENDA VAN DE INFORMELE NAVO MINISTERIËLE BIJEENKOMST VAN 14 EN 15 MEI 2022"
    )


def test_headings():
    assert [h.label for h in letter("003").headings] == [
        "Verhoging defensie-uitgaven",
        "Oekraïne",
        "Overige onderwerpen",
    ]
    assert [h.label for h in letter("000").headings] == ["Noord-Atlantische Raad", "Straat van Hormuz"]
    assert [h.label for h in letter("002").headings] == [
        "Sterker Europa binnen de NAVO",
        "Defensie-industrie",
        "Oekraïne",
        "Overige onderwerpen",
    ]
    assert [h.label for h in letter("004").headings][:3] == [
        "Diner met deelname van Finland en Zweden",
        "Werksessie I: Oekraïne",
        "Werksessie II: Strategisch Concept, Asia-Pacific en NAVO2030",
    ]
    assert letter("001").headings == ()


def test_sentences_carry_their_heading_and_part():
    seg = letter("003")
    sentence = next(s for s in seg.sentences if s.text.startswith("De situatie in Oekraïne werd"))
    assert (sentence.part, sentence.heading) == ("body", "Oekraïne")
    first = next(s for s in seg.sentences if s.text.startswith("De NAVO Foreign Ministers Meeting"))
    assert first.heading is None
    cover = [s.text for s in letter("000").sentences if s.part == "cover"]
    assert cover == [
        "Hierbij bied ik u het verslag aan van de NATO Foreign Ministers Meeting van 21 en 22 mei 2026."
    ]


def test_memo_bullets_are_memo_sentences():
    seg = letter("002")
    memo = [(s.text, s.heading) for s in seg.sentences if s.part == "memo"]
    assert ("7 juli:", "Toelichting") in memo
    assert ("NATO Summit Defense Industry Forum, deelname minDEF.", "Toelichting") in memo
    assert ("Noord-Atlantische Raad waar regeringsleiders a 32 bijeenkomen.", "Toelichting") in memo
    assert ("Op 7 en 8 juli vindt in Ankara de NAVO-top plaats.", "Kernpunten") in memo
    # no sentence mixes cover, body and memo
    assert not any(s.part == "body" and "Geadviseerd besluit" in s.text for s in seg.sentences)


# ---------------------------------------------------------------- footnotes


def test_footnote_spans():
    seg = letter("001")
    assert [(f.label, text_of(seg, f)) for f in seg.footnotes] == [
        ("1", "1 Kamerstuk 28676, nr. 499"),
        ("2", "2 Kamerstuk 28676, nr. 489"),
        ("3", "3 Kamerstuk 31125, nr. 134"),
    ]
    notes = [s.text for s in seg.sentences if s.part == "footnote"]
    assert notes == ["Kamerstuk 28676, nr. 499", "Kamerstuk 28676, nr. 489", "Kamerstuk 31125, nr. 134"]
    assert [text_of(letter("003"), f) for f in letter("003").footnotes] == ["1 Kamerstuk 36 850, nr. X-2"]


# ---------------------------------------------------------------- sentences


def test_abbreviations_do_not_end_sentences():
    texts = {s.text for name in ("001", "003", "004") for s in letter(name).sentences}
    assert "De NAVO Foreign Ministers Meeting (FMM) vond op 3 december jl. plaats in Brussel." in texts
    assert (
        "Nederland kondigde, zoals de minister van Defensie eerder aan de Kamer meldde, een "
        "additionele bijdrage van EUR 250 mln. aan PURL aan." in texts
    )
    assert any(t.startswith("Op woensdag 14 en donderdag 15 mei a.s. vindt") and t.endswith("in Antalya.") for t in texts)
    assert any(t.startswith("Zie o.a. Kamerstuk 28 676, nr. 404;") and t.endswith("nr. 403.") for t in texts)
    paragraph = "De heer T.B.W. Berendsen sprak d.d. 3 juni. Daarna volgde i.p.v. een diner (kort) een lunch!"
    assert [paragraph[a:b] for a, b in split_sentences(paragraph)] == [
        "De heer T.B.W. Berendsen sprak d.d. 3 juni.",
        "Daarna volgde i.p.v. een diner (kort) een lunch!",
    ]


@pytest.mark.parametrize(
    ("name", "low", "high"),
    [("000", 30, 45), ("001", 33, 45), ("002", 85, 110), ("003", 33, 45), ("004", 44, 60)],
)
def test_sentence_counts_are_sane(name, low, high):
    seg = letter(name)
    assert low <= len(seg.sentences) <= high
    assert all(len(s.text) < 700 for s in seg.sentences)
    starts = [s.start for s in seg.sentences]
    assert starts == sorted(starts)
    for sentence in seg.sentences:
        assert sentence.text == seg.doc.text[sentence.start : sentence.end]
        assert sentence.text == sentence.text.strip()
        part = next(p for p in seg.parts if p.start <= sentence.start and sentence.end <= p.end)
        assert part.label == sentence.part


def test_spacy_pipeline_is_built_once():
    assert sentence_tokenizer() is sentence_tokenizer()


# ---------------------------------------------------------------- older and other formats


@pytest.mark.parametrize("suffix", ["txt", "html", "xml"])
def test_portal_style_letter(suffix):
    seg = letter(f"2010_portal_style.{suffix}")
    assert text_of(seg, seg.header.date) == "17 mei 2010"
    assert seg.header.addressee.label == "tweede-kamer"
    assert seg.header.reference is None
    assert text_of(seg, seg.title_line) == "BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN"
    assert signatories(seg) == [("De Minister van Buitenlandse Zaken,", "M. J. M. Verhagen")]
    assert [h.label for h in seg.headings] == [
        "Informele bijeenkomst in Tallinn",
        "Strategisch Concept",
        "Nucleaire wapens",
        "Afghanistan",
    ]
    kinds = part_kinds(seg)
    assert kinds[:3] == ["header", "body", "signature"]
    assert not any("Vergaderjaar" in s.text or "17 mei 2010" in s.text for s in seg.sentences)


def test_capitalised_signature_and_converted_footnote():
    seg = letter("2023_defence_ministers.txt")
    assert signatories(seg) == [("DE MINISTER VAN DEFENSIE,", "Drs. K.H. Ollongren")]
    assert seg.header.date is None
    assert text_of(seg, seg.title_line) == "Verslag bijeenkomst NAVO-ministers van Defensie van 14 en 15 februari"
    assert [text_of(seg, f) for f in seg.footnotes] == ["1 Kamerstuk 36 124, nr. 7."]
    assert any(
        s.text == "Nederland kondigde aan bij te dragen aan de levering van Leopard 2-tanks en maakte "
        "een bijdrage van EUR 100 mln. bekend voor de aanschaf van munitie."
        for s in seg.sentences
    )


def test_pdf_and_docx_fixtures_segment_like_their_seeds():
    pdf = letter("000_report_2026.pdf")
    assert text_of(pdf, pdf.header.date) == "3 juni 2026"
    assert text_of(pdf, pdf.header.reference) == "BZ2628703"
    assert signatories(pdf) == [("De minister van Buitenlandse Zaken,", "T.B.W. Berendsen")]
    assert [h.label for h in pdf.headings] == ["Noord-Atlantische Raad", "Straat van Hormuz"]
    docx = letter("002_summit_agenda_2026.docx")
    assert text_of(docx, docx.header.date) == "23 juni 2026"
    assert [name for _, name in signatories(docx)] == ["T.B.W. Berendsen", "Dilan Yeşilgöz-Zegerius"]
    assert [h.label for h in docx.headings] == [h.label for h in letter("002").headings]


# ---------------------------------------------------------------- evidence of every sentence

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _quote_as_text(quote: str, footnote_numbers: set[str], footnote_bodies: list[str]) -> str:
    """Undo in a raw quote what the normaliser undoes: footnote bodies and markers,
    a line repeated across a page break, markdown asterisks, line-end hyphens, spaces."""
    for body in footnote_bodies:
        quote = quote.replace(body, " ")
    quote = quote.translate(_SUPERSCRIPTS)
    quote = re.sub(r"\[footnoteRef:\d+\]|\[\d+:[^\]]*\]", "", quote)
    # a marker glued to a word ("Oekraïne1", "c.s.1,", "voldoen1.") or to a year
    # ("2025-2029.3"), never a decimal ("4,1") or a number in a word ("5G")
    quote = re.sub(
        r"(?:(?<=[^\W\d_]{3})|(?<=[^\W\d_][.,;:)’”\"'])|(?<=\d{4}[.;:)]))(\d{1,2})(?![\w%])",
        lambda m: "" if m.group(1) in footnote_numbers else m.group(1),
        quote,
    )
    quote = re.sub(r"^(.{30,}?)[ \t]*\n\1[ \t]*$", r"\1", quote, flags=re.M)
    quote = re.sub(r"^\s*(?:Pagina \d+ ?(?:van|/) ?\d+|- \d+ -)\s*$", "", quote, flags=re.M)
    return re.sub(r"[\s*-]", "", quote)


@pytest.mark.parametrize("path", ALL_LETTERS, ids=lambda p: p.name)
def test_every_sentence_has_exact_raw_evidence(path):
    seg = segment(read_letter(path))
    doc = seg.doc
    numbers = {f.label for f in seg.footnotes}
    bodies = []
    for note in seg.footnotes:
        ev = doc.evidence(note.start, note.end)
        bodies.append(ev.quote)
        body_start = note.start + len(note.label) + 1
        if body_start < note.end:
            bodies.append(doc.evidence(body_start, note.end).quote)
    bodies.sort(key=len, reverse=True)
    for sentence in seg.sentences:
        evidence = doc.evidence(sentence.start, sentence.end)
        assert evidence.quote == doc.raw[evidence.start : evidence.end]
        assert evidence.quote.strip() == evidence.quote
        expected = re.sub(r"[\s*-]", "", sentence.text)
        removable = bodies if sentence.part != "footnote" else []
        assert _quote_as_text(evidence.quote, numbers, removable) == expected, sentence.text


# ---------------------------------------------------------------- regressions


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_regression_sentence_split_after_abbreviation_a_s():
    assert _split("De top vindt plaats op 19 en 20 mei a.s. Nederland benadrukte het belang.") == [
        "De top vindt plaats op 19 en 20 mei a.s.",
        "Nederland benadrukte het belang.",
    ]
    # with a footnote marker glued on, as in a raw portal letter
    assert _split("Voor de NAVO-top op 19 en 20 november a.s.1 Nederland benadrukte het belang.") == [
        "Voor de NAVO-top op 19 en 20 november a.s.1",
        "Nederland benadrukte het belang.",
    ]
    assert _split("De bijeenkomst was op 3 december jl. De ministers spraken over Oekraïne.") == [
        "De bijeenkomst was op 3 december jl.",
        "De ministers spraken over Oekraïne.",
    ]


def test_regression_a_lexicon_word_spacy_abbreviates_ends_a_sentence():
    # spaCy's Dutch list keeps "top." and "VS." whole; a capitalised word after them starts a sentence
    assert _split("Oekraïne staat centraal op de top. De bondgenoten zullen besluiten.") == [
        "Oekraïne staat centraal op de top.",
        "De bondgenoten zullen besluiten.",
    ]
    assert _split("Nederland sprak met de VS. Daarna sprak het met Canada.") == [
        "Nederland sprak met de VS.",
        "Daarna sprak het met Canada.",
    ]
    # a name after an initial, and a lower-case word after the word, go on
    assert _split("Dit is J. de Vries.") == ["Dit is J. de Vries."]
    assert _split("De top. bleef lang duren.") == ["De top. bleef lang duren."]


def test_letter_sentence_after_the_top_in_an_agenda():
    # "Oekraïne zal een centrale plaats innemen op de top. De bondgenoten zullen naar
    # verwachting besluiten ...": one sentence before, so the decision took Ukraine as actor
    seg = segment(read_letter(ROOT / "corpus" / "letters" / "dev_2024_summit_agenda_washington.txt"))
    assert any(s.text.startswith("De bondgenoten zullen naar verwachting besluiten dat") for s in seg.sentences)


def test_regression_no_split_after_date_abbreviation_before_lower_case():
    assert _split("De bijeenkomst vond op 3 december jl. plaats in Brussel.") == [
        "De bijeenkomst vond op 3 december jl. plaats in Brussel."
    ]
    assert _split("De top vindt op 19 mei a.s. in Den Haag plaats.") == ["De top vindt op 19 mei a.s. in Den Haag plaats."]
    # an abbreviation that introduces what follows never ends a sentence
    assert _split("Dit betreft o.a. Nederland en Duitsland.") == ["Dit betreft o.a. Nederland en Duitsland."]


def test_regression_portal_letter_2010_sentences():
    seg = segment(read_letter(ROOT / "tests" / "golden" / "portal_letter_2010" / "letter.txt"))
    assert [s.text for s in seg.sentences if s.part == "body"][1:] == [
        "Het was de laatste bijeenkomst van de ministers van Defensie voor de NAVO-top in Lissabon op 19 en 20 november a.s.",
        "Nederland benadrukte het belang van de missie in Afghanistan.",
    ]


def test_a_capitalised_reference_label_and_a_capitalised_post_without_its_comma(tmp_path):
    seg = segmented(
        tmp_path,
        "Aan de Voorzitter van de\nTweede Kamer der Staten-Generaal\nBinnenhof 4\n2513 AA Den Haag\n\n"
        "Onze Referentie\nDVB/XY-123/26\n\nDatum 3 juni 2026\nBetreft Verslag bijeenkomst NAVO-ministers\n\n"
        "Hierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers van Defensie.\n\n"
        "DE MINISTER VAN DEFENSIE\n\nA.B. de Vries\n",
    )
    assert text_of(seg, seg.header.reference) == "DVB/XY-123/26"
    assert [(text_of(seg, s), s.label) for s in seg.signature] == [("DE MINISTER VAN DEFENSIE\n\nA.B. de Vries", "A.B. de Vries")]


def test_letter_capitalised_reference_label_and_post_without_comma():
    tallinn = segment(read_letter(ROOT / "corpus" / "letters" / "dev_2010_fmm_agenda_tallinn.txt"))
    assert text_of(tallinn, tallinn.header.reference) == "DVB/NW-092/10"  # "Onze Referentie\nDVB/NW-092/10"
    noordwijk = segment(read_letter(ROOT / "corpus" / "letters" / "dev_2007_dmm_report_noordwijk.txt"))
    assert [s.label for s in noordwijk.signature] == ["E. van Middelkoop"]  # "DE MINISTER VAN DEFENSIE\n\nE. van Middelkoop"


@pytest.mark.parametrize(
    "signature, expected",
    [
        # two capitalised posts on one line, the names below in their order
        ("DE MINISTER VAN BUITENLANDSE ZAKEN DE MINISTER VAN DEFENSIE\n\nA.B. de Vries\n\nC.D. Jansen\n",
         ["A.B. de Vries", "C.D. Jansen"]),
        # two-letter initials ("Ch.", "IJ.")
        ("De minister van Buitenlandse Zaken,\n\nS.A. Blok\n\nDe minister van Defensie,\n\nCh.IJ. van der Berg\n",
         ["S.A. Blok", "Ch.IJ. van der Berg"]),
    ],
)
def test_signatories_of_posts_and_initials(tmp_path, signature, expected):
    report = "Hierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers van Defensie.\n\n"
    assert [s.label for s in segmented(tmp_path, report + signature).signature] == expected


def test_regression_letter_signatory_a_th_b_bijleveld_schouten():
    # "De Minister van Defensie,\n\nA.Th.B. Bijleveld-Schouten" (2017 agenda; 2018 agenda as second signatory)
    for name, expected in (("dev_2017_dmm_agenda_brussel-commandostructuur.txt", ["A.Th.B. Bijleveld-Schouten"]),
                           ("dev_2018_summit_agenda_brussel-nota.txt", ["S.A. Blok", "A.Th.B. Bijleveld-Schouten"])):
        seg = segment(read_letter(ROOT / "corpus" / "letters" / name))
        assert [s.label for s in seg.signature] == expected, name


def test_a_portal_summary_line_before_the_address_block(tmp_path):
    seg = segmented(
        tmp_path,
        "Kamerbrief met verslag NAVO-ministeriële\n\nMinister De Vries stuurt de Tweede Kamer het verslag.\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nBinnenhof 4\n2513 AA Den Haag\n\n"
        "Datum 3 juni 2026\nOnze referentie BS2026012345\n\n"
        "Hierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers van Defensie.\n",
    )
    assert text_of(seg, seg.header.reference) == "BS2026012345"
    # the letter's own first sentence is still the body's
    assert any(s.text.startswith("Hierbij bied ik u") for s in seg.sentences)


def test_letter_portal_summary_line_before_the_address_block():
    # "Minister Bijleveld stuurt de Tweede Kamer het verslag ...", then "Aan de Voorzitter ..."
    seg = segment(read_letter(ROOT / "corpus" / "letters" / "dev_2017_dmm_report_brussel-november.txt"))
    assert text_of(seg, seg.header.reference) == "BS2017030466"


def test_a_signed_letter_with_headings_of_its_own(tmp_path):
    seg = segmented(
        tmp_path,
        "Datum 24 november 2009\nBetreft Geannoteerde agenda\n\nGeachte Voorzitter,\n\n"
        "Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst.\n\nAfghanistan\n\n"
        "Nederland zal het belang benadrukken van de opbouw van het leger.\n\nBalkan\n\n"
        "Nederland steunt de missie in Kosovo.\n\nDe Minister van Buitenlandse Zaken,\n\nM.J.M. Verhagen\n",
    )
    assert [text_of(seg, h) for h in seg.headings] == ["Afghanistan", "Balkan"]
    assert seg.title_line is None
    assert {s.heading for s in seg.sentences if s.text.startswith("Nederland steunt")} == {"Balkan"}
    assert [s.label for s in seg.signature] == ["M.J.M. Verhagen"]


def test_letter_signed_letter_with_headings_of_its_own():
    # "Geachte Voorzitter, [...] Afghanistan [...] Nieuw Strategisch Concept [...] De Minister
    # van Buitenlandse Zaken," (a 2009 agenda written for the tests)
    seg = segment(read_letter(ROOT / "tests" / "fixtures" / "letters" / "2009_foreign_ministers_agenda_headed_letter.txt"))
    assert [text_of(seg, h) for h in seg.headings][:2] == ["Afghanistan", "Nieuw Strategisch Concept"]


def test_regression_an_amount_abbreviation_ends_a_sentence_before_a_capitalised_word():
    assert _split("De bezuinigingen lopen op tot structureel EUR 1 mld. Nederland zal dit toelichten.") == [
        "De bezuinigingen lopen op tot structureel EUR 1 mld.",
        "Nederland zal dit toelichten.",
    ]
    # with a footnote marker glued on; a lowercase word goes on with the sentence
    assert _split("Nederland financierde een pakket van EUR 500 mln.1 Voor 2026 is meer gereserveerd.") == [
        "Nederland financierde een pakket van EUR 500 mln.1",
        "Voor 2026 is meer gereserveerd.",
    ]
    assert _split("Nederland kondigde een bijdrage van EUR 250 mln. aan voor het fonds.") == [
        "Nederland kondigde een bijdrage van EUR 250 mln. aan voor het fonds.",
    ]


def test_regression_an_amount_abbreviation_before_its_currency_adjective_ends_no_sentence():
    assert _split("Nederland draagt 50 mln. Amerikaanse dollar bij aan het fonds.") == [
        "Nederland draagt 50 mln. Amerikaanse dollar bij aan het fonds.",
    ]
