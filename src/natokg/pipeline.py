"""One letter through the whole pipeline: read -> segment -> extract -> map.

``map_letter`` is what ``natokg map`` and the build's worker processes call.
"""

from __future__ import annotations

from pathlib import Path

from natokg.rdf.mapping import LetterGraphs, map_records


def map_letter(path: Path) -> LetterGraphs:
    """Read, segment, extract and map one letter file.

    Raises natokg.errors.BadInputError (UnreadableLetterError, NoMeetingError) with the
    file's path when the letter cannot be used.
    """
    from natokg.extract import extract_letter
    from natokg.read.reader import read_letter
    from natokg.text.segment import segment

    document = read_letter(Path(path))
    records = extract_letter(segment(document))
    return map_records(records, document)
