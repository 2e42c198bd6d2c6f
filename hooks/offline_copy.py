"""The offline copy: the whole tool in one HTML file that a teacher double-clicks, no server, no network.

A page opened from disk (file://) may not fetch() its neighbours or load module scripts from them,
so this file has no neighbours: PyScript (bundled into one module with esbuild), Pyodide, the
standard library, the app's Python (with svgwrite) and the worked examples are carried inside
it as base64, the larger ones gzip-compressed. ``offline_loader.js`` answers the runtime's fetch()
calls from them. The file is made from the same files as the site, on every build.

Both languages are in the file, each as a <template>; ``offline_language.js`` shows the one chosen.
Its Content-Security-Policy allows no address at all to be contacted: only the file itself runs.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import subprocess
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from kenniskring.i18n import t
from kenniskring.markup import offline_header, tool_markup

from hooks.python_stdlib import pyodide_file
from hooks.sources import EXAMPLES, FONT_FILES, FONTS_DIR, NODE, PYODIDE_FILES, PYSCRIPT_DIST

HERE = Path(__file__).resolve().parent
ESBUILD = NODE / ".bin" / "esbuild"
PYSCRIPT_ENTRY = PYSCRIPT_DIST / "core.js"
OFFLINE_PATH = "download/kenniskring.html"
CONTENT_TYPES = {".mjs": "text/javascript", ".wasm": "application/wasm", ".zip": "application/zip", ".json": "application/json"}


@dataclass(frozen=True)
class Carried:
    """One file inside the offline copy, at the address the runtime asks for it."""

    path: str
    content_type: str
    data: bytes
    compress: bool = True

    def element(self) -> str:
        data = gzip.compress(self.data, compresslevel=9, mtime=0) if self.compress else self.data
        flag = " data-gzip" if self.compress else ""
        return (
            f'<script type="application/x-kenniskring-file" data-path="{self.path}" '
            f'data-type="{self.content_type}"{flag}>{base64.b64encode(data).decode("ascii")}</script>\n'
        )


def pyscript_bundle() -> bytes:
    """PyScript's core and the chunks it imports, as one ES module (no relative imports left to resolve)."""
    if not ESBUILD.exists():
        raise SystemExit(f"{ESBUILD} is missing; run `make setup` first.")
    result = subprocess.run(
        [str(ESBUILD), str(PYSCRIPT_ENTRY), "--bundle", "--format=esm", "--minify", "--log-level=warning", "--charset=utf8"],
        check=True,
        capture_output=True,
    )
    return result.stdout


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(scripts: list[str], style: str) -> str:
    """Only this file's own scripts (by hash) and the blob: modules they make; no address to contact."""
    return "; ".join(
        [
            "default-src 'none'",
            # PyScript evaluates code and Pyodide compiles WebAssembly: both need 'unsafe-eval'.
            " ".join(["script-src 'strict-dynamic' 'unsafe-eval' blob:", *map(sha256, scripts)]),
            f"style-src {sha256(style)}",
            "img-src data: blob:",
            "font-src data:",  # the site's font, inside the file (inline_fonts)
            "connect-src blob: data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def inline_fonts(style: str, site: Path) -> str:
    """The site's font files as data: addresses, so the file opened from disk draws the same text."""
    for name in FONT_FILES:
        data = base64.b64encode((site / FONTS_DIR / name).read_bytes()).decode("ascii")
        style = style.replace(f"url(fonts/{name})", f"url(data:font/woff2;base64,{data})")
    return style


def offline_html(site: Path, app_zip_name: str, app_zip: bytes, python: dict[str, Any], main_py: Path) -> str:
    """The offline copy's text, from the built site (its styles and scripts) and the runtime's files;
    ``python`` is the site's PyScript configuration for the app (the files it loads)."""
    styles = sorted((site / "assets" / "stylesheets").glob("*.min.css"), key=lambda p: not p.name.startswith("main."))
    style = "\n".join(
        [*(p.read_text(encoding="utf-8") for p in styles), (site / "assets" / "kenniskring.css").read_text(encoding="utf-8")]
    )
    style = style.replace("/*# sourceMappingURL=", "/* map: ")  # no requests for source maps
    style = inline_fonts(style, site)
    runtime = "runtime/"
    carried = [
        # The same files the site serves; a zip is deflated inside already: gzip would only cost time.
        *(
            Carried(f"{runtime}pyodide/{name}", CONTENT_TYPES[Path(name).suffix], pyodide_file(name), not name.endswith(".zip"))
            for name in PYODIDE_FILES
        ),
        Carried(f"{runtime}pyscript.js", "text/javascript", pyscript_bundle()),
        Carried(f"{runtime}{app_zip_name}", "application/zip", app_zip, False),
        Carried(f"{runtime}main.py", "text/plain", main_py.read_bytes()),
        *(
            Carried(f"assets/examples/{name}", "application/json", (site / "assets" / "examples" / name).read_bytes())
            for name in EXAMPLES.values()
        ),
    ]
    config = {
        "pyodide": f"{runtime}pyodide/pyodide.mjs",
        "pyodideAsm": f"{runtime}pyodide/pyodide.asm.mjs",
        "pyscript": f"{runtime}pyscript.js",
        "indexURL": f"{runtime}pyodide/",
        "interpreter": f"./{runtime}pyodide/kenniskring-pyodide.mjs",
        "main": f"{runtime}main.py",
        "python": python,
    }
    templates = "".join(
        f'<template id="kk-offline-{lang}" data-title="{escape(t(lang, "offline.title"))}" '
        f'data-unsupported="{escape(t(lang, "offline.unsupported"))}">'
        + '<div class="md-typeset">'
        + offline_header(lang, other)
        + "<main>"
        + tool_markup(lang, f"assets/examples/{EXAMPLES[lang]}")
        + "</main></div></template>\n"
        for lang, other in (("nl", "en"), ("en", "nl"))
    )
    language = (HERE / "offline_language.js").read_text(encoding="utf-8")
    preview = (site / "assets" / "preview.js").read_text(encoding="utf-8")
    loader = (HERE / "offline_loader.js").read_text(encoding="utf-8")
    csp = content_security_policy([language, preview, loader], style)
    return (
        "<!doctype html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{escape(t('nl', 'offline.title'))}</title>\n"
        f"<style>{style}</style>\n"
        "</head>\n"
        '<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="custom" data-md-color-accent="custom">\n'
        '<div id="kk-offline-root" class="kk-offline"></div>\n'
        f"{templates}"
        f"<script>{language}</script>\n"
        f"<script>{preview}</script>\n"
        f'<script type="application/json" id="kk-offline-config">{json.dumps(config)}</script>\n'
        + "".join(c.element() for c in carried)
        + f"<script>{loader}</script>\n</body>\n</html>\n"
    )
