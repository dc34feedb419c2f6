"""The HTTP side of a SPARQL 1.1 query endpoint: credentials, URLs fit for messages, one query.

Layering: this module imports nothing from natokg but the base layer (natokg.errors), so
it sits below sparql/ although it lives in remote/: natokg.sparql.run sends queries
through :func:`send_query`, and natokg.remote.push (above sparql/) authenticates its
uploads with the same :func:`endpoint_credentials`. The answer comes back as the server
sent it; turning it into rows is natokg.sparql.run's job.

Credentials come from the environment (NATOKG_ENDPOINT_USER, NATOKG_ENDPOINT_PASSWORD),
never from the command line.
"""

from __future__ import annotations

import os
import re
from typing import Any

from natokg.errors import EndpointError

ENDPOINT_USER_ENV = "NATOKG_ENDPOINT_USER"
ENDPOINT_PASSWORD_ENV = "NATOKG_ENDPOINT_PASSWORD"


def safe_url(url: str) -> str:
    """A URL without user:password@, for messages."""
    return re.sub(r"^([a-z][a-z0-9+.-]*://)[^/@]*@", r"\1", url, flags=re.I)


def endpoint_credentials() -> tuple[str, str] | None:
    """(user, password) from NATOKG_ENDPOINT_USER / NATOKG_ENDPOINT_PASSWORD, if set."""
    user = os.environ.get(ENDPOINT_USER_ENV)
    if not user:
        return None
    return user, os.environ.get(ENDPOINT_PASSWORD_ENV, "")


def send_query(sparql: str, endpoint: str, *, graph_result: bool, timeout: float) -> Any:
    """POST a query to ``endpoint``: the SPARQL JSON results (a dict), or for a
    ``graph_result`` (CONSTRUCT, DESCRIBE) the answer as Turtle. Raises EndpointError."""
    from urllib.error import HTTPError, URLError

    from SPARQLWrapper import JSON, N3, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(endpoint)
    client.setQuery(sparql)
    client.setMethod(POST)
    client.setTimeout(int(timeout))
    credentials = endpoint_credentials()
    if credentials:
        client.setCredentials(*credentials)
    client.setReturnFormat(N3 if graph_result else JSON)
    where = safe_url(endpoint)
    try:
        answer = client.query().convert()
    except HTTPError as error:
        raise EndpointError(f"{where} answered HTTP {error.code} {error.reason}") from None
    except URLError as error:
        raise EndpointError(f"cannot reach {where}: {_reason(error)}; is the server running?") from None
    except SPARQLWrapperException as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise EndpointError(f"{where} refused the query: {first}") from None
    except (OSError, ValueError) as error:
        raise EndpointError(f"{where}: {error}") from None
    if graph_result and not isinstance(answer, (str, bytes)):
        return answer.serialize()
    return answer


def _reason(error) -> str:
    reason = getattr(error, "reason", error)
    text = str(getattr(reason, "strerror", None) or reason)
    return text.lower() if "refused" in text.lower() else text


__all__ = ["ENDPOINT_PASSWORD_ENV", "ENDPOINT_USER_ENV", "endpoint_credentials", "safe_url", "send_query"]
