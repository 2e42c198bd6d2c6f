"""The IT page shows exactly the configuration files the hosting tests run (hosting/)."""

from __future__ import annotations

import html
import xml.dom.minidom
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOSTING = ROOT / "hosting"


@pytest.mark.parametrize("page", ["it/index.html", "en/it/index.html"])
@pytest.mark.parametrize("name", ["nginx.conf", "htaccess", "web.config"])
def test_the_it_page_shows_the_tested_file(page: str, name: str) -> None:
    shown = html.unescape((ROOT / "site" / page).read_text(encoding="utf-8"))
    for line in (HOSTING / name).read_text().splitlines():
        if line.strip():
            assert line in shown, f"{page} does not show this line of hosting/{name}: {line!r}"


def test_web_config_is_well_formed_xml_with_the_types_iis_lacks() -> None:
    doc = xml.dom.minidom.parse(str(HOSTING / "web.config"))
    types = {m.getAttribute("fileExtension"): m.getAttribute("mimeType") for m in doc.getElementsByTagName("mimeMap")}
    assert types == {
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".whl": "application/zip",
        ".zip": "application/zip",
        ".json": "application/json",
        ".py": "text/plain",
        ".map": "application/json",
        ".woff2": "font/woff2",
    }
