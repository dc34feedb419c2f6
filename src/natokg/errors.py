"""One exception tree for natokg.

Every error the library raises on purpose is a :class:`NatokgError`. Each carries the
exit code the CLI uses and a one-line message that names the file and says how to fix
the problem. Exit codes: 0 ok, 1 findings (violations, skipped letters with --strict),
2 bad input (unreadable file, bad parameter, syntax error).
"""

from __future__ import annotations

from pathlib import Path

EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


class NatokgError(Exception):
    """Base class; ``exit_code`` is what the CLI exits with."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, *, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class BadInputError(NatokgError):
    """Input that cannot be used: unreadable, empty, binary, wrong format."""


class UnreadableLetterError(BadInputError):
    """A letter file that cannot be read or decoded into text."""


class NoMeetingError(BadInputError):
    """A letter in which no NATO meeting can be recognised."""


class ReferenceDataError(NatokgError):
    """The ontology or reference Turtle is missing or malformed."""


class QueryError(BadInputError):
    """A saved query that does not exist, a bad parameter or a SPARQL syntax error."""


class UnsafeQueryError(QueryError):
    """A query that would make outbound requests (SERVICE, LOAD) and is refused."""


class QueryLimitError(QueryError):
    """A query stopped at its deadline or its row cap, or one that stopped the engine."""


class StoreError(NatokgError):
    """The store is missing, locked or not a natokg store."""


class EndpointError(NatokgError):
    """A remote SPARQL endpoint is down, refuses, or answers with an error."""


class MissingDependencyError(NatokgError, ImportError):
    """An optional package a feature needs (pandas for .to_dataframe()) is not installed."""


class FetchError(NatokgError):
    """The Tweede Kamer API cannot be reached, or keeps answering with an error."""
