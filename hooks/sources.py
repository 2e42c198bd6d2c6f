"""Where the build finds what it ships: the runtime from node_modules and the worked examples.

One place for the hook, the app's zip and the offline copy, so that all three take the same files.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
PYSCRIPT_DIST = NODE / "@pyscript" / "core" / "dist"
PYODIDE_DIR = NODE / "pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
EXAMPLES = {"nl": "voorbeeld.json", "en": "example.json"}  # in docs/assets/examples/, per language
# The site's font (docs/assets/kenniskring.css names these files; kenniskring.fontmetrics holds their
# widths): copied to site/assets/fonts/ with its licence, inlined in the offline copy.
FONT_PACKAGE = NODE / "@fontsource" / "atkinson-hyperlegible"
FONT_FILES = tuple(
    f"atkinson-hyperlegible-{subset}-{weight}-normal.woff2" for weight in (400, 700) for subset in ("latin", "latin-ext")
)
FONTS_DIR = "assets/fonts"
FONT_LICENCE = "OFL.txt"
