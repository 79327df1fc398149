"""Tier 1: the packages of `pipelines` import one another one way only (no loop), counting
imports inside functions too: a lazy import is still a dependency."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "pipelines"


def _unit(module: str) -> str:
    """The package a dotted module belongs to: pipelines.parsing.page -> parsing."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("pipelines.")}


def package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(ROOT).with_suffix("")
        unit = _unit(".".join(relative.parts))
        if unit == "__init__":  # pipelines/__init__.py only exposes the definitions
            continue
        deps = {_unit(name) for name in _imports(path)} - {unit}
        graph.setdefault(unit, set()).update(deps)
    return graph


def test_packages_import_each_other_one_way():
    graph = package_graph()
    try:
        order = list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as loop:
        raise AssertionError(f"import loop between packages: {loop.args[1]}") from None
    assert order.index("rejects") < order.index("parsing") < order.index("tables")
    assert order.index("dataset") < order.index("publish") < order.index("assets")


def test_the_release_writer_does_not_import_publish():
    writer = _imports(PACKAGE / "dataset" / "write.py")
    assert not {name for name in writer if name.startswith("pipelines.publish")}
