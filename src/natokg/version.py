"""The version of natokg, in the base layer so every stage can read it."""

__version__ = "0.1.0"
