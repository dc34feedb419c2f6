"""The documents the fake Tweede Kamer API (support.tk_api) serves in the fetch tests,
made from development letters of corpus/letters (as in the API, a Kamerstuk's "Titel"
is its dossier's title and "Onderwerp" its own subject): a PDF agenda (answered with a 500
first), a DOCX cover letter (answered with a 429 first) and its annex report, a letter
not about a meeting, and a meeting letter whose file is missing (404)."""

from __future__ import annotations

import io
from pathlib import Path

from support.pdf_text import text_pdf
from support.tk_api import DOCX, PDF, FakeDocument

LETTERS = Path(__file__).resolve().parents[2] / "corpus" / "letters"


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paragraphs(name: str) -> list[str]:
    return [p for p in (LETTERS / name).read_text(encoding="utf-8").split("\n\n") if p.strip()]


def agenda_text() -> str:
    text = (LETTERS / "dev_2024_summit_agenda_washington.txt").read_text(encoding="utf-8")
    return text[text.index("Tweede Kamer der Staten-Generaal |") :]


def cover_and_annex() -> tuple[str, str]:
    """The 2013 defence ministers' report split as it is sent: a cover letter that offers
    the report, and the report itself as its annex."""
    paragraphs = _paragraphs("dev_2013_dmm_report_brussel-juni.txt")
    offer = next(i for i, p in enumerate(paragraphs) if p.startswith("Hierbij bied ik u"))
    signature = next(i for i, p in enumerate(paragraphs) if p.startswith("De Minister van Defensie,"))
    cover = paragraphs[2 : offer + 1] + paragraphs[signature : signature + 1]
    annex = ["Verslag bijeenkomst NAVO-ministers van Defensie 4 en 5 juni 2013 te Brussel"]
    annex += paragraphs[offer + 1 : signature]
    return "\n\n".join(cover), "\n\n".join(annex)


def fake_documents() -> list[FakeDocument]:
    cover, annex = cover_and_annex()
    other = "\n\n".join(_paragraphs("dev_2025_other_other_kamervragen-capaciteitsdoelstellingen.txt")[:6])
    return [
        FakeDocument(
            "0aa-agenda", "2024D26911", "Brief regering", "NAVO", "Geannoteerde agenda NAVO-top Washington 9-11 juli 2024",
            "2024-06-28", text_pdf(agenda_text()), PDF, volgnummer=465, fail=[500],
        ),
        FakeDocument(
            "0bb-cover", "2013D24680", "Brief regering", "NAVO",
            "Verslag bijeenkomst NAVO-ministers van Defensie 4 en 5 juni 2013", "2013-06-17",
            docx_bytes(cover), DOCX, volgnummer=183, annexes=["0cc-annex"], fail=[429],
        ),
        FakeDocument(
            "0cc-annex", "2013D24681", "Bijlage", "NAVO", "Bijlage bij Kamerstuk 28676, nr. 183", "2013-06-17",
            docx_bytes(annex), DOCX,
        ),
        FakeDocument(
            "0dd-other", "2025D10001", "Brief regering", "NAVO",
            "Antwoorden op Kamervragen over capaciteitsdoelstellingen", "2025-02-03", docx_bytes(other), DOCX, volgnummer=470,
        ),
        FakeDocument(
            "0ee-missing", "2025D20002", "Brief regering", "NAVO", "Verslag NAVO-top Den Haag 24-25 juni 2025",
            "2025-07-01", b"", DOCX, volgnummer=471, missing=True,
        ),
    ]
