"""The layers hold: the core never loads Qt, and every import points down the layer picture.

docs/architecture.md draws the picture; :data:`ALLOWED` is the same picture as data.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "digitpad"
QT_FREE = ("common", "nn", "data", "model", "training", "lab", "inference")
# Each layer and the layers it may import from (its own modules always).
ALLOWED = {
    "common": set(),
    "nn": {"common"},
    "data": {"common"},
    "model": {"common", "nn", "data"},
    "training": {"common", "nn", "data", "model"},
    "lab": {"common", "nn", "data", "model", "training"},
    "inference": {"common", "nn", "data", "model"},
    "cli": {"common", "nn", "data", "model", "training", "lab", "inference", "ui"},
    "ui": {"common", "nn", "data", "model", "training", "lab", "inference"},
}


def modules_of(layer: str) -> list[str]:
    return sorted("digitpad." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
                  for path in (PACKAGE / layer).rglob("*.py"))


def test_the_core_layers_import_without_qt_or_pyqtgraph():
    modules = [m for layer in QT_FREE for m in modules_of(layer)]
    code = ("import importlib, sys\n"
            f"for name in {modules!r}:\n"
            "    importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert len(modules) > 30  # every module of those layers, not a few
    assert out.strip() == "[]"


def digitpad_imports(path: Path) -> set[str]:
    """The digitpad layers a module imports from (``digitpad.X...`` → ``X``), at any depth of the file."""
    layers = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = ([node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
                 else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
        for name in names:
            parts = name.split(".")
            if parts[0] == "digitpad" and len(parts) > 1:
                layers.add(parts[1])
    return layers


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_imports_point_down_the_layers(layer):
    wrong = {}
    for path in (PACKAGE / layer).rglob("*.py"):
        bad = digitpad_imports(path) - ALLOWED[layer] - {layer}
        if bad:
            wrong[str(path.relative_to(PACKAGE))] = sorted(bad)
    assert wrong == {}


def test_every_module_belongs_to_a_layer():
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py"))
    folders = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert loose == [] and folders == sorted(ALLOWED)
