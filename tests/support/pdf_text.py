"""A minimal PDF writer for tests: text lines on Helvetica pages, nothing else.

Enough for pypdf to give the text back line by line, so a development letter can be
served as the PDF the Tweede Kamer API would serve (no PDF library that writes text is
installed)."""

from __future__ import annotations

import textwrap
import zlib

LINES_PER_PAGE = 50
WRAP = 90


def pdf_string(line: str) -> bytes:
    """A line of text as the bytes of a PDF string, brackets and backslashes escaped."""
    data = line.encode("cp1252", errors="replace")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def page_stream(lines: list[str]) -> bytes:
    """The drawing instructions of a page showing ``lines``, one instruction a line."""
    body = b"BT /F1 10 Tf 12 TL 50 800 Td\n"
    for line in lines:
        body += b"(" + pdf_string(line) + b") Tj T*\n"
    return body + b"ET\n"


def text_pdf(text: str) -> bytes:
    """The text as a PDF: paragraphs wrapped at WRAP characters, blank lines kept."""
    lines: list[str] = []
    for paragraph in text.splitlines():
        lines.extend(textwrap.wrap(paragraph, WRAP) or [""])
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[""]]
    return pages_pdf([page_stream(page) for page in pages])


def pages_pdf(contents: list[bytes], xobjects: dict[bytes, bytes] | None = None, compress: bool = False) -> bytes:
    """A PDF of one page per content stream in ``contents`` (deflated when ``compress``),
    with Helvetica as /F1 (object 3) and ``xobjects`` (name -> object body, objects 4, 5
    ...) in every page's resources."""
    objects: list[bytes] = [b"", b""]  # 1 catalog, 2 page tree: filled in below
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    named = b""
    for name, body in (xobjects or {}).items():
        objects.append(body)
        named += b" %s %d 0 R" % (name, len(objects))
    resources = b" /XObject <<%s >>" % named if named else b""
    kids = []
    for stream in contents:
        objects.append(stream_object(stream, compress=True) if compress
                       else b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >>%s >> >>" % (content, resources)
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return pdf_file(objects)


def stream_object(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    """A stream object's body: ``extra`` dictionary entries, the data (deflated when
    ``compress``)."""
    if compress:
        data, extra = zlib.compress(data, 9), extra + b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of the object bodies (object n is ``objects[n - 1]``; 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
