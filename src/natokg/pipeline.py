"""One letter through the whole pipeline: read -> segment -> extract -> map.

``map_letter`` is what ``natokg map`` and the build's worker processes call.
"""

from __future__ import annotations

from pathlib import Path

from natokg.rdf.mapping import LetterGraphs, map_records


def map_letter(path: Path) -> LetterGraphs:
    """Read, segment, extract and map one letter file, with the provenance of its
    sidecar when it was fetched (natokg.rdf.provenance).

    Raises natokg.errors.BadInputError (UnreadableLetterError, NoMeetingError) with the
    file's path when the letter cannot be used.
    """
    from natokg.extract import extract_letter
    from natokg.rdf.provenance import apply_sidecar, with_provenance
    from natokg.read.reader import read_letter
    from natokg.read.sidecar import read_sidecar
    from natokg.text.segment import segment

    document = read_letter(Path(path))
    records = extract_letter(segment(document))
    sidecar = read_sidecar(Path(path), document.sha256)
    if sidecar is None:  # placed by hand: everything comes from the text
        return map_records(records, document)
    records, notes = apply_sidecar(records, sidecar)
    return with_provenance(map_records(records, document), sidecar, notes)
