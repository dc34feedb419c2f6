"""The package's layers: no import circle between modules, no import from a higher layer.

Every ``import`` and ``from ... import`` in src/natokg counts, at module level or inside
a function (a deferred import is still a dependency). Layers, lowest first; a module
may import from its own layer or a lower one (docs/architecture.md, "Layers").
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "natokg"

LAYERS: list[set[str]] = [
    {"errors", "paths", "records", "namespaces", "identifiers", "folding", "version", "memory"},
    {"knowledge"},
    {"read"},
    {"text"},
    {"extract"},
    {"rdf"},
    {"pipeline", "validation"},
    {"store"},
    {"remote", "fetch"},
    {"sparql"},
    {"evaluation"},
    {"serve"},
    {"cli", "__init__", "__main__"},
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The natokg modules ``name`` imports; ``from package import module`` names the module."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                found.add(submodule if submodule in known else source)
    return {module for module in found if module in known and module != name}


def layer(module: str) -> int:
    parts = module.split(".")
    key = parts[1] if len(parts) > 1 else "__init__"
    for index, members in enumerate(LAYERS):
        if key in members:
            return index
    raise AssertionError(f"{module} is in no layer: add it to LAYERS and docs/architecture.md")


def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    known = set(modules)
    return {name: imported_modules(name, path, known) for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_every_module_is_in_a_layer():
    for module in package_modules():
        layer(module)


def test_no_import_circle_between_modules():
    found = circles(import_graph())
    assert not found, "import circles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_no_module_imports_from_a_higher_layer():
    upward = sorted(
        f"{module} -> {target}"
        for module, targets in import_graph().items()
        for target in targets
        if layer(target) > layer(module)
    )
    assert not upward, "imports from a higher layer:\n" + "\n".join(upward)


def test_the_walk_sees_deferred_and_relative_imports():
    source_graph = import_graph()
    # extract/__init__.py imports its stages inside a function
    assert "natokg.extract.actors" in source_graph["natokg.extract"]
    # cli/__init__.py: ``from natokg.cli.app import app`` names the module
    assert "natokg.cli.app" in source_graph["natokg.cli"]
