"""An exported SVG carries the map's own data, so the picture can be opened in the tool again.

The JSON (the same document as a ``.json`` download) sits in ``<metadata id="kenniskring-data">``
as a CDATA section, so it takes as many characters as the ``.json`` file: escaped as text, a note
full of ``&`` would grow fivefold. ``read_map_file`` opens either kind of file (and SVGs that carry
the data as escaped text, as older versions wrote them) and answers with the same typed errors.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .fileformat import MAX_FILE_CHARS, FileError, MapFile, dumps, load_file
from .model import NetworkMap

METADATA_ID = "kenniskring-data"
SVG_NS = "http://www.w3.org/2000/svg"
# The data plus the drawing of the largest map the reader accepts (tests/core/test_limits.py).
MAX_SVG_CHARS = MAX_FILE_CHARS + 4_000_000


def embed(svg: str, m: NetworkMap, exported_at: str | None = None, map_id: str = "") -> str:
    """``svg`` (as ``render`` makes it) with the map's JSON inside, right after the opening tag."""
    end_of_open_tag = svg.index(">") + 1  # attribute values never hold a raw ">" (they are escaped)
    cdata = "<![CDATA[" + dumps(m, exported_at, map_id).replace("]]>", "]]]]><![CDATA[>") + "]]>"
    data = f'<metadata id="{METADATA_ID}">{cdata}</metadata>'
    return svg[:end_of_open_tag] + data + svg[end_of_open_tag:]


def map_from_svg(text: str) -> NetworkMap:
    return load_file(_data_in_svg(text)).map


def _data_in_svg(text: str) -> str:
    """The map's JSON that an exported SVG carries, or ``FileError``."""
    if len(text) > MAX_SVG_CHARS:
        raise FileError("too_large", limit=MAX_SVG_CHARS)
    if _declares_a_doctype(text):  # no document of ours declares entities; refuse them before parsing
        raise FileError("not_in_svg")
    try:
        root = ET.fromstring(text)
    except (ET.ParseError, UnicodeEncodeError, RecursionError, ValueError):  # not XML, or lone surrogates
        raise FileError("not_in_svg") from None
    for element in root.iter(f"{{{SVG_NS}}}metadata"):
        if element.get("id") == METADATA_ID:
            return element.text or ""
    raise FileError("not_in_svg")


# What may come before the root element: declarations, processing instructions, comments, space.
_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)


def _declares_a_doctype(text: str) -> bool:
    """Whether a ``<!DOCTYPE`` (the only place entities can be declared) precedes the root element.

    Only the prolog is looked at: a map's own text may hold "<!ENTITY" inside the CDATA section.
    """
    position = 1 if text.startswith("\ufeff") else 0
    while item := _PROLOG_ITEM.match(text, position):
        position = item.end()
    return text.startswith("<!", position)


def read_file(text: str) -> MapFile:
    """A ``.json`` or a Kenniskring ``.svg`` file, told apart by what it holds, not by its name."""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    return load_file(_data_in_svg(text) if head == "<" else text)


def read_map_file(text: str) -> NetworkMap:
    return read_file(text).map
