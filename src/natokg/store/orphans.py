"""Worker processes that end with the build that started them.

A build's workers are forked children that wait for work on a pipe. When the build is
killed (SIGKILL, the OOM killer), nothing tells them: each holds both ends of the pipe
and waits forever under PID 1, keeping its ~200 MB. ``exit_with_parent`` makes a
worker exit within about a second of its parent's death:

- on Linux the kernel sends it SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG);
- everywhere, a daemon thread polls the parent's pid and exits the process when the
  worker has been re-parented or the parent is gone (covers systems without prctl, the
  moment between the fork and the prctl call, and the forkserver start method, where
  the build is not the worker's parent).

A worker holds no state worth saving: the build that started it is gone.
"""

from __future__ import annotations

import os
import signal
import sys
import threading

_PR_SET_PDEATHSIG = 1
POLL_SECONDS = 0.5


def _set_parent_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no libc prctl: the polling thread still works
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else (the pid was reused)
        return True
    return True


def _watch(parent: int, direct: bool) -> None:
    import time

    while True:
        if (direct and os.getppid() != parent) or not _alive(parent):
            os._exit(1)  # no cleanup: the parent and its pipes are gone
        time.sleep(POLL_SECONDS)


def exit_with_parent(parent: int | None = None) -> None:
    """Make this process exit soon after ``parent`` (default: its current parent) dies.

    ``parent`` need not be this process's parent: with the forkserver or spawn start
    methods a pool worker is the child of a helper process, and only the polling
    thread watches the build then."""
    parent = os.getppid() if parent is None else parent
    direct = os.getppid() == parent
    if direct:
        _set_parent_death_signal()
    if (direct and os.getppid() != parent) or not _alive(parent):  # died before the watch
        os._exit(1)
    threading.Thread(target=_watch, args=(parent, direct), name="natokg-parent-watch", daemon=True).start()


__all__ = ["exit_with_parent"]
