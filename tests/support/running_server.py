"""``natokg serve`` started for real (uvicorn in a subprocess) on a free loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx

SRC = Path(__file__).resolve().parents[2] / "src"
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RunningServer:
    def __init__(self, process: subprocess.Popen, url: str, tmpdir: Path) -> None:
        self.process = process
        self.url = url  # http://127.0.0.1:PORT (no trailing slash)
        self.tmpdir = tmpdir  # the server's TMPDIR: its served copy lives there

    def stop(self) -> int:
        """Ctrl-C (SIGINT), as a user stops it; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


@contextmanager
def running_server(store_dir: Path, tmpdir: Path, *options: str) -> Iterator[RunningServer]:
    """``natokg serve --store store_dir`` on a free port until the block ends."""
    port = free_port()
    tmpdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, TMPDIR=str(tmpdir), PYTHONPATH=os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH", "")) if p))
    process = subprocess.Popen(
        [sys.executable, "-m", "natokg", "serve", "--store", str(store_dir), "--port", str(port), *options],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    server = RunningServer(process, f"http://127.0.0.1:{port}", tmpdir)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"natokg serve ended: {process.stderr.read().decode()[-2000:]}")
            try:
                if httpx.get(server.url + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("natokg serve did not answer within a minute")
            time.sleep(0.2)
        yield server
    finally:
        server.stop()


__all__ = ["RunningServer", "free_port", "running_server"]
