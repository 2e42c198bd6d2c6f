"""The app's Python as the page gets it: one zip of bytecode for the browser's own Python version.

The browser tests show that the page runs from it; this checks what is in it and what is not.
"""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path

import pytest

from hooks.python_zip import NOT_FOR_THE_PAGE, PYODIDE_DIR, SVGWRITE_PATCH, WHEEL_PATH, patched

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"


@pytest.fixture(scope="module")
def python_zip() -> zipfile.ZipFile:
    found = sorted((SITE / "runtime").glob("kenniskring-*.zip"))
    if len(found) != 1:
        pytest.fail(f"expected one app zip in site/runtime, found {found}; `make test` builds the site first")
    return zipfile.ZipFile(found[0])


def test_every_module_is_there_as_bytecode_and_no_source_is(python_zip: zipfile.ZipFile) -> None:
    names = set(python_zip.namelist())
    modules = {p.name for p in (ROOT / "py" / "kenniskring").glob("*.py")}
    app = {f"kenniskring/{name.removesuffix('.py')}.pyc" for name in modules - NOT_FOR_THE_PAGE}
    assert not {f"kenniskring/{name.removesuffix('.py')}.pyc" for name in NOT_FOR_THE_PAGE} & names  # the terminal's command
    with zipfile.ZipFile(WHEEL_PATH) as wheel:
        svgwrite = {n.removesuffix(".py") + ".pyc" for n in wheel.namelist() if n.endswith(".py")}
    assert app | svgwrite <= names
    assert not [n for n in names if n.endswith(".py")]
    assert "svgwrite-1.4.3.dist-info/LICENSE.TXT" in names  # the licence travels with the code


def test_the_bytecode_is_for_the_browsers_python_and_needs_no_source(python_zip: zipfile.ZipFile) -> None:
    lock = json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock["info"]["python"].startswith("3.14.")
    headers = {name: python_zip.read(name)[:8] for name in python_zip.namelist() if name.endswith(".pyc")}
    magics = {h[:4] for h in headers.values()}
    assert len(magics) == 1
    (magic,) = magics
    # Compiled by Pyodide's Python 3.14 (its bytecode numbers are 3600-3699), not by this machine's.
    assert magic != importlib.util.MAGIC_NUMBER and magic.endswith(b"\r\n")
    assert 3600 <= int.from_bytes(magic[:2], "little") < 3700
    for name, header in headers.items():
        assert int.from_bytes(header[4:8], "little") == 0b01, name  # hash-based, not checked against a source


def test_svgwrite_imports_urllib_only_when_asked_to() -> None:
    path, old, new = SVGWRITE_PATCH
    with zipfile.ZipFile(WHEEL_PATH) as wheel:
        text = patched(path, wheel.read(path)).decode("utf-8")
    assert old not in text.replace(new, "")
    namespace: dict[str, object] = {}
    exec(new, namespace)  # the stand-in imports on call, and hands over to the real urlopen
    assert callable(namespace["urlopen"])
    assert patched("svgwrite/other.py", b"from urllib.request import urlopen") == b"from urllib.request import urlopen"


def test_the_translation_catalogues_are_in_the_zip_as_compiled_and_nothing_else_of_them(python_zip: zipfile.ZipFile) -> None:
    locale = ROOT / "py" / "kenniskring" / "locale"
    compiled = {f"kenniskring/locale/{p.relative_to(locale).as_posix()}": p for p in locale.glob("*/LC_MESSAGES/*.mo")}
    assert {"kenniskring/locale/nl/LC_MESSAGES/kenniskring.mo", "kenniskring/locale/en/LC_MESSAGES/kenniskring.mo"} <= set(
        compiled
    )
    for name, path in compiled.items():
        assert python_zip.read(name) == path.read_bytes(), name
    assert not [n for n in python_zip.namelist() if n.endswith(".po")]  # translators' files stay out of the page
