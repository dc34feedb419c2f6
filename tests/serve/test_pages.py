"""The server-rendered pages: home, resources, letters with highlighted evidence, the
query page, saved queries, search; everything escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote

from support.served_store import MARKUP

NKG = "https://w3id.org/natokg/ontology#"
HAGUE_PATH = "/id/meeting/summit/2025-06-24-the-hague"


class Links(HTMLParser):
    """The anchors of a page: (href, title, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[list[str]] = []
        self.scripts = 0
        self.in_link = False

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            values = dict(attrs)
            self.links.append([values.get("href", ""), values.get("title") or "", ""])
            self.in_link = True
        if tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        if tag == "a":
            self.in_link = False

    def handle_data(self, data):
        if self.in_link:
            self.links[-1][2] += data


def parsed(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def page(client, path: str, status: int = 200) -> str:
    response = client.get(path, headers={"accept": "text/html"})
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def letter_path(client, kind: str = "MeetingReport", markup: bool = False) -> str:
    match = "FILTER(CONTAINS(STR(?t), \"<script>\"))" if markup else "FILTER(!CONTAINS(STR(?t), \"<script>\"))"
    query = f"""SELECT ?l WHERE {{ ?l a <{NKG}{kind}> ; <http://purl.org/dc/terms/title> ?t {match} }} ORDER BY ?l LIMIT 1"""
    iri = client.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["l"]["value"]
    return iri.replace("https://w3id.org/natokg", "")


def test_every_page_has_the_layout_and_no_script(serve_client):
    for path in ("/", "/query", "/queries", "/queries/meetings-timeline", "/ontology", "/search?q=hague", HAGUE_PATH):
        html = page(serve_client, path)
        links = parsed(html)
        hrefs = {link[0] for link in links.links}
        assert {"/", "/query", "/queries", "/charts"} <= hrefs, path
        assert links.scripts == 0, path  # pages work without JavaScript
        assert 'href="/static/style.css"' in html


def test_static_files_are_served(serve_client):
    response = serve_client.get("/static/style.css")
    assert response.status_code == 200 and ".hl-meeting" in response.text


def test_home_counts_what_the_dataset_holds(serve_client):
    html = page(serve_client, "/")
    count = serve_client.get(
        "/sparql", params={"query": f"SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE {{ ?l a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{NKG}Letter> }}"}
    ).json()["results"]["bindings"][0]["n"]["value"]
    assert f"{count} letters" in html
    assert 'href="/queries/recurring-positions"' in html
    assert "Summit" in html


def test_resource_pages_show_labels_not_iris(serve_client):
    links = parsed(page(serve_client, HAGUE_PATH)).links
    data_links = [link for link in links if link[0].startswith("/id/") and link[1]]  # label links carry the IRI as title
    assert len(data_links) > 10
    for href, title, text in data_links:
        assert text.strip() and not text.strip().startswith("http"), (href, text)
        assert title.startswith("https://w3id.org/natokg/id/")
    assert any(href.startswith("/ontology#") for href, _, _ in links)


def test_a_resource_page_shows_its_quotes_linking_to_the_letter(serve_client):
    html = page(serve_client, HAGUE_PATH)
    assert "<blockquote>" in html
    hrefs = re.findall(r'href="(/id/letter/[^"#]+)#ev-(\d+)-(\d+)"', html)
    assert hrefs
    letter, start, end = hrefs[0]
    letter_html = page(serve_client, unquote(letter))
    assert f'id="ev-{start}-{end}"' in letter_html


def test_a_resource_page_lists_incoming_links(serve_client):
    html = page(serve_client, "/id/state/nl")
    assert "Links to it" in html


def test_a_letter_page_highlights_statements_of_each_kind_at_their_offsets(serve_client):
    html = page(serve_client, letter_path(serve_client))
    kinds = set(re.findall(r'<a class="hl hl-(\w+)" id="ev-(\d+)-(\d+)"', html))
    assert {kind for kind, _, _ in kinds} >= {"meeting", "position"}
    assert len({kind for kind, _, _ in kinds}) >= 3
    assert 'id="st-1"' in html  # the statement a click shows
    text = re.search(r'<div class="letter-text">(.*?)</div>', html, re.S).group(1)
    from html import unescape

    plain = unescape(re.sub(r"<[^>]+>", "", text))
    for kind, start, end in kinds:
        quote = re.search(rf'id="ev-{start}-{end}"[^>]*>([^<]*)</a>', html).group(1)
        assert unescape(quote) in plain[int(start) : int(end)] or plain[int(start) : int(end)].startswith(unescape(quote))


def test_a_letter_page_names_its_paired_agenda_or_report(serve_client):
    query = f"""SELECT ?a ?r WHERE {{ ?a a <{NKG}AnnotatedAgenda> ; <{NKG}about> ?m . ?r a <{NKG}MeetingReport> ; <{NKG}about> ?m }}"""
    rows = serve_client.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    assert rows  # Prague 2002 (tests/support/served_store.py)
    agenda, report = rows[0]["a"]["value"], rows[0]["r"]["value"]
    agenda_page = page(serve_client, agenda.replace("https://w3id.org/natokg", ""))
    pairs = agenda_page.split('class="pairs"', 1)[1].split("</p>", 1)[0]
    assert f'title="{report}"' in pairs and f'title="{agenda}"' not in pairs
    report_page = page(serve_client, report.replace("https://w3id.org/natokg", ""))
    assert f'title="{agenda}"' in report_page.split('class="pairs"', 1)[1].split("</p>", 1)[0]


def test_markup_in_a_letter_is_shown_as_text_everywhere(serve_client):
    path = letter_path(serve_client, kind="AnnotatedAgenda", markup=True)
    for where in (path, "/", "/search?q=script", "/query?query=" + "SELECT%20%3Ft%20WHERE%20%7B%20%3Fl%20%3Chttp%3A%2F%2Fpurl.org%2Fdc%2Fterms%2Ftitle%3E%20%3Ft%20%7D"):
        html = page(serve_client, where)
        assert MARKUP not in html, where
        assert "&lt;script&gt;" in html, where
        assert parsed(html).scripts == 0


def test_markup_in_a_query_and_a_parameter_is_escaped(serve_client):
    html = page(serve_client, "/query?query=SELECT%20*%20WHERE%20%7B%20%3Cscript%3E%20%7D", status=400)
    assert "<script>" not in html.split("<main>", 1)[1]
    html = page(serve_client, "/queries/topic-history?topic=%3Cscript%3E", status=400)
    assert "<script>" not in html.split("<main>", 1)[1]


def test_the_query_page_runs_a_query_and_offers_downloads(serve_client):
    query = f"SELECT ?meeting WHERE {{ ?meeting a <{NKG}Summit> }} ORDER BY ?meeting"
    html = serve_client.post("/query", data={"query": query}).text
    links = parsed(html).links
    assert any(href.startswith("/id/meeting/summit/") for href, _, _ in links)
    downloads = [href for href, _, text in links if text in ("CSV", "JSON")]
    assert len(downloads) == 2
    csv = serve_client.get(downloads[0])
    assert csv.status_code == 200 and csv.text.startswith("meeting\r\n")
    assert "<textarea" in html and "Examples" in html


def test_the_query_page_shows_errors_with_the_status(serve_client):
    html = serve_client.get("/query", params={"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).text
    assert "refused" in html
    assert serve_client.get("/query", params={"query": "SELECT * {"}).status_code == 400


def test_saved_queries_list_and_pages(serve_client):
    html = page(serve_client, "/queries")
    from natokg.sparql import list_queries

    for query in list_queries():
        assert f'href="/queries/{query.name}"' in html
    topic = page(serve_client, "/queries/topic-history")
    assert '<input name="topic"' in topic
    assert "row" in topic and "<table" in topic


def test_a_saved_query_page_takes_parameters(serve_client):
    html = page(serve_client, "/queries/topic-history?topic=id%3Atopic%2Fdefence-spending")
    assert 'value="id:topic/defence-spending"' in html
    assert re.search(r"\d+ rows?", html)


def test_an_unknown_saved_query_is_404(serve_client):
    page(serve_client, "/queries/no-such-query", status=404)
    page(serve_client, "/queries/..%2F..%2Fetc%2Fpasswd", status=404)


def test_search_finds_labels(serve_client):
    html = page(serve_client, "/search?q=den%20haag")
    assert 'href="/id/place/the-hague"' in html


def test_the_query_page_examples_open_in_the_editor_and_run(serve_client):
    from html import unescape

    html = page(serve_client, "/query")
    examples = re.findall(r'href="(/query\?query=[^"]+)"', html)
    from natokg.sparql import list_queries

    assert len(examples) == len(list_queries())
    shown = page(serve_client, unescape(examples[0]))
    assert re.search(r"\d+ rows?", shown) and "<textarea" in shown
