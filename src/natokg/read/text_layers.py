"""Text layers of text, PDF, DOCX and officielebekendmakingen HTML/XML letters, and the
registry of letter file suffixes (LETTER_FORMATS).

Each function returns the text ``natokg.read.reader`` keeps as ``SourceDocument.raw`` (the
offsets of evidence index into it) or raises UnreadableLetterError with a one-line
reason. Normalisation happens in ``natokg.read.reader``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from natokg.errors import UnreadableLetterError
from natokg.read.limits import PdfWork, check_docx_sizes, check_text_length, max_letter_chars

# ---------------------------------------------------------------- plain text

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_CONTROL_CHARS = re.compile("[" + "".join(map(chr, _CONTROL_BYTES)) + "]")
_BINARY = "binary file, not a letter; save it as text (UTF-8), PDF, DOCX, HTML or XML"


def decode_text(data: bytes, path: Path) -> str:
    """Decode a text file: UTF-16 (with a BOM, or detected from its zero bytes), UTF-8
    (with or without BOM), else cp1252, else latin-1.

    Binary content is refused: a NUL byte outside UTF-16, or more than 1% control
    characters, is not a letter (latin-1 would happily "decode" a PNG).
    """
    utf16 = _utf16_encoding(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise UnreadableLetterError(_BINARY, path=path) from None
        if "\x00" in text or len(_CONTROL_CHARS.findall(text)) > 0.01 * len(text):
            raise UnreadableLetterError(_BINARY, path=path)
        return text.removeprefix("\ufeff")
    if b"\x00" in data:
        raise UnreadableLetterError(_BINARY, path=path)
    controls = sum(data.count(bytes([b])) for b in _CONTROL_BYTES)
    if controls > 0.01 * len(data):
        raise UnreadableLetterError(_BINARY, path=path)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _utf16_encoding(data: bytes) -> str | None:
    """"utf-16" for a UTF-16 BOM; "utf-16-le"/"-be" for text without one, recognised by
    its zero bytes: Dutch text is nearly all Latin-1, so in UTF-16 almost every other
    byte is zero, on the same side; in a binary file zero bytes fall anywhere."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    if len(data) < 2 or len(data) % 2:
        return None
    sample = data[:65536]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.9 * half and even < 0.01 * half:
        return "utf-16-le"
    if even > 0.9 * half and odd < 0.01 * half:
        return "utf-16-be"
    return None


# ---------------------------------------------------------------- PDF



def pdf_text(data: bytes, path: Path) -> tuple[str, frozenset[int]]:
    """The PDF text layer, pages joined by a form feed, and the running headers/footers.

    A line is a running header (footer) when, with its digits ignored, it stands among
    the first (last) two lines of at least two pages. Headers are kept on page 1,
    where the letter's own header block lives; footers are dropped everywhere.
    """
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableLetterError("PDF is encrypted; save an unencrypted copy", path=path)
        pages = []
        length = 0
        work, parsed = PdfWork(path), set()
        for page in reader.pages:  # stop at the limit: a letter is not a 5,000-page PDF
            for stream in _content_streams(page, parsed):
                work.add_content(_decoded_length(stream))
            pages.append(page.extract_text(visitor_operand_before=work.count_operation) or "")
            work.check()
            length += len(pages[-1]) + 1
            if length > max_letter_chars():
                check_text_length("\f".join(pages), path)
    except UnreadableLetterError:
        raise
    except Exception:
        # a damaged PDF makes pypdf raise nearly anything (PdfReadError, KeyError,
        # AttributeError, RecursionError...): each is the file's fault, not natokg's
        raise UnreadableLetterError(
            "not a readable PDF (damaged or not a PDF); save or print it to PDF again", path=path
        ) from None
    if not any(page.strip() for page in pages):
        raise UnreadableLetterError(
            "PDF has no text layer (scanned image?); OCR it first", path=path
        )
    pages = [page.replace("\f", "\n") for page in pages]
    raw = "\f".join(pages)

    page_lines: list[list[tuple[int, str]]] = []  # per page: (raw start, digit-free key)
    base = 0
    for page in pages:
        lines = []
        pos = 0
        for line in page.split("\n"):
            if line.strip():
                lines.append((base + pos, re.sub(r"\d+", "#", line.strip())))
            pos += len(line) + 1
        page_lines.append(lines)
        base += len(page) + 1
    drop: set[int] = set()
    if len(pages) >= 2:
        tops: dict[str, int] = {}
        bottoms: dict[str, int] = {}
        for lines in page_lines:
            for key in {k for _, k in lines[:2]}:
                tops[key] = tops.get(key, 0) + 1
            for key in {k for _, k in lines[-2:]}:
                bottoms[key] = bottoms.get(key, 0) + 1
        for number, lines in enumerate(page_lines):
            for start, key in lines[:2]:
                if number > 0 and tops.get(key, 0) >= 2:
                    drop.add(start)
            for start, key in lines[-2:]:
                if bottoms.get(key, 0) >= 2:
                    drop.add(start)
    return raw, frozenset(drop)


def _content_streams(page, parsed: set[int]) -> list:
    """The streams of drawing instructions pypdf parses for ``page``'s text: its
    contents and the forms it (or a form in it) draws, each stream once per PDF
    (``parsed`` holds the ids of those counted; pypdf keeps one object per stream).
    What cannot be resolved is left to pypdf, which reads around it."""
    from pypdf.generic import ArrayObject, DictionaryObject, StreamObject

    def resolved(obj):
        try:
            return obj.get_object() if obj is not None else None
        except Exception:  # a broken reference: pypdf warns and reads on
            return None

    found = []
    contents = resolved(page.get("/Contents"))
    for item in contents if isinstance(contents, ArrayObject) else [contents]:
        stream = resolved(item)
        if isinstance(stream, StreamObject) and id(stream) not in parsed:
            parsed.add(id(stream))
            found.append(stream)
    holders = [page]
    while holders:
        resources = resolved(holders.pop().get("/Resources"))
        xobjects = resolved(resources.get("/XObject")) if isinstance(resources, DictionaryObject) else None
        for reference in xobjects.values() if isinstance(xobjects, DictionaryObject) else ():
            form = resolved(reference)
            if isinstance(form, StreamObject) and form.get("/Subtype") == "/Form" and id(form) not in parsed:
                parsed.add(id(form))
                found.append(form)
                holders.append(form)
    return found


def _decoded_length(stream) -> int:
    try:
        return len(stream.get_data())
    except Exception:  # undecodable: pypdf gives no text from it either
        return 0


# ---------------------------------------------------------------- DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes, path: Path) -> str:
    """Paragraphs and table cells in document order, one per line; footnotes at the end.

    A footnote reference is rendered as its number glued to the preceding word, the
    way Word shows it, and the footnote bodies follow after a blank line as
    "N text" lines: the normaliser then treats them like a page-foot footnote block.
    """
    import zipfile

    from lxml import etree

    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise UnreadableLetterError("python-docx is not installed", path=path) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_docx_sizes(archive, path)
        document = docx.Document(io.BytesIO(data))
        lines = _docx_lines(document)
        footnotes = _docx_footnotes(document, path)
    except UnreadableLetterError:
        raise
    except etree.XMLSyntaxError as exc:
        raise UnreadableLetterError(
            f"a part of the .docx is not well-formed XML (line {exc.lineno}); save it again from Word",
            path=path,
        ) from None
    except Exception:
        # as for PDF: python-docx and zipfile raise many kinds of error on a damaged file
        # (BadZipFile, KeyError for a missing part, NotImplementedError for an unknown
        # compression, AttributeError for an unexpected element)
        raise UnreadableLetterError(
            "not a readable .docx (damaged, or not a Word document); save it again from Word", path=path
        ) from None
    if footnotes:
        lines.append("")
        lines.extend(f"{number} {body}" for number, body in footnotes)
    raw = "\n".join(lines)
    if not raw.strip():
        raise UnreadableLetterError("the .docx has no text", path=path)
    return raw


def _docx_lines(document) -> list[str]:
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == _W + "p":
            lines.append(_docx_paragraph(child))
        elif child.tag == _W + "tbl":
            for row in child.iter(_W + "tr"):
                cells = [
                    " ".join(_docx_paragraph(p) for p in cell.iter(_W + "p")).strip()
                    for cell in row.iter(_W + "tc")
                ]
                lines.append(" ".join(c for c in cells if c))
    return lines


def _docx_paragraph(paragraph) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        tag = node.tag
        if tag == _W + "t" and node.text:
            parts.append(node.text)
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "footnoteReference":
            parts.append(node.get(_W + "id", ""))
    return "".join(parts)


def _safe_xml_parser():
    from lxml import etree

    # no entity expansion, DTD or network access: a part is data, not instructions
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _docx_footnotes(document, path: Path) -> list[tuple[str, str]]:
    """(number, text) of the real footnotes (ids 0 and -1 are Word's separators)."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            from lxml import etree

            part = rel.target_part
            try:
                root = etree.fromstring(part.blob, _safe_xml_parser())
            except etree.XMLSyntaxError as exc:
                raise UnreadableLetterError(
                    f"its footnotes ({str(part.partname).lstrip('/')}) are not well-formed XML "
                    f"(line {exc.lineno}); save it again from Word",
                    path=path,
                ) from None
            notes = []
            for note in root.iter(_W + "footnote"):
                number = note.get(_W + "id", "")
                if not number.isdigit() or int(number) < 1:
                    continue
                body = " ".join(_docx_paragraph(p) for p in note.iter(_W + "p")).strip()
                notes.append((number, " ".join(body.split())))
            return notes
    return []


# ---------------------------------------------------------------- HTML / XML

# Elements whose text runs on inside the surrounding paragraph; every other element
# starts a new block. Covers HTML and the officielebekendmakingen Kamerstuk XML.
_INLINE = {
    "a", "abbr", "b", "bdi", "cite", "code", "em", "font", "i", "mark", "q", "s",
    "small", "span", "strong", "sub", "sup", "u", "nadruk", "extref", "intref",
    "nootref", "noot.ref", "voornaam", "achternaam", "functie.naam", "ondernummer",
    "dossiernr", "dossiernummer", "stuknr", "titel",
}
_SKIP = {
    "script", "style", "nav", "noscript", "head", "header", "footer", "form", "button",
    "template", "svg", "metadata", "meta", "link", "iframe", "select", "menu",
}
_FOOTNOTE_CLASSES = {"voet", "voetnoot", "voetnoten", "noot", "footnote", "footnotes"}
_FOOTNOTE_TAGS = {"noot", "voetnoot", "footnote"}
_BR = "\u2028"  # stands for <br> while source whitespace is collapsed


@dataclass
class _MarkupText:
    blocks: list[str]
    buffer: list[str]
    footnotes: list[tuple[str, str]]

    def flush(self) -> None:
        text = " ".join("".join(self.buffer).split(" "))
        text = re.sub(r"[ \t\r\n]+", " ", text)
        text = "\n".join(part.strip() for part in text.split(_BR)).strip()
        if text:
            self.blocks.append(text)
        self.buffer.clear()


def markup_text(data: bytes, path: Path, *, xml: bool) -> str:
    """Body text of an officielebekendmakingen HTML page or Kamerstuk XML file.

    Scripts, navigation and metadata are skipped; each block element becomes a
    paragraph; footnotes (``<noot>``, ``class="voet"``/``"noot"``) are rendered as a
    glued marker number where they are referenced inline and as "N text" lines at the
    end.
    """
    from lxml import etree, html

    try:
        if xml:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
            root = etree.fromstring(data, parser)
        else:
            # plain elements: lxml.html's element classes cost a lookup per element
            root = html.fromstring(data, parser=etree.HTMLParser())
    except (etree.XMLSyntaxError, etree.ParserError, ValueError) as exc:
        kind = "XML" if xml else "HTML"
        where = f" at line {exc.lineno}" if getattr(exc, "lineno", None) else ""
        raise UnreadableLetterError(
            f"not well-formed {kind}{where}; download the letter again", path=path
        ) from None

    content = _content_root(root)
    out = _MarkupText([], [], [])
    _walk(content, out)
    out.flush()
    if not out.blocks:
        raise UnreadableLetterError("no text in the document body", path=path)
    raw = "\n\n".join(out.blocks)
    if out.footnotes:
        raw += "\n\n" + "\n".join(f"{number} {body}" for number, body in out.footnotes)
    return raw


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""  # comments, processing instructions
    return _local_name(tag)


@lru_cache(maxsize=1024)  # a page has a few dozen distinct tags and may have a million elements
def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _classes(element) -> set[str]:
    value = element.get("class")
    return set(value.lower().split()) if value else set()


def _content_root(root):
    """The element holding the letter: the page's "broodtekst" or "stuk" element, else
    the first kamerstuk, main or body element, else the root (one pass over the tree)."""
    fallbacks: dict[str, object] = {}
    for element in root.iter():
        tag = _local(element.tag)
        if not tag:
            continue
        if element.get("id") == "broodtekst" or "stuk" in _classes(element):
            return element
        if tag in _FALLBACK_ROOTS and tag not in fallbacks:
            fallbacks[tag] = element
    return next((fallbacks[tag] for tag in _FALLBACK_ROOTS if tag in fallbacks), root)


_FALLBACK_ROOTS = ("kamerstuk", "main", "body")  # in order of preference


def _is_footnote(element, tag: str) -> bool:
    return tag in _FOOTNOTE_TAGS or bool(_classes(element) & _FOOTNOTE_CLASSES)


def _walk(element, out: _MarkupText) -> None:
    tag = _local(element.tag)
    if not tag or tag in _SKIP:
        return
    if _is_footnote(element, tag):
        _collect_footnote(element, out)
        return
    block = tag not in _INLINE
    if block:
        out.flush()
    if tag == "br":
        out.buffer.append(_BR)
    if element.text:
        out.buffer.append(element.text)
    for child in element:
        _walk(child, out)
        if child.tail:
            out.buffer.append(child.tail)
    if block:
        out.flush()


def _collect_footnote(element, out: _MarkupText) -> None:
    """A footnote element: an inline XML ``<noot>`` with its ``<noot.nr>`` (rendered as
    the glued marker number plus a footnote body), or a footnote container at the end
    of an HTML page whose paragraphs each start with their number."""
    number_el = next((e for e in element.iter() if _local(e.tag) == "noot.nr"), None)
    inline = bool("".join(out.buffer).strip())
    inner = _MarkupText([], [], [])
    if element.text:
        inner.buffer.append(element.text)
    for child in element:
        if child is not number_el:
            _walk(child, inner)
        if child.tail:
            inner.buffer.append(child.tail)
    inner.flush()
    if number_el is not None:
        number = "".join(number_el.itertext()).strip()
        out.footnotes.append((number, " ".join(inner.blocks)))
    else:
        number = ""
        for block in inner.blocks:
            match = re.match(r"(\d{1,3})\s+(.*)", block, re.S)
            if match:
                number = match.group(1)
                out.footnotes.append((number, match.group(2)))
            elif out.footnotes and not inline:
                previous_number, previous_body = out.footnotes[-1]
                out.footnotes[-1] = (previous_number, f"{previous_body} {block}")
            else:
                number = str(len(out.footnotes) + 1)
                out.footnotes.append((number, block))
    if inline and number:
        out.buffer.append(number)  # the marker, glued as the portal renders it


# ---------------------------------------------------------------- registry


@dataclass(frozen=True)
class LetterFormat:
    """How a letter file of one suffix is read."""

    media_type: str
    # (data, path) -> (raw text, lines of raw to drop: a PDF's running headers and footers)
    text_layer: Callable[[bytes, Path], tuple[str, frozenset[int]]]
    hard_wrapped: bool | None  # None: detect from the text
    alias: bool = False  # another spelling of a suffix listed before it (.htm)


def _plain_text(data: bytes, path: Path) -> tuple[str, frozenset[int]]:
    return decode_text(data, path), frozenset()


def _docx(data: bytes, path: Path) -> tuple[str, frozenset[int]]:
    return docx_text(data, path), frozenset()


def _html(data: bytes, path: Path) -> tuple[str, frozenset[int]]:
    return markup_text(data, path, xml=False), frozenset()


def _xml(data: bytes, path: Path) -> tuple[str, frozenset[int]]:
    return markup_text(data, path, xml=True), frozenset()


#: Letter file suffix -> how to read it: the one list of the input formats.
LETTER_FORMATS: dict[str, LetterFormat] = {
    ".txt": LetterFormat("text/plain", _plain_text, None),
    ".pdf": LetterFormat("application/pdf", pdf_text, None),
    ".docx": LetterFormat("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _docx, False),
    ".html": LetterFormat("text/html", _html, False),
    ".htm": LetterFormat("text/html", _html, False, alias=True),
    ".xml": LetterFormat("application/xml", _xml, False),
}
LETTER_SUFFIXES = frozenset(LETTER_FORMATS)
