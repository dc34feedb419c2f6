"""Every graph name and data IRI pattern of natokg (docs/architecture.md, "Identifiers").

Data IRIs live under the data namespace (``natokg.namespaces.iri``, NATOKG_BASE);
content-derived nodes (commitments, positions, participations, observations) are a
hash of their canonical content, so the same statement in three letters is one node.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import URIRef

from natokg.namespaces import content_hash, iri, slugify
from natokg.records import ActorRef, Commitment, MeetingRef, Observation, Participation, Position, PostRef

# ---------------------------------------------------------------- named graphs


def graph_iri(name: str) -> URIRef:
    """``graph/{name}``: a shared graph (``graph/reference``) or a letter's (``graph/{key}``)."""
    return iri("graph", name)


def letter_graph_iri(key: str) -> URIRef:
    return graph_iri(key)


ONTOLOGY_GRAPH_NAME = "ontology"
REFERENCE_GRAPH = str(graph_iri("reference"))
ENTITIES_GRAPH = str(graph_iri("entities"))
PAIRING_GRAPH = str(graph_iri("pairing"))
ANNEXES_GRAPH = str(graph_iri("annexes"))  # letter-annex links of fetched letters
MEETING_IDENTITY_GRAPH = str(graph_iri("meeting-identity"))  # a meeting known by its month = a dated one
DATASET_GRAPH = str(graph_iri("dataset"))

# Scratch graphs of the compiled validator's in-memory store (never exported).
VALIDATION_CONTEXT_GRAPH = "urn:natokg:validation:context"
VALIDATION_LETTER_GRAPH_PREFIX = "urn:natokg:validation:letter:"


def skolem_iri(graph: str, label: str) -> str:
    """A blank node of a shared graph as a stable IRI (RDF 1.1 section 3.5)."""
    return f"{graph}/.well-known/genid/{label}"


# ---------------------------------------------------------------- dataset description

DATASET = str(iri("dataset"))


def dataset_partition_iri(kind: str, name: str) -> str:
    """``dataset/class/{name}`` or ``dataset/property/{name}`` (VoID partitions)."""
    return str(iri("dataset", kind, name))


def distribution_iri(fmt: str) -> str:
    return str(iri("dataset", "distribution", fmt))


def dump_iri(file_name: str) -> str:
    """``dataset/{file}``: where a dump of the dataset is published by default."""
    return str(iri("dataset", file_name))


# ---------------------------------------------------------------- entities

ACTOR_PATHS = {"state": "state", "organisation": "org", "group": "group", "person": "person"}


def actor_iri(actor: ActorRef) -> URIRef:
    return iri(ACTOR_PATHS[actor.kind], actor.key)


def state_iri(key: str) -> URIRef:
    return iri("state", key)


def modality_iri(slug: str) -> URIRef:
    return iri("modality", slug)


def stance_iri(slug: str) -> URIRef:
    return iri("stance", slug)


SUBJECT_KEY_LENGTH = 60  # characters of a session's subject in its IRI


def subject_key(name: str) -> str:
    """The name key of a session known by its subject ("sessie over de defensie-industrie"
    -> "sessie-over-de-defensie-industrie"), at most SUBJECT_KEY_LENGTH characters, cut
    between words."""
    key = slugify(name)
    if len(key) <= SUBJECT_KEY_LENGTH:
        return key
    return key[: SUBJECT_KEY_LENGTH + 1].rsplit("-", 1)[0]


def meeting_iri(ref: MeetingRef) -> URIRef:
    """``meeting/{kind}/{start}-{city}`` (``{month}-{city}`` for a meeting known by its
    month alone: ``meeting/defence-ministers/2008-02-vilnius``); a session hangs below its
    parent meeting."""
    place = ref.city or ref.name_key or "unnamed"
    if ref.parent is not None:
        local = f"{ref.kind}-{ref.name_key or place}"
        if ref.start is not None:
            local += f"-{ref.start.isoformat()}"
        return URIRef(f"{meeting_iri(ref.parent)}/{local}")
    when = ref.start.isoformat() if ref.start is not None else ref.month
    if ref.month and ref.start is None and not (ref.city or ref.name_key):
        return iri("meeting", ref.kind, when)  # "in oktober": the month is all a letter says
    local = f"{when}-{place}" if when else place
    return iri("meeting", ref.kind, local)


def post_iri(post: PostRef) -> URIRef:
    return iri("post", post.of.key, post.office)


def letter_iri(key: str) -> URIRef:
    return iri("letter", key)


def letter_text_iri(key: str) -> URIRef:
    """The letter's text layer, the text evidence offsets count in (served as text/plain)."""
    return iri("letter", key, "text")


def evidence_iri(key: str, start: int, end: int) -> URIRef:
    return iri("evidence", key, f"{start}-{end}")


# the W3C Web Annotation selectors of an evidence node
EVIDENCE_SELECTORS = ("position", "quote")


def selector_iri(evidence: URIRef, kind: str) -> URIRef:
    return URIRef(f"{evidence}/{kind}")


def kamerstuk_iri(dossier: str, number: str) -> URIRef:
    """``kamerstuk/{dossier}-{number}``: a numbered parliamentary paper (28676-499,
    36200-V-12 for number 12 of dossier 36200 with the toevoeging V)."""
    return iri("kamerstuk", f"{dossier}-{number}")


def dossier_iri(dossier: str) -> URIRef:
    """``dossier/{number}``: a Kamerstukdossier (28676, 36200-V), what a fetched letter is part of."""
    return iri("dossier", dossier)


# A dossier: its number ("36 200" or "36200"), then a toevoeging: a Roman numeral or
# capital letters ("36 200 V", "36200-V", "36 200 A") or, after a hyphen, one or two
# digits ("21 501-20"). Joint dossiers are joined by "-", ",", "en" or "&".
_DOSSIER = r"\d{2}\s?\d{3}(?:(?:\s+|-)(?:[IVXLC]+|[A-Z]{1,2})\b|-\d{1,2}\b)?"
_DOSSIERS = rf"{_DOSSIER}(?:\s*(?:,|-|en|&)\s*{_DOSSIER})*"
# "Kamerstuk", "Kamerstukken II 2009/10,"
_CITED_AS = r"Kamerstuk(?:ken)?\s+(?:I{1,2}\s+\d{4}/\d{2,4},?\s+)?"
_KAMERSTUK = re.compile(
    rf"^(?:{_CITED_AS})?"
    rf"(?P<dossiers>{_DOSSIERS})"
    # after "nr." a number may hold a hyphen ("nr. X-2"); in "28676-499" the last part is the number
    r"(?:\s*,?\s*nrs?\.?\s*(?P<cited>[A-Za-z0-9]+(?:-\d+)?)|-(?P<number>[A-Za-z0-9]+))\.?$"
)
# a citation in running text: "Kamerstuk 36 200 V, nr. 12", "Kamerstukken II 2009/10, 28 676, nr. 95"
# (in running text a number is digits, or capitals, so that no word is taken for one)
KAMERSTUK_CITATION = re.compile(
    rf"{_CITED_AS}(?P<dossiers>{_DOSSIERS})\s*,?\s*nrs?\.?\s*(?P<numbers>[A-Z]?\d+(?:-\d+)?|[A-Z]+(?:-\d+)?)"
)
_DOSSIER_PARTS = re.compile(r"(?P<main>\d{2}\s?\d{3})(?:[\s-]+(?P<addition>[IVXLC]+|[A-Z]{1,2}|\d{1,2})\b)?")


def _dossier_text(dossiers: str) -> str:
    return "-".join(
        part.group("main").replace(" ", "") + (f"-{part.group('addition')}" if part.group("addition") else "")
        for part in _DOSSIER_PARTS.finditer(dossiers)
    )


def parse_dossier(text: str) -> str | None:
    """A Kamerstukdossier as dossier_iri writes it ("36 200 V" -> "36200-V", "28676"),
    or None for anything else."""
    text = " ".join(text.split())
    return _dossier_text(text) if re.fullmatch(_DOSSIERS, text) else None


def parse_kamerstuk(text: str) -> tuple[str, str] | None:
    """(dossier, number) of a Kamerstuk identifier or citation, the dossier as
    kamerstuk_iri writes it: "36200-V-12" and "Kamerstuk 36 200 V, nr. 12" -> ("36200-V",
    "12"); "28676-499" -> ("28676", "499"); "Kamerstuk 28 676 en 36 045, nr. 7" ->
    ("28676-36045", "7"); None for anything else."""
    found = _KAMERSTUK.match(" ".join(text.split()))
    if found is None:
        return None
    return _dossier_text(found.group("dossiers")), found.group("cited") or found.group("number")


def kamerstuk_label(dossier: str, number: str) -> str:
    """"Kamerstuk 36200-V, nr. 12": how the Kamer cites a Kamerstuk."""
    return f"Kamerstuk {dossier}, nr. {number}"


def _amount_key(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _hashed(kind: str, *content: object) -> URIRef:
    return iri(kind, content_hash(*content))


def commitment_iri(commitment: Commitment) -> URIRef:
    """Hash of canonical content: the same pledge in three letters is one node."""
    return _hashed(
        "commitment",
        actor_iri(commitment.actor),
        commitment.kind,
        _amount_key(commitment.amount),
        commitment.unit,
        commitment.target_year,
        actor_iri(commitment.beneficiary) if commitment.beneficiary else None,
        meeting_iri(commitment.made_at) if commitment.made_at else None,
        commitment.key_phrase if commitment.amount is None else "",
    )


def position_iri(position: Position) -> URIRef:
    meeting = meeting_iri(position.meeting) if position.meeting else None
    return _hashed("position", actor_iri(position.actor), position.stance, position.topic, meeting, position.modality)


def participation_iri(participation: Participation) -> URIRef:
    return _hashed(
        "participation", meeting_iri(participation.meeting), actor_iri(participation.actor), participation.capacity
    )


def observation_iri(observation: Observation, letter_key: str) -> URIRef:
    first = observation.evidence[0]
    return _hashed("observation", letter_key, first.start, first.end, first.quote)


__all__ = [
    "ACTOR_PATHS",
    "ANNEXES_GRAPH",
    "DATASET",
    "DATASET_GRAPH",
    "ENTITIES_GRAPH",
    "MEETING_IDENTITY_GRAPH",
    "subject_key",
    "PAIRING_GRAPH",
    "REFERENCE_GRAPH",
    "VALIDATION_CONTEXT_GRAPH",
    "VALIDATION_LETTER_GRAPH_PREFIX",
    "actor_iri",
    "commitment_iri",
    "dataset_partition_iri",
    "distribution_iri",
    "dump_iri",
    "dossier_iri",
    "graph_iri",
    "kamerstuk_iri",
    "kamerstuk_label",
    "letter_graph_iri",
    "letter_iri",
    "meeting_iri",
    "modality_iri",
    "observation_iri",
    "parse_dossier",
    "parse_kamerstuk",
    "KAMERSTUK_CITATION",
    "participation_iri",
    "position_iri",
    "post_iri",
    "skolem_iri",
    "stance_iri",
    "state_iri",
]


# ---------------------------------------------------------------- official publications

OFFICIAL_PUBLICATIONS = "https://zoek.officielebekendmakingen.nl/"
#: the Tweede Kamer's open data (OData v4) that natokg fetch reads letters from
TK_API_ROOT = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"


def kamerstuk_publication_url(dossier: str, number: str) -> URIRef:
    """The official publication of Kamerstuk ``dossier``-``number`` (kst-28676-462.html)."""
    return URIRef(f"{OFFICIAL_PUBLICATIONS}kst-{dossier}-{number}.html")
