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


def test_the_site_serves_the_measured_font_files_and_names_it_first() -> None:
    import re

    from kenniskring.render import FONT

    from hooks.sources import FONT_FILES, FONT_PACKAGE

    css = (ROOT / "docs" / "assets" / "kenniskring.css").read_text(encoding="utf-8")
    assert sorted(re.findall(r"url\(fonts/([^)]+)\)", css)) == sorted(FONT_FILES)
    assert {p.name for p in script().font_files()} == set(FONT_FILES)  # what is served is what is measured
    assert all((FONT_PACKAGE / "files" / name).exists() for name in FONT_FILES)
    assert set(re.findall(r'font-family: "([^"]+)"', css)) == {fontmetrics.FAMILY}
    assert f'--md-text-font: "{fontmetrics.FAMILY}"' in css  # the pages and the tool's text
    assert FONT.startswith(f"'{fontmetrics.FAMILY}',")  # the map, inline and downloaded
    assert "//" not in "".join(re.findall(r"url\(([^)]+)\)", css))  # no other origin


def test_the_offline_copy_carries_the_font_inside(tmp_path: Path) -> None:
    from hooks.offline_copy import inline_fonts
    from hooks.sources import FONT_FILES, FONT_PACKAGE, FONTS_DIR

    (tmp_path / FONTS_DIR).mkdir(parents=True)
    for name in FONT_FILES:
        (tmp_path / FONTS_DIR / name).write_bytes((FONT_PACKAGE / "files" / name).read_bytes())
    css = (ROOT / "docs" / "assets" / "kenniskring.css").read_text(encoding="utf-8")
    inlined = inline_fonts(css, tmp_path)
    assert "url(fonts/" not in inlined and inlined.count("url(data:font/woff2;base64,") == len(FONT_FILES)
