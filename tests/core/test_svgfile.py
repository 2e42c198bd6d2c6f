import xml.etree.ElementTree as ET

import pytest
from kenniskring.fileformat import FileError, dumps
from kenniskring.model import NetworkMap, View
from kenniskring.render import render
from kenniskring.svgfile import embed, map_from_svg, read_map_file

from .factories import full_map


@pytest.mark.parametrize("view", list(View))
def test_the_svg_opens_again_as_the_same_map(view: View) -> None:
    m = full_map()
    svg = embed(render(m, "nl", view), m, "2026-11-24T10:00:00+00:00")
    ET.fromstring(svg)  # still well-formed
    assert map_from_svg(svg) == m
    assert read_map_file(svg) == m


def test_read_map_file_also_takes_json() -> None:
    assert read_map_file("\ufeff" + dumps(full_map())) == full_map()


def test_an_svg_from_elsewhere_is_refused_clearly() -> None:
    with pytest.raises(FileError) as caught:
        read_map_file('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>')
    assert caught.value.code == "not_in_svg"


@pytest.mark.parametrize(
    "text",
    [
        "<svg",
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><svg>&b;</svg>',
        '\ufeff<!-- <svg --> <?x ?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]><svg>&a;</svg>',
        "<html><body>hoi</body></html>",
    ],
)
def test_broken_or_hostile_xml_is_refused(text: str) -> None:
    with pytest.raises(FileError) as caught:
        read_map_file(text)
    assert caught.value.code == "not_in_svg"


def test_a_map_whose_text_reads_like_a_declaration_opens_again() -> None:
    m = NetworkMap(change="<!ENTITY x> <!DOCTYPE y> ]]>")
    assert read_map_file(embed(render(m, "nl"), m)) == m


def test_damaged_data_inside_an_svg_reports_what_is_wrong() -> None:
    svg = embed(render(full_map(), "nl"), full_map()).replace('"ring": "weekly"', '"ring": "daily"', 1)
    with pytest.raises(FileError) as caught:
        read_map_file(svg)
    assert caught.value.code == "bad_value"
