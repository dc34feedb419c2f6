"""``natokg serve``: the store as a SPARQL endpoint, linked data and pages (natokg.serve)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from natokg.errors import BadInputError
from natokg.namespaces import is_data_namespace

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
err = Console(stderr=True, highlight=False, soft_wrap=True)


KEEP_ALIVE_SECONDS = 75


def _checked_base(base: str | None) -> str | None:
    if base is None:
        return None
    if not is_data_namespace(base):
        raise BadInputError(
            f"--base {base!r} is not an absolute http(s) IRI without a query or fragment; "
            "give the data namespace, e.g. https://w3id.org/natokg/id/"
        )
    return base


def serve_command(
    store: Annotated[
        Optional[Path], typer.Option("--store", "-s", help="The store folder (default: NATOKG_STORE or the user data folder).")
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback unless told otherwise).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="Port to listen on.", min=0, max=65535)] = 8000,
    base: Annotated[
        Optional[str], typer.Option("--base", help="The public IRI namespace served at /id/ (default: NATOKG_BASE or https://w3id.org/natokg/id/).")
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Stop each query after this many seconds.", min=0.001)] = 30.0,
    max_rows: Annotated[int, typer.Option("--max-rows", help="Stop each query past this many rows.", min=1)] = 10_000,
    workers: Annotated[int, typer.Option("--workers", help="Query worker processes (queries run side by side).", min=1)] = 1,
) -> None:
    """Serve the store read-only: a SPARQL 1.1 endpoint at /sparql, every IRI at /id/...,
    and pages to browse, query and read the letters. Ctrl-C stops it.

    Example: natokg serve --port 8000, then open http://127.0.0.1:8000/
    """
    import uvicorn

    from natokg.serve import ServeConfig, create_app
    from natokg.store.layout import resolve_store_path

    directory = resolve_store_path(store)
    options = {"base": _checked_base(base)} if base else {}
    config = ServeConfig(directory, timeout=timeout, max_rows=max_rows, workers=workers, **options)
    app = create_app(config)
    if host not in LOOPBACK:
        err.print(f"natokg: warning: listening on {host}, reachable from other machines", markup=False)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"natokg: serving {directory} at http://{shown}:{port}/ (Ctrl-C stops)", markup=False)
    # an idle connection is kept open longer than clients keep theirs (httpx, requests
    # and browsers: 5 to 60 s), so a client never sends on one the server is closing
    uvicorn.run(app, host=host, port=port, log_level="warning", lifespan="on", timeout_keep_alive=KEEP_ALIVE_SECONDS)


__all__ = ["serve_command"]
