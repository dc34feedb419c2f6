"""Every saved query on the seed dataset, with expected rows written from the gold file.

The seed dataset (tests/support/seed_dataset.py) is the five seed letters exactly as
corpus/gold/seeds.yaml describes them. Each expected row below was worked out by
reading the gold file (and the letters), not by running the query. Letters: 000 is the
report of the Helsingborg FMM (letter bz2628703, 2026-06-03), 001 the agenda of the
informal Antalya FMM (undated, 43f0762dba44), 002 the agenda of the Ankara summit
(bz2629412, 2026-06-23), 003 the report of the Brussels FMM (undated, 50cefedd9b51),
004 the agenda of the informal Berlin FMM 2022 (undated, 0a8040f54ed2). An undated
letter is dated by the start of its main meeting.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from natokg.namespaces import DEFAULT_DATA_BASE
from natokg.sparql import list_queries, prefixed, run_query
from support.seed_dataset import ROOT, build_seed_store

L000, L001, L002, L003, L004 = (
    "id:letter/bz2628703", "id:letter/43f0762dba44", "id:letter/bz2629412",
    "id:letter/50cefedd9b51", "id:letter/0a8040f54ed2",
)
HELSINGBORG = "id:meeting/foreign-ministers/2026-05-21-helsingborg"
ANTALYA = "id:meeting/foreign-ministers/2025-05-14-antalya"
BRUSSELS = "id:meeting/foreign-ministers/2025-12-03-brussels"
BERLIN = "id:meeting/foreign-ministers/2022-05-14-berlin"
ANKARA = "id:meeting/summit/2026-07-07-ankara"
HAGUE = "id:meeting/summit/2025-06-24-the-hague"
MADRID = "id:meeting/summit/2022-06-28-madrid"
NL, ALLIES, SEVERAL = "id:state/nl", "id:group/allies", "id:group/several-allies"
D = date.fromisoformat


@pytest.fixture(scope="module")
def store(seed_store):
    return seed_store


@pytest.fixture(scope="module")
def real_store(tmp_path_factory):
    """corpus/letters built by the real pipeline (read, extract, map, validate, store)."""
    from natokg.store.build import build
    from natokg.store.layout import open_store

    path = tmp_path_factory.mktemp("real") / "store"
    letters = tmp_path_factory.mktemp("letters")  # the seed letters, not the dev_* set
    for letter in (ROOT / "corpus" / "letters").glob("[0-9]*.txt"):
        (letters / letter.name).write_bytes(letter.read_bytes())
    summary = build(letters, path)
    assert summary.letters_loaded == 5, summary.skipped
    return open_store(path, read_only=True)


@pytest.fixture(scope="module", params=["seed", pytest.param("real", marks=pytest.mark.slow)])
def any_store(request):
    """Tests taking this fixture hold on the seed dataset and on the real build alike."""
    return request.getfixturevalue("store" if request.param == "seed" else "real_store")


def rows(store, name, **params):
    """The query's rows with IRIs as prefixed names (id:state/nl), other values as they are."""
    result = run_query(name, params, store=store)
    return [tuple(prefixed(v) if isinstance(v, str) and v.startswith("http") else v for v in row) for row in result]


def short(value: str) -> str:
    """id:stance/call-for -> call-for"""
    return value.rsplit("/", 1)[-1]


def test_every_saved_query_is_tested_here():
    names = {q.name for q in list_queries()}
    tested = {name[len("test_"):].replace("_", "-") for name in globals() if name.startswith("test_")}
    assert len(names) >= 14
    assert names <= tested, f"saved queries without a test: {sorted(names - tested)}"


# ---------------------------------------------------------------- 1


def test_recurring_positions(store):
    got = {(short(a), short(s), short(t)): (n, first, last, kinds)
           for a, s, t, n, first, last, kinds in rows(store, "recurring-positions")}
    fmm, both = "ForeignMinistersMeeting", "Summit ForeignMinistersMeeting"
    assert got == {
        # Helsingborg (report), Ankara (agenda: "oproepen tot een gecoördineerde burden shift"), Brussels
        ("nl", "call-for", "burden-sharing"): (3, D("2025-12-03"), D("2026-07-07"), both),
        # Antalya, Ankara, Berlin agendas
        ("nl", "emphasise", "ukraine-support"): (3, D("2022-05-14"), D("2026-07-07"), both),
        ("allies", "emphasise", "ukraine-support"): (2, D("2025-12-03"), D("2026-05-21"), fmm),
        ("nl", "emphasise", "defence-spending"): (2, D("2025-05-14"), D("2026-05-21"), fmm),
        ("nl", "emphasise", "defence-industry"): (2, D("2025-12-03"), D("2026-05-21"), fmm),
        ("several-allies", "emphasise", "terrorism"): (2, D("2025-12-03"), D("2026-05-21"), fmm),
        ("several-allies", "emphasise", "middle-east"): (2, D("2025-12-03"), D("2026-05-21"), fmm),
        ("several-allies", "emphasise", "western-balkans"): (2, D("2025-12-03"), D("2026-05-21"), fmm),
        ("several-allies", "emphasise", "arctic"): (2, D("2025-12-03"), D("2026-05-21"), fmm),
        ("nl", "support", "deterrence-and-defence"): (2, D("2022-05-14"), D("2025-05-14"), fmm),
        ("nl", "emphasise", "russia-threat"): (2, D("2022-05-14"), D("2025-05-14"), fmm),
        ("nl", "support", "nato-enlargement"): (2, D("2022-05-14"), D("2025-05-14"), fmm),
        ("nl", "call-for", "defence-spending"): (2, D("2025-12-03"), D("2026-07-07"), both),
        ("nl", "intend", "ukraine-support"): (2, D("2022-05-14"), D("2026-07-07"), both),
        ("nl", "support", "ukraine-support"): (2, D("2022-05-14"), D("2026-07-07"), both),
    }
    # most meetings first
    assert [r[3] for r in rows(store, "recurring-positions")][:2] == [3, 3]


def test_recurring_positions_parameters(store):
    only_summits = rows(store, "recurring-positions", kinds="nkg:Summit")
    assert only_summits == []  # one summit in the corpus: nothing recurs over summits alone
    three = rows(store, "recurring-positions", min_meetings="3")
    assert {(short(r[0]), short(r[1]), short(r[2])) for r in three} == {
        ("nl", "call-for", "burden-sharing"), ("nl", "emphasise", "ukraine-support"),
    }
    # the Ramstein meeting (an external meeting) counts only when asked for
    with_external = rows(store, "recurring-positions", kinds="nkg:ForeignMinistersMeeting nkg:ExternalMeeting")
    assert ("nl", "call-for", "ukraine-support") in {(short(r[0]), short(r[1]), short(r[2])) for r in with_external}


# ---------------------------------------------------------------- 2


def test_topic_history(store):
    got = [(when, short(actor), short(stance), short(modality), letter, quote)
           for when, meeting, actor, stance, modality, letter, quote in rows(store, "topic-history")]
    assert got == [
        (D("2025-05-14"), "allies", "support", "intended", L001,
         "Er bestaat consensus onder bondgenoten dat substantieel meer dan de huidig afgesproken 2% van"),
        (D("2025-05-14"), "nl", "emphasise", "intended", L001, "en hogere defensie-\nuitgaven centraal"),
        (D("2025-12-03"), "nl", "call-for", "expressed", L003,
         "Nederland riep op tot voortvarende implementatie van de Den Haag-afspraken"),
        (D("2025-12-03"), "us", "call-for", "expressed", L003,
         "Ook de Verenigde Staten riepen tijdens de FMM de NAVO-bondgenoten nogmaals krachtig op om deze "
         "verhoging van de defensie-uitgaven daadwerkelijk te realiseren"),
        (D("2026-05-21"), "allies", "emphasise", "expressed", L000,
         "Bondgenoten, waaronder Nederland, benoemden de noodzaak van voortvarende implementatie van de "
         "gemaakte afspraken"),
        (D("2026-05-21"), "nl", "emphasise", "expressed", L000,
         "Bondgenoten, waaronder Nederland, benoemden de noodzaak van voortvarende implementatie van de "
         "gemaakte afspraken"),
        (D("2026-05-21"), "nl", "support", "expressed", L000,
         "Ook Nederland droeg het commitment uit aan groei van de defensie-uitgaven en -capaciteiten"),
        (D("2026-07-07"), "nl", "call-for", "intended", L002,
         "Het kabinet zal er daarom toe oproepen de groeiende defensiebudgetten voortvarend om te zetten in "
         "militaire capaciteiten"),
        (D("2026-07-07"), "nl", "intend", "intended", L002,
         "Het kabinet zet in op een stapsgewijze groei van de defensie-uitgaven naar 3,5% van het bbp in 2035."),
        (D("2026-07-07"), "nl", "intend", "intended", L002,
         "Het kabinet zet in op een sterke groei van de Europese defensie-investeringen."),
    ]


def test_topic_history_other_topic(store):
    got = rows(store, "topic-history", topic="id:topic/climate-and-security")
    assert [(r[0], r[1], short(r[2]), short(r[3]), r[6]) for r in got] == [
        (D("2022-05-14"), BERLIN, "nl", "call-for", "de veiligheidsimplicaties van \nklimaatverandering"),
    ]


def test_topic_history_dates_a_position_without_a_meeting_by_its_letter_only():
    """The start dates join as a table on a variable that is always bound: a position that
    names no meeting must take its letter's date, not match every meeting's date."""
    store = build_seed_store()
    nkg, oa, base = "https://w3id.org/natokg/ontology#", "http://www.w3.org/ns/oa#", DEFAULT_DATA_BASE
    store.update(
        f"INSERT DATA {{ GRAPH <{base}graph/memo-x> {{"
        f" <{base}position/no-meeting> a <{nkg}Position> ; <{nkg}onTopic> <{base}topic/arctic> ;"
        f" <{nkg}heldBy> <{base}state/nl> ; <{nkg}stance> <{base}stance/support> ;"
        f" <{nkg}modality> <{base}modality/expressed> ; <{nkg}evidence> <{base}evidence/memo-x/0-6> ."
        f" <{base}evidence/memo-x/0-6> <{oa}exact> \"Arctis\" ; <{nkg}inLetter> <{base}letter/memo-x> ."
        f" <{base}letter/memo-x> <http://purl.org/dc/terms/date> \"2024-02-01\"^^<http://www.w3.org/2001/XMLSchema#date> ."
        f" }} }}"
    )
    got = [r for r in rows(store, "topic-history", topic="id:topic/arctic") if r[5] == "id:letter/memo-x"]
    assert got == [(D("2024-02-01"), None, NL, "id:stance/support", "id:modality/expressed", "id:letter/memo-x", "Arctis")]


# ---------------------------------------------------------------- 3


def test_spending_targets(any_store):
    got = [(short(actor), amount, year, made_at, agreed, letters, first, first_letter, last, last_letter)
           for actor, amount, year, made_at, agreed, letters, first, first_letter, last, last_letter, _ in
           rows(any_store, "spending-targets")]
    hague = (HAGUE, D("2025-06-24"))
    assert got == [
        # 001: "de huidig afgesproken 2% van het bbp", no year, no meeting
        ("allies", Decimal(2), None, None, None, 1, D("2025-05-14"), L001, D("2025-05-14"), L001),
        # 003 (Brussels, 2025-12-03) and 000 (2026-06-03): the Hague 5% and 3.5% by 2035
        ("allies", Decimal(5), 2035, *hague, 2, D("2025-12-03"), L003, D("2026-06-03"), L000),
        ("allies", Decimal("3.5"), 2035, *hague, 2, D("2025-12-03"), L003, D("2026-06-03"), L000),
        # 002 states the Hague targets without the year 2035
        ("allies", Decimal(5), None, *hague, 1, D("2026-06-23"), L002, D("2026-06-23"), L002),
        ("allies", Decimal("3.5"), None, *hague, 1, D("2026-06-23"), L002, D("2026-06-23"), L002),
        ("allies", Decimal("1.5"), None, *hague, 1, D("2026-06-23"), L002, D("2026-06-23"), L002),
        # 002: the Dutch stepwise growth to 3.5% in 2035
        ("nl", Decimal("3.5"), 2035, None, None, 1, D("2026-06-23"), L002, D("2026-06-23"), L002),
    ]


# ---------------------------------------------------------------- 4


def test_commitments_by_actor(store):
    got = [(short(kind), amount, short(unit) if unit else None, year, beneficiary and short(beneficiary),
            short(status), made_at, letters)
           for actor, kind, amount, unit, year, beneficiary, status, made_at, letters, _ in
           rows(store, "commitments-by-actor", actor="id:state/nl")]
    assert got == [
        ("capability-pledge", None, None, None, None, "intended", None, 1),  # 004 arms deliveries
        ("capability-pledge", None, None, None, None, "intended", ANKARA, 1),  # 002 NSDIF initiatives
        ("financial-contribution", Decimal(3500000000), "eur", None, "ua", "intended", None, 1),  # 001
        ("financial-contribution", Decimal(250000000), "eur", None, "purl", "announced", BRUSSELS, 1),  # 003
        ("financial-contribution", Decimal(35000000), "eur", None, "ucap", "announced", None, 1),  # 003
        ("policy-pledge", None, None, None, None, "intended", None, 1),  # 002 NATO norm in law
        ("policy-pledge", None, None, None, None, "announced", HELSINGBORG, 1),  # 000 growth commitment
        ("spending-target", Decimal("3.5"), "percent-gdp", 2035, None, "intended", None, 1),  # 002
    ]


def test_commitments_by_actor_default_is_every_actor(store):
    got = rows(store, "commitments-by-actor")
    # gold: 5 + 3 + 10 + 7 + 3 commitments; the Hague 5% and 3.5% by 2035 of 000 and 003 are one node each
    assert len(got) == 26
    actors = {short(r[0]) for r in got}
    assert actors == {"allies", "nl", "nato", "eu", "many-allies", "several-allies", "other-allies"}
    hague_five = [r for r in got if short(r[0]) == "allies" and r[2] == 5 and r[4] == 2035]
    assert [r[8] for r in hague_five] == [2]  # mentioned in two letters


# ---------------------------------------------------------------- 5


def test_ukraine_contributions(any_store):
    got = [(year, instrument and short(instrument), amount, short(unit), total)
           for year, instrument, amount, unit, total, _ in rows(any_store, "ukraine-contributions")]
    total_2025 = Decimal(3500000000 + 250000000 + 35000000)
    assert got == [
        (2025, None, Decimal(3500000000), "eur", total_2025),  # 001, dated by the Antalya FMM
        (2025, "purl", Decimal(250000000), "eur", total_2025),  # 003, made at the Brussels FMM
        (2025, "ucap", Decimal(35000000), "eur", total_2025),  # 003
    ]


def test_ukraine_contributions_of_the_eu(store):
    got = rows(store, "ukraine-contributions", actor="id:org/eu")
    # 004: the EPF ceiling of 5.7 billion; the 002 Ukraine Support Loan states no amount
    assert [(r[0], short(r[1]), r[2], r[4]) for r in got] == [(2022, "epf", Decimal(5700000000), Decimal(5700000000))]


# ---------------------------------------------------------------- 6


def _timeline(store):
    got = rows(store, "meetings-timeline")
    assert all(row[-1] is None for row in got)  # the seed letters name no meeting by its month alone
    return [(start, end, kind, meeting, city and short(city), country and short(country), informal, letter,
            letter_type, relation)
           for start, end, kind, meeting, city, country, informal, letter, letter_type, relation, _ in got]


def expected_timeline():
    ramstein = "id:meeting/external/2022-04-26-ramstein"
    fac = "id:meeting/external/2022-05-16-foreign-affairs-council"
    fac_defence = "id:meeting/external/2022-05-17-foreign-affairs-council-defence"
    euco = "id:meeting/external/2025-12-18-european-council"
    debate = "id:meeting/external/2026-07-01-commissiedebat"
    ext, fmm, summit = "ExternalMeeting", "ForeignMinistersMeeting", "Summit"
    agenda, report = "AnnotatedAgenda", "MeetingReport"
    hague = (D("2025-06-24"), D("2025-06-25"), summit, HAGUE, "the-hague", "nl", False)
    ankara = (D("2026-07-07"), D("2026-07-08"), summit, ANKARA, "ankara", "tr", False)
    return [
        (D("2022-04-26"), D("2022-04-26"), ext, ramstein, "ramstein", "de", False, L004, agenda, "mentions"),
        (D("2022-05-14"), D("2022-05-15"), fmm, BERLIN, "berlin", "de", True, L004, agenda, "about"),
        (D("2022-05-16"), D("2022-05-16"), ext, fac, None, None, False, L004, agenda, "mentions"),
        (D("2022-05-17"), D("2022-05-17"), ext, fac_defence, None, None, False, L004, agenda, "mentions"),
        (D("2022-06-28"), D("2022-06-30"), summit, MADRID, "madrid", "es", False, L004, agenda, "mentions"),
        (D("2025-05-14"), D("2025-05-15"), fmm, ANTALYA, "antalya", "tr", True, L001, agenda, "about"),
        (*hague, L001, agenda, "mentions"),  # the Hague summit's dates come from the reference data
        (*hague, L003, report, "mentions"),
        (*hague, L000, report, "mentions"),
        (*hague, L002, agenda, "mentions"),
        (D("2025-12-03"), D("2025-12-03"), fmm, BRUSSELS, "brussels", "be", False, L003, report, "about"),
        (D("2025-12-18"), D("2025-12-19"), ext, euco, None, None, False, L003, report, "mentions"),
        (D("2026-05-21"), D("2026-05-22"), fmm, HELSINGBORG, "helsingborg", "se", False, L000, report, "about"),
        (D("2026-07-01"), D("2026-07-01"), ext, debate, None, None, False, L002, agenda, "mentions"),
        (*ankara, L003, report, "mentions"),
        (*ankara, L000, report, "mentions"),
        (*ankara, L002, agenda, "about"),
    ]


def test_meetings_timeline(any_store):
    assert _timeline(any_store) == expected_timeline()


def test_meetings_timeline_sessions_and_dates(store):
    got = rows(store, "meetings-timeline", sessions="true", from_date="2022-01-01", to_date="2022-12-31")
    meetings = [r[3] for r in got]
    # 004's three sub-meetings join its five meetings; nothing outside 2022
    assert len(meetings) == 8
    assert f"{BERLIN}/working-session-1-2022-05-15" in meetings
    assert f"{BERLIN}/social-event-dinner-2022-05-14" in meetings
    assert all(r[0].year == 2022 for r in got)


# ---------------------------------------------------------------- 7


def test_participants(store):
    got = rows(store, "participants", meeting=BRUSSELS)
    # 003: "Noord-Atlantische Raad met 32 bondgenoten", "waaraan ook Oekraïne en de EU deelnamen"
    assert [(r[0], short(r[2]), short(r[3]), r[4], r[5]) for r in got] == [
        (D("2025-12-03"), "allies", "ally", 32, 1),
        (D("2025-12-03"), "eu", "partner", None, 1),
        (D("2025-12-03"), "ua", "partner", None, 1),
    ]
    assert all(r[6].startswith("id:participation/") for r in got)
    everything = rows(store, "participants")
    # 000, 002, 003 and 004 report 11, 11, 3 and 7; the eight IP4 and ICI countries
    # invited to Ankara are in both 000 and 002: one row each, reported by two letters
    assert len(everything) == 11 + 11 + 3 + 7 - 8
    ankara = {short(r[2]): r[5] for r in everything if r[1] == ANKARA}
    both = ("ae", "au", "bh", "jp", "kr", "kw", "nz", "qa")
    assert ankara == {**dict.fromkeys(both, 2), "eu": 1, "ua": 1, "allies": 1}  # 002 only
    assert len({r[6] for r in everything}) == len(everything)


def test_participants_letters_count_once_when_a_meeting_start_is_in_several_graphs(store):
    """Regression: the seed graphs state the Ankara summit's start date in both 000 and
    002; joined as it stood, each date copy counted every letter again (4 for 2)."""
    ankara = DEFAULT_DATA_BASE + ANKARA.removeprefix("id:")  # id:/ names hold slashes: no SPARQL prefixed name
    starts = store.query(
        f"SELECT (COUNT(?g) AS ?n) WHERE {{ GRAPH ?g {{ <{ankara}> <https://w3id.org/natokg/ontology#startDate> ?d }} }}"
    )
    assert int(next(iter(starts))[0].value) >= 2  # the condition the regression needs
    counts = {r[5] for r in rows(store, "participants", meeting=ANKARA) if short(r[2]) in ("jp", "kr")}
    assert counts == {2}


def test_participants_rows_lead_to_their_evidence(store):
    (japan,) = [r for r in rows(store, "participants", group="id:group/ip4") if r[1] == ANKARA and short(r[2]) == "jp"]
    quotes = rows(store, "evidence", resource=japan[6])
    assert {r[2] for r in quotes} == {L000, L002}  # the letters behind letters == 2


def test_participants_of_a_partner_group_over_time(store):
    ip4 = rows(store, "participants", group="id:group/ip4")
    # 004: the Asia Pacific Four at the Madrid summit; 000 (proposed) and 002 (invited): Ankara
    assert sorted((r[1], short(r[2]), r[5]) for r in ip4) == sorted(
        [(MADRID, country, 1) for country in ("au", "jp", "kr", "nz")]
        + [(ANKARA, country, 2) for country in ("au", "jp", "kr", "nz")]
    )
    ici = rows(store, "participants", group="id:group/ici")
    assert sorted({(r[1], r[5]) for r in ici}) == [(ANKARA, 2)]
    assert {short(r[2]) for r in ici} == {"ae", "bh", "kw", "qa"}


# ---------------------------------------------------------------- 8


def test_persons_posts(store):
    got = [(short(person), name, short(post), short(post_of), first, last, letters)
           for person, name, post, office, post_of, first, last, letters in rows(store, "persons-posts")]
    assert got == [
        ("andrii-sybiha", "Andrii Sybiha", "minister-of-foreign-affairs", "ua", D("2025-12-03"), D("2026-06-03"), 2),
        ("dilan-yesilgoz-zegerius", "Dilan Yeşilgöz-Zegerius", "minister-of-defence", "nl",
         D("2026-06-23"), D("2026-06-23"), 1),
        ("hakan-fidan", "Hakan Fidan", "minister-of-foreign-affairs", "tr", D("2025-05-14"), D("2025-05-14"), 1),
        ("jan-paternotte", "Jan Paternotte", "member-of-parliament", "nl", D("2025-05-14"), D("2025-05-14"), 1),
        ("kaja-kallas", "Kaja Kallas", "eu-high-representative", "eu", D("2025-12-03"), D("2026-06-03"), 2),
        ("kati-piri", "Kati Piri", "member-of-parliament", "nl", D("2025-05-14"), D("2025-05-14"), 1),
        ("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "president", "tr", D("2026-06-23"), D("2026-06-23"), 1),
        ("rob-jetten", "Rob Jetten", "prime-minister", "nl", D("2026-06-23"), D("2026-06-23"), 1),
        ("t-b-w-berendsen", "T.B.W. Berendsen", "minister-of-foreign-affairs", "nl",
         D("2026-06-03"), D("2026-06-23"), 2),
    ]


# ---------------------------------------------------------------- 9

# (meeting, topic) -> (distinct positions, statements), counted from the gold positions.
MATRIX = {
    HELSINGBORG: {
        "defence-spending": (3, 3), "burden-sharing": (2, 4), "defence-industry": (1, 1),
        "ukraine-support": (1, 2), "deterrence-and-defence": (1, 1), "terrorism": (1, 1),
        "middle-east": (1, 1), "western-balkans": (1, 1), "arctic": (1, 1), "partnerships": (2, 2),
        "strait-of-hormuz": (4, 5),
    },
    ANTALYA: {
        "deterrence-and-defence": (2, 2), "transatlantic-cooperation": (1, 1), "russia-threat": (1, 1),
        "indo-pacific": (1, 1), "defence-spending": (2, 2), "ukraine-support": (2, 3),
        "nato-enlargement": (1, 1), "defence-industry": (1, 1),
    },
    ANKARA: {
        "burden-sharing": (3, 4), "defence-spending": (2, 3), "defence-industry": (1, 1),
        "ukraine-support": (3, 5), "partnerships": (1, 2),
    },
    BRUSSELS: {
        "defence-spending": (2, 2), "burden-sharing": (4, 5), "defence-industry": (2, 2),
        "peace-process-ukraine": (5, 5), "russia-threat": (1, 1), "ukraine-support": (1, 1),
        "terrorism": (1, 1), "western-balkans": (1, 1), "middle-east": (1, 1), "africa": (1, 1),
        "arctic": (1, 1), "partnerships": (1, 1),
    },
    BERLIN: {
        "nato-enlargement": (3, 3), "russia-threat": (2, 2), "ukraine-support": (5, 6),
        "deterrence-and-defence": (2, 2), "strategic-concept": (1, 2), "china": (1, 1),
        "innovation-and-emerging-technologies": (1, 1), "climate-and-security": (1, 1),
        "partnerships": (1, 2), "common-funding": (2, 2),
    },
}


def test_topic_meeting_matrix(store):
    got = {(meeting, short(topic)): (positions, statements)
           for topic, meeting, start, positions, statements in rows(store, "topic-meeting-matrix")}
    expected = {(meeting, topic): counts for meeting, topics in MATRIX.items() for topic, counts in topics.items()}
    assert got == expected
    # the Ramstein meeting (external) is in only when asked for: "Nederland pleitte daar ook voor"
    with_external = rows(store, "topic-meeting-matrix", kinds="nkg:ExternalMeeting")
    assert [(r[1], short(r[0]), r[3], r[4]) for r in with_external] == [
        ("id:meeting/external/2022-04-26-ramstein", "ukraine-support", 1, 1)
    ]


@pytest.mark.parametrize(("name", "key_columns"), [
    ("participants", (1, 3, 2)),  # meeting, capacity, actor
    ("topic-meeting-matrix", (1, 0)),  # meeting, topic
    ("agenda-vs-report", (1, 2, 3, 7, 5)),  # meeting, topic, stance, intended, realised_by
])
def test_rows_sort_by_start_then_iri_text(store, name, key_columns):
    """These queries sort on key strings made once per distinct IRI, not on the IRIs
    (queries/README.md): the order must still be the meeting's start, then the IRIs' text."""
    got = rows(store, name)
    start = {"topic-meeting-matrix": 2}.get(name, 0)

    def key(row):
        return (row[start] is not None, row[start] or D("1900-01-01"), *(row[i] or "" for i in key_columns))

    assert len(got) > 20
    assert got == sorted(got, key=key)


# ---------------------------------------------------------------- 10


def test_agenda_vs_report(store):
    got = [(short(topic), short(stance), status, realised, report)
           for start, meeting, topic, stance, status, realised, report, _ in
           rows(store, "agenda-vs-report", meeting=ANTALYA)]
    # 001's intended Dutch positions; the corpus has no report of the Antalya meeting
    assert got == [
        ("defence-industry", "welcome", "no report", None, None),
        ("defence-spending", "emphasise", "no report", None, None),
        ("deterrence-and-defence", "emphasise", "no report", None, None),
        ("deterrence-and-defence", "support", "no report", None, None),
        ("indo-pacific", "emphasise", "no report", None, None),
        ("nato-enlargement", "support", "no report", None, None),
        ("russia-threat", "emphasise", "no report", None, None),
        ("transatlantic-cooperation", "emphasise", "no report", None, None),
        ("ukraine-support", "call-for", "no report", None, None),
        ("ukraine-support", "emphasise", "no report", None, None),
    ]
    everything = rows(store, "agenda-vs-report")
    # distinct intended Dutch positions of 001 (10), 002 (10) and 004 (18; not the one at Ramstein)
    assert len(everything) == 10 + 10 + 18
    assert {r[1] for r in everything} == {ANTALYA, ANKARA, BERLIN}


def test_agenda_vs_report_reads_the_pairing_graph():
    """With a report and a pairing graph, the statuses come from nkg:realisedBy / nkg:unrealised."""
    import pyoxigraph as ox

    store = build_seed_store()
    intended = {short(r[2]) + "/" + short(r[3]): r[7] for r in rows(store, "agenda-vs-report", meeting=ANKARA)}
    realised_by = "https://w3id.org/natokg/id/position/example-expressed"
    pairing = "https://w3id.org/natokg/id/graph/pairing"
    nkg = "https://w3id.org/natokg/ontology#"
    expand = "https://w3id.org/natokg/id/"
    store.update(
        f"INSERT DATA {{ GRAPH <{pairing}> {{"
        f" <{expand}{intended['defence-industry/support'][3:]}> <{nkg}realisedBy> <{realised_by}> ."
        f" <{expand}{intended['partnerships/welcome'][3:]}> <{nkg}unrealised> true . }}"
        f" GRAPH <{expand}graph/report-x> {{ <{expand}letter/report-x> a <{nkg}MeetingReport> ;"
        f" <{nkg}about> <{expand}meeting/summit/2026-07-07-ankara> . }} }}"
    )
    statuses = {short(r[2]) + "/" + short(r[3]): (r[4], r[5], r[6]) for r in
                rows(store, "agenda-vs-report", meeting=ANKARA)}
    report = "id:letter/report-x"
    assert statuses["defence-industry/support"] == ("realised", "id:position/example-expressed", report)
    assert statuses["partnerships/welcome"] == ("unrealised", None, report)
    assert statuses["burden-sharing/call-for"] == ("not paired", None, report)
    assert isinstance(store, ox.Store)


# ---------------------------------------------------------------- 11


def test_evidence(store):
    got = [("commitment" if subject.startswith("id:commitment/") else subject, via and short(via), letter, quote)
           for subject, via, letter, start, end, quote in rows(store, "evidence")]
    made_at = "nkg:madeAt"
    # the Hague summit: four letters mention it, seven commitment quotes say it was made there
    assert sorted(got, key=lambda r: (r[2], r[3])) == sorted([
        (HAGUE, None, L000, "in Den Haag gemaakte afspraak"),
        (HAGUE, None, L001, "NAVO Top in Den Haag"),
        (HAGUE, None, L002, "Een jaar na de top in Den Haag"),
        (HAGUE, None, L003, "NAVO-top in Den Haag"),
        ("commitment", made_at, L000,
         "de in Den Haag gemaakte afspraak om in 2035 5% van het BBP aan defensie te besteden"),
        ("commitment", made_at, L000, "waarvan 3,5% aan harde defensie-uitgaven"),
        ("commitment", made_at, L002,
         "de historische afspraak hun defensie- en veiligheid gerelateerde uitgaven te verhogen naar 5% van het bbp"),
        ("commitment", made_at, L002, "waarvan 3,5% voor defensie-uitgaven"),
        ("commitment", made_at, L002, "1,5% voor bredere veiligheid- en defensie-gerelateerde uitgaven"),
        ("commitment", made_at, L003,
         "de tijdens de NAVO-top in Den Haag gemaakte afspraken om in 2035 5% van het BBP aan veiligheid te besteden"),
        ("commitment", made_at, L003, "waarvan 3,5% aan kern-defensie-uitgaven"),
    ], key=lambda r: (r[2], r[3]))


def test_evidence_offsets_point_into_the_letters(store):
    from support.seed_dataset import document

    files = {L000: "000_d473f0d0e8325814.txt", L003: "003_a8b24aadb98f3dfc.txt"}
    got = rows(store, "evidence", resource="id:person/andrii-sybiha")
    # 000 writes "Andrii Sybiha", 003 "Sybiha"
    assert [(r[0], r[1], r[2], r[5]) for r in got] == [
        ("id:person/andrii-sybiha", None, L003, "Sybiha"),
        ("id:person/andrii-sybiha", None, L000, "Andrii Sybiha"),
    ]
    for subject, via, letter, start, end, quote in got:
        assert document(files[letter]).raw[start:end] == quote


# ---------------------------------------------------------------- 12


def test_kamerstukken(any_store):
    got = [(short(k), dossier, number, cited_by, letter, when)
           for k, dossier, number, cited_by, letter, when in rows(any_store, "kamerstukken")]
    assert got == [  # each cited once; ordered by IRI
        ("28676-36045-403", "28676-36045", "403", 1, L004, D("2022-05-14")),
        ("28676-386", "28676", "386", 1, L004, D("2022-05-14")),
        ("28676-404", "28676", "404", 1, L004, D("2022-05-14")),
        ("28676-489", "28676", "489", 1, L001, D("2025-05-14")),
        ("28676-499", "28676", "499", 1, L001, D("2025-05-14")),
        ("31125-134", "31125", "134", 1, L001, D("2025-05-14")),
        ("36850-X-2", "36850", "X-2", 1, L003, D("2025-12-03")),
    ]
    one = rows(any_store, "kamerstukken", kamerstuk="id:kamerstuk/31125-134")
    assert [(short(r[0]), r[4]) for r in one] == [("31125-134", L001)]


# ---------------------------------------------------------------- 13


def test_allies_count_check(any_store):
    got = rows(any_store, "allies-count-check")
    assert got == [
        (BERLIN, D("2022-05-14"), L004, 30, 30, True),  # "de dertig bondgenoten": before Finland and Sweden
        (BRUSSELS, D("2025-12-03"), L003, 32, 32, True),
        (HELSINGBORG, D("2026-05-21"), L000, 32, 32, True),
        (ANKARA, D("2026-07-07"), L002, 32, 32, True),
    ]
    assert rows(any_store, "allies-count-check", only_mismatches="true") == []


def test_allies_count_check_finds_a_wrong_count():
    store = build_seed_store()
    base, nkg = "https://w3id.org/natokg/id/", "https://w3id.org/natokg/ontology#"
    store.update(
        f"INSERT DATA {{ GRAPH <{base}graph/x> {{ <{base}participation/x> <{nkg}statedCount> 32 ;"
        f" <{nkg}inMeeting> <{base}meeting/foreign-ministers/2022-05-14-berlin> ;"
        f" <http://www.w3.org/ns/prov#wasDerivedFrom> <{base}letter/x> . }} }}"
    )
    assert rows(store, "allies-count-check", only_mismatches="yes") == [
        (BERLIN, D("2022-05-14"), "id:letter/x", 32, 30, False)
    ]


# ---------------------------------------------------------------- 14


def test_meeting_diff(store):
    got = {(short(present), item, short(topic), actor and short(actor), stance and short(stance))
           for present, absent, item, topic, actor, stance in rows(store, "meeting-diff")}
    b, h = "2025-12-03-brussels", "2026-05-21-helsingborg"
    topics = {(b, "topic", t, None, None) for t in ("peace-process-ukraine", "russia-threat", "africa")}
    topics |= {(h, "topic", t, None, None) for t in ("deterrence-and-defence", "strait-of-hormuz")}
    only_brussels = {
        ("us", "call-for", "defence-spending"), ("european-allies-and-canada", "intend", "burden-sharing"),
        ("nl", "call-for", "defence-spending"), ("several-allies", "emphasise", "defence-industry"),
        ("many-allies", "welcome", "peace-process-ukraine"), ("many-allies", "emphasise", "peace-process-ukraine"),
        ("several-allies", "emphasise", "russia-threat"), ("several-allies", "emphasise", "peace-process-ukraine"),
        ("nl", "emphasise", "peace-process-ukraine"), ("allies", "emphasise", "peace-process-ukraine"),
        ("nl", "emphasise", "burden-sharing"), ("several-allies", "emphasise", "burden-sharing"),
        ("several-allies", "emphasise", "africa"), ("allies", "emphasise", "partnerships"),
    }
    only_helsingborg = {
        ("allies", "emphasise", "defence-spending"), ("nl", "emphasise", "defence-spending"),
        ("nl", "support", "defence-spending"), ("several-allies", "call-for", "burden-sharing"),
        ("several-allies", "emphasise", "deterrence-and-defence"), ("several-allies", "emphasise", "partnerships"),
        ("nl", "support", "partnerships"), ("allies", "emphasise", "strait-of-hormuz"),
        ("many-european-allies", "intend", "strait-of-hormuz"), ("nl", "support", "strait-of-hormuz"),
        ("other-countries", "support", "strait-of-hormuz"),
    }
    positions = {(b, "position", t, a, s) for a, s, t in only_brussels}
    positions |= {(h, "position", t, a, s) for a, s, t in only_helsingborg}
    assert got == topics | positions
    assert len(rows(store, "meeting-diff")) == 30


def test_meeting_diff_of_a_meeting_with_itself_is_empty(store):
    assert rows(store, "meeting-diff", meeting_a=ANKARA, meeting_b=ANKARA) == []


# ---------------------------------------------------------------- the real build

# The tests above that take ``any_store`` run on the real build too. These check the
# rest of the gold facts on the real build where the extractor's wording (quote spans,
# sessions) may legitimately differ from the hand-made records.


@pytest.mark.slow
def test_real_build_topic_history(real_store):
    got = [(when, short(actor), short(stance), short(modality), letter)
           for when, meeting, actor, stance, modality, letter, quote in rows(real_store, "topic-history")]
    assert sorted(got) == sorted([  # the gold positions on defence spending, by meeting date
        (D("2025-05-14"), "allies", "support", "intended", L001),
        (D("2025-05-14"), "nl", "emphasise", "intended", L001),
        (D("2025-12-03"), "nl", "call-for", "expressed", L003),
        (D("2025-12-03"), "us", "call-for", "expressed", L003),
        (D("2026-05-21"), "allies", "emphasise", "expressed", L000),
        (D("2026-05-21"), "nl", "emphasise", "expressed", L000),
        (D("2026-05-21"), "nl", "support", "expressed", L000),
        (D("2026-07-07"), "nl", "call-for", "intended", L002),
        (D("2026-07-07"), "nl", "intend", "intended", L002),
        (D("2026-07-07"), "nl", "intend", "intended", L002),
    ])


@pytest.mark.slow
def test_real_build_recurring_positions(real_store):
    got = {(short(a), short(s), short(t)): (n, first, last) for a, s, t, n, first, last, _ in
           rows(real_store, "recurring-positions")}
    # the gold file's strongest recurring positions, exactly
    assert got[("nl", "call-for", "burden-sharing")] == (3, D("2025-12-03"), D("2026-07-07"))
    assert got[("nl", "emphasise", "ukraine-support")] == (3, D("2022-05-14"), D("2026-07-07"))
    assert got[("allies", "emphasise", "ukraine-support")] == (2, D("2025-12-03"), D("2026-05-21"))
    gold = {("nl", "call-for", "burden-sharing"), ("nl", "emphasise", "ukraine-support"),
            ("allies", "emphasise", "ukraine-support"), ("nl", "emphasise", "defence-spending"),
            ("nl", "emphasise", "defence-industry"), ("several-allies", "emphasise", "terrorism"),
            ("several-allies", "emphasise", "middle-east"), ("several-allies", "emphasise", "western-balkans"),
            ("several-allies", "emphasise", "arctic"), ("nl", "support", "deterrence-and-defence"),
            ("nl", "emphasise", "russia-threat"), ("nl", "support", "nato-enlargement"),
            ("nl", "call-for", "defence-spending"), ("nl", "intend", "ukraine-support"),
            ("nl", "support", "ukraine-support")}
    assert len(gold & set(got)) >= 13, sorted(gold - set(got))  # extraction recall, not perfection


@pytest.mark.slow
def test_real_build_persons_and_participants(real_store):
    persons = {(short(r[0]), short(r[2])) for r in rows(real_store, "persons-posts")}
    assert persons >= {
        ("andrii-sybiha", "minister-of-foreign-affairs"), ("kaja-kallas", "eu-high-representative"),
        ("t-b-w-berendsen", "minister-of-foreign-affairs"), ("dilan-yesilgoz-zegerius", "minister-of-defence"),
        ("rob-jetten", "prime-minister"), ("recep-tayyip-erdogan", "president"),
        ("hakan-fidan", "minister-of-foreign-affairs"), ("jan-paternotte", "member-of-parliament"),
        ("kati-piri", "member-of-parliament"),
    }
    allies = {(r[1], r[4]) for r in rows(real_store, "participants") if short(r[2]) == "allies"}
    assert allies == {(HELSINGBORG, 32), (ANKARA, 32), (BRUSSELS, 32), (BERLIN, 30)}
    ip4_meetings = {r[1].split("/")[2] for r in rows(real_store, "participants", group="id:group/ip4")}
    assert {"2026-07-07-ankara", "2022-06-28-madrid"} <= ip4_meetings  # Madrid: "aanwezig ... bij de top in Madrid"


# ---------------------------------------------------------------- what parameters take


def test_topics(store):
    found = {row[0]: row[1:] for row in rows(store, "topics")}
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    scheme = Graph().parse(ROOT / "ontology" / "topics.ttl")
    topics = set(scheme.subjects(RDF.type, URIRef("https://w3id.org/natokg/ontology#Topic")))
    assert len(found) == len(topics) > 50  # every topic of ontology/topics.ttl, used or not
    assert found["id:topic/defence-spending"][:2] == ("defence spending", "defensie-uitgaven")
    assert found["id:topic/afghanistan"][2:] == (0, 0)
    history = rows(store, "topic-history", topic="id:topic/ukraine-support")
    assert found["id:topic/ukraine-support"][2] >= len({row[2:5] for row in history}) > 0


def test_actors(store):
    found = {row[0]: row[1:] for row in rows(store, "actors")}
    assert found[NL][:2] == ("Netherlands", "Nederland")
    assert found[NL][2] > 0 and found[ALLIES][3] > 0  # NL holds positions; the allies commit
    assert found["id:state/ua"][2:] == (0, 0, 3)  # Ukraine is only a guest of meetings
    assert "id:topic/defence-spending" not in found


def test_letters(store):
    letters = rows(store, "letters")
    assert {row[0]: (row[1], row[3]) for row in letters} == {
        L000: ("MeetingReport", HELSINGBORG), L001: ("AnnotatedAgenda", ANTALYA), L002: ("AnnotatedAgenda", ANKARA),
        L003: ("MeetingReport", BRUSSELS), L004: ("AnnotatedAgenda", BERLIN),
    }
    assert {row[0]: row[2] for row in letters if row[2]} == {L000: D("2026-06-03"), L002: D("2026-06-23")}


def test_meetings_timeline_lists_a_meeting_known_by_its_month(tmp_path):
    """The 2007 Noordwijk report names "de informele bijeenkomst van ministers van Defensie in
    Vilnius in februari 2008": the real build gives it its month, the timeline shows it."""
    from natokg.store.build import build
    from natokg.store.layout import open_store

    letters = tmp_path / "letters"
    letters.mkdir()
    name = "dev_2007_dmm_report_noordwijk.txt"
    (letters / name).write_bytes((ROOT / "corpus" / "letters" / name).read_bytes())
    assert build(letters, tmp_path / "store").letters_loaded == 1
    got = rows(open_store(tmp_path / "store", read_only=True), "meetings-timeline")
    vilnius = [r for r in got if r[3] == "id:meeting/defence-ministers/2008-02-vilnius"]
    assert [(r[0], r[4], r[-1]) for r in vilnius] == [(None, "id:place/vilnius", "2008-02")]
