"""Find the letter files of a corpus folder, and report what cannot be read instead of
passing over it in silence.

A letter that is a broken or looping symbolic link, a FIFO or device, sits in a folder
that cannot be listed, or cannot be opened, is a letter the user expects in the store:
each becomes a skipped letter with a one-line reason (natokg.store.build).
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from natokg.errors import BadInputError
from natokg.read.sidecar import sidecar_path
from natokg.read.text_layers import LETTER_SUFFIXES


def _problem(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop; point the link at a letter file or remove it"
    if error.errno == errno.ENOENT:
        return "broken symbolic link (its target is missing); fix or remove the link"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied; make it readable (chmod a+r) or move it out of the corpus"
    return f"cannot be read ({os.strerror(error.errno) if error.errno else 'input/output error'}); copy the file again"


def scan_letters(corpus_dir: Path) -> tuple[dict[str, Path], dict[str, str]]:
    """(letter files by their posix path relative to ``corpus_dir``, sorted;
    relative path -> why it cannot be read). Hidden files and folders are passed over,
    as are files without a letter suffix; symbolic links to folders are not followed
    (a link back up the tree would list the corpus forever) and are reported."""
    if not corpus_dir.is_dir():
        raise BadInputError("no such corpus directory; pass the folder holding the letters", path=corpus_dir)
    found: dict[str, Path] = {}
    problems: dict[str, str] = {}

    def on_error(error: OSError) -> None:
        if not error.filename or Path(error.filename) == corpus_dir:
            raise BadInputError(f"cannot list the corpus folder: {_problem(error)}", path=corpus_dir)
        problems[Path(error.filename).relative_to(corpus_dir).as_posix() + "/"] = _problem(error)

    for folder, subfolders, files in os.walk(corpus_dir, onerror=on_error):
        base = Path(folder)
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in list(subfolders):
            if (base / name).is_symlink():
                subfolders.remove(name)
                relative = (base / name).relative_to(corpus_dir).as_posix()
                problems[relative + "/"] = "link to a folder, not followed; copy or move the letters into the corpus"
        for name in files:
            if name.startswith("."):
                continue
            path = base / name
            relative = path.relative_to(corpus_dir).as_posix()
            suffix_is_letter = path.suffix.lower() in LETTER_SUFFIXES
            try:
                mode = path.stat().st_mode  # follows a link: its target must be a file
            except OSError as error:
                if suffix_is_letter or path.is_symlink():
                    problems[relative] = _problem(error)
                continue
            if stat.S_ISDIR(mode):
                continue  # a link to a folder os.walk lists as a file: reported above
            if not suffix_is_letter:
                continue
            if not stat.S_ISREG(mode):
                problems[relative] = "not a regular file (a pipe or device); save the letter as a file"
                continue
            found[relative] = path
    return dict(sorted(found.items())), dict(sorted(problems.items()))


def hash_letters(letters: dict[str, Path]) -> tuple[dict[str, str], dict[str, str]]:
    """(relative path -> sha256 of what the letter is mapped from; relative path -> why it
    could not be read). That is the file, and its provenance sidecar when it was fetched
    (natokg.read.sidecar): a sidecar written or changed later maps the letter again."""
    hashes: dict[str, str] = {}
    problems: dict[str, str] = {}
    for name, path in letters.items():
        try:
            with open(path, "rb") as handle:
                digest = hashlib.file_digest(handle, "sha256")
            sidecar = sidecar_path(path)
            if sidecar.is_file():
                digest.update(sidecar.read_bytes())
            hashes[name] = digest.hexdigest()
        except OSError as error:
            problems[name] = _problem(error)
    return hashes, problems


__all__ = ["hash_letters", "scan_letters"]
