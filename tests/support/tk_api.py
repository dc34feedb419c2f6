"""A loopback stand-in for the Tweede Kamer OData API v4 (gegevensmagazijn), for the
fetch tests: a threaded http.server on a free port that answers the requests tkapi
makes, in the API's JSON shape.

- ``GET /Document?$filter=...&$expand=...`` lists the documents of the dossier named in
  the filter (``Kamerstukdossier/any(d: d/Nummer eq N)``, ``Datum ge/lt`` bounds,
  ``Verwijderd eq false``), ``page_size`` at a time with ``@odata.nextLink`` to the
  next page; ``$expand=Kamerstukdossier,Bijlage`` embeds the dossier and the annexes;
- ``GET /Document(id)/resource`` serves a document's file, or the failures a document
  is set up with: ``fail`` = a list of statuses answered before the file (500, 429 with
  Retry-After), ``missing`` = 404 every time.

Every request is recorded (path, query, User-Agent) for the tests to inspect.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


@dataclass
class FakeDocument:
    api_id: str
    number: str
    soort: str
    title: str
    subject: str
    date: str  # ISO date
    content: bytes
    content_type: str
    volgnummer: int | None = None
    dossier: int = 28676
    annexes: list[str] = field(default_factory=list)  # api ids
    fail: list[int] = field(default_factory=list)  # statuses answered before the file
    missing: bool = False
    version: str = "2024-07-01T10:03:00+02:00"
    listed: bool = True  # in the dossier listing itself (an annex may only be embedded)

    def json(self, root: str, documents: dict[str, FakeDocument], expand: list[str]) -> dict:
        item = {
            "@odata.id": f"{root}Document({self.api_id})",
            "Id": self.api_id,
            "Soort": self.soort,
            "DocumentNummer": self.number,
            "Titel": self.title,
            "Onderwerp": self.subject,
            "Datum": f"{self.date}T00:00:00+02:00",
            "Volgnummer": self.volgnummer,
            "Vergaderjaar": "2023-2024",
            "Kamer": 2,
            "Citeertitel": None,
            "Alias": None,
            "Aanhangselnummer": None,
            "ContentType": self.content_type,
            "ContentLength": len(self.content),
            "GewijzigdOp": self.version,
            "Verwijderd": False,
            "#TK.DA.GGM.OData.Resource": {"target": f"{root}Document({self.api_id})/resource", "title": "Resource"},
            "Kamerstukdossier@odata.navigationLink": f"{root}Document({self.api_id})/Kamerstukdossier",
            "Bijlage@odata.navigationLink": f"{root}Document({self.api_id})/Bijlage",
        }
        if "Kamerstukdossier" in expand:
            item["Kamerstukdossier"] = [
                {"Id": f"dossier-{self.dossier}", "Nummer": self.dossier, "Toevoeging": None, "Titel": "NAVO",
                 "Verwijderd": False}
            ]
        if "Bijlage" in expand:
            item["Bijlage"] = [documents[a].json(root, documents, ["Kamerstukdossier"]) for a in self.annexes]
        return item


class FakeTkApi:
    """The server; ``documents`` may be changed between runs (a new version, a new letter)."""

    def __init__(self, documents: list[FakeDocument], *, page_size: int = 2, refuse_expand: bool = False) -> None:
        self.documents = {d.api_id: d for d in documents}
        self.page_size = page_size
        self.refuse_expand = refuse_expand
        self.requests: list[tuple[str, dict[str, list[str]], str]] = []
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.root = f"http://127.0.0.1:{self.server.server_address[1]}/OData/v4/2.0/"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def resource_requests(self, api_id: str) -> int:
        return sum(1 for path, _, _ in self.requests if path.endswith(f"Document({api_id})/resource"))

    def _listing(self, query: dict[str, list[str]]) -> tuple[int, dict]:
        filter_text = query.get("$filter", [""])[0]
        expand = [e.strip() for e in query.get("$expand", [""])[0].split(",") if e.strip()]
        if self.refuse_expand and "Bijlage" in expand:
            return 400, {"error": {"code": "", "message": "Could not find a property named 'Bijlage'"}}
        dossier = re.search(r"Kamerstukdossier/any\(d: d/Nummer eq (\d+)\)", filter_text)
        since = re.search(r"Datum ge (\S+)", filter_text)
        until = re.search(r"Datum lt (\S+)", filter_text)
        if "Verwijderd eq false" not in filter_text or dossier is None:
            return 400, {"error": {"code": "", "message": "unexpected filter " + filter_text}}
        chosen = [
            d for d in sorted(self.documents.values(), key=lambda d: (d.date, d.number))
            if d.listed and d.dossier == int(dossier.group(1))
            and (since is None or d.date >= since.group(1)[:10]) and (until is None or d.date < until.group(1)[:10])
        ]
        skip = int(query.get("$skip", ["0"])[0])
        page = chosen[skip : skip + self.page_size]
        body: dict = {"@odata.context": f"{self.root}$metadata#Document", "value": [
            d.json(self.root, self.documents, expand) for d in page
        ]}
        if skip + self.page_size < len(chosen):
            rest = {k: v[0] for k, v in query.items() if k not in ("$skip", "$format")}
            rest["$skip"] = str(skip + self.page_size)
            body["@odata.nextLink"] = f"{self.root}Document?" + urllib.parse.urlencode(rest)
        return 200, body

    def _resource(self, api_id: str) -> tuple[int, bytes, dict[str, str]]:
        document = self.documents.get(api_id)
        if document is None or document.missing:
            return 404, b'{"error": {"message": "not found"}}', {"Content-Type": "application/json"}
        with self._lock:
            status = document.fail.pop(0) if document.fail else 200
        if status == 429:
            return 429, b"slow down", {"Retry-After": "1", "Content-Type": "text/plain"}
        if status != 200:
            return status, b"server error", {"Content-Type": "text/plain"}
        return 200, document.content, {"Content-Type": document.content_type}

    def _handler(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep the test output clean
                pass

            def do_GET(self) -> None:
                parts = urllib.parse.urlsplit(self.path)
                query = urllib.parse.parse_qs(parts.query)
                api.requests.append((parts.path, query, self.headers.get("User-Agent", "")))
                resource = re.fullmatch(r"/OData/v4/2\.0/Document\(([^)]+)\)/resource", parts.path)
                if resource:
                    status, body, headers = api._resource(resource.group(1))
                elif parts.path == "/OData/v4/2.0/Document":
                    status, data = api._listing(query)
                    body, headers = json.dumps(data).encode("utf-8"), {"Content-Type": "application/json"}
                else:
                    status, body, headers = 404, b"{}", {"Content-Type": "application/json"}
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler
