"""Gold names -> record keys: the gold file's English names and enum spellings as the
keys the extractor's records use (lexicon labels, pycountry, slugs)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from natokg.evaluation.gold import STANCES, UNITS
from natokg.namespaces import slugify
from natokg.records import ActorRef

if TYPE_CHECKING:
    from natokg.knowledge.lexicon import Lexicon


class GoldNames:
    """Resolves the gold file's English names and enum spellings to record keys.

    Names go through the lexicon (natokg.knowledge.lexicon: the prefLabels and altLabels of
    ontology/*.ttl and ontology/reference/*.ttl), then pycountry for state names, then
    ``slugify`` (which yields the group slugs: "Several allies" -> several-allies).
    Names the lexicon does not know are kept in ``unresolved`` for the report.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        if lexicon is None:
            from natokg.errors import ReferenceDataError
            from natokg.knowledge.lexicon import load_lexicon

            try:
                lexicon = load_lexicon()
            except ReferenceDataError:
                lexicon = None  # no ontology: resolve by pycountry and slug alone
        self.lexicon = lexicon
        self.unresolved: set[str] = set()

    def actor(self, name: str) -> ActorRef:
        """'Sweden' -> state se, 'European Union' -> organisation eu, 'Several allies' -> group several-allies."""
        found = self.lexicon.actor_by_surface(name) if self.lexicon else None
        if found is not None:
            return found
        iso = _pycountry_code(name)
        if iso is not None:
            return ActorRef("state", iso)
        self._unresolved("actor", name)
        return ActorRef("group", slugify(name))

    def country(self, name: str) -> str:
        """'Sweden' -> 'se' (ISO 3166-1 alpha-2, lower case)."""
        ref = self.actor(name)
        if ref.kind != "state":
            self._unresolved("country", name)
        return ref.key

    def city(self, name: str) -> str:
        """'The Hague' -> 'the-hague': cities are keyed by the slug of the English name."""
        found = self.lexicon.city_by_surface(name) if self.lexicon else None
        return found.slug if found is not None else slugify(name)

    def topic(self, name: str) -> str:
        """'defence spending' -> 'defence-spending', 'climate change' -> its topics.ttl concept."""
        found = self.lexicon.topic_by_surface(name) if self.lexicon else None
        if found is not None:
            return found.slug
        self._unresolved("topic", name)
        return slugify(name)

    def stance(self, name: str) -> str:
        """'call_for' -> 'call-for' (the slugs of stances.ttl)."""
        slug = _enum(name)
        if self.lexicon and slug not in self.lexicon.stances:
            self._unresolved("stance", name)
        return slug

    def predicted_stance(self, slug: str) -> str:
        """A record's stance as the gold writes it: the gold has six stances, and files a
        narrower one under its skos:broader ("appreciate" as "welcome", "concern" as "emphasise")."""
        seen = set()
        while slug not in _GOLD_STANCES and self.lexicon and slug in self.lexicon.stances and slug not in seen:
            seen.add(slug)
            broader = self.lexicon.stances[slug].broader
            if broader is None:
                break
            slug = broader
        return slug

    def group_members(self, key: str) -> tuple[ActorRef, ...]:
        """The fixed members of a group (IP4 -> Australia, Japan ...); () if none are listed."""
        group = self.lexicon.groups.get(key) if self.lexicon else None
        return group.members if group is not None else ()

    @staticmethod
    def meeting_kind(name: str) -> str:
        """Gold 'foreign_ministers' -> 'foreign-ministers'; gold 'other' is records' 'external'."""
        return "external" if name == "other" else _enum(name)

    @staticmethod
    def commitment_kind(name: str) -> str:
        return _enum(name)

    @staticmethod
    def unit(name: str | None) -> str | None:
        return None if name is None else _enum(name)

    @staticmethod
    def predicted_unit(unit: str | None) -> str | None:
        """A record's unit as the gold writes it: the gold has units for money and a share
        of GDP only, and files every other percentage with unit null."""
        return unit if unit in _GOLD_UNITS else None

    def _unresolved(self, kind: str, name: str) -> None:
        if self.lexicon is not None:  # without an ontology every name is unresolved: not news
            self.unresolved.add(f"{kind} {name!r}")


def _enum(name: str) -> str:
    return name.strip().lower().replace("_", "-")


_GOLD_UNITS = frozenset(_enum(name) for name in UNITS)
_GOLD_STANCES = frozenset(_enum(name) for name in STANCES)


@cache
def _pycountry_code(name: str) -> str | None:
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_2.lower()
    except LookupError:
        return None
