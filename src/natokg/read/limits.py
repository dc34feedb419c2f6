"""Size limits on a letter, checked while it is read, so that a hostile or broken file
is refused in a second with one line instead of exhausting memory or time.

- ``NATOKG_MAX_LETTER_CHARS`` (default 1,000,000): the characters of a letter's text
  (a .txt file's decoded text or the text layer of a PDF, DOCX, HTML or XML file). Real
  letters have 5,000 to 60,000; a text this long is a concatenated corpus or a
  generated file, and spaCy's own ceiling is 1,000,000 characters per document.
- the file itself may be at most 100 bytes per allowed character (100 MB by default:
  a PDF with scanned pages is large for its text), checked before it is read;
- the XML and other parts of a .docx may together expand to at most 50 bytes per
  allowed character (50 MB by default), checked against the sizes the zip declares
  before anything is decompressed (Python's zipfile never returns more than the
  declared size of a member, and a member that holds more fails its CRC check).

- a PDF's content streams (its pages' and forms' drawing instructions, decompressed)
  may hold at most 4 bytes per allowed character (4 MB by default) and at most one
  instruction per two allowed characters (500,000): pypdf parses and runs each
  instruction in Python, about 6 microseconds apiece, whether or not it draws text.
  Real letters use a small fraction of this (a line of text is a few instructions).

Raising ``NATOKG_MAX_LETTER_CHARS`` raises all four.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

from natokg.errors import BadInputError, UnreadableLetterError

MAX_LETTER_CHARS_ENV = "NATOKG_MAX_LETTER_CHARS"
DEFAULT_MAX_LETTER_CHARS = 1_000_000
FILE_BYTES_PER_CHAR = 100
DOCX_BYTES_PER_CHAR = 50
PDF_CONTENT_BYTES_PER_CHAR = 4
PDF_CHARS_PER_OPERATION = 2


def max_letter_chars() -> int:
    """The limit on a letter's text, from ``NATOKG_MAX_LETTER_CHARS`` or the default."""
    value = os.environ.get(MAX_LETTER_CHARS_ENV, "").strip().replace("_", "")
    if not value:
        return DEFAULT_MAX_LETTER_CHARS
    if not value.isdigit() or int(value) < 1:
        raise BadInputError(
            f"{MAX_LETTER_CHARS_ENV}={os.environ[MAX_LETTER_CHARS_ENV]!r} is not a positive "
            f"whole number of characters; unset it or set e.g. {MAX_LETTER_CHARS_ENV}=2000000"
        )
    return int(value)


def _raise_hint(limit: int) -> str:
    return f"set {MAX_LETTER_CHARS_ENV} above {limit} to read it anyway"


def check_letter_file(path: Path) -> None:
    """Refuse, before reading it, what is not a regular file (a pipe or /dev/zero would
    be read forever) or is too large to be one letter. OSError (a missing file) passes
    on to the caller."""
    status = path.stat()
    if stat.S_ISDIR(status.st_mode):
        raise UnreadableLetterError("is a directory, not a letter file", path=path)
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableLetterError("not a regular file (a pipe or device); save the letter as a file", path=path)
    chars = max_letter_chars()
    limit = chars * FILE_BYTES_PER_CHAR
    size = status.st_size
    if size > limit:
        raise UnreadableLetterError(
            f"file of {size} bytes is over the {limit}-byte limit for a letter; "
            f"split it into letters or {_raise_hint(chars)}",
            path=path,
        )


def check_text_length(text: str, path: Path) -> None:
    """Refuse a letter whose text is over the character limit."""
    limit = max_letter_chars()
    if len(text) > limit:
        raise UnreadableLetterError(
            f"text of {len(text)} characters is over the {limit}-character limit for a "
            f"letter; split it into letters or {_raise_hint(limit)}",
            path=path,
        )


def check_docx_sizes(archive: zipfile.ZipFile, path: Path) -> None:
    """Refuse a .docx whose parts would expand beyond the limit (a zip bomb), from the
    sizes the zip declares: nothing is decompressed."""
    chars = max_letter_chars()
    limit = chars * DOCX_BYTES_PER_CHAR
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if total > limit:
            raise UnreadableLetterError(
                f"the .docx expands to over {limit} bytes ({info.filename} and the parts "
                f"before it); it is not a letter, or {_raise_hint(chars)}",
                path=path,
            )


class PdfWork:
    """What reading one PDF's text layer may cost, by the limit on a letter's text: the
    bytes of content streams parsed (``add_content``, before pypdf parses them) and the
    drawing instructions run (``count_operation``, pypdf's visitor, called for the
    instructions of forms too, however often a form is drawn). Past either it raises
    UnreadableLetterError; pypdf swallows errors raised inside a form, so ``check``
    raises it again after each page."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.chars = max_letter_chars()
        self.max_bytes = self.chars * PDF_CONTENT_BYTES_PER_CHAR
        self.max_operations = self.chars // PDF_CHARS_PER_OPERATION
        self.bytes = 0
        self.operations = 0
        self.refusal: UnreadableLetterError | None = None

    def add_content(self, size: int) -> None:
        self.bytes += size
        if self.bytes > self.max_bytes:
            self._refuse(f"its content streams hold over {self.max_bytes} bytes of drawing instructions")

    def count_operation(self, *_visited) -> None:
        self.operations += 1
        if self.operations > self.max_operations:
            self._refuse(f"its pages draw with over {self.max_operations} instructions")

    def check(self) -> None:
        if self.refusal is not None:
            raise self.refusal

    def _refuse(self, what: str) -> None:
        self.refusal = self.refusal or UnreadableLetterError(
            f"{what}, more than a letter's text within the {self.chars}-character limit "
            f"needs; it is not a letter, or {_raise_hint(self.chars)}",
            path=self.path,
        )
        raise self.refusal


__all__ = [
    "DEFAULT_MAX_LETTER_CHARS",
    "PdfWork",
    "MAX_LETTER_CHARS_ENV",
    "check_docx_sizes",
    "check_letter_file",
    "check_text_length",
    "max_letter_chars",
]
