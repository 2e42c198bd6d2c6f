import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from kenniskring import fileformat
from kenniskring.fileformat import FILE_TYPE, FORMAT_VERSION, MAX_CONTACTS, FileError, dumps, export_filename, loads, to_document
from kenniskring.model import NetworkMap

from .factories import crowded_map, full_map, person, sample_map

DATA = Path(__file__).parents[1] / "data"

SCHEMA = json.loads((Path(__file__).parents[2] / "schema" / "kenniskring-map.schema.json").read_text())


def good() -> dict[str, Any]:
    return copy.deepcopy(to_document(full_map()))


def test_round_trip_keeps_everything() -> None:
    m = sample_map()
    assert loads(dumps(m)) == m


def test_everything_of_the_method_round_trips() -> None:
    m = full_map()
    assert loads(dumps(m)) == m
    jsonschema.validate(json.loads(dumps(m)), SCHEMA)


def test_a_version_1_file_still_opens() -> None:
    m = loads((DATA / "v1-map.json").read_text(encoding="utf-8"))
    assert m.change == "Flexibel en hybride leren"
    assert [c.name for c in m.contacts] == ["Anna de Vries", "Lector", "Teamleider"]
    assert m.answers == () and m.actions == ()
    assert json.loads(dumps(m))["version"] == FORMAT_VERSION


def test_empty_map_round_trips() -> None:
    assert loads(dumps(NetworkMap())) == NetworkMap()


def test_file_carries_type_version_and_source() -> None:
    doc = json.loads(dumps(sample_map(), exported_at="2026-11-24T10:00:00+00:00"))
    assert doc["type"] == FILE_TYPE
    assert doc["version"] == FORMAT_VERSION
    assert doc["source"].startswith("kenniskring ")
    assert doc["exported_at"] == "2026-11-24T10:00:00+00:00"


def test_written_files_match_the_published_schema() -> None:
    jsonschema.validate(json.loads(dumps(sample_map(), exported_at="2026-11-24T10:00:00Z")), SCHEMA)
    jsonschema.validate(json.loads(dumps(NetworkMap())), SCHEMA)
    with_note = NetworkMap(contacts=(person("a", note="regel 1\n\tregel 2"),))
    jsonschema.validate(json.loads(dumps(with_note)), SCHEMA)


def test_unicode_survives() -> None:
    m = NetworkMap(change="Kansengelijkheid 🌱", contacts=(person("a", "Zoë Çelik"), person("b", "مريم")))
    text = dumps(m)
    assert "Zoë" in text  # written as UTF-8 text, readable in an editor
    assert loads(text) == m


def mutate(path: list[Any], value: Any = None, delete: bool = False) -> dict[str, Any]:
    doc = good()
    target = doc
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


BAD: list[tuple[str, Any, str, tuple[Any, ...]]] = [
    ("list instead of object", [1, 2], "not_our_file", ()),
    ("other program's file", {"type": "excalidraw", "version": 2}, "not_our_file", ()),
    ("no version", mutate(["version"], delete=True), "bad_version", ("version",)),
    ("text version", mutate(["version"], "1"), "bad_version", ("version",)),
    ("boolean version", mutate(["version"], True), "bad_version", ("version",)),
    ("version zero", mutate(["version"], 0), "bad_version", ("version",)),
    ("no map", mutate(["map"], delete=True), "missing_field", ("map",)),
    ("extra top field", mutate(["extra"], 1), "unknown_field", ("extra",)),
    ("map is a list", mutate(["map"], []), "wrong_type", ("map",)),
    ("no contacts", mutate(["map", "contacts"], delete=True), "missing_field", ("map", "contacts")),
    ("extra map field", mutate(["map", "colour"], "red"), "unknown_field", ("map", "colour")),
    ("contacts not a list", mutate(["map", "contacts"], {}), "wrong_type", ("map", "contacts")),
    ("bad perspective", mutate(["map", "perspective"], "class"), "bad_value", ("map", "perspective")),
    ("change not text", mutate(["map", "change"], 5), "wrong_type", ("map", "change")),
    ("change too long", mutate(["map", "change"], "x" * 201), "too_long", ("map", "change")),
    ("contact not an object", mutate(["map", "contacts", 0], "Anna"), "wrong_type", ("map", "contacts", 0)),
    (
        "contact without name",
        mutate(["map", "contacts", 1, "name"], delete=True),
        "missing_field",
        ("map", "contacts", 1, "name"),
    ),
    ("contact extra field", mutate(["map", "contacts", 0, "email"], "a@b"), "unknown_field", ("map", "contacts", 0, "email")),
    ("empty name", mutate(["map", "contacts", 0, "name"], "   "), "empty_text", ("map", "contacts", 0, "name")),
    ("name too long", mutate(["map", "contacts", 0, "name"], "n" * 81), "too_long", ("map", "contacts", 0, "name")),
    ("name not text", mutate(["map", "contacts", 0, "name"], ["A"]), "wrong_type", ("map", "contacts", 0, "name")),
    ("NUL in name", mutate(["map", "contacts", 0, "name"], "An\x00na"), "control_chars", ("map", "contacts", 0, "name")),
    ("escape in change", mutate(["map", "change"], "a\x1b[31m"), "control_chars", ("map", "change")),
    ("bad ring", mutate(["map", "contacts", 0, "ring"], "daily"), "bad_value", ("map", "contacts", 0, "ring")),
    ("bad kind", mutate(["map", "contacts", 0, "kind"], "student"), "bad_value", ("map", "contacts", 0, "kind")),
    ("bad role", mutate(["map", "contacts", 1, "role"], "boss"), "bad_value", ("map", "contacts", 1, "role")),
    (
        "role inside team",
        mutate(["map", "contacts", 0, "role"], "researcher"),
        "role_not_outside",
        ("map", "contacts", 0, "role"),
    ),
    (
        "knowledge not a list",
        mutate(["map", "contacts", 0, "knowledge"], "scientific"),
        "wrong_type",
        ("map", "contacts", 0, "knowledge"),
    ),
    (
        "bad knowledge",
        mutate(["map", "contacts", 0, "knowledge"], ["magic"]),
        "bad_value",
        ("map", "contacts", 0, "knowledge", 0),
    ),
    (
        "knowledge twice",
        mutate(["map", "contacts", 0, "knowledge"], ["scientific", "scientific"]),
        "duplicate_knowledge",
        ("map", "contacts", 0, "knowledge"),
    ),
    ("note too long", mutate(["map", "contacts", 1, "note"], "n" * 2001), "too_long", ("map", "contacts", 1, "note")),
    ("note not text", mutate(["map", "contacts", 1, "note"], None), "wrong_type", ("map", "contacts", 1, "note")),
    ("empty id", mutate(["map", "contacts", 0, "id"], ""), "bad_id", ("map", "contacts", 0, "id")),
    ("number id", mutate(["map", "contacts", 0, "id"], 7), "bad_id", ("map", "contacts", 0, "id")),
    ("non-ascii id", mutate(["map", "contacts", 0, "id"], "é"), "bad_id", ("map", "contacts", 0, "id")),
    ("duplicate id", mutate(["map", "contacts", 1, "id"], "a"), "duplicate_id", ("map", "contacts", 1, "id")),
    (
        "bad desired ring",
        mutate(["map", "contacts", 0, "desired_ring"], "often"),
        "bad_value",
        ("map", "contacts", 0, "desired_ring"),
    ),
    ("wished is text", mutate(["map", "contacts", 0, "wished"], "yes"), "wrong_type", ("map", "contacts", 0, "wished")),
    (
        "wish with desired ring",
        mutate(["map", "contacts", 3, "desired_ring"], "weekly"),
        "desired_for_wished",
        ("map", "contacts", 3, "desired_ring"),
    ),
    ("no reflection", mutate(["map", "reflection"], delete=True), "missing_field", ("map", "reflection")),
    ("reflection is a list", mutate(["map", "reflection"], []), "wrong_type", ("map", "reflection")),
    (
        "unknown question",
        mutate(["map", "reflection", "why"], {"current": "", "desired": ""}),
        "bad_value",
        ("map", "reflection", "why"),
    ),
    (
        "answer not text",
        mutate(["map", "reflection", "knowledge_fit", "current"], 3),
        "wrong_type",
        ("map", "reflection", "knowledge_fit", "current"),
    ),
    (
        "answer too long",
        mutate(["map", "reflection", "talk_more", "desired"], "a" * 4001),
        "too_long",
        ("map", "reflection", "talk_more", "desired"),
    ),
    (
        "answer half",
        mutate(["map", "reflection", "talk_more"], {"current": ""}),
        "missing_field",
        ("map", "reflection", "talk_more", "desired"),
    ),
    ("actions not a list", mutate(["map", "actions"], {}), "wrong_type", ("map", "actions")),
    ("action empty text", mutate(["map", "actions", 0, "text"], " "), "empty_text", ("map", "actions", 0, "text")),
    (
        "action unknown person",
        mutate(["map", "actions", 0, "contacts"], ["ghost"]),
        "unknown_contact",
        ("map", "actions", 0, "contacts", 0),
    ),
    ("action bad date", mutate(["map", "actions", 0, "due"], "1 december"), "bad_date", ("map", "actions", 0, "due")),
    ("action impossible date", mutate(["map", "actions", 0, "due"], "2026-02-30"), "bad_date", ("map", "actions", 0, "due")),
    ("action done is text", mutate(["map", "actions", 1, "done"], "ja"), "wrong_type", ("map", "actions", 1, "done")),
    ("action duplicate id", mutate(["map", "actions", 1, "id"], "x1"), "duplicate_id", ("map", "actions", 1, "id")),
    ("action extra field", mutate(["map", "actions", 0, "priority"], 1), "unknown_field", ("map", "actions", 0, "priority")),
]


@pytest.mark.parametrize(("label", "doc", "code", "where"), BAD, ids=[b[0] for b in BAD])
def test_every_problem_is_a_typed_error_with_its_place(label: str, doc: Any, code: str, where: tuple[Any, ...]) -> None:
    with pytest.raises(FileError) as caught:
        loads(json.dumps(doc))
    assert caught.value.code == code
    assert caught.value.where == where


# JSON Schema cannot say "ids are unique", "links point at a contact" or "a real calendar date";
# the reader checks those on its own.
SCHEMA_EXPRESSIBLE = [b for b in BAD if b[2] not in ("duplicate_id", "unknown_contact") and b[0] != "action impossible date"]


@pytest.mark.parametrize(("label", "doc", "code", "where"), SCHEMA_EXPRESSIBLE, ids=[b[0] for b in SCHEMA_EXPRESSIBLE])
def test_the_schema_rejects_what_the_reader_rejects(label: str, doc: Any, code: str, where: tuple[Any, ...]) -> None:
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(doc)


def test_newer_version_is_refused_with_its_own_message() -> None:
    with pytest.raises(FileError) as caught:
        loads(json.dumps(mutate(["version"], FORMAT_VERSION + 1)))
    assert caught.value.code == "too_new"
    assert caught.value.params == {"version": FORMAT_VERSION + 1, "supported": FORMAT_VERSION}


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("", 1),
        ("{", 1),
        ("not json at all", 1),
        ('{"type": "kenniskring",\n "version": 1,,}', 2),
    ],
)
def test_not_json(text: str, line: int) -> None:
    with pytest.raises(FileError) as caught:
        loads(text)
    assert caught.value.code == "not_json"
    assert caught.value.params["line"] == line


def test_too_large() -> None:
    with pytest.raises(FileError) as caught:
        loads(" " * (fileformat.MAX_FILE_CHARS + 1))
    assert caught.value.code == "too_large"


def test_too_many_contacts() -> None:
    doc = to_document(crowded_map({}))
    doc["map"]["contacts"] = [
        {"id": f"c{i}", "name": f"P{i}", "ring": "weekly", "kind": "own_team", "knowledge": []} for i in range(MAX_CONTACTS + 1)
    ]
    with pytest.raises(FileError) as caught:
        loads(json.dumps(doc))
    assert caught.value.code == "too_many_contacts"


def test_migrations_run_in_sequence(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    def step(n: int) -> Any:
        def migrate(doc: dict[str, Any]) -> dict[str, Any]:
            seen.append(n)
            return {**doc, "version": n + 1}

        return migrate

    doc = good()  # a file of today's version, pretending two newer versions exist
    now = FORMAT_VERSION
    monkeypatch.setattr(fileformat, "FORMAT_VERSION", now + 2)
    monkeypatch.setattr(fileformat, "MIGRATIONS", {now: step(now), now + 1: step(now + 1)})
    m = fileformat.from_document(doc)
    assert seen == [now, now + 1]
    assert m == full_map()


def test_a_failing_migration_is_a_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("oops")

    doc = good()
    monkeypatch.setattr(fileformat, "FORMAT_VERSION", FORMAT_VERSION + 1)
    monkeypatch.setattr(fileformat, "MIGRATIONS", {FORMAT_VERSION: broken})
    with pytest.raises(FileError) as caught:
        fileformat.from_document(doc)
    assert caught.value.code == "migration_failed"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("Flexibel & hybride leren", "flexibel-hybride-leren-2026-11-24.json"),
        ("Kansengelijkheid in het mbo!", "kansengelijkheid-in-het-mbo-2026-11-24.json"),
        ("Curriculum ‘Zorg’ — fase 2", "curriculum-zorg-fase-2-2026-11-24.json"),
        ("", "kenniskring-2026-11-24.json"),
        ("🌱🌱", "kenniskring-2026-11-24.json"),
        ("../../etc/passwd", "etc-passwd-2026-11-24.json"),
    ],
)
def test_export_filename(change: str, expected: str) -> None:
    assert export_filename(change, "2026-11-24") == expected
