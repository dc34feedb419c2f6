"""Fetched letters through the build: the sidecar's values win, the provenance triples
link to the official documents, the cover letter and its annex are one pair about one
meeting, and a letter's IRI does not depend on how it came into the corpus."""

from __future__ import annotations

import shutil

import pytest

from natokg.identifiers import ANNEXES_GRAPH
from natokg.fetch import FetchOptions, PoliteSession, fetch_documents
from natokg.pipeline import map_letter
from support.tk_api import FakeTkApi
from support.tk_corpus import fake_documents

DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
NKG = "https://w3id.org/natokg/ontology#"


@pytest.fixture(scope="module")
def fetched(tmp_path_factory):
    """The fake API's letters fetched into a corpus folder (once for the module)."""
    folder = tmp_path_factory.mktemp("fetched") / "letters"
    api = FakeTkApi(fake_documents())
    try:
        session = PoliteSession(delay=0, retries=2, backoff=0, timeout=10, sleep=lambda s: None)
        summary = fetch_documents(FetchOptions(out=folder, api_root=api.root), session=session)
    finally:
        api.close()
    assert summary.count("fetched") == 3
    return folder, api.root


@pytest.fixture(scope="module")
def built(fetched):
    from natokg.store.build import build
    from natokg.store.snapshot import open_snapshot

    folder, root = fetched
    store_dir = folder.parent / "store"
    summary = build(folder, store_dir, jobs=1)
    assert summary.letters_loaded == 3, summary.skipped
    return open_snapshot(store_dir), summary, root


def objects(store, subject: str, predicate: str) -> set[str]:
    rows = store.query(f"SELECT DISTINCT ?o WHERE {{ GRAPH ?g {{ <{subject}> <{predicate}> ?o }} }}")
    return {row["o"].value for row in rows}


def letter_of(store, number: str) -> str:
    rows = list(store.query(f'SELECT ?l WHERE {{ GRAPH ?g {{ ?l <{NKG}documentNumber> "{number}" }} }}'))
    assert len(rows) == 1
    return rows[0]["l"].value


@pytest.mark.slow
def test_fetched_letter_links_to_the_official_documents(built):
    snapshot, _, root = built
    store = snapshot.store
    agenda = letter_of(store, "2024D26911")
    assert objects(store, agenda, PROV + "wasDerivedFrom") == {f"{root}Document(0aa-agenda)/resource"}
    assert objects(store, agenda, DCT + "source") == {
        f"{root}Document(0aa-agenda)",
        "https://www.tweedekamer.nl/downloads/document?id=2024D26911",
        "https://zoek.officielebekendmakingen.nl/kst-28676-465.html",
    }
    assert objects(store, agenda, DCT + "isPartOf") == {"https://w3id.org/natokg/id/dossier/28676"}
    assert objects(store, agenda, NKG + "publishedAs") == {"https://w3id.org/natokg/id/kamerstuk/28676-465"}


@pytest.mark.slow
def test_sidecar_date_and_title_win_and_the_report_says_so(built):
    snapshot, summary, _ = built
    cover = letter_of(snapshot.store, "2013D24680")
    assert objects(snapshot.store, cover, DCT + "title") == {"Verslag bijeenkomst NAVO-ministers van Defensie 4 en 5 juni 2013"}
    assert objects(snapshot.store, cover, DCT + "date") == {"2013-06-17"}
    replaced = [w for w in summary.warnings if "from the Tweede Kamer API" in w.warning]
    assert any(w.file == "2013D24680.docx" and "title" in w.warning for w in replaced)


@pytest.mark.slow
def test_cover_letter_and_annex_are_one_pair_about_one_meeting(built):
    snapshot, _, _ = built
    store = snapshot.store
    cover, annex = letter_of(store, "2013D24680"), letter_of(store, "2013D24681")
    assert objects(store, cover, DCT + "hasPart") == {annex}
    assert objects(store, annex, DCT + "isPartOf") >= {cover}
    rows = store.query(f"SELECT ?m WHERE {{ GRAPH <{ANNEXES_GRAPH}> {{ ?s ?p ?m }} }}")
    assert list(rows)
    cover_meetings, annex_meetings = objects(store, cover, NKG + "about"), objects(store, annex, NKG + "about")
    assert cover_meetings and cover_meetings == annex_meetings
    assert any("/meeting/defence-ministers/2013-06-04" in m for m in cover_meetings)


def test_letter_iri_is_the_same_fetched_or_placed_by_hand(fetched, tmp_path):
    folder, _ = fetched
    by_hand = tmp_path / "placed-by-hand.docx"
    shutil.copyfile(folder / "2013D24681.docx", by_hand)  # no sidecar beside it
    assert map_letter(by_hand).letter == map_letter(folder / "2013D24681.docx").letter
    pdf_by_hand = tmp_path / "agenda.pdf"
    shutil.copyfile(folder / "2024D26911.pdf", pdf_by_hand)
    fetched_graphs, hand_graphs = map_letter(folder / "2024D26911.pdf"), map_letter(pdf_by_hand)
    assert fetched_graphs.letter == hand_graphs.letter
    assert not any("documentNumber" in line for line in hand_graphs.assertion_lines)


def test_a_sidecar_of_another_file_version_is_ignored(fetched, tmp_path):
    folder, _ = fetched
    copy = tmp_path / "2013D24680.docx"
    shutil.copyfile(folder / "2013D24680.docx", copy)
    sidecar = (folder / "2013D24680.json").read_text(encoding="utf-8")
    (tmp_path / "2013D24680.json").write_text(sidecar.replace('"sha256": "', '"sha256": "0'), encoding="utf-8")
    assert not any("documentNumber" in line for line in map_letter(copy).assertion_lines)
