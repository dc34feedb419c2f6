"""Export the store: Turtle, N-Triples, N-Quads, TriG, JSON-LD.

- ``nquads`` and ``trig`` keep the named graphs (one per letter + the shared graphs,
  including graph/dataset, the VoID/DCAT description);
- ``turtle``, ``nt`` and ``jsonld`` write the union of the graphs (duplicates merged),
  or one graph with ``graph=`` (a letter key such as ``bz2628703``, a shared graph name
  such as ``reference``, or a full graph IRI);
- a letter's graph comes with what it needs to stand alone (natokg.store.standalone:
  its entities' descriptions, the types and labels of what it names; StandaloneLetter),
  each triple in the graph it comes from, so the export conforms to the shapes on its own;
- line formats are sorted, so the same store always gives the same bytes: N-Triples
  line by line, N-Quads graph by graph (graphs in IRI order, each graph's lines sorted,
  default-graph triples first), so a letter's graph is one block; Turtle and TriG are
  written from that sorted input (subjects grouped, graphs in IRI order);
- a letter's graph is read from the build's file of it (``store_dir``): the exact
  terms the mapper wrote and validated. The store keeps literals in canonical form (it
  gives back "5"^^xsd:nonNegativeInteger as xsd:integer, which the shapes reject), and
  a file is read ~10x faster than RocksDB. Shared graphs, and letters without such a
  file, come from the store;
- JSON-LD is compacted with ontology/context.jsonld, embedded in the output so that
  reading it back needs no network access.

pyoxigraph does the bulk parsing and serialising; rdflib only compacts JSON-LD.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

import pyoxigraph as ox

from natokg.errors import BadInputError, StoreError
from natokg.identifiers import graph_iri
from natokg.namespaces import PREFIXES
from natokg.rdf.formats import SERIALISATION_FORMATS, format_named
from natokg.rdf.jsonld import jsonld_bytes
from natokg.store.snapshot import Snapshot
from natokg.store.standalone import is_letter_graph, letter_context, read_entities

def resolve_graph(store: ox.Store, graph: str) -> ox.NamedNode:
    """A letter key ("bz2628703"), shared graph name ("reference") or graph IRI -> the graph."""
    name = graph if graph.startswith(("http://", "https://", "urn:")) else str(graph_iri(graph))
    node = ox.NamedNode(name)
    if not store.contains_named_graph(node):
        raise BadInputError(
            f"no graph {graph!r} in the store; use a letter key such as bz2628703 "
            "(see `natokg query` or the dataset description in graph/dataset)"
        )
    return node


def sorted_lines(data: bytes) -> bytes:
    """Sort and de-duplicate the lines of an N-Triples / N-Quads document."""
    lines = set(data.split(b"\n"))
    lines.discard(b"")
    return b"".join(line + b"\n" for line in sorted(lines))


_CHANGED = (
    "builds committed while it was read (run the command again) "
    "or the store is damaged (run `natokg build --rebuild`)"
)


@contextmanager
def _store_read() -> Iterator[None]:
    """A store generation deleted under a reader (two builds committed since it was
    opened: natokg.store.snapshot) fails in RocksDB as a missing file."""
    try:
        yield
    except OSError:
        raise StoreError(f"the store's files are gone: {_CHANGED}") from None


class GraphTexts:
    """Each graph of a built store as sorted N-Triples: letter graphs from the build's
    files (exact terms, fast), other graphs from the store."""

    def __init__(
        self, store: ox.Store | Snapshot, store_dir: Path | str | None = None, *,
        files: dict[str, tuple[Path, int]] | None = None,
    ) -> None:
        """``store``: a snapshot (natokg.store.snapshot; its store and its files, one
        build), or a store with ``files``, letter graph IRI -> (file, triples). A store
        with ``store_dir`` takes the files of the build committed now, which is the
        store's own build only if none committed since the store was opened."""
        from natokg.store.layout import letter_graph_files

        if isinstance(store, Snapshot):
            store, files = store.store, store.files
        self.store = store
        if files is None:
            files = letter_graph_files(store_dir) if store_dir is not None else {}
        self.files = files

    def graphs(self) -> list[ox.NamedNode]:
        from natokg.store.layout import list_graphs

        with _store_read():
            return [ox.NamedNode(g) for g in list_graphs(self.store)]

    def ntriples(self, graph: ox.NamedNode | ox.DefaultGraph) -> bytes:
        known = self.files.get(graph.value) if isinstance(graph, ox.NamedNode) else None
        if known is not None:
            path, triples = known
            try:
                data = path.read_bytes()
            except OSError:
                data = None
            if data is not None and data.count(b"\n") == triples:
                return data
            # the store's canonical literals are not what the build validated, and
            # another build's file is not this store's graph: refuse, never substitute
            raise StoreError(
                f"the graph file {path.parent.name}/{path.name} is missing or not the one this build "
                f"wrote: {_CHANGED}",
                path=path.parent.parent,
            )
        with _store_read():
            return sorted_lines(self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph))

    def nquads(self, graph: ox.NamedNode) -> bytes:
        return self.ntriples(graph).replace(b" .\n", b" <" + graph.value.encode("utf-8") + b"> .\n")


class StandaloneLetter(GraphTexts):
    """A letter's graph and its context (natokg.store.standalone) as GraphTexts: those
    graphs and no default graph, so every format writes them as it writes the dataset."""

    def __init__(self, texts: GraphTexts, graph: ox.NamedNode, entities_file: Path | None = None) -> None:
        """``entities_file``: the build's file of the entities this letter described."""
        self.store, self.files = texts.store, texts.files
        letter = texts.ntriples(graph)
        own = read_entities(entities_file) if entities_file is not None else None
        context = letter_context(texts.store, letter, own)
        self.texts = {graph.value: letter}
        for name, triples in context.items():
            self.texts[name] = sorted_lines(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))

    def graphs(self) -> list[ox.NamedNode]:
        return [ox.NamedNode(g) for g in sorted(self.texts)]

    def ntriples(self, graph: ox.NamedNode | ox.DefaultGraph) -> bytes:
        return self.texts.get(graph.value, b"") if isinstance(graph, ox.NamedNode) else b""


def _union_ntriples(texts: GraphTexts) -> bytes:
    """Every triple of every graph once, sorted (the graph names dropped)."""
    lines: set[bytes] = set()
    for graph in [ox.DefaultGraph(), *texts.graphs()]:
        lines.update(texts.ntriples(graph).split(b"\n"))
    lines.discard(b"")
    return b"".join(line + b"\n" for line in sorted(lines))


def _ntriples(texts: GraphTexts, graph: ox.NamedNode | None) -> bytes:
    """One graph's N-Triples, or the union of all graphs when ``graph`` is None."""
    return _union_ntriples(texts) if graph is None else texts.ntriples(graph)


def ntriples(store: ox.Store | Snapshot, graph: ox.NamedNode | None = None, *, store_dir: Path | str | None = None) -> bytes:
    return _ntriples(GraphTexts(store, store_dir), graph)


def write_nquads(texts: GraphTexts, out: BinaryIO, graph: ox.NamedNode | None = None) -> None:
    """The dataset (or one graph) as N-Quads, graph by graph, written as it is read."""
    if graph is not None:
        out.write(texts.nquads(graph))
        return
    out.write(texts.ntriples(ox.DefaultGraph()))
    for named in texts.graphs():
        out.write(texts.nquads(named))


def _nquads(texts: GraphTexts, graph: ox.NamedNode | None = None) -> bytes:
    out = io.BytesIO()
    write_nquads(texts, out, graph)
    return out.getvalue()


def nquads(store: ox.Store | Snapshot, graph: ox.NamedNode | None = None, *, store_dir: Path | str | None = None) -> bytes:
    return _nquads(GraphTexts(store, store_dir), graph)


def _trig(texts: GraphTexts, graph: ox.NamedNode | None) -> bytes:
    # already grouped by graph (IRI order), each graph's triples sorted
    quads = ox.parse(_nquads(texts, graph), ox.RdfFormat.N_QUADS)
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES))


def _turtle(texts: GraphTexts, graph: ox.NamedNode | None) -> bytes:
    data = _ntriples(texts, graph)
    return ox.serialize(ox.parse(data, ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES))


def _jsonld(texts: GraphTexts, graph: ox.NamedNode | None) -> bytes:
    from rdflib import Dataset, Graph

    if graph is not None:
        data = Graph().parse(data=texts.ntriples(graph).decode("utf-8"), format="nt")
    else:
        data = Dataset()
        data.parse(data=_nquads(texts).decode("utf-8"), format="nquads")
    return jsonld_bytes(data)


def _entities_file(store: ox.Store | Snapshot, store_dir: Path | str | None, graph: str) -> Path | None:
    """The build's file of the entities a letter described, when the build is known."""
    from natokg.store.layout import read_manifest

    if isinstance(store, Snapshot):
        directory, manifest = store.directory, store.manifest
    elif store_dir is not None:
        directory = Path(store_dir)
        manifest = read_manifest(directory)
    else:
        return None
    for entry in (manifest.letters.values() if manifest else ()):
        if entry.graph == graph and entry.entities_file:
            return directory / entry.entities_file
    return None


def export(
    store: ox.Store | Snapshot, fmt: str, *, graph: str | None = None, out: BinaryIO,
    store_dir: Path | str | None = None,
) -> None:
    """Write the whole dataset, or one graph, to ``out`` in ``fmt``.

    ``store``: a snapshot (natokg.store.snapshot.open_snapshot), so that letter graphs are
    read from the build's files of them (exact datatypes; much faster), all of one build.
    A pyoxigraph store reads everything from the store, or, with ``store_dir``, the
    letter graphs from the files of the build committed when this is called."""
    fmt = format_named(fmt, SERIALISATION_FORMATS).name
    texts = GraphTexts(store, store_dir)
    node = resolve_graph(texts.store, graph) if graph else None
    if node is not None and is_letter_graph(texts.store, node):  # with what it needs to stand alone
        texts, node = StandaloneLetter(texts, node, _entities_file(store, store_dir, node.value)), None
    if fmt == "nquads":
        write_nquads(texts, out, node)
    elif fmt == "nt":
        out.write(_ntriples(texts, node))
    elif fmt == "turtle":
        out.write(_turtle(texts, node))
    elif fmt == "trig":
        out.write(_trig(texts, node))
    else:
        out.write(_jsonld(texts, node))


__all__ = ["GraphTexts", "StandaloneLetter", "export", "write_nquads", "nquads", "ntriples", "resolve_graph", "sorted_lines"]
