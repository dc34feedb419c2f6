"""The slowest 10 MB file of each format, with the default limits: `natokg map --format
nquads` in a child process, wall and CPU seconds, and whether it was mapped or refused.

    python benchmarks/bench_worst_files.py [--size 10000000] [--only html,pdf-text]

Each file is made to cost the most a file of that size can under the default limit on
a letter's text (NATOKG_MAX_LETTER_CHARS, 1,000,000 characters) and the limits derived
from it (natokg.read.limits):

- txt: 10 MB of letter text (refused: over the character limit);
- html, xml: letter text at 98 % of the limit, each word wrapped in nested inline
  elements until the file is 10 MB (mapped: the markup does not count);
- docx: letter text at 98 % of the limit, each word a run with formatting, the parts
  just within the 50 MB they may expand to (mapped);
- pdf-text: letter text at 98 % of the limit, one instruction per line, padded to 10 MB
  with an image (mapped);
- pdf-glyphs: every character placed on its own (two instructions a character), 10 MB
  (refused: over the instructions a letter's text needs);
- pdf-drawing: 10 MB of line drawing with a little text (refused: the same).

The letter text is real letters from corpus/letters, repeated (bench_long_letter.py).
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from bench_long_letter import long_text, page_within_limit, run_map  # noqa: E402
from support.hostile_letters import _docx_members, _member, _write_zip  # noqa: E402
from support.pdf_text import page_stream, pages_pdf, pdf_string, stream_object  # noqa: E402

def within_limit_text() -> str:
    from natokg.read.limits import DEFAULT_MAX_LETTER_CHARS

    return long_text(DEFAULT_MAX_LETTER_CHARS * 98 // 100)


def xml_file(size: int) -> bytes:
    text = within_limit_text()
    words = sum(len(p.split()) for p in text.split("\n\n"))
    depth = max(1, round((size - len(text)) / (words * len("<nadruk></nadruk>"))))
    opening, closing = "<nadruk>" * depth, "</nadruk>" * depth
    paragraphs = ("<al>" + " ".join(opening + html.escape(w) + closing for w in p.split()) + "</al>"
                  for p in text.split("\n\n"))
    return ('<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie><kamerstuk>'
            + "\n".join(paragraphs) + "</kamerstuk></officiele-publicatie>").encode()


def docx_file(path: Path, expanded: int) -> None:
    from support.hostile_letters import W_NS, R_NS

    text = within_limit_text()
    words = sum(len(line.split()) for line in text.split("\n"))
    run_format = '<w:rPr><w:rFonts w:ascii="Calibri"/><w:sz w:val="22"/><w:lang w:val="nl-NL"/></w:rPr>'
    padding = max(0, (expanded - 4 * len(text)) // words - len(run_format) - 40)
    run_format += f'<!--{"x" * padding}-->' if padding else ""
    body = "".join(
        "<w:p>" + "".join(f'<w:r>{run_format}<w:t xml:space="preserve">{html.escape(w)} </w:t></w:r>'
                          for w in line.split()) + "</w:p>"
        for line in text.split("\n")
    )
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
    _write_zip(path, _docx_members(_member("word/document.xml", (head + body + "</w:body></w:document>").encode())))


def pdf_text_file(size: int) -> bytes:
    # the text a line an instruction, and the first page drawing an incompressible image
    # that fills the file to size
    lines = within_limit_text().splitlines()
    pages = [page_stream(lines[i : i + 50]) for i in range(0, len(lines), 50)]
    image = os.urandom(max(1000, (size - sum(map(len, pages))) // 1000 * 1000))
    image_object = stream_object(image, b" /Type /XObject /Subtype /Image /Width 1000 /Height %d "
                                 b"/ColorSpace /DeviceGray /BitsPerComponent 8" % (len(image) // 1000))
    pages[0] = b"q 100 0 0 100 50 50 cm /Im0 Do Q\n" + pages[0]
    return pages_pdf(pages, {b"/Im0": image_object})


def pdf_glyphs_file(size: int) -> bytes:
    streams, page, length = [], [b"BT /F1 10 Tf 12 TL 50 800 Td\n"], 0
    for number, line in enumerate(long_text(size // 10).splitlines()):
        page.extend(b"(" + pdf_string(ch) + b") Tj 5 0 Td\n" for ch in line)
        page.append(b"T*\n")
        if number % 50 == 49:
            streams.append(b"".join(page) + b"ET\n")
            length += len(streams[-1])
            page = [b"BT /F1 10 Tf 12 TL 50 800 Td\n"]
            if length >= size:
                break
    return pages_pdf(streams)


def pdf_drawing_file(size: int) -> bytes:
    lines = long_text(20_000).splitlines()
    per_page = size // 200
    return pages_pdf([b"0 0 m 10 10 l S\n" * (per_page // 16) + page_stream(lines[2 * i : 2 * i + 2]) for i in range(200)])


def make(kind: str, folder: Path, size: int) -> Path:
    from natokg.read.limits import DOCX_BYTES_PER_CHAR, DEFAULT_MAX_LETTER_CHARS

    suffix = {"pdf-text": "pdf", "pdf-glyphs": "pdf", "pdf-drawing": "pdf"}.get(kind, kind)
    path = folder / f"{kind}.{suffix}"
    if kind == "txt":
        path.write_text(long_text(size), encoding="utf-8")
    elif kind == "html":
        path.write_text(page_within_limit(size), encoding="utf-8")
    elif kind == "xml":
        path.write_bytes(xml_file(size))
    elif kind == "docx":
        docx_file(path, DOCX_BYTES_PER_CHAR * DEFAULT_MAX_LETTER_CHARS * 95 // 100)
    elif kind == "pdf-text":
        path.write_bytes(pdf_text_file(size))
    elif kind == "pdf-glyphs":
        path.write_bytes(pdf_glyphs_file(size))
    elif kind == "pdf-drawing":
        path.write_bytes(pdf_drawing_file(size))
    return path


def time_map(path: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "NATOKG_MAX_LETTER_CHARS"}
    result, wall, cpu, load = run_map(path, env)
    outcome = (f"mapped, {result.stdout.count(chr(10))} quads" if result.returncode == 0
               else f"exit {result.returncode}: {result.stderr.strip().splitlines()[-1][:150] if result.stderr.strip() else ''}")
    return (f"{path.name:16} {path.stat().st_size:>10} bytes  {wall:6.2f} s wall  {cpu:6.2f} s CPU  "
            f"(load {load:.1f})  {outcome}")


KINDS = ("txt", "html", "xml", "docx", "pdf-text", "pdf-glyphs", "pdf-drawing")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000_000)
    parser.add_argument("--only", default=",".join(KINDS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for kind in args.only.split(","):
            path = make(kind, Path(folder), args.size)
            print(time_map(path), flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
