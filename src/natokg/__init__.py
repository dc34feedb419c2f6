"""natokg: Dutch government letters to parliament about NATO meetings, as a knowledge graph."""

from __future__ import annotations

__version__ = "0.1.0"
