"""Every file of the broken and hostile corpus gives its own clear message, in both languages,
and never anything but a FileError; the hostile-but-valid ones open and stay text."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from kenniskring.fileformat import MAX_CONTACTS, MAX_FILE_CHARS, FileError
from kenniskring.messages import file_error_message
from kenniskring.model import View
from kenniskring.render import render
from kenniskring.svgfile import read_map_file

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
EXPECTED: dict[str, str] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def as_browser_reads(path: Path) -> str:
    """``File.text()`` decodes UTF-8 and replaces what is not, as here."""
    return path.read_bytes().decode("utf-8", errors="replace")


def test_the_corpus_is_big_enough() -> None:
    assert len(EXPECTED) >= 50
    assert sorted(EXPECTED) == sorted(p.name for p in CORPUS.iterdir() if p.name != "expected.json")


@pytest.mark.parametrize("name", sorted(n for n, code in EXPECTED.items() if code != "ok"))
def test_each_bad_file_gives_its_message(name: str) -> None:
    with pytest.raises(FileError) as caught:
        read_map_file(as_browser_reads(CORPUS / name))
    assert caught.value.code == EXPECTED[name]
    for lang in ("nl", "en"):
        message = file_error_message(caught.value, name, lang)
        assert name in message and "{" not in message


@pytest.mark.parametrize("name", sorted(n for n, code in EXPECTED.items() if code == "ok"))
def test_hostile_but_valid_files_open_and_stay_text(name: str) -> None:
    m = read_map_file(as_browser_reads(CORPUS / name))
    root = ET.fromstring(render(m, "nl", View.BOTH))
    tags = {el.tag.split("}")[1] for el in root.iter()}
    assert not tags & {"script", "foreignObject", "img", "iframe", "a"}
    assert not [a for el in root.iter() for a in el.attrib if a.lower().startswith("on")]
    for c in m.contacts:  # each name first in its note's title, isolated for text direction (issue 13)
        assert any((t.text or "").startswith("\u2068" + c.name[:10]) for t in root.iter("{http://www.w3.org/2000/svg}title"))


def test_a_ten_megabyte_file() -> None:
    big = '{"type": "kenniskring", "version": 2, "map": {"change": "' + "x" * 10_000_000 + '"}}'
    with pytest.raises(FileError) as caught:
        read_map_file(big)
    assert caught.value.code == "too_large" and caught.value.params["limit"] == MAX_FILE_CHARS


def test_five_thousand_people() -> None:
    people = [{"id": f"p{i}", "name": f"P{i}", "ring": "weekly", "kind": "own_team", "knowledge": []} for i in range(5000)]
    doc = {
        "type": "kenniskring",
        "version": 2,
        "map": {"change": "", "perspective": "team", "contacts": people, "reflection": {}, "actions": []},
    }
    with pytest.raises(FileError) as caught:
        read_map_file(json.dumps(doc))
    assert caught.value.code == "too_many_contacts" and caught.value.params["limit"] == MAX_CONTACTS
