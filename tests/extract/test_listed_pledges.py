"""Items without a verb under a heading of one state's contributions pledge what they name
(natokg.extract.listed_pledges)."""

from __future__ import annotations

from support.letter_records import extract_text, fixture_records

ANNEX = """Den Haag, 20 augustus 2031

Hierbij bied ik u de geannoteerde agenda aan van de NAVO-top op 4 en 5 september a.s. in Rome.

Bijlage 1  Duitse bijdragen aan de versterkte aanwezigheid

a. Lucht: zes gevechtsvliegtuigen vanuit Ämari ter versterking van de Baltic Air Policing, tot en met december 2031.
b. Maritiem: een mijnenjager in de Standing NATO Mine Countermeasures Group 1 gedurende geheel 2032, en een fregat in de Standing NATO Maritime Group 2 in de eerste helft van 2032.
c. Overleg: regelmatige consultaties met de Baltische staten.

Bijlage 2  Planning

d. Oefeningen: een compagnie in Litouwen in oktober 2031.
"""


def _listed(tmp_path, text):
    found = extract_text(tmp_path, text)[1].commitments
    return {(c.actor.key, c.kind, c.target_year, c.evidence[0].quote.split()[1]) for c in found}


def test_each_clause_naming_a_capability_under_a_states_contributions_is_its_pledge(tmp_path):
    found = _listed(tmp_path, ANNEX)
    assert {("de", "capability-pledge", 2031, "gevechtsvliegtuigen"), ("de", "capability-pledge", 2032, "mijnenjager"),
            ("de", "capability-pledge", 2032, "fregat")} <= found
    # an item that names no capability, and items under another heading, pledge nothing
    assert not any(word in ("regelmatige", "compagnie") for *_, word in found)


def test_letter_contributions_listed_in_an_annex():
    # "Bijlage 1  Nederlandse bijdragen aan het Readiness Action Plan" / "b. Maritiem: een
    # mijnenjager in de ... gedurende geheel 2015, en een fregat in de ... in de eerste helft van 2015."
    found = {(c.actor.key, c.kind, c.target_year, c.evidence[0].quote[:14])
             for c in fixture_records("2014_summit_agenda_wales_annex.txt").commitments}
    assert {("nl", "capability-pledge", 2014, "vier F-16's va"), ("nl", "capability-pledge", 2015, "een mijnenjage"),
            ("nl", "capability-pledge", 2015, "een fregat in "), ("nl", "capability-pledge", 2016, "vanaf 2016 twe")} <= found
