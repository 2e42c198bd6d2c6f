"""The first picture on a return visit: the open map's last drawing, kept for before Python is up.

While Pyodide starts (seconds), a small script (``docs/assets/preview.js``) shows this record's SVG
in the map's place, read-only, under the loading indicator. It shows it only when the record
belongs to the map the app will open, in the version the library saved last (``updated`` equals the
index entry's), and in the page's language; otherwise it shows nothing, so there is never a wrong
picture, only sometimes none. The app then draws the very same SVG once it is ready.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .persistence import KEY_PREFIX

PREVIEW_KEY = KEY_PREFIX + "preview"
PREVIEW_VERSION = 1


@dataclass(frozen=True)
class Preview:
    map_id: str
    updated: str
    lang: str
    svg: str


def preview_to_text(preview: Preview) -> str:
    return json.dumps(
        {"v": PREVIEW_VERSION, "map": preview.map_id, "updated": preview.updated, "lang": preview.lang, "svg": preview.svg},
        ensure_ascii=False,
    )


def preview_from_text(text: str | None) -> Preview | None:
    """The stored record, or None when there is none or it is not one this version wrote."""
    if text is None:
        return None
    try:
        raw = json.loads(text)
        fields = (raw["map"], raw["updated"], raw["lang"], raw["svg"])
    except (ValueError, KeyError, TypeError):
        return None
    if raw.get("v") != PREVIEW_VERSION or not all(isinstance(f, str) for f in fields):
        return None
    return Preview(*fields)
