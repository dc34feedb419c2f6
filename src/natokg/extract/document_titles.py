"""Where a document says what it is and which meeting it is about: the titles a portal
page gives above it and its first covering sentence ("Hierbij bied ik u het verslag
aan van ..."). Read by the letter metadata (the document type) and the meetings (the
main meeting of a text that is not about a NATO meeting).
"""

from __future__ import annotations

import re

from natokg.knowledge.cues import cue_regex
from natokg.records import SegmentedLetter

# "Hierbij bied ik u, mede namens ..., het verslag aan", "Hierbij doen wij u verslag":
# the covering sentence names what it sends; the object follows the sending word
# within the sentence.
_SENT = r"\b(?:{cue:sending-verb})\b[^.\n]{0,160}?\b(?:(?:het|de|een|mijn|ons)\s+)?"
SENT_KINDS = (
    ("agenda", _SENT + r"(?:{cue:agenda-title})"),
    ("report", _SENT + r"(?:{cue:report-title})\b"),
)
# "Brief regering : Verslag van ...", "Kamerbrief met verslag ...", "Officiële titel X"
_PORTAL_TITLE = r"^[ \t]*(?:{cue:portal-title})[ \t]*[:;|]?[ \t]*(?P<title>\S[^\n]*)$"
_PORTAL_LABEL_ONLY = r"^[ \t]*(?:{cue:portal-title})[ \t]*$"
# "Brieven aan de Kamer", then (after a rule) "Verslag van de informele bijeenkomst ..."
_PORTAL_SECTION = r"^[ \t]*(?:{cue:portal-section})[ \t]*$"
_LETTER = re.compile(r"[^\W\d_]")  # a line with a letter: not a rule, not a date
_SECTION_REACH = 2  # date lines below the label before its title
OPENING_CHARS = 1500  # a portal page names its document within its first lines


def portal_titles(seg: SegmentedLetter) -> list[tuple[int, int]]:
    """Spans of the document titles a portal page gives above the letter: after a label
    ("Brief regering : Verslag ..."), on the line above a label-only line, or on the
    first line with words below a section label ("Brieven aan de Kamer")."""
    text = seg.doc.text
    opening = text[:OPENING_CHARS]
    spans = [m.span("title") for m in cue_regex(_PORTAL_TITLE, re.I | re.M).finditer(opening)]
    for m in cue_regex(_PORTAL_LABEL_ONLY, re.I | re.M).finditer(opening):
        above_end = m.start() - 1
        above_start = text.rfind("\n", 0, max(above_end, 0)) + 1
        if above_end > above_start and text[above_start:above_end].strip():
            spans.append((above_start, above_end))
    spans += section_titles(seg)
    return sorted(spans)


def section_titles(seg: SegmentedLetter) -> list[tuple[int, int]]:
    """Spans of the titles a ministry's page shows under a section label: the first line
    with words below "Brieven aan de Kamer", with at most a date line or two and rules
    between."""
    text = seg.doc.text
    spans = []
    for m in cue_regex(_PORTAL_SECTION, re.I | re.M).finditer(text[:OPENING_CHARS]):
        start, seen = m.end() + 1, 0
        while start < len(text) and seen < _SECTION_REACH:
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            line = text[start:end]
            if _LETTER.search(line):
                spans.append((start, end))
                break
            if any(c.isalnum() for c in line):
                seen += 1  # a date line; a rule ("---") or a blank line does not count
            start = end + 1
    return spans


def subject_spans(seg: SegmentedLetter) -> list[tuple[int, int]]:
    """Where the document names the meeting it is about: its titles and the rest of
    its first covering sentence after the kind of document it sends."""
    spans = [(s.start, s.end) for s in (seg.title_line, seg.header.title) if s is not None]
    spans += portal_titles(seg)
    text = seg.doc.text
    memo = [p for p in seg.parts if p.label == "memo"]
    for _kind, pattern in SENT_KINDS:
        for m in cue_regex(pattern).finditer(text):
            if not any(p.start <= m.start() < p.end for p in memo):
                # the covering sentence's own end: "die op dinsdag 20 mei jl. in Brussel plaatsvond"
                # goes on after the dot of "jl."
                own = next((x.end for x in seg.sentences if x.start <= m.end() < x.end), None)
                stop = own if own is not None else min(
                    i for i in (text.find(". ", m.end()), text.find("\n", m.end()), len(text)) if i >= 0)
                spans.append((m.end(), stop))
                break
    return spans


__all__ = ["OPENING_CHARS", "SENT_KINDS", "portal_titles", "section_titles", "subject_spans"]
