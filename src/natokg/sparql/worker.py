"""The query worker: a persistent process that holds the store open read-only and runs
queries, so that a query past its deadline can be stopped.

pyoxigraph cannot be interrupted from Python: a cartesian product ran 150 s and grew to
2.1 GB with no way to stop it but ending the process. So queries on the store run in a
worker process; the caller waits for the answer until the deadline and, past it, kills
the worker (its memory goes back to the system at once) and starts a new one for the
next query. The worker is started on the first query and kept: a query costs a round
trip through a pipe (benchmarks/RESULTS_QUERIES.md), not a process start.

The worker also closes the door SERVICE would open: on Linux it moves itself into an
empty network namespace before it opens the store (when the kernel allows unprivileged
user namespaces), so even a SERVICE call the safety check missed finds no network. A
crash of the engine (a stack overflow in its parser) ends the worker, not the caller.

Frames on the pipes are an 8-byte length and a pickle; both ends are this module.
"""

from __future__ import annotations

import atexit
import importlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from natokg.errors import NatokgError, QueryError, QueryLimitError, StoreError
from natokg.memory import collector_paused

STARTUP_TIMEOUT = 60.0
_HEADER = struct.Struct(">Q")


# ---------------------------------------------------------------- the worker's side


def _isolate_network() -> bool:
    """Leave the network: a new user and network namespace has only a loopback that is
    down. Linux only, and only where unprivileged user namespaces are allowed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        clone_newuser, clone_newnet = 0x10000000, 0x40000000
        return libc.unshare(clone_newuser | clone_newnet) == 0
    except (OSError, AttributeError):
        return False


def _read_exact(stream, size: int) -> bytes | None:
    chunks, remaining = [], size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _send(stream, message: Any) -> None:
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def serve(directory: str) -> None:
    """The worker's loop: answer (sparql, max_rows, terms, default_graph, media) requests
    until stdin closes; ``media`` (result type, graph type) asks for the answer written
    out (natokg.sparql.engine.execute_serialized) instead of rows."""
    channel_in, channel_out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but frames goes down the channel
    isolated = _isolate_network()
    import pyoxigraph as ox

    importlib.import_module("natokg.sparql.engine")  # loaded here, after the network is isolated

    try:
        store = ox.Store.read_only(directory)
    except OSError as error:
        _send(channel_out, ("error", "StoreError", f"cannot open the store ({error}); rebuild it with `natokg build`", directory))
        return
    _send(channel_out, ("ready", isolated))
    while True:
        header = _read_exact(channel_in, _HEADER.size)
        if header is None:
            return
        sparql, max_rows, terms, default_graph, media = pickle.loads(_read_exact(channel_in, _HEADER.unpack(header)[0]))
        with collector_paused():  # rows are no cycles; collections walking them cost 10%
            _send(channel_out, _answer(store, sparql, max_rows, terms, default_graph, media))


def _answer(store, sparql: str, max_rows, terms: bool, default_graph, media) -> tuple:
    """The message that answers one query: ("ok", ...) or ("error", kind, message, path)."""
    from natokg.sparql.engine import execute, execute_serialized

    try:
        if media is None:
            return ("ok", *execute(store, sparql, max_rows=max_rows, terms=terms, default_graph=default_graph))
        result_type, graph_type = media
        return ("ok", *execute_serialized(
            store, sparql, result_type=result_type, graph_type=graph_type, max_rows=max_rows,
            default_graph=default_graph,
        ))
    except NatokgError as error:
        return ("error", type(error).__name__, error.message, error.path)
    except Exception as error:  # an engine error of a kind natokg does not know
        return ("error", "QueryError", f"the query failed: {type(error).__name__}: {str(error)[:200]}", None)


# ---------------------------------------------------------------- the caller's side

_ERRORS = {cls.__name__: cls for cls in (QueryError, QueryLimitError, StoreError)}


class _Stopped(Exception):
    pass


class QueryWorker:
    """One worker process for one store directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[2])  # the folder holding natokg/
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
        # the library never prints: the worker's stderr goes to a file that only start-up
        # errors are read from
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-c", "import sys; from natokg.sparql.worker import serve; serve(sys.argv[1])", str(directory)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, env=env, close_fds=True,
        )
        self.lock = threading.Lock()
        try:
            answer = self._receive(time.monotonic() + STARTUP_TIMEOUT)
        except _Stopped as stopped:
            self.kill()
            self.log.seek(0)
            lines = [line for line in self.log.read()[-2000:].decode("utf-8", "replace").splitlines() if line.strip()]
            detail = f": {lines[-1].strip()[:200]}" if lines else ""
            raise StoreError(f"the query worker did not start ({stopped}{detail}); check the store", path=directory) from None
        if answer[0] == "error":
            self.kill()
            raise _error(answer)
        self.isolated = bool(answer[1])

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def run(
        self,
        sparql: str,
        max_rows: int | None,
        deadline: float | None,
        timeout: float | None,
        terms: bool = False,
        default_graph: str | None = None,
        media: tuple[str, str] | None = None,
    ) -> tuple:
        """Run one query: (kind, columns, rows), or with ``media`` (result type, graph
        type) the answer written out, (media type, bytes). ``deadline`` is a
        time.monotonic() value, ``timeout`` the allowance it came from (for the
        message); ``terms``: rows of RDF terms; ``default_graph``: the named graph
        queried as the default graph."""
        payload = pickle.dumps((sparql, max_rows, terms, default_graph, media), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.process.stdin.write(_HEADER.pack(len(payload)) + payload)
            self.process.stdin.flush()
            answer = self._receive(deadline)
        except (BrokenPipeError, _Stopped) as stopped:
            timed_out = deadline is not None and time.monotonic() >= deadline
            self.kill()
            if timed_out:
                from natokg.sparql.engine import past_deadline

                raise past_deadline(timeout) from None
            code = self.process.returncode
            how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            raise QueryLimitError(
                f"the query stopped the query engine ({how}: {stopped}); simplify the query "
                "(fewer nested or chained expressions)"
            ) from None
        if answer[0] == "error":
            raise _error(answer)
        return answer[1:]

    def _receive(self, deadline: float | None) -> Any:
        header = self._read(_HEADER.size, deadline)
        return pickle.loads(self._read(_HEADER.unpack(header)[0], deadline))

    def _read(self, size: int, deadline: float | None) -> bytes:
        stream = self.process.stdout
        descriptor = stream.fileno()
        chunks, remaining = [], size
        while remaining:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([descriptor], [], [], wait)
            if not ready:
                raise _Stopped("past the deadline")
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                self.process.wait()
                raise _Stopped("the worker ended")
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)

    def kill(self) -> None:
        """End the worker at once (SIGKILL: a query in the engine ignores anything gentler)."""
        if self.process.poll() is None:
            try:
                self.process.send_signal(signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.log):
            try:
                stream.close()
            except OSError:
                pass


def _error(answer: tuple) -> NatokgError:
    _, name, message, path = answer
    return _ERRORS.get(name, QueryError)(message, path=path)


_workers: dict[tuple[Path, int], QueryWorker] = {}
_pool_lock = threading.Lock()


def worker_for(directory: Path, slot: int = 0) -> QueryWorker:
    """The running worker for a store generation; workers of other generations end.
    ``slot`` numbers the workers of one directory, for a caller that runs several
    queries at once (the server's --workers)."""
    directory = Path(directory).resolve()
    with _pool_lock:
        worker = _workers.get((directory, slot))
        if worker is not None and worker.alive:
            return worker
        for (other, other_slot), stale in list(_workers.items()):
            if (other != directory and other.parent == directory.parent) or not stale.alive:
                stale.kill()
                del _workers[(other, other_slot)]
        worker = _workers[(directory, slot)] = QueryWorker(directory)
        return worker


def run_in_worker(
    directory: Path,
    sparql: str,
    *,
    max_rows: int | None,
    timeout: float | None,
    terms: bool = False,
    slot: int = 0,
    default_graph: str | None = None,
    media: tuple[str, str] | None = None,
):
    """(kind, columns, rows) of a checked query, run by the worker of ``directory``
    (``terms``: rows of natokg.sparql.values.Term instead of Python values; ``slot``:
    which of the directory's workers, see worker_for); with ``media`` (a SPARQL result
    media type, an RDF one) the answer written out by the worker: (media type, bytes)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    worker = worker_for(directory, slot)
    if not worker.lock.acquire(timeout=-1 if timeout is None else timeout):
        from natokg.sparql.engine import past_deadline

        raise past_deadline(timeout)
    try:
        return worker.run(sparql, max_rows, deadline, timeout, terms, default_graph, media)
    finally:
        worker.lock.release()
        if not worker.alive:
            with _pool_lock:
                if _workers.get((worker.directory, slot)) is worker:
                    del _workers[(worker.directory, slot)]


def stop_workers(directory: Path | None = None) -> None:
    """End every query worker, or those of ``directory`` (they also end by themselves
    when this process does)."""
    with _pool_lock:
        for key, worker in list(_workers.items()):
            if directory is None or key[0] == Path(directory).resolve():
                worker.kill()
                del _workers[key]


atexit.register(stop_workers)

__all__ = ["QueryWorker", "run_in_worker", "serve", "stop_workers", "worker_for"]
