"""natokg.fetch: the government's letters about NATO meetings from the Tweede Kamer's
open data (OData API v4, through tkapi), each with a provenance sidecar.

``fetch_documents(FetchOptions(...)) -> FetchSummary`` lists a Kamerstukdossier,
chooses the letters and annexes that name a NATO meeting (ontology/reference/document-selection.ttl)
and downloads the new ones; ``natokg fetch`` is its command.
"""

from natokg.fetch.http import USER_AGENT, PoliteSession
from natokg.fetch.records import DEFAULT_API_ROOT, ApiDocument, FetchOptions, FetchOutcome, FetchSummary
from natokg.fetch.run import FetchProgress, fetch_documents
from natokg.fetch.selection import load_selection

__all__ = [
    "DEFAULT_API_ROOT",
    "ApiDocument",
    "FetchOptions",
    "FetchOutcome",
    "FetchProgress",
    "FetchSummary",
    "PoliteSession",
    "USER_AGENT",
    "fetch_documents",
    "load_selection",
]
