"""natokg.knowledge.lexicon: lookups by surface form over the ontology's Turtle."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from natokg.errors import ReferenceDataError
from natokg.knowledge.lexicon import load_lexicon, load_reference_graph, normalise_surface
from natokg.namespaces import NKG
from natokg.records import ActorRef, PostRef

ROOT = Path(__file__).resolve().parents[2]
LETTERS = ROOT / "corpus" / "letters"


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("VS", ActorRef("state", "us")),
        ("Verenigde Staten", ActorRef("state", "us")),
        ("de Verenigde Staten", ActorRef("state", "us")),
        ("Türkiye", ActorRef("state", "tr")),
        ("Turkije", ActorRef("state", "tr")),
        ("Zuid Korea", ActorRef("state", "kr")),
        ("Zuid-Korea", ActorRef("state", "kr")),
        ("Nieuw-Zeeland", ActorRef("state", "nz")),
        ("Nieuw Zeeland", ActorRef("state", "nz")),
        ("Oekraïne", ActorRef("state", "ua")),
        ("Oekraine", ActorRef("state", "ua")),
        ("VAE", ActorRef("state", "ae")),
        ("Belarus", ActorRef("state", "by")),
        ("Nederland", ActorRef("state", "nl")),
        ("EU", ActorRef("organisation", "eu")),
        ("NAVO", ActorRef("organisation", "nato")),
        ("PURL", ActorRef("organisation", "purl")),
        ("Europese Raad", ActorRef("organisation", "eu")),  # nkg:speaksFor: its statements are the EU's
        ("diverse bondgenoten", ActorRef("group", "several-allies")),
        ("Diverse bondgenoten", ActorRef("group", "several-allies")),
        ("meerdere andere bondgenoten", ActorRef("group", "several-allies")),
        ("Europese NAVO-bondgenoten en Canada", ActorRef("group", "european-allies-and-canada")),
        ("Canada en Europa", ActorRef("group", "european-allies-and-canada")),
        ("veel Europese bondgenoten", ActorRef("group", "many-european-allies")),
        ("de ICI-landen", ActorRef("group", "ici")),
        ("*Istanbul Cooperation Initiative*", ActorRef("group", "ici")),
        ("Sybiha", ActorRef("person", "andrii-sybiha")),
    ],
)
def test_actor_by_surface(lexicon, surface, expected):
    assert lexicon.actor_by_surface(surface) == expected


@pytest.mark.parametrize("surface", ["Atlantis", "", "bondgenootschap", "Europa"])
def test_unknown_surface_is_none(lexicon, surface):
    assert lexicon.actor_by_surface(surface) is None


def test_normalise_surface():
    assert normalise_surface("De Zuid-Korea") == "zuid korea"
    assert normalise_surface("Türkiye") == "turkiye"
    assert normalise_surface("’s-Gravenhage") == normalise_surface("'s-Gravenhage")
    assert normalise_surface("*burden  shift*") == "burden shift"
    assert normalise_surface("Den Haag") == "den haag"  # "den" is not an article here


def test_short_and_full_person_names_are_one_person(lexicon):
    full = lexicon.person_by_surface("Andrii Sybiha")
    assert full is not None and full.key == "andrii-sybiha"
    assert lexicon.person_by_surface("Sybiha") == full
    assert full.posts == (PostRef("minister-of-foreign-affairs", ActorRef("state", "ua")),)
    erdogan = lexicon.person_by_surface("Recep Tayyip Erdoğan")
    assert lexicon.person_by_surface("Erdogan") == erdogan
    assert erdogan.posts == (PostRef("president", ActorRef("state", "tr")),)
    berendsen = lexicon.person_by_surface("T.B.W. Berendsen")
    assert berendsen.full_name == "T.B.W. Berendsen"
    assert lexicon.person_by_surface("Berendsen") == berendsen
    assert lexicon.person_by_surface("Minister-president Jetten").key == "rob-jetten"


def test_city_by_surface(lexicon):
    hague = lexicon.city_by_surface("Den Haag")
    assert (hague.slug, hague.country, hague.name_en) == ("the-hague", "nl", "The Hague")
    assert lexicon.city_by_surface("’s-Gravenhage") == hague
    assert lexicon.city_by_surface("Brussel").slug == "brussels"
    assert lexicon.city_by_surface("NAVO-hoofdkwartier").slug == "brussels"
    berlin = lexicon.city_by_surface("Berlijn")
    assert (berlin.slug, berlin.country) == ("berlin", "de")
    assert lexicon.city_by_surface("Helsingborg").country == "se"
    assert lexicon.city_by_surface("Wales").slug == "newport"


def test_office_by_surface(lexicon):
    forms = ("minister van Buitenlandse Zaken", "MINISTER VAN BUITENLANDSE ZAKEN", "ministers van BZ")
    for form in forms:
        assert lexicon.office_by_surface(form).slug == "minister-of-foreign-affairs"
    assert lexicon.office_by_surface("defensieminister").slug == "minister-of-defence"
    assert lexicon.office_by_surface("Minister-president").slug == "prime-minister"
    assert lexicon.office_by_surface("SG NAVO").slug == "nato-secretary-general"
    assert lexicon.office_by_surface("EU Hoge Vertegenwoordiger").slug == "eu-high-representative"
    assert lexicon.office_by_surface("leden").slug == "member-of-parliament"


def test_demonyms(lexicon):
    assert lexicon.state_by_demonym("Oekraïense").iso == "ua"
    assert lexicon.state_by_demonym("Turkse").iso == "tr"
    assert lexicon.state_by_demonym("Amerikaanse").iso == "us"
    assert lexicon.state_by_demonym("Nederlandse").iso == "nl"
    assert lexicon.state_by_demonym("Europese") is None
    for code in lexicon.allies_at(date(2025, 1, 1)):
        assert lexicon.states[code].demonyms, f"ally {code} has no demonym"


def _listed(letter: str, pattern: str) -> list[str]:
    text = (LETTERS / letter).read_text(encoding="utf-8")
    listed = re.search(pattern, text).group(1)
    return [name.strip() for name in re.split(r",|\ben\b", listed) if name.strip()]


def test_partner_lists_in_letters_resolve_to_group_members(lexicon):
    # "de IP4 (Australië, Japan, Zuid-Korea en Nieuw-Zeeland) en de ICI-landen (Bahrein, ...)"
    ip4 = _listed("000_d473f0d0e8325814.txt", r"de IP4 \(([^)]*)\)")
    ici = _listed("000_d473f0d0e8325814.txt", r"de ICI-landen \(([^)]*)\)")
    asia_pacific = _listed("004_645f0c655bd661fc.txt", r"Asia Pacific Four \(([^)]*)\)")
    assert len(ip4) == len(ici) == len(asia_pacific) == 4
    members = lambda key: set(lexicon.groups[key].members)  # noqa: E731
    assert {lexicon.actor_by_surface(n) for n in ip4} == members("ip4")
    assert {lexicon.actor_by_surface(n) for n in asia_pacific} == members("ip4")
    assert {lexicon.actor_by_surface(n) for n in ici} == members("ici")
    # "samenwerking tussen Rusland, Iran, Noord-Korea, Belarus en China"
    rivals = _listed("000_d473f0d0e8325814.txt", r"samenwerking tussen (Rusland[^.]*)\.")
    assert [lexicon.actor_by_surface(n).key for n in rivals] == ["ru", "ir", "kp", "by", "cn"]


def test_surface_forms_for_matchers(lexicon):
    actors = lexicon.surface_forms("actor")
    assert ("VS", ActorRef("state", "us")) in actors
    assert ("diverse bondgenoten", ActorRef("group", "several-allies")) in actors
    assert ("Sybiha", ActorRef("person", "andrii-sybiha")) in actors
    assert list(actors) == sorted(actors, key=lambda p: (p[0], str(p[1])))
    assert ("Den Haag", "the-hague") in lexicon.surface_forms("city")
    assert ("Oekraïense", ActorRef("state", "ua")) in lexicon.surface_forms("demonym")
    with pytest.raises(ValueError, match="unknown surface kind"):
        lexicon.surface_forms("planet")  # type: ignore[arg-type]


def test_summit_lookups(lexicon):
    assert lexicon.summit_at("the-hague", 2025).key == "2025-06-24-the-hague"
    assert lexicon.summit_at("brussels", 2020) is None
    brussels_years = [s.start.year for s in lexicon.summits_in_city("brussels")]
    assert brussels_years == [1994, 2001, 2005, 2017, 2018, 2021, 2022]
    assert [s.key for s in lexicon.summits_in_city("strasbourg")] == ["2009-04-03-strasbourg"]
    ankara = lexicon.summit_at("ankara", 2026)
    assert ankara.ref.kind == "summit" and ankara.ref.city == "ankara"


def test_is_ally_at(lexicon):
    assert not lexicon.is_ally_at("fi", date(2022, 5, 14))
    assert lexicon.is_ally_at("fi", date(2023, 4, 4))
    assert lexicon.is_ally_at("SE", date(2024, 3, 7))
    assert not lexicon.is_ally_at("ua", date(2026, 1, 1))
    assert not lexicon.is_ally_at("zz", date(2026, 1, 1))


def test_labels(lexicon):
    assert lexicon.label("state/nl", "nl") == "Nederland"
    assert lexicon.label(ActorRef("group", "several-allies")) == "Several allies"
    assert lexicon.label("https://w3id.org/natokg/id/place/the-hague", "nl") == "Den Haag"
    assert lexicon.label("person/andrii-sybiha") == "Andrii Sybiha"
    assert lexicon.label("office/president", "fr") == "President"  # falls back to English
    assert lexicon.label("state/zz") is None


def test_lexicon_is_loaded_once():
    assert load_lexicon() is load_lexicon()


def _copy_ontology(tmp_path: Path, keep_top: tuple[str, ...]) -> Path:
    target = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology" / "reference", target / "reference")
    for name in keep_top:
        shutil.copy(ROOT / "ontology" / name, target / name)
    return target


def test_missing_topics_and_stances_give_empty_lexicons(tmp_path):
    lexicon = load_lexicon(_copy_ontology(tmp_path, ("natokg.ttl",)))
    assert lexicon.topics == {} and lexicon.stances == {}
    assert lexicon.surface_forms("topic") == ()
    assert lexicon.actor_by_surface("VS") == ActorRef("state", "us")


def test_broken_turtle_names_the_file(tmp_path):
    ontology = _copy_ontology(tmp_path, ())
    (ontology / "reference" / "cities.ttl").write_text("<place/x> a nkg:City ;;", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="cities.ttl.*not valid Turtle"):
        load_lexicon(ontology)


def test_reference_graph_holds_reference_only(monkeypatch):
    graph = load_reference_graph()
    nl = URIRef("https://w3id.org/natokg/id/state/nl")
    assert (nl, NKG.isoCode, Literal("nl")) in graph
    assert (NKG.State, None, None) not in graph  # the ontology itself is not included
    monkeypatch.setenv("NATOKG_BASE", "http://example.org/kg/")
    moved = load_reference_graph()
    assert (URIRef("http://example.org/kg/state/nl"), NKG.isoCode, Literal("nl")) in moved
    assert len(moved) == len(graph)


def test_meeting_names_by_surface_and_their_delegations(lexicon):
    council = lexicon.meeting_name_by_surface("Raad Buitenlandse Zaken")
    assert council.key == "foreign-affairs-council" and council.delegations == ActorRef("group", "eu-member-states")
    osce = lexicon.meeting_name_by_surface("Ministerraad van de OVSE")
    assert osce.delegations == ActorRef("group", "osce-participating-states")
    assert lexicon.meeting_name_by_surface("Noord-Atlantische Raad").delegations is None
    assert lexicon.meeting_name_by_surface("geen bijeenkomst") is None
