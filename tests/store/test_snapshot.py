"""Readers see one build: store generation, manifest and letter graph files together
(natokg.store.snapshot), even when a build commits while they read."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from natokg.errors import StoreError
from natokg.store.export import export, nquads
from natokg.store.layout import open_store
from natokg.store.snapshot import open_snapshot
from support.fake_corpus import fake_build, fake_letter_text, write_fake_corpus


def _export(source) -> bytes:
    out = io.BytesIO()
    export(source, "nquads", out=out)
    return out.getvalue()


def _change_every_letter(corpus: Path, amount: str) -> None:
    for number in range(3):
        (corpus / f"{number:03d}_fake.txt").write_text(fake_letter_text(number, amount=amount), encoding="utf-8")


@pytest.fixture()
def built(tmp_path):
    corpus = write_fake_corpus(tmp_path / "letters", 3)
    store_dir = tmp_path / "store"
    fake_build(corpus, store_dir)
    return corpus, store_dir


def test_an_export_started_before_a_commit_is_all_of_the_old_build(built):
    corpus, store_dir = built
    with open_snapshot(store_dir) as snapshot:
        before = _export(snapshot)
    with open_snapshot(store_dir) as snapshot:
        _change_every_letter(corpus, "4")
        (corpus / "003_fake.txt").write_text(fake_letter_text(3), encoding="utf-8")
        fake_build(corpus, store_dir)  # commits between opening and exporting
        during = _export(snapshot)
    assert during == before
    after = _export(open_snapshot(store_dir))
    assert after != before and b'#amount> "4.0"^^' in after  # the new build, exact literals
    assert b'#amount> "4.0"^^' not in during


def test_the_cli_export_reads_one_build(built, monkeypatch, tmp_path):
    """`natokg export` with a build committing right after it opened the store."""
    from natokg.cli import app
    from natokg.store import snapshot as snapshot_module

    corpus, store_dir = built
    before = _export(open_snapshot(store_dir))
    real_open = snapshot_module.open_snapshot

    def open_then_commit(path=None):
        opened = real_open(path)
        _change_every_letter(corpus, "4")
        fake_build(corpus, store_dir)
        return opened

    monkeypatch.setattr(snapshot_module, "open_snapshot", open_then_commit)
    output = tmp_path / "out.nq"
    result = CliRunner().invoke(app, ["export", "--store", str(store_dir), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_bytes() == before


def test_a_store_opened_apart_from_its_files_fails_rather_than_mixing(built):
    """open_store and the files named by store_dir, once the files it was built with
    are gone: an error, never the store's canonical literals in their place."""
    corpus, store_dir = built
    opened = open_store(store_dir, read_only=True)
    _change_every_letter(corpus, "4")
    fake_build(corpus, store_dir)
    _change_every_letter(corpus, "5")
    fake_build(corpus, store_dir)  # the first build's graph files are gone now
    with pytest.raises(StoreError, match="builds committed while it was read \\(run the command again\\)"):
        nquads(opened, store_dir=store_dir)


def test_a_snapshot_outlived_by_two_builds_fails_rather_than_mixing(built):
    corpus, store_dir = built
    snapshot = open_snapshot(store_dir)
    for amount in ("4", "5"):
        _change_every_letter(corpus, amount)
        fake_build(corpus, store_dir)
    with pytest.raises(StoreError) as caught:
        _export(snapshot)
    assert "run the command again" in str(caught.value) and "\n" not in str(caught.value)


def test_push_sends_the_snapshot_it_was_given(built, monkeypatch):
    import urllib.parse

    import pyoxigraph as ox

    from natokg.remote import push as push_module
    from natokg.store.export import GraphTexts
    from natokg.store.layout import list_graphs

    corpus, store_dir = built
    snapshot = open_snapshot(store_dir)
    texts = GraphTexts(snapshot)
    expected = {graph: texts.ntriples(ox.NamedNode(graph)) for graph in list_graphs(snapshot.store)}
    _change_every_letter(corpus, "4")
    fake_build(corpus, store_dir)  # commits after the snapshot was taken
    sent: dict[str, bytes] = {}

    class Client:
        retried = 0

        def __init__(self, *args) -> None:
            pass

        def authenticate(self, url) -> None:
            pass

        def request(self, method, url, payload, headers, what):
            sent[urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["graph"][0]] = payload

    monkeypatch.setattr(push_module, "_Client", Client)
    monkeypatch.setattr(push_module, "_remote_counts", lambda client, endpoint: {})
    push_module.push(snapshot, "http://localhost:1/query")
    assert sent == expected
