"""What the served dataset holds, counted once when the server starts (the served copy
never changes): letters by kind, meetings by kind, the years covered, the letters list."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from natokg.namespaces import DCTERMS, NKG, RDFS
from natokg.serve.describe import count_instances, store_labels
from natokg.serve.letters import class_kinds

LETTER_KINDS = ("AnnotatedAgenda", "MeetingReport", "Memo", "OtherDocument")
MEETING_KINDS = ("Summit", "ForeignMinistersMeeting", "DefenceMinistersMeeting", "CouncilSession", "ExternalMeeting")
HOME_LETTERS = 200  # the newest letters listed on the home page; the rest by query
COUNTED = ("Letter", "Meeting", "Person", "Commitment", "Position", "Participation", "Evidence")


@dataclass
class LetterRow:
    iri: str
    date: str
    kind: str
    title: str
    about: str | None


@dataclass
class Overview:
    """``counts``: class local name -> instances (subclasses included for Letter and
    Meeting); ``kinds``: class IRI -> the colour kind of letter pages; ``letter_classes``:
    nkg:Letter and its subclasses."""

    counts: dict[str, int] = field(default_factory=dict)
    letter_kinds: dict[str, int] = field(default_factory=dict)
    meeting_kinds: dict[str, int] = field(default_factory=dict)
    years: tuple[int, int] | None = None
    letters: list[LetterRow] = field(default_factory=list)
    triples: int = 0
    kinds: dict[str, str] = field(default_factory=dict)
    letter_classes: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)


def _subclasses(store: ox.Store, root: str) -> set[str]:
    query = f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>* <{root}> }}"
    return {solution["c"].value for solution in store.query(query)} | {root}


def _count_of(store: ox.Store, classes: set[str]) -> int:
    values = " ".join(f"<{c}>" for c in sorted(classes))
    query = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?c {{ {values} }} ?s a ?c }}"
    return int(next(iter(store.query(query)))["n"].value)


def _letters(store: ox.Store, classes: set[str]) -> list[LetterRow]:
    values = " ".join(f"<{c}>" for c in sorted(classes))
    query = f"""SELECT ?letter (SAMPLE(?d) AS ?date) (SAMPLE(?k) AS ?kind) (SAMPLE(?t) AS ?title) (SAMPLE(?m) AS ?about)
        WHERE {{ VALUES ?k {{ {values} }} ?letter a ?k .
                OPTIONAL {{ ?letter <{DCTERMS.date}> ?d }} OPTIONAL {{ ?letter <{DCTERMS.title}> ?t }}
                OPTIONAL {{ ?letter <{NKG.about}> ?m }} }}
        GROUP BY ?letter"""
    rows = []
    for solution in store.query(query):
        kind = solution["kind"]
        rows.append(LetterRow(
            solution["letter"].value,
            solution["date"].value if solution["date"] is not None else "",
            kind.value if kind is not None else str(NKG.Letter),
            solution["title"].value if solution["title"] is not None else "",
            solution["about"].value if solution["about"] is not None else None,
        ))
    return sorted(rows, key=lambda row: (row.date, row.iri), reverse=True)


def overview(store: ox.Store) -> Overview:
    result = Overview(kinds=class_kinds(store), letter_classes=_subclasses(store, str(NKG.Letter)))
    for name in COUNTED:
        classes = _subclasses(store, str(NKG[name])) if name in ("Letter", "Meeting", "Person") else {str(NKG[name])}
        result.counts[name] = _count_of(store, classes)
    result.letter_kinds = {name: count_instances(store, str(NKG[name])) for name in LETTER_KINDS}
    result.meeting_kinds = {name: count_instances(store, str(NKG[name])) for name in MEETING_KINDS}
    result.letters = _letters(store, result.letter_classes - {str(NKG.Letter)})
    years = sorted(int(row.date[:4]) for row in result.letters if row.date[:4].isdigit())
    result.years = (years[0], years[-1]) if years else None
    result.triples = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    iris = {row.iri for row in result.letters} | {row.kind for row in result.letters}
    iris |= {row.about for row in result.letters if row.about}
    iris |= {str(NKG[name]) for name in (*LETTER_KINDS, *MEETING_KINDS)}
    result.labels = store_labels(store, iris)
    return result


__all__ = ["LetterRow", "Overview", "overview"]
