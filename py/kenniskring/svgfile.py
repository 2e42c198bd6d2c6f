"""An exported SVG carries the map's own data, so the picture can be opened in the tool again.

The JSON (the same document as a ``.json`` download) sits in ``<metadata id="kenniskring-data">``.
``read_map_file`` opens either kind of file and answers with the same typed errors.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape

from .fileformat import MAX_FILE_CHARS, FileError, dumps, loads
from .model import NetworkMap

METADATA_ID = "kenniskring-data"
SVG_NS = "http://www.w3.org/2000/svg"


def embed(svg: str, m: NetworkMap, exported_at: str | None = None) -> str:
    """``svg`` (as ``render`` makes it) with the map's JSON inside, right after the opening tag."""
    end_of_open_tag = svg.index(">") + 1  # attribute values never hold a raw ">" (they are escaped)
    data = f'<metadata id="{METADATA_ID}">{escape(dumps(m, exported_at), quote=False)}</metadata>'
    return svg[:end_of_open_tag] + data + svg[end_of_open_tag:]


def map_from_svg(text: str) -> NetworkMap:
    if len(text) > MAX_FILE_CHARS:
        raise FileError("too_large", limit=MAX_FILE_CHARS)
    if "<!ENTITY" in text:  # no document of ours declares entities; refuse them before parsing
        raise FileError("not_in_svg")
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        raise FileError("not_in_svg") from None
    for element in root.iter(f"{{{SVG_NS}}}metadata"):
        if element.get("id") == METADATA_ID:
            return loads(element.text or "")
    raise FileError("not_in_svg")


def read_map_file(text: str) -> NetworkMap:
    """A ``.json`` or a Kenniskring ``.svg`` file, told apart by what it holds, not by its name."""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    return map_from_svg(text) if head == "<" else loads(text)
