"""natokg fetch against a loopback stand-in of the Tweede Kamer API (support.tk_api):
selection, files and sidecars, retries, resumability; no test touches the network."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from natokg.errors import FetchError
from natokg.fetch import USER_AGENT, FetchOptions, FetchProgress, FetchSummary, PoliteSession, fetch_documents
from natokg.read.sidecar import SIDECAR_FORMAT, read_sidecar
from support.tk_api import FakeTkApi
from support.tk_corpus import fake_documents


class RecordingSleep:
    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def run(api: FakeTkApi, out: Path, **options) -> tuple[FetchSummary, RecordingSleep]:
    sleep = RecordingSleep()
    session = PoliteSession(delay=0.0, retries=2, backoff=0.5, timeout=10, sleep=sleep)
    summary = fetch_documents(FetchOptions(out=out, api_root=api.root, **options), session=session)
    return summary, sleep


@pytest.fixture()
def api():
    server = FakeTkApi(fake_documents(), page_size=2)
    yield server
    server.close()


def test_fetch_takes_the_meeting_letters_and_their_annex(api, tmp_path):
    summary, sleep = run(api, tmp_path)
    assert summary.listed == 5
    assert [o.document.document_number for o in summary.outcomes] == ["2013D24680", "2013D24681", "2024D26911", "2025D20002"]
    assert {o.document.document_number: o.status for o in summary.outcomes} == {
        "2013D24680": "fetched", "2013D24681": "fetched", "2024D26911": "fetched", "2025D20002": "failed",
    }
    assert summary.failed[0].reason == "HTTP 404"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "2013D24680.docx", "2013D24680.json", "2013D24681.docx", "2013D24681.json", "2024D26911.json", "2024D26911.pdf",
    ]
    assert 1.0 in sleep.waits  # the 429's Retry-After
    assert 0.5 in sleep.waits  # the backoff after the 500
    assert api.resource_requests("0aa-agenda") == 2 and api.resource_requests("0bb-cover") == 2
    assert {agent for _, _, agent in api.requests} == {USER_AGENT}


def test_the_listing_is_read_across_pages(api, tmp_path):
    run(api, tmp_path, dry_run=True)
    listings = [query for path, query, _ in api.requests if path.endswith("/Document")]
    assert len(listings) == 3  # five documents, two a page
    assert "Kamerstukdossier/any(d: d/Nummer eq 28676)" in listings[0]["$filter"][0]
    assert listings[0]["$expand"] == ["Kamerstukdossier,Bijlage"]


def test_sidecar_records_the_official_document(api, tmp_path):
    run(api, tmp_path)
    letter = tmp_path / "2013D24680.docx"
    sidecar = read_sidecar(letter)
    assert sidecar is not None
    assert (sidecar.api_id, sidecar.document_number, sidecar.kamerstuk, sidecar.soort) == (
        "0bb-cover", "2013D24680", "28676-183", "Brief regering",
    )
    assert sidecar.date == "2013-06-17" and sidecar.annexes == ("2013D24681",)
    assert sidecar.sha256 == hashlib.sha256(letter.read_bytes()).hexdigest()
    assert sidecar.urls.api_resource == f"{api.root}Document(0bb-cover)/resource"
    assert sidecar.urls.officielebekendmakingen == "https://zoek.officielebekendmakingen.nl/kst-28676-183.html"
    assert sidecar.urls.tweedekamer == "https://www.tweedekamer.nl/downloads/document?id=2013D24680"
    annex = read_sidecar(tmp_path / "2013D24681.docx")
    assert annex.annex_of == "2013D24680" and annex.kamerstuk is None and annex.soort == "Bijlage"


def test_second_run_fetches_only_what_is_new(api, tmp_path):
    run(api, tmp_path)
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    summary, _ = run(api, tmp_path)
    assert summary.count("fetched") == 0 and summary.count("skipped") == 3
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before
    api.documents["0aa-agenda"].version = "2024-07-09T12:00:00+02:00"  # the API changed the document
    summary, _ = run(api, tmp_path)
    assert [o.document.document_number for o in summary.outcomes if o.status == "fetched"] == ["2024D26911"]


def test_regression_a_corrupt_sidecar_is_fetched_again_not_a_stopped_run(api, tmp_path):
    run(api, tmp_path)
    (tmp_path / "2013D24681.json").write_text('{"format": "natokg-sidecar/0"}', encoding="utf-8")
    summary, _ = run(api, tmp_path)
    assert [o.document.document_number for o in summary.outcomes if o.status == "fetched"] == ["2013D24681"]
    assert read_sidecar(tmp_path / "2013D24681.docx") is not None  # written anew


def test_regression_an_outdated_sidecar_format_is_fetched_again_with_a_note(api, tmp_path):
    run(api, tmp_path)
    sidecar_file = tmp_path / "2013D24681.json"
    sidecar_file.write_text(sidecar_file.read_text(encoding="utf-8").replace(SIDECAR_FORMAT, "natokg-sidecar/0"), encoding="utf-8")
    summary, _ = run(api, tmp_path)
    assert [o.document.document_number for o in summary.outcomes if o.status == "fetched"] == ["2013D24681"]
    (note,) = [note for note in summary.notes if "2013D24681.json" in note]
    assert "natokg-sidecar/0" in note and "due to be fetched again, with a new sidecar" in note
    assert read_sidecar(tmp_path / "2013D24681.docx").format == SIDECAR_FORMAT


def test_a_changed_file_on_disk_is_fetched_again(api, tmp_path):
    run(api, tmp_path)
    (tmp_path / "2013D24681.docx").write_bytes(b"edited by hand")
    summary, _ = run(api, tmp_path)
    assert [o.document.document_number for o in summary.outcomes if o.status == "fetched"] == ["2013D24681"]


def test_interrupted_download_leaves_no_half_written_file(api, tmp_path):
    class Interrupt(Exception):
        pass

    def stop_midway(count: int) -> None:
        raise Interrupt

    with pytest.raises(Interrupt):
        fetch_documents(
            FetchOptions(out=tmp_path, api_root=api.root),
            FetchProgress(on_bytes=stop_midway),
            session=PoliteSession(delay=0, retries=2, backoff=0, timeout=10, sleep=lambda s: None),
        )
    assert list(tmp_path.iterdir()) == []  # no file, no .part, no sidecar
    summary, _ = run(api, tmp_path)
    assert summary.count("fetched") == 3


def test_dry_run_lists_and_writes_nothing(api, tmp_path):
    summary, _ = run(api, tmp_path / "new")
    assert summary.count("fetched") == 3
    out = tmp_path / "dry"
    requests_before = len(api.requests)
    summary, _ = run(api, out, dry_run=True)
    assert {o.status for o in summary.outcomes} == {"planned"} and not out.exists()
    assert not any(path.endswith("/resource") for path, _, _ in api.requests[requests_before:])


def test_since_and_until_bound_the_listing(api, tmp_path):
    summary, _ = run(api, tmp_path, since=date(2024, 1, 1), until=date(2024, 12, 31), dry_run=True)
    assert [o.document.document_number for o in summary.outcomes] == ["2024D26911"]


def test_all_takes_every_document(api, tmp_path):
    summary, _ = run(api, tmp_path, take_all=True, dry_run=True)
    assert summary.selected == 5


def test_an_api_without_the_annex_relation_still_gives_the_letters(tmp_path):
    server = FakeTkApi(fake_documents(), refuse_expand=True)
    try:
        summary, _ = run(server, tmp_path, dry_run=True)
    finally:
        server.close()
    assert "2013D24680" in [o.document.document_number for o in summary.outcomes]
    assert summary.notes and "Bijlage" in summary.notes[0]


def test_unreachable_api_is_one_clear_error(tmp_path):
    from support.listener import Listener

    closed = Listener()
    closed.close()  # nothing listens on this port any more
    session = PoliteSession(delay=0, retries=1, backoff=0, timeout=2, sleep=lambda s: None)
    with pytest.raises(FetchError) as raised:
        fetch_documents(FetchOptions(out=tmp_path, api_root=f"http://127.0.0.1:{closed.port}/OData/v4/2.0/"), session=session)
    assert "cannot reach the Tweede Kamer API" in str(raised.value) and raised.value.exit_code == 2
    assert json.dumps(str(raised.value)).count("\\n") == 0


def test_regression_a_sidecar_that_is_not_utf8_is_fetched_again_with_a_note(api, tmp_path):
    run(api, tmp_path)
    (tmp_path / "2013D24681.json").write_bytes(b'{"format": "\xff\xfe broken"}')
    summary, _ = run(api, tmp_path)
    assert [o.document.document_number for o in summary.outcomes if o.status == "fetched"] == ["2013D24681"]
    (note,) = [note for note in summary.notes if "2013D24681.json" in note]
    assert "not UTF-8" in note
