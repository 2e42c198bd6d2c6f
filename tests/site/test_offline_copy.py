"""The offline copy carries exactly the files the site serves, and may contact nothing.

Reads ``site/download/kenniskring.html`` as ``make build`` wrote it; the browser tests
(tests/browser/test_offline_copy.py) open it from disk and use it.
"""

from __future__ import annotations

import base64
import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hooks.offline_copy import OFFLINE_PATH, pyscript_bundle

SITE = Path(__file__).resolve().parents[2] / "site"
COPY = SITE / OFFLINE_PATH


class Carried(HTMLParser):
    """The files inside the copy (path -> bytes), and every address its markup refers to."""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, bytes] = {}
        self.addresses: list[str] = []
        self.csp = ""
        self._open: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("type") == "application/x-kenniskring-file":
            self._open = values
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.csp = str(values["content"])
        self.addresses += [str(values[a]) for a in ("href", "src", "action") if values.get(a)]

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            raw = base64.b64decode(data.strip())
            self.files[str(self._open["data-path"])] = gzip.decompress(raw) if "data-gzip" in self._open else raw
            self._open = None


@pytest.fixture(scope="module")
def copy() -> Carried:
    if not COPY.exists():
        pytest.fail(f"{COPY} was not built; `make test` builds the site first")
    parsed = Carried()
    parsed.feed(COPY.read_text(encoding="utf-8"))
    return parsed


def test_it_carries_the_same_runtime_and_python_as_the_site(copy: Carried) -> None:
    served = {p.relative_to(SITE).as_posix(): p.read_bytes() for p in (SITE / "runtime").rglob("*") if p.is_file()}
    shared = {path for path in copy.files if path in served}
    app = next(p for p in served if re.fullmatch(r"runtime/kenniskring-[0-9a-f]{12}\.zip", p))
    assert {
        "runtime/pyodide/pyodide.mjs",
        "runtime/pyodide/pyodide.asm.mjs",
        "runtime/pyodide/pyodide.asm.wasm",
        "runtime/pyodide/python_stdlib.zip",
        "runtime/pyodide/pyodide-lock.json",
        "runtime/main.py",
        app,
    } <= shared
    for path in shared:
        assert copy.files[path] == served[path], path
    for example in ("voorbeeld.json", "example.json"):
        assert copy.files[f"assets/examples/{example}"] == (SITE / "assets" / "examples" / example).read_bytes()
    # PyScript's core as the site serves it, bundled into one module.
    assert copy.files["runtime/pyscript.js"] == pyscript_bundle()


def test_it_may_contact_nothing(copy: Carried) -> None:
    directives = dict(d.strip().split(" ", 1) for d in copy.csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["connect-src"] == "blob: data:"
    assert "http" not in copy.csp and "'self'" not in copy.csp
    assert all(not re.match(r"[a-z]+:", a) or a.startswith(("blob:", "data:")) for a in copy.addresses), copy.addresses


def test_it_is_one_file_of_reasonable_size() -> None:
    size = COPY.stat().st_size
    assert 5_000_000 < size < 14_000_000, size


def test_the_service_worker_does_not_keep_it() -> None:
    """Offline use of the site needs the site, not a second copy of the tool in one large file."""
    worker = (SITE / "sw.js").read_text(encoding="utf-8")
    assert "runtime/pyodide/pyodide.asm.wasm" in worker
    assert OFFLINE_PATH not in worker
