"""A loopback TCP listener that counts the connections it accepts: the witness that a
refused query made no outbound request (a real socket, not a mock, so any HTTP client
in any language that connects is counted)."""

from __future__ import annotations

import socket
import threading
import time


class Listener:
    def __init__(self) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.port = self.socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.connections = 0
        self._stop = False
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        self.socket.settimeout(0.1)
        while not self._stop:
            try:
                connection, _ = self.socket.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            connection.close()

    def settle(self) -> int:
        """The connection count after a moment for late connects to arrive."""
        time.sleep(0.2)
        return self.connections

    def close(self) -> None:
        self._stop = True
        self._thread.join(timeout=2)
        self.socket.close()
