"""Warnings of the libraries that read letter files, collected instead of printed.

pypdf reports what it repaired in a damaged PDF ("incorrect startxref pointer", "EOF
marker not found") through ``logging``; with no handler configured Python prints those
on stderr, without the file's name, from whichever worker process read it. Collected
here, they reach the build report and ``natokg map`` next to the letter they concern.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterator

# the loggers of the readers (children such as "pypdf._reader" report through them)
READER_LOGGERS = ("pypdf",)
MAX_WARNINGS = 5  # per letter: a badly damaged PDF repeats itself


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = " ".join(record.getMessage().split())
        except Exception:  # a malformed log call must not fail the letter
            return
        if text and text not in self.messages and len(self.messages) < MAX_WARNINGS:
            self.messages.append(text)


@contextmanager
def collected_reader_warnings() -> Iterator[list[str]]:
    """While the block runs, the readers' warnings go into the yielded list (one line
    each, distinct, at most MAX_WARNINGS) and nowhere else."""
    collector = _Collector()
    loggers = [logging.getLogger(name) for name in READER_LOGGERS]
    saved = [logger.propagate for logger in loggers]
    for logger in loggers:
        logger.addHandler(collector)
        logger.propagate = False
    try:
        yield collector.messages
    finally:
        for logger, propagate in zip(loggers, saved):
            logger.removeHandler(collector)
            logger.propagate = propagate


__all__ = ["MAX_WARNINGS", "READER_LOGGERS", "collected_reader_warnings"]
