"""Functional core, imperative shell: only the shell modules touch the browser.

Every other module of the package imports under plain CPython (this machine's 3.11 here, Pyodide's
3.14 in the browser tests), with no ``pyscript``, ``pyodide`` or ``js`` anywhere in it.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "py" / "kenniskring"
SHELL = {"browser", "shell", "shell_maps", "shell_files"}
BROWSER_MODULES = {"pyscript", "pyodide", "js"}


def imported(path: Path) -> set[str]:
    """Top-level modules a module imports, and its own package's modules as ".name"."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(("." if node.level else "") + node.module.split(".")[0])
    return names


MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("name", sorted(set(MODULES) - SHELL))
def test_only_the_shell_touches_the_browser(name: str) -> None:
    names = imported(PACKAGE / f"{name}.py")
    assert not names & BROWSER_MODULES, f"{name} imports {names & BROWSER_MODULES}"
    assert not names & {f".{s}" for s in SHELL}, f"{name} imports part of the shell"


def test_the_shell_is_what_touches_it() -> None:
    assert all(imported(PACKAGE / f"{name}.py") & (BROWSER_MODULES | {".browser"}) for name in SHELL)


@pytest.mark.parametrize("name", sorted(set(MODULES) - SHELL))
def test_the_core_imports_without_a_browser(name: str) -> None:
    importlib.import_module(f"kenniskring.{name}")
