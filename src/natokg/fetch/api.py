"""The dossier's documents, listed through tkapi over a :class:`PoliteSession`.

tkapi builds the OData queries (its DocumentFilter, paging through
``@odata.nextLink``, the Document fields and ``bestand_url``); it sends them with a bare
``requests.get``, without a User-Agent, pause or retry, so :func:`api_class` gives it a
``_request_json`` that goes through the session instead. The class is made per run, so
two runs against two API roots never share tkapi's class-level ``api_root``.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from tkapi import TKApi
from tkapi.document import Document, DocumentFilter

from natokg.errors import FetchError
from natokg.fetch.http import HttpStatusError, PoliteSession
from natokg.fetch.records import ApiDocument

JSON_FORMAT = "application/json;odata.metadata=full"
#: Navigation properties expanded in the listing: the dossier gives the Kamerstuk number,
#: the annexes ("Bijlage") the letter-annex relation.
DOSSIER_NAVIGATION = "Kamerstukdossier"
ANNEX_NAVIGATION = "Bijlage"


def api_class(session: PoliteSession, api_root: str) -> type[TKApi]:
    """A TKApi whose requests go through ``session`` to ``api_root``."""
    root = api_root if api_root.endswith("/") else api_root + "/"

    class PoliteTKApi(TKApi):
        api_root = root

        @classmethod
        def _request_json(cls, url, params=None, max_items=None):
            url = url.strip()
            params = dict(params or {})
            if "$format" not in url:
                params["$format"] = JSON_FORMAT
            if max_items is not None:
                params["$top"] = max_items
            if root.lower() not in url.lower():
                url = root + url
            response = session.get(url, params)
            if response.status_code in (204, 404):
                return {}
            if response.status_code != 200:
                raise HttpStatusError(response.status_code, response.url)
            try:
                return response.json()
            except ValueError:
                raise FetchError(f"the API at {root} answered {url} with something that is not JSON; "
                                 "check --api-root") from None

    return PoliteTKApi


def _document_class(expand: tuple[str, ...]) -> type[Document]:
    class ListedDocument(Document):
        expand_params = list(expand)

    return ListedDocument


def _dossier_key(item: dict) -> str | None:
    dossiers = item.get(DOSSIER_NAVIGATION) or []
    if not dossiers:
        return None
    first = dossiers[0]
    number, addition = first.get("Nummer"), first.get("Toevoeging")
    if number is None:
        return None
    return f"{number}-{addition}" if addition and "(" not in addition else str(number)


def api_document(item: dict, root: str, *, dossier: str | None = None, annex_of: str | None = None) -> ApiDocument:
    """An ApiDocument from one Document of the API's JSON (tkapi reads the fields)."""
    doc = Document(item)
    annexes = [a for a in (item.get(ANNEX_NAVIGATION) or []) if not a.get("Verwijderd", False)]
    return ApiDocument(
        api_id=doc.id,
        document_number=doc.nummer,
        soort=doc.get_property_or_empty_string("Soort"),
        title=doc.titel,
        subject=doc.onderwerp,
        date=doc.datum,
        vergaderjaar=doc.vergaderjaar,
        version=doc.get_property_or_empty_string("GewijzigdOp"),
        content_type=doc.get_property_or_empty_string("ContentType"),
        content_length=doc.get_property_or_none("ContentLength"),
        resource_url=doc.bestand_url or f"{root}Document({doc.id})/resource",
        document_url=f"{root}Document({doc.id})",
        dossier=_dossier_key(item) or dossier,
        volgnummer=doc.volgnummer,
        annex_ids=tuple(a["Id"] for a in annexes),
        annex_numbers=tuple(a.get("DocumentNummer", "") for a in annexes),
        annex_of=annex_of,
    )


def _filter(dossier: str, since: date | None, until: date | None) -> DocumentFilter:
    number, _, addition = dossier.partition("-")
    if not number.isdigit():
        raise FetchError(f"--dossier {dossier!r} is not a Kamerstukdossier number; pass e.g. --dossier 28676")
    document_filter = Document.create_filter()
    document_filter.filter_dossier(int(number), addition or None)
    if since is not None or until is not None:
        start = datetime.combine(since or date(1800, 1, 1), time())
        end = datetime.combine((until or date(9999, 12, 30)) + timedelta(days=1), time())
        document_filter.filter_date_range(start, end)
    return document_filter


def list_documents(
    session: PoliteSession, api_root: str, dossier: str, since: date | None, until: date | None
) -> tuple[list[ApiDocument], list[str]]:
    """The dossier's documents (oldest first) with their annexes, and notes on what could
    not be listed. An API that refuses the annex expansion (400) is asked again without
    it: the letters are still fetched, without their annex relation."""
    api = api_class(session, api_root)
    notes: list[str] = []
    document_filter = _filter(dossier, since, until)
    try:
        items = api.get_items(_document_class((DOSSIER_NAVIGATION, ANNEX_NAVIGATION)), filter=document_filter)
    except HttpStatusError as error:
        if error.status != 400:
            raise
        notes.append(f"the API refused to expand {ANNEX_NAVIGATION}: annexes are fetched without their letter")
        items = api.get_items(_document_class((DOSSIER_NAVIGATION,)), filter=document_filter)
    return _with_annexes([item.json for item in items], api.api_root, dossier), notes


def _with_annexes(items: list[dict], root: str, dossier: str) -> list[ApiDocument]:
    """Each document, then its annexes (expanded inside it) that the listing lacks."""
    listed = {item.get("Id") for item in items}
    documents: list[ApiDocument] = []
    annex_of: dict[str, str] = {}
    for item in items:
        for annex in item.get(ANNEX_NAVIGATION) or []:
            annex_of[annex.get("Id")] = item.get("DocumentNummer", "")
    for item in items:
        documents.append(api_document(item, root, annex_of=annex_of.get(item.get("Id"))))
        for annex in item.get(ANNEX_NAVIGATION) or []:
            if annex.get("Id") not in listed and not annex.get("Verwijderd", False):
                listed.add(annex.get("Id"))
                documents.append(api_document(annex, root, dossier=dossier, annex_of=item.get("DocumentNummer")))
    return documents


__all__ = ["ANNEX_NAVIGATION", "DOSSIER_NAVIGATION", "api_class", "api_document", "list_documents"]
