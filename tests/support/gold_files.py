"""Where the gold facts and the seed letters are."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "corpus" / "gold"
LETTERS_DIR = ROOT / "corpus" / "letters"
SEED_GOLD = GOLD_DIR / "seeds.yaml"
SEED_FILES = [
    "000_d473f0d0e8325814.txt",
    "001_cd1c5c75dbeda8f3.txt",
    "002_7ea007089aa3c9f1.txt",
    "003_a8b24aadb98f3dfc.txt",
    "004_645f0c655bd661fc.txt",
]
