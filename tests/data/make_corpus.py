"""Writes tests/data/corpus/: broken and hostile map files, and expected.json with what each must give.

Run once when the format changes (``python tests/data/make_corpus.py``); the files are committed so
that a reviewer can open them. The two very large cases (10 MB, 5,000 people) are made by the test
itself instead of being stored.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent / "corpus"

PERSON = {"id": "p1", "name": "Anna", "ring": "weekly", "kind": "own_team", "knowledge": ["professional"]}
GOOD: dict[str, Any] = {
    "type": "kenniskring",
    "version": 2,
    "source": "kenniskring 0.1.0",
    "map": {"change": "Hybride leren", "perspective": "team", "contacts": [PERSON], "reflection": {}, "actions": []},
}


def doc(**changes: Any) -> dict[str, Any]:
    d = copy.deepcopy(GOOD)
    for path, value in changes.items():
        target = d
        keys = path.split("__")
        for k in keys[:-1]:
            target = target[int(k)] if k.isdigit() else target[k]
        last = keys[-1]
        if value is DELETE:
            del target[last]
        elif last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value
    return d


DELETE = object()


def person(**changes: Any) -> dict[str, Any]:
    p = dict(PERSON)
    for k, v in changes.items():
        if v is DELETE:
            del p[k]
        else:
            p[k] = v
    return doc(map__contacts=[p])


CASES: dict[str, tuple[bytes | str | dict[str, Any] | list[Any], str]] = {
    # not JSON, or not ours
    "empty.json": ("", "not_json"),
    "whitespace.json": ("   \n\t ", "not_json"),
    "truncated.json": (json.dumps(GOOD)[:60], "not_json"),
    "trailing-comma.json": ('{"type": "kenniskring", "version": 2,}', "not_json"),
    "single-quotes.json": ("{'type': 'kenniskring'}", "not_json"),
    "png-bytes.json": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_json"),
    "word-document.json": (b"PK\x03\x04\x14\x00\x06\x00", "not_json"),
    "deep-nesting.json": ("[" * 50_000 + "]" * 50_000, "not_our_file"),
    "nan.json": ('{"type": "kenniskring", "version": NaN}', "bad_version"),
    "array.json": ([GOOD], "not_our_file"),
    "string.json": ('"kenniskring"', "not_our_file"),
    "number.json": (42, "not_our_file"),
    "null.json": (None, "not_our_file"),
    "excalidraw.json": ({"type": "excalidraw", "version": 2, "elements": []}, "not_our_file"),
    "no-type.json": (doc(type=DELETE), "not_our_file"),
    "type-uppercase.json": (doc(type="KENNISKRING"), "not_our_file"),
    "backup-as-map.json": ({"type": "kenniskring-backup", "version": 1, "maps": []}, "not_our_file"),
    # versions
    "version-missing.json": (doc(version=DELETE), "bad_version"),
    "version-string.json": (doc(version="2"), "bad_version"),
    "version-float.json": (doc(version=2.0), "bad_version"),
    "version-zero.json": (doc(version=0), "bad_version"),
    "version-negative.json": (doc(version=-1), "bad_version"),
    "version-newer.json": (doc(version=5), "too_new"),  # one past the format this build knows (4)
    "version-far-future.json": (doc(version=10**12), "too_new"),
    # missing and extra fields
    "map-missing.json": (doc(map=DELETE), "missing_field"),
    "person-without-ring.json": (person(ring=DELETE), "missing_field"),
    # wrong types and values
    "map-is-string.json": (doc(map="Hybride"), "wrong_type"),
    "contacts-is-object.json": (doc(map__contacts={"p1": PERSON}), "wrong_type"),
    "person-is-list.json": (doc(map__contacts=[["Anna", "weekly"]]), "wrong_type"),
    "name-is-number.json": (person(name=7), "wrong_type"),
    "name-is-null.json": (person(name=None), "wrong_type"),
    "name-empty.json": (person(name=""), "empty_text"),
    "name-spaces.json": (person(name="    "), "empty_text"),
    "ring-daily.json": (person(ring="daily"), "bad_value"),
    "ring-dutch.json": (person(ring="wekelijks"), "bad_value"),
    "kind-student.json": (person(kind="student"), "bad_value"),
    "knowledge-string.json": (person(knowledge="scientific"), "wrong_type"),
    "knowledge-unknown.json": (person(knowledge=["intuition"]), "bad_value"),
    "knowledge-twice.json": (person(knowledge=["scientific", "scientific"]), "duplicate_knowledge"),
    "role-for-colleague.json": (person(role="researcher"), "role_not_outside"),
    "perspective-bad.json": (doc(map__perspective="school"), "bad_value"),
    "duplicate-ids.json": (doc(map__contacts=[PERSON, dict(PERSON, name="Bo")]), "duplicate_id"),
    "id-empty.json": (person(id=""), "bad_id"),
    "id-number.json": (person(id=1), "bad_id"),
    "id-with-newline.json": (person(id="a\nb"), "bad_id"),
    "action-unknown-person.json": (
        doc(map__actions=[{"id": "a1", "text": "Bel", "contacts": ["ghost"], "owner": "", "due": "", "done": False}]),
        "unknown_contact",
    ),
    "action-bad-date.json": (
        doc(map__actions=[{"id": "a1", "text": "Bel", "contacts": [], "owner": "", "due": "volgende week", "done": False}]),
        "bad_date",
    ),
    "answer-unknown-question.json": (doc(map__reflection={"why": {"current": "", "desired": ""}}), "bad_value"),
    # too long and hostile text
    "name-too-long.json": (person(name="A" * 81), "too_long"),
    "change-too-long.json": (doc(map__change="verandering " * 30), "too_long"),
    "note-huge.json": (person(note="n" * 100_000), "too_long"),
    "name-with-nul.json": (person(name="An\u0000na"), "control_chars"),
    "name-with-escape-codes.json": (person(name="\u001b[31mrood\u001b[0m"), "control_chars"),
    "change-with-bell.json": (doc(map__change="ding\u0007"), "control_chars"),
    "svg-without-map.svg": ('<svg xmlns="http://www.w3.org/2000/svg"><circle r="5"/></svg>', "not_in_svg"),
    "svg-entity-bomb.svg": (
        '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&lol2;</text></svg>',
        "not_in_svg",
    ),
    "svg-broken.svg": ('<svg xmlns="http://www.w3.org/2000/svg"><metadata id="kenniskring-data">', "not_in_svg"),
    "html-page.svg": ("<!doctype html><html><script>alert(1)</script></html>", "not_in_svg"),
    # hostile but valid: these open, and the names must show as text, never run
    "name-script.json": (person(name="<script>alert(1)</script>"), "ok"),
    "name-img-onerror.json": (person(name='<img src=x onerror="alert(1)">'), "ok"),
    "name-entities.json": (person(name="&lt;b&gt; &amp; &#60;script&#62;"), "ok"),
    "name-svg-cdata.json": (person(name="]]><svg onload=alert(1)>"), "ok"),
    "name-right-to-left.json": (person(name="\u202eevil.exe\u202c مريم"), "ok"),
    "name-zero-width.json": (person(name="A\u200bn\u200dna\ufeff"), "ok"),
    "name-emoji.json": (person(name="👩‍🏫 Juf 🌱"), "ok"),
    "change-javascript-url.json": (doc(map__change="javascript:alert(1)"), "ok"),
    "contacts-missing.json": (doc(map__contacts=DELETE), "ok"),
    "reflection-missing.json": (doc(map__reflection=DELETE), "ok"),
    "extra-top-field.json": (doc(owner="me"), "ok"),
    "extra-map-field.json": (doc(map__title="x"), "ok"),
    "extra-person-field.json": (person(email="anna@school.nl"), "ok"),
    "person-without-knowledge.json": (person(knowledge=DELETE), "ok"),
    # unknown fields are kept and written back, so they too must be text XML can carry, nested as
    # a writer can follow; a missing collection is empty (issue 10)
    "extra-field-lone-surrogate.json": (json.dumps(doc(map__colour="x")).replace('"x"', '"\\ud800"'), "unknown_field"),
    "extra-field-deep.json": (person(extra=json.loads("[" * 100 + "]" * 100)), "unknown_field"),
    "with-bom.json": ("\ufeff" + json.dumps(GOOD), "ok"),
    "version-1.json": (
        {**GOOD, "version": 1, "map": {k: v for k, v in GOOD["map"].items() if k not in ("reflection", "actions")}},
        "ok",
    ),
}


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for old in HERE.iterdir():
        old.unlink()
    expected: dict[str, str] = {}
    for name, (content, code) in CASES.items():
        path = HERE / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        expected[name] = code
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(CASES)} files in {HERE}")


if __name__ == "__main__":
    main()
