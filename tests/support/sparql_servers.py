"""Real SPARQL servers for tests, started on loopback on free ports and stopped after:

- Oxigraph server, the ``oxigraph`` binary of the PyPI package of the same name (test
  extra): query ``/query``, graph store ``/store``, no authentication;
- Virtuoso, ``virtuoso-t`` of the Debian package ``virtuoso-opensource`` (.ci/run
  installs it): a throwaway database in a temp folder with its own virtuoso.ini, query
  ``/sparql``, graph store ``/sparql-graph-crud-auth`` behind digest authentication as
  user dba (a fresh database's dba password is "dba").

``start_*`` return a :class:`RunningServer` or None when the program is not installed,
so that a fixture can skip with the reason.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

VIRTUOSO_USER = "dba"
VIRTUOSO_PASSWORD = "dba"
STARTUP_SECONDS = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class RunningServer:
    name: str
    endpoint: str  # SPARQL query URL
    graph_store: str  # Graph Store Protocol URL
    process: subprocess.Popen
    log: Path
    credentials: tuple[str, str] | None = None
    _files: list = field(default_factory=list)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for handle in self._files:
            handle.close()

    def log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-1500:]
        except OSError:
            return "(no log)"


def _wait_until_answering(server: RunningServer, probe: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(probe, timeout=5):
                return
        except OSError:
            if server.process.poll() is not None or time.monotonic() > deadline:
                server.stop()
                raise RuntimeError(f"{server.name} did not start: {server.log_tail()}") from None
            time.sleep(0.2)


def oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).with_name("oxigraph")
    return str(beside_python) if beside_python.is_file() else shutil.which("oxigraph")


def start_oxigraph(directory: Path) -> RunningServer | None:
    binary = oxigraph_binary()
    if binary is None:
        return None
    port = free_port()
    log_path = directory / "server.log"
    log = open(log_path, "wb")
    process = subprocess.Popen(
        [binary, "serve", "--location", str(directory / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    server = RunningServer("oxigraph", f"{base}/query", f"{base}/store", process, log_path, None, [log])
    _wait_until_answering(server, f"{base}/query?query=ASK%7B%7D")
    return server


def virtuoso_binary() -> str | None:
    return shutil.which("virtuoso-t")


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{isql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 0
CaseMode = 2
AllowOSCalls = 0
DirsAllowed = ., {dir}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
ThreadsPerQuery = 2
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}/vsp
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 120
"""


def start_virtuoso(directory: Path) -> RunningServer | None:
    binary = virtuoso_binary()
    if binary is None:
        return None
    http_port, isql_port = free_port(), free_port()
    (directory / "vsp").mkdir(parents=True, exist_ok=True)
    ini = directory / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=directory, http_port=http_port, isql_port=isql_port))
    log_path = directory / "server.log"
    log = open(log_path, "wb")
    # +foreground: the process is the server, so terminate() stops it (no daemon to find)
    process = subprocess.Popen(
        [binary, "+configfile", str(ini), "+foreground"], cwd=directory,
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{http_port}"
    server = RunningServer(
        "virtuoso", f"{base}/sparql", f"{base}/sparql-graph-crud-auth", process, log_path,
        (VIRTUOSO_USER, VIRTUOSO_PASSWORD), [log],
    )
    _wait_until_answering(server, f"{base}/sparql?query=ASK%7B%7D")
    return server
