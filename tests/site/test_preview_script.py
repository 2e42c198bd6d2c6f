"""preview.js reads what preview.py writes: the build fills in the keys and the record's type and version.

The Python side (``preview.PREVIEW_KEY``, ``PREVIEW_TYPE``, ``PREVIEW_VERSION``, ``library.INDEX_KEY``) is the
one place they are named; ``make build`` writes them into ``site/assets/preview.js`` and, through
it, into the offline copy. The browser tests (tests/browser/test_offline.py) show the picture.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from kenniskring.library import INDEX_KEY
from kenniskring.preview import PREVIEW_KEY, PREVIEW_TYPE, PREVIEW_VERSION

from hooks.build_site import PREVIEW_CONTRACT, preview_script
from hooks.offline_copy import OFFLINE_PATH

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "docs" / "assets" / "preview.js"
CONTRACT = {"previewKey": PREVIEW_KEY, "indexKey": INDEX_KEY, "type": PREVIEW_TYPE, "version": PREVIEW_VERSION}


def contract_in(script: str) -> dict[str, object]:
    found = re.findall(r"var contract = (\{[^}]*\});", script)
    assert len(found) == 1, "preview.js no longer says `var contract = {...};` once"
    return json.loads(found[0])  # type: ignore[no-any-return]


def test_the_template_names_no_key_or_version_itself() -> None:
    template = TEMPLATE.read_text(encoding="utf-8")
    assert template.count(PREVIEW_CONTRACT) == 1
    assert "kenniskring:" not in template, "a storage key is written into preview.js by hand"
    assert not re.search(r"\.(v|version)\s*[!=]==?\s*\d", template), "the record version is written into preview.js by hand"
    assert PREVIEW_TYPE not in template, "the record type is written into preview.js by hand"
    for name in CONTRACT:
        assert f"contract.{name}" in template, f"preview.js does not read contract.{name}"


def test_the_build_fills_in_what_the_python_writes() -> None:
    assert contract_in(preview_script(TEMPLATE.read_text(encoding="utf-8"))) == CONTRACT


def test_a_template_without_the_placeholder_stops_the_build() -> None:
    with pytest.raises(SystemExit):
        preview_script('var contract = {"previewKey": "kenniskring:preview"};')


@pytest.mark.parametrize("built", ["assets/preview.js", OFFLINE_PATH])
def test_the_built_site_and_the_offline_copy_carry_the_filled_in_script(built: str) -> None:
    text = (ROOT / "site" / built).read_text(encoding="utf-8")
    assert PREVIEW_CONTRACT not in text
    assert contract_in(text) == CONTRACT
