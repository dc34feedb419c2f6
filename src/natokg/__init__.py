"""natokg: Dutch government letters to parliament about NATO meetings, as a knowledge graph."""

from __future__ import annotations

__version__ = "0.1.0"


def query(name: str, store=None, **params):
    """Run a saved query by name (or .rq path) on the embedded store: rows as named tuples.

    ``natokg.sparql.run("topic-history", topic="id:topic/burden-sharing")``; the result has
    ``.columns``, ``.rows`` and ``.to_dataframe()`` (pandas). ``store`` is an open
    pyoxigraph Store (default: the store of the last ``natokg build``).
    """
    from natokg.sparql.run import run_query

    return run_query(name, params, store=store)


def open_store(path=None, *, read_only: bool = True):
    """The embedded pyoxigraph store of the last build, for ad-hoc SPARQL (read-only by default)."""
    from natokg.store.layout import open_store as _open_store

    return _open_store(path, read_only=read_only)
