"""Letter limits and hostile letter files (natokg.read.limits, tests/support/hostile_letters.py)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from natokg.errors import BadInputError, UnreadableLetterError
from natokg.read import limits, reader
from natokg.read.limits import MAX_LETTER_CHARS_ENV, max_letter_chars
from natokg.read.reader import normalise, read_letter
from support.hostile_letters import HOSTILE_LETTERS, HostileLetter, docx_bomb, long_text_letter

ROOT = Path(__file__).resolve().parents[2]
LIGHT = [letter for letter in HOSTILE_LETTERS if not letter.heavy]
HEAVY = [letter for letter in HOSTILE_LETTERS if letter.heavy]


@pytest.fixture(autouse=True)
def default_limit(monkeypatch):
    monkeypatch.delenv(MAX_LETTER_CHARS_ENV, raising=False)


@pytest.mark.parametrize("letter", LIGHT, ids=lambda letter: letter.name)
def test_hostile_letter_is_refused_in_one_line_or_read(tmp_path, letter: HostileLetter):
    path = tmp_path / letter.name
    letter.write(path)
    if letter.refusal is None:
        assert letter.text in read_letter(path).text
        return
    with pytest.raises(UnreadableLetterError) as caught:
        read_letter(path)
    message = str(caught.value)
    assert letter.refusal in message and message.startswith(f"{path}: ")
    assert "\n" not in message
    assert not re.search(r"Error\b|Exception\b|\[E\d+\]", message), message  # no library internals


_READ_IN_A_BOX = textwrap.dedent(
    """
    import json, resource, sys, time
    sys.path.insert(0, {src!r})
    # a regression must fail with MemoryError here, not swap the machine
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))
    from natokg.errors import UnreadableLetterError
    from natokg.read.reader import read_letter
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    try:
        read_letter(sys.argv[1])
        outcome = "read"
    except UnreadableLetterError as error:
        outcome = str(error)
    print(json.dumps({{"outcome": outcome, "seconds": time.perf_counter() - started,
                      "grew_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024}}))
    """
)


@pytest.mark.parametrize("letter", HEAVY, ids=lambda letter: letter.name)
def test_zip_bomb_is_refused_fast_in_little_memory(tmp_path, letter: HostileLetter):
    path = tmp_path / letter.name
    letter.write(path)
    script = _READ_IN_A_BOX.format(src=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert letter.refusal in result["outcome"] and "\n" not in result["outcome"]
    # sanity bounds, not benchmarks: refused from the zip's directory, nothing inflated
    assert result["seconds"] < 5
    assert result["grew_mb"] < 200


def test_the_docx_limit_follows_the_character_limit(tmp_path, monkeypatch):
    path = tmp_path / "big.docx"
    docx_bomb(path, expanded=8 * 2**20)
    monkeypatch.setenv(MAX_LETTER_CHARS_ENV, "100000")  # 5 MB of parts
    with pytest.raises(UnreadableLetterError, match="expands to over 5000000 bytes"):
        read_letter(path)


def test_the_character_limit_names_itself_and_how_to_raise_it(tmp_path, monkeypatch):
    path = tmp_path / "long.txt"
    long_text_letter(path, 1_200_000)
    with pytest.raises(UnreadableLetterError) as caught:
        read_letter(path)
    assert caught.value.message == (
        "text of 1200000 characters is over the 1000000-character limit for a letter; "
        "split it into letters or set NATOKG_MAX_LETTER_CHARS above 1000000 to read it anyway"
    )
    monkeypatch.setenv(MAX_LETTER_CHARS_ENV, "1300000")
    assert len(read_letter(path).raw) == 1_200_000


def test_a_file_far_larger_than_its_text_could_be_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setenv(MAX_LETTER_CHARS_ENV, "100")  # 10,000 bytes of file
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 20_000)
    with pytest.raises(UnreadableLetterError, match="file of 20009 bytes is over the 10000-byte limit"):
        read_letter(path)


@pytest.mark.parametrize("value", ["lots", "0", "-5", "1e6"])
def test_a_bad_limit_setting_is_bad_input(monkeypatch, value):
    monkeypatch.setenv(MAX_LETTER_CHARS_ENV, value)
    with pytest.raises(BadInputError, match="NATOKG_MAX_LETTER_CHARS=.* is not a positive whole number"):
        max_letter_chars()


def test_a_pipe_or_device_is_refused_before_it_is_read(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)  # reading it would wait forever
    with pytest.raises(UnreadableLetterError, match="not a regular file"):
        read_letter(pipe)
    if Path("/dev/zero").exists():  # reading it would never end
        device = tmp_path / "zero.txt"
        device.symlink_to("/dev/zero")
        with pytest.raises(UnreadableLetterError, match="not a regular file"):
            read_letter(device)


def test_binary_with_zero_bytes_is_still_not_utf16(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(UnreadableLetterError, match="binary file, not a letter"):
        read_letter(path)


# ---------------------------------------------------------------- a linear normaliser


class _SearchVocabulary:
    """The look-ups as searches of the whole text (natokg.read.hyphenation gives their
    answers from sets built once)."""

    def __init__(self, raw: str) -> None:
        self.raw = raw

    def has_word(self, word: str) -> bool:
        pattern = r"(?<![\w-])" + re.escape(word) + r"(?![\w]|-[ \t]*[\r\n\f])"
        return re.search(pattern, self.raw, re.IGNORECASE) is not None

    def has_standalone_upper(self, word: str) -> bool:
        pattern = r"(?<![\w])" + re.escape(word) + r"(?!\w|-[ \t]*[\r\n\f])"
        return re.search(pattern, self.raw) is not None


_HYPHENATED = (
    "De NAVO-bondgenoten bespraken de defensie-\nuitgaven en de ontwikke-\nlingen in de regio. "
    "MINIS-\nTERIËLE bijeenkomst van de NAVO-\nRusland Raad; NAVO en EU-\nlanden; defensie- en\n"
    "veiligheidsbeleid; Noord-\nAtlantische Raad; anti-\nAmerikaans; zee-\negel; ontwikkelingen; "
    "NAVO2030-\nagenda; lucht-\nverdediging, luchtverdediging; Straat-\nsburg.\n"
)


def _letters() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "corpus" / "letters").glob("*.txt"))]
    return texts + [_HYPHENATED, _HYPHENATED.upper(), _HYPHENATED.replace("\n", " \t\n")]


def test_the_normaliser_gives_the_same_text_as_searching_the_whole_letter(monkeypatch):
    fast = [normalise(text) for text in _letters()]
    monkeypatch.setattr(reader, "Vocabulary", _SearchVocabulary)
    assert fast == [normalise(text) for text in _letters()]


def test_vocabulary_answers_as_the_searches_do_on_generated_text():
    import random

    from natokg.read.hyphenation import Vocabulary

    pieces = ["ab", "AB", "c", "-", "- \n", "-\n", " ", "\n", "é", "1", "x-y", "NAVO", "-\f", "_", "\t", "--"]
    asked = ["ab", "AB", "Ab", "c", "x-y", "ab-c", "c-ab", "abab", "NAVO", "x", "y", "1", "é", "ab-ab", "ab-1"]
    generator = random.Random(7)
    for _ in range(2000):
        raw = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 30)))
        fast, search = Vocabulary(raw), _SearchVocabulary(raw)
        for word in set(asked) | set(re.findall(r"\w+", raw)):
            assert fast.has_word(word) == search.has_word(word), (raw, word)
            if "-" not in word:
                assert fast.has_standalone_upper(word) == search.has_standalone_upper(word), (raw, word)


def test_a_long_pdf_is_refused_at_the_page_that_passes_the_limit(tmp_path, monkeypatch):
    from support.hostile_letters import _PDF_LETTER

    from natokg.read import text_layers

    pages_read = []
    real = text_layers.check_text_length

    def counting(text, path):
        pages_read.append(text.count("\f") + 1)
        real(text, path)

    monkeypatch.setattr(text_layers, "check_text_length", counting)
    monkeypatch.setenv(MAX_LETTER_CHARS_ENV, "500")  # the file (19 KB) is within 50 KB
    # the budgets of content bytes and instructions, also scaled by the limit, out of the way
    monkeypatch.setattr(limits, "PDF_CONTENT_BYTES_PER_CHAR", 1000)
    monkeypatch.setattr(limits, "PDF_CHARS_PER_OPERATION", 1)
    with pytest.raises(UnreadableLetterError, match="over the 500-character limit"):
        read_letter(_PDF_LETTER)
    assert pages_read == [1]  # refused at the first page, the second never extracted


def test_pdf_drawing_budget_grows_with_the_letter_limit(tmp_path, monkeypatch):
    from support.hostile_letters import pdf_form_drawn_often

    path = tmp_path / "drawn.pdf"
    pdf_form_drawn_often(path)  # 600,000 instructions: over the default 500,000
    with pytest.raises(UnreadableLetterError, match="over 500000 instructions"):
        read_letter(path)
    monkeypatch.setenv(MAX_LETTER_CHARS_ENV, "1300000")  # 650,000 instructions allowed
    assert "NAVO-ministeriele bijeenkomst" in read_letter(path).text


def test_pdf_drawing_budget_counts_a_form_each_time_it_is_drawn(tmp_path, monkeypatch):
    from support.hostile_letters import _drawing_pdf

    monkeypatch.setenv(MAX_LETTER_CHARS_ENV, "2000")  # 1,000 instructions, 8,000 bytes
    form = b"0 0 m 1 1 l S\n" * 100  # 300 instructions, 1,400 bytes: counted once as content
    path = tmp_path / "thrice.pdf"
    _drawing_pdf(path, b"/Fm0 Do\n" * 3, form=form)
    assert "NAVO" in read_letter(path).text
    _drawing_pdf(path, b"/Fm0 Do\n" * 4, form=form)
    with pytest.raises(UnreadableLetterError, match="over 1000 instructions"):
        read_letter(path)
