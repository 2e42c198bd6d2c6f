"""Write ``py/kenniskring/fontmetrics.py``: the advance widths of the font the site serves.

The notes on the map wrap and shrink a name by measuring it (``textfit``). The browser draws the
name in Atkinson Hyperlegible, the font the site serves itself from the pinned npm package
``@fontsource/atkinson-hyperlegible`` (package.json); this script reads that package's woff2 files
(latin and latin-ext, regular and bold) once with fontTools and writes the widths as a small
table module, so nothing at run time (Pyodide, the ``kenniskring`` command) needs fontTools.
``tests/core/test_fontmetrics.py`` makes the text again and fails if the committed module differs.

Usage: python scripts/fontmetrics.py           write the module
       python scripts/fontmetrics.py --check   only say whether it is up to date (exit code 1)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "node_modules" / "@fontsource" / "atkinson-hyperlegible"
TARGET = ROOT / "py" / "kenniskring" / "fontmetrics.py"
SUBSETS = ("latin", "latin-ext")
WEIGHTS = {"REGULAR": 400, "BOLD": 700}
PER_LINE = 12


def font_file(subset: str, weight: int) -> Path:
    return PACKAGE / "files" / f"atkinson-hyperlegible-{subset}-{weight}-normal.woff2"


def font_files() -> list[Path]:
    return [font_file(s, w) for w in WEIGHTS.values() for s in SUBSETS]


def widths(weight: int) -> tuple[dict[int, int], TTFont]:
    """Advance width (font units) of every code point the subsets of one weight map."""
    found: dict[int, int] = {}
    first: TTFont | None = None
    for subset in SUBSETS:
        font = TTFont(font_file(subset, weight))
        first = first or font
        metrics = font["hmtx"].metrics
        for code, glyph in font.getBestCmap().items():
            advance = int(metrics[glyph][0])
            if found.setdefault(code, advance) != advance:
                raise SystemExit(f"U+{code:04X} has two widths in weight {weight}")
    assert first is not None
    return found, first


def table(name: str, found: dict[int, int]) -> list[str]:
    pairs = [f"{code:x}:{advance}" for code, advance in sorted(found.items())]
    rows = [" ".join(pairs[i : i + PER_LINE]) for i in range(0, len(pairs), PER_LINE)]
    return [f"_{name} = (", *(f'    "{row} "' for row in rows), ")"]


def module_text() -> str:
    version = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    lines = [
        '"""Advance widths of Atkinson Hyperlegible, the font the site serves, for measuring text.',
        "",
        f"Made by scripts/fontmetrics.py from @fontsource/atkinson-hyperlegible {version} (latin and",
        "latin-ext); do not edit. Widths are in font units (UNITS_PER_EM to the em), per code point,",
        'as hexadecimal code point and width pairs; ``textfit`` reads them."""',
        "",
        'FAMILY = "Atkinson Hyperlegible"',
        f'PACKAGE_VERSION = "{version}"',
    ]
    heads: list[str] = []
    tables: list[str] = []
    for name, weight in WEIGHTS.items():
        found, font = widths(weight)
        if not heads:
            os2, head = font["OS/2"], font["head"]
            heads = [
                f"UNITS_PER_EM = {head.unitsPerEm}",
                f"ASCENDER = {os2.sTypoAscender}",
                f"DESCENDER = {-os2.sTypoDescender}",
                f"CAP_HEIGHT = {os2.sCapHeight}",
                f"X_HEIGHT = {os2.sxHeight}",
            ]
        tables += ["", *table(name, found)]
    return "\n".join([*lines, *heads, *tables]) + "\n"


def main(argv: list[str]) -> int:
    text = module_text()
    if "--check" in argv:
        same = TARGET.read_text(encoding="utf-8") == text
        print("fontmetrics.py is up to date" if same else "fontmetrics.py differs from the font: run scripts/fontmetrics.py")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
