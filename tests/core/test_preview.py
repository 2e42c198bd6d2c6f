"""The stored first picture: written by the app, read back only when it is exactly what was written.

That preview.js reads the same keys, type and version is checked on the build (tests/site/test_preview_script.py).
"""

from __future__ import annotations

import json

import pytest
from kenniskring.model import View
from kenniskring.preview import PREVIEW_TYPE, PREVIEW_VERSION, Preview, preview_from_text, preview_to_text
from kenniskring.render import render

from .factories import sample_map


def test_round_trip_keeps_the_svg_byte_for_byte() -> None:
    svg = render(sample_map(), "nl", View.CURRENT)
    record = Preview("m1", "2026-11-24T10:00:00+00:00", "nl", svg)
    assert preview_from_text(preview_to_text(record)) == record


def test_the_record_is_a_document_of_the_envelope() -> None:
    doc = json.loads(preview_to_text(Preview("m1", "u", "nl", "<svg/>")))
    assert (doc["type"], doc["version"]) == (PREVIEW_TYPE, PREVIEW_VERSION) == ("kenniskring-preview", 1)
    assert "v" not in doc


def test_a_record_of_before_the_envelope_still_opens() -> None:
    old = json.dumps({"v": 1, "map": "m", "updated": "u", "lang": "nl", "svg": "<svg/>"})
    assert preview_from_text(old) == Preview("m", "u", "nl", "<svg/>")


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "not json",
        "[]",
        "[" * 5000,
        json.dumps({"v": 2, "map": "m", "updated": "u", "lang": "nl", "svg": "<svg/>"}),
        json.dumps({"type": PREVIEW_TYPE, "version": 2, "map": "m", "updated": "u", "lang": "nl", "svg": "<svg/>"}),
        json.dumps({"type": "kenniskring", "version": 1, "map": "m", "updated": "u", "lang": "nl", "svg": "<svg/>"}),
        json.dumps({"v": 1, "map": "m", "updated": "u", "lang": "nl"}),
        json.dumps({"v": 1, "map": 3, "updated": "u", "lang": "nl", "svg": "<svg/>"}),
    ],
)
def test_anything_else_is_no_preview(text: str | None) -> None:
    assert preview_from_text(text) is None
