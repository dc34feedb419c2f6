"""Reading letters: formats, decoding, normalisation and the offset map."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natokg.errors import UnreadableLetterError
from natokg.read.reader import FOOTNOTE_BREAK, normalise, read_letter

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "corpus" / "letters").glob("*.txt"))
FIXTURES = ROOT / "tests" / "fixtures" / "letters"
BAD = ROOT / "tests" / "fixtures" / "bad"
ALL_LETTERS = SEEDS + sorted(p for p in FIXTURES.iterdir() if p.is_file())


@functools.cache
def cached_read(path: Path):
    return read_letter(path)


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


def running_text(doc) -> str:
    return doc.text.split(FOOTNOTE_BREAK)[0]


def footnote_lines(doc) -> list[str]:
    return doc.text.split(FOOTNOTE_BREAK)[1].split("\n") if FOOTNOTE_BREAK in doc.text else []


def norm(raw: str, **kwargs) -> str:
    return normalise(raw, **kwargs)[0]


# ---------------------------------------------------------------- formats and decoding


def test_seed_txt_is_read_verbatim_as_raw():
    path = seed("000")
    doc = read_letter(path)
    assert doc.raw == path.read_text(encoding="utf-8")
    assert doc.media_type == "text/plain"
    assert len(doc.sha256) == 64 and doc.sha256 != read_letter(seed("001")).sha256


def test_utf8_bom_is_stripped_and_text_matches_the_seed():
    bom = read_letter(FIXTURES / "001_agenda_2025_bom.txt")
    plain = read_letter(seed("001"))
    assert not bom.raw.startswith("\ufeff")
    assert bom.text == plain.text


def test_cp1252_is_detected_and_decoded():
    doc = read_letter(FIXTURES / "004_agenda_2022_cp1252.txt")
    assert "risico’s die directe NAVO-betrokkenheid" in doc.text  # ’ is byte 0x92
    assert "één van de aanbevelingen" in doc.text
    assert doc.text == read_letter(seed("004")).text


def test_pdf_text_layer_with_page_furniture_removed():
    doc = read_letter(FIXTURES / "000_report_2026.pdf")
    assert doc.media_type == "application/pdf"
    assert "Pagina" not in doc.text
    # the letterhead repeated at the top of page 2 is a running header
    assert doc.text.count("Ministerie van Buitenlandse Zaken") == 1
    assert "Datum 3 juni 2026" in doc.text
    # justified PDF text has runs of spaces; they collapse
    assert "  " not in doc.text
    assert (
        "Ook Nederland droeg het commitment uit aan groei van de defensie-uitgaven en "
        "-capaciteiten, en bepleitte evenals meerdere andere bondgenoten" in doc.text
    )
    # the page break falls between two paragraphs
    assert "gecoördineerd te laten verlopen.\n\nIn de bijeenkomst werd ook" in doc.text


def test_docx_paragraphs_table_and_real_footnote():
    doc = read_letter(FIXTURES / "002_summit_agenda_2026.docx")
    assert "Datum 23 juni 2026\nBetreft Geannoteerde Agenda NAVO-top 2026" in doc.text
    assert "veiligheidsgerelateerde uitgaven. Het kabinet zet in op" in doc.text
    assert footnote_lines(doc)[0].startswith("1 De NAVO rekent deze cijfers zelf om")


@pytest.mark.parametrize("suffix", ["html", "xml"])
def test_portal_markup_body_text(suffix):
    doc = read_letter(FIXTURES / f"2010_portal_style.{suffix}")
    text = running_text(doc)
    assert text.startswith(
        "Tweede Kamer der Staten-Generaal\n\nVergaderjaar 2009–2010\n\n28 676 NAVO\n\n"
        "Nr. 105 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 17 mei 2010\n\n"
    )
    for noise in ("dataLayer", "Kruimelpad", "Zoeken", "Privacy", "DC.title"):
        assert noise not in doc.raw
    assert "beleid van de NAVO. De Amerikaanse minister" in text
    assert footnote_lines(doc) == ["1 Kamerstuk 28 676, nr. 98"]


def test_same_letter_gives_same_running_text_in_every_format():
    texts = {
        suffix: re.sub(r"\s+", " ", running_text(read_letter(FIXTURES / f"2010_portal_style.{suffix}")))
        for suffix in ("txt", "html", "xml")
    }
    assert texts["txt"] == texts["html"] == texts["xml"]


# ---------------------------------------------------------------- normalisation on the seeds


def test_hyphenation_undone_in_hard_wrapped_seeds():
    text_001 = read_letter(seed("001")).text
    text_004 = read_letter(seed("004")).text
    assert "over de ontwikkelingen van hun veiligheidssituatie" in text_004
    assert "bilaterale wapenleveranties aan" in text_004
    assert "dialoogkanalen beschikbaar" in text_004  # next line starts with a space
    assert "een diner op zaterdagavond 14 mei" in text_004
    assert "gemeenschappelijke financiering" in text_004
    assert "het onvoorspelbare verloop" in text_004
    assert text_004.startswith(
        "GEANNOTEERDE AGENDA VAN DE INFORMELE NAVO MINISTERIËLE BIJEENKOMST VAN 14 EN 15 MEI 2022\n"
    )
    # real compound hyphens stay
    assert "het NAVO2030-proces" in text_004
    assert "eenheid onder de NAVO-bondgenoten en" in text_001
    assert "en hogere defensie-uitgaven centraal" in text_001


def test_wrapped_lines_join_into_paragraphs():
    text = read_letter(seed("001")).text
    paragraphs = running_text_paragraphs(text)
    assert paragraphs[1] == (
        "Op woensdag 14 en donderdag 15 mei a.s. vindt de informele bijeenkomst van de "
        "NAVO-ministers van Buitenlandse Zaken (Informal Foreign Ministers Meeting, iFMM) "
        "plaats in Antalya. Dit is de laatste bijeenkomst van de NAVO ministers van "
        "Buitenlandse Zaken voorafgaand aan de NAVO top in Den Haag. De minister van "
        "Buitenlandse Zaken zal deelnemen aan deze vergadering."
    )
    assert len(paragraphs) == 8


def running_text_paragraphs(text: str) -> list[str]:
    return text.split(FOOTNOTE_BREAK)[0].split("\n\n")


def test_unwrapped_seed_keeps_header_lines_apart():
    text = read_letter(seed("000")).text
    assert "Aan de Voorzitter van de\nEerste Kamer der Staten-Generaal\nKazernestraat 52" in text
    assert "Nederland\n\nwww.minbuza.nl" in text
    assert "\nVerhoging defensie-uitgaven\n" in read_letter(seed("003")).text


def test_footnote_markers_removed_real_numbers_kept():
    text_001 = read_letter(seed("001")).text
    assert "de recente brief daarover.\n\nEr bestaat" in text_001
    assert "de leden Paternotte en Piri. Daarnaast" in text_001
    assert "Industrie en Innovatie 2025-2029." + FOOTNOTE_BREAK in text_001
    assert "huidig afgesproken 2% van het bbp" in text_001
    assert "EUR 3,5 miljard" in text_001
    text_003 = read_letter(seed("003")).text
    assert "aan de Kamer meldde, een additionele bijdrage van EUR 250 mln. aan PURL" in text_003
    assert "footnoteRef" not in text_003 and "[1:" not in text_003
    assert "met 32 bondgenoten" in text_003
    text_002 = read_letter(seed("002")).text
    assert "veiligheidsgerelateerde uitgaven. Het kabinet" in text_002
    assert "¹" not in text_002


def test_footnote_bodies_move_to_the_footnote_block():
    assert footnote_lines(read_letter(seed("001"))) == [
        "1 Kamerstuk 28676, nr. 499",
        "2 Kamerstuk 28676, nr. 489",
        "3 Kamerstuk 31125, nr. 134",
    ]
    assert footnote_lines(read_letter(seed("003"))) == ["1 Kamerstuk 36 850, nr. X-2"]
    assert footnote_lines(read_letter(seed("004"))) == [
        "1 Zie o.a. Kamerstuk 28 676, nr. 404; Kamerstuk 28 676, nr. 386 en "
        "Kamerstukken 28 676 en 36 045, nr. 403."
    ]
    (note_002,) = footnote_lines(read_letter(seed("002")))
    assert note_002.startswith("1 De NAVO rekent") and note_002.endswith("2,59% van het bbp in 2025.")
    assert footnote_lines(read_letter(seed("000"))) == []


def test_footnotes_set_off_by_a_printed_rule_move_to_the_footnote_block(tmp_path):
    path = tmp_path / "rule.txt"
    path.write_text(
        "Geachte voorzitter,\n\nNederland levert hiervoor twintig stafofficieren.2 De Amerikaanse minister\n"
        "riep de bondgenoten op.1 Zij steunden dat.\n\n__________\n1 Kamerstuk 28 676, nr. 472\n"
        "2 Zie ook Kamerstuk 36 045, nr. 215\n\nPagina 1/2\n",
        encoding="utf-8",
    )
    letter = read_letter(path)
    assert "stafofficieren. De Amerikaanse" in letter.text
    assert "riep de bondgenoten op. Zij" in letter.text  # "op.1": not "p. 1" (a page number)
    assert footnote_lines(letter) == ["1 Kamerstuk 28 676, nr. 472", "2 Zie ook Kamerstuk 36 045, nr. 215"]
    letter = read_letter(FIXTURES / "2024_defence_ministers_report_pdf_rule_footnotes.txt")
    assert "zeventig stafofficieren en onderofficieren. De Amerikaanse" in letter.text
    assert len(footnote_lines(letter)) == 4


def test_regression_a_marker_after_a_word_ending_in_p_is_no_page_number():
    # "op.1" was read as "p. 1" (a page reference), so footnote 1 had no marker and no
    # footnote of the letter was found
    text, _ = normalise("Zij riepen de bondgenoten op.1 Zij steunden dat.\n\n1 Kamerstuk 28 676, nr. 472\n")
    assert text.startswith("Zij riepen de bondgenoten op. Zij steunden dat." + FOOTNOTE_BREAK)
    text, _ = normalise("Zie p.1 van de bijlage.\n")
    assert "p.1" in text


def test_paragraph_interrupted_by_page_foot_footnote_is_rejoined():
    text_002 = read_letter(seed("002")).text
    assert "de steun aan Oekraïne te vergroten. Steun aan Oekraïne komt" in text_002
    text_004 = read_letter(seed("004")).text
    assert "Het kabinet staat hier welwillend tegenover. De Nederlandse inzet" in text_004
    text_001 = read_letter(seed("001")).text
    assert "te worden aangenomen.\n\nHet kabinet waardeert de inspanningen" in text_001
    portal = read_letter(FIXTURES / "2010_portal_style.txt").text
    assert "schetste vijf uitgangspunten voor die discussie, waaronder" in portal
    assert "- 1 -" not in portal and "- 2 -" not in portal


def test_page_furniture_and_converter_duplicates_dropped():
    assert "Pagina" not in read_letter(seed("001")).text
    text_004 = read_letter(seed("004")).text
    assert text_004.count("Daarbij spreekt het kabinet de wens uit") == 1
    assert "dat de Kamer zich in bovenvermeld scenario" in text_004


def test_printed_kamerstuk_colophon_and_page_foot_are_dropped():
    raw = (
        "Uitbreiding\n"
        "De bondgenoten nodigden twee landen uit voor toetredings-\n"
        "besprekingen over hun lidmaatschap van de NAVO.\n\n"
        "KST12345\n"
        "ISSN 0921 - 7371\n"
        "Sdu Uitgevers\n"
        "’s-Gravenhage 2031 Tweede Kamer, vergaderjaar 2031–2032, 28 676, nr. 99 1\n"
        "Nederland heeft de uitnodiging aan de twee landen gesteund.\n\n"
        "kst-28676-99 ISSN 0921 - 7371 's-Gravenhage 2032\n"
    )
    text = norm(raw)
    for furniture in ("KST12345", "ISSN", "Sdu", "Gravenhage", "vergaderjaar"):
        assert furniture not in text
    assert "NAVO.\n\nNederland heeft de uitnodiging" in text
    # a sentence that names the Kamerstuk stays, and so does a line that only cites it
    kept = "Zie Tweede Kamer, vergaderjaar 2031–2032, 28 676, nr. 99 voor het verslag."
    assert norm(kept) == kept
    assert norm("Tweede Kamer, vergaderjaar 2031–2032, 28 676, nr. 99") == "Tweede Kamer, vergaderjaar 2031–2032, 28 676, nr. 99"
    # a sub-dossier's page foot
    assert norm("Zie hieronder.\nTweede Kamer, vergaderjaar 2031–2032, 21 501-02, nr. 2283 3\n") == "Zie hieronder."


def test_regression_printed_page_foot_made_headings_of_the_praag_report():
    """The 2002 Prague report's page foot ("KST64817", "ISSN 0921 - 7371", "Sdu Uitgevers", the
    running foot) became headings: the next sentence lost its heading "Uitbreiding" and took
    the running foot into its text."""
    from natokg.text.segment import segment

    seg = segment(read_letter(ROOT / "corpus" / "letters" / "dev_2002_summit_report_praag.txt"))
    sentence = next(s for s in seg.sentences if "uitnodiging aan de zeven landen" in s.text)
    assert sentence.heading == "Uitbreiding"
    assert sentence.text == "Nederland heeft de uitnodiging aan de zeven landen van harte gesteund."


def test_markdown_asterisks_dropped():
    text_000 = read_letter(seed("000")).text
    assert "*" not in text_000
    assert "de aanstaande burden shift gecoördineerd" in text_000
    assert "Ministerie van Buitenlandse\nZaken\n" in text_000
    assert "op het gebied van (counter) dronecapaciteit" in read_letter(seed("002")).text


def test_memo_sub_bullets_keep_their_indent():
    text = read_letter(seed("002")).text
    assert "\n- 7 juli:\n - NATO Summit Defense Industry Forum, deelname minDEF.\n" in text


# ---------------------------------------------------------------- normalise() unit cases


def test_hyphen_rules():
    assert norm("de ontwikke-\nlingen van") == "de ontwikkelingen van"
    assert norm("de NAVO-\nbondgenoten zijn") == "de NAVO-bondgenoten zijn"
    assert norm("de Noord-\nAtlantische Raad") == "de Noord-Atlantische Raad"
    assert norm("hogere defensie-\nuitgaven centraal") == "hogere defensie-uitgaven centraal"  # e+u
    assert norm("de defensie-\nen veiligheidsuitgaven") == "de defensie- en veiligheidsuitgaven"
    assert norm("DE NAVO MINIS-\nTERIËLE BIJEENKOMST") == "DE NAVO MINISTERIËLE BIJEENKOMST"
    assert norm("NAVO en de NAVO-\nBONDGENOTEN") == "NAVO en de NAVO-BONDGENOTEN"
    # the letter itself decides: the hyphenated pair stands elsewhere in it
    assert norm("over oud-\nstrijders; oud-strijders zijn") == "over oud-strijders; oud-strijders zijn"
    # a dash before a blank line is not hyphenation
    assert norm("Bijlage(n)\n\n-\n\nDatum") == "Bijlage(n)\n\n-\n\nDatum"


def test_portal_furniture_lines_are_dropped_and_offsets_still_point_into_the_raw_text():
    raw = (
        "Nieuwsbank.nl | Overheid | Ministeries | Gemeenten | Zoeken\n"
        "U bent hier: Home > Kamerstukken > 28676 nr. 999\n\n"
        "Datum publicatie | Organisatie | Vergaderjaar | Dossier |\n"
        "---|---|---|---|\n"
        "2031-11-04 | Tweede Kamer der Staten-Generaal | 2031-2032 | 28676 nr. 999 |\n\n"
        "Kamerbrief | 02-11-2031 - Ministerie van Defensie\n\n"
        "De ministers spraken over een cel voor cyberverdediging | in de marge | van de top.\n"
    )
    text, offsets = normalise(raw)
    assert text == (
        "Kamerbrief | 02-11-2031 - Ministerie van Defensie\n\n"
        "De ministers spraken over een cel voor cyberverdediging | in de marge | van de top."
    )
    start = text.index("De ministers")
    assert raw[offsets[start] : offsets[start] + 12] == "De ministers"


def test_hyphen_vocabulary_is_built_once_and_linear():
    # many broken lines: each hyphen decision is a set look-up, not a scan of the text
    raw = "De bondgenoten en de ontwikkelingen.\n" + "over de bond-\ngenoten en de ontwikke-\nlingen\n" * 4000
    text, _ = normalise(raw, hard_wrapped=False)
    assert text.count("bondgenoten") == 4001 and "bond-" not in text
    assert "ontwikkelingen" in text and "ontwikke-" not in text


def test_inline_markers_and_bodies():
    assert norm("steun aan Oekraïne1 en Europa.\n\n1 Kamerstuk 1, nr. 2") == (
        "steun aan Oekraïne en Europa." + FOOTNOTE_BREAK + "1 Kamerstuk 1, nr. 2"
    )
    assert norm("Kamer meldde[footnoteRef:1], een bijdrage. [1: Kamerstuk 36 850, nr. X-2]") == (
        "Kamer meldde, een bijdrage." + FOOTNOTE_BREAK + "1 Kamerstuk 36 850, nr. X-2"
    )
    # without a footnote body the digit is text, not a marker
    assert norm("de NAVO2030 agenda en de G7 en Oekraïne1") == "de NAVO2030 agenda en de G7 en Oekraïne1"
    # "nr.1" is no marker, so a "1 ..." line is no footnote body either
    assert norm("Kamerstuk 28676, nr.1 en nr. 2.\n\n1 Zie boven") == (
        "Kamerstuk 28676, nr.1 en nr. 2.\n\n1 Zie boven"
    )


def test_every_text_char_maps_to_a_raw_char():
    for path in ALL_LETTERS:
        doc = read_letter(path)
        assert len(doc.offsets) == len(doc.text) + 1
        for i, char in enumerate(doc.text):
            raw_char = doc.raw[doc.offsets[i]]
            if char in " \n" + FOOTNOTE_BREAK:
                continue  # an inserted separator maps to the whitespace or text it replaces
            if char.isdigit() and raw_char in "⁰¹²³⁴⁵⁶⁷⁸⁹":
                continue  # a superscript footnote number shown as a digit
            assert raw_char == char, (path.name, i, char, raw_char)


# ---------------------------------------------------------------- property test


def _undo_layout(quote: str) -> str:
    """What the normaliser does to a raw quote of running text, in the simple form a
    reader would: hyphenation at line ends, markdown asterisks, whitespace."""
    quote = re.sub(r"(?<=\w)-[ \t]*\n[ \t]*(?=\w)", "-", quote)
    quote = quote.replace("*", "")
    return re.sub(r"\s+", " ", quote).strip()


def _comparable(text: str) -> str:
    return re.sub(r"[\s-]", "", text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_spans_map_back_to_raw(data):
    path = data.draw(st.sampled_from(ALL_LETTERS))
    doc = cached_read(path)
    start = data.draw(st.integers(0, len(doc.text) - 1))
    end = data.draw(st.integers(start + 1, min(len(doc.text), start + 200)))
    span_text = doc.text[start:end]
    try:
        raw_start, raw_end = doc.raw_span(start, end)
    except ValueError:
        # only a span into footnotes that stand elsewhere in the raw text has no raw span:
        # somewhere in it, the raw text goes back
        assert FOOTNOTE_BREAK in span_text
        assert any(doc.offsets[i] > doc.offsets[i + 1] for i in range(start, end - 1))
        return
    evidence = doc.evidence(start, end)
    assert evidence.quote == doc.raw[raw_start:raw_end]
    assert 0 <= raw_start < raw_end <= len(doc.raw)
    if FOOTNOTE_BREAK in span_text:
        return
    # Every non-space character of the span stands, in order, in its raw quote
    # (footnote bodies and markers cut out of the span may stand between them).
    quote = iter(evidence.quote.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")))
    for char in span_text:
        if not char.isspace():
            assert any(c == char for c in quote), (path.name, span_text)


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary file, not a letter; save it as text (UTF-8), PDF, DOCX, HTML or XML"),
        ("image_only.pdf", "PDF has no text layer (scanned image?); OCR it first"),
    ],
)
def test_bad_inputs_raise_with_file_and_reason(name, reason):
    path = BAD / name
    with pytest.raises(UnreadableLetterError) as caught:
        read_letter(path)
    assert caught.value.message == reason
    assert caught.value.path == str(path)
    assert str(caught.value) == f"{path}: {reason}"
    assert "\n" not in str(caught.value)


def test_unsupported_format_and_missing_file(tmp_path):
    odt = tmp_path / "brief.odt"
    odt.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UnreadableLetterError, match=r"unsupported format \.odt; use \.txt, \.pdf"):
        read_letter(odt)
    with pytest.raises(UnreadableLetterError, match="file not found"):
        read_letter(tmp_path / "missing.txt")


def test_whitespace_only_and_broken_files(tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n \t\n", encoding="utf-8")
    with pytest.raises(UnreadableLetterError, match="empty file"):
        read_letter(blank)
    broken_pdf = tmp_path / "broken.pdf"
    broken_pdf.write_bytes(b"%PDF-1.4\nthis is not a pdf body")
    with pytest.raises(UnreadableLetterError) as caught:
        read_letter(broken_pdf)
    assert caught.value.path == str(broken_pdf)
    broken_docx = tmp_path / "broken.docx"
    broken_docx.write_bytes(b"not a zip file")
    with pytest.raises(UnreadableLetterError, match="not a readable .docx"):
        read_letter(broken_docx)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Op 3 december vond de bijeenkomst plaats in Brussel. Oekra\xefne".encode("latin-1") + b"\x81")
    assert read_letter(latin1).text.startswith("Op 3 december vond de bijeenkomst plaats in Brussel. Oekraïne")


def test_span_into_moved_footnotes_regression_has_no_raw_span():
    """Regression (found by the property test above): a span from the last body line into
    the footnote block mapped to raw (12442, 8855), an empty quote with its end before
    its start, because the footnote stands mid-letter in the raw text."""
    doc = read_letter(ROOT / "corpus" / "letters" / "002_7ea007089aa3c9f1.txt")
    break_at = doc.text.index(FOOTNOTE_BREAK)
    with pytest.raises(ValueError, match="runs into the footnotes"):
        doc.raw_span(break_at - 20, break_at + 20)
    # either side of the break still maps
    before = doc.evidence(break_at - 20, break_at)
    after = doc.evidence(break_at + 1, break_at + 20)
    assert before.start < before.end and after.start < after.end
    assert after.quote == "¹ De NAVO rekent de"  # footnote 1, where it stands in the raw text
    assert after.end <= before.start  # footnote 1 stands before the end of the body
    # found in CI: a span ending with the break itself, which stands where the footnotes
    # begin in the raw text, before the signature the span covers
    doc = read_letter(FIXTURES / "2023_defence_ministers.txt")
    break_at = doc.text.index(FOOTNOTE_BREAK)
    assert doc.text[:break_at].endswith("DE MINISTER VAN DEFENSIE,\n\nDrs. K.H. Ollongren")
    with pytest.raises(ValueError, match="runs into the footnotes"):
        doc.raw_span(break_at - 100, break_at + 1)
    signature = doc.evidence(break_at - 100, break_at)
    assert signature.quote.endswith("Ollongren")


class _CountedSpans(list):
    """A list of removed spans that counts the spans read from it."""

    reads = 0

    def __getitem__(self, index):
        type(self).reads += 1
        return super().__getitem__(index)

    def __iter__(self):
        for item in super().__iter__():
            type(self).reads += 1
            yield item


def test_regression_line_words_linear_in_length():
    """Each line read every removed span (footnote markers) of the letter: a letter with
    a marker on every line was quadratic. A line reads its own spans after a bisect."""
    from natokg.read.reader import _line_words

    lines = [f"Regel {i} van de brief met een voetnoot{i % 9 + 1} erin." for i in range(20_000)]
    raw = "\n".join(lines)
    starts = [m.start() for m in re.finditer(r"^", raw, re.M)]
    removed = _CountedSpans(
        (raw.index("voetnoot", s) + 8, raw.index("voetnoot", s) + 9) for s in starts
    )
    middle = 10_000
    end = starts[middle] + len(lines[middle])
    _CountedSpans.reads = 0
    words = _line_words(raw, starts[middle], end, removed)
    assert " ".join(w.text for w in words) == "Regel 10000 van de brief met een voetnoot erin."
    assert _CountedSpans.reads <= 40  # a bisect over 20,000 spans and the line's own one
