"""What validating with the shapes as SPARQL over the whole store would cost.

The shapes translated to SPARQL and run once over the store are an alternative to
validating each letter in the workers. This measures the idea on a built store: the
Position shape's cardinality and stance constraints written by hand as one query each
over every letter graph at once (GRAPH ?g), timed on the store read-only.
Multiplied by the number of constraints in shapes/, it estimates the whole cost; it is
not an implementation (a letter's own entities and the context would still have to be
joined per graph to report what pySHACL reports per letter).

Usage::

    python benchmarks/bench_validation_store.py --store benchmarks/out/store-10000-7
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
PREFIXES = """PREFIX nkg: <https://w3id.org/natokg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def constraint_queries() -> dict[str, str]:
    queries = {}
    for prop in ("heldBy", "stance", "onTopic", "modality"):
        queries[f"nkg:{prop} sh:maxCount 1"] = (
            f"SELECT ?g ?x WHERE {{ GRAPH ?g {{ ?x a nkg:Position ; nkg:{prop} ?v }} }} "
            "GROUP BY ?g ?x HAVING (COUNT(DISTINCT ?v) > 1)"
        )
        queries[f"nkg:{prop} sh:minCount 1"] = (
            f"SELECT ?g ?x WHERE {{ GRAPH ?g {{ ?x a nkg:Position }} FILTER NOT EXISTS {{ GRAPH ?g {{ ?x nkg:{prop} ?v }} }} }}"
        )
    queries["nkg:evidence sh:minCount 1"] = (
        "SELECT ?g ?x WHERE { GRAPH ?g { ?x a nkg:Position } FILTER NOT EXISTS { GRAPH ?g { ?x nkg:evidence ?v } } }"
    )
    queries["nkg:stance sh:node (a stance concept)"] = (
        "SELECT ?g ?x ?v WHERE { GRAPH ?g { ?x a nkg:Position ; nkg:stance ?v } "
        "FILTER NOT EXISTS { GRAPH ?s { ?v skos:inScheme <https://w3id.org/natokg/id/stance/scheme> } } }"
    )
    return {name: PREFIXES + query for name, query in queries.items()}


def count_constraints() -> int:
    """Constraint parameters in the core shapes (sh:minCount, sh:class, sh:in ...)."""
    text = (HERE.parent / "shapes" / "natokg-shapes.ttl").read_text(encoding="utf-8")
    return len(re.findall(r"\bsh:(?:minCount|maxCount|class|datatype|in|nodeKind|pattern|node|hasValue)\b", text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a natokg store directory")
    args = parser.parse_args()
    manifest = json.loads((args.store / "manifest.json").read_text(encoding="utf-8"))
    store = ox.Store.read_only(str(args.store / manifest["generation"]))
    letters = len(manifest["letters"])
    queries = constraint_queries()
    next(iter(store.query(next(iter(queries.values())))), None)  # warm-up: the store's caches
    seconds = []
    for name, query in queries.items():
        started = time.perf_counter()
        rows = sum(1 for _ in store.query(query))
        seconds.append(time.perf_counter() - started)
        print(f"{name}: {seconds[-1] * 1000:.0f} ms, {rows} violations")
    constraints = count_constraints()
    mean = sum(seconds) / len(seconds)
    print(f"{letters} letters; mean {mean:.2f} s per constraint; the core shapes hold {constraints} constraints")
    print(f"estimate for all of them: {mean * constraints:.0f} s, {mean * constraints / letters * 1000:.1f} ms per letter")


if __name__ == "__main__":
    main()
