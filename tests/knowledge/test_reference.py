"""The reference facts in ontology/reference/ (docs/architecture.md, "Lexicon conventions")."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from natokg.namespaces import DEFAULT_DATA_BASE, NKG
from natokg.records import ActorRef

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "ontology" / "reference"
GOLD = ROOT / "corpus" / "gold" / "seeds.yaml"
ID = DEFAULT_DATA_BASE
# rdflib's XSD namespace object trips pytest's module inspection, so the IRI is spelt out.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")

FOUNDERS = {"be", "ca", "dk", "fr", "is", "it", "lu", "nl", "no", "pt", "gb", "us"}
ALL_ALLIES = FOUNDERS | {
    "gr", "tr", "de", "es", "cz", "hu", "pl", "bg", "ee", "lv", "lt", "ro", "sk", "si",
    "al", "hr", "me", "mk", "fi", "se",
}  # fmt: skip


@pytest.fixture(scope="module")
def reference() -> Graph:
    graph = Graph()
    for path in sorted(REFERENCE.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- states and allies


def test_the_32_allies_have_iso_code_names_and_accession_date(reference, lexicon):
    allies = {str(s) for s in reference.subjects(RDF.type, NKG.Ally)}
    assert allies == {f"{ID}state/{code}" for code in ALL_ALLIES}
    for code in ALL_ALLIES:
        state = lexicon.states[code]
        assert state.iso == code
        assert state.name_en and state.name_nl, code
        assert state.accession is not None, code
        subject = URIRef(f"{ID}state/{code}")
        (accession,) = reference.objects(subject, NKG.accessionDate)
        assert accession.datatype == XSD_DATE


def test_accession_dates_are_the_nato_dates(lexicon):
    dates = {code: lexicon.states[code].accession for code in ALL_ALLIES}
    assert {c for c, d in dates.items() if d == date(1949, 4, 4)} == FOUNDERS
    assert dates["tr"] == dates["gr"] == date(1952, 2, 18)
    assert dates["de"] == date(1955, 5, 6)
    assert dates["es"] == date(1982, 5, 30)
    assert dates["pl"] == date(1999, 3, 12)
    assert dates["ee"] == date(2004, 3, 29)
    assert dates["hr"] == date(2009, 4, 1)
    assert dates["me"] == date(2017, 6, 5)
    assert dates["mk"] == date(2020, 3, 27)
    assert dates["fi"] == date(2023, 4, 4)
    assert dates["se"] == date(2024, 3, 7)


def test_ally_count_follows_accession_dates(lexicon):
    berlin_fmm = lexicon.allies_at(date(2022, 5, 14))
    assert len(berlin_fmm) == 30
    assert "fi" not in berlin_fmm and "se" not in berlin_fmm
    on_finnish_accession = lexicon.allies_at(date(2023, 4, 4))
    assert len(on_finnish_accession) == 31 and "fi" in on_finnish_accession
    assert "se" not in on_finnish_accession
    assert lexicon.allies_at(date(2025, 6, 24)) == frozenset(ALL_ALLIES)
    assert len(lexicon.allies_at(date(1949, 4, 3))) == 0
    assert lexicon.allies_at(date(1949, 4, 4)) == frozenset(FOUNDERS)


def test_every_iso_country_is_a_state(reference, lexicon):
    states = set(reference.subjects(RDF.type, NKG.State))
    assert len(states) == 250  # 249 ISO 3166-1 countries and Kosovo (xk)
    for code in ("nl", "ua", "kr", "cn", "xk"):
        state = lexicon.states[code]
        assert (URIRef(f"{ID}state/{code}"), NKG.isoCode, Literal(code)) in reference
        assert state.name_en and state.name_nl


def test_dutch_names_come_from_pycountry_translations(lexicon):
    assert lexicon.states["de"].name_nl == "Duitsland"
    assert lexicon.states["ua"].name_nl == "Oekraïne"
    assert lexicon.states["kr"].name_en == "South Korea"
    assert lexicon.states["kr"].name_nl == "Zuid-Korea"


def test_generator_reproduces_committed_states_ttl(tmp_path):
    output = tmp_path / "states.ttl"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate_states.py"), "-o", str(output)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert output.read_bytes() == (REFERENCE / "states.ttl").read_bytes(), (
        "ontology/reference/states.ttl is stale: run python scripts/generate_states.py"
    )


# ---------------------------------------------------------------- partners and groups


def test_partners_and_partnership_groups(lexicon):
    for code in ("ua", "ge", "au", "jp", "kr", "nz", "bh", "kw", "qa", "ae", "fi", "se"):
        assert lexicon.states[code].partner, code
    assert lexicon.organisations["eu"].partner
    assert not lexicon.states["ru"].partner
    # Finland and Sweden were partners before they joined: both facts hold.
    assert lexicon.states["fi"].accession == date(2023, 4, 4)
    member_codes = lambda key: {m.key for m in lexicon.groups[key].members}  # noqa: E731
    assert member_codes("ip4") == {"au", "jp", "kr", "nz"}
    assert member_codes("ici") == {"ae", "bh", "kw", "qa"}
    assert member_codes("mediterranean-dialogue") == {"dz", "eg", "il", "jo", "ma", "mr", "tn"}
    assert len(member_codes("eu-member-states")) == 27
    assert lexicon.groups["several-allies"].quantifier == "several"
    assert lexicon.groups["several-allies"].subgroup_of == "allies"
    assert lexicon.groups["many-european-allies"].subgroup_of == "european-allies"


def _gold_actor_names(gold) -> set[str]:
    names = set()
    for letter in gold:
        names |= set(letter.get("partners") or [])
        names |= {c["actor"] for c in letter.get("commitments") or []}
        names |= {p["actor"] for p in letter.get("positions") or []}
        names |= {p["affiliation"] for p in letter.get("persons") or []}
        meetings = [letter["main_meeting"], *(letter.get("other_meetings") or [])]
        names |= {m["country"] for m in meetings if m.get("country")}
    return names


def test_gold_actor_and_partner_names_resolve(gold, lexicon):
    names = _gold_actor_names(gold)
    assert {"Allies", "Several allies", "Ukraine", "South Korea", "EU member states"} <= names
    unresolved = sorted(n for n in names if lexicon.actor_by_surface(n) is None)
    assert unresolved == []


def test_gold_group_names_are_english_preflabels(gold, lexicon):
    groups = {
        name: lexicon.actor_by_surface(name)
        for name in _gold_actor_names(gold)
        if lexicon.actor_by_surface(name).kind == "group"
    }
    assert set(groups) == {
        "Allies", "Several allies", "Many allies", "Many European allies", "Other allies",
        "Other countries", "European Allies and Canada", "EU member states",
    }  # fmt: skip
    for name, ref in groups.items():
        assert lexicon.label(ref, "en") == name


def test_gold_cities_and_persons_resolve(gold, lexicon):
    for letter in gold:
        for meeting in [letter["main_meeting"], *(letter.get("other_meetings") or [])]:
            if meeting.get("city"):
                city = lexicon.city_by_surface(meeting["city"])
                assert city is not None, meeting["city"]
                country = lexicon.actor_by_surface(meeting["country"])
                assert country == ActorRef("state", city.country)
        for person in letter.get("persons") or []:
            found = lexicon.person_by_surface(person["name"])
            assert found is not None, person["name"]
            affiliation = lexicon.actor_by_surface(person["affiliation"])
            assert affiliation in {post.of for post in found.posts}, person


# ---------------------------------------------------------------- summits


@pytest.mark.parametrize(
    ("city", "year", "start", "end", "host"),
    [
        ("the-hague", 2025, date(2025, 6, 24), date(2025, 6, 25), "nl"),
        ("ankara", 2026, date(2026, 7, 7), date(2026, 7, 8), "tr"),
        ("madrid", 2022, date(2022, 6, 28), date(2022, 6, 30), "es"),
        ("washington", 2024, date(2024, 7, 9), date(2024, 7, 11), "us"),
        ("vilnius", 2023, date(2023, 7, 11), date(2023, 7, 12), "lt"),
        ("newport", 2014, date(2014, 9, 4), date(2014, 9, 5), "gb"),
        ("london", 1990, date(1990, 7, 5), date(1990, 7, 6), "gb"),
    ],
)
def test_summit_dates_and_hosts(lexicon, city, year, start, end, host):
    summit = lexicon.summit_at(city, year)
    assert summit is not None
    assert (summit.start, summit.end, summit.city, summit.host) == (start, end, city, host)
    assert str(summit.iri) == f"{ID}meeting/summit/{start.isoformat()}-{city}"


def test_summits_are_consistent(reference, lexicon):
    assert len(lexicon.summits) == 28
    cities = set(lexicon.cities)
    for summit in lexicon.summits.values():
        assert summit.start <= summit.end, summit.key
        assert set(summit.cities) <= cities, summit.key
        assert summit.hosts and set(summit.hosts) <= set(lexicon.states), summit.key
        assert summit.name_en.endswith(str(summit.start.year)), summit.key
        assert summit.name_nl.endswith(str(summit.start.year)), summit.key
    hague = URIRef(f"{ID}meeting/summit/2025-06-24-the-hague")
    assert (hague, SKOS.prefLabel, Literal("NATO Summit The Hague 2025", lang="en")) in reference
    assert (hague, SKOS.prefLabel, Literal("NAVO-top Den Haag 2025", lang="nl")) in reference
    assert lexicon.summits["2009-04-03-strasbourg"].hosts == ("de", "fr")


# ---------------------------------------------------------------- shape of the Turtle


KIND_OF_PATH = {
    "state": NKG.State, "place": NKG.City, "org": NKG.Organisation, "group": NKG.ActorGroup,
    "office": NKG.Office, "person": NKG.Person, "post": NKG.Post, "meeting": NKG.Summit,
}  # fmt: skip


def test_typed_resources_live_at_their_iri_pattern(reference):
    for path, rdf_type in KIND_OF_PATH.items():
        for subject in reference.subjects(RDF.type, rdf_type):
            assert str(subject).startswith(f"{ID}{path}/"), (subject, rdf_type)


def test_matchable_things_have_english_and_dutch_preflabels(reference):
    for rdf_type in (NKG.City, NKG.Organisation, NKG.ActorGroup, NKG.Office, NKG.State, NKG.Summit):
        for subject in reference.subjects(RDF.type, rdf_type):
            langs = {label.language for label in reference.objects(subject, SKOS.prefLabel)}
            assert {"en", "nl"} <= langs, subject


def test_every_city_is_in_a_described_state(lexicon):
    assert len(lexicon.cities) >= 60
    for city in lexicon.cities.values():
        assert city.country in lexicon.states, city.slug


def test_every_post_is_of_a_described_actor_and_office(lexicon):
    for post in lexicon.posts.values():
        assert post.office in lexicon.offices, post.key
        table = {"state": lexicon.states, "organisation": lexicon.organisations}[post.of.kind]
        assert post.of.key in table, post.key
        assert post.key == f"{post.of.key}/{post.office}"


def test_cabinet_and_parliament_offices_name_their_branch(lexicon):
    # an office named without a state in a Dutch letter is presumed Dutch by its branch
    branches = {slug: office.branch for slug, office in lexicon.offices.items() if office.branch}
    assert branches["minister-of-defence"] == branches["prime-minister"] == "cabinet"
    assert branches["member-of-parliament"] == "parliament"
    assert set(branches.values()) == {"cabinet", "parliament"}
    assert "nato-secretary-general" not in branches and "president" not in branches


def test_a_person_with_several_posts_holds_them_in_tenures(lexicon):
    # a person the data gives two posts held apart must say when: a letter's date picks one
    for person in lexicon.persons.values():
        timed = {t.post for t in person.tenures}
        # posts of one state may be held together (a deputy prime minister and minister of defence)
        assert len({p.of for p in person.posts}) == 1 or timed, person.key
        for tenure in person.tenures:
            assert tenure.end is None or tenure.start <= tenure.end, person.key


def test_posts_held_on_a_date_between_and_after_tenures(lexicon):
    rutte, stoltenberg = lexicon.persons["mark-rutte"], lexicon.persons["jens-stoltenberg"]
    pm, sg = ("prime-minister", "nl"), ("nato-secretary-general", "nato")
    held = lambda person, when: [(p.office, p.of.key) for p in person.posts_held(when)]  # noqa: E731
    assert held(rutte, date(2021, 6, 14)) == [pm]
    assert held(rutte, date(2025, 6, 24)) == [sg]
    assert held(rutte, date(2024, 7, 9)) == [sg]  # between: the coming post
    assert held(rutte, 2024) == [sg, pm] or held(rutte, 2024) == [pm, sg]  # a bare year: both that year
    assert held(stoltenberg, date(2026, 1, 1)) == [sg]  # after the last: the last post
    assert len(held(rutte, None)) == 2


def test_a_tenure_of_a_post_not_held_is_refused(tmp_path):
    from natokg.errors import ReferenceDataError
    from natokg.knowledge.reference_records import TurtleReader, read_persons, read_posts

    graph = Graph()
    graph.parse(data=f"""
        @prefix nkg: <{NKG}> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <{ID}post/nl/prime-minister> a nkg:Post ; nkg:portfolio <{ID}office/prime-minister> ; nkg:postOf <{ID}state/nl> .
        <{ID}post/nl/minister> a nkg:Post ; nkg:portfolio <{ID}office/minister> ; nkg:postOf <{ID}state/nl> .
        <{ID}person/x> a nkg:Person ; foaf:name "X" ; nkg:holdsPost <{ID}post/nl/minister> ;
            nkg:tenure [ nkg:tenurePost <{ID}post/nl/prime-minister> ; nkg:heldFrom "2020-01-01"^^xsd:date ] .
    """, format="turtle")
    reader = TurtleReader(graph)
    with pytest.raises(ReferenceDataError, match="tenure of person/x"):
        read_persons(reader, read_posts(reader))


def test_no_surface_form_names_two_things(lexicon):
    assert lexicon.ambiguous_forms == frozenset()
