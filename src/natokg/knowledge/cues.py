"""The cue lexicon: the words of ontology/extraction-cues.ttl and the regexes built from them.

A cue is a skos:Concept id/cue/{slug}; its Dutch forms (altLabel) and stems
(hiddenLabel, "...*") are what the rules look for. ``cue_regex`` fills a grammar
template's ``{cue:slug}`` slots with those words, so Python keeps the grammar and the
Turtle the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from os import environ
from pathlib import Path

from natokg.folding import fold
from natokg.records import ActorRef


@dataclass(frozen=True)
class CueInfo:
    slug: str
    role: str
    kind: str | None = None
    status: str | None = None
    default_actor: ActorRef | None = None
    overrides_stance: str | None = None
    modifies_forms: frozenset[str] = frozenset()  # stance forms an override applies to
    modifies_stances: frozenset[str] = frozenset()  # stance slugs an override replaces (empty: any)
    scheme: str = "scheme"  # commitment cues are in id/cue/scheme, meeting cues in id/cue/meeting-scheme
    names_object: bool = False  # nkg:pledgesNamedObject: pledges only troops, equipment or a contribution named
    carries_amount: bool = False  # nkg:carriesAmount: may carry an amount beside the amount roles


def _tail(iri: object) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


@cache
def cue_concepts(path_key: str) -> tuple[tuple[CueInfo, tuple[str, ...], tuple[str, ...]], ...]:
    """Cue concepts of ontology/extraction-cues.ttl with their Dutch forms (altLabel)
    and stems (hiddenLabel, "...*")."""
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    from natokg.knowledge.turtle import parse_turtle
    from natokg.namespaces import NKG

    graph = parse_turtle([Path(path_key)])
    out = []
    for concept in sorted(set(graph.subjects(NKG.cueRole, None))):
        role = str(graph.value(concept, NKG.cueRole))
        kind = graph.value(concept, NKG.signalsKind)
        status = graph.value(concept, NKG.signalsStatus)
        actor = graph.value(concept, NKG.defaultActor)
        override = graph.value(concept, NKG.overridesStance)
        modifies = frozenset(fold(str(f)) for f in graph.objects(concept, NKG.modifiesForm))
        stances = frozenset(_tail(s) for s in graph.objects(concept, NKG.modifiesStance))
        default_actor = None
        if isinstance(actor, URIRef):
            path_kind, key = str(actor).rstrip("/").rsplit("/", 2)[-2:]
            kinds = {"state": "state", "org": "organisation", "group": "group", "person": "person"}
            default_actor = ActorRef(kinds[path_kind], key)  # type: ignore[arg-type]
        forms = tuple(sorted(str(label) for label in graph.objects(concept, SKOS.altLabel) if getattr(label, "language", None) == "nl"))
        stems = tuple(sorted(str(label) for label in graph.objects(concept, SKOS.hiddenLabel) if getattr(label, "language", None) == "nl"))
        scheme = graph.value(concept, SKOS.inScheme)
        info = CueInfo(
            _tail(concept),
            role,
            _tail(kind) if kind is not None else None,
            _tail(status) if status is not None else None,
            default_actor,
            _tail(override) if override is not None else None,
            modifies,
            stances,
            _tail(scheme) if scheme is not None else "scheme",
            bool(graph.value(concept, NKG.pledgesNamedObject)),
            bool(graph.value(concept, NKG.carriesAmount)),
        )
        out.append((info, forms, stems))
    return tuple(out)


COMMITMENT_CUE_SCHEME = "scheme"  # id/cue/scheme; the matcher of Lexicons.cues holds only these


def _cue_file() -> str:
    from natokg.paths import project_root

    return _cue_file_under(project_root())


@cache  # cue_regex runs for every sentence; pathlib joins cost more than the match
def _cue_file_under(root: Path) -> str:
    return str(root / "ontology" / "extraction-cues.ttl")


def cue_words(slug: str) -> tuple[str, ...]:
    """The Dutch forms and stems of cue concept id/cue/{slug} of extraction-cues.ttl.

    Raises ReferenceDataError when the concept is missing or has no Dutch form."""
    from natokg.errors import ReferenceDataError

    path = _cue_file()
    if not Path(path).is_file():
        raise ReferenceDataError("cannot find the cue lexicon; reinstall natokg or set NATOKG_HOME to a checkout", path=path)
    for info, forms, stems in cue_concepts(path):
        if info.slug == slug and (forms or stems):
            return forms + stems
    raise ReferenceDataError(
        f"no cue concept cue:{slug} with a skos:altLabel @nl; add it to the Turtle (see its meeting cues section)",
        path=path,
    )


def cue_word_set(slug: str) -> frozenset[str]:
    """``cue_words(slug)`` folded, for comparing with folded text; read once per cue file."""
    return _folded_cue_words(environ.get("NATOKG_HOME"), slug)


# keyed by NATOKG_HOME, which names the cue file: the per-sentence rules ask ~90,000
# times per MB of letter, and resolving the file itself costs more than the match
@lru_cache(maxsize=1024)
def _folded_cue_words(home: str | None, slug: str) -> frozenset[str]:
    return frozenset(fold(form) for form in cue_words(slug))


def _form_pattern(form: str) -> str:
    """One cue form as a regex: words escaped, any whitespace between them; a trailing
    "*" is the rest of the word; " ... " is a gap that stays inside the sentence."""
    parts = [p.split() for p in re.split(r"\s*\.\.\.\s*|\s*…\s*", form.strip()) if p.strip()]
    out = []
    for words in parts:
        escaped = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words]
        out.append(r"\s+".join(escaped))
    return r"\b[^.]*?\b".join(out)


def _alternation(forms: Iterable[str]) -> str:
    """The forms as one regex alternation. Gap forms sharing their first part become
    "head ... (tail|tail)", so the nearest tail wins whatever its length, as a single
    lazy gap would; longer forms come first."""
    plain: list[str] = []
    tails: dict[str, list[str]] = {}
    for form in forms:
        head, gap, tail = form.partition(" ... ")
        if gap:
            tails.setdefault(head.strip(), []).append(tail.strip())
        else:
            plain.append(form)
    alternatives = [_form_pattern(f) for f in sorted(set(plain), key=lambda f: (-len(f), f))]
    for head in sorted(tails):
        ends = "|".join(_form_pattern(t) for t in sorted(set(tails[head]), key=lambda f: (-len(f), f)))
        alternatives.append(rf"{_form_pattern(head)}\b[^.]*?\b(?:{ends})")
    return "|".join(alternatives)


_CUE_SLOT = re.compile(r"\{cue:([\w-]+)\}")


def cue_regex(template: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    r"""``template`` with each ``{cue:slug}`` replaced by the forms of that cue concept of
    extraction-cues.ttl, compiled once per cue file (NATOKG_HOME may point elsewhere).

    The template holds the grammar (word boundaries, articles, what may come between);
    the Turtle holds the words: r"\b(?:{cue:participation})\b"."""
    return _compiled(environ.get("NATOKG_HOME"), template, flags)


@lru_cache(maxsize=1024)  # keyed by NATOKG_HOME, as _folded_cue_words
def _compiled(home: str | None, template: str, flags: int) -> re.Pattern[str]:
    return re.compile(_CUE_SLOT.sub(lambda m: f"(?:{_alternation(cue_words(m.group(1)))})", template), flags)


__all__ = [
    "cue_concepts",
    "COMMITMENT_CUE_SCHEME",
    "CueInfo",
    "cue_regex",
    "cue_word_set",
    "cue_words",
]
