"""A small, exactly known dataset for query tests: the five seed letters as the gold
file (corpus/gold/seeds.yaml) describes them, mapped with natokg.rdf.mapping.

The records are not extracted: they are written from the gold facts, so the saved
queries can be tested against rows a reader can check by reading the letters and the
gold file, independently of how good the extractor is. The few things the gold file
does not state are fixed here by simple rules (see ``_status`` and ``_modality``) or
small tables (the meeting quotes, the beneficiaries of contributions).

Every quote is a real substring of the letter's raw text (identity offsets, the way
tests/rdf/test_mapping.py builds its SourceDocument). ``build_seed_store()`` returns a
pyoxigraph Store with one named graph per letter, graph/entities (the union of the
letters' shared descriptions), graph/reference and the ontology graphs, laid out as
natokg.store.build lays out a real store.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from rdflib import Graph, Literal
from rdflib.namespace import SKOS

from natokg.rdf.mapping import ENTITIES_GRAPH, LetterGraphs, map_records
from natokg.namespaces import iri, slugify
from natokg.records import (
    ActorRef,
    Commitment,
    Evidence,
    KamerstukRef,
    Letter,
    LetterRecords,
    Meeting,
    MeetingRef,
    Participation,
    Person,
    Position,
    PostRef,
    SourceDocument,
)

ROOT = Path(__file__).resolve().parents[2]
LETTERS = ROOT / "corpus" / "letters"
GOLD = ROOT / "corpus" / "gold" / "seeds.yaml"
REFERENCE_GRAPH = str(iri("graph", "reference"))

# ---------------------------------------------------------------- meetings

HAGUE = MeetingRef("summit", date(2025, 6, 24), "the-hague")
ANKARA = MeetingRef("summit", date(2026, 7, 7), "ankara")
MADRID = MeetingRef("summit", date(2022, 6, 28), "madrid")
HELSINGBORG = MeetingRef("foreign-ministers", date(2026, 5, 21), "helsingborg")
ANTALYA = MeetingRef("foreign-ministers", date(2025, 5, 14), "antalya")
BRUSSELS = MeetingRef("foreign-ministers", date(2025, 12, 3), "brussels")
BERLIN = MeetingRef("foreign-ministers", date(2022, 5, 14), "berlin")
RAMSTEIN = MeetingRef("external", date(2022, 4, 26), "ramstein")
EUROPEAN_COUNCIL = MeetingRef("external", date(2025, 12, 18), None, "european-council")
COMMITTEE_DEBATE = MeetingRef("external", date(2026, 7, 1), None, "commissiedebat")
FOREIGN_AFFAIRS_COUNCIL = MeetingRef("external", date(2022, 5, 16), None, "foreign-affairs-council")
FOREIGN_AFFAIRS_COUNCIL_DEFENCE = MeetingRef(
    "external", date(2022, 5, 17), None, "foreign-affairs-council-defence"
)


def _session(parent: MeetingRef, kind: str, key: str, day: date | None) -> MeetingRef:
    return MeetingRef(kind, day, None, key, parent=parent)


# Per letter: (ref, role, name, end, informal, quote). Names and dates from the gold
# file's main_meeting / sub_meetings / other_meetings; quotes chosen from the letter.
MEETINGS: dict[str, list[tuple]] = {
    "000_d473f0d0e8325814.txt": [
        (HELSINGBORG, "main", "NATO Foreign Ministers Meeting", date(2026, 5, 22), False,
         "*NATO Foreign Ministers Meeting* (FMM) plaats in Helsingborg, Zweden"),
        (_session(HELSINGBORG, "council-session", "north-atlantic-council", None), "session",
         "Noord-Atlantische Raad (NAR)", None, False, "Noord-Atlantische Raad (NAR)"),
        (_session(HELSINGBORG, "social-event", "informal-dinner", None), "session",
         "informeel diner", None, True, "informeel diner"),
        (ANKARA, "mentioned", "NAVO-top in Ankara", date(2026, 7, 8), False,
         "NAVO-top, die zal plaatsvinden op 7 en 8 juli 2026 in Ankara, Turkije"),
        (HAGUE, "mentioned", "in Den Haag gemaakte afspraak", None, False, "in Den Haag gemaakte afspraak"),
    ],
    "001_cd1c5c75dbeda8f3.txt": [
        (ANTALYA, "main", "informele NAVO Foreign Ministers Meeting", date(2025, 5, 15), True,
         "Informal Foreign Ministers Meeting, iFMM) plaats in Antalya"),
        (_session(ANTALYA, "social-event", "informal-dinner", date(2025, 5, 14)), "session",
         "informeel diner", None, True, "informeel diner"),
        (_session(ANTALYA, "council-session", "north-atlantic-council", date(2025, 5, 15)), "session",
         "informele Noord-Atlantische Raad", None, True, "informele Noord-Atlantische Raad"),
        (HAGUE, "mentioned", "NAVO Top in Den Haag", None, False, "NAVO Top in Den Haag"),
    ],
    "002_7ea007089aa3c9f1.txt": [
        (ANKARA, "main", "NAVO-top", date(2026, 7, 8), False,
         "Op 7 en 8 juli 2026 komen de NAVO-bondgenoten bijeen in Ankara"),
        (_session(ANKARA, "social-event", "reception", date(2026, 7, 7)), "session", "receptie", None, False,
         "uitgenodigd voor een receptie"),
        (_session(ANKARA, "social-event", "social-dinner", date(2026, 7, 7)), "session", "sociaal diner", None,
         False, "sociaal diner"),
        (_session(ANKARA, "council-session", "north-atlantic-council", date(2026, 7, 8)), "session",
         "formele bijeenkomst in de Noord-Atlantische Raad (NAR)", None, False,
         "formele bijeenkomst in de Noord-Atlantische Raad (NAR)"),
        (_session(ANKARA, "council-session", "ici-meeting", date(2026, 7, 7)), "session",
         "bijeenkomst met de NAVO-partnerlanden onder het Istanbul Cooperation Initiative (ICI)", None, False,
         "bijeenkomst met de NAVO-partnerlanden onder het *Istanbul Cooperation Initiative* (ICI)"),
        (_session(ANKARA, "council-session", "nato-ukraine-council", date(2026, 7, 7)), "session",
         "diner van de ministers van Buitenlandse zaken in samenstelling van de NAVO-Oekraïne Raad", None, False,
         "diner plaats van de ministers van Buitenlandse zaken in samenstelling van de NAVO-Oekraïne Raad"),
        (_session(ANKARA, "social-event", "informal-reception", date(2026, 7, 7)), "session",
         "informele receptie", None, True, "informele receptie"),
        (_session(ANKARA, "social-event", "working-dinner", date(2026, 7, 7)), "session", "werkdiner", None,
         False, "werkdiner"),
        (_session(ANKARA, "forum", "defence-industry-forum", date(2026, 7, 7)), "session",
         "NATO Summit Defence Industry Forum (NSDIF)", None, False,
         "*NATO Summit Defence Industry Forum* (NSDIF)"),
        (HAGUE, "mentioned", "de top in Den Haag", None, False, "Een jaar na de top in Den Haag"),
        (COMMITTEE_DEBATE, "mentioned", "Commissiedebat", date(2026, 7, 1), False,
         "Op 1 juli vindt Commissiedebat plaats in de Tweede Kamer"),
    ],
    "003_a8b24aadb98f3dfc.txt": [
        (BRUSSELS, "main", "NAVO Foreign Ministers Meeting", date(2025, 12, 3), False,
         "De NAVO Foreign Ministers Meeting (FMM) vond op 3 december jl. plaats in Brussel"),
        (_session(BRUSSELS, "council-session", "north-atlantic-council", date(2025, 12, 3)), "session",
         "Noord-Atlantische Raad", None, False, "Noord-Atlantische Raad met 32 bondgenoten"),
        (_session(BRUSSELS, "council-session", "nato-ukraine-council", date(2025, 12, 3)), "session",
         "NAVO-Oekraïne Raad", None, False, "NAVO-Oekraïne Raad waaraan ook Oekraïne en de EU deelnamen"),
        (HAGUE, "mentioned", "NAVO-top in Den Haag", None, False, "NAVO-top in Den Haag"),
        (ANKARA, "mentioned", "de volgende NAVO-top van 7 en 8 juli 2026 in Ankara, Turkije", date(2026, 7, 8),
         False, "volgende NAVO-top van 7 en 8 juli 2026 in Ankara, Turkije"),
        (EUROPEAN_COUNCIL, "mentioned", "de aanstaande Europese Raad op 18 en 19 december", date(2025, 12, 19),
         False, "Europese Raad op 18 en 19 december"),
    ],
    "004_645f0c655bd661fc.txt": [
        (BERLIN, "main", "informele bijeenkomst van de NAVO-Ministers van Buitenlandse Zaken", date(2022, 5, 15),
         True, "de NAVO-Ministers van Buitenlandse Zaken (FMM) plaatsvinden in Berlijn"),
        (_session(BERLIN, "social-event", "dinner", date(2022, 5, 14)), "session",
         "Diner met deelname van Finland en Zweden", None, False, "Diner met deelname van Finland en Zweden"),
        (_session(BERLIN, "working-session", "1", date(2022, 5, 15)), "session", "Werksessie I: Oekraïne",
         None, False, "Werksessie I: Oekraïne"),
        (_session(BERLIN, "working-session", "2", date(2022, 5, 15)), "session",
         "Werksessie II: Strategisch Concept, Asia-Pacific en NAVO2030", None, False,
         "Werksessie II: Strategisch Concept, Asia-Pacific en NAVO2030"),
        (RAMSTEIN, "mentioned", "de bijeenkomst van circa veertig defensieministers in Ramstein", date(2022, 4, 26),
         False, "in Ramstein op 26 april jl."),
        (MADRID, "mentioned", "NAVO-top in Madrid, van 28 tot en met 30 juni", date(2022, 6, 30), False,
         "NAVO-top in Madrid, van 28 tot en met 30 juni"),
        (FOREIGN_AFFAIRS_COUNCIL, "mentioned", "Raad Buitenlandse Zaken van maandag 16 mei 2022", date(2022, 5, 16),
         False, "Raad Buitenlandse Zaken van maandag 16 mei"),
        (FOREIGN_AFFAIRS_COUNCIL_DEFENCE, "mentioned", "Raad Buitenlandse Zaken/Defensie op dinsdag 17 mei 2022",
         date(2022, 5, 17), False, "Raad Buitenlandse Zaken/Defensie op dinsdag 17 mei"),
    ],
}

# The gold file's "made_at" values.
MADE_AT = {
    "The Hague summit 2025": HAGUE,
    "Helsingborg FMM 2026": HELSINGBORG,
    "Brussels FMM 2025": BRUSSELS,
    "Ankara summit 2026": ANKARA,
    "Ankara summit 2026 (NATO Summit Defence Industry Forum)": ANKARA,
}

# Positions the gold file places at another meeting than the letter's main one.
POSITION_MEETINGS = {"Nederland pleitte \ndaar ook voor tijdens": RAMSTEIN}

# ---------------------------------------------------------------- actors

NL = ActorRef("state", "nl")
UA = ActorRef("state", "ua")
ACTORS = {
    "Allies": ActorRef("group", "allies"),
    "Netherlands": NL,
    "Several allies": ActorRef("group", "several-allies"),
    "Many allies": ActorRef("group", "many-allies"),
    "Other allies": ActorRef("group", "other-allies"),
    "Many European allies": ActorRef("group", "many-european-allies"),
    "European Allies and Canada": ActorRef("group", "european-allies-and-canada"),
    "Other countries": ActorRef("group", "other-countries"),
    "EU member states": ActorRef("group", "eu-member-states"),
    "NATO": ActorRef("organisation", "nato"),
    "European Union": ActorRef("organisation", "eu"),
    "United States": ActorRef("state", "us"),
}
# Partner name (gold) -> (actor, the Dutch forms a letter may use, first found is the quote).
PARTNERS = {
    "Ukraine": (UA, ("Oekraïne",)),
    "European Union": (ActorRef("organisation", "eu"), ("de EU", "Europese Unie", "EU")),
    "Australia": (ActorRef("state", "au"), ("Australië",)),
    "Japan": (ActorRef("state", "jp"), ("Japan",)),
    "South Korea": (ActorRef("state", "kr"), ("Zuid-Korea", "Zuid Korea")),
    "New Zealand": (ActorRef("state", "nz"), ("Nieuw-Zeeland", "Nieuw Zeeland")),
    "Bahrain": (ActorRef("state", "bh"), ("Bahrein",)),
    "Kuwait": (ActorRef("state", "kw"), ("Koeweit",)),
    "Qatar": (ActorRef("state", "qa"), ("Qatar",)),
    "United Arab Emirates": (ActorRef("state", "ae"), ("Verenigde Arabische Emiraten",)),
    "Finland": (ActorRef("state", "fi"), ("Finland",)),
    "Sweden": (ActorRef("state", "se"), ("Zweden",)),
}
# Partners the gold file lists for a letter but the letter places at another meeting than
# its main one: 000 supports their presence "tijdens de NAVO-top in Ankara"; 004 wants the
# Asia Pacific Four "aanwezig ... bij de top in Madrid".
IP4 = ("Australia", "Japan", "South Korea", "New Zealand")
ICI = ("Bahrain", "Kuwait", "Qatar", "United Arab Emirates")
PARTNER_MEETINGS = {
    "000_d473f0d0e8325814.txt": {name: ANKARA for name in IP4 + ICI},
    "004_645f0c655bd661fc.txt": {name: MADRID for name in IP4},
}
# The words that state the number of allies (gold: allies_count).
ALLIES_QUOTES = {
    "000_d473f0d0e8325814.txt": "alle 32 NAVO-bondgenoten",
    "002_7ea007089aa3c9f1.txt": "de 32 bondgenoten",
    "003_a8b24aadb98f3dfc.txt": "Noord-Atlantische Raad met 32 bondgenoten",
    "004_645f0c655bd661fc.txt": "de dertig bondgenoten",
}
# Gold person name -> (person key, post).
PERSONS = {
    "T.B.W. Berendsen": ("t-b-w-berendsen", PostRef("minister-of-foreign-affairs", NL)),
    "Andrii Sybiha": ("andrii-sybiha", PostRef("minister-of-foreign-affairs", UA)),
    "Sybiha": ("andrii-sybiha", PostRef("minister-of-foreign-affairs", UA)),
    "Kaja Kallas": ("kaja-kallas", PostRef("eu-high-representative", ActorRef("organisation", "eu"))),
    "Kallas": ("kaja-kallas", PostRef("eu-high-representative", ActorRef("organisation", "eu"))),
    "Hakan Fidan": ("hakan-fidan", PostRef("minister-of-foreign-affairs", ActorRef("state", "tr"))),
    "Paternotte": ("jan-paternotte", PostRef("member-of-parliament", NL)),
    "Piri": ("kati-piri", PostRef("member-of-parliament", NL)),
    "Dilan Yeşilgöz-Zegerius": ("dilan-yesilgoz-zegerius", PostRef("minister-of-defence", NL)),
    "Jetten": ("rob-jetten", PostRef("prime-minister", NL)),
    "Recep Tayyip Erdoğan": ("recep-tayyip-erdogan", PostRef("president", ActorRef("state", "tr"))),
}
# Who receives a financial contribution (the gold file does not say): start of the quote -> actor.
BENEFICIARIES = {
    "Het kabinet heeft EUR 3,5 miljard": UA,
    "een additionele bijdrage van EUR 250 mln.": ActorRef("organisation", "purl"),
    "Ook alloceert Nederland additioneel EUR 35 mln.": ActorRef("organisation", "ucap"),
    "Diverse bondgenoten kondigden hiertoe nieuwe steun": UA,
    "Ook andere bondgenoten kondigden nieuwe bijdragen aan PURL": ActorRef("organisation", "purl"),
    "plafond van 5,7 miljard euro": ActorRef("organisation", "epf"),
    "de vrijgekomen middelen uit de EU": ActorRef("organisation", "ukraine-support-loan"),
}
LETTER_KINDS = {"agenda": "agenda", "report": "report", "other": "letter"}
UNITS = {"percent_gdp": "percent-gdp", "EUR": "eur", "USD": "usd", None: None}


# ---------------------------------------------------------------- helpers


def document(file: str) -> SourceDocument:
    path = LETTERS / file
    raw = path.read_text(encoding="utf-8")
    return SourceDocument(
        path=path,
        raw=raw,
        text=raw,
        offsets=tuple(range(len(raw) + 1)),
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        media_type="text/plain",
    )


def evidence(doc: SourceDocument, quote: str) -> Evidence:
    start = doc.raw.find(quote)
    if start < 0:
        raise AssertionError(f"{doc.path.name}: quote not in the letter: {quote!r}")
    return Evidence(start, start + len(quote), quote)


@cache
def _topic_slugs() -> dict[str, str]:
    """English labels of ontology/topics.ttl (lower case) -> topic slug."""
    graph = Graph().parse(ROOT / "ontology" / "topics.ttl", format="turtle")
    slugs = {}
    for predicate in (SKOS.altLabel, SKOS.prefLabel):  # prefLabels win
        for subject, label in graph.subject_objects(predicate):
            if isinstance(label, Literal) and label.language == "en" and "/topic/" in str(subject):
                slugs[str(label).lower()] = str(subject).rsplit("/", 1)[1]
    return slugs


def topic_slug(name: str) -> str:
    return _topic_slugs()[name.lower()]


def _status(kind: str, actor: ActorRef, letter_kind: str) -> str:
    """The gold file has no status: a Dutch pledge in an agenda is intended, a spending
    target agreed, anything else announced."""
    if actor == NL and letter_kind == "agenda":
        return "intended"
    if kind == "spending-target":
        return "agreed"
    return "announced"


def _modality(letter_kind: str, meeting: MeetingRef, main: MeetingRef) -> str:
    """An agenda's positions about its own meeting are intended; everything else expressed."""
    return "intended" if letter_kind == "agenda" and meeting == main else "expressed"


def _kamerstuk(doc: SourceDocument, written: str) -> KamerstukRef:
    numbers = re.findall(r"\d[\d ]*\d|\d", written.split(",")[0])
    dossier = "-".join(n.replace(" ", "") for n in numbers)
    number = written.rsplit("nr.", 1)[1].strip()
    pattern = r"\s+".join(re.escape(part) for part in written.split())
    match = re.search(pattern, doc.raw)
    if not match:
        raise AssertionError(f"{doc.path.name}: Kamerstuk not found: {written!r}")
    return KamerstukRef(dossier, number, Evidence(match.start(), match.end(), match.group(0)))


# ---------------------------------------------------------------- records


def letter_records(entry: dict) -> tuple[LetterRecords, SourceDocument]:
    doc = document(entry["file"])
    kind = LETTER_KINDS[entry["doc_type"]]
    reference = entry.get("reference")
    title = re.search(r"^Betreft (.+)$", doc.raw, re.M)
    letter = Letter(
        key=reference.lower() if reference else doc.sha256[:12],
        kind=kind,
        sha256=doc.sha256,
        source_file=entry["file"],
        date=date.fromisoformat(entry["letter_date"]) if entry.get("letter_date") else None,
        reference=reference,
        title=title.group(1).strip() if title else None,
        addressee="eerste-kamer" if "Eerste Kamer der Staten-Generaal" in doc.raw[:400] else None,
        signatories=[PERSONS[s["name"]][0] for s in entry.get("signatories") or []],
        kamerstukken=[_kamerstuk(doc, k) for k in entry.get("kamerstukken") or []],
    )
    main_ref = MEETINGS[entry["file"]][0][0]
    gold_main = entry["main_meeting"]
    assert main_ref.start == date.fromisoformat(gold_main["start"]), entry["file"]
    meetings = [
        Meeting(ref=ref, role=role, name=name, end=end, informal=informal, evidence=[evidence(doc, quote)])
        for ref, role, name, end, informal, quote in MEETINGS[entry["file"]]
    ]
    persons: dict[str, Person] = {}
    for gold_person in entry.get("persons") or []:
        key, post = PERSONS[gold_person["name"]]
        persons[key] = Person(key, gold_person["name"], [post], [evidence(doc, gold_person["name"])])
    participations = []
    if entry.get("allies_count"):
        participations.append(
            Participation(ACTORS["Allies"], main_ref, "ally", [evidence(doc, ALLIES_QUOTES[entry["file"]])],
                          stated_count=entry["allies_count"])
        )
    for name in entry.get("partners") or []:
        actor, forms = PARTNERS[name]
        form = next(f for f in forms if f in doc.raw)
        meeting = PARTNER_MEETINGS.get(entry["file"], {}).get(name, main_ref)
        participations.append(Participation(actor, meeting, "partner", [evidence(doc, form)]))
    commitments = []
    for gold in entry.get("commitments") or []:
        actor = ACTORS[gold["actor"]]
        commitment_kind = gold["kind"].replace("_", "-")
        beneficiary = next((b for prefix, b in BENEFICIARIES.items() if gold["quote"].startswith(prefix)), None)
        commitments.append(
            Commitment(
                actor=actor,
                kind=commitment_kind,
                status=_status(commitment_kind, actor, kind),
                evidence=[evidence(doc, gold["quote"])],
                amount=Decimal(str(gold["amount"])) if gold["amount"] is not None else None,
                unit=UNITS[gold["unit"]],
                target_year=gold["target_year"],
                beneficiary=beneficiary,
                made_at=MADE_AT[gold["made_at"]] if gold["made_at"] else None,
                key_phrase=slugify(gold["what"]),
            )
        )
    positions = []
    topics: dict[str, list[Evidence]] = {}
    for gold in entry.get("positions") or []:
        meeting = next((m for prefix, m in POSITION_MEETINGS.items() if gold["quote"].startswith(prefix)), main_ref)
        quote = evidence(doc, gold["quote"])
        topic = topic_slug(gold["topic"])
        positions.append(
            Position(
                actor=ACTORS[gold["actor"]],
                stance=gold["stance"].replace("_", "-"),
                topic=topic,
                meeting=meeting,
                modality=_modality(kind, meeting, main_ref),
                evidence=[quote],
                verb=gold["verb"],
            )
        )
        if meeting == main_ref:
            topics.setdefault(topic, []).append(quote)
    records = LetterRecords(
        letter=letter,
        meetings=meetings,
        persons=list(persons.values()),
        participations=participations,
        commitments=commitments,
        positions=positions,
        topics=topics,
    )
    return records, doc


@cache
def seed_letter_graphs() -> tuple[LetterGraphs, ...]:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return tuple(map_records(*letter_records(entry)) for entry in gold)


def letter_key(file: str) -> str:
    """The letter key of a seed letter file, as the seed dataset (and the build) mint it."""
    gold = {e["file"]: e for e in yaml.safe_load(GOLD.read_text(encoding="utf-8"))}
    reference = gold[file].get("reference")
    return reference.lower() if reference else document(file).sha256[:12]


def _ontology_graphs() -> dict[str, Graph]:
    """ontology/*.ttl as the build loads them: natokg.ttl -> graph/ontology, others graph/{stem}."""
    from natokg.knowledge.lexicon import load_reference_graph

    graphs = {}
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        name = "ontology" if path.stem == "natokg" else path.stem
        graphs[str(iri("graph", name))] = Graph().parse(path, format="turtle")
    graphs[REFERENCE_GRAPH] = load_reference_graph()
    return graphs


@cache
def seed_nquads() -> str:
    """The whole seed dataset as N-Quads (sorted, so the same every time)."""
    from rdflib import BNode, Dataset, URIRef

    dataset = Dataset()

    def add(graph_iri: str, graph: Graph) -> None:
        named = dataset.graph(URIRef(graph_iri))
        for s, p, o in graph:
            if not (isinstance(s, BNode) or isinstance(o, BNode)):  # OWL blank nodes: not queried
                named.add((s, p, o))

    for graphs in seed_letter_graphs():
        add(str(graphs.graph), graphs.assertions)
        add(str(ENTITIES_GRAPH), graphs.entities)
    for graph_iri, graph in _ontology_graphs().items():
        add(graph_iri, graph)
    with warnings.catch_warnings():  # rdflib's N-Quads serialiser uses its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        lines = dataset.serialize(format="nquads").splitlines()
    return "".join(sorted({line + "\n" for line in lines if line.strip()}))


def build_seed_store(path: str | Path | None = None):
    """A pyoxigraph Store (in memory, or on disk at ``path``) holding the seed dataset."""
    import pyoxigraph as ox

    store = ox.Store(str(path)) if path is not None else ox.Store()
    store.bulk_load(seed_nquads().encode("utf-8"), ox.RdfFormat.N_QUADS)
    store.flush()
    return store


def seed_rdflib_dataset():
    """The seed dataset as an rdflib Dataset (for comparing engines)."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=seed_nquads(), format="nquads")
    return dataset


__all__ = ["build_seed_store", "document", "evidence", "letter_key", "seed_letter_graphs", "seed_nquads"]


def seed_store_dir(store_dir: Path) -> Path:
    """A store folder laid out as a build leaves it (manifest + generation + its union
    copy) with the seed dataset: what ``run_sparql(store_path=...)`` and ``natokg query
    --store`` open."""
    from natokg.store.layout import Manifest, write_manifest
    from natokg.store.export import GraphTexts
    from natokg.store.union import make_union_copy

    store_dir.mkdir(parents=True, exist_ok=True)
    store = build_seed_store(store_dir / "db-000001")
    make_union_copy(store, store_dir, "db-000001", GraphTexts(store, files={}))
    del store
    import gc

    gc.collect()  # pyoxigraph releases the RocksDB lock when the Store is collected
    write_manifest(store_dir, Manifest(generation="db-000001"))
    return store_dir
