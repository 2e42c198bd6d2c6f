"""The standard library as the page gets it (hooks/python_stdlib.py): Pyodide's own zip, with what the
start imports as bytecode and what nothing the page runs can use left out.

The browser tests show that the whole tool runs on it; this checks what is in it and what is not.
"""

from __future__ import annotations

import ast
import importlib.util
import zipfile
from pathlib import Path

import pytest

from hooks.python_stdlib import STDLIB, page_python
from hooks.sources import PYODIDE_DIR

ROOT = Path(__file__).resolve().parents[2]
SERVED = ROOT / "site" / "runtime" / "pyodide" / STDLIB


@pytest.fixture(scope="module")
def served() -> zipfile.ZipFile:
    if not SERVED.exists():
        pytest.fail(f"{SERVED} was not built; `make test` builds the site first")
    return zipfile.ZipFile(SERVED)


@pytest.fixture(scope="module")
def published() -> zipfile.ZipFile:
    return zipfile.ZipFile(PYODIDE_DIR / STDLIB)


def module_files(name: str) -> tuple[str, ...]:
    path = name.replace(".", "/")
    return (f"{path}.py", f"{path}.pyc", f"{path}/__init__.py", f"{path}/__init__.pyc")


def present(archive: zipfile.ZipFile, name: str) -> bool:
    names = set(archive.namelist())
    return any(f in names for f in module_files(name))


def imports_anywhere(source: bytes) -> set[str]:
    """Every absolute import in a file, also inside functions, with the packages it passes through."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in found:
            parts = name.split(".")
            names |= {".".join(parts[:i]) for i in range(1, len(parts) + 1)}
    return names


def test_what_python_imports_at_start_is_bytecode_for_the_browsers_python(served: zipfile.ZipFile) -> None:
    names = set(served.namelist())
    # Pyodide's own start, asyncio for PyScript, and what the app's drawing imports (svgwrite's XML).
    for module in (
        "_pyodide/_base",
        "pyodide/ffi/__init__",
        "asyncio/tasks",
        "json/__init__",
        "dataclasses",
        "xml/etree/ElementTree",
    ):
        assert f"{module}.pyc" in names and f"{module}.py" not in names, module
    headers = {n: served.read(n)[:8] for n in names if n.endswith(".pyc")}
    assert len(headers) > 100
    (magic,) = {h[:4] for h in headers.values()}
    assert magic != importlib.util.MAGIC_NUMBER and 3600 <= int.from_bytes(magic[:2], "little") < 3700  # Python 3.14's
    assert {int.from_bytes(h[4:8], "little") for h in headers.values()} == {0b01}  # hash-based, unchecked


def test_every_import_of_the_pages_python_is_still_there(served: zipfile.ZipFile, published: zipfile.ZipFile) -> None:
    wanted: set[str] = set()
    for source in page_python().values():
        wanted |= imports_anywhere(source)
    # Also what is imported only when asked: svgwrite's font download pulls in urllib.request.
    assert "urllib.request" in wanted
    missing = sorted(name for name in wanted if present(published, name) and not present(served, name))
    assert missing == []


def test_only_what_the_page_cannot_use_is_left_out(served: zipfile.ZipFile, published: zipfile.ZipFile) -> None:
    for name in ("pdb", "doctest", "unittest", "multiprocessing", "pydoc", "encodings.cp932", "encodings.mac_roman"):
        assert present(published, name) and not present(served, name), name
    for name in ("encodings.utf_8", "encodings.latin_1", "email", "urllib.request", "tarfile", "gzip", "pyodide.http"):
        assert present(served, name), name
    # Whatever is neither compiled nor left out is the published file, byte for byte.
    for info in served.infolist():
        if not info.filename.endswith(".pyc"):
            assert served.read(info) == published.read(info.filename), info.filename
    assert SERVED.stat().st_size < (PYODIDE_DIR / STDLIB).stat().st_size
