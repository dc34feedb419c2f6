"""Tests for natokg.evaluation.scoring: name resolution, scoring, report (gold loading: test_gold.py).

The scorer is tested with extractors built from the gold itself, so these tests do not
depend on the real extractor's quality; the real pipeline gets one smoke test.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from natokg.cli.render_eval import format_by_letter, format_report
from natokg.evaluation.report import (
    ALLIES_COUNT,
    AMOUNTS,
    CATEGORIES,
    COMMITMENTS,
    DOC_TYPE,
    LETTER_DATE,
    MAIN_MEETING,
    METADATA,
    OTHER_MEETINGS,
    PAIRING,
    PARTNERS,
    PERSONS,
    POSITIONS,
    REQUIRED_F1,
    SESSIONS,
    CategoryScore,
)
from natokg.evaluation.scoring import GoldNames, evaluate, letter_year
from natokg.errors import BadInputError, NoMeetingError
from natokg.evaluation.gold import GoldLetter, load_gold
from natokg.namespaces import slugify
from natokg.records import (
    ActorRef,
    Commitment,
    Evidence,
    Letter,
    LetterRecords,
    Meeting,
    MeetingRef,
    Participation,
    Person,
    Position,
    PostRef,
)
from support.gold_files import GOLD_DIR, LETTERS_DIR, SEED_FILES, SEED_GOLD


def evidence(quote: str | None) -> list[Evidence]:
    return [Evidence(0, len(quote), quote)] if quote else []


def records_from_gold(gold: GoldLetter, names: GoldNames) -> LetterRecords:
    """The perfect extractor: the gold facts as records, through the scorer's name resolution."""
    letter = Letter(
        key=slugify(gold.reference or gold.file),
        kind="letter" if gold.doc_type == "other" else gold.doc_type,  # type: ignore[arg-type]
        sha256="0" * 64,
        source_file=gold.file,
        date=gold.letter_date,
        reference=gold.reference,
        signatories=[slugify(s.name) for s in gold.signatories],
    )
    records = LetterRecords(letter)
    main = gold.main_meeting
    main_ref = MeetingRef(names.meeting_kind(main.kind), main.start, names.city(main.city) if main.city else None)  # type: ignore[arg-type]
    records.meetings.append(
        Meeting(main_ref, "main", "main", end=main.end, country=names.country(main.country) if main.country else None,
                informal=main.informal)
    )
    for s in gold.sub_meetings:
        ref = MeetingRef(names.meeting_kind(s.kind), s.date, None, slugify(s.name), main_ref)  # type: ignore[arg-type]
        records.meetings.append(Meeting(ref, "session", s.name))
    for m in gold.other_meetings:
        ref = MeetingRef(names.meeting_kind(m.kind), m.start, names.city(m.city) if m.city else None, slugify(m.name or ""))  # type: ignore[arg-type]
        records.meetings.append(Meeting(ref, "mentioned", m.name or "", end=m.end))
    for p in gold.persons:
        records.persons.append(Person(slugify(p.name), p.name, [PostRef("office", names.actor(p.affiliation))]))
    for partner in gold.partners:
        records.participations.append(Participation(names.actor(partner), main_ref, "partner"))
    if gold.allies_count is not None:
        records.participations.append(Participation(ActorRef("group", "allies"), main_ref, "ally", stated_count=gold.allies_count))
    for c in gold.commitments:
        records.commitments.append(
            Commitment(names.actor(c.actor), names.commitment_kind(c.kind), "agreed", evidence(c.quote),  # type: ignore[arg-type]
                       amount=c.amount, unit=names.unit(c.unit), target_year=c.target_year)  # type: ignore[arg-type]
        )
    for p in gold.positions:
        records.positions.append(
            Position(names.actor(p.actor), names.stance(p.stance), names.topic(p.topic), None, "expressed", evidence(p.quote))
        )
    return records


@pytest.fixture(scope="module")
def names() -> GoldNames:
    return GoldNames()


@pytest.fixture(scope="module")
def gold() -> dict[str, GoldLetter]:
    return {letter.file: letter for letter in load_gold(SEED_GOLD)}


def perfect_extractor(gold: dict[str, GoldLetter], names: GoldNames, edit=None):
    """An extractor returning the gold as records; ``edit(file, records)`` may damage them."""

    def extract(path: Path) -> LetterRecords:
        records = records_from_gold(gold[path.name], names)
        if edit is not None:
            edit(path.name, records)
        return records

    return extract


# ---------------------------------------------------------------- name resolution


def test_gold_names_resolve_to_record_keys(names):
    assert names.actor("Several allies") == ActorRef("group", "several-allies")
    assert names.actor("Allies") == ActorRef("group", "allies")
    assert names.actor("Many European allies") == ActorRef("group", "many-european-allies")
    assert names.actor("Sweden") == ActorRef("state", "se")
    assert names.actor("Netherlands") == ActorRef("state", "nl")
    assert names.country("South Korea") == "kr"
    assert names.city("The Hague") == "the-hague"
    assert names.meeting_kind("foreign_ministers") == "foreign-ministers"
    assert names.meeting_kind("other") == "external"
    assert names.stance("call_for") == "call-for"
    assert names.unit("percent_gdp") == "percent-gdp"
    assert names.unit("EUR") == "eur"
    assert names.commitment_kind("spending_target") == "spending-target"


def test_names_go_through_the_lexicon(names):
    assert names.lexicon is not None
    assert names.actor("European Union") == ActorRef("organisation", "eu")  # no pycountry entry
    assert names.actor("Turkey") == ActorRef("state", "tr")  # pycountry says "Türkiye"
    assert names.actor("NATO") == ActorRef("organisation", "nato")
    assert names.topic("defence spending") == "defence-spending"
    assert names.topic("climate change") == "climate-and-security"  # an English altLabel in topics.ttl
    assert set(names.group_members("ip4")) == {ActorRef("state", c) for c in ("au", "jp", "kr", "nz")}


def test_unknown_names_fall_back_to_slugs_and_are_reported():
    names = GoldNames()
    assert names.topic("Quantum weather") == "quantum-weather"
    assert names.actor("Some imaginary coalition") == ActorRef("group", "some-imaginary-coalition")
    assert names.unresolved == {"topic 'Quantum weather'", "actor 'Some imaginary coalition'"}


# ---------------------------------------------------------------- scoring


def test_perfect_extractor_scores_one_everywhere(gold, names):
    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names), names=names)
    assert list(report.categories) == list(CATEGORIES)
    for name, score in report.categories.items():
        assert (score.f1, score.fp, score.fn) == (1.0, 0, 0), name
    assert report.failing() == []
    assert report.failures == []
    # Counts read off seeds.yaml: 5 + 3 + 10 + 7 + 3 commitments, 32 + 30 allies counts in four letters.
    assert report.categories[COMMITMENTS].tp == 28
    assert report.categories[ALLIES_COUNT].tp == 4
    assert report.categories[SESSIONS].tp == 2 + 2 + 8 + 2 + 3
    assert report.categories[PARTNERS].tp == 10 + 0 + 10 + 2 + 6
    assert report.overall.f1 == 1.0


def test_letters_default_to_the_sibling_letters_directory(gold, names):
    seen = []

    def extract(path):
        seen.append(path)
        return records_from_gold(gold[path.name], names)

    evaluate(SEED_GOLD, extractor=extract, names=names)
    assert seen == [LETTERS_DIR / f for f in SEED_FILES]


def test_removing_one_commitment_lowers_recall_exactly(gold, names):
    def drop_purl(file, records):
        if file == "003_a8b24aadb98f3dfc.txt":
            records.commitments = [c for c in records.commitments if c.amount != Decimal("250000000")]

    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, drop_purl), names=names)
    score = report.categories[COMMITMENTS]
    assert (score.tp, score.fp, score.fn) == (27, 0, 1)
    assert score.recall == pytest.approx(27 / 28)
    assert score.precision == 1.0
    assert score.f1 == pytest.approx(2 * 27 / 28 / (1 + 27 / 28))
    [miss] = score.misses
    assert miss.letter == "003_a8b24aadb98f3dfc.txt"
    assert miss.quote == "een additionele bijdrage van EUR 250 mln. aan PURL aan"
    assert "250000000 eur" in miss.fact
    assert report.failing() == []  # 0.98 is above 0.70


def test_spurious_position_lowers_precision_exactly(gold, names):
    total = sum(len(g.positions) for g in gold.values())

    def add_position(file, records):
        if file == "001_cd1c5c75dbeda8f3.txt":
            records.positions.append(
                Position(ActorRef("state", "us"), "oppose", "china", None, "expressed", evidence("De VS waren tegen"))
            )

    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, add_position), names=names)
    score = report.categories[POSITIONS]
    assert (score.tp, score.fp, score.fn) == (total, 1, 0)
    assert score.precision == pytest.approx(total / (total + 1))
    assert score.recall == 1.0
    [hit] = score.false_hits
    assert (hit.letter, hit.quote) == ("001_cd1c5c75dbeda8f3.txt", "De VS waren tegen")
    assert hit.fact.startswith("state:us oppose china")


def test_letter_that_fails_to_extract_counts_as_misses(gold, names):
    def extract(path):
        if path.name == "004_645f0c655bd661fc.txt":
            raise RuntimeError("segmenter exploded\non two lines")
        return records_from_gold(gold[path.name], names)

    report = evaluate(SEED_GOLD, extractor=extract, names=names)
    [failure] = report.failures
    assert failure.letter == "004_645f0c655bd661fc.txt"
    assert failure.message == "RuntimeError: segmenter exploded on two lines"
    berlin = gold["004_645f0c655bd661fc.txt"]
    assert report.categories[POSITIONS].fn == len(berlin.positions) == 23
    assert report.categories[OTHER_MEETINGS].fn == 4
    assert report.categories[METADATA].fn == 1  # only doc_type: no date, reference or signatory in the gold
    assert report.categories[PARTNERS].fn == 6
    assert report.categories[ALLIES_COUNT].fn == 1
    assert all(score.fp == 0 for score in report.categories.values())
    assert "segmenter exploded" in format_report(report)


def test_missing_letter_file_counts_as_misses(gold, names, tmp_path):
    letters = tmp_path / "letters"
    letters.mkdir()
    report = evaluate(SEED_GOLD, letters, extractor=perfect_extractor(gold, names), names=names)
    assert [f.letter for f in report.failures] == SEED_FILES
    assert all(score.tp == 0 for score in report.categories.values())
    assert report.categories[COMMITMENTS].fn == 28


def test_amounts_compare_as_decimals(gold, names):
    def rewrite_amounts(file, records):
        for c in records.commitments:
            if c.amount is not None:
                c.amount = Decimal(f"{c.amount:.1f}") if c.amount < 100 else Decimal(c.amount).normalize()

    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, rewrite_amounts), names=names)
    assert report.categories[COMMITMENTS].f1 == 1.0

    def wrong_amount(file, records):
        for c in records.commitments:
            if c.amount == Decimal("5"):
                c.amount = Decimal("5.01")

    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, wrong_amount), names=names)
    score = report.categories[COMMITMENTS]
    assert (score.fp, score.fn) == (3, 3)  # the 5% targets of letters 000, 002 and 003


def evaluate_one_letter(tmp_path, names, gold_facts: str, fill):
    """Score a made-up report "a.txt" whose gold is ``gold_facts`` (YAML lines under the
    letter); ``fill`` puts the extractor's records in."""
    (tmp_path / "seeds.yaml").write_text("- file: a.txt\n  doc_type: report\n" + gold_facts, encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")

    def extract(path):
        records = LetterRecords(Letter("a", "report", "0", "a.txt"))
        fill(records)
        return records

    return evaluate(tmp_path / "seeds.yaml", tmp_path, extractor=extract, names=names)


def test_amount_five_matches_five_point_zero(tmp_path, names):
    gold_facts = "  commitments:\n    - {actor: Allies, kind: spending_target, amount: 5, unit: percent_gdp, target_year: 2035}\n"
    report = evaluate_one_letter(tmp_path, names, gold_facts, lambda records: records.commitments.append(
        Commitment(ActorRef("group", "allies"), "spending-target", "agreed", [], amount=Decimal("5.0"),
                   unit="percent-gdp", target_year=2035)
    ))
    assert report.categories[COMMITMENTS].tp == 1
    assert report.categories[METADATA].tp == 1


def test_a_share_of_defence_spending_is_the_golds_percentage_without_unit(tmp_path, names):
    """The gold has units for money and a share of GDP only; another percentage has unit null."""
    gold_facts = "  commitments:\n    - {actor: Allies, kind: spending_target, amount: 20, unit: null, target_year: null}\n"

    def scores(unit):
        report = evaluate_one_letter(tmp_path, names, gold_facts, lambda records: records.commitments.append(
            Commitment(ActorRef("group", "allies"), "spending-target", "agreed", [], amount=Decimal(20), unit=unit)
        ))
        return report.categories[COMMITMENTS].tp, report.categories[AMOUNTS].tp

    assert scores("percent-defence-spending") == (1, 1)
    assert scores("percent-gdp") == (0, 0)


def test_a_narrower_stance_counts_as_the_golds_broader_one(tmp_path, names):
    """The gold has six stances and files appreciation as welcome (stances.ttl: appreciate
    skos:broader welcome); a stance without a broader one in the gold counts as itself."""
    gold_facts = "  positions:\n    - {actor: Turkey, verb: sprak waardering uit, stance: welcome, topic: Afghanistan, quote: q}\n"

    def true_hits(stance):
        report = evaluate_one_letter(tmp_path, names, gold_facts, lambda records: records.positions.append(
            Position(ActorRef("state", "tr"), stance, "afghanistan", None, "expressed", evidence("q"))
        ))
        return report.categories[POSITIONS].tp

    assert (true_hits("appreciate"), true_hits("concern")) == (1, 0)
    assert names.predicted_stance("appreciate") == "welcome" and names.predicted_stance("support") == "support"
    assert names.predicted_stance("concern") == "emphasise"  # stances.ttl: concern skos:broader emphasise


def test_hague_summit_without_date_matches_any_start(gold, names):
    def date_the_hague(file, records):
        for m in records.meetings:
            if m.role == "mentioned" and m.ref.city == "the-hague":
                m.ref = dataclasses.replace(m.ref, start=date(2025, 6, 24))

    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, date_the_hague), names=names)
    assert report.categories[OTHER_MEETINGS].f1 == 1.0

    def move_the_hague(file, records):
        for m in records.meetings:
            if m.role == "mentioned" and m.ref.city == "the-hague":
                m.ref = dataclasses.replace(m.ref, start=date(2025, 6, 24), city="brussels")

    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, move_the_hague), names=names)
    score = report.categories[OTHER_MEETINGS]
    assert (score.fp, score.fn) == (4, 4)  # The Hague is mentioned in letters 000, 001, 002 and 003


def test_sessions_match_on_kind_and_date(gold, names):
    def redate_sessions(file, records):
        for m in records.meetings:
            if m.role == "session" and file == "004_645f0c655bd661fc.txt" and m.ref.kind == "working-session":
                m.ref = dataclasses.replace(m.ref, start=date(2022, 5, 14))

    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, redate_sessions), names=names)
    score = report.categories[SESSIONS]
    assert (score.fp, score.fn) == (2, 2)  # both Berlin working sessions were on 15 May


def test_persons_match_on_surname_and_affiliation(gold, names):
    def rename_persons(file, records):
        for p in records.persons:
            if p.name == "Recep Tayyip Erdoğan":
                p.key, p.name = "erdogan", "ERDOGAN"  # short, upper case, no diacritics: still him
            if p.name == "Kaja Kallas":
                p.posts = [PostRef("minister-of-foreign-affairs", ActorRef("state", "ee"))]  # wrong affiliation

    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, rename_persons), names=names)
    score = report.categories[PERSONS]
    assert (score.fp, score.fn) == (1, 1)
    assert score.misses[0].fact.startswith("Kaja Kallas")


def test_identical_gold_facts_need_one_record_each(gold, names):
    def drop_one_nato_pledge(file, records):
        if file == "002_7ea007089aa3c9f1.txt":
            nato = [c for c in records.commitments if c.actor == ActorRef("organisation", "nato") or c.actor.key == "nato"]
            assert len(nato) == 3
            records.commitments.remove(nato[1])

    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, drop_one_nato_pledge), names=names)
    score = report.categories[COMMITMENTS]
    assert (score.tp, score.fp, score.fn) == (27, 0, 1)
    # The record kept its own quote, so the quote tie-break leaves exactly the dropped one unmatched.
    assert score.misses[0].quote.startswith("Verder wordt een pakket aan maatregelen")


def test_partners_are_a_set_and_groups_count_as_members(gold, names):
    def duplicate_partner(file, records):
        if file == "003_a8b24aadb98f3dfc.txt":
            records.participations.append(Participation(names.actor("Ukraine"), records.meetings[0].ref, "guest"))

    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, duplicate_partner), names=names)
    assert report.categories[PARTNERS].fp == 0


def test_regression_the_allies_among_a_partner_group_are_no_partners(gold, names):
    # "de ministers van de NAVO- en EU-lidstaten namen deel aan een diner": the extractor
    # names the EU member states outside NATO on their own; the group adds no ally
    def eu_dinner(file, records):
        if file == "003_a8b24aadb98f3dfc.txt":
            dinner = records.meetings[0].ref
            records.participations.append(Participation(ActorRef("group", "eu-member-states"), dinner, "partner"))

    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, eu_dinner), names=names)
    false_hits = {miss.fact for miss in report.categories[PARTNERS].false_hits}
    assert false_hits and not false_hits & {"state:de", "state:fr", "state:nl"}
    assert {"state:at", "state:ie"} <= false_hits  # members outside NATO still count


# ---------------------------------------------------------------- scores and report


def test_empty_category_has_f1_one_and_one_sided_is_zero():
    assert CategoryScore("x").f1 == 1.0
    assert CategoryScore("x", fn=2).f1 == 0.0
    assert CategoryScore("x", fp=2).f1 == 0.0
    assert CategoryScore("x", tp=1, fp=1, fn=1).f1 == pytest.approx(0.5)


def test_required_f1_per_category():
    assert REQUIRED_F1 == {
        DOC_TYPE: 0.95, LETTER_DATE: 0.95, MAIN_MEETING: 0.90, PERSONS: 0.90, PARTNERS: 0.80,
        COMMITMENTS: 0.70, AMOUNTS: 0.80, POSITIONS: 0.70, PAIRING: 0.70,
    }
    assert set(REQUIRED_F1) <= set(CATEGORIES)


def test_failing_lists_categories_below_threshold(gold, names):
    def lose_positions(file, records):
        records.positions = records.positions[: len(records.positions) // 2]

    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, lose_positions), names=names)
    assert report.failing() == [POSITIONS]
    text = format_report(report)
    assert "FAIL" in text and "positions: misses" in text


def test_format_report_shows_table_misses_and_quotes(gold, names):
    def drop_purl(file, records):
        if file == "003_a8b24aadb98f3dfc.txt":
            records.commitments = [c for c in records.commitments if c.amount != Decimal("250000000")]

    report = evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, drop_purl), names=names)
    text = format_report(report)
    lines = text.splitlines()
    assert lines[0] == "natokg eval: 5 gold letters"
    commitments_row = next(line for line in lines if line.startswith("commitments"))
    assert commitments_row.split()[1:] == ["1.000", "0.964", "0.982", "0.70", "27", "0", "1"]
    assert "commitments: misses (1)" in text
    assert '"een additionele bijdrage van EUR 250 mln. aan PURL aan"' in text
    assert "misses" not in format_report(report, show_misses=False)


def test_long_quotes_are_clipped(gold, names):
    long_quote = "woord " * 100

    def add_long(file, records):
        if file == "000_d473f0d0e8325814.txt":
            records.positions.append(Position(ActorRef("state", "fr"), "support", "arctic", None, "expressed", evidence(long_quote)))

    text = format_report(evaluate(SEED_GOLD, extractor=perfect_extractor(gold, names, add_long), names=names))
    quoted = next(line for line in text.splitlines() if "woord woord" in line)
    assert len(quoted) <= 112 and quoted.rstrip().endswith('..."')


# ---------------------------------------------------------------- the real pipeline


def test_real_pipeline_report_has_all_categories():
    report = evaluate(SEED_GOLD)
    assert list(report.categories) == list(CATEGORIES)
    assert report.letters == SEED_FILES
    assert "letter metadata" in format_report(report)


# ---------------------------------------------------------------- development-set conventions

NL = ActorRef("state", "nl")
BRUSSELS_FMM = MeetingRef("foreign-ministers", date(2020, 12, 1), "brussels")  # type: ignore[arg-type]


def write_letters(directory: Path, *files: str) -> Path:
    for file in files:
        (directory / file).write_text("x", encoding="utf-8")
    return directory


def letter_records(file: str, kind: str, meeting: MeetingRef = BRUSSELS_FMM, positions=()) -> LetterRecords:
    records = LetterRecords(Letter(file, kind, "0", file))  # type: ignore[arg-type]
    records.meetings.append(Meeting(meeting, "main", "main"))
    records.positions.extend(positions)
    return records


def test_optional_gold_items_are_neither_misses_nor_hits(tmp_path, names):
    (tmp_path / "gold.yaml").write_text(
        "# quote_ws: collapse\n- file: a.txt\n  doc_type: report\n  positions:\n"
        "    - {actor: Netherlands, stance: support, topic: Arctic, quote: \"Nederland steunt\\n  het Arctische beleid\"}\n"
        "    - {actor: Netherlands, stance: oppose, topic: China, quote: \"tegen\", optional: true}\n",
        encoding="utf-8",
    )
    write_letters(tmp_path, "a.txt")
    arctic = Position(NL, "support", "arctic", None, "expressed", evidence("Nederland steunt het\nArctische beleid"))
    china = Position(NL, "oppose", "china", None, "expressed", evidence("tegen"))

    def scores(*positions):
        report = evaluate(tmp_path / "gold.yaml", tmp_path, names=names,
                          extractor=lambda path: letter_records("a.txt", "report", positions=positions))
        score = report.categories[POSITIONS]
        return score.tp, score.fp, score.fn

    assert scores() == (0, 0, 1)  # the optional position is not missed
    assert scores(china) == (0, 0, 1)  # nor a hit when found
    assert scores(arctic, china) == (1, 0, 0)
    assert scores(arctic) == (1, 0, 0)


PAIR_GOLD = """\
# quote_ws: collapse
- file: dev_2020_fmm_agenda_x.txt
  doc_type: agenda
  positions:
    - {actor: Netherlands, stance: support, topic: defence spending, quote: "Nederland zet in op  meer uitgaven"}
    - {actor: Netherlands, stance: call_for, topic: Arctic, quote: "Nederland vraagt aandacht voor het noorden"}
- file: dev_2020_fmm_report_x.txt
  doc_type: report
  pairs_with: dev_2020_fmm_agenda_x.txt
  not_mentioned: ["Nederland vraagt aandacht voor het noorden"]
  positions:
    - actor: Netherlands
      stance: emphasise
      topic: defence spending
      quote: "Nederland benadrukte de uitgaven"
      realises: "Nederland zet in op\\nmeer uitgaven"
"""


def pair_extractor(report_meeting: MeetingRef = BRUSSELS_FMM, extra_report=()):
    def extract(path: Path) -> LetterRecords:
        if "agenda" in path.name:
            return letter_records(path.name, "agenda", positions=[
                Position(NL, "support", "defence-spending", BRUSSELS_FMM, "intended", evidence("zet in op")),
                Position(NL, "call-for", "arctic", BRUSSELS_FMM, "intended", evidence("vraagt aandacht")),
            ])
        return letter_records(path.name, "report", report_meeting, positions=[
            Position(NL, "emphasise", "defence-spending", report_meeting, "expressed", evidence("benadrukte")),
            *extra_report,
        ])

    return extract


def test_pairing_links_report_positions_to_the_agenda_positions_they_realise(tmp_path, names):
    (tmp_path / "gold.yaml").write_text(PAIR_GOLD, encoding="utf-8")
    write_letters(tmp_path, "dev_2020_fmm_agenda_x.txt", "dev_2020_fmm_report_x.txt")

    def pairing(extractor) -> tuple[int, int, int]:
        score = evaluate(tmp_path / "gold.yaml", tmp_path, names=names, extractor=extractor).categories[PAIRING]
        return score.tp, score.fp, score.fn

    assert pairing(pair_extractor()) == (1, 0, 0)
    # the report about another meeting: the build pairs nothing
    other = MeetingRef("foreign-ministers", date(2020, 12, 2), "brussels")  # type: ignore[arg-type]
    assert pairing(pair_extractor(other)) == (0, 0, 1)
    # a Dutch Arctic position in the report realises the agenda's, but the gold says it was not taken up
    arctic = Position(NL, "support", "arctic", BRUSSELS_FMM, "expressed", evidence("steunde"))
    assert pairing(pair_extractor(extra_report=[arctic])) == (1, 1, 0)
    # opposing is never compatible with calling for
    opposed = Position(NL, "oppose", "arctic", BRUSSELS_FMM, "expressed", evidence("verzette zich"))
    assert pairing(pair_extractor(extra_report=[opposed])) == (1, 0, 0)


def test_split_scores_the_letters_of_one_era(tmp_path, names):
    (tmp_path / "gold.yaml").write_text(
        "- {file: dev_2014_summit_report_x.txt, doc_type: report}\n"
        "- {file: dev_2015_summit_report_y.txt, doc_type: report}\n"
        "- {file: 000_seed.txt, doc_type: report, letter_date: \"2026-06-03\"}\n"
        "- {file: 001_seed.txt, doc_type: report, main_meeting: {kind: summit, start: \"2002-11-21\"}}\n",
        encoding="utf-8",
    )
    write_letters(tmp_path, "dev_2014_summit_report_x.txt", "dev_2015_summit_report_y.txt", "000_seed.txt", "001_seed.txt")

    def extract(path):
        return LetterRecords(Letter(path.stem, "report", "0", path.name))

    assert [letter_year(g) for g in load_gold(tmp_path)] == [2014, 2015, 2026, 2002]
    early = evaluate(tmp_path, tmp_path, names=names, extractor=extract, split="early")
    late = evaluate(tmp_path, tmp_path, names=names, extractor=extract, split="late")
    assert early.letters == ["dev_2014_summit_report_x.txt", "001_seed.txt"]
    assert late.letters == ["dev_2015_summit_report_y.txt", "000_seed.txt"]
    assert (early.split, early.categories[DOC_TYPE].tp, late.categories[DOC_TYPE].tp) == ("early", 2, 2)
    assert "natokg eval: 2 gold letters (late)" in format_report(late)
    with pytest.raises(BadInputError, match="unknown split 'middle'"):
        evaluate(tmp_path, tmp_path, names=names, extractor=extract, split="middle")


def test_by_letter_scores_add_up_to_the_totals_and_mark_refused_letters(gold, names):
    def extract(path):
        if path.name == "004_645f0c655bd661fc.txt":
            raise NoMeetingError("no NATO meeting recognised", path=path)
        return records_from_gold(gold[path.name], names)

    report = evaluate(SEED_GOLD, extractor=extract, names=names)
    assert list(report.by_letter) == SEED_FILES
    for name in CATEGORIES:
        assert sum(scores[name].fn for scores in report.by_letter.values()) == report.categories[name].fn
    assert report.by_letter["004_645f0c655bd661fc.txt"][POSITIONS].f1 == 0.0
    assert report.by_letter["000_d473f0d0e8325814.txt"][POSITIONS].f1 == 1.0
    table = format_by_letter(report).splitlines()
    berlin = next(line for line in table if line.startswith("004_645f0c655bd661fc.txt"))
    assert berlin.endswith("refused")
    assert "Letters refused or unreadable: 1" in format_report(report)


def test_eval_command_split_and_by_letter(tmp_path):
    from typer.testing import CliRunner

    from natokg.cli.app import app

    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "gold.yaml").write_text(PAIR_GOLD, encoding="utf-8")
    write_letters(tmp_path, "dev_2020_fmm_agenda_x.txt", "dev_2020_fmm_report_x.txt")
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "gold"), "--letters", str(tmp_path),
                                      "--split", "late", "--by-letter", "--no-misses", "--no-fail"])
    assert result.exit_code == 0, result.output
    assert "natokg eval: 2 gold letters (late)" in result.output
    # "x" is no letter about a meeting, but a readable text is never refused
    assert "Letters refused or unreadable" not in result.output
    assert any(line.startswith("dev_2020_fmm_report_x.txt") for line in result.output.splitlines())
    early = CliRunner().invoke(app, ["eval", str(tmp_path / "gold"), "--letters", str(tmp_path), "--split", "early"])
    assert early.exit_code == 0 and "natokg eval: 0 gold letters (early)" in early.output


def test_real_corpus_report_has_every_category_and_forty_letters():
    report = evaluate(GOLD_DIR)
    assert list(report.categories) == list(CATEGORIES)
    assert len(report.letters) == len(set(report.letters)) == 40
    assert set(report.by_letter) == set(report.letters)
    assert report.categories[PAIRING].tp + report.categories[PAIRING].fn > 30  # the five pairs' realised positions
    assert {f.letter for f in report.failures} <= set(report.letters)
    text = format_report(report, show_misses=False)
    for name in CATEGORIES:
        assert name in text
    early = [g for g in load_gold(GOLD_DIR) if letter_year(g) <= 2014]
    assert len(early) == 15 + 3  # gold-early and three of the five pairs


def test_an_other_meeting_without_start_and_city_matches_one_known_by_its_month(tmp_path, names):
    """The gold writes "de Europese Raad van december a.s." with neither start nor city; a
    meeting known by its month (no start date, no city) is it, a dated one is not."""
    gold_facts = "  other_meetings:\n    - {kind: other, name: Europese Raad van december a.s.}\n"

    def true_hits(ref):
        report = evaluate_one_letter(tmp_path, names, gold_facts, lambda records: records.meetings.append(
            Meeting(ref, "mentioned", "Europese Raad")
        ))
        return report.categories[OTHER_MEETINGS].tp

    assert true_hits(MeetingRef("external", None, None, "european-council", month="2013-12")) == 1
    assert true_hits(MeetingRef("external", date(2013, 12, 19), None, "european-council")) == 0
    assert true_hits(MeetingRef("external", None, None, "european-council", month="2013-06")) == 0  # not December
    assert true_hits(MeetingRef("external", None, None, "european-council")) == 0  # neither day nor month


def test_an_undated_gold_meeting_that_names_its_year_matches_that_years_meeting():
    from natokg.evaluation.scoring import _Item, _other_meeting_match

    gold = _Item(("summit", None, None, ""), "next summit", hint="De volgende top vindt in 2026 plaats in Turkije")
    ankara = _Item(("summit", date(2026, 7, 7), "ankara", ""), "summit", hint="top")
    vilnius = _Item(("summit", date(2023, 7, 11), "vilnius", ""), "summit", hint="top")
    assert _other_meeting_match(gold, ankara)
    assert _other_meeting_match(gold, vilnius) is None
    # a gold name without a year still needs a meeting known by its month alone
    assert _other_meeting_match(dataclasses.replace(gold, hint="De volgende top"), ankara) is None
    assert _other_meeting_match(dataclasses.replace(gold, hint="de toppen in 2024 en in 2025"), ankara) is None
    # a year the name gives for something else is not the meeting's
    target = dataclasses.replace(gold, hint="de volgende top, waar de 2%-norm voor 2026 centraal staat")
    assert _other_meeting_match(target, ankara) is None
