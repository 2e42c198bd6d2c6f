"""The committed width table is the served font's: made again from the pinned package's woff2
files, it must be byte for byte the committed module (scripts/fontmetrics.py writes it)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from fontTools.ttLib import TTFont
from kenniskring import fontmetrics, textfit

ROOT = Path(__file__).resolve().parents[2]


def script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("fontmetrics_script", ROOT / "scripts" / "fontmetrics.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_committed_table_is_made_from_the_served_font() -> None:
    made = script()
    assert (ROOT / "py" / "kenniskring" / "fontmetrics.py").read_text(encoding="utf-8") == made.module_text()


def test_the_table_has_the_widths_fonttools_reads() -> None:
    made = script()
    font = TTFont(made.font_file("latin", 700))
    metrics, cmap = font["hmtx"].metrics, font.getBestCmap()
    for ch in "Marieke van der Berg (docent) ICT-coördinator/lector":
        assert textfit.BOLD[ch] == metrics[cmap[ord(ch)]][0] / fontmetrics.UNITS_PER_EM


def test_the_package_version_is_the_pinned_one() -> None:
    import json

    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["@fontsource/atkinson-hyperlegible"]
    assert pinned == fontmetrics.PACKAGE_VERSION

