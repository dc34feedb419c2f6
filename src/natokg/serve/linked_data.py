"""Linked data: every data IRI dereferences at ``/id/REST``, the ontology at
``/ontology``, the dataset description at ``/.well-known/void`` and ``/dataset``.

Content negotiation follows the usual conventions: the Accept header chooses between
HTML, Turtle, N-Triples and JSON-LD (``Vary: Accept`` on every answer), and a suffix
(``.html``, ``.ttl``, ``.nt``, ``.jsonld``) names one explicitly. An IRI the store does
not know gives 404 with a link to the search.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from natokg.identifiers import DATASET, DATASET_GRAPH, ONTOLOGY_GRAPH_NAME, graph_iri
from natokg.namespaces import NKG, OWL, RDF, RDFS, SKOS
from natokg.rdf.formats import FORMATS
from natokg.serve.describe import describe, description_triples, exists, store_labels
from natokg.serve.letters import paired_letters, pieces, statements
from natokg.serve.negotiation import FOR_GRAPHS, GRAPH_TYPES, HTML, choose
from natokg.serve.pages import ONTOLOGY_NAMESPACE, Site, render_page
from natokg.sparql.result_formats import graph_bytes

OFFERED = [HTML, *GRAPH_TYPES.values()]
SUFFIXES = {FORMATS[name].suffix: FORMATS[name].media_type for name in ("html", *FOR_GRAPHS)}
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"


def negotiated(request: Request) -> str | None:
    return choose(OFFERED, request.headers.get("accept"))


def rdf_response(triples: list[ox.Triple], media_type: str) -> Response:
    return Response(graph_bytes(triples, media_type), media_type=media_type, headers={"Vary": "Accept"})


def not_acceptable() -> Response:
    return PlainTextResponse(
        f"406: none of the formats asked for is served here; ask for one of {', '.join(OFFERED)}\n",
        status_code=406, headers={"Vary": "Accept"},
    )


def resolve(request: Request, rest: str) -> tuple[str | None, str | None]:
    """(IRI, media type) of a ``/id/REST`` request: a known suffix names the format when
    the IRI without it exists; otherwise the whole path is the IRI."""
    site: Site = request.app.state.site
    store = request.app.state.served.store
    for suffix, media_type in SUFFIXES.items():
        if rest.endswith(suffix):
            iri = site.iri_for(rest[: -len(suffix)])
            if exists(store, iri):
                return iri, media_type
    iri = site.iri_for(rest)
    return (iri if exists(store, iri) else None), negotiated(request)


def not_found(request: Request, what: str, hint: str) -> Response:
    if negotiated(request) == HTML:
        return render_page(request, "not_found.html", status_code=404, what=what, hint=hint, labels={})
    return PlainTextResponse(
        f"404: {what} is not in this dataset; search for it at /search?q={quote(hint)}\n",
        status_code=404, headers={"Vary": "Accept"},
    )


# A letter's text layer (identifiers.letter_text_iri): its representation is the text
# itself, the characters every evidence offset counts in; ``.txt`` names it explicitly.
TEXT_LAYER = re.compile(r"letter/([^/]+)/text(\.txt)?")


def text_layer(request: Request, key: str) -> Response:
    served = request.app.state.served
    text = served.letter_text_by_key(key)
    if text is None:
        return not_found(request, request.app.state.site.iri_for(f"letter/{key}/text"), key)
    return PlainTextResponse(text, media_type="text/plain; charset=utf-8", headers={"Vary": "Accept"})


async def resource(request: Request) -> Response:
    rest = request.path_params["rest"]
    layer = TEXT_LAYER.fullmatch(rest)
    # RDF clients asking for Turtle, N-Triples or JSON-LD get the text layer's description
    if layer and (layer.group(2) or negotiated(request) == HTML or "text/plain" in request.headers.get("accept", "")):
        return await run_in_threadpool(text_layer, request, layer.group(1))
    iri, media_type = await run_in_threadpool(resolve, request, rest)
    if iri is None:
        last = rest.rstrip("/").rsplit("/", 1)[-1]
        return not_found(request, request.app.state.site.iri_for(rest), last.replace("-", " "))
    if media_type is None:
        return not_acceptable()
    cache = request.app.state.pages
    key = (iri, media_type, served_url(request))
    cached = cache.get(key)
    if cached is None:
        response = await run_in_threadpool(resource_answer, request, iri, media_type)
        cache.put(key, response.body, response.media_type, response.status_code)
        return response
    body, cached_type, status = cached
    return Response(body, status_code=status, media_type=cached_type, headers={"Vary": "Accept"})


def resource_answer(request: Request, iri: str, media_type: str) -> Response:
    """A resource's page or description (the dataset's own IRI also names the endpoint
    it is served at, as /dataset does)."""
    store = request.app.state.served.store
    if media_type == HTML:
        return resource_page(request, iri)
    if iri == DATASET:
        return rdf_response(dataset_triples(store, served_url(request) + "/sparql"), media_type)
    return rdf_response(description_triples(store, iri), media_type)


def resource_page(request: Request, iri: str) -> Response:
    served = request.app.state.served
    description = describe(served.store, iri)
    letter_classes = request.app.state.overview.letter_classes
    if any(t in letter_classes for t in description.types):
        return letter_page(request, description)
    labels = store_labels(served.store, description.iris())
    return render_page(request, "resource.html", d=description, labels=labels, formats=SUFFIXES)


def letter_page(request: Request, description) -> Response:
    served = request.app.state.served
    graph = next((g for g in description.graphs if served.letter_entry(g)), None)
    entry = served.letter_entry(graph) if graph else None
    text = served.letter_text(entry) if entry else None
    found = statements(served.store, description.iri, request.app.state.overview.kinds)
    pairs = paired_letters(served.store, description.iri)
    iris = description.iris() | set(pairs)
    for statement in found:
        iris |= {statement.thing, *statement.types}
        iris |= {fact[0] for fact in statement.facts}
        iris |= {fact[1].value for fact in statement.facts if isinstance(fact[1], ox.NamedNode)}
    labels = store_labels(served.store, iris)
    return render_page(
        request, "letter.html", d=description, labels=labels, formats=SUFFIXES, entry=entry,
        pieces=pieces(text, found) if text is not None else [], statements=found, pairs=pairs,
        has_text=text is not None,
    )


# ---------------------------------------------------------------- ontology


def ontology_triples(store: ox.Store) -> list[ox.Triple]:
    graph = ox.NamedNode(str(graph_iri(ONTOLOGY_GRAPH_NAME)))
    return [quad.triple for quad in store.quads_for_pattern(None, None, None, graph)]


def ontology_terms(store: ox.Store) -> dict[str, list[dict]]:
    """The ontology's classes and properties: kind -> [{iri, name, label, comment, ...}]."""
    triples = ontology_triples(store)
    by_subject: dict[str, dict[str, list]] = {}
    for triple in triples:
        if isinstance(triple.subject, ox.NamedNode) and triple.subject.value.startswith(ONTOLOGY_NAMESPACE):
            by_subject.setdefault(triple.subject.value, {}).setdefault(triple.predicate.value, []).append(triple.object)
    kinds = {str(OWL.Class): "classes", str(OWL.ObjectProperty): "object properties", str(OWL.DatatypeProperty): "datatype properties"}
    terms: dict[str, list[dict]] = {name: [] for name in kinds.values()}

    def english(values) -> str:
        literals = [v for v in values if isinstance(v, ox.Literal)]
        chosen = next((v for v in literals if v.language == "en"), literals[0] if literals else None)
        return chosen.value if chosen is not None else ""

    for iri, properties in sorted(by_subject.items()):
        kind = next((kinds[t.value] for t in properties.get(str(RDF.type), []) if t.value in kinds), None)
        if kind is None:
            continue
        terms[kind].append({
            "iri": iri,
            "name": iri[len(ONTOLOGY_NAMESPACE):],
            "label": english(properties.get(str(RDFS.label), []) + properties.get(str(SKOS.prefLabel), [])),
            "comment": english(properties.get(str(RDFS.comment), []) + properties.get(str(SKOS.definition), [])),
            "parents": [v for v in properties.get(str(RDFS.subClassOf), []) + properties.get(str(RDFS.subPropertyOf), []) if isinstance(v, ox.NamedNode)],
            "domain": [v for v in properties.get(str(RDFS.domain), []) if isinstance(v, ox.NamedNode)],
            "range": [v for v in properties.get(str(RDFS.range), []) if isinstance(v, ox.NamedNode)],
        })
    return terms


async def ontology(request: Request) -> Response:
    media_type = negotiated(request)
    suffix = request.path_params.get("suffix")
    if suffix:
        media_type = SUFFIXES.get("." + suffix)
        if media_type is None:
            return not_found(request, f"/ontology.{suffix}", "ontology")
    if media_type is None:
        return not_acceptable()
    store = request.app.state.served.store
    if media_type != HTML:
        return rdf_response(await run_in_threadpool(ontology_triples, store), media_type)
    terms = await run_in_threadpool(ontology_terms, store)
    iris = {str(NKG)} | {v.value for group in terms.values() for term in group for key in ("parents", "domain", "range") for v in term[key]}
    labels = await run_in_threadpool(store_labels, store, iris)
    return render_page(request, "ontology.html", terms=terms, labels=labels)


# ---------------------------------------------------------------- dataset


def served_url(request: Request) -> str:
    public = request.app.state.config.public_url
    return (public or str(request.base_url)).rstrip("/")


def dataset_triples(store: ox.Store, endpoint: str) -> list[ox.Triple]:
    """The build's VoID/DCAT description, with the served endpoint: void:sparqlEndpoint
    on the dataset and dcat:accessURL on each distribution."""
    graph = ox.NamedNode(DATASET_GRAPH)
    triples = [quad.triple for quad in store.quads_for_pattern(None, None, None, graph)]
    dataset, endpoint_node = ox.NamedNode(DATASET), ox.NamedNode(endpoint)
    sparql_endpoint, access = ox.NamedNode(VOID + "sparqlEndpoint"), ox.NamedNode(DCAT + "accessURL")
    added = [ox.Triple(dataset, sparql_endpoint, endpoint_node)]
    for triple in triples:
        if triple.subject == dataset and triple.predicate.value == DCAT + "distribution":
            added.append(ox.Triple(triple.object, access, endpoint_node))
    existing = set(triples)
    return triples + [t for t in added if t not in existing]


async def dataset(request: Request) -> Response:
    media_type = negotiated(request)
    if media_type == HTML:
        path = request.app.state.site.path_for(DATASET)
        return RedirectResponse(path or "/", status_code=303, headers={"Vary": "Accept"})
    if media_type is None:
        return not_acceptable()
    triples = await run_in_threadpool(dataset_triples, request.app.state.served.store, served_url(request) + "/sparql")
    return rdf_response(triples, media_type)


__all__ = ["OFFERED", "SUFFIXES", "dataset", "dataset_triples", "ontology", "ontology_terms", "resource", "resource_page"]
