"""Server-rendered pages: the Jinja2 environment, :func:`render_page`, and the
``label_link`` filter that shows a term as its label linked to its page.

Templates live in ``templates/`` (``base.html`` is the layout: blocks ``title`` and
``content``); autoescape is on for every template, so text from letters and queries is
always escaped. A page's view passes ``labels`` (IRI -> label) for the IRIs it shows;
``label_link`` reads them and ``site`` (how IRIs map onto the server's paths) from the
template context.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse

from natokg.namespaces import NKG, PREFIXES
from natokg.sparql.values import Term, prefixed
from natokg.version import __version__

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"
ONTOLOGY_NAMESPACE = str(NKG)
ONTOLOGY_IRI = ONTOLOGY_NAMESPACE.rstrip("#")
DATA_PATH = "/id/"


@dataclass(frozen=True)
class Site:
    """How IRIs map onto the server: ``base + REST`` is served at ``/id/REST``, the
    ontology's terms at ``/ontology#NAME``; other IRIs link to themselves."""

    base: str

    def path_for(self, iri: str) -> str | None:
        if iri.startswith(self.base):
            return DATA_PATH + quote(iri[len(self.base):], safe="/-_.~:@!$&'()*+,;=")
        if iri.startswith(ONTOLOGY_NAMESPACE):
            return "/ontology#" + quote(iri[len(ONTOLOGY_NAMESPACE):], safe="-_.~")
        if iri == ONTOLOGY_IRI:
            return "/ontology"
        return None

    def iri_for(self, rest: str) -> str:
        """The data IRI a ``/id/REST`` path stands for."""
        return self.base + rest

    def prefixes(self) -> dict[str, str]:
        return {**PREFIXES, "id": self.base}


def _parts(term) -> tuple[str, str, str | None]:
    """(kind, value, language) of a term of any of the forms pages meet."""
    if isinstance(term, Term):
        return term.kind, term.value, term.lang
    if isinstance(term, ox.NamedNode):
        return "uri", term.value, None
    if isinstance(term, ox.BlankNode):
        return "bnode", term.value, None
    if isinstance(term, ox.Literal):
        return "literal", term.value, term.language
    return "uri", str(term), None


def term_label(labels: dict[str, str], site: Site, iri: str) -> str:
    return labels.get(iri) or prefixed(iri, site.prefixes())


@pass_context
def label_link(context, term) -> Markup:
    """A term as HTML: an IRI as its label linked to its page (the IRI in the title), a
    literal as its text (with its language), nothing for None."""
    if term is None:
        return Markup("")
    site: Site = context["site"]
    labels: dict[str, str] = context.get("labels") or {}
    kind, value, language = _parts(term)
    if kind == "literal":
        tag = Markup(' <span class="lang">@{}</span>').format(language) if language else ""
        return Markup("{}{}").format(value, tag)
    if kind == "bnode":
        return Markup("<span class=\"bnode\">_:{}</span>").format(value)
    href = site.path_for(value) or value
    return Markup('<a href="{}" title="{}">{}</a>').format(href, value, term_label(labels, site, value))


def iri_terms(rows) -> set[str]:
    """The IRIs in result rows (to look their labels up at once)."""
    found = set()
    for row in rows:
        for term in row:
            if term is not None:
                kind, value, _ = _parts(term)
                if kind == "uri":
                    found.add(value)
    return found


def make_environment(site: Site) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["label_link"] = label_link
    environment.filters["urlquote"] = lambda text: quote(str(text), safe="")
    environment.globals.update(site=site, version=__version__, path_for=site.path_for, ontology_ns=ONTOLOGY_NAMESPACE)
    return environment


def render_page(request: Request, template_name: str, status_code: int = 200, **context) -> HTMLResponse:
    """Render ``template_name`` with ``context`` (plus ``request``) as an HTML response."""
    environment: Environment = request.app.state.templates
    html = environment.get_template(template_name).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code, headers={"Vary": "Accept"})


__all__ = ["DATA_PATH", "ONTOLOGY_IRI", "ONTOLOGY_NAMESPACE", "STATIC", "Site", "iri_terms", "label_link", "make_environment", "render_page", "term_label"]
