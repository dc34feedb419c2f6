"""What a server serves and how: the store folder, the public namespace, the limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from natokg.namespaces import data_base, namespace_of

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 10_000
# a form or a query body: the query size limit of natokg.sparql.safety plus room for
# form encoding (every byte may become three)
DEFAULT_MAX_BODY_BYTES = 3_000_000
# rendered resource pages and descriptions kept for the next request (the served store
# never changes); bounded so the server's memory is
DEFAULT_CACHE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ServeConfig:
    """``store_dir``: a store folder built by ``natokg build``. ``base``: the public IRI
    namespace of the data; ``/id/REST`` on the server is the IRI ``base + REST``.
    ``timeout`` and ``max_rows`` bound every query; ``max_body_bytes`` every request
    body; ``workers`` is the number of query worker processes (queries run side by side).
    ``public_url``: the server's own address for the dataset description (empty: the
    address each request came to). ``cache_bytes``: the most the rendered resource
    answers kept for repeated requests may take (0: none kept)."""

    store_dir: Path
    base: str = field(default_factory=data_base)
    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    workers: int = 1
    public_url: str = ""
    cache_bytes: int = DEFAULT_CACHE_BYTES

    def __post_init__(self) -> None:
        object.__setattr__(self, "base", namespace_of(self.base))  # base + the path after /id/ is the IRI


__all__ = ["DEFAULT_CACHE_BYTES", "DEFAULT_MAX_BODY_BYTES", "DEFAULT_MAX_ROWS", "DEFAULT_TIMEOUT", "ServeConfig"]
