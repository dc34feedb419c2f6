"""SHACL validation of natokg graphs against shapes/.

``validate_graph`` is the reference (pySHACL, natokg.validation.reference);
``validate_graph_fast`` gives the same report from the compiled shapes in a few
milliseconds (natokg.validation.compiled); ``LETTER_VALIDATOR`` is what the build
runs on each letter. The modules are imported on first use: pySHACL is slow to import.
"""

from __future__ import annotations

from importlib import import_module

_HOMES = {
    "LETTER_VALIDATOR": "compiled",
    "ShapeValidator": "compiled",
    "UnsupportedShapeError": "core_constraints",
    "shape_validator": "compiled",
    "validate_graph_fast": "compiled",
    "validate_letters": "compiled",
    "LetterValidator": "contract",
    "Report": "contract",
    "validate_files": "reference",
    "validate_graph": "reference",
    "SHAPES_NS": "results",
    "ValidationReport": "results",
    "ValidationResult": "results",
    "load_shapes": "results",
    "namespace_manager": "results",
    "normalise_literals": "results",
    "reference_graph": "results",
}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = sorted(_HOMES)
