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
SHELL = {
    "browser",
    "shell",
    "shell_draw",
    "shell_drag",
    "shell_files",
    "shell_forms",
    "shell_keys",
    "shell_maps",
    "shell_passes",
    "shell_patch",
    "shell_moments",
    "shell_present",
    "shell_team",
}
SHELL_LINES = 300  # a shell module beyond this has more than one job
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


def own_imports(name: str) -> set[str]:
    """The package's modules that ``name`` imports when it is imported: its top-level imports,
    ``if TYPE_CHECKING:`` ones too (a cycle there is still two modules that cannot be read one
    without the other). An import inside a function runs when it is called, after both modules
    exist: ``research`` imports ``graphml`` that way, only when a GraphML file is asked for."""
    names: set[str] = set()
    statements = list(ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8")).body)
    while statements:
        node = statements.pop()
        if isinstance(node, ast.If | ast.Try):
            statements += node.body + node.orelse + [h for handler in getattr(node, "handlers", []) for h in handler.body]
        elif isinstance(node, ast.ImportFrom) and node.level:
            names |= {node.module.split(".")[0]} if node.module else {alias.name for alias in node.names}
    return names & set(MODULES)


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A path of imports that comes back to where it started, or None."""
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str] | None:
        if name in path:
            return path[path.index(name) :] + [name]
        if name in done:
            return None
        for other in sorted(graph.get(name, set())):
            found = visit(other, path + [name])
            if found:
                return found
        done.add(name)
        return None

    for name in sorted(graph):
        found = visit(name, [])
        if found:
            return found
    return None


def test_no_module_imports_another_in_a_circle() -> None:
    cycle = find_cycle({name: own_imports(name) for name in MODULES})
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_check_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


@pytest.mark.parametrize("name", sorted(SHELL))
def test_no_shell_module_is_long(name: str) -> None:
    lines = len((PACKAGE / f"{name}.py").read_text(encoding="utf-8").splitlines())
    assert lines <= SHELL_LINES, f"{name}.py has {lines} lines"
