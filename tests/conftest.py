"""Fixtures shared by the test modules of several packages.

tests/ is on sys.path (pytest puts the folder of this rootless conftest there), so
helpers import as ``support.<module>``.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def lexicon():
    """The lexicon read from ontology/ (natokg.knowledge.lexicon)."""
    from natokg.knowledge.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="module")
def seed_store():
    """The five seed letters as corpus/gold/seeds.yaml describes them, in a pyoxigraph
    store laid out as a build lays it out (tests/support/seed_dataset.py)."""
    from support.seed_dataset import build_seed_store

    return build_seed_store()


@pytest.fixture(scope="session")
def served_store_dir(tmp_path_factory):
    """The seed letters and a letter carrying ``<script>`` markup, built into a store
    folder once per session (tests/support/served_store.py)."""
    from support.served_store import build_served_store

    return build_served_store(tmp_path_factory.mktemp("served"))


@pytest.fixture(scope="session")
def serve_app(served_store_dir):
    """The natokg.serve app over ``served_store_dir`` (its copy removed at the end)."""
    from natokg.serve import ServeConfig, create_app

    app = create_app(ServeConfig(served_store_dir, timeout=20.0, max_rows=5_000))
    yield app
    app.state.close()


@pytest.fixture(scope="session")
def serve_client(serve_app):
    """A Starlette TestClient of ``serve_app``."""
    from starlette.testclient import TestClient

    return TestClient(serve_app)


@pytest.fixture(scope="session")
def corpus_store_dir(tmp_path_factory):
    """A store folder built from the real letters in corpus/letters (about 15 s, once per
    session): for the slow tests of what serves and charts a real store."""
    from pathlib import Path

    from natokg.store import build

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    store_dir = tmp_path_factory.mktemp("corpus-store") / "store"
    build(corpus, store_dir, jobs=1)
    return store_dir
