"""The stored first picture: written by the app, read back only when it is exactly what was written.

That preview.js reads the same keys and version is checked on the build (tests/site/test_preview_script.py).
"""

from __future__ import annotations

import json

import pytest
from kenniskring.model import View
from kenniskring.preview import Preview, preview_from_text, preview_to_text
from kenniskring.render import render

from .factories import sample_map


def test_round_trip_keeps_the_svg_byte_for_byte() -> None:
    svg = render(sample_map(), "nl", View.CURRENT)
    record = Preview("m1", "2026-11-24T10:00:00+00:00", "nl", svg)
    assert preview_from_text(preview_to_text(record)) == record


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "not json",
        "[]",
        json.dumps({"v": 2, "map": "m", "updated": "u", "lang": "nl", "svg": "<svg/>"}),
        json.dumps({"v": 1, "map": "m", "updated": "u", "lang": "nl"}),
        json.dumps({"v": 1, "map": 3, "updated": "u", "lang": "nl", "svg": "<svg/>"}),
    ],
)
def test_anything_else_is_no_preview(text: str | None) -> None:
    assert preview_from_text(text) is None
