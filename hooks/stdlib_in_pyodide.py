"""Runs inside Pyodide's own Python (3.14, in Node; ``hooks/stdlib.mjs``): the standard library as the page gets it.

Pyodide ships its standard library as source, so the browser compiles every module it imports, on
every start: about 150 modules before the map is interactive, most of Python's start-up time. From
the zip Pyodide started with, ``build`` writes a new one, entry by entry in the same order:

- a module Python imports before the tool is ready (Pyodide's own start, and what PyScript's
  package, the app and svgwrite import at module level) is replaced by its bytecode, compiled by
  this very Python (hash-based, not checked against a source: the same source gives the same bytes);
- a module that nothing the page runs can import is left out: reachable is what Pyodide's own
  packages, PyScript's, the app's, svgwrite's and the Python in PyScript's JavaScript import, and
  everything those import in turn, also inside functions (``modulefinder`` reads the bytecode);
  plus the text codecs in ``CODECS``, the only ones looked up by name rather than imported;
- so are the tools in ``FOR_DEVELOPERS`` (debugger, doctest, unittest, ``help()``, the REPL) and
  ``multiprocessing``, which Pyodide cannot run in a page, and what only they import: nothing the
  page runs calls them (``breakpoint()``, ``help()``, a test runner, a new process);
- everything else stays as it is.

What is not compiled here is compiled in the browser, as before; a module imported at start is
never left out.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import marshal
import modulefinder
import sys
import zipfile
from pathlib import Path

# Codecs are found by name (``codecs.lookup``), which modulefinder cannot see. The tool reads and
# writes UTF-8 only; these are the ones Python itself, JSON and the web modules may ask for.
CODECS = (
    "aliases",
    "ascii",
    "base64_codec",
    "charmap",
    "cp1252",
    "hex_codec",
    "idna",
    "iso8859_1",
    "latin_1",
    "punycode",
    "raw_unicode_escape",
    "unicode_escape",
    "utf_16",
    "utf_16_be",
    "utf_16_le",
    "utf_32",
    "utf_32_be",
    "utf_32_le",
    "utf_8",
    "utf_8_sig",
)
# What the Python inside PyScript's JavaScript imports (its start, its "files" unpacking).
FROM_JAVASCRIPT = ("asyncio", "base64", "builtins", "gzip", "json", "os", "sys", "tarfile")
# The app's modules the page imports only when the user asks for them (Download for research), with
# what they import: reachable, so kept, but not part of the start, so not compiled ahead.
ON_DEMAND = (
    "kenniskring.changepicture",
    "kenniskring.changes",
    "kenniskring.ghosts",
    "kenniskring.graphml",
    "kenniskring.names",
    "kenniskring.research",
    "kenniskring.teammap",
    "kenniskring.thenandnow",
)
FOR_DEVELOPERS = ("_pyrepl", "bdb", "doctest", "multiprocessing", "pdb", "pydoc", "pydoc_data", "unittest")
UNCHECKED_HASH = 0b01  # hash-based bytecode that is not checked against a source


def archive_path() -> str:
    return next(p for p in sys.path if p.endswith(".zip") and "/python3" in p)


def loaded_from(archive: str) -> set[str]:
    """The files in ``archive`` (paths inside it) of the modules imported so far."""
    prefix = archive + "/"
    files = (getattr(module, "__file__", None) or "" for module in list(sys.modules.values()))
    return {f.removeprefix(prefix) for f in files if f.startswith(prefix) and f.endswith(".py")}


def module_name(root: Path, path: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")


def module_level_imports(source: bytes) -> set[str]:
    """Absolute imports at module level: the ones that run as soon as the module is imported."""
    names: set[str] = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def try_import(name: str) -> None:
    try:
        importlib.import_module(name)
    except BaseException:  # noqa: B036 - a module that needs the browser (js, pyscript) fails here; that is fine
        pass


def bytecode(source: bytes, filename: str) -> bytes:
    code = compile(source, filename, "exec", dont_inherit=True)
    header = importlib.util.MAGIC_NUMBER + UNCHECKED_HASH.to_bytes(4, "little") + importlib.util.source_hash(source)
    return header + marshal.dumps(code)


def build(app: str, out: str) -> dict[str, int]:
    """Write the page's standard library to ``out``. ``app`` holds the Python the page runs besides
    the standard library: the app (kenniskring/, main.py), PyScript's package and svgwrite."""
    archive = archive_path()
    root = Path(app)
    sources = sorted(root.rglob("*.py"))
    names = sorted(module_name(root, p) for p in sources if p.name != "main.py")
    sys.path.insert(0, app)

    # 1. What Python imports before the tool is ready: Pyodide's start (already done), then what
    # the page's own Python imports as it starts.
    for name in FROM_JAVASCRIPT:
        try_import(name)
    page_start = [p for p in sources if module_name(root, p) not in ON_DEMAND]
    for path in page_start:
        for name in sorted(module_level_imports(path.read_bytes())):
            try_import(name)
    for name in names:
        if name not in ON_DEMAND:
            try_import(name)
    started = loaded_from(archive)

    # 2. What any of it can import, now or later.
    unpacked = Path("/tmp/kenniskring-stdlib")
    with zipfile.ZipFile(archive) as stdlib:
        stdlib.extractall(unpacked)
    at_start = {module_name(unpacked, unpacked / f) for f in started}
    excluded = [name for name in FOR_DEVELOPERS if not any(m == name or m.startswith(f"{name}.") for m in at_start)]
    finder = modulefinder.ModuleFinder(path=[str(unpacked), app], excludes=excluded)
    seeds = sorted(at_start) + names + list(FROM_JAVASCRIPT)
    seeds += [module_name(unpacked, p) for package in ("pyodide", "_pyodide") for p in sorted((unpacked / package).rglob("*.py"))]
    seeds += [f"encodings.{codec}" for codec in CODECS]
    for name in seeds:
        try:
            finder.import_hook(name)
        except ImportError:
            pass
    finder.run_script(str(root / "main.py"))
    found = (getattr(module, "__file__", None) or "" for module in finder.modules.values())
    reachable = {Path(f).relative_to(unpacked).as_posix() for f in found if f.startswith(f"{unpacked}/")}
    if "sysconfig/__init__.py" in reachable:  # it imports its data module by a name it puts together
        reachable |= {n.name for n in unpacked.glob("_sysconfigdata_*.py")}

    # 3. The new zip, in the old one's order.
    counts = {"compiled": 0, "kept": 0, "left_out": 0}
    with zipfile.ZipFile(archive) as stdlib, zipfile.ZipFile(out, "w") as target:
        for info in stdlib.infolist():
            name, data = info.filename, stdlib.read(info)
            if name.endswith(".py") and name in started:
                entry = zipfile.ZipInfo(name + "c", date_time=info.date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(entry, bytecode(data, f"{archive}/{name}"))
                counts["compiled"] += 1
            elif name.endswith(".py") and name not in reachable:
                counts["left_out"] += 1
            else:
                target.writestr(info, data)
                counts["kept"] += 1
    return counts
