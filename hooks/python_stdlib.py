"""Python's standard library as the page gets it: what the start imports as ready bytecode, and
without the modules that nothing the page runs can import.

Made by Pyodide's own Python in Node (``stdlib.mjs`` runs ``stdlib_in_pyodide.py``, which says how),
from the ``python_stdlib.zip`` Pyodide publishes, the app and svgwrite (``python_zip.app_sources``)
and PyScript's Python package. Served under Pyodide's own name for it, so nothing else changes.
Kept in .cache/python/ by a hash of everything it is made from.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import subprocess
import tempfile
from pathlib import Path

from hooks.python_zip import PYTHON_CACHE, app_sources
from hooks.sources import NODE, PYODIDE_DIR, ROOT

STDLIB = "python_stdlib.zip"
PYSCRIPT_PYTHON = NODE / "@pyscript" / "core" / "src" / "stdlib" / "pyscript"
MAKERS = (ROOT / "hooks" / "stdlib.mjs", ROOT / "hooks" / "stdlib_in_pyodide.py")


def page_python() -> dict[str, bytes]:
    """The Python the page runs besides the standard library, by path: the app, its entry point,
    svgwrite and PyScript's package."""
    files = app_sources()
    files["main.py"] = (ROOT / "py" / "main.py").read_bytes()
    files |= {f"pyscript/{p.name}": p.read_bytes() for p in sorted(PYSCRIPT_PYTHON.glob("*.py"))}
    return {name: data for name, data in files.items() if name.endswith(".py")}


@functools.cache
def stdlib_zip() -> bytes:
    """The site's ``python_stdlib.zip`` (see the module's docstring)."""
    python = page_python()
    key = hashlib.sha256((PYODIDE_DIR / "package.json").read_bytes() + (PYODIDE_DIR / STDLIB).read_bytes())
    key.update(inspect.getsource(stdlib_zip).encode())
    for path in MAKERS:
        key.update(path.read_bytes())
    for name, data in python.items():
        key.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    cached = PYTHON_CACHE / f"stdlib-{key.hexdigest()[:24]}.zip"
    if not cached.exists():
        with tempfile.TemporaryDirectory() as folder:
            app, out = Path(folder) / "app", Path(folder) / "out" / STDLIB
            for name, data in python.items():
                (app / name).parent.mkdir(parents=True, exist_ok=True)
                (app / name).write_bytes(data)
            out.parent.mkdir()
            subprocess.run(["node", str(MAKERS[0]), str(app), str(out)], check=True, cwd=ROOT)
            PYTHON_CACHE.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(out.read_bytes())
    return cached.read_bytes()


def pyodide_file(name: str) -> bytes:
    """One of Pyodide's files as the site serves it: the standard library made here, the rest as published."""
    return stdlib_zip() if name == STDLIB else (PYODIDE_DIR / name).read_bytes()
