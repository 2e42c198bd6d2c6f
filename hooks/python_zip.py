"""The app's Python as the page gets it: one zip of bytecode, the app and svgwrite together.

Compiled by Pyodide's own Python in Node (``precompile.mjs``), so the browser neither unpacks nor
compiles anything at start: it puts the zip on ``sys.path`` (py/main.py) and imports from it.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import io
import subprocess
import tempfile
import zipfile
from pathlib import Path

from hooks.sources import PYODIDE_DIR, ROOT

WHEEL = "svgwrite-1.4.3-py3-none-any.whl"
WHEEL_PATH = ROOT / ".cache" / "wheels" / WHEEL
APP_SOURCE = ROOT / "py" / "kenniskring"
PYTHON_CACHE = ROOT / ".cache" / "python"
# svgwrite imports urllib.request at start-up for one function Kenniskring never calls (it would
# fetch a font from Google). In the browser that import alone takes about 0.2 s of every start, so
# the copy the site serves imports it when that function is called instead. Nothing else changes.
SVGWRITE_PATCH = (
    "svgwrite/container.py",
    "from urllib.request import urlopen",
    "def urlopen(*args, **kwargs):  # Kenniskring: imported when used, not at start-up\n"
    "    from urllib.request import urlopen as _urlopen\n"
    "    return _urlopen(*args, **kwargs)",
)


def patched(name: str, data: bytes) -> bytes:
    path, old, new = SVGWRITE_PATCH
    if name != path:
        return data
    text = data.decode("utf-8")
    if text.count(old) != 1:
        raise SystemExit(f"{path}: the line Kenniskring changes is not there (a new svgwrite?): check SVGWRITE_PATCH")
    return text.replace(old, new).encode("utf-8")


# Modules of the package that only run outside the page: the `kenniskring` command for a terminal,
# and the maker of the published JSON Schema.
NOT_FOR_THE_PAGE = {"cli.py", "mapschema.py"}
CATALOGUES = "locale/*/LC_MESSAGES/kenniskring.mo"


def app_sources() -> dict[str, bytes]:
    """The app's package with its catalogues and svgwrite (as the site serves it: ``SVGWRITE_PATCH``), by path in the zip."""
    sources = {f"kenniskring/{p.name}": p.read_bytes() for p in sorted(APP_SOURCE.glob("*.py")) if p.name not in NOT_FOR_THE_PAGE}
    # The compiled translation catalogues, where i18n reads them (through the zip's loader).
    sources |= {
        f"kenniskring/{p.relative_to(APP_SOURCE).as_posix()}": p.read_bytes() for p in sorted(APP_SOURCE.glob(CATALOGUES))
    }
    with zipfile.ZipFile(WHEEL_PATH) as wheel:
        sources |= {name: patched(name, wheel.read(name)) for name in sorted(wheel.namelist()) if not name.endswith("/RECORD")}
    return sources


@functools.cache
def app_zip() -> tuple[str, bytes]:
    """The app's package and svgwrite (from its pinned wheel) as one zip of bytecode, compiled by
    Pyodide itself (hooks/precompile.mjs). The page puts the zip on ``sys.path`` as it is (main.py):
    nothing to unpack, nothing to compile. Fixed timestamps and hash-based bytecode: the same sources
    give the same bytes and the same name. Kept in .cache/python/ by a hash of its inputs."""
    sources = app_sources()
    key = hashlib.sha256((PYODIDE_DIR / "package.json").read_bytes() + (ROOT / "hooks" / "precompile.mjs").read_bytes())
    key.update(inspect.getsource(app_zip).encode())  # how the zip is made is part of what it is
    for name, data in sources.items():
        key.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    cached = PYTHON_CACHE / f"{key.hexdigest()[:24]}.zip"
    if not cached.exists():
        with tempfile.TemporaryDirectory() as folder:
            for name, data in sources.items():
                (Path(folder) / name).parent.mkdir(parents=True, exist_ok=True)
                (Path(folder) / name).write_bytes(data)
            subprocess.run(["node", str(ROOT / "hooks" / "precompile.mjs"), folder], check=True, cwd=ROOT)
            # Bytecode instead of source (it is what runs), and the licence and metadata of svgwrite.
            files = sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix != ".py")
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in files:
                    info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=(2020, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(info, path.read_bytes())
        PYTHON_CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(buffer.getvalue())
    data = cached.read_bytes()
    return f"kenniskring-{hashlib.sha256(data).hexdigest()[:12]}.zip", data
