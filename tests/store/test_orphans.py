"""A killed build leaves no worker processes behind (natokg.store.orphans)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {src!r})
    from pathlib import Path
    from natokg.store.build import build
    build(Path(sys.argv[1]), Path(sys.argv[2]), jobs=2)
    """
)


def _children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is ``pid``, from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[1]) == pid:
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
def test_workers_exit_soon_after_the_build_is_killed(tmp_path):
    corpus = tmp_path / "letters"
    corpus.mkdir()
    for path in sorted((ROOT / "corpus" / "letters").glob("*.txt"))[:12]:
        shutil.copy(path, corpus / path.name)
    script = _SCRIPT.format(src=str(ROOT / "src"))
    # the build pauses after its first loaded letter: the workers are up, waiting for work
    env = {**os.environ, "NATOKG_BUILD_PAUSE": "letter:60"}
    process = subprocess.Popen([sys.executable, "-c", script, str(corpus), str(tmp_path / "store")], env=env)
    try:
        deadline = time.time() + 120
        workers: set[int] = set()
        while time.time() < deadline and len(workers) < 2:
            assert process.poll() is None, "the build ended before it could be killed"
            workers = _children(process.pid)
            time.sleep(0.1)
        assert len(workers) == 2, "the build's two workers never started"
        time.sleep(2.0)  # the workers are past their initialiser
        process.send_signal(signal.SIGKILL)
        process.wait()
        deadline = time.time() + 10
        while time.time() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.1)
        left = [pid for pid in workers if _alive(pid)]
    finally:
        process.kill()
        process.wait()
    for pid in left:  # do not leave them to the next test run
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers still alive 10 s after the build was killed: {left}"


def test_a_worker_started_by_a_helper_watches_the_build_not_the_helper():
    """With the forkserver start method the build is not the worker's parent."""
    import multiprocessing

    from natokg.store.orphans import exit_with_parent

    context = multiprocessing.get_context("forkserver")
    with context.Pool(1, initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
        assert pool.apply_async(os.getpid).get(timeout=60) != os.getpid()  # it lives and works
