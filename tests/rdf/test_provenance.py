"""A fetched letter's provenance and the Kamerstukken a letter cites, with their dossiers."""

from __future__ import annotations

import hashlib
from pathlib import Path

from natokg.pipeline import map_letter
from natokg.rdf.provenance import provenance_lines
from natokg.read.sidecar import LetterSidecar, OfficialUrls

LETTERS = Path(__file__).resolve().parents[2] / "corpus" / "letters"
ID = "https://w3id.org/natokg/id/"


def budget_letter_sidecar() -> LetterSidecar:
    """Kamerstuk 36200-V, nr. 12: number 12 in dossier 36200 with the toevoeging V."""
    return LetterSidecar(
        api_id="a1", document_number="2023D01234", soort="Brief regering", title="Vaststelling begroting",
        subject="Verslag NAVO-ministeriële", date="2023-01-20", vergaderjaar="2022-2023", dossier="36200-V",
        kamerstuk="36200-V-12", version="2023-01-20T10:00:00+02:00", file_name="2023D01234.pdf",
        sha256=hashlib.sha256(b"x").hexdigest(), retrieved="2026-01-01T00:00:00+00:00",
        urls=OfficialUrls("https://api/Document(a1)/resource", "https://api/Document(a1)", "https://tk/2023D01234"),
    )


def test_regression_sidecar_kamerstuk_with_toevoeging_is_published_as_its_paper():
    assertions, entities = provenance_lines(f"<{ID}letter/x>", budget_letter_sidecar())
    text = "".join(sorted(assertions | entities))
    assert f"<{ID}letter/x> <https://w3id.org/natokg/ontology#publishedAs> <{ID}kamerstuk/36200-V-12> ." in text
    assert f'<{ID}kamerstuk/36200-V-12> <https://w3id.org/natokg/ontology#dossier> "36200-V" .' in text
    assert f'<{ID}kamerstuk/36200-V-12> <https://w3id.org/natokg/ontology#number> "12" .' in text
    assert "<https://zoek.officielebekendmakingen.nl/kst-36200-V-12.html>" in text
    assert f"<{ID}dossier/36200-V> " in text and f"<{ID}dossier/36200> " not in text


def test_regression_cited_kamerstuk_with_toevoeging_keeps_its_dossier():
    graphs = map_letter(LETTERS / "dev_2010_fmm_agenda_tallinn.txt")  # cites "Kamerstuk 32 123 V, nr. 87"
    lines = "".join(sorted(graphs.assertion_lines | graphs.entity_lines))
    assert f"<{ID}kamerstuk/32123-V-87> " in lines
    assert f"<{ID}kamerstuk/32123-87> " not in lines
    assert '"Kamerstuk 32123-V, nr. 87"@nl' in lines
    assert "kst-32123-V-87.html" in lines
