"""Generate N realistic letters, deterministically from a seed, for scale benchmarks.

Each generated letter starts from one of the real letters in corpus/letters (its header,
cover letter, headings and signature, so the reader and segmenter see the real layout)
and recombines it:

- body paragraphs are kept, dropped (p=0.15) or joined by a paragraph of another real
  letter (p=0.2), so sentences and paragraphs occur in new combinations;
- the ministry reference becomes a fresh one (BZ + 7 digits, unique per letter);
- every year is shifted by the same offset (-8..+2), so dates, meeting dates and target
  years stay consistent within the letter;
- each city of the reference data named in the letter (but Den Haag, the address of
  ministry and parliament) becomes another city, and its
  state's Dutch name that city's state (places come from ontology/reference/cities.ttl);
- allies named in the letter are swapped for other allies (actors, from states.ttl);
- amounts (``3,5 miljard``, ``250 miljoen``, ``2%``) are scaled by a random factor.

Usage::

    python benchmarks/generate_letters.py OUT_DIR --count 1000 --seed 7

The same seed and count give byte-identical files.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

REPO = Path(__file__).resolve().parent.parent
LETTERS_DIR = REPO / "corpus" / "letters"
REFERENCE_DIR = REPO / "ontology" / "reference"
NKG = "https://w3id.org/natokg/ontology#"
YEAR = re.compile(r"\b(19[5-9]\d|20[0-9]\d)\b")
AMOUNT = re.compile(r"\b(\d{1,3}(?:[.,]\d+)?)(\s?(?:miljard|miljoen|%|procent))")
REFERENCE_NUMBER = re.compile(r"\bBZ\d{5,8}\b")


def _dutch_label(graph: Graph, node: URIRef) -> str | None:
    for label in graph.objects(node, SKOS.prefLabel):
        if getattr(label, "language", None) == "nl":
            return str(label)
    return None


def load_places_and_allies() -> tuple[dict[str, str], list[str]]:
    """Dutch city name -> Dutch name of its state; Dutch names of the allies."""
    graph = Graph()
    for name in ("cities.ttl", "states.ttl"):
        path = REFERENCE_DIR / name
        if path.is_file():
            graph.parse(path, format="turtle")
    in_country = URIRef(NKG + "inCountry")
    accession = URIRef(NKG + "accessionDate")
    cities = {}
    for city, state in graph.subject_objects(in_country):
        city_name, state_name = _dutch_label(graph, city), _dutch_label(graph, state)
        if city_name and state_name and len(city_name) > 3:
            cities[city_name] = state_name
    allies = sorted({_dutch_label(graph, s) for s in graph.subjects(accession, None)} - {None})
    return dict(sorted(cities.items())), allies


def split_letter(text: str) -> tuple[list[str], list[str]]:
    """(head, body) paragraphs: the head runs up to and including the document title."""
    paragraphs = re.split(r"\n\s*\n", text)
    if len(paragraphs) < 6:  # a letter laid out without blank lines: one line, one paragraph
        paragraphs = text.split("\n")
    for index, paragraph in enumerate(paragraphs):
        stripped = paragraph.strip()
        if index > 5 and stripped.isupper() and len(stripped) > 20:
            return paragraphs[: index + 1], paragraphs[index + 1 :]
    return paragraphs[: len(paragraphs) // 3], paragraphs[len(paragraphs) // 3 :]


def _is_prose(paragraph: str) -> bool:
    return paragraph.count(". ") >= 1 and len(paragraph) > 200


class LetterGenerator:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        # the seed letters only: a generated corpus stays the same whatever the dev_* set holds
        self.sources = [p.read_text(encoding="utf-8") for p in sorted(LETTERS_DIR.glob("[0-9]*.txt"))]
        if not self.sources:
            raise SystemExit(f"no letters in {LETTERS_DIR}")
        self.split = [split_letter(text) for text in self.sources]
        self.prose = [p for _, body in self.split for p in body if _is_prose(p)]
        self.cities, self.allies = load_places_and_allies()

    def letter(self, number: int) -> str:
        rng = random.Random(f"{self.seed}-{number}")
        head, body = self.split[rng.randrange(len(self.split))]
        new_body = []
        for paragraph in body:
            if len(body) > 5 and _is_prose(paragraph) and rng.random() < 0.15:
                continue
            new_body.append(paragraph)
            if _is_prose(paragraph) and rng.random() < 0.2:
                new_body.append(rng.choice(self.prose))
        text = "\n\n".join(head + new_body)
        text = REFERENCE_NUMBER.sub(f"BZ{3000000 + self.seed * 100000 + number:07d}", text)
        shift = rng.randint(-8, 2)
        text = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
        text = self._swap_places(text, rng)
        text = self._swap_allies(text, rng)
        text = AMOUNT.sub(lambda m: self._scale(m, rng), text)
        return text

    def _swap_places(self, text: str, rng: random.Random) -> str:
        # Den Haag stays: it is the ministry's and parliament's address in every header
        named = [c for c in self.cities if c != "Den Haag" and re.search(rf"\b{re.escape(c)}\b", text)]
        replacements = {}
        for city in named:
            other = rng.choice(list(self.cities))
            replacements[city] = other
            if self.cities[city] != self.cities[other]:
                replacements.setdefault(self.cities[city], self.cities[other])
        return _replace_words(text, replacements)

    def _swap_allies(self, text: str, rng: random.Random) -> str:
        named = [ally for ally in self.allies if re.search(rf"\b{re.escape(ally)}\b", text)]
        others = [ally for ally in self.allies if ally not in named and ally != "Nederland"]
        swaps = {ally: rng.choice(others) for ally in named if ally != "Nederland" and others and rng.random() < 0.5}
        return _replace_words(text, swaps)

    @staticmethod
    def _scale(match: re.Match, rng: random.Random) -> str:
        number = float(match.group(1).replace(".", "").replace(",", "."))
        scaled = max(0.1, number * rng.uniform(0.5, 2.0))
        text = f"{scaled:.1f}".rstrip("0").rstrip(".").replace(".", ",")
        return text + match.group(2)


def _replace_words(text: str, replacements: dict[str, str]) -> str:
    """Replace whole words in one pass (so A->B and B->C do not chain)."""
    if not replacements:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(replacements, key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: replacements[m.group(1)], text)


def generate(out_dir: Path, count: int, seed: int = 7) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    generator = LetterGenerator(seed)
    paths = []
    for number in range(count):
        path = out_dir / f"gen_{seed}_{number:06d}.txt"
        path.write_text(generator.letter(number), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.out_dir, args.count, args.seed)
    print(f"wrote {len(paths)} letters to {args.out_dir}")


if __name__ == "__main__":
    main()
