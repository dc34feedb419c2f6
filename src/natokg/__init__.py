"""natokg: Dutch government letters to parliament about NATO meetings, as a knowledge graph.

The public API; each function is imported on first use, so ``import natokg`` stays cheap:

- ``map_letter(path)``: one letter file as RDF (natokg.rdf.mapping.LetterGraphs)
- ``build(corpus_dir, store_path=None, ...)``: build or update the store (a BuildSummary)
- ``validate(paths)``: RDF files against the SHACL shapes (a ValidationReport)
- ``run_query(name, store=None, **params)``, also called ``query``: a saved query's rows
- ``open_store(path=None, read_only=True)``: the store of the last build, for ad-hoc SPARQL
  (its default graph the union of the named graphs)

None of these names is also a sub-package's, so ``import natokg.<sub-package>`` never
replaces one of them.
"""

from __future__ import annotations

from natokg.version import __version__

# name -> (module, attribute), imported by __getattr__ when first asked for
_LAZY = {
    "map_letter": ("natokg.pipeline", "map_letter"),
    "build": ("natokg.store.build", "build"),
    "validate": ("natokg.validation.reference", "validate_files"),
}


def run_query(name: str, store=None, **params):
    """Run a saved query by name (or .rq path) on the embedded store: rows as named tuples.

    ``natokg.run_query("topic-history", topic="id:topic/burden-sharing")``; the result has
    ``.columns``, ``.rows`` and ``.to_dataframe()`` (pandas). ``store`` is an open
    pyoxigraph Store (default: the store of the last ``natokg build``).
    """
    from natokg.sparql import run_query as run_saved_query

    return run_saved_query(name, params, store=store)


query = run_query


def open_store(path=None, *, read_only: bool = True):
    """The embedded pyoxigraph store of the last build, for ad-hoc SPARQL.

    Read-only (the default), its default graph is the union of the named graphs, each
    triple once (natokg.store.union): ``store.query("SELECT * { ?s ?p ?o }")`` reads the
    whole dataset and ``GRAPH ?g`` the letter graphs, and ``store.query(q,
    default_graph=pyoxigraph.NamedNode(iri))`` reads one graph. ``read_only=False``
    opens the build itself, whose default graph is empty, for a caller that writes to it.
    """
    if read_only:
        from natokg.store.union import open_union

        return open_union(path)
    from natokg.store.layout import open_store as open_layout_store

    return open_layout_store(path, read_only=False)


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'natokg' has no attribute {name!r}")
    from importlib import import_module

    module, attribute = _LAZY[name]
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = ["build", "map_letter", "open_store", "query", "run_query", "validate"]
