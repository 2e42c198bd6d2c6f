"""The first picture on a return visit: the open map's last drawing, kept for before Python is up.

While Pyodide starts (seconds), a small script (``docs/assets/preview.js``) shows this record's SVG
in the map's place, read-only, under the loading indicator. It shows it only when the record
belongs to the map the app will open, in the version the library saved last (``updated`` equals the
index entry's), and in the page's language; otherwise it shows nothing, so there is never a wrong
picture, only sometimes none. The app then draws the very same SVG once it is ready.

The record is a document of the one envelope (``envelope``): ``{"type": "kenniskring-preview",
"version": 1, ...}``; the script gets the type and version from here at build time
(``hooks/build_site.py``, ``preview_script``). A record of before the envelope (``{"v": 1, ...}``)
is given its type by the envelope's ``untyped`` step and still opens here; the script shows
nothing for it until the app has written the record anew, which it does on its first save.
"""

from __future__ import annotations

import json
from typing import Any

from . import envelope
from .envelope import FileError, Format
from .persistence import KEY_PREFIX
from .values import frozen

PREVIEW_KEY = KEY_PREFIX + "preview"
PREVIEW_TYPE = "kenniskring-preview"
PREVIEW_VERSION = 1
MAX_PREVIEW_CHARS = 20_000_000  # a drawing of the largest map, with room; never more than storage holds


def _untyped(raw: dict[str, Any]) -> dict[str, Any] | None:
    """A record written before the envelope: its version was ``v``."""
    if "v" not in raw:
        return None
    rest = {k: v for k, v in raw.items() if k != "v"}
    return {"type": PREVIEW_TYPE, "version": raw["v"], **rest}


PREVIEW_FORMAT = envelope.register(Format(PREVIEW_TYPE, untyped=_untyped), PREVIEW_VERSION)


@frozen
class Preview:
    map_id: str
    updated: str
    lang: str
    svg: str


def preview_to_text(preview: Preview) -> str:
    doc = envelope.envelope(PREVIEW_FORMAT, map=preview.map_id, updated=preview.updated, lang=preview.lang, svg=preview.svg)
    return json.dumps(doc, ensure_ascii=False)


def preview_from_text(text: str | None) -> Preview | None:
    """The stored record, or None when there is none or it is not one this version can read."""
    if text is None:
        return None
    try:
        raw = envelope.read(text, PREVIEW_FORMAT, MAX_PREVIEW_CHARS)
    except FileError:
        return None
    fields = tuple(raw.get(k) for k in ("map", "updated", "lang", "svg"))
    if not all(isinstance(f, str) for f in fields):
        return None
    return Preview(*(str(f) for f in fields))
