"""The layers of DESIGN.md hold: Qt only in the UI, SQLAlchemy only in storage, arrows one way."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reader"

# What each part of the package may import from the rest of `reader`.
ALLOWED = {
    "domain": {"domain"},
    "importers": {"domain", "importers"},
    "exporters": {"domain", "exporters"},
    "storage": {"domain", "storage"},
    "services": {"domain", "importers", "exporters", "storage", "services", "shipped"},
    "cli": {"domain", "services", "cli", "app"},
    "ui": {"domain", "services", "ui", "shipped"},
}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "_shipped" not in p.parts)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _layer(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def test_the_package_has_the_layers_of_the_design():
    layers = {_layer(p) for p in _modules()}
    assert {"domain", "importers", "exporters", "storage", "services", "cli", "ui", "app"} <= layers


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_ui_imports_qt(path):
    layer = _layer(path)
    qt = {name for name in _imports(path) if name.split(".")[0] in {"PySide6", "shiboken6"}}
    if layer not in {"ui", "app"}:
        assert not qt, f"{path.name} is outside the UI but imports {sorted(qt)}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_storage_imports_sqlalchemy(path):
    database_libraries = {name for name in _imports(path) if name.split(".")[0] in {"sqlalchemy", "alembic"}}
    if _layer(path) != "storage":
        assert not database_libraries, f"{path.name} is outside storage but imports {sorted(database_libraries)}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_arrows(path):
    layer = _layer(path)
    if layer not in ALLOWED:
        return  # app.py (the composition root), __init__, __main__, shipped
    used = {name.split(".")[1] for name in _imports(path) if name.startswith("reader.") and name.count(".") >= 1}
    assert used <= ALLOWED[layer], f"{layer} may not import {sorted(used - ALLOWED[layer])}"


def test_the_layer_check_catches_a_violation(tmp_path):
    # The checker itself must see a forbidden import, or the tests above prove nothing.
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport sqlalchemy.orm\n", encoding="utf-8")
    assert _imports(bad) == {"PySide6.QtWidgets", "sqlalchemy.orm"}
