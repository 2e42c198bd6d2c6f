import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from kenniskring import envelope, fileformat
from kenniskring.envelope import FileWarning, InvalidContent, NotOurFile, UnreadableText, VersionError
from kenniskring.fileformat import (
    FILE_TYPE,
    FORMAT_VERSION,
    MAX_ACTION_PEOPLE,
    MAX_CONTACTS,
    FileError,
    dumps,
    export_filename,
    load_file,
    loads,
    to_document,
)
from kenniskring.messages import file_error_message
from kenniskring.model import NetworkMap
from kenniskring.values import replace

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
    ("map is a list", mutate(["map"], []), "wrong_type", ("map",)),
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
]


@pytest.mark.parametrize(("label", "doc", "code", "where"), BAD, ids=[b[0] for b in BAD])
def test_every_problem_is_a_typed_error_with_its_place(label: str, doc: Any, code: str, where: tuple[Any, ...]) -> None:
    with pytest.raises(FileError) as caught:
        loads(json.dumps(doc))
    assert caught.value.code == code
    assert caught.value.where == where


# JSON Schema cannot say "ids are unique" or "links point at a contact"; the reader checks those
# on its own (a real calendar date it can say: see validation.DATE_PATTERN).
SCHEMA_EXPRESSIBLE = [b for b in BAD if b[2] not in ("duplicate_id", "unknown_contact")]


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
    monkeypatch.setitem(envelope.VERSIONS, FILE_TYPE, now + 2)
    monkeypatch.setitem(envelope.MIGRATIONS, FILE_TYPE, {now: step(now), now + 1: step(now + 1)})
    m = fileformat.from_document(doc)
    assert seen == [now, now + 1]
    assert m == full_map()


def test_a_failing_migration_is_a_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("oops")

    doc = good()
    monkeypatch.setitem(envelope.VERSIONS, FILE_TYPE, FORMAT_VERSION + 1)
    monkeypatch.setitem(envelope.MIGRATIONS, FILE_TYPE, {FORMAT_VERSION: broken})
    with pytest.raises(VersionError) as caught:
        fileformat.from_document(doc)
    assert caught.value.code == "migration_failed"


def test_a_migration_that_forgets_the_version_is_a_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = good()
    monkeypatch.setitem(envelope.VERSIONS, FILE_TYPE, FORMAT_VERSION + 1)
    monkeypatch.setitem(envelope.MIGRATIONS, FILE_TYPE, {FORMAT_VERSION: lambda doc: doc})
    with pytest.raises(FileError) as caught:
        fileformat.from_document(doc)
    assert caught.value.code == "migration_failed" and caught.value.params == {"version": FORMAT_VERSION}


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


# -- issue 13: hostile input gets a FileError with a message, or opens --------------------------
def _code(text: str) -> str:
    with pytest.raises(FileError) as caught:
        loads(text)
    for lang in ("nl", "en"):
        message = file_error_message(caught.value, "kaart.json", lang)
        assert "{" not in message and "None" not in message
    return caught.value.code


def test_a_number_of_more_than_4300_digits_is_a_file_error() -> None:
    doc = json.dumps(good()).replace(f'"version": {FORMAT_VERSION}', '"version": ' + "9" * 5000)
    assert _code(doc) == "number_too_long"
    assert _code("[" + "1" * 4301 + "]") == "number_too_long"


def test_nesting_beyond_reason_is_a_file_error() -> None:
    assert _code("[" * 5000) in {"not_our_file", "not_json"}
    assert _code('{"a":' * 5000 + "1" + "}" * 5000) == "not_our_file"


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\ufffe", "\\uffff", "\\ufdd0", "\\ud83f\\udffe"])
@pytest.mark.parametrize("field", ["name", "note"])
def test_text_xml_cannot_carry_is_refused(escape: str, field: str) -> None:
    doc = json.dumps(mutate(["map", "contacts", 0, field], "Anna X")).replace("Anna X", f"Anna {escape}")
    with pytest.raises(FileError) as caught:
        loads(doc)
    assert caught.value.code == "not_xml_chars" and caught.value.where == ("map", "contacts", 0, field)


def test_a_pair_of_surrogates_is_one_character_and_opens() -> None:
    doc = json.dumps(mutate(["map", "contacts", 0, "name"], "Anna X")).replace("Anna X", "Anna \\ud83c\\udf31")
    assert loads(doc).contacts[0].name == "Anna 🌱"


@pytest.mark.parametrize("name", ["\u200b", "\u200b\u200d\ufeff", " \u2060 ", "\u202e", "\u3164", "\u0301"])
def test_a_name_of_only_invisible_characters_is_refused(name: str) -> None:
    assert _code(json.dumps(mutate(["map", "contacts", 0, "name"], name))) == "empty_text"


def test_duplicate_keys_are_refused_not_last_one_wins() -> None:
    text = json.dumps(good()).replace('"ring": "weekly"', '"ring": "weekly", "ring": "monthly"', 1)
    assert _code(text) == "duplicate_key"


def test_version_true_is_not_version_1() -> None:
    assert _code(json.dumps(mutate(["version"], True))) == "bad_version"


def test_a_version_1_file_with_a_reflection_and_actions_keeps_them() -> None:
    doc = good()
    doc["version"] = 1
    m = loads(json.dumps(doc))
    assert m == full_map()
    doc["map"]["actions"][0]["contacts"] = ["nobody"]
    assert _code(json.dumps(doc)) == "unknown_contact"  # checked as version 2, never emptied


@pytest.mark.parametrize("key", ["source", "exported_at"])
@pytest.mark.parametrize("value", [float("nan"), {"a": 1}, [[[]]], 5, "x" * 201])
def test_source_and_exported_at_are_checked(key: str, value: Any) -> None:
    with pytest.raises(FileError) as caught:
        fileformat.from_document(mutate([key], value))
    assert caught.value.where == (key,)


def test_a_huge_unknown_key_gives_a_short_warning_and_is_kept() -> None:
    opened = load_file(json.dumps(mutate(["x" * 1_000_000], 1)))
    assert [w.code for w in opened.warnings] == ["unknown_field"]
    assert len(str(opened.warnings[0].where)) < 60
    assert json.loads(dumps(opened.map))["x" * 1_000_000] == 1


def test_an_action_with_more_people_than_allowed_is_refused() -> None:
    people = [person(f"p{i}") for i in range(MAX_ACTION_PEOPLE + 1)]
    doc = to_document(NetworkMap(contacts=tuple(people)))
    doc["map"]["actions"] = [
        {"id": "a1", "text": "Iedereen", "contacts": [p.id for p in people], "owner": "", "due": "", "done": False}
    ]
    assert _code(json.dumps(doc)) == "too_many_action_people"


@pytest.mark.parametrize("bad", ['a"b', "a b", "a<b", "é", "x" * 65])
def test_ids_are_letters_digits_and_a_few_marks(bad: str) -> None:
    assert _code(json.dumps(mutate(["map", "contacts", 0, "id"], bad))) == "bad_id"


# -- issue 10: tolerant where that loses nothing -------------------------------------------------
TOLERATED: list[tuple[str, Any, tuple[Any, ...]]] = [
    ("extra top field", mutate(["extra"], 1), ("extra",)),
    ("extra map field", mutate(["map", "colour"], "red"), ("map", "colour")),
    ("contact extra field", mutate(["map", "contacts", 0, "email"], "a@b"), ("map", "contacts", 0, "email")),
    (
        "action extra field",
        mutate(["map", "actions", 0, "priority"], {"level": [1, None, True, 2.5]}),
        ("map", "actions", 0, "priority"),
    ),
    (
        "answer extra field",
        mutate(["map", "reflection", "knowledge_fit", "by"], "Bo"),
        ("map", "reflection", "knowledge_fit", "by"),
    ),
]


@pytest.mark.parametrize(("label", "doc", "where"), TOLERATED, ids=[t[0] for t in TOLERATED])
def test_an_unknown_field_is_a_warning_and_is_written_back(label: str, doc: Any, where: tuple[Any, ...]) -> None:
    opened = load_file(json.dumps(doc))
    assert opened.warnings == (FileWarning("unknown_field", where),)
    assert opened.map.contacts == full_map().contacts and opened.map.actions == full_map().actions
    assert json.loads(dumps(opened.map)) == {**doc, "source": json.loads(dumps(full_map()))["source"]}
    assert load_file(dumps(opened.map)).map == opened.map  # and again, the next time it is opened


def test_unknown_fields_of_a_person_stay_with_that_person_through_edits() -> None:
    from kenniskring.edits import RemoveContact, apply

    doc = mutate(["map", "contacts", 1, "email"], "lector@school.nl")
    m = loads(json.dumps(doc))
    kept_id = m.contacts[1].id
    moved = loads(dumps(replace(m, contacts=tuple(reversed(m.contacts)))))
    written = json.loads(dumps(moved))["map"]["contacts"]
    assert [c.get("email") for c in written if c["id"] == kept_id] == ["lector@school.nl"]
    assert sum("email" in c for c in written) == 1
    gone = apply(m, RemoveContact(kept_id))
    assert "email" not in dumps(gone)


@pytest.mark.parametrize(
    ("label", "path"),
    [
        ("no contacts", ["map", "contacts"]),
        ("no reflection", ["map", "reflection"]),
        ("no actions", ["map", "actions"]),
        ("no knowledge forms", ["map", "contacts", 0, "knowledge"]),
        ("no people on an action", ["map", "actions", 0, "contacts"]),
    ],
)
def test_a_missing_collection_is_empty(label: str, path: list[Any]) -> None:
    doc = mutate(path, delete=True)
    if path == ["map", "contacts"]:
        doc["map"]["actions"] = []  # they name people
    opened = load_file(json.dumps(doc))
    assert opened.warnings == ()
    again = json.loads(dumps(opened.map))
    target: Any = again
    for key in path[:-1]:
        target = target[key]
    assert target[path[-1]] in ([], {})


def test_a_hand_made_file_without_actions_opens() -> None:
    text = json.dumps(
        {
            "type": "kenniskring",
            "version": 2,
            "map": {
                "change": "Hybride leren",
                "perspective": "team",
                "contacts": [{"id": "a", "name": "Anna", "ring": "weekly", "kind": "own_team"}],
            },
        }
    )
    m = loads(text)
    assert [c.name for c in m.contacts] == ["Anna"] and m.actions == () and m.answers == ()


@pytest.mark.parametrize(
    ("value", "escape"),
    [("x", "\\ud800"), ("x", "\\uffff")],
)
def test_an_unknown_field_with_text_xml_cannot_carry_is_refused(value: str, escape: str) -> None:
    text = json.dumps(mutate(["map", "colour"], {"name": value})).replace(f'"{value}"', f'"{escape}"')
    with pytest.raises(InvalidContent) as caught:
        loads(text)
    assert caught.value.code == "unknown_field" and caught.value.where == ("map", "colour")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), json.loads("[" * 40 + "]" * 40)])
def test_an_unknown_value_we_could_not_write_back_is_refused(value: Any) -> None:
    with pytest.raises(FileError) as caught:
        fileformat.from_document(mutate(["map", "contacts", 0, "colour"], value))
    assert caught.value.code == "unknown_field"


def test_a_thousand_unknown_fields_are_kept_with_twenty_warnings() -> None:
    doc = good()
    for i in range(1000):
        doc[f"x{i}"] = i
    opened = load_file(json.dumps(doc))
    assert len(opened.warnings) == fileformat.MAX_WARNINGS
    assert json.loads(dumps(opened.map))["x999"] == 999


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("{", UnreadableText),
        ("[" + "1" * 40 + "]", UnreadableText),
        ('{"type": "excalidraw"}', NotOurFile),
        ('{"type": "kenniskring", "version": 99, "map": {}}', VersionError),
        ('{"type": "kenniskring", "version": 2, "map": {"change": 1, "perspective": "team"}}', InvalidContent),
    ],
)
def test_errors_are_one_family_by_kind(text: str, family: type[FileError]) -> None:
    with pytest.raises(family) as caught:
        loads(text)
    assert isinstance(caught.value, FileError)
    assert type(FileError(caught.value.code)) is family  # the class follows the code, whoever raises it
